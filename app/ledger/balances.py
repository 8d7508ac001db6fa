"""A customer's balances, as the top part and the Credit verification rules of AR303000 show them.

Which side of the ledger a document lands on is decided by its type, as in the product family
(a document's amounts are always positive; app/models/document.py):

- **adds to the balance** (the customer owes more): Invoice, Debit note, Overdue charge, Refund
  (money paid back to the customer out of a payment or credit note, which it uses up) and Credit
  write-off (a small credit of the customer written off, which brings its balance up to zero);
- **takes from the balance**: Credit note, Payment, Prepayment and Balance write-off (a small
  debt written off, which brings the balance down to zero).

The figures (all ``Decimal``, never float), in the base currency: a document in another
currency counts at the rate it was entered at, converted on its own (app/ledger/currency_rates.py),
so a customer's documents in two currencies add up:

- ``balance``: the signed open part (``ArDocument.balance``) of the customer's released, open
  documents, prepayments and unapplied payments included — the seed's "total balance of all open
  documents of the customer including the total balance of prepayments";
- ``prepayment_balance``: the open part of released prepayments and payments, shown as the
  positive amount the customer has paid in advance (the seed's "unapplied prepayments"; a
  payment not yet applied to an invoice is one too);
- ``consolidated_balance``: on a parent account (a customer other customers name as their
  parent), its own balance plus those of its child accounts with Consolidate balance; ``None``
  on a customer without child accounts, where the seed does not show the field;
- ``retained_balance``: always zero — the product's customer ledger has no retainage
  documents (the seed: "not in use for the customer ledger");
- ``unreleased_balance``: the signed amounts of documents not yet released and not voided;
  for a parent account, those of the parent and all its child accounts (seed);
- ``balance_of_open_orders``: always zero — this product has no sales orders;
- ``remaining_credit_limit``: credit limit − balance − unreleased balance (− open orders, zero).
  A child account with Shared credit policy uses its parent's credit limit, and the group's
  balances (the parent's and those of its children sharing the policy) count against it; so
  does the parent itself (seed: "the remaining credit limit that applies to new sales orders
  and invoices of the parent account and its child accounts");
- ``first_due_date``: the earliest due date of the released, open debit documents (invoices,
  debit notes, overdue charges) with something still open; for a parent account among its own
  and its child accounts' documents (seed). The seed shows it only with a credit verification
  rule by days past due: that is the screen's to hide, as the rule may be changed unsaved.

Three queries: the customer's family (itself, its child accounts, its parent and the parent's
children), one grouped aggregate over their documents in the base currency, and their open and
unreleased documents in other currencies, converted one by one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import ColumnElement, SQLColumnExpression, and_, case, func, or_, select
from sqlalchemy.orm import Session

from app.ledger.currency_rates import base_places, to_base
from app.models import ArDocument, Customer, DocumentStatus, DocumentType

ZERO = Decimal("0.0000")

# The types that add to what the customer owes; every other type takes from it.
DEBIT_TYPES = frozenset(
    {
        DocumentType.INVOICE,
        DocumentType.DEBIT_NOTE,
        DocumentType.OVERDUE_CHARGE,
        DocumentType.REFUND,
        DocumentType.CREDIT_WRITE_OFF,
    }
)
CREDIT_TYPES = frozenset(set(DocumentType) - DEBIT_TYPES)
# Money the customer paid before there was anything to pay.
PREPAYMENT_TYPES = frozenset({DocumentType.PREPAYMENT, DocumentType.PAYMENT})
# Documents with a due date that can be past due.
DUE_TYPES = frozenset({DocumentType.INVOICE, DocumentType.DEBIT_NOTE, DocumentType.OVERDUE_CHARGE})


def sign(doc_type: DocumentType) -> int:
    """+1 when the type adds to the customer's balance, -1 when it takes from it."""
    return 1 if doc_type in DEBIT_TYPES else -1


def signed(amount: SQLColumnExpression[Decimal]) -> ColumnElement[Decimal]:
    """A document amount column with its type's sign, in SQL."""
    return case((ArDocument.doc_type.in_(DEBIT_TYPES), amount), else_=-amount)


def is_open() -> ColumnElement[bool]:
    """Released documents with something still open: what the balance is made of."""
    return and_(ArDocument.released.is_(True), ArDocument.status == DocumentStatus.OPEN)


def is_unreleased() -> ColumnElement[bool]:
    return and_(ArDocument.released.is_(False), ArDocument.status != DocumentStatus.VOIDED)


def in_base_currency() -> ColumnElement[bool]:
    """Documents in the base currency (no rate): their amounts are summed as they are."""
    return ArDocument.currency_rate.is_(None)


def open_balance_sum() -> ColumnElement[Decimal]:
    """SUM of the signed open balances (NULL over no documents); the list window's Balance."""
    return func.sum(case((is_open(), signed(ArDocument.balance))))


@dataclass(frozen=True)
class CustomerBalances:
    balance: Decimal
    prepayment_balance: Decimal
    consolidated_balance: Decimal | None  # None: not a parent account
    retained_balance: Decimal
    unreleased_balance: Decimal
    balance_of_open_orders: Decimal
    remaining_credit_limit: Decimal
    first_due_date: date | None


@dataclass(frozen=True)
class _Sums:
    """One customer's document aggregates."""

    balance: Decimal = ZERO
    prepayment_balance: Decimal = ZERO
    unreleased_balance: Decimal = ZERO
    first_due_date: date | None = None


NO_DOCUMENTS = _Sums()


