"""Payment methods (CA204000) with the details a customer fills in for them."""

from __future__ import annotations

from sqlalchemy import ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import (
    Base,
    MasterRecord,
    OptionEnum,
    code10,
    text255,
    unique_regardless_of_case,
)


class MeansOfPayment(OptionEnum):
    BANK_TRANSFER = "Bank transfer"
    DIRECT_DEBIT = "Direct debit"
    CREDIT_CARD = "Credit card"
    CASH_OR_CHEQUE = "Cash/cheque"


class PaymentMethodDetail(Base):
    """A detail of the method a customer must give (e.g. IBAN, BIC, mandate reference)."""

    __tablename__ = "payment_method_detail"
    __table_args__ = (UniqueConstraint("payment_method_id", "detail_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    payment_method_id: Mapped[int] = mapped_column(
        ForeignKey("payment_method.id", ondelete="CASCADE")
    )
    detail_id: Mapped[code10]
    description: Mapped[text255]
    required: Mapped[bool] = mapped_column(default=False)
    sort_order: Mapped[int] = mapped_column(default=0)


class PaymentMethod(MasterRecord, Base):
    __tablename__ = "payment_method"

    payment_method_id: Mapped[code10] = mapped_column(unique=True)
    description: Mapped[text255]
    means_of_payment: Mapped[MeansOfPayment] = mapped_column(default=MeansOfPayment.BANK_TRANSFER)
    use_in_customer_ledger: Mapped[bool] = mapped_column(default=True)
    active: Mapped[bool] = mapped_column(default=True)
    cash_account_id: Mapped[int | None] = mapped_column(ForeignKey("cash_account.id"))

    details: Mapped[list[PaymentMethodDetail]] = relationship(
        cascade="all, delete-orphan", order_by=PaymentMethodDetail.sort_order
    )


unique_regardless_of_case(PaymentMethod.payment_method_id)
