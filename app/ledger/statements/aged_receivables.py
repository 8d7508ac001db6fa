"""Aged receivables (seed 003): what every customer owes as at a date, by ageing bucket, per
customer and in total — aged exactly as statements are (app/ledger/statements/ageing.py), in the
base currency (a document in another currency converted at the rate it was entered at, so a
customer's documents in two currencies add up: app/ledger/currency_rates.py)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.ledger.currencies import base_currency
from app.ledger.currency_rates import base_places, to_base
from app.ledger.statements.ageing import Ageing, total
from app.ledger.statements.compute import Settings
from app.ledger.statements.source import ZERO, documents_as_at
from app.models import ArDocument, Customer, StatementCycle


@dataclass(frozen=True)
class AgedRow:
    customer_id: int
    customer_no: str
    customer_name: str
    buckets: tuple[Decimal, ...]

    @property
    def total(self) -> Decimal:
        return total(self.buckets)

    @property
    def overdue(self) -> Decimal:
        return total(self.buckets[1:])


@dataclass(frozen=True)
class AgedReceivables:
    as_at: date
    labels: tuple[str, ...]
    rows: tuple[AgedRow, ...]
    currency: str = ""  # the base currency's code, which every amount is in

    @property
    def totals(self) -> tuple[Decimal, ...]:
        sums = [ZERO] * len(self.labels)
        for row in self.rows:
            for position, amount in enumerate(row.buckets):
                sums[position] += amount
        return tuple(sums)


def aged_receivables(session: Session, cycle_id: int, as_at: date) -> AgedReceivables:
    """Every customer with something open as at ``as_at``, aged by the cycle's buckets."""
    cycle = session.get_one(StatementCycle, cycle_id)
    ageing = Ageing.of(cycle, cycle.age_based_on, Settings.read(session).age_credits)
    with_documents = select(ArDocument.customer_id).distinct()
    customers = session.execute(
        select(Customer.id, Customer.customer_no, Customer.name)
        .where(Customer.id.in_(with_documents))
        .order_by(Customer.customer_no)
    ).all()
    documents = documents_as_at(session, [c.id for c in customers], as_at)
    buckets: dict[int, list[Decimal]] = defaultdict(lambda: [ZERO] * len(ageing.buckets))
    places = base_places(session)
    for document in documents:
        if document.open_amount:
            buckets[document.customer_id][ageing.bucket(document, as_at)] += to_base(
                document.open_amount, document.currency_rate, places
            )
    rows = tuple(
        AgedRow(c.id, c.customer_no, c.name or "", tuple(buckets[c.id]))
        for c in customers
        if c.id in buckets and any(buckets[c.id])
    )
    return AgedReceivables(as_at, ageing.labels, rows, base_currency(session) or "")
