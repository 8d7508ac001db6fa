"""A view grid whose rows are another screen's records, declared on its tab (``Tab.opens``): the
engine alone — a plain RecordScreen, no screen code — opens a row there on a double-click or
Enter, and gives the tab's buttons Add (a new record of this one there) and View (the selected
row there), each saying what is missing first."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from app.ledger.customers import LOCATIONS, CustomerService
from app.ledger.definitions.customer import CUSTOMER
from app.ledger.setup import set_up_company
from app.models import Customer
from app.models.database import Store
from app.windows.framework.grid import GridEditor
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Action, Opens, Screen, Section, Tab
from app.windows.navigation import Target

OPENS = Opens(LOCATIONS, "CR303010", "location", owner_key="customer")

# A customer with its Locations only, each row opening on CR303010.
SPEC = Screen(
    id="AR303000",
    title="Customers",
    model=Customer,
    top=CUSTOMER.pick("customer_no", "customer_name"),
    tabs=(
        Tab("General information", sections=(Section("", CUSTOMER.pick("status")),)),
        Tab(
            "Locations",
            grids=(CUSTOMER.grid(LOCATIONS),),
            buttons=(Action("Add location", OPENS.add), Action("View location", OPENS.view)),
            opens=OPENS,
        ),
    ),
    definition=CUSTOMER,
)


@pytest.fixture
def customer_id(store: Store) -> int:
    set_up_company(store, base_currency="NOK", country="NO", language="nb-NO")
    service = CustomerService(store)
    return service.save(None, service.new_values() | {"customer_name": "Fjordkraft Handel AS"})


def make(qtbot: QtBot, store: Store) -> tuple[RecordScreen, list[Any]]:
    """The screen, shown; what it asks the shell to open is collected."""
    screen = RecordScreen(store, SPEC, CustomerService(store))
    qtbot.addWidget(screen)
    opened: list[Any] = []
    screen.navigate = opened.append
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    return screen, opened


def locations(screen: RecordScreen) -> GridEditor:
    """The Locations grid, its tab shown as a click on the tab does."""
    screen.form.tabs.setCurrentIndex(1)
    grid = screen.editor(LOCATIONS)
    assert isinstance(grid, GridEditor)
    return grid


def click(screen: RecordScreen, label: str) -> None:
    button = screen.findChild(QPushButton, f"locations_{label}")
    assert button is not None, label
    button.click()


def test_a_row_opens_on_its_screen_by_double_click_and_enter(
    qtbot: QtBot, store: Store, customer_id: int
) -> None:
    screen, opened = make(qtbot, store)
    screen.open_record(customer_id)
    grid = locations(screen)
    [main] = screen.record.value(LOCATIONS)
    view = grid.view
    center = view.visualRect(grid.model.index(0, 0)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    assert opened == [Target("CR303010", record_id=main["id"])]

    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened[1:] == [Target("CR303010", record_id=main["id"])]


def test_add_opens_a_new_record_of_the_saved_one_there(
    qtbot: QtBot, store: Store, customer_id: int
) -> None:
    screen, opened = make(qtbot, store)
    locations(screen)
    click(screen, "add_location")  # a new customer: nothing to add to yet
    assert screen.message.text() == "Save the customer before adding a location."
    assert opened == []

    screen.open_record(customer_id)
    click(screen, "add_location")
    assert opened == [Target("CR303010", values={"customer": customer_id})]


def test_view_opens_the_selected_row_or_shows_the_tab_to_select_one(
    qtbot: QtBot, store: Store, customer_id: int
) -> None:
    screen, opened = make(qtbot, store)
    screen.open_record(customer_id)
    grid = locations(screen)
    screen.form.tabs.setCurrentIndex(0)
    OPENS.view(screen)  # as from a menu, the Locations tab not shown and no row selected
    assert screen.message.text() == "Select a location on the Locations tab first."
    assert screen.form.tabs.currentIndex() == 1
    assert opened == []

    grid.view.selectRow(0)
    click(screen, "view_location")
    [main] = screen.record.value(LOCATIONS)
    assert opened == [Target("CR303010", record_id=main["id"])]


def test_only_a_view_grid_of_the_tab_opens_its_rows_elsewhere() -> None:
    # An edited grid's Enter edits its cell; a grid of another tab is not this tab's.
    with pytest.raises(ValueError, match="not a view grid"):
        Tab("Mailings", grids=(CUSTOMER.grid("mailings"),), opens=Opens("mailings", "X", "x"))
    with pytest.raises(ValueError, match="not a view grid"):
        Tab("Contacts", grids=(CUSTOMER.grid("contacts"),), opens=OPENS)
    assert SPEC.opens() == [OPENS]
