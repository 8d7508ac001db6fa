"""Customer ledger documents: invoices, notes, payments and the rest, as far as the customer
account needs them (balances, what may be deleted or renumbered, statements).

A document's amounts are positive; its type says on which side of the ledger it lands
(app/ledger/balances.py).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, MasterRecord, OptionEnum, money, text255
from app.models.customer import Customer


class DocumentType(OptionEnum):
    INVOICE = "Invoice"
    DEBIT_NOTE = "Debit note"
    CREDIT_NOTE = "Credit note"
    PAYMENT = "Payment"
    PREPAYMENT = "Prepayment"
    REFUND = "Refund"
    OVERDUE_CHARGE = "Overdue charge"
    BALANCE_WRITE_OFF = "Balance write-off"
    CREDIT_WRITE_OFF = "Credit write-off"


class DocumentStatus(OptionEnum):
    ON_HOLD = "On hold"
    BALANCED = "Balanced"
    OPEN = "Open"
    CLOSED = "Closed"
    VOIDED = "Voided"


class ArDocument(MasterRecord, Base):
    __tablename__ = "ar_document"
    __table_args__ = (
        UniqueConstraint("doc_type", "ref_nbr"),
        Index("ix_ar_document_customer_status", "customer_id", "status"),
    )

    doc_type: Mapped[DocumentType]
    ref_nbr: Mapped[str] = mapped_column(String(15))
    # The number series the reference number was taken from: a series in use cannot be
    # swapped in the preferences.
    number_series_id: Mapped[int | None] = mapped_column(ForeignKey("number_series.id"))
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    location_id: Mapped[int | None] = mapped_column(ForeignKey("location.id"))
    branch_id: Mapped[int | None] = mapped_column(ForeignKey("branch.id"))
    currency_id: Mapped[int | None] = mapped_column(ForeignKey("currency.id"))
    doc_date: Mapped[date]
    due_date: Mapped[date | None]
    status: Mapped[DocumentStatus] = mapped_column(default=DocumentStatus.ON_HOLD)
    released: Mapped[bool] = mapped_column(default=False)
    amount: Mapped[money] = mapped_column(default=Decimal(0))
    # What is still open of the amount once applications are taken off.
    balance: Mapped[money] = mapped_column(default=Decimal(0))
    description: Mapped[text255 | None]

    customer: Mapped[Customer] = relationship()

    def __repr__(self) -> str:
        return f"ArDocument({self.doc_type.label} {self.ref_nbr!r})"
