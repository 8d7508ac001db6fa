"""What statements read of the customer ledger's documents — the one place that knows how.

Statements need, for a set of customers and a statement date D:

- every released document dated on or before D, with its signed amount (a movement, when it is
  not yet stamped as reported) and its signed **open amount as at D** (an open item);
- the ledger balance as at D: the signed amounts of those documents (applications move money
  between a customer's own documents, so they never change it).

Signs follow app/ledger/balances.py (DEBIT_TYPES add to what the customer owes).

**For the integrator (issue 10, documents with ArApplication rows).** Today a document knows
only its open balance *now* (``ArDocument.balance``), not when it was applied. The open amount
as at D is therefore reconstructed: the part of later documents (dated after D) that was applied
is given back to the customer's documents dated on or before D, newest first, up to what was
applied of each. Totals are exact (the open amounts as at D add up to the ledger balance as at
D), but which earlier document a late payment is given back to is a guess (right when payments
were applied oldest first, as Apply payments automatically does), and an application made
after D between two documents both dated on or before D (a payment on account applied later)
cannot be seen. With applications carrying their application dates, replace :func:`_open_as_at` by

    open_at_D(doc) = amount − Σ applications of doc with application date ≤ D

(for both the applied and the applying document), and report balance-changing applications
(discounts, write-offs taken on application) as movements of balance-brought-forward statements
(DESIGN §5) beside the documents. Nothing else in app/ledger/statements reads ArDocument.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from sqlalchemy import case, func, or_, select, type_coerce
from sqlalchemy.orm import Session

from app.ledger.balances import CREDIT_TYPES, DEBIT_TYPES, sign, signed
from app.models import ArDocument, DocumentStatus, DocumentType, StatementStamp

ZERO = Decimal("0.0000")
# Customers asked about in one query (SQLite allows 32766 bound parameters).
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

    @property
    def is_credit(self) -> bool:
        return self.doc_type in CREDIT_TYPES


def documents_as_at(
    session: Session, customer_ids: Collection[int], as_at: date
) -> list[SourceDocument]:
    """The customers' released documents dated on or before ``as_at`` (voided ones left out)
    that a statement shows: those open as at that date (with their open amounts) and those not
    yet reported on a statement; in date order. A closed document already reported is not
    read (a ledger of years would be read whole at every run): the balances as at the date
    come from :func:`ledger_balances`."""
    found: list[SourceDocument] = []
    for chunk in _chunks(sorted(customer_ids)):
        given_back = _applied_later(session, chunk, as_at)
        restoring = sorted({customer for customer, _currency in given_back})
        documents = _released_until(session, chunk, as_at, restoring)
        found.extend(
            d for d in _open_as_at(documents, given_back) if d.open_amount or not d.reported
        )
    found.sort(key=lambda d: (d.customer_id, d.doc_date, d.id))
    return found


# A ledger balance's place: customer, branch, currency.
Place = tuple[int, int | None, int | None]


def ledger_balances(
    session: Session, customer_ids: Collection[int], as_at: date
) -> dict[Place, Decimal]:
    """The balance as at ``as_at`` per customer, branch and currency: the signed amounts of the
    released documents dated on or before it (applications move money between a customer's
    own documents and never change it)."""
    found: dict[Place, Decimal] = {}
    for chunk in _chunks(sorted(customer_ids)):
        rows = session.execute(
            select(
                ArDocument.customer_id,
                ArDocument.branch_id,
                ArDocument.currency_id,
                type_coerce(
                    func.sum(signed(ArDocument.amount)), ArDocument.__table__.c.amount.type
                ),
            )
            .where(
                ArDocument.customer_id.in_(chunk),
                ArDocument.released.is_(True),
                ArDocument.status != DocumentStatus.VOIDED,
                ArDocument.doc_date <= as_at,
            )
            .group_by(ArDocument.customer_id, ArDocument.branch_id, ArDocument.currency_id)
        ).all()
        for customer_id, branch_id, currency_id, balance in rows:
            found[(customer_id, branch_id, currency_id)] = Decimal(balance or 0)
    return found


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def _released_until(
    session: Session, customer_ids: list[int], as_at: date, restoring: list[int]
) -> list[SourceDocument]:
    """Documents open now, not yet reported, or of customers whose later documents give
    something back (any of theirs may be open as at the date)."""
    stamped = select(StatementStamp.document_id).where(StatementStamp.document_id == ArDocument.id)
    rows = session.execute(
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
            ArDocument.balance,
            stamped.exists(),
        ).where(
            ArDocument.customer_id.in_(customer_ids),
            ArDocument.released.is_(True),
            ArDocument.status != DocumentStatus.VOIDED,
            ArDocument.doc_date <= as_at,
            or_(
                ArDocument.balance != 0,
                ~stamped.exists(),
                ArDocument.customer_id.in_(restoring),
            ),
        )
    ).all()
    documents = []
    for row in rows:
        factor = sign(row.doc_type)
        documents.append(
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
                open_amount=factor * row.balance,  # now; made as at the date below
                reported=bool(row[11]),
            )
        )
    return documents


def _applied_later(
    session: Session, customer_ids: list[int], as_at: date
) -> dict[tuple[int, int | None], Decimal]:
    """Per customer and currency: what documents dated after ``as_at`` took off the earlier
    ones by being applied to them (signed: + gives the earlier debits back)."""
    applied = ArDocument.amount - ArDocument.balance
    rows = session.execute(
        select(
            ArDocument.customer_id,
            ArDocument.currency_id,
            # Typed as an amount: the store keeps amounts as scaled whole numbers.
            type_coerce(
                func.sum(case((ArDocument.doc_type.in_(CREDIT_TYPES), applied), else_=-applied)),
                ArDocument.__table__.c.amount.type,
            ),
        )
        .where(
            ArDocument.customer_id.in_(customer_ids),
            ArDocument.released.is_(True),
            ArDocument.status != DocumentStatus.VOIDED,
            ArDocument.doc_date > as_at,
        )
        .group_by(ArDocument.customer_id, ArDocument.currency_id)
    ).all()
    return {(row[0], row[1]): Decimal(row[2] or 0) for row in rows if row[2]}


def _open_as_at(
    documents: list[SourceDocument], given_back: dict[tuple[int, int | None], Decimal]
) -> list[SourceDocument]:
    """Open amounts as at the date: what later documents applied, given back newest first.

    Applied oldest first (as Apply payments automatically does), the documents still open at
    the date were the newest ones, so those are what the later documents paid."""
    if not given_back:
        return documents
    groups: dict[tuple[int, int | None], list[int]] = defaultdict(list)
    for position, document in enumerate(documents):
        groups[(document.customer_id, document.currency_id)].append(position)
    result = list(documents)
    for key, left in given_back.items():
        # + : later credits paid earlier debits; − : later debits (refunds) used earlier credits.
        wanted = DEBIT_TYPES if left > 0 else CREDIT_TYPES
        left = abs(left)
        positions = sorted(
            (p for p in groups.get(key, []) if documents[p].doc_type in wanted),
            key=lambda p: (documents[p].doc_date, documents[p].id),
            reverse=True,
        )
        for position in positions:
            if left <= 0:
                break
            document = result[position]
            taken = abs(document.amount) - abs(document.open_amount)  # applied of it so far
            back = min(taken, left)
            if back > 0:
                factor = 1 if document.amount >= 0 else -1
                result[position] = replace(
                    document, open_amount=document.open_amount + factor * back
                )
                left -= back
    return result
