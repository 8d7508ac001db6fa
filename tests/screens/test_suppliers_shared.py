"""AP303000's Attributes and Contacts tabs through the widgets: the customer's attributes copied
on Extend to supplier (required ones checked as on the customer), and the business account's
contact persons, one set both screens list, added and edited from either, a stale one refused."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.ledger.contacts import ContactService
from app.models import (
    Attribute,
    AttributeValue,
    ClassAttribute,
    ContactPerson,
    Customer,
    CustomerClass,
    Supplier,
)
from app.models.database import Store
from app.models.reference.system import ControlType
from app.windows.framework.listwindow import ListWindow
from app.windows.framework.record_screen import RecordScreen
from app.windows.main_window import MainWindow
from tests.screens.conftest import Answers
from tests.screens.customer_record import set_up
from tests.screens.helpers import edit_cell, shown, trigger, type_into
from tests.screens.people import clear_cell, click_tab_button, open_row, rows_shown, select_row

ATTRIBUTES = "attributes"
CONTACTS = "contacts"


@pytest.fixture(autouse=True)
def company(store: Store) -> None:
    """The DEFAULT customer class asks for a Segment (required, a combo) and a Size (text)."""
    set_up(store)
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


@pytest.fixture
def window(qtbot: QtBot, store: Store, tmp_path: Path, answers: Answers) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    shown_window = MainWindow(store, settings=settings)
    qtbot.addWidget(shown_window)
    shown_window.show()
    qtbot.waitExposed(shown_window)
    return shown_window


def opened(window: MainWindow, screen_id: str) -> RecordScreen:
    widget = window.open_screen(screen_id)
    assert isinstance(widget, RecordScreen)
    return widget


def attributes_shown(screen: RecordScreen) -> list[tuple[str, bool, Any]]:
    return [(r["attribute"], r["required"], r["value"]) for r in rows_shown(screen, ATTRIBUTES)]


def contacts_shown(screen: RecordScreen) -> list[tuple[str, bool, Any]]:
    return [(r["name"], r["is_default"], r["email"]) for r in rows_shown(screen, CONTACTS)]


def new_customer(qtbot: QtBot, window: MainWindow, name: str) -> RecordScreen:
    """A customer saved on AR303000 with its Segment TRADE and Size Large."""
    customers = opened(window, "AR303000")
    trigger(customers, "add_new")
    type_into(qtbot, customers, "customer_name", name)
    edit_cell(qtbot, customers, ATTRIBUTES, 0, "value", "TRADE")
    edit_cell(qtbot, customers, ATTRIBUTES, 1, "value", "Large")
    trigger(customers, "save")
    assert customers.message.text() == "Saved.", customers.message.text()
    return customers


def extend_and_save(qtbot: QtBot, window: MainWindow, name: str) -> RecordScreen:
    customers = new_customer(qtbot, window, name)
    trigger(customers, "extend_to_supplier")
    suppliers = opened(window, "AP303000")
    trigger(suppliers, "save")
    assert suppliers.message.text() == "Saved.", suppliers.message.text()
    return suppliers


def stored_attributes(store: Store, model: Any) -> dict[str, str | None]:
    with store.session() as session:
        record = session.scalars(select(model)).one()
        return {row.attribute.attribute_id: row.value for row in record.attributes}


def test_extend_copies_the_attributes_and_a_required_one_is_checked_on_the_supplier(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    customers = new_customer(qtbot, window, "Fjordkraft Handel AS")
    trigger(customers, "extend_to_supplier")
    suppliers = opened(window, "AP303000")
    assert window.current_screen_id() == "AP303000"
    assert attributes_shown(suppliers) == [("Segment", True, "TRADE"), ("Size", False, "Large")]

    clear_cell(qtbot, suppliers, ATTRIBUTES, 0, "value")
    trigger(suppliers, "save")
    assert (
        "Attributes, Segment: a value is required (customer class DEFAULT requires it)."
        in suppliers.message.text()
    )
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(Supplier)) == 0

    edit_cell(qtbot, suppliers, ATTRIBUTES, 0, "value", "RETAIL")
    trigger(suppliers, "save")
    assert suppliers.message.text() == "Saved.", suppliers.message.text()
    assert stored_attributes(store, Supplier) == {"SEGMENT": "RETAIL", "SIZE": "Large"}
    # Copied, not shared: the customer keeps its values.
    assert stored_attributes(store, Customer) == {"SEGMENT": "TRADE", "SIZE": "Large"}
    trigger(suppliers, "cancel")  # read again
    assert attributes_shown(suppliers) == [("Segment", True, "RETAIL"), ("Size", False, "Large")]


def test_contacts_added_and_edited_from_either_screen_show_on_both(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    suppliers = extend_and_save(qtbot, window, "Fjordkraft Handel AS")
    number = shown(suppliers, "supplier_no")
    customers = opened(window, "AR303000")
    contacts = opened(window, "CR302000")

    # Added from the customer: listed on the supplier.
    window.open_screen("AR303000")
    click_tab_button(customers, CONTACTS, "contacts_add_contact")
    assert window.current_screen_id() == "CR302000"
    type_into(qtbot, contacts, "first_name", "Kari")
    type_into(qtbot, contacts, "last_name", "Nordmann")
    trigger(contacts, "save")
    assert contacts.message.text() == "Saved.", contacts.message.text()
    window.open_screen("AP303000")
    assert contacts_shown(suppliers) == [("Kari Nordmann", True, None)]

    # Added from the supplier: the account's contact, listed on the customer.
    click_tab_button(suppliers, CONTACTS, "contacts_add_contact")
    assert window.current_screen_id() == "CR302000"
    assert contacts.record.is_new and shown(contacts, "customer") == number
    assert shown(contacts, "supplier") == number and not contacts.is_dirty
    type_into(qtbot, contacts, "first_name", "Ola")
    type_into(qtbot, contacts, "last_name", "Berg")
    trigger(contacts, "save")
    assert contacts.message.text() == "Saved.", contacts.message.text()
    assert shown(contacts, "supplier") == number  # the account's supplier
    window.open_screen("AR303000")
    assert contacts_shown(customers) == [("Ola Berg", False, None), ("Kari Nordmann", True, None)]

    # Opened from the supplier's list and edited: the customer's list shows the change.
    window.open_screen("AP303000")
    open_row(qtbot, suppliers, CONTACTS, 0)
    assert window.current_screen_id() == "CR302000"
    assert shown(contacts, "last_name") == "Berg"
    type_into(qtbot, contacts, "email", "ola@fjordkraft.no")
    trigger(contacts, "save")
    assert contacts.message.text() == "Saved.", contacts.message.text()
    window.open_screen("AR303000")
    assert contacts_shown(customers)[0] == ("Ola Berg", False, "ola@fjordkraft.no")

    # Set as default on the supplier moves the account's one mark.
    window.open_screen("AP303000")
    assert contacts_shown(suppliers)[0] == ("Ola Berg", False, "ola@fjordkraft.no")
    select_row(qtbot, suppliers, CONTACTS, 0)
    click_tab_button(suppliers, CONTACTS, "contacts_set_as_default")
    assert suppliers.message.text() == "Ola Berg is now the account's default contact."
    window.open_screen("AR303000")
    assert [(name, default) for name, default, _ in contacts_shown(customers)] == [
        ("Ola Berg", True),
        ("Kari Nordmann", False),
    ]
    with store.session() as session:
        customer_id = session.scalars(select(Customer.id)).one()
        stored = session.scalars(select(ContactPerson)).all()
        assert {(c.customer_id, c.supplier_id) for c in stored} == {(customer_id, None)}


def test_a_stale_shared_contact_is_refused(
    qtbot: QtBot, window: MainWindow, store: Store, answers: Answers
) -> None:
    suppliers = extend_and_save(qtbot, window, "Fjordkraft Handel AS")
    contacts = opened(window, "CR302000")
    window.open_screen("AP303000")
    click_tab_button(suppliers, CONTACTS, "contacts_add_contact")
    type_into(qtbot, contacts, "last_name", "Nordmann")
    trigger(contacts, "save")
    assert contacts.message.text() == "Saved.", contacts.message.text()
    window.open_screen("AP303000")
    open_row(qtbot, suppliers, CONTACTS, 0)
    contact_id = contacts.record.record_id
    assert contact_id is not None

    # Meanwhile the contact is changed elsewhere (the customer's side, another workstation).
    service = ContactService(store)
    other = service.load(contact_id)
    service.save(contact_id, other | {"phone_1": "+47 55 00 00 01"}, other["version"], other)

    answers.confirm = False  # keep what was typed
    type_into(qtbot, contacts, "phone_1", "+47 99 99 99 99")
    trigger(contacts, "save")
    assert "changed by someone else" in contacts.message.text()
    assert shown(contacts, "phone_1") == "+47 99 99 99 99"  # nothing typed is lost
    with store.session() as session:
        assert session.scalars(select(ContactPerson.phone_1)).one() == "+47 55 00 00 01"


def test_a_supplier_without_a_customer_keeps_contacts_of_its_own(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    suppliers = opened(window, "AP303000")
    click_tab_button(suppliers, CONTACTS, "contacts_add_contact")
    assert suppliers.message.text() == "Save the supplier before adding a contact."
    type_into(qtbot, suppliers, "supplier_name", "Bergen Papir AS")
    trigger(suppliers, "save")
    assert suppliers.message.text() == "Saved.", suppliers.message.text()
    number = shown(suppliers, "supplier_no")

    contacts = opened(window, "CR302000")
    window.open_screen("AP303000")
    click_tab_button(suppliers, CONTACTS, "contacts_add_contact")
    assert window.current_screen_id() == "CR302000"
    assert shown(contacts, "supplier") == number and shown(contacts, "customer") == ""
    assert not contacts.is_dirty
    type_into(qtbot, contacts, "last_name", "Hansen")
    trigger(contacts, "save")
    assert contacts.message.text() == "Saved.", contacts.message.text()
    assert shown(contacts, "supplier") == number
    assert shown(contacts, "is_default") is True  # the account's first contact
    window.open_screen("AP303000")
    assert contacts_shown(suppliers) == [("Hansen", True, None)]
    with store.session() as session:
        supplier_id = session.scalars(select(Supplier.id)).one()
        stored = session.scalars(select(ContactPerson)).one()
        assert (stored.customer_id, stored.supplier_id) == (None, supplier_id)

    # CR302000's list window names the account's supplier.
    window.open_screen("CR302000")
    trigger(contacts, "list_window")
    listed = contacts.list_window
    assert isinstance(listed, ListWindow)
    model = listed.model
    assert model.rowCount() == 1
    assert model.index(0, model.column_of("supplier")).data() == number
    assert model.index(0, model.column_of("name")).data() == "Hansen"
