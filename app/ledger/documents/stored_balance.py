"""The customer's stored balance (issue 13 item 7): one row per customer in ``customer_balance``.

Every command that changes an open balance (release, application, reversal, void, write-off)
calls ``refresh_stored_balance`` for the customers it touched, in its own transaction, so the
stored figure is the signed sum of the customer's released open documents in the base currency
(app/ledger/balances.py; app/ledger/currency_rates.py converts the others) whenever a
transaction commits. It is recomputed
from the documents (one indexed aggregate per customer) rather than adjusted by deltas, so a
command can never leave it out of step. The customer list sorts and filters by it.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from app.ledger.balances import ZERO, in_base_currency, is_open, signed
from app.ledger.currency_rates import base_places, base_total
from app.models import ArDocument, CustomerBalance


def balance_from_documents(session: Session, customer_id: int) -> Decimal:
    """The signed open balance of the customer's released open documents, in the base
    currency (a document in another currency converted at its own rate)."""
    mine = and_(ArDocument.customer_id == customer_id, is_open())
    total = session.scalar(
        select(func.sum(signed(ArDocument.balance))).where(mine, in_base_currency())
    )
    foreign = session.execute(
        select(signed(ArDocument.balance), ArDocument.currency_rate).where(
            mine, ~in_base_currency()
        )
    )
    converted = base_total(((amount, rate) for amount, rate in foreign), base_places(session))
    return (ZERO if total is None else Decimal(total)) + converted


def refresh_stored_balance(session: Session, customer_ids: Iterable[int]) -> None:
    """Write the customers' balances from their documents (in the caller's transaction)."""
    session.flush()
    for customer_id in set(customer_ids):
        balance = balance_from_documents(session, customer_id)
        row = session.get(CustomerBalance, customer_id)
        if row is None:
            session.add(CustomerBalance(customer_id=customer_id, balance=balance))
        else:
            row.balance = balance
    session.flush()


def stored_balance(session: Session, customer_id: int) -> Decimal:
    """The stored balance (zero for a customer with no released document yet)."""
    row = session.get(CustomerBalance, customer_id)
    return ZERO if row is None else row.balance
