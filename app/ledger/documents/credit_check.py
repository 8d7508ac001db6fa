"""Credit verification of a customer before an invoice (seed: Manage credit policy).

The rule is the customer's Credit verification, or its parent's when the customer has Shared
credit policy (the parent's policy applies to its children; the group's balances count against
the parent's limit, as app/ledger/balances.py computes the remaining credit):

- Credit limit: refused when the remaining credit limit (credit limit − balance − open orders −
  unreleased balance) is below zero by more than the class's Amount over limit;
- Days past due: refused when the first due date of the open documents is more than Credit
  days past due days before today;
- Limit and days past due: both; Disabled: neither.

The verdict is a reason in words or None. What follows from a failed check (a held invoice or
a warning, AR101000's Hold document on failed credit check) is the document entry's.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from app.ledger.balances import ZERO, customer_balances
from app.ledger.credit_verification import uses_credit_limit, uses_days_past_due
from app.models import Customer, CustomerStatus


def policy_holder(session: Session, customer: Customer) -> Customer:
    """Whose credit policy applies: the parent's with Shared credit policy."""
    if customer.shared_credit_policy and customer.parent_account_id is not None:
        parent = session.get(Customer, customer.parent_account_id)
        if parent is not None:
            return parent
    return customer


def credit_problem(session: Session, customer_id: int, today: date) -> str | None:
    """Why the customer fails its credit verification today, or None when it passes."""
    customer = session.get(Customer, customer_id)
    if customer is None:
        return None
    holder = policy_holder(session, customer)
    if holder.status == CustomerStatus.CREDIT_HOLD:
        return f"customer {holder.customer_no} is on credit hold."
    rule = holder.credit_verification
    balances = customer_balances(session, customer_id)
    if uses_credit_limit(rule):
        over_limit = (
            holder.customer_class.amount_over_limit if holder.customer_class is not None else ZERO
        )
        if balances.remaining_credit_limit + over_limit < 0:
            return (
                f"the credit limit of {holder.credit_limit:.2f} is exceeded: the remaining "
                f"credit limit is {balances.remaining_credit_limit:.2f}"
                + (f" (allowed over the limit: {over_limit:.2f})." if over_limit else ".")
            )
    if uses_days_past_due(rule):
        first_due = customer_balances(session, holder.id).first_due_date
        if holder.id == customer_id:
            first_due = balances.first_due_date
        if first_due is not None and (today - first_due).days > holder.credit_days_past_due:
            return (
                f"a document is {(today - first_due).days} days past due (due {first_due}); "
                f"credit days past due allows {holder.credit_days_past_due}."
            )
    return None
