"""Records tests start from, complete enough for the rules a screen applies."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import AccountType, CustomerClass, GlAccount, Subaccount


def _account(session: Session, number: str, description: str) -> GlAccount:
    found = session.scalars(select(GlAccount).where(GlAccount.account == number)).one_or_none()
    if found is None:
        found = GlAccount(account=number, description=description, account_type=AccountType.INCOME)
        session.add(found)
        session.flush()
    return found


def customer_class(session: Session, class_id: str, description: str = "") -> CustomerClass:
    """A class with the accounts the customer screen requires (sales, cash discount)."""
    sub = session.scalars(select(Subaccount).where(Subaccount.subaccount_id == "000")).first()
    if sub is None:
        sub = Subaccount(subaccount_id="000", description="Default")
        session.add(sub)
        session.flush()
    created = CustomerClass(
        class_id=class_id,
        description=description or class_id.title(),
        sales_account_id=_account(session, "3000", "Sales").id,
        sales_sub_id=sub.id,
        cash_discount_account_id=_account(session, "3090", "Cash discounts").id,
        cash_discount_sub_id=sub.id,
    )
    session.add(created)
    session.flush()
    return created
