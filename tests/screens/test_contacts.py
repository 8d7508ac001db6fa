"""Contacts (CR302000) and AR303000's Contacts tab: the seed's "Connect contact to customer"
step by step, a contact's rules (last name, e-mail, one default contact per customer), a
contact's name opening it, and the two screens open on one customer never undoing each other."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QTableWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.ledger import lookups
from app.ledger.sources import CUSTOMER_CONTACTS
from app.models import ContactPerson, CustomerSalesperson, Salesperson
from app.models.database import Store
from app.windows.framework.dialogs import Unsaved
from app.windows.framework.grid import GridEditor
from app.windows.framework.listwindow import ListWindow
from app.windows.framework.lookup import LookupDialog, LookupEditor
from app.windows.framework.record_screen import RecordScreen
from app.windows.main_window import MainWindow
from app.windows.screens.customers import SCREEN as CUSTOMERS
from tests.screens.catalogue_walk import missing_elements
from tests.screens.conftest import Answers
from tests.screens.customer_record import Opener, create_customer, customer_named, set_up
from tests.screens.helpers import activate, click_check, edit_cell, shown, trigger, type_into
from tests.screens.people import add_row, click_tab_button, open_row, rows_shown, select_row

GRID = "contacts"


@pytest.fixture(autouse=True)
def company(store: Store) -> None:
    set_up(store)


@pytest.fixture
def window(qtbot: QtBot, store: Store, tmp_path: Path, answers: Answers) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def opened(window: MainWindow, screen_id: str) -> RecordScreen:
    widget = window.open_screen(screen_id)
    assert isinstance(widget, RecordScreen)
    return widget


def stored(store: Store, number: str) -> list[tuple[int, str, bool, bool]]:
    """(contact ID, last name, active, default) of the customer's contacts, as stored."""
    with store.session() as session:
        customer = customer_named(session, number)
        return sorted(
            (c.contact_id, c.last_name, c.active, c.is_default) for c in customer.contacts
        )


def add_contact(
    qtbot: QtBot, contacts: RecordScreen, number: str, last_name: str, **typed: str
) -> int:
    """On CR302000: Add new, the customer, the last name (and any other text), Save; the ID."""
    trigger(contacts, "add_new")
    type_into(qtbot, contacts, "customer", number)
    type_into(qtbot, contacts, "last_name", last_name)
    for key, text in typed.items():
        type_into(qtbot, contacts, key, text)
    trigger(contacts, "save")
    assert contacts.message.text() == "Saved.", contacts.message.text()
    contact_id: Any = contacts.record.value("contact_id")
    return int(contact_id)


def select_contact(qtbot: QtBot, contacts: RecordScreen, contact_id: int) -> None:
    """On CR302000: Add new, then the Contact ID of an existing contact, which shows it."""
    activate(contacts)
    trigger(contacts, "add_new")
    type_into(qtbot, contacts, "contact_id", str(contact_id))
    assert contacts.record.value("contact_id") == contact_id and not contacts.record.is_new


def names_shown(screen: RecordScreen) -> list[tuple[str, bool]]:
    return [(row["name"], row["is_default"]) for row in rows_shown(screen, GRID)]


def test_the_contacts_tab_has_the_seeds_columns_and_buttons(open_screen: Opener) -> None:
    assert not [m for m in missing_elements(CUSTOMERS) if "Contacts" in m]
    screen = open_screen("AR303000")
    grid = screen.editor(GRID)
    assert isinstance(grid, GridEditor)
    assert [spec.label for spec in grid.model.columns] == [
        "Active",
        "Is default",
        "Position",
        "Name",
        "City",
        "Email",
        "Phone 1",
    ]
    for name in ("contacts_add_contact", "contacts_set_as_default"):
        assert screen.findChild(QPushButton, name) is not None, name
    click_tab_button(screen, GRID, "contacts_add_contact")
    assert screen.message.text() == "Save the customer before adding a contact."
    click_tab_button(screen, GRID, "contacts_set_as_default")
    assert screen.message.text() == "Save the customer before choosing its default contact."


