"""Customers (AR303000) › Locations: the customer's locations, Set as default moving the one
default mark (Delivery settings then show the new default's settings), Add location and a
location's row opening Customer locations (CR303010) through the main window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from app.ledger import catalogue
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.main_window import MainWindow
from tests.screens.conftest import Answers
from tests.screens.customer_record import (
    Opener,
    add_location,
    create_customer,
    locations_of,
    set_up,
)
from tests.screens.helpers import click_check, shown, trigger, type_into
from tests.screens.locations_tab import (
    click_button,
    click_location,
    defaults_shown,
    location_rows,
    locations_grid,
)


@pytest.fixture(autouse=True)
def company(store: Store) -> None:
    set_up(store)


def stored_defaults(store: Store, number: str) -> list[str]:
    with store.session() as session:
        return [loc.location_id for loc in locations_of(session, number) if loc.is_default]


def test_the_grid_has_the_seeds_columns_and_is_only_shown(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    customers = open_screen("AR303000")
    number = create_customer(qtbot, customers, "Fjordkraft Handel AS")
    grid = locations_grid(customers)
    assert grid.objectName() == "grid_locations"
    seed = catalogue.window("AR303000")
    [entry] = next(tab for tab in seed["tabs"] if tab["title"] == "Locations")["grids"]
    assert [c.label for c in grid.model.columns] == [c["name"] for c in entry["columns"]]
    assert [
        (row["location_id"], row["is_default"], row["active"]) for row in location_rows(customers)
    ] == [("MAIN", True, True)]
    # Nothing to edit, add or delete here: the rows are location records (CR303010 edits them).
    index = grid.model.index(0, 3)
    assert not grid.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert not grid.model.flags(grid.model.index(0, 1)) & Qt.ItemFlag.ItemIsUserCheckable
    assert grid.add_button.isHidden() and grid.delete_button.isHidden()

    # Saving the customer with the tab shown writes nothing of the locations.
    type_into(qtbot, customers, "customer_name", "Fjordkraft Handel ASA")
    trigger(customers, "save")
    assert customers.message.text() == "Saved."
    assert stored_defaults(store, number) == ["MAIN"]


def test_set_as_default_moves_the_one_mark_and_delivery_settings_follow(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    customers = open_screen("AR303000")
    number = create_customer(qtbot, customers, "Fjordkraft Handel AS")
    locations = open_screen("CR303010")
    add_location(qtbot, locations, number, "ASEBY", edi_code="EDI-ASEBY")
    add_location(qtbot, locations, number, "BRYNE")

    trigger(customers, "cancel")  # nothing unsaved: read again, rows included
    assert [row["location_id"] for row in location_rows(customers)] == ["ASEBY", "BRYNE", "MAIN"]
    click_location(qtbot, customers, "ASEBY")
    click_button(customers, "locations_set_as_default")

    assert customers.message.text() == "ASEBY is now the customer's default location."
    assert defaults_shown(customers) == ["ASEBY"]
    assert stored_defaults(store, number) == ["ASEBY"]
    assert shown(customers, "location_name") == "ASEBY site"
    assert shown(customers, "edi_code") == "EDI-ASEBY"
    assert not customers.is_dirty

    # The toolbar's Set as default does the same; still one default.
    click_location(qtbot, customers, "BRYNE")
    trigger(customers, "set_as_default")
    assert defaults_shown(customers) == ["BRYNE"]
    assert stored_defaults(store, number) == ["BRYNE"]
    assert shown(customers, "location_name") == "BRYNE site"
    assert shown(customers, "edi_code") == ""


def test_an_inactive_location_cannot_be_the_default(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    customers = open_screen("AR303000")
    number = create_customer(qtbot, customers, "Fjordkraft Handel AS")
    locations = open_screen("CR303010")
    add_location(qtbot, locations, number, "CLOSED")
    click_check(qtbot, locations, "active")
    trigger(locations, "save")
    assert locations.message.text() == "Saved.", locations.message.text()

    trigger(customers, "cancel")
    assert [row["active"] for row in location_rows(customers)] == [False, True]
    click_location(qtbot, customers, "CLOSED")
    trigger(customers, "set_as_default")

    assert "An inactive location cannot be the default location." in customers.message.text()
    assert defaults_shown(customers) == ["MAIN"]
    assert stored_defaults(store, number) == ["MAIN"]


def test_unsaved_changes_of_the_customer_are_saved_first(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    customers = open_screen("AR303000")
    number = create_customer(qtbot, customers, "Fjordkraft Handel AS")
    locations = open_screen("CR303010")
    add_location(qtbot, locations, number, "ASEBY")
    trigger(customers, "cancel")

    type_into(qtbot, customers, "customer_name", "Fjordkraft Handel ASA")
    click_location(qtbot, customers, "ASEBY")
    trigger(customers, "set_as_default")

    # As on CR303010: refused, nothing typed lost.
    assert "Save the customer before changing its default location" in customers.message.text()
    assert stored_defaults(store, number) == ["MAIN"]
    assert customers.record.value("customer_name") == "Fjordkraft Handel ASA"
    trigger(customers, "save")
    click_location(qtbot, customers, "ASEBY")
    trigger(customers, "set_as_default")
    assert stored_defaults(store, number) == ["ASEBY"]


def test_without_a_selected_location_set_as_default_says_so(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    customers = open_screen("AR303000")
    number = create_customer(qtbot, customers, "Fjordkraft Handel AS")
    locations_grid(customers).view.clearSelection()
    locations_grid(customers).view.setCurrentIndex(locations_grid(customers).model.index(-1, -1))
    trigger(customers, "set_as_default")
    assert "Select a location" in customers.message.text()
    assert stored_defaults(store, number) == ["MAIN"]


def test_a_new_customer_cannot_add_locations_or_move_the_default(
    open_screen: Opener,
) -> None:
    customers = open_screen("AR303000")
    assert not customers.action("set_as_default").isEnabled()
    assert not customers.action("add_location").isEnabled()
    assert location_rows(customers) == []


# -- through the main window: Add location and a row open CR303010 ---------------------------


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


def test_add_location_opens_cr303010_with_a_new_location_of_the_customer(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    customers = opened(window, "AR303000")
    number = create_customer(qtbot, customers, "Fjordkraft Handel AS")
    customer_id = customers.record.record_id

    trigger(customers, "add_location")

    assert window.current_screen_id() == "CR303010"
    locations = window.screen("CR303010")
    assert isinstance(locations, RecordScreen)
    assert locations.record.is_new
    assert locations.record.value("customer") == customer_id
    assert shown(locations, "customer") == number
    assert not locations.is_dirty  # the new location's defaults only
    type_into(qtbot, locations, "location_id", "ASEBY")
    type_into(qtbot, locations, "location_name", "Aseby farm")
    trigger(locations, "save")
    assert locations.message.text() == "Saved.", locations.message.text()

    # Back on AR303000 (the Locations tab shown), the new location is listed.
    window.open_screen("AR303000")
    assert [row["location_id"] for row in location_rows(customers)] == ["ASEBY", "MAIN"]
    assert not customers.is_dirty

    # The button above the grid does the same as the menu command.
    window.open_screen("AR303000")
    click_button(customers, "locations_add_location")
    assert window.current_screen_id() == "CR303010"
    assert locations.record.is_new and locations.record.value("customer") == customer_id


def test_a_locations_row_opens_that_location_on_cr303010(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    customers = opened(window, "AR303000")
    number = create_customer(qtbot, customers, "Fjordkraft Handel AS")
    locations = opened(window, "CR303010")
    add_location(qtbot, locations, number, "ASEBY")
    trigger(locations, "add_new")  # CR303010 shows something else meanwhile

    window.open_screen("AR303000")
    click_location(qtbot, customers, "ASEBY", double=True)

    assert window.current_screen_id() == "CR303010"
    with store.session() as session:
        [aseby] = [loc for loc in locations_of(session, number) if loc.location_id == "ASEBY"]
        aseby_id = aseby.id
    assert locations.record.record_id == aseby_id
    assert shown(locations, "customer") == number
    assert shown(locations, "location_id") == "ASEBY"


def test_without_the_main_window_add_location_says_where_it_opens(
    qtbot: QtBot, open_screen: Opener
) -> None:
    customers = open_screen("AR303000")
    create_customer(qtbot, customers, "Fjordkraft Handel AS")
    trigger(customers, "add_location")
    assert "CR303010 opens from the main window" in customers.message.text()
