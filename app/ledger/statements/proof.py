"""The proof sheet of a statement run: every statement checked before anything is printed.

Per statement:
- balance brought forward: the opening balance is the previous statement's closing balance,
  and opening + movements = closing;
- every statement: the ageing buckets add up to the closing balance, and the closing balance
  is the ledger's balance as at the statement date.

A statement breaking any of these is flagged with what does not add up.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.ledger.statements.ageing import total
from app.ledger.statements.compute import previous_closings
from app.ledger.statements.source import ZERO, id_chunks
from app.models import Customer, Statement, StatementLine
from app.models.options import StatementType


@dataclass(frozen=True)
class ProofRow:
    statement_id: int
    customer_no: str
    customer_name: str
    statement_date: date
    statement_type: StatementType
    previous_closing: Decimal
    opening: Decimal
    movements: Decimal
    closing: Decimal
    ageing_total: Decimal
    ledger_balance: Decimal
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def proof_sheet(session: Session, statement_ids: Collection[int]) -> list[ProofRow]:
    rows: list[ProofRow] = []
    for chunk in id_chunks(statement_ids):
        rows.extend(_proof(session, chunk))
    rows.sort(key=lambda r: (r.customer_no, r.statement_id))
    return rows


def _proof(session: Session, ids: list[int]) -> list[ProofRow]:
    statements = list(session.scalars(select(Statement).where(Statement.id.in_(ids))))
    movements = {
        statement_id: (debit or ZERO) - (credit or ZERO)
        for statement_id, debit, credit in session.execute(
            select(
                StatementLine.statement_id,
                func.sum(StatementLine.debit),
                func.sum(StatementLine.credit),
            )
            .where(StatementLine.statement_id.in_(ids))
            .group_by(StatementLine.statement_id)
        )
    }
    names = dict(
        (row[0], (row[1], row[2] or ""))
        for row in session.execute(
            select(Customer.id, Customer.customer_no, Customer.name).where(
                Customer.id.in_({s.customer_id for s in statements})
            )
        )
    )
    previous: dict[date, dict[tuple[int, int | None, int | None], Decimal]] = {}
    rows = []
    for s in statements:
        if s.statement_date not in previous:
            customers = {t.customer_id for t in statements if t.statement_date == s.statement_date}
            previous[s.statement_date] = previous_closings(session, customers, s.statement_date)
        before = previous[s.statement_date].get((s.customer_id, s.branch_id, s.currency_id), ZERO)
        moved = movements.get(s.id, ZERO)
        aged = total(s.ageing)
        problems = []
        if s.statement_type is StatementType.BALANCE_BROUGHT_FORWARD:
            if s.opening_balance != before:
                problems.append(
                    f"opening balance {s.opening_balance:.2f} is not the previous statement's "
                    f"closing balance {before:.2f}"
                )
            if s.opening_balance + moved != s.closing_balance:
                problems.append(
                    f"opening {s.opening_balance:.2f} + movements {moved:.2f} is not the "
                    f"closing balance {s.closing_balance:.2f}"
                )
        if aged != s.closing_balance:
            problems.append(
                f"the ageing adds up to {aged:.2f}, not the closing balance {s.closing_balance:.2f}"
            )
        if s.closing_balance != s.ledger_balance:
            problems.append(
                f"closing balance {s.closing_balance:.2f} is not the ledger balance "
                f"{s.ledger_balance:.2f} as at {s.statement_date.isoformat()}"
            )
        number, name = names.get(s.customer_id, ("?", ""))
        rows.append(
            ProofRow(
                s.id,
                number,
                name,
                s.statement_date,
                s.statement_type,
                before,
                s.opening_balance,
                moved,
                s.closing_balance,
                aged,
                s.ledger_balance,
                tuple(problems),
            )
        )
    return rows
