"""Prepare statements for a statement cycle, and Regenerate last statement (DESIGN §5).

Each is one transaction: the statements, their lines and the stamps of the documents they
report are written together, or nothing is.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.orm import Session

from app.ledger.statements.compute import (
    ComputedStatement,
    Key,
    accounts_of_customer,
    accounts_of_cycle,
    compute,
)
from app.models import Customer, Statement, StatementCycle, StatementLine, StatementStamp
from app.models.reference.credit import PrepareOn
from app.models.statement import AGE_COLUMNS


class StatementError(Exception):
    """A statement run refused, with what to do instead."""


@dataclass(frozen=True)
class Prepared:
    statement_ids: list[int]


def prepare_cycle(session: Session, cycle_id: int, statement_date: date) -> Prepared:
    """Prepare the statements of every customer of the cycle on ``statement_date``."""
    cycle = session.get(StatementCycle, cycle_id)
    if cycle is None:
        raise StatementError("The statement cycle no longer exists.")
    last = cycle.last_statement_date
    if last is not None and statement_date <= last:
        raise StatementError(
            f"Statement cycle {cycle.statement_cycle_id} was last prepared on "
            f"{last.isoformat()}: choose a later statement date, or use Regenerate last "
            "statement on a customer."
        )
    groups = accounts_of_cycle(session, cycle_id)
    computed = compute(session, cycle, statement_date, groups)
    ids = write(session, computed, revisions={})
    cycle.last_statement_date = statement_date
    following = next_statement_date(cycle.prepare_on, statement_date, cycle.day_of_month)
    cycle.next_statement_date = following
    session.flush()
    return Prepared(ids)


def statements_of_run(session: Session, cycle_id: int, statement_date: date) -> list[int]:
    """The current statements a cycle made on a date (regenerated ones in their latest
    revision), to print or prove again later."""
    return list(
        session.scalars(
            select(Statement.id)
            .where(
                Statement.statement_cycle_id == cycle_id,
                Statement.statement_date == statement_date,
                Statement.current.is_(True),
            )
            .order_by(Statement.id)
        )
    )


def latest_statements(session: Session, customer_id: int) -> list[Statement]:
    """The customer's current statements on its most recent statement date (one per branch
    and currency), or none."""
    latest = session.scalar(
        select(Statement.statement_date)
        .where(Statement.customer_id == customer_id, Statement.current.is_(True))
        .order_by(Statement.statement_date.desc())
        .limit(1)
    )
    if latest is None:
        return []
    return list(
        session.scalars(
            select(Statement)
            .where(
                Statement.customer_id == customer_id,
                Statement.current.is_(True),
                Statement.statement_date == latest,
            )
            .order_by(Statement.id)
        )
    )


def regenerate_reason(session: Session, customer_id: int | None) -> str | None:
    """Why Regenerate last statement cannot run for the customer, or None when it can."""
    if customer_id is None:
        return "Save the customer first: it has no statement yet."
    if not latest_statements(session, customer_id):
        customer = session.get(Customer, customer_id)
        if customer is not None and customer.consolidate_statements and customer.parent_account_id:
            return "The customer's documents are on its parent account's statements."
        return "The customer has no statement yet: statements are made by Prepare statements."
    return None


def regenerate_last(session: Session, customer_id: int) -> list[int]:
    """Rebuild the customer's most recent statements on their statement date with the same
    opening balances. The earlier revisions stay (with their PDFs), no longer current; the
    stamps they made are cleared and made anew."""
    old = latest_statements(session, customer_id)
    reason = regenerate_reason(session, customer_id)
    if reason is not None or not old:
        raise StatementError(reason or "The customer has no statement yet.")
    statement_date = old[0].statement_date
    cycle_id = old[0].statement_cycle_id
    cycle = session.get(StatementCycle, cycle_id) if cycle_id is not None else None
    if cycle is None:
        raise StatementError("The statement cycle of the last statement no longer exists.")
    old_ids = [s.id for s in old]
    session.execute(delete(StatementStamp).where(StatementStamp.statement_id.in_(old_ids)))
    session.execute(update(Statement).where(Statement.id.in_(old_ids)).values(current=False))
    openings: dict[Key, Decimal] = {
        (s.customer_id, s.branch_id, s.currency_id): s.opening_balance for s in old
    }
    revision = (
        session.scalar(
            select(Statement.revision)
            .where(Statement.customer_id == customer_id, Statement.statement_date == statement_date)
            .order_by(Statement.revision.desc())
            .limit(1)
        )
        or 0
    ) + 1
    groups = {customer_id: accounts_of_customer(session, customer_id)}
    computed = compute(session, cycle, statement_date, groups, openings=openings)
    ids = write(session, computed, revisions={s.key: revision for s in computed})
    session.expire_all()
    return ids


def write(
    session: Session, computed: list[ComputedStatement], *, revisions: dict[Key, int]
) -> list[int]:
    """Store computed statements with their lines and stamps (bulk inserts: a cycle of ten
    thousand customers is one round of statements)."""
    if not computed:
        return []
    rows = [
        {
            "customer_id": c.customer_id,
            "branch_id": c.branch_id,
            "currency_id": c.currency_id,
            "statement_cycle_id": c.statement_cycle_id,
            "statement_date": c.statement_date,
            "statement_type": c.statement_type,
            "opening_balance": c.opening_balance,
            "closing_balance": c.closing_balance,
            "ledger_balance": c.ledger_balance,
            "age_labels": "\t".join(c.labels),
            "revision": revisions.get(c.key, 1),
            "current": True,
            **dict(zip(AGE_COLUMNS, c.ageing, strict=True)),
        }
        for c in computed
    ]
    # Core, not the ORM's bulk insert: with the version counter the ORM inserts (and reads
    # back) row by row; Core sends a thousand rows a statement. A new row's version is 1.
    table = _table(Statement)
    ids = list(
        session.scalars(
            insert(table).returning(table.c.id, sort_by_parameter_order=True),
            [{**row, "version": 1} for row in rows],
        )
    )
    lines: list[dict[str, object]] = []
    stamps: list[dict[str, object]] = []
    for statement_id, c in zip(ids, computed, strict=True):
        for number, line in enumerate(c.lines, start=1):
            lines.append(
                {
                    "statement_id": statement_id,
                    "line_no": number,
                    "document_id": line.document_id,
                    "customer_id": line.customer_id,
                    "doc_type": line.doc_type,
                    "ref_nbr": line.ref_nbr,
                    "doc_date": line.doc_date,
                    "due_date": line.due_date,
                    "description": line.description,
                    "debit": line.debit,
                    "credit": line.credit,
                    "balance": line.balance,
                    "bucket": line.bucket,
                }
            )
        stamps.extend(
            {"document_id": d, "statement_id": statement_id, "statement_date": c.statement_date}
            for d in c.stamps
        )
    # Core inserts: one executemany each (the ORM's bulk path runs row by row here).
    if lines:
        session.execute(insert(_table(StatementLine)), lines)
    if stamps:
        session.execute(insert(_table(StatementStamp)), stamps)
    return ids


def _table(model: type[Any]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


def next_statement_date(prepare_on: PrepareOn, last: date, day: int | None) -> date | None:
    """When the cycle is next due after ``last``, where its schedule says (else None)."""
    if prepare_on is PrepareOn.END_OF_MONTH:
        year, month = (last.year + 1, 1) if last.month == 12 else (last.year, last.month + 1)
        return date(year, month, calendar.monthrange(year, month)[1])
    if prepare_on is PrepareOn.FIXED_DAY_OF_MONTH and day:
        year, month = (last.year + 1, 1) if last.month == 12 else (last.year, last.month + 1)
        return date(year, month, min(day, calendar.monthrange(year, month)[1]))
    if prepare_on is PrepareOn.WEEKLY:
        return last + timedelta(days=7)
    return None
