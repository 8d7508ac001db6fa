"""Change ID (AR303000 Actions): give a saved customer another customer number.

Everything that refers to a customer (documents, locations, payment methods, child accounts'
parent account) refers to its surrogate id, never to its number, so only the number changes and
every reference follows without being rewritten. The new number follows the rules of IDs in
the product family (letters, digits, - and _; app/ledger/reference.py), fits the column, and is
not another customer's. A number the CUSTOMER series would give later is fine: the series skips
numbers in use (app/ledger/numbering.py). Numbers are unique regardless of case: ``abc1`` is
refused while ``ABC1`` is another customer's, and a customer may change the case of its own.

Customers and suppliers share one space of numbers (app/ledger/business_accounts.py): a number
a supplier holds is refused too, and Change ID on either side of an account that is both
renumbers both, in one transaction.
"""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from app.ledger.business_accounts import number_holder, supplier_of
from app.ledger.records import RecordError, StaleRecordError, column_length
from app.ledger.reference import ID_CODE
from app.ledger.webhooks import log_field_changed
from app.models import Customer, Supplier
from app.models.database import Store

CUSTOMER_NO_LENGTH = column_length(Customer, "customer_no") or 30


class ChangeIdError(RecordError):
    """The new number cannot be given; the message says why."""


def change_customer_no(store: Store, customer_id: int, new_no: str, version: int) -> None:
    """Give the customer ``new_no`` in one transaction.

    ``version`` is the customer's version as the screen read it: a customer saved (or deleted)
    by someone else since is refused with StaleRecordError, like a stale save.
    """
    number = new_no.strip()
    _check_form(number)
    try:
        with store.transaction() as session:
            customer = session.get(Customer, customer_id)
            if customer is None:
                raise StaleRecordError("The customer was deleted by someone else.")
            if customer.version != version:
                raise StaleRecordError(
                    "The customer was changed by someone else since you opened it; reload it "
                    "and change its ID again."
                )
            if number == customer.customer_no:
                return
            supplier = supplier_of(session, customer_id)
            holder = number_holder(
                session,
                number,
                customer_id=customer_id,
                supplier_id=supplier.id if supplier is not None else None,
            )
            if holder is not None:
                raise ChangeIdError(
                    f"Customer no.: {number} is already used by {holder}; choose another number."
                )
            # The version column makes this a conditional update: a concurrent save loses.
            old_no, customer.customer_no = customer.customer_no, number
            log_field_changed(session, customer, "customer_no", "Customer no.", old_no, number)
            if supplier is not None:
                supplier.supplier_no = number
    except StaleDataError as error:
        raise StaleRecordError("The customer was changed by someone else.") from error
    except IntegrityError as error:
        # Another screen gave the number to a customer since it was checked.
        raise ChangeIdError(
            f"Customer no.: {number} is already used by another customer; choose another number."
        ) from error


def change_supplier_no(store: Store, supplier_id: int, new_no: str, version: int) -> None:
    """Give the supplier ``new_no`` in one transaction (and its customer, when the account is
    both); ``version`` is the supplier's as the screen read it."""
    number = new_no.strip()
    _check_form(number, "Supplier no.")
    try:
        with store.transaction() as session:
            supplier = session.get(Supplier, supplier_id)
            if supplier is None:
                raise StaleRecordError("The supplier was deleted by someone else.")
            if supplier.version != version:
                raise StaleRecordError(
                    "The supplier was changed by someone else since you opened it; reload it "
                    "and change its ID again."
                )
            if number == supplier.supplier_no:
                return
            holder = number_holder(
                session, number, customer_id=supplier.customer_id, supplier_id=supplier_id
            )
            if holder is not None:
                raise ChangeIdError(
                    f"Supplier no.: {number} is already used by {holder}; choose another number."
                )
            supplier.supplier_no = number
            customer = supplier.customer
            if customer is not None:
                old_no, customer.customer_no = customer.customer_no, number
                log_field_changed(session, customer, "customer_no", "Customer no.", old_no, number)
    except StaleDataError as error:
        raise StaleRecordError("The supplier was changed by someone else.") from error
    except IntegrityError as error:
        raise ChangeIdError(
            f"Supplier no.: {number} is already used by another account; choose another number."
        ) from error


def customer_no_problem(number: str) -> str | None:
    """What is wrong with the form of a customer number (typed for a new customer or given by
    Change ID), without the field's name; None when it is fine."""
    if not number:
        return "type the new customer number."
    if len(number) > CUSTOMER_NO_LENGTH:
        return f"at most {CUSTOMER_NO_LENGTH} characters (this has {len(number)})."
    return ID_CODE.check(number)


def _check_form(number: str, label: str = "Customer no.") -> None:
    problem = customer_no_problem(number)
    if problem:
        raise ChangeIdError(f"{label}: {problem}")
