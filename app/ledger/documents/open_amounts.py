"""What is open of each document as at a date: for statements (the balance as at the statement
date) and the Customer details inquiry (AR402000).

A document counts as at ``as_at`` when it is released, dated on or before ``as_at`` and not
voided on or before it. Its open amount then is its amount less every application (on either
side) dated on or before ``as_at`` and not reversed on or before it: so the figure for a past
date stays what it was, whatever was applied, reversed or voided since. For today it equals the
stored ``ArDocument.balance`` (a test holds them together).

Amounts are positive, on the document's own side; ``signed_open`` carries the type's sign
(app/ledger/balances.py): positive where the customer owes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import ColumnElement, and_, func, literal_column, or_, select, type_coerce
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.ledger.balances import ZERO, sign
from app.ledger.currency_rates import base_places, base_total
from app.models import ArApplication, ArDocument, DocumentType


@dataclass(frozen=True)
class OpenDocument:
    id: int
    customer_id: int
    doc_type: DocumentType
    ref_nbr: str
    doc_date: date
    due_date: date | None
    description: str | None
    amount: Decimal
    open_amount: Decimal  # positive, on the document's own side
    currency_rate: Decimal | None = None  # in another currency than the base one

    @property
    def signed_open(self) -> Decimal:
        return sign(self.doc_type) * self.open_amount

    @property
    def signed_amount(self) -> Decimal:
        return sign(self.doc_type) * self.amount


def in_force_as_at(as_at: date) -> ColumnElement[bool]:
    """An application is in force on ``as_at``: dated on or before it, not reversed by then."""
    return and_(
        ArApplication.application_date <= as_at,
        or_(
            ArApplication.reversed.is_(False),
            ArApplication.reversal_date.is_(None),
            ArApplication.reversal_date > as_at,
        ),
    )


def applied_as_at(as_at: date) -> ColumnElement[Decimal]:
    """What the applications in force on ``as_at`` took from the document of the row
    (``ArDocument.id``; zero when none): looked up by index per document, on either side, not
    summed over every application of the ledger (Regenerate asks about one customer)."""

    def side(column: InstrumentedAttribute[int]) -> ColumnElement[Decimal]:
        found = (
            select(func.sum(ArApplication.amount))
            .where(column == ArDocument.id, in_force_as_at(as_at))
            .scalar_subquery()
        )
        return func.coalesce(found, literal_column("0"))

    return type_coerce(
        side(ArApplication.credit_document_id) + side(ArApplication.debit_document_id),
        ArDocument.__table__.c.amount.type,
    )


def counted_as_at(as_at: date) -> ColumnElement[bool]:
    """A document counts as at ``as_at``: released, dated on or before it, not voided by then."""
    return and_(
        ArDocument.released.is_(True),
        ArDocument.doc_date <= as_at,
        or_(ArDocument.void_date.is_(None), ArDocument.void_date > as_at),
    )


def documents_as_at(
    session: Session, customer_ids: Iterable[int], as_at: date, *, open_only: bool = True
) -> list[OpenDocument]:
    """The customers' documents counted as at ``as_at`` (those with something open, unless
    ``open_only`` is False), by customer, date and number."""
    ids = list(customer_ids)
    if not ids:
        return []
    documents_then = (
        select(
            ArDocument.id,
            ArDocument.customer_id,
            ArDocument.doc_type,
            ArDocument.ref_nbr,
            ArDocument.doc_date,
            ArDocument.due_date,
            ArDocument.description,
            ArDocument.amount,
            applied_as_at(as_at).label("applied"),
            ArDocument.currency_rate,
        )
        .where(ArDocument.customer_id.in_(ids), counted_as_at(as_at))
        .subquery()
    )
    stmt = select(documents_then).order_by(
        documents_then.c.customer_id, documents_then.c.doc_date, documents_then.c.ref_nbr
    )
    if open_only:
        stmt = stmt.where(documents_then.c.amount != documents_then.c.applied)
    documents: list[OpenDocument] = []
    for row in session.execute(stmt):
        applied_amount = ZERO if row.applied is None else Decimal(row.applied)
        documents.append(
            OpenDocument(
                id=row.id,
                customer_id=row.customer_id,
                doc_type=row.doc_type,
                ref_nbr=row.ref_nbr,
                doc_date=row.doc_date,
                due_date=row.due_date,
                description=row.description,
                amount=row.amount,
                open_amount=row.amount - applied_amount,
                currency_rate=row.currency_rate,
            )
        )
    return documents


def open_amount_as_at(
    session: Session, customer_ids: Iterable[int], as_at: date
) -> dict[int, Decimal]:
    """Document id → its open amount (positive, own side) as at ``as_at``, for the documents
    of ``customer_ids`` with something open then."""
    return {doc.id: doc.open_amount for doc in documents_as_at(session, customer_ids, as_at)}


def balance_as_at(session: Session, customer_id: int, as_at: date) -> Decimal:
    """The customer's balance as at ``as_at`` in the base currency: the signed open amounts
    then, each converted at its document's rate."""
    documents = documents_as_at(session, [customer_id], as_at)
    return base_total(((d.signed_open, d.currency_rate) for d in documents), base_places(session))
