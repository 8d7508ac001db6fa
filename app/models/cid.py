"""Payment (CID) configurations: how the customer identification number — the payment
reference printed on outgoing invoices (KID in Norway) — is built (AR101000, CID tab)."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import (
    Base,
    MasterRecord,
    OptionEnum,
    code10,
    text255,
    unique_regardless_of_case,
)


class CidStatus(OptionEnum):
    ACTIVE = "Active"
    INACTIVE = "Inactive"
    EDITING = "Editing"


class CidElementKind(OptionEnum):
    CUSTOMER_NO = "Customer no."
    INVOICE_NO = "Invoice no."
    FIXED_VALUE = "Fixed value"
    CHECK_DIGIT = "Check digit"


class Padding(OptionEnum):
    LEADING_ZEROS = "Leading zeros"
    TRAILING_ZEROS = "Trailing zeros"
    NONE = "None"


class CidElement(Base):
    __tablename__ = "cid_element"

    id: Mapped[int] = mapped_column(primary_key=True)
    cid_configuration_id: Mapped[int] = mapped_column(
        ForeignKey("cid_configuration.id", ondelete="CASCADE")
    )
    sort_order: Mapped[int] = mapped_column(default=0)
    element: Mapped[CidElementKind] = mapped_column(default=CidElementKind.CUSTOMER_NO)
    fixed_value: Mapped[str | None] = mapped_column(String(25))
    number_of_positions: Mapped[int] = mapped_column(default=0)
    leading_trailing_zeros: Mapped[Padding] = mapped_column(default=Padding.LEADING_ZEROS)


class CidConfiguration(MasterRecord, Base):
    __tablename__ = "cid_configuration"

    configuration_id: Mapped[code10] = mapped_column(unique=True)
    status: Mapped[CidStatus] = mapped_column(default=CidStatus.INACTIVE)
    branch_id: Mapped[int | None] = mapped_column(ForeignKey("branch.id"))
    payment_method_id: Mapped[int | None] = mapped_column(ForeignKey("payment_method.id"))
    digit_counter: Mapped[int] = mapped_column(default=0)
    description: Mapped[text255 | None]
    display_mask: Mapped[str | None] = mapped_column(String(30))
    reference_modulus: Mapped[str | None] = mapped_column(String(10))
    reference_weight: Mapped[str | None] = mapped_column(String(30))
    amount_check_digit: Mapped[str | None] = mapped_column(String(10))
    amount_weight: Mapped[str | None] = mapped_column(String(30))

    elements: Mapped[list[CidElement]] = relationship(
        cascade="all, delete-orphan", order_by=CidElement.sort_order
    )


unique_regardless_of_case(CidConfiguration.configuration_id)