def test_connect_contact_to_customer_step_by_step(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    # 1–2. AR303000, the customer selected.
    customers = opened(window, "AR303000")
    number = create_customer(qtbot, customers, "Fjordkraft Handel AS")
    customer_id = customers.record.record_id

    # 3. On the Contacts tab, Add contact: CR302000 with a new contact of this customer.
    click_tab_button(customers, GRID, "contacts_add_contact")
    assert window.current_screen_id() == "CR302000"
    contacts = window.screen("CR302000")
    assert isinstance(contacts, RecordScreen)
    assert contacts.record.is_new and contacts.record.value("customer") == customer_id
    assert shown(contacts, "customer") == number
    assert not contacts.is_dirty

    # 4b. The last name of a new contact (required), then as much as is known; Save.
    type_into(qtbot, contacts, "first_name", "Kari")
    type_into(qtbot, contacts, "last_name", "Nordmann")
    type_into(qtbot, contacts, "job_title", "Accountant")
    type_into(qtbot, contacts, "email", "kari@fjordkraft.no")
    type_into(qtbot, contacts, "phone_1", "+47 55 00 00 01")
    type_into(qtbot, contacts, "city", "Bergen")
    trigger(contacts, "save")
    assert contacts.message.text() == "Saved.", contacts.message.text()
    assert shown(contacts, "contact_id") == "1"  # numbered on the first save
    assert shown(contacts, "is_default") is True  # the customer's first contact

    # Back on AR303000 the contact is listed, as the seed's columns show it.
    window.open_screen("AR303000")
    [row] = rows_shown(customers, GRID)
    assert (row["name"], row["position"], row["city"], row["email"], row["phone_1"]) == (
        "Kari Nordmann",
        "Accountant",
        "Bergen",
        "kari@fjordkraft.no",
        "+47 55 00 00 01",
    )
    assert row["active"] is True and row["is_default"] is True
    assert not customers.is_dirty

    # 4a. Or an existing contact (of another customer) selected by its Contact ID: connected.
    other = create_customer(qtbot, customers, "Bergen Bok AS")
    existing = add_contact(qtbot, contacts, other, "Hansen", first_name="Per")
    trigger(customers, "add_new")
    type_into(qtbot, customers, "customer_no", number)
    assert customers.record.record_id == customer_id
    trigger(customers, "add_contact")
    # Click the Contact ID field's selector and pick Per Hansen.
    lookup = contacts.editor("contact_id")
    assert isinstance(lookup, LookupEditor)

    def pick() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, LookupDialog)
        qtbot.keyClicks(dialog.search, "hansen")
        results = dialog.findChild(QTableWidget, "lookup_results")
        assert results is not None and results.rowCount() == 1
        results.selectRow(0)
        dialog.accept()

    QTimer.singleShot(0, pick)
    qtbot.mouseClick(lookup.select_button, Qt.MouseButton.LeftButton)
    assert contacts.record.record_id is not None
    assert shown(contacts, "last_name") == "Hansen"
    assert contacts.record.value("customer") == customer_id
    assert f"connect this contact to customer {number}" in contacts.message.text()
    trigger(contacts, "save")
    assert contacts.message.text() == "Saved.", contacts.message.text()
    assert stored(store, number) == [(1, "Nordmann", True, True), (existing, "Hansen", True, False)]
    assert stored(store, other) == []
    window.open_screen("AR303000")
    assert names_shown(customers) == [("Per Hansen", False), ("Kari Nordmann", True)]


