"""Delete customer: refused with documents or child accounts; otherwise its parts go with it."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.ledger.customer_deletion import delete_customer, delete_refusal
from app.ledger.records import RecordError
from app.models import (
    Address,
    Contact,
    Customer,
    CustomerPaymentMethod,
    DocumentType,
    Location,
)
from app.models.database import Store
from tests.ledger.customer_documents import add_customer, add_document


def rows(session: Session, model: type[object]) -> int:
    return int(session.scalar(select(func.count()).select_from(model)) or 0)


def customer_with_parts(session: Session, customer_no: str = "10001") -> Customer:
    """A customer as the screen saves it: main address and contact, an own invoice address
    (Same as main cleared), a MAIN location sharing the main ones and a second location with
    its own address and contact, a payment method."""
    main_address, main_contact = Address(city="Bergen"), Contact(company_name="Fjord AS")
    customer = add_customer(
        session,
        customer_no,
        "Fjord AS",
        main_address=main_address,
        main_contact=main_contact,
        invoice_address=Address(city="Oslo"),
        invoice_address_same_as_main=False,
        invoice_contact=main_contact,
    )
    session.add_all(
        [
            Location(
                customer=customer,
                location_id="MAIN",
                is_default=True,
                address=main_address,
                contact=main_contact,
            ),
            Location(
                customer=customer,
                location_id="TROMSO",
                address=Address(city="Tromsø"),
                contact=Contact(attention="Lager"),
                address_same_as_main=False,
                contact_same_as_main=False,
            ),
            CustomerPaymentMethod(customer_id=customer.id, is_default=True),
        ]
    )
    session.flush()
    return customer


def test_a_customer_without_documents_or_children_may_be_deleted(store: Store) -> None:
    with store.transaction() as session:
        customer = customer_with_parts(session)
        assert delete_refusal(session, customer) is None


def test_deleting_takes_its_locations_payment_methods_addresses_and_contacts(
    store: Store,
) -> None:
    with store.transaction() as session:
        customer_with_parts(session, "10001")
        kept = customer_with_parts(session, "10002")
        kept_id = kept.id
    with store.transaction() as session:
        customer = session.scalars(select(Customer).where(Customer.customer_no == "10001")).one()
        delete_customer(session, customer)
    with store.session() as session:
        assert session.scalars(select(Customer.customer_no)).all() == ["10002"]
        assert rows(session, Location) == 2
        assert rows(session, CustomerPaymentMethod) == 1
        # Three addresses and two contacts per customer; only the other customer's remain.
        assert rows(session, Address) == 3
        assert rows(session, Contact) == 2
        kept_customer = session.get(Customer, kept_id)
        assert kept_customer is not None and kept_customer.main_address is not None
        assert kept_customer.main_address.city == "Bergen"


def test_an_address_another_record_still_uses_is_kept(store: Store) -> None:
    with store.transaction() as session:
        customer = customer_with_parts(session, "10001")
        # Another customer pointing at the same address record (as a copy that shares it).
        add_customer(session, "10002", main_address=customer.main_address)
    with store.transaction() as session:
        customer = session.scalars(select(Customer).where(Customer.customer_no == "10001")).one()
        delete_customer(session, customer)
    with store.session() as session:
        assert session.scalars(select(Address.city)).all() == ["Bergen"]


def test_delete_is_refused_when_the_customer_has_documents(store: Store) -> None:
    with store.transaction() as session:
        customer = customer_with_parts(session)
        add_document(session, customer, DocumentType.PAYMENT, "50.00", ref_nbr="PMT000007")
        add_document(
            session,
            customer,
            DocumentType.INVOICE,
            "100.00",
            ref_nbr="INV000003",
            doc_date=date(2026, 1, 2),
        )
        add_document(session, customer, DocumentType.CREDIT_NOTE, "10.00", ref_nbr="CN000001")
        refusal = delete_refusal(session, customer)
    assert refusal == (
        "Customer 10001 cannot be deleted: it has 3 ledger documents (the first: Invoice "
        "INV000003). Set its status to Inactive to keep it out of selections instead."
    )


def test_one_document_is_named(store: Store) -> None:
    with store.transaction() as session:
        customer = add_customer(session, "10001")
        add_document(session, customer, DocumentType.INVOICE, "100.00", ref_nbr="INV000001")
        refusal = delete_refusal(session, customer)
    assert refusal is not None
    assert "it has a ledger document (Invoice INV000001)" in refusal


def test_a_refused_delete_leaves_the_customer_and_its_parts(store: Store) -> None:
    with store.transaction() as session:
        customer = customer_with_parts(session)
        add_document(session, customer, DocumentType.INVOICE, "100.00", ref_nbr="INV000001")
    with pytest.raises(RecordError, match="INV000001"), store.transaction() as session:
        customer = session.scalars(select(Customer)).one()
        delete_customer(session, customer)
    with store.session() as session:
        assert rows(session, Customer) == 1
        assert rows(session, Location) == 2
        assert rows(session, Address) == 3


def test_delete_is_refused_for_a_parent_account_naming_its_children(store: Store) -> None:
    with store.transaction() as session:
        parent = add_customer(session, "10001", "Nordlys Holding AS")
        add_customer(session, "10002", "Nordlys Bergen AS", parent_account_id=parent.id)
        refusal = delete_refusal(session, parent)
    assert refusal == (
        "Customer 10001 cannot be deleted: it is the parent account of a child account: "
        "10002 Nordlys Bergen AS."
    )


def test_many_children_are_named_up_to_three_and_counted(store: Store) -> None:
    with store.transaction() as session:
        parent = add_customer(session, "10001", "Nordlys Holding AS")
        for number in range(2, 8):
            add_customer(session, f"1000{number}", f"Child {number}", parent_account_id=parent.id)
        add_document(session, parent, DocumentType.INVOICE, "100.00", ref_nbr="INV000001")
        refusal = delete_refusal(session, parent)
    assert refusal == (
        "Customer 10001 cannot be deleted: it has a ledger document (Invoice INV000001) and "
        "it is the parent account of 6 child accounts: 10002 Child 2, 10003 Child 3, "
        "10004 Child 4 and 3 more. Set its status to Inactive to keep it out of selections "
        "instead."
    )


def test_a_child_account_may_be_deleted(store: Store) -> None:
    with store.transaction() as session:
        parent = add_customer(session, "10001")
        child = add_customer(session, "10002", parent_account_id=parent.id)
        assert delete_refusal(session, child) is None
        delete_customer(session, child)
    with store.session() as session:
        assert session.scalars(select(Customer.customer_no)).all() == ["10001"]
