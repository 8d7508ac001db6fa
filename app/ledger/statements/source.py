"""What statements read of the customer ledger's documents — the one place that knows how.

Statements need, for a set of customers and a statement date D:

- every released document dated on or before D, with its signed amount (a movement, when it is
  not yet stamped as reported) and its signed **open amount as at D** (an open item);
- the ledger balance as at D: the signed amounts of those documents (applications move money
  between a customer's own documents, so they never change it).

Signs follow app/ledger/balances.py (DEBIT_TYPES add to what the customer owes).

A document counts as at D when it is released, dated on or before D and not voided on or before
D; its open amount as at D is its amount less the applications (on either side) dated on or
before D and not reversed by then (app/ledger/documents/open_amounts.py, the same rule as the
Customer details inquiry). So a statement for a past date shows what was open then, whatever
was applied, reversed or voided since. Nothing else in app/ledger/statements reads ArDocument.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, or_, select, type_coerce
from sqlalchemy.orm import Session

from app.ledger.balances import CREDIT_TYPES, sign, signed
from app.ledger.documents.open_amounts import applied_as_at, counted_as_at
from app.models import ArDocument, DocumentType, StatementStamp

ZERO = Decimal("0.0000")
# Ids asked about in one query (SQLite allows 32766 bound parameters).
CHUNK = 5000


@dataclass(frozen=True)
class SourceDocument:
    """A released document as statements see it; amounts signed (+ adds to the balance)."""

    id: int
    customer_id: int
    branch_id: int | None
    currency_id: int | None
    doc_type: DocumentType
    ref_nbr: str
    doc_date: date
    due_date: date | None
    description: str | None
    amount: Decimal  # signed
    open_amount: Decimal  # signed, as at the date asked about
    reported: bool  # stamped on a statement already
    # The rate it was entered at, in another currency than the base one (reports in the base
    # currency convert by it: Aged receivables).
    currency_rate: Decimal | None = None

    @property
    def is_credit(self) -> bool:
        return self.doc_type in CREDIT_TYPES


def documents_as_at(
    session: Session, customer_ids: Collection[int], as_at: date
) -> list[SourceDocument]:
    """The customers' documents counted as at ``as_at`` that a statement shows: those open as
    at that date (with their open amounts then) and those not yet reported on a statement; in
    date order. A closed document already reported is not read (a ledger of years would be
    read whole at every run): the balances as at the date come from :func:`ledger_balances`."""
    found: list[SourceDocument] = []
    applied = applied_as_at(as_at)
    stamped = select(StatementStamp.document_id).where(StatementStamp.document_id == ArDocument.id)
    for chunk in id_chunks(customer_ids):
        documents = (
            select(
                ArDocument.id,
                ArDocument.customer_id,
                ArDocument.branch_id,
                ArDocument.currency_id,
                ArDocument.doc_type,
                ArDocument.ref_nbr,
                ArDocument.doc_date,
                ArDocument.due_date,
                ArDocument.description,
                ArDocument.amount,
                applied.label("applied"),
                stamped.exists().label("reported"),
                ArDocument.currency_rate,
            )
            .where(ArDocument.customer_id.in_(chunk), counted_as_at(as_at))
            .subquery()
        )
        rows = session.execute(
            select(documents).where(
                or_(documents.c.amount != documents.c.applied, ~documents.c.reported)
            )
        ).all()
        for row in rows:
            factor = sign(row.doc_type)
            applied_amount = ZERO if row.applied is None else Decimal(row.applied)
            found.append(
                SourceDocument(
                    id=row.id,
                    customer_id=row.customer_id,
                    branch_id=row.branch_id,
                    currency_id=row.currency_id,
                    doc_type=row.doc_type,
                    ref_nbr=row.ref_nbr,
                    doc_date=row.doc_date,
                    due_date=row.due_date,
                    description=row.description,
                    amount=factor * row.amount,
                    open_amount=factor * (row.amount - applied_amount),
                    reported=bool(row.reported),
                    currency_rate=row.currency_rate,
                )
            )
    found.sort(key=lambda d: (d.customer_id, d.doc_date, d.id))
    return found


# A ledger balance's place: customer, branch, currency.
Place = tuple[int, int | None, int | None]


def ledger_balances(
    session: Session, customer_ids: Collection[int], as_at: date
) -> dict[Place, Decimal]:
    """The balance as at ``as_at`` per customer, branch and currency: the signed amounts of the
    documents counted as at it (applications move money between a customer's
    own documents and never change it)."""
    found: dict[Place, Decimal] = {}
    for chunk in id_chunks(customer_ids):
        rows = session.execute(
            select(
                ArDocument.customer_id,
                ArDocument.branch_id,
                ArDocument.currency_id,
                type_coerce(
                    func.sum(signed(ArDocument.amount)), ArDocument.__table__.c.amount.type
                ),
            )
            .where(ArDocument.customer_id.in_(chunk), counted_as_at(as_at))
            .group_by(ArDocument.customer_id, ArDocument.branch_id, ArDocument.currency_id)
        ).all()
        for customer_id, branch_id, currency_id, balance in rows:
            found[(customer_id, branch_id, currency_id)] = Decimal(balance or 0)
    return found


def id_chunks(ids: Collection[int]) -> Iterator[list[int]]:
    """``ids`` sorted, in runs of at most CHUNK: as many as one ``IN (…)`` query may ask about."""
    ordered = sorted(ids)
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start : start + CHUNK]
