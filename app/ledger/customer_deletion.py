"""Delete customer (AR303000): what refuses it, and what goes with the customer.

A customer with ledger documents stays: the documents are the ledger's history and refer to
it, so the refusal counts them, names the first and suggests the status Inactive instead. A
parent account stays while child accounts name it: the refusal names them, so the user knows
which accounts to move first. Anything else referring to the customer (found from the schema's
foreign keys, so references added later are covered) refuses it too.

What goes with the customer: its locations and payment methods (the models' cascades), and the
address and contact records of the customer and its locations (main, invoice, location ones)
once nothing refers to them any more — "Same as main" shares them, so they are deleted after
the records sharing them, and only when no other row still uses them.

A customer that is a supplier too leaves the supplier standing: the supplier is unlinked
(its account type becomes Supplier) and keeps the main address and contact they shared, which
are therefore still used and not deleted, and the account's contact persons.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Table, exists, func, not_, select, update
from sqlalchemy import delete as sql_delete
from sqlalchemy.orm import Session

from app.ledger import webhooks
from app.ledger.business_accounts import supplier_of
from app.ledger.records import RecordError
from app.ledger.where_used import Use, uses_of
from app.models import Address, ArDocument, Base, Contact, ContactPerson, Customer, Location

NAMED_CHILDREN = 3  # child accounts named in a refusal; the rest are counted


def delete_refusal(session: Session, customer: Customer) -> str | None:
    """Why ``customer`` cannot be deleted, in words for the user; None when it can."""
    documents = _documents(session, customer)
    found = (documents, _child_accounts(session, customer), _other_uses(session, customer))
    reasons = [reason for reason in found if reason]
    if not reasons:
        return None
    refusal = f"Customer {customer.customer_no} cannot be deleted: {_listed(reasons)}."
    if documents:
        # The product family's way to retire a customer with history.
        refusal += " Set its status to Inactive to keep it out of selections instead."
    return refusal


def delete_customer(session: Session, customer: Customer) -> None:
    """Delete ``customer`` with its parts in the caller's transaction; RecordError (with
    ``delete_refusal``'s message) when it cannot be deleted."""
    refusal = delete_refusal(session, customer)
    if refusal:
        raise RecordError(refusal)
    webhooks.log_deleted(session, customer)  # kept after the customer row is gone
    delete_customer_parts(session, customer)


def delete_customer_parts(session: Session, customer: Customer) -> None:
    """Delete the customer, its locations and payment methods, then its addresses and contacts
    that nothing refers to any more (not checked for refusals: see ``delete_customer``)."""
    address_ids, contact_ids = _parts_of(session, customer)
    supplier = supplier_of(session, customer.id)
    if supplier is not None:
        # The supplier side stays (its version moves: a screen showing it reloads first).
        supplier.customer_id = None
        # So do the account's contact persons: the supplier's now (app/ledger/contacts.py).
        session.execute(
            update(ContactPerson)
            .where(ContactPerson.customer_id == customer.id)
            # A new version: a screen open on one of them reloads before saving over the move.
            .values(customer_id=None, supplier_id=supplier.id, version=ContactPerson.version + 1)
        )
        session.expire(customer, ["contacts"])
        session.flush()
    session.delete(customer)
    session.flush()
    # Only now are they unreferenced: the customer and its locations pointed at them.
    delete_unused(session, Address, address_ids)
    delete_unused(session, Contact, contact_ids)


def _documents(session: Session, customer: Customer) -> str | None:
    number = session.scalar(
        select(func.count()).select_from(ArDocument).where(ArDocument.customer_id == customer.id)
    )
    if not number:
        return None
    first = session.execute(
        select(ArDocument.doc_type, ArDocument.ref_nbr)
        .where(ArDocument.customer_id == customer.id)
        .order_by(ArDocument.doc_date, ArDocument.id)
        .limit(1)
    ).one()
    if number == 1:
        return f"it has a ledger document ({first.doc_type.label} {first.ref_nbr})"
    return f"it has {number} ledger documents (the first: {first.doc_type.label} {first.ref_nbr})"


def _child_accounts(session: Session, customer: Customer) -> str | None:
    children = session.execute(
        select(Customer.customer_no, Customer.name)
        .where(Customer.parent_account_id == customer.id)
        .order_by(Customer.customer_no)
        .limit(NAMED_CHILDREN + 1)
    ).all()
    if not children:
        return None
    total = len(children)
    if total > NAMED_CHILDREN:
        total = int(
            session.scalar(
                select(func.count())
                .select_from(Customer)
                .where(Customer.parent_account_id == customer.id)
            )
            or 0
        )
    named = [" ".join(part for part in (no, name) if part) for no, name in children]
    named = named[:NAMED_CHILDREN]
    if total > len(named):
        named.append(f"{total - len(named)} more")
    noun = "a child account" if total == 1 else f"{total} child accounts"
    return f"it is the parent account of {noun}: {_listed(named)}"


def _other_uses(session: Session, customer: Customer) -> str | None:
    """References the two rules above do not already name (documents, child accounts)."""
    # The supplier side of the account is not a use: it stays, unlinked.
    named = {
        ("ar_document", "customer_id"),
        ("customer", "parent_account_id"),
        ("supplier", "customer_id"),
        # The change log outlives the customer (its link is cleared on delete).
        ("customer_event", "customer_id"),
    }
    uses: list[Use] = [
        use for use in uses_of(session, customer) if (use.table, use.column) not in named
    ]
    if not uses:
        return None
    return f"it is used by {_listed([use.what for use in uses])}"


def _parts_of(session: Session, customer: Customer) -> tuple[set[int], set[int]]:
    """Ids of the address and contact records of the customer and its locations."""
    addresses = {customer.main_address_id, customer.invoice_address_id}
    contacts = {customer.main_contact_id, customer.invoice_contact_id}
    for address_id, contact_id in session.execute(
        select(Location.address_id, Location.contact_id).where(Location.customer_id == customer.id)
    ):
        addresses.add(address_id)
        contacts.add(contact_id)
    return {i for i in addresses if i is not None}, {i for i in contacts if i is not None}


def delete_unused(session: Session, model: type[Address | Contact], ids: set[int]) -> None:
    """Delete the rows of ``ids`` that no foreign key of the schema refers to any more."""
    if not ids:
        return
    table: Table = model.__table__  # type: ignore[assignment]
    still_used: list[Any] = [
        exists().where(fk.parent == table.c.id)
        for referring in Base.metadata.sorted_tables
        for fk in referring.foreign_keys
        if fk.column.table is table
    ]
    session.execute(
        sql_delete(table).where(table.c.id.in_(ids), *(not_(used) for used in still_used))
    )


def _listed(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
