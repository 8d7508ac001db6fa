"""Change ID: a customer gets another number and everything that refers to it follows."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from app.ledger.change_id import ChangeIdError, change_customer_no
from app.ledger.records import StaleRecordError
from app.models import ArDocument, Customer, DocumentType, Location
from app.models.database import Store
from tests.ledger.customer_documents import add_customer, add_document


def version_of(store: Store, customer_id: int) -> int:
    with store.session() as session:
        customer = session.get(Customer, customer_id)
        assert customer is not None
        return customer.version


def number_of(store: Store, customer_id: int) -> str:
    with store.session() as session:
        return str(session.scalar(select(Customer.customer_no).where(Customer.id == customer_id)))


@pytest.fixture
def customer_id(store: Store) -> int:
    with store.transaction() as session:
        add_customer(session, "10002", "Vestland Bygg AS")
        return add_customer(session, "10001", "Fjord Fisk AS").id


def test_the_customer_gets_the_new_number_trimmed(store: Store, customer_id: int) -> None:
    version = version_of(store, customer_id)
    change_customer_no(store, customer_id, "  FJORD-01 ", version)
    assert number_of(store, customer_id) == "FJORD-01"
    assert version_of(store, customer_id) == version + 1


def test_documents_locations_and_child_accounts_follow(store: Store, customer_id: int) -> None:
    with store.transaction() as session:
        customer = session.get(Customer, customer_id)
        assert customer is not None
        session.add(Location(customer=customer, location_id="MAIN", is_default=True))
        add_document(session, customer, DocumentType.INVOICE, "100.00", ref_nbr="INV000001")
        child_id = add_customer(session, "20001", parent_account_id=customer_id).id
    change_customer_no(store, customer_id, "30001", version_of(store, customer_id))
    with store.session() as session:
        renumbered = session.scalars(select(Customer).where(Customer.customer_no == "30001")).one()
        assert renumbered.id == customer_id
        assert [location.location_id for location in renumbered.locations] == ["MAIN"]
        document = session.scalars(select(ArDocument)).one()
        assert document.customer.customer_no == "30001"
        child = session.get(Customer, child_id)
        assert child is not None and child.parent_account is not None
        assert child.parent_account.customer_no == "30001"
        assert session.scalar(select(Location.customer_id)) == customer_id


def test_a_number_another_customer_has_is_refused_naming_it(store: Store, customer_id: int) -> None:
    with pytest.raises(ChangeIdError) as refused:
        change_customer_no(store, customer_id, "10002", version_of(store, customer_id))
    assert str(refused.value) == (
        "Customer no.: 10002 is already used by customer 10002 Vestland Bygg AS; "
        "choose another number."
    )
    assert number_of(store, customer_id) == "10001"


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("", "Customer no.: type the new customer number."),
        ("   ", "Customer no.: type the new customer number."),
        ("1" * 31, "Customer no.: at most 30 characters (this has 31)."),
        ("10 001", "Customer no.: use letters, digits, - and _ only"),
        ("-10001", "Customer no.: use letters, digits, - and _ only"),
        ("KUNDE/1", "Customer no.: use letters, digits, - and _ only"),
    ],
)
def test_a_number_of_the_wrong_form_is_refused(
    store: Store, customer_id: int, typed: str, says: str
) -> None:
    with pytest.raises(ChangeIdError, match="^" + re.escape(says)):
        change_customer_no(store, customer_id, typed, version_of(store, customer_id))
    assert number_of(store, customer_id) == "10001"


def test_thirty_characters_fit(store: Store, customer_id: int) -> None:
    change_customer_no(store, customer_id, "A" * 30, version_of(store, customer_id))
    assert number_of(store, customer_id) == "A" * 30


def test_a_stale_version_is_refused(store: Store, customer_id: int) -> None:
    read = version_of(store, customer_id)
    with store.transaction() as session:  # someone else saves the customer meanwhile
        customer = session.get(Customer, customer_id)
        assert customer is not None
        customer.name = "Fjord Fisk og Skalldyr AS"
    with pytest.raises(StaleRecordError, match="changed by someone else"):
        change_customer_no(store, customer_id, "30001", read)
    assert number_of(store, customer_id) == "10001"


def test_a_deleted_customer_is_refused(store: Store, customer_id: int) -> None:
    read = version_of(store, customer_id)
    with store.transaction() as session:
        customer = session.get(Customer, customer_id)
        session.delete(customer)
    with pytest.raises(StaleRecordError, match="deleted by someone else"):
        change_customer_no(store, customer_id, "30001", read)


def test_the_same_number_changes_nothing(store: Store, customer_id: int) -> None:
    version = version_of(store, customer_id)
    change_customer_no(store, customer_id, "10001", version)
    assert version_of(store, customer_id) == version
