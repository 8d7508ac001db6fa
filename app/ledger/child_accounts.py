"""Parent and child accounts (AR303000 Child accounts tab, Parent info section).

The seed's rules:
- an account cannot be both a parent and a child (app/ledger/customers.py ``_parent_problems``);
- a parent's Consolidate balance, Consolidate statements and Shared credit policy give its
  child accounts their default; changing one on the parent offers to change it on all its
  children — the screen asks, and when the user agrees the save changes the children in the
  same transaction (``children_follow``);
- the parent's Consolidated balance sums its own balance and those of the children with
  Consolidate balance (app/ledger/balances.py).

The Child accounts tab lists each child with its balances (app/ledger/balances.py), its
consolidation flags and statement cycle.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.ledger import webhooks
from app.ledger.balances import customer_balances
from app.models import Customer

CHILD_ACCOUNTS = "child_accounts"
# The values key of a save naming the parent's flags its children take too (the user agreed).
CHILDREN_FOLLOW = "children_follow"
# The flags a parent offers to its child accounts, with their labels on AR303000.
INHERITED_FLAGS: dict[str, str] = {
    "consolidate_balance": "Consolidate balance",
    "consolidate_statements": "Consolidate statements",
    "shared_credit_policy": "Shared credit policy",
}


def child_rows(
    session: Session, parent_id: int, columns: Mapping[str, str]
) -> list[dict[str, Any]]:
    """The parent's child accounts by number, as the Child accounts tab lists them: ``columns``
    maps each column's key to a customer attribute or a balance of app/ledger/balances.py."""
    children = session.scalars(
        select(Customer)
        .where(Customer.parent_account_id == parent_id)
        .order_by(Customer.customer_no)
    ).all()
    rows: list[dict[str, Any]] = []
    for child in children:
        balances = asdict(customer_balances(session, child.id))
        row: dict[str, Any] = {"id": child.id}
        for key, attr in columns.items():
            row[key] = balances[attr] if attr in balances else getattr(child, attr)
        rows.append(row)
    return rows


def changed_flags(values: Mapping[str, Any], loaded: Mapping[str, Any] | None) -> list[str]:
    """The inherited flags the user changed on the record (none for a new one)."""
    if loaded is None:
        return []
    return [key for key in INHERITED_FLAGS if bool(values.get(key)) != bool(loaded.get(key))]


def children_differing(
    session: Session, parent_id: int, flags: Iterable[str], values: Mapping[str, Any]
) -> int:
    """How many child accounts hold another value than ``values`` for one of ``flags``."""
    flags = list(flags)
    children = session.scalars(select(Customer).where(Customer.parent_account_id == parent_id))
    return sum(
        1
        for child in children
        if any(getattr(child, flag) != bool(values.get(flag)) for flag in flags)
    )


def children_follow(session: Session, parent: Customer, flags: Iterable[str]) -> None:
    """Give every child account of ``parent`` the parent's value of each flag (in the caller's
    transaction: the parent's save). Each changed child's version moves on, so a screen open on
    it refuses a stale save instead of undoing this."""
    wanted = {flag: bool(getattr(parent, flag)) for flag in flags if flag in INHERITED_FLAGS}
    if not wanted:
        return
    children = session.scalars(select(Customer).where(Customer.parent_account_id == parent.id))
    for child in children:
        before = {flag: bool(getattr(child, flag)) for flag in INHERITED_FLAGS}
        for flag, value in wanted.items():
            if getattr(child, flag) != value:
                setattr(child, flag, value)
        # A shared credit policy needs a consolidated balance (AR303000's rule).
        if child.shared_credit_policy and not child.consolidate_balance:
            child.shared_credit_policy = False
        # A notified child's change log names what its parent's save changed.
        webhooks.log_fields_changed(
            session,
            child,
            [
                (flag, label, before[flag], bool(getattr(child, flag)))
                for flag, label in INHERITED_FLAGS.items()
                if before[flag] != bool(getattr(child, flag))
            ],
        )
