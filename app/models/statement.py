"""Customer statements (DESIGN §5): what a statement cycle prepared for one customer, branch and
currency on a statement date, its lines, and the stamps that keep a reported document off later
balance-brought-forward statements.

A statement is never overwritten: Regenerate last statement writes a new revision and marks the
earlier one superseded (``current`` cleared), keeping its archived PDF and checksum.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, MasterRecord, money, text255
from app.models.options import StatementType

# The five ageing buckets (Current, 1–d1, d1+1–d2, d2+1–d3, over d3), in order.
AGE_COLUMNS = ("age_current", "age_1", "age_2", "age_3", "age_over")


class Statement(MasterRecord, Base):
    __tablename__ = "statement"
    __table_args__ = (
        Index("ix_statement_customer_date", "customer_id", "statement_date"),
        Index("ix_statement_cycle_date", "statement_cycle_id", "statement_date"),
    )

    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    branch_id: Mapped[int | None] = mapped_column(ForeignKey("branch.id"))
    currency_id: Mapped[int | None] = mapped_column(ForeignKey("currency.id"))
    statement_cycle_id: Mapped[int | None] = mapped_column(ForeignKey("statement_cycle.id"))
    statement_date: Mapped[date]
    statement_type: Mapped[StatementType]
    opening_balance: Mapped[money] = mapped_column(default=Decimal(0))
    closing_balance: Mapped[money] = mapped_column(default=Decimal(0))
    # The ledger's balance as at the statement date when prepared: what the proof sheet checks
    # the closing balance against.
    ledger_balance: Mapped[money] = mapped_column(default=Decimal(0))
    age_current: Mapped[money] = mapped_column(default=Decimal(0))
    age_1: Mapped[money] = mapped_column(default=Decimal(0))
    age_2: Mapped[money] = mapped_column(default=Decimal(0))
    age_3: Mapped[money] = mapped_column(default=Decimal(0))
    age_over: Mapped[money] = mapped_column(default=Decimal(0))
    # The bucket labels of the cycle when prepared, printed as they were (tab-separated).
    age_labels: Mapped[text255] = mapped_column(default="")
    revision: Mapped[int] = mapped_column(default=1)
    # Cleared when a regenerated revision replaces this one; the row and its PDF stay.
    current: Mapped[bool] = mapped_column(default=True)
    pdf_path: Mapped[str | None] = mapped_column(String(1000))
    pdf_checksum: Mapped[str | None] = mapped_column(String(64))  # SHA-256, hex
    printed_at: Mapped[datetime | None]

    lines: Mapped[list[StatementLine]] = relationship(
        back_populates="statement",
        order_by="StatementLine.line_no",
        cascade="all, delete-orphan",
    )

    @property
    def ageing(self) -> tuple[Decimal, ...]:
        return tuple(getattr(self, column) for column in AGE_COLUMNS)


class StatementLine(Base):
    """A document on a statement as it was reported: an open item with its open amount, or a
    movement with its whole amount, and the running balance after it."""

    __tablename__ = "statement_line"

    id: Mapped[int] = mapped_column(primary_key=True)
    statement_id: Mapped[int] = mapped_column(
        ForeignKey("statement.id", ondelete="CASCADE"), index=True
    )
    line_no: Mapped[int]
    document_id: Mapped[int | None] = mapped_column(ForeignKey("ar_document.id"))
    # The account the document is of: a consolidating child account's on its parent's statement.
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id"))
    doc_type: Mapped[str] = mapped_column(String(40))
    ref_nbr: Mapped[str] = mapped_column(String(15))
    doc_date: Mapped[date]
    due_date: Mapped[date | None]
    description: Mapped[str | None] = mapped_column(String(255))
    debit: Mapped[money] = mapped_column(default=Decimal(0))
    credit: Mapped[money] = mapped_column(default=Decimal(0))
    balance: Mapped[money] = mapped_column(default=Decimal(0))
    bucket: Mapped[int] = mapped_column(default=0)

    statement: Mapped[Statement] = relationship(back_populates="lines")


class StatementStamp(Base):
    """A document reported on a statement: it is never reported as a movement again. Cleared
    when the statement is regenerated (its new revision stamps anew)."""

    __tablename__ = "statement_stamp"

    document_id: Mapped[int] = mapped_column(ForeignKey("ar_document.id"), primary_key=True)
    statement_id: Mapped[int] = mapped_column(
        ForeignKey("statement.id", ondelete="CASCADE"), index=True
    )
    statement_date: Mapped[date]
