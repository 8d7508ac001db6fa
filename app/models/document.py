"""Customer ledger documents: invoices, notes, payments and the rest, as far as the customer
account needs them (balances, what may be deleted or renumbered, statements).

A document's amounts are positive; its type says on which side of the ledger it lands
(app/ledger/balances.py).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint, false, inspect
from sqlalchemy.orm import Mapped, foreign, mapped_column, relationship

from app.models.base import (
    Base,
    ExactDecimal,
    MasterRecord,
    OptionEnum,
    money,
    text255,
    utcnow,
)
from app.models.customer import Customer
from app.models.reference.currency import RATE_PLACES


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
    # Balanced, but AR101000 requires it printed (or e-mailed) before release.
    PENDING_PRINT = "Pending print"
    PENDING_EMAIL = "Pending email"
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
    # A document in another currency than the base one: the rate it was entered at (one unit
    # of its currency in the base currency) and the rate type it came from; both empty for a
    # document in the base currency. Balances in the base currency convert by it.
    currency_rate: Mapped[Decimal | None] = mapped_column(ExactDecimal(RATE_PLACES))
    rate_type_id: Mapped[int | None] = mapped_column(ForeignKey("rate_type.id"))
    doc_date: Mapped[date]
    due_date: Mapped[date | None]
    status: Mapped[DocumentStatus] = mapped_column(default=DocumentStatus.ON_HOLD)
    released: Mapped[bool] = mapped_column(default=False)
    amount: Mapped[money] = mapped_column(default=Decimal(0))
    # What is still open of the amount once applications are taken off.
    balance: Mapped[money] = mapped_column(default=Decimal(0))
    description: Mapped[text255 | None]
    # Entry: kept on hold by the user (or by a failed credit check) until taken off hold.
    hold: Mapped[bool] = mapped_column(default=False, server_default=false())
    cash_discount_date: Mapped[date | None]
    # The total the user typed to check the lines against (Validate document totals on entry).
    control_total: Mapped[money | None]
    # A payment's reference (the bank's or the customer's), required when AR101000 says so.
    payment_ref: Mapped[str | None] = mapped_column(String(40))
    payment_method_id: Mapped[int | None] = mapped_column(ForeignKey("payment_method.id"))
    # A write-off's reason code (AR101000 Write-off settings).
    reason_code_id: Mapped[int | None] = mapped_column(ForeignKey("reason_code.id"))
    # Release and void: when, so a balance as at an earlier date still counts the document.
    release_date: Mapped[date | None]
    void_date: Mapped[date | None]
    # Posting (Automatically post on release): the GL batch number from the batch series.
    posted: Mapped[bool] = mapped_column(default=False, server_default=false())
    batch_nbr: Mapped[str | None] = mapped_column(String(15))
    # Printed (its PDF saved or printed) and e-mailed (its PDF saved for sending, marked sent):
    # what AR101000's Require invoice/note printing or emailing before release waits for.
    printed: Mapped[bool] = mapped_column(default=False, server_default=false())
    emailed: Mapped[bool] = mapped_column(default=False, server_default=false())

    customer: Mapped[Customer] = relationship()
    lines: Mapped[list[ArDocumentLine]] = relationship(
        cascade="all, delete-orphan", order_by="ArDocumentLine.line_nbr"
    )

    def __repr__(self) -> str:
        return f"ArDocument({self.doc_type.label} {self.ref_nbr!r})"


class ArDocumentLine(Base):
    """One line of an invoice or note: what it is for, the account and VAT category it is
    booked to, and its amount (the document's amount is the sum of its lines)."""

    __tablename__ = "ar_document_line"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("ar_document.id", ondelete="CASCADE"), index=True
    )
    line_nbr: Mapped[int] = mapped_column(default=1)
    description: Mapped[text255 | None]
    account_id: Mapped[int | None] = mapped_column(ForeignKey("gl_account.id"))
    vat_category_id: Mapped[int | None] = mapped_column(ForeignKey("vat_category.id"))
    amount: Mapped[money] = mapped_column(default=Decimal(0))


class ArApplication(Base):
    """A credit-side document (payment, prepayment, credit note, balance write-off) applied to
    a debit-side one (invoice, debit note, overdue charge, refund, credit write-off): both
    documents' open balances are less by ``amount`` from ``application_date`` on, until the
    application is reversed (kept, flagged and dated, so a balance as at an earlier date is
    still true)."""

    __tablename__ = "ar_application"

    id: Mapped[int] = mapped_column(primary_key=True)
    credit_document_id: Mapped[int] = mapped_column(ForeignKey("ar_document.id"), index=True)
    debit_document_id: Mapped[int] = mapped_column(ForeignKey("ar_document.id"), index=True)
    amount: Mapped[money]
    # Documents in another currency entered at different rates: what the application gained
    # (positive) or lost in the base currency, amount × (credit's rate − debit's rate) — the
    # seed's realised gain or loss. Zero in the base currency.
    realised_gain_loss: Mapped[money] = mapped_column(default=Decimal(0), server_default="0")
    application_date: Mapped[date]
    reversed: Mapped[bool] = mapped_column(default=False, server_default=false())
    reversal_date: Mapped[date | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)

    credit_document: Mapped[ArDocument] = relationship(foreign_keys=[credit_document_id])
    debit_document: Mapped[ArDocument] = relationship(foreign_keys=[debit_document_id])


class CustomerBalance(Base):
    """The customer's stored balance: the signed open balances of its released documents,
    written in the transaction of every release, application, reversal, void and write-off
    (app/ledger/documents/stored_balance.py). A table of its own rather than a column of the
    customer, so a release never changes the customer's version (an open customer screen stays
    current) and the list sorts by an indexed column instead of summing documents per row."""

    __tablename__ = "customer_balance"

    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), primary_key=True
    )
    balance: Mapped[money] = mapped_column(default=Decimal(0), index=True)


# A customer's documents, for reading only (the Customer details inquiry, AR402000, lists them);
# documents are written through the ledger's document commands, never through the customer.
inspect(Customer).add_property(
    "documents",
    relationship(
        ArDocument,
        primaryjoin=Customer.id == foreign(ArDocument.customer_id),
        viewonly=True,
        order_by=ArDocument.doc_date.desc(),
    ),
)