def test_a_contacts_name_opens_it_on_cr302000(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    customers = opened(window, "AR303000")
    number = create_customer(qtbot, customers, "Fjordkraft Handel AS")
    contacts = opened(window, "CR302000")
    add_contact(qtbot, contacts, number, "Nordmann", first_name="Kari")
    second = add_contact(qtbot, contacts, number, "Berg", first_name="Ola")
    trigger(contacts, "add_new")

    window.open_screen("AR303000")
    rows = rows_shown(customers, GRID)
    position = next(n for n, row in enumerate(rows) if row["name"] == "Ola Berg")
    open_row(qtbot, customers, GRID, position)
    assert window.current_screen_id() == "CR302000"
    assert contacts.record.value("contact_id") == second
    assert shown(contacts, "last_name") == "Berg"


def test_the_contacts_grid_model_passes_qts_tester(
    qtbot: QtBot, open_screen: Opener, store: Store, qtmodeltester: ModelTester
) -> None:
    customers = open_screen("AR303000")
    number = create_customer(qtbot, customers, "Fjordkraft Handel AS")
    contacts = open_screen("CR302000")
    add_contact(qtbot, contacts, number, "Nordmann")
    add_contact(qtbot, contacts, number, "Berg")
    trigger(customers, "cancel")
    grid = customers.editor(GRID)
    assert isinstance(grid, GridEditor)
    assert len(rows_shown(customers, GRID)) == 2
    qtmodeltester.check(grid.model, force_py=True)


def test_a_last_name_is_required_and_an_email_must_be_one(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    customers = open_screen("AR303000")
    number = create_customer(qtbot, customers, "Fjordkraft Handel AS")
    contacts = open_screen("CR302000")
    trigger(contacts, "add_new")
    type_into(qtbot, contacts, "customer", number)
    type_into(qtbot, contacts, "first_name", "Kari")
    type_into(qtbot, contacts, "email", "kari at fjordkraft")
    trigger(contacts, "save")
    text = contacts.message.text()
    assert "Last name: a value is required." in text
    assert "Email: " in text and "is not an e-mail address" in text
    assert stored(store, number) == []


def test_one_default_contact_set_as_default_moves_it(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    customers = open_screen("AR303000")
    number = create_customer(qtbot, customers, "Fjordkraft Handel AS")
    contacts = open_screen("CR302000")
    first = add_contact(qtbot, contacts, number, "Nordmann")
    second = add_contact(qtbot, contacts, number, "Berg")
    assert stored(store, number) == [(first, "Nordmann", True, True), (second, "Berg", True, False)]

    trigger(customers, "cancel")  # read again
    select_row(qtbot, customers, GRID, 0)  # Berg, listed by name
    click_tab_button(customers, GRID, "contacts_set_as_default")
    assert customers.message.text() == "Berg is now the customer's default contact."
    assert names_shown(customers) == [("Berg", True), ("Nordmann", False)]
    assert stored(store, number) == [(first, "Nordmann", True, False), (second, "Berg", True, True)]
    assert not customers.is_dirty

    # The default contact can be neither deactivated nor deleted while others are active.
    select_contact(qtbot, contacts, second)
    click_check(qtbot, contacts, "active")
    trigger(contacts, "save")
    assert "default contact and cannot be deactivated" in contacts.message.text()
    answers.unsaved = Unsaved.DISCARD
    trigger(contacts, "cancel")
    assert shown(contacts, "active") is True
    trigger(contacts, "delete")
    assert "default contact and cannot be deleted" in contacts.message.text()

    # An inactive contact cannot take the mark.
    select_contact(qtbot, contacts, first)
    click_check(qtbot, contacts, "active")
    trigger(contacts, "save")
    assert contacts.message.text() == "Saved."
    trigger(customers, "cancel")
    select_row(qtbot, customers, GRID, 1)  # Nordmann, inactive now
    click_tab_button(customers, GRID, "contacts_set_as_default")
    assert "An inactive contact cannot be the default contact." in customers.message.text()
    assert stored(store, number) == [
        (first, "Nordmann", False, False),
        (second, "Berg", True, True),
    ]


def test_set_as_default_on_ar303000_is_not_undone_by_cr302000_open_on_the_old_default(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    customers = open_screen("AR303000")
    number = create_customer(qtbot, customers, "Fjordkraft Handel AS")
    contacts = open_screen("CR302000")
    first = add_contact(qtbot, contacts, number, "Nordmann")
    add_contact(qtbot, contacts, number, "Berg")
    select_contact(qtbot, contacts, first)
    assert shown(contacts, "is_default") is True  # as read before the mark moves
    type_into(qtbot, contacts, "job_title", "Chief accountant")  # unsaved

    trigger(customers, "cancel")
    select_row(qtbot, customers, GRID, 0)  # Berg
    click_tab_button(customers, GRID, "contacts_set_as_default")

    trigger(contacts, "save")
    assert contacts.message.text() == "Saved.", contacts.message.text()
    assert shown(contacts, "is_default") is False  # read again: the mark moved meanwhile
    with store.session() as session:
        rows = session.scalars(select(ContactPerson).order_by(ContactPerson.contact_id)).all()
        assert [(c.last_name, c.job_title, c.is_default) for c in rows] == [
            ("Nordmann", "Chief accountant", False),
            ("Berg", None, True),
        ]


def test_a_contact_saved_on_cr302000_is_not_undone_by_the_customer_screen(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    customers = open_screen("AR303000")
    number = create_customer(qtbot, customers, "Fjordkraft Handel AS")
    contacts = open_screen("CR302000")
    contact = add_contact(qtbot, contacts, number, "Nordmann")
    trigger(customers, "cancel")
    assert names_shown(customers) == [("Nordmann", True)]

    type_into(qtbot, customers, "customer_name", "Fjordkraft Handel ASA")  # unsaved
    type_into(qtbot, contacts, "last_name", "Nordmann-Berg")
    trigger(contacts, "save")
    assert contacts.message.text() == "Saved."

    trigger(customers, "save")
    assert customers.message.text() == "Saved."
    assert names_shown(customers) == [("Nordmann-Berg", True)]
    assert stored(store, number) == [(contact, "Nordmann-Berg", True, True)]

    # Two Contacts windows on one contact: the older save is refused, never overwriting.
    other = open_screen("CR302000")
    select_contact(qtbot, other, contact)
    type_into(qtbot, contacts, "job_title", "Accountant")
    trigger(contacts, "save")
    answers.confirm = False
    type_into(qtbot, other, "last_name", "Hansen")
    trigger(other, "save")
    assert "changed by someone else" in other.message.text()
    assert stored(store, number) == [(contact, "Nordmann-Berg", True, True)]


def test_contacts_are_the_recipients_a_customers_mailing_can_name(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    customers = open_screen("AR303000")
    number = create_customer(qtbot, customers, "Fjordkraft Handel AS")
    other = create_customer(qtbot, customers, "Bergen Bok AS")
    contacts = open_screen("CR302000")
    kari = add_contact(qtbot, contacts, number, "Nordmann", first_name="Kari")
    retired = add_contact(qtbot, contacts, number, "Berg")
    click_check(qtbot, contacts, "active")
    trigger(contacts, "save")
    add_contact(qtbot, contacts, other, "Hansen")
    with store.session() as session:
        customer_id = customer_named(session, number).id
    source = lookups.scoped(CUSTOMER_CONTACTS, lambda: customer_id)
    offered = [(c.code, c.description) for c in lookups.suggest(store, source, "")]
    assert offered == [(str(kari), "Kari Nordmann")]  # not the inactive one, nor another's
    assert lookups.by_code(store, source, str(retired)) is None


def test_deleting_a_customer_takes_its_contacts_and_salespersons(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    with store.transaction() as session:
        session.add(Salesperson(salesperson_id="ANNA", name="Anna Berg"))
    customers = open_screen("AR303000")
    number = create_customer(qtbot, customers, "Fjordkraft Handel AS")
    contacts = open_screen("CR302000")
    add_contact(qtbot, contacts, number, "Nordmann")
    add_contact(qtbot, contacts, number, "Berg")
    trigger(customers, "cancel")
    add_row(qtbot, customers, "salespersons")
    edit_cell(qtbot, customers, "salespersons", 0, "salesperson", "ANNA")
    trigger(customers, "save")
    assert customers.message.text() == "Saved.", customers.message.text()

    trigger(customers, "delete")
    assert customers.message.text() == "Deleted.", customers.message.text()
    with store.session() as session:
        assert session.scalars(select(ContactPerson)).all() == []
        assert session.scalars(select(CustomerSalesperson)).all() == []


def test_the_contacts_list_window_names_contact_and_customer_and_opens_a_row(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    customers = open_screen("AR303000")
    number = create_customer(qtbot, customers, "Fjordkraft Handel AS")
    contacts = open_screen("CR302000")
    add_contact(qtbot, contacts, number, "Nordmann", first_name="Kari")
    add_contact(qtbot, contacts, number, "Berg", first_name="Ola")
    trigger(contacts, "add_new")
    trigger(contacts, "list_window")
    window = contacts.list_window
    assert isinstance(window, ListWindow) and window.objectName() == "list_CR302000"
    model = window.model

    def listed(key: str) -> list[str]:
        column = model.column_of(key)
        return sorted(str(model.index(row, column).data()) for row in range(model.rowCount()))

    assert listed("name") == ["Kari Nordmann", "Ola Berg"]
    assert listed("customer_name") == ["Fjordkraft Handel AS", "Fjordkraft Handel AS"]
    cell = window.search_cell("name")
    assert isinstance(cell, QLineEdit)
    cell.setFocus()
    qtbot.keyClicks(cell, "ola")
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    assert listed("name") == ["Ola Berg"]
    window.table.setFocus()
    window.table.setCurrentIndex(model.index(0, 0))
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert shown(contacts, "last_name") == "Berg"


def test_a_contact_id_no_contact_has_is_refused_not_taken_as_new(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    customers = open_screen("AR303000")
    number = create_customer(qtbot, customers, "Fjordkraft Handel AS")
    contacts = open_screen("CR302000")
    trigger(contacts, "add_new")
    type_into(qtbot, contacts, "contact_id", "77")
    assert contacts.record.is_new
    type_into(qtbot, contacts, "customer", number)
    type_into(qtbot, contacts, "last_name", "Nordmann")
    trigger(contacts, "save")
    assert "Contact ID: '77' is not in the list of contacts." in contacts.message.text()
    assert stored(store, number) == []
    type_into(qtbot, contacts, "contact_id", "")  # left empty: the next free number
    trigger(contacts, "save")
    assert contacts.message.text() == "Saved."
    assert stored(store, number) == [(1, "Nordmann", True, True)]
