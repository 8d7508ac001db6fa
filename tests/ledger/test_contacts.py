"""Contact persons without Qt (app/ledger/contacts.py): numbering, the address's postcode, and
one default contact per customer whatever saves the contacts."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from app.ledger.contacts import ContactService
from app.ledger.records import ValidationError
from app.ledger.setup import set_up_company
from app.models import ContactPerson, Country
from app.models.database import Store
from tests.ledger.customer_documents import add_customer


@pytest.fixture
def customers(store: Store) -> tuple[int, int]:
    set_up_company(store, base_currency="NOK", country="NO", language="nb-NO")
    with store.transaction() as session:
        return add_customer(session, "10001").id, add_customer(session, "10002").id


def add(service: ContactService, customer: int | None, last_name: str, **values: Any) -> int:
    return service.save(
        None, service.new_values() | {"customer": customer, "last_name": last_name} | values
    )


def marks(store: Store) -> dict[str, tuple[int | None, bool, bool]]:
    """Last name → (customer, active, default)."""
    with store.session() as session:
        return {
            c.last_name: (c.customer_id, c.active, c.is_default)
            for c in session.scalars(select(ContactPerson))
        }


def test_contacts_are_numbered_and_the_first_active_one_is_the_default(
    store: Store, customers: tuple[int, int]
) -> None:
    first, _second = customers
    service = ContactService(store)
    add(service, first, "Nordmann")
    add(service, first, "Berg")
    add(service, None, "Hansen")  # of no customer: no default to be
    with store.session() as session:
        numbers = session.scalars(select(ContactPerson.contact_id).order_by(ContactPerson.id))
        assert list(numbers) == [1, 2, 3]
    assert marks(store) == {
        "Nordmann": (first, True, True),
        "Berg": (first, True, False),
        "Hansen": (None, True, False),
    }


def test_a_postcode_must_fit_the_contacts_country(store: Store, customers: tuple[int, int]) -> None:
    with store.session() as session:
        norway = session.scalar(select(Country.id).where(Country.country_id == "NO"))
    service = ContactService(store)
    with pytest.raises(ValidationError) as refused:
        add(service, customers[0], "Nordmann", country=norway, postcode="12")
    assert [error.key for error in refused.value.errors] == ["postcode"]


def test_the_default_contact_moves_away_only_when_it_is_the_customers_last(
    store: Store, customers: tuple[int, int]
) -> None:
    first, second = customers
    service = ContactService(store)
    kari = add(service, first, "Nordmann")
    berg = add(service, first, "Berg")

    loaded = service.load(kari)
    with pytest.raises(ValidationError) as refused:
        service.save(kari, loaded | {"customer": second}, loaded["version"], loaded)
    assert "default contact and cannot be moved to another customer" in str(refused.value)

    # Berg moves: the other customer's first contact, so its default there.
    loaded = service.load(berg)
    service.save(berg, loaded | {"customer": second}, loaded["version"], loaded)
    assert marks(store) == {"Nordmann": (first, True, True), "Berg": (second, True, True)}

    # Kari, now the first customer's only contact, may go; the first keeps no default.
    loaded = service.load(kari)
    service.save(kari, loaded | {"customer": second}, loaded["version"], loaded)
    assert marks(store) == {"Nordmann": (second, True, False), "Berg": (second, True, True)}