@dataclass(frozen=True)
class _Member:
    id: int
    parent_id: int | None
    consolidate_balance: bool
    shared_credit_policy: bool
    credit_limit: Decimal


def customer_balances(session: Session, customer_id: int) -> CustomerBalances:
    """The balances of the customer with ``customer_id`` (all zero for an unknown id)."""
    family = _family(session, customer_id)
    me = family.get(customer_id)
    if me is None:
        return CustomerBalances(ZERO, ZERO, None, ZERO, ZERO, ZERO, ZERO, None)
    children = [m for m in family.values() if m.parent_id == me.id]
    # The credit group: a child sharing its parent's policy counts in the parent's group.
    head = family.get(me.parent_id or 0) if me.shared_credit_policy else None
    head = head or me
    sharing = [m for m in family.values() if m.parent_id == head.id and m.shared_credit_policy]
    group = [head, *sharing]
    found = _sums(session, customer_id)

    def sums(member: _Member) -> _Sums:
        return found.get(member.id, NO_DOCUMENTS)

    own = sums(me)
    consolidated: Decimal | None = None
    unreleased, first_due = own.unreleased_balance, own.first_due_date
    if children:
        consolidated = own.balance + _total(
            sums(child).balance for child in children if child.consolidate_balance
        )
        unreleased += _total(sums(child).unreleased_balance for child in children)
        due_dates = [sums(m).first_due_date for m in (me, *children)]
        first_due = min((day for day in due_dates if day is not None), default=None)

    used = _total(sums(m).balance + sums(m).unreleased_balance for m in group)
    return CustomerBalances(
        balance=own.balance,
        prepayment_balance=own.prepayment_balance,
        consolidated_balance=consolidated,
        retained_balance=ZERO,
        unreleased_balance=unreleased,
        balance_of_open_orders=ZERO,
        remaining_credit_limit=head.credit_limit - used,
        first_due_date=first_due,
    )


def _in_family(customer_id: int) -> ColumnElement[bool]:
    """The customer, its child accounts, its parent and the parent's children sharing its
    credit policy: every account its balances can depend on."""
    parent_of = (
        select(Customer.parent_account_id).where(Customer.id == customer_id).scalar_subquery()
    )
    return or_(
        Customer.id == customer_id,
        Customer.parent_account_id == customer_id,
        Customer.id == parent_of,
        # Siblings only when they share the parent's credit policy.
        and_(Customer.parent_account_id == parent_of, Customer.shared_credit_policy),
    )


def _family(session: Session, customer_id: int) -> dict[int, _Member]:
    rows = session.execute(
        select(
            Customer.id,
            Customer.parent_account_id,
            Customer.consolidate_balance,
            Customer.shared_credit_policy,
            Customer.credit_limit,
        ).where(_in_family(customer_id))
    ).all()
    return {row[0]: _Member(*row) for row in rows}


def _sums(session: Session, customer_id: int) -> dict[int, _Sums]:
    """Each family member's aggregates in the base currency: documents in the base currency
    summed by SQL, those in another currency converted one by one at their own rate."""
    family = select(Customer.id).where(_in_family(customer_id))
    places = base_places(session)
    released_open = is_open()
    rows = session.execute(
        select(
            ArDocument.customer_id,
            open_balance_sum(),
            func.sum(
                case(
                    (
                        and_(released_open, ArDocument.doc_type.in_(PREPAYMENT_TYPES)),
                        ArDocument.balance,
                    )
                )
            ),
            func.sum(case((is_unreleased(), signed(ArDocument.amount)))),
            func.min(
                case(
                    (
                        and_(
                            released_open,
                            ArDocument.doc_type.in_(DUE_TYPES),
                            ArDocument.balance > 0,
                        ),
                        ArDocument.due_date,
                    )
                )
            ),
        )
        .where(ArDocument.customer_id.in_(family), in_base_currency())
        .group_by(ArDocument.customer_id)
    ).all()
    found = {
        customer_id: _Sums(_money(balance), _money(prepaid), _money(unreleased), first_due)
        for customer_id, balance, prepaid, unreleased, first_due in rows
    }
    for document in session.execute(
        select(
            ArDocument.customer_id,
            ArDocument.doc_type,
            ArDocument.released,
            ArDocument.status,
            ArDocument.amount,
            ArDocument.balance,
            ArDocument.due_date,
            ArDocument.currency_rate,
        ).where(
            ArDocument.customer_id.in_(family),
            ~in_base_currency(),
            or_(is_open(), is_unreleased()),
        )
    ):
        found[document.customer_id] = _with_foreign(
            found.get(document.customer_id, NO_DOCUMENTS), document, places
        )
    return found


def _with_foreign(sums: _Sums, document: Any, places: int) -> _Sums:
    """``sums`` with one document in another currency added at its rate."""
    rate = document.currency_rate
    if not document.released:
        amount = to_base(document.amount, rate, places) * sign(document.doc_type)
        return replace(sums, unreleased_balance=sums.unreleased_balance + amount)
    base = to_base(document.balance, rate, places)
    first_due = sums.first_due_date
    if document.doc_type in DUE_TYPES and document.balance > 0 and document.due_date:
        first_due = min(filter(None, (first_due, document.due_date)))
    return replace(
        sums,
        balance=sums.balance + base * sign(document.doc_type),
        prepayment_balance=sums.prepayment_balance
        + (base if document.doc_type in PREPAYMENT_TYPES else ZERO),
        first_due_date=first_due,
    )


def _money(value: Any) -> Decimal:
    return ZERO if value is None else Decimal(value)


def _total(values: Iterable[Decimal]) -> Decimal:
    return sum(values, ZERO)
