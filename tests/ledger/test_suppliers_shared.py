"""What a supplier takes from its customer and what the two sides share, through the services:
the attributes copied on Extend to supplier (the supplier's own from then on, required as the
customer's class requires), and the contact persons, one set of the business account."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from app.ledger.contacts import FOR_SUPPLIER, ContactService
from app.ledger.customers import EXTENDS_SUPPLIER, CustomerService
from app.ledger.records import RecordError, StaleRecordError, ValidationError
from app.ledger.setup import set_up_company
from app.ledger.suppliers import EXTENDS_CUSTOMER, SupplierService
from app.models import (
    Attribute,
    AttributeValue,
    ClassAttribute,
    ContactPerson,
    CustomerAttribute,
    CustomerClass,
    SupplierAttribute,
)
from app.models.database import Store
from app.models.reference.system import ControlType


@pytest.fixture
def customers(store: Store) -> CustomerService:
    """The DEFAULT class asks for a Segment (required, a combo) and a Size (text)."""
    set_up_company(store, base_currency="NOK", country="NO", language="nb-NO")
    with store.transaction() as session:
        segment = Attribute(
            attribute_id="SEGMENT",
            description="Segment",
            control_type=ControlType.COMBO,
            values=[
                AttributeValue(value_id="RETAIL", description="Retail", sort_order=1),
                AttributeValue(value_id="TRADE", description="Trade", sort_order=2),
            ],
        )
        size = Attribute(attribute_id="SIZE", description="Size")
        default = session.scalars(
            select(CustomerClass).where(CustomerClass.class_id == "DEFAULT")
        ).one()
        default.attributes = [
            ClassAttribute(attribute=segment, sort_order=1, required=True),
            ClassAttribute(attribute=size, sort_order=2),
        ]
    return CustomerService(store)


@pytest.fixture
def suppliers(store: Store, customers: CustomerService) -> SupplierService:
    return SupplierService(store)


@pytest.fixture
def contacts(store: Store, customers: CustomerService) -> ContactService:
    return ContactService(store)


def new_customer(customers: CustomerService, name: str, **attributes: str) -> int:
    """A saved customer with these attribute values (by description)."""
    values = customers.new_values() | {"customer_name": name}
    values["attributes"] = [
        row | {"value": attributes.get(row["attribute"], row["value"])}
        for row in values["attributes"]
    ]
    return customers.save(None, values)


def extend(suppliers: SupplierService, customer_id: int) -> int:
    read = suppliers.extension_values(customer_id)
    return suppliers.save(None, read | {EXTENDS_CUSTOMER: customer_id}, None, read)


def attributes_shown(values: dict[str, Any]) -> list[tuple[str, bool, Any]]:
    return [(row["attribute"], row["required"], row["value"]) for row in values["attributes"]]


def add_contact(contacts: ContactService, last_name: str, **values: Any) -> int:
    return contacts.save(None, contacts.new_values() | {"last_name": last_name} | values)


def names(rows: list[dict[str, Any]]) -> list[tuple[str, bool]]:
    return [(row["name"], row["is_default"]) for row in rows]


# -- attributes ------------------------------------------------------------------------------


def test_extend_copies_the_customers_attributes_and_stores_nothing_until_saved(
    store: Store, customers: CustomerService, suppliers: SupplierService
) -> None:
    customer_id = new_customer(customers, "Fjordkraft Handel AS", Segment="TRADE", Size="Large")

    values = suppliers.extension_values(customer_id)

    assert attributes_shown(values) == [("Segment", True, "TRADE"), ("Size", False, "Large")]
    assert all(row["id"] is None for row in values["attributes"])  # the supplier's own rows
    with store.session() as session:
        assert session.scalars(select(SupplierAttribute)).all() == []

    supplier_id = suppliers.save(None, values | {EXTENDS_CUSTOMER: customer_id}, None, values)
    saved = suppliers.load(supplier_id)
    assert attributes_shown(saved) == [("Segment", True, "TRADE"), ("Size", False, "Large")]

    # Edited on the supplier: the customer's values stay as they are (copied, not shared).
    rows = [
        row | {"value": "Small"} if row["attribute"] == "Size" else row
        for row in saved["attributes"]
    ]
    suppliers.save(supplier_id, saved | {"attributes": rows}, saved["version"], saved)
    assert attributes_shown(suppliers.load(supplier_id))[1] == ("Size", False, "Small")
    assert attributes_shown(customers.load(customer_id))[1] == ("Size", False, "Large")
    with store.session() as session:
        assert len(session.scalars(select(CustomerAttribute)).all()) == 2
        assert len(session.scalars(select(SupplierAttribute)).all()) == 2


def test_a_required_attribute_is_checked_on_the_supplier_as_on_the_customer(
    store: Store, customers: CustomerService, suppliers: SupplierService
) -> None:
    customer_id = new_customer(customers, "Fjordkraft Handel AS", Segment="RETAIL")
    supplier_id = extend(suppliers, customer_id)
    loaded = suppliers.load(supplier_id)

    cleared = [row | {"value": None} for row in loaded["attributes"]]
    with pytest.raises(ValidationError) as refused:
        suppliers.save(supplier_id, loaded | {"attributes": cleared}, loaded["version"], loaded)
    assert str(refused.value) == (
        "Attributes, Segment: a value is required (customer class DEFAULT requires it)."
    )
    unknown = [
        row | {"value": "WHOLESALE"} if row["attribute"] == "Segment" else row
        for row in loaded["attributes"]
    ]
    with pytest.raises(ValidationError, match="'WHOLESALE' is not one of the attribute's values"):
        suppliers.save(supplier_id, loaded | {"attributes": unknown}, loaded["version"], loaded)
    assert attributes_shown(suppliers.load(supplier_id))[0] == ("Segment", True, "RETAIL")


def test_a_supplier_left_alone_keeps_its_attributes_and_gives_them_to_a_new_customer(
    store: Store, customers: CustomerService, suppliers: SupplierService
) -> None:
    customer_id = new_customer(customers, "Fjordkraft Handel AS", Segment="TRADE", Size="Large")
    supplier_id = extend(suppliers, customer_id)
    customers.delete(customer_id)
    # No customer, no class: nothing is required now, the values stay.
    assert attributes_shown(suppliers.load(supplier_id)) == [
        ("Segment", False, "TRADE"),
        ("Size", False, "Large"),
    ]

    values = customers.extension_values(supplier_id)
    assert attributes_shown(values) == [("Segment", True, "TRADE"), ("Size", False, "Large")]
    new_id = customers.save(None, values | {EXTENDS_SUPPLIER: supplier_id}, None, values)
    assert attributes_shown(customers.load(new_id)) == [
        ("Segment", True, "TRADE"),
        ("Size", False, "Large"),
    ]


# -- contact persons ---------------------------------------------------------------------------


def test_the_contacts_are_one_set_both_sides_show(
    store: Store, customers: CustomerService, suppliers: SupplierService, contacts: ContactService
) -> None:
    customer_id = new_customer(customers, "Fjordkraft Handel AS", Segment="TRADE")
    add_contact(contacts, "Nordmann", first_name="Kari", customer=customer_id)
    # Extend to supplier shows the account's contacts already.
    assert names(suppliers.extension_values(customer_id)["contacts"]) == [("Kari Nordmann", True)]
    supplier_id = extend(suppliers, customer_id)

    # A contact added for the supplier is the account's: the customer's row.
    berg = add_contact(contacts, "Berg", first_name="Ola", **{FOR_SUPPLIER: supplier_id})
    with store.session() as session:
        contact = session.get(ContactPerson, berg)
        assert contact is not None
        assert (contact.customer_id, contact.supplier_id) == (customer_id, None)
    both = [("Ola Berg", False), ("Kari Nordmann", True)]
    assert names(suppliers.load(supplier_id)["contacts"]) == both
    assert names(customers.load(customer_id)["contacts"]) == both
    assert contacts.load(berg)["supplier"] == supplier_id  # CR302000 shows the account's supplier

    # Edited (on CR302000, opened from either side): both show the change.
    loaded = contacts.load(berg)
    contacts.save(berg, loaded | {"email": "ola@fjordkraft.no"}, loaded["version"], loaded)
    assert [r["email"] for r in suppliers.contact_rows(supplier_id)] == ["ola@fjordkraft.no", None]
    assert [r["email"] for r in customers.contact_rows(customer_id)] == ["ola@fjordkraft.no", None]

    # Set as default from the supplier's side moves the account's one mark.
    contacts.set_as_default(berg, customer_id)
    assert names(customers.contact_rows(customer_id)) == [
        ("Ola Berg", True),
        ("Kari Nordmann", False),
    ]


def test_a_stale_shared_contact_is_refused(
    store: Store, customers: CustomerService, suppliers: SupplierService, contacts: ContactService
) -> None:
    customer_id = new_customer(customers, "Fjordkraft Handel AS", Segment="TRADE")
    supplier_id = extend(suppliers, customer_id)
    kari = add_contact(contacts, "Nordmann", **{FOR_SUPPLIER: supplier_id})
    opened_from_supplier = contacts.load(kari)
    opened_from_customer = contacts.load(kari)

    contacts.save(
        kari,
        opened_from_customer | {"phone_1": "+47 55 00 00 01"},
        opened_from_customer["version"],
        opened_from_customer,
    )
    with pytest.raises(StaleRecordError, match="changed by someone else"):
        contacts.save(
            kari,
            opened_from_supplier | {"phone_1": "+47 99 99 99 99"},
            opened_from_supplier["version"],
            opened_from_supplier,
        )
    assert [r["phone_1"] for r in suppliers.contact_rows(supplier_id)] == ["+47 55 00 00 01"]


def test_a_supplier_without_a_customer_has_contacts_of_its_own_that_follow_the_account(
    store: Store, customers: CustomerService, suppliers: SupplierService, contacts: ContactService
) -> None:
    supplier_id = suppliers.save(None, suppliers.new_values() | {"supplier_name": "Bergen Papir"})
    kari = add_contact(contacts, "Nordmann", first_name="Kari", **{FOR_SUPPLIER: supplier_id})
    ola = add_contact(contacts, "Berg", first_name="Ola", **{FOR_SUPPLIER: supplier_id})
    assert names(suppliers.contact_rows(supplier_id)) == [
        ("Ola Berg", False),
        ("Kari Nordmann", True),
    ]
    contacts.set_as_default(ola, None, supplier_id)
    assert names(suppliers.contact_rows(supplier_id)) == [
        ("Ola Berg", True),
        ("Kari Nordmann", False),
    ]
    refusal = r"is supplier \S+'s default contact and cannot be deleted"
    with pytest.raises(RecordError, match=refusal):
        contacts.delete(ola)

    # Extend to customer: the account's contacts are the new customer's, still one set.
    values = customers.extension_values(supplier_id)
    assert names(values["contacts"]) == [("Ola Berg", True), ("Kari Nordmann", False)]
    values["attributes"] = [row | {"value": "RETAIL"} for row in values["attributes"][:1]] + values[
        "attributes"
    ][1:]
    customer_id = customers.save(None, values | {EXTENDS_SUPPLIER: supplier_id}, None, values)
    assert names(customers.contact_rows(customer_id)) == [
        ("Ola Berg", True),
        ("Kari Nordmann", False),
    ]
    assert names(suppliers.contact_rows(supplier_id)) == [
        ("Ola Berg", True),
        ("Kari Nordmann", False),
    ]
    with store.session() as session:
        stored = session.scalars(select(ContactPerson).order_by(ContactPerson.id)).all()
        assert [(c.customer_id, c.supplier_id) for c in stored] == [(customer_id, None)] * 2

    # Deleting the customer side leaves the supplier its contacts; deleting the supplier then
    # takes them with it.
    customers.delete(customer_id)
    assert names(suppliers.contact_rows(supplier_id)) == [
        ("Ola Berg", True),
        ("Kari Nordmann", False),
    ]
    assert contacts.load(kari)["supplier"] == supplier_id
    suppliers.delete(supplier_id)
    with store.session() as session:
        assert session.scalars(select(ContactPerson)).all() == []


def test_a_contact_for_a_supplier_deleted_meanwhile_is_refused(
    store: Store, customers: CustomerService, suppliers: SupplierService, contacts: ContactService
) -> None:
    supplier_id = suppliers.save(None, suppliers.new_values() | {"supplier_name": "Bergen Papir"})
    suppliers.delete(supplier_id)
    with pytest.raises(StaleRecordError, match="supplier was deleted"):
        add_contact(contacts, "Nordmann", **{FOR_SUPPLIER: supplier_id})
    with store.session() as session:
        assert session.scalars(select(ContactPerson)).all() == []


def test_a_contact_opened_before_its_account_moved_sides_is_refused_until_reloaded(
    store: Store, customers: CustomerService, suppliers: SupplierService, contacts: ContactService
) -> None:
    """Extend to customer makes the supplier's contacts the customer's: a contact shown before
    (with its account as it was) is not saved over the move."""
    supplier_id = suppliers.save(None, suppliers.new_values() | {"supplier_name": "Bergen Papir"})
    kari = add_contact(contacts, "Nordmann", **{FOR_SUPPLIER: supplier_id})
    opened = contacts.load(kari)

    values = customers.extension_values(supplier_id)
    values["attributes"][0]["value"] = "RETAIL"
    customer_id = customers.save(None, values | {EXTENDS_SUPPLIER: supplier_id}, None, values)

    with pytest.raises(StaleRecordError, match="changed by someone else"):
        contacts.save(kari, opened | {"phone_1": "+47 99"}, opened["version"], opened)
    reloaded = contacts.load(kari)
    assert (reloaded["customer"], reloaded["supplier"]) == (customer_id, supplier_id)
    contacts.save(kari, reloaded | {"phone_1": "+47 99"}, reloaded["version"], reloaded)
    assert [r["phone_1"] for r in customers.contact_rows(customer_id)] == ["+47 99"]
