"""CR303010's Salespersons tab: the customer's salespersons at the location shown, edited there
as on AR303000's Salespersons tab, one default for the customer whichever screen moves it; and
AR303000 and CR303010 open on the same customer never undoing each other's rows."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pytestqt.qtbot import QtBot

from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from tests.screens.conftest import Answers
from tests.screens.customer_record import Opener, add_location, create_customer, set_up
from tests.screens.helpers import edit_cell, trigger, type_into
from tests.screens.people import add_row, click_cell_check, rows_shown
from tests.screens.test_customer_salespersons import add_salespersons, stored_rows

GRID = "salespersons"


@pytest.fixture(autouse=True)
def company(store: Store) -> None:
    set_up(store)
    add_salespersons(store)  # the DEFAULT class's salesperson is ANNA


def open_location(qtbot: QtBot, open_screen: Opener, number: str, location: str) -> RecordScreen:
    screen = open_screen("CR303010")
    type_into(qtbot, screen, "customer", number)
    type_into(qtbot, screen, "location_id", location)
    assert screen.record.record_id is not None
    return screen


def customer_with_oslo(qtbot: QtBot, open_screen: Opener) -> tuple[RecordScreen, str]:
    """AR303000 on a new customer (ANNA at MAIN, the default) that has an OSLO location too."""
    customers = open_screen("AR303000")
    number = create_customer(qtbot, customers, "Fjordkraft Handel AS")
    add_location(qtbot, open_screen("CR303010"), number, "OSLO")
    trigger(customers, "cancel")
    return customers, number


def test_the_tab_shows_the_salespersons_at_this_location(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    _customers, number = customer_with_oslo(qtbot, open_screen)
    main = open_location(qtbot, open_screen, number, "MAIN")
    assert [(r["name"], r["is_default"]) for r in rows_shown(main, GRID)] == [("Anna Berg", True)]
    oslo = open_location(qtbot, open_screen, number, "OSLO")
    assert rows_shown(oslo, GRID) == []


def test_a_salesperson_added_here_as_default_takes_the_mark_from_another_location(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    customers, number = customer_with_oslo(qtbot, open_screen)
    oslo = open_location(qtbot, open_screen, number, "OSLO")
    row = add_row(qtbot, oslo, GRID)
    edit_cell(qtbot, oslo, GRID, row, "salesperson", "BJORN")
    assert rows_shown(oslo, GRID)[row]["commission_percent"] == Decimal("7.5")
    click_cell_check(qtbot, oslo, GRID, row, "is_default")
    trigger(oslo, "save")
    assert oslo.message.text() == "Saved.", oslo.message.text()

    assert stored_rows(store, number) == [
        ("ANNA", "MAIN", Decimal(5), False),
        ("BJORN", "OSLO", Decimal("7.5"), True),
    ]
    # AR303000, read again, lists both with Bjørn the default.
    trigger(customers, "cancel")
    assert [(r["name"], r["is_default"]) for r in rows_shown(customers, GRID)] == [
        ("Anna Berg", False),
        ("Bjørn Dahl", True),
    ]


def test_removing_the_customers_default_salesperson_here_is_refused(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    _customers, number = customer_with_oslo(qtbot, open_screen)
    oslo = open_location(qtbot, open_screen, number, "OSLO")
    row = add_row(qtbot, oslo, GRID)
    edit_cell(qtbot, oslo, GRID, row, "salesperson", "BJORN")
    trigger(oslo, "save")
    assert oslo.message.text() == "Saved."
    main = open_location(qtbot, open_screen, number, "MAIN")
    click_cell_check(qtbot, main, GRID, 0, "is_default")  # Anna's mark cleared, none left
    trigger(main, "save")
    assert "mark one salesperson as the customer's default" in main.message.text()
    assert stored_rows(store, number) == [
        ("ANNA", "MAIN", Decimal(5), True),
        ("BJORN", "OSLO", Decimal("7.5"), False),
    ]


def test_a_location_holding_the_default_salesperson_is_not_deleted(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    _customers, number = customer_with_oslo(qtbot, open_screen)
    oslo = open_location(qtbot, open_screen, number, "OSLO")
    row = add_row(qtbot, oslo, GRID)
    edit_cell(qtbot, oslo, GRID, row, "salesperson", "BJORN")
    click_cell_check(qtbot, oslo, GRID, row, "is_default")
    trigger(oslo, "save")
    trigger(oslo, "delete")
    assert "the customer's default salesperson is at it" in oslo.message.text()
    assert ("BJORN", "OSLO", Decimal("7.5"), True) in stored_rows(store, number)


def test_rows_added_on_cr303010_are_not_undone_by_the_customer_screen(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    customers, number = customer_with_oslo(qtbot, open_screen)
    rows_shown(customers, GRID)  # the tab looked at: Anna only
    oslo = open_location(qtbot, open_screen, number, "OSLO")
    row = add_row(qtbot, oslo, GRID)
    edit_cell(qtbot, oslo, GRID, row, "salesperson", "BJORN")
    trigger(oslo, "save")
    assert oslo.message.text() == "Saved."

    # A change elsewhere on the customer saves, leaving the rows as CR303010 saved them.
    type_into(qtbot, customers, "customer_name", "Fjordkraft Handel ASA")
    trigger(customers, "save")
    assert customers.message.text() == "Saved."
    assert len(stored_rows(store, number)) == 2

    # Rows edited on AR303000 while CR303010 adds another: the older rows are refused, with a
    # reload offered, and nothing typed is lost.
    edit_cell(qtbot, customers, GRID, 0, "commission_percent", "9")
    row = add_row(qtbot, oslo, GRID)
    edit_cell(qtbot, oslo, GRID, row, "salesperson", "ANNA")
    trigger(oslo, "save")
    assert oslo.message.text() == "Saved."
    answers.confirm = False
    trigger(customers, "save")
    assert "rows were added or removed elsewhere" in customers.message.text()
    assert customers.is_dirty
    assert stored_rows(store, number) == [
        ("ANNA", "MAIN", Decimal(5), True),
        ("ANNA", "OSLO", Decimal(5), False),
        ("BJORN", "OSLO", Decimal("7.5"), False),
    ]


def test_rows_changed_on_ar303000_are_not_undone_by_the_location_screen(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    customers, number = customer_with_oslo(qtbot, open_screen)
    main = open_location(qtbot, open_screen, number, "MAIN")
    assert len(rows_shown(main, GRID)) == 1

    edit_cell(qtbot, customers, GRID, 0, "commission_percent", "8")
    trigger(customers, "save")
    assert customers.message.text() == "Saved."

    # The location's name saves without touching Anna's row ...
    type_into(qtbot, main, "location_name", "Head office")
    trigger(main, "save")
    assert main.message.text() == "Saved."
    assert stored_rows(store, number) == [("ANNA", "MAIN", Decimal(8), True)]

    # ... and the rows as CR303010 read them cannot overwrite AR303000's commission.
    main_rows = open_location(qtbot, open_screen, number, "MAIN")
    edit_cell(qtbot, customers, GRID, 0, "commission_percent", "4")
    trigger(customers, "save")
    edit_cell(qtbot, main_rows, GRID, 0, "commission_percent", "6")
    answers.confirm = False
    trigger(main_rows, "save")
    assert "Commission % was changed elsewhere" in main_rows.message.text()
    assert stored_rows(store, number) == [("ANNA", "MAIN", Decimal(4), True)]


def test_a_default_moved_on_ar303000_is_not_undone_by_cr303010_saving_its_name(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    customers, number = customer_with_oslo(qtbot, open_screen)
    main = open_location(qtbot, open_screen, number, "MAIN")
    assert [r["is_default"] for r in rows_shown(main, GRID)] == [True]  # Anna, as read

    row = add_row(qtbot, customers, GRID)
    edit_cell(qtbot, customers, GRID, row, "salesperson", "BJORN")
    edit_cell(qtbot, customers, GRID, row, "location", "OSLO")
    click_cell_check(qtbot, customers, GRID, row, "is_default")
    trigger(customers, "save")
    assert customers.message.text() == "Saved."

    type_into(qtbot, main, "location_name", "Head office")
    trigger(main, "save")
    assert main.message.text() == "Saved.", main.message.text()
    assert stored_rows(store, number) == [
        ("ANNA", "MAIN", Decimal(5), False),
        ("BJORN", "OSLO", Decimal("7.5"), True),
    ]


def test_a_default_moved_on_cr303010_is_not_undone_by_ar303000_saving_its_name(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    customers, number = customer_with_oslo(qtbot, open_screen)
    assert [r["is_default"] for r in rows_shown(customers, GRID)] == [True]  # Anna, as read
    oslo = open_location(qtbot, open_screen, number, "OSLO")
    row = add_row(qtbot, oslo, GRID)
    edit_cell(qtbot, oslo, GRID, row, "salesperson", "BJORN")
    click_cell_check(qtbot, oslo, GRID, row, "is_default")
    trigger(oslo, "save")
    assert oslo.message.text() == "Saved."

    type_into(qtbot, customers, "customer_name", "Fjordkraft Handel ASA")
    trigger(customers, "save")
    assert customers.message.text() == "Saved.", customers.message.text()
    assert stored_rows(store, number) == [
        ("ANNA", "MAIN", Decimal(5), False),
        ("BJORN", "OSLO", Decimal("7.5"), True),
    ]
