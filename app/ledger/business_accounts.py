"""Business accounts: customers and suppliers share one space of account numbers.

A business that is both a customer and a supplier is one customer row and one supplier row
linked 1:1 (``Supplier.customer_id``), with the same number and name and the same main address
and contact rows (app/models/supplier.py). So:

- a number is free for a customer when no customer has it (any case) and no supplier has it
  other than the customer's own; the same the other way round; numbering from the CUSTOMER
  series skips numbers either side holds;
- the account's type (Customer, Supplier, Customer and supplier) follows from the link;
- a name saved on one side is the other side's name too, in the same transaction (the
  services of both sides, app/ledger/customers.py and suppliers.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import ColumnElement, case, exists, func, select, true
from sqlalchemy.orm import Session

from app.models import BusinessAccountType, Customer, Supplier


def supplier_of(session: Session, customer_id: int | None) -> Supplier | None:
    """The supplier side of a customer's business account, if it has one."""
    if customer_id is None:
        return None
    return session.scalars(select(Supplier).where(Supplier.customer_id == customer_id)).first()


def customer_type(session: Session, customer_id: int | None) -> BusinessAccountType:
    """A customer's account type: Customer, or Customer and supplier once it has a supplier."""
    if supplier_of(session, customer_id) is None:
        return BusinessAccountType.CUSTOMER
    return BusinessAccountType.CUSTOMER_AND_SUPPLIER


def supplier_type(customer_id: int | None) -> BusinessAccountType:
    """A supplier's account type: Supplier, or Customer and supplier while linked."""
    if customer_id is None:
        return BusinessAccountType.SUPPLIER
    return BusinessAccountType.CUSTOMER_AND_SUPPLIER


def customer_type_column() -> ColumnElement[Any]:
    """The account type of each customer as a list window column (the member's name, as an
    option column is stored)."""
    return case(
        (
            exists().where(Supplier.customer_id == Customer.id),
            BusinessAccountType.CUSTOMER_AND_SUPPLIER.name,
        ),
        else_=BusinessAccountType.CUSTOMER.name,
    )


def supplier_type_column() -> ColumnElement[Any]:
    return case(
        (Supplier.customer_id.is_not(None), BusinessAccountType.CUSTOMER_AND_SUPPLIER.name),
        else_=BusinessAccountType.SUPPLIER.name,
    )


def number_holder(
    session: Session,
    number: str,
    *,
    customer_id: int | None = None,
    supplier_id: int | None = None,
) -> str | None:
    """Who else holds ``number`` (compared regardless of case): ``customer 10002 Fjordkraft``
    or ``supplier 10002 …``; None when it is free for the account of ``customer_id`` and
    ``supplier_id`` (either may be None: a new record, or no other side)."""
    return customer_holder(session, number, customer_id=customer_id) or supplier_holder(
        session, number, customer_id=customer_id, supplier_id=supplier_id
    )


def customer_holder(session: Session, number: str, *, customer_id: int | None) -> str | None:
    """The customer other than ``customer_id`` holding ``number``, named; None if none."""
    found = session.execute(
        select(Customer.customer_no, Customer.name)
        .where(
            func.lower(Customer.customer_no) == func.lower(number.strip()),
            Customer.id != customer_id if customer_id is not None else true(),
        )
        .limit(1)
    ).first()
    return _named("customer", found[0], found[1]) if found is not None else None


def supplier_holder(
    session: Session, number: str, *, customer_id: int | None, supplier_id: int | None
) -> str | None:
    """The supplier other than ``supplier_id`` (and other than the supplier side of
    ``customer_id``, which holds the customer's number by design) holding ``number``."""
    conditions = [func.lower(Supplier.supplier_no) == func.lower(number.strip())]
    if supplier_id is not None:
        conditions.append(Supplier.id != supplier_id)
    if customer_id is not None:
        conditions.append(Supplier.customer_id.is_(None) | (Supplier.customer_id != customer_id))
    found = session.execute(
        select(Supplier.supplier_no, Supplier.name).where(*conditions).limit(1)
    ).first()
    return _named("supplier", found[0], found[1]) if found is not None else None


def _named(noun: str, number: str, name: str | None) -> str:
    return f"{noun} {number}" + (f" {name}" if name else "")


def account_number_in_use(session: Session) -> Callable[[str], bool]:
    """For ``take_number``: a number held by any customer or supplier is skipped."""

    def in_use(number: str) -> bool:
        return number_holder(session, number) is not None

    return in_use
