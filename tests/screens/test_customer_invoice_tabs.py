"""Customers (AR303000) › Other invoice settings (Finvoice) and Direct debit (mandates), through
the widgets: typed, saved with the customer and shown again; a mandate breaking a rule refused
with the row, column and rule named, nothing saved."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.ledger import catalogue
from app.models.database import Store
from app.windows.framework.grid import GridEditor
from app.windows.framework.record_screen import RecordScreen
from tests.screens.customer_record import Opener, create_customer, customer_named, set_up
from tests.screens.helpers import edit_cell, shown, trigger, type_into

IBAN = "NL91 ABNA 0417 1643 00"


@pytest.fixture(autouse=True)
def company(store: Store) -> None:
    set_up(store)


def mandates_grid(screen: RecordScreen) -> GridEditor:
    screen.form.tabs.setCurrentWidget(screen.form.tab_pages["tab_direct_debit"])
    grid = screen.editor("mandates")
    assert isinstance(grid, GridEditor)
    return grid


def add_mandate(qtbot: QtBot, screen: RecordScreen, number: str, **cells: str) -> int:
    grid = mandates_grid(screen)
    qtbot.mouseClick(grid.add_button, Qt.MouseButton.LeftButton)
    row = grid.model.rowCount() - 1
    edit_cell(qtbot, screen, "mandates", row, "mandate_id", number)
    for column, text in cells.items():
        edit_cell(qtbot, screen, "mandates", row, column, text)
    return row


def test_finvoice_ids_are_saved_with_the_customer(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = open_screen("AR303000")
    number = create_customer(qtbot, screen, "Oy Suomi Ab")
    type_into(qtbot, screen, "finvoice_contract_id", "003712345678")
    type_into(qtbot, screen, "finvoice_intermediator_id", "NDEAFIHH")
    trigger(screen, "save")
    assert screen.message.text() == "Saved."
    with store.session() as session:
        customer = customer_named(session, number)
        assert (customer.finvoice_contract_id, customer.finvoice_intermediator_id) == (
            "003712345678",
            "NDEAFIHH",
        )
    screen.load_record(screen.record.record_id or 0)
    assert shown(screen, "finvoice_intermediator_id") == "NDEAFIHH"


def test_mandates_are_added_saved_and_checked(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = open_screen("AR303000")
    number = create_customer(qtbot, screen, "Bakkerij BV")
    grid = mandates_grid(screen)
    [entry] = next(t for t in catalogue.window("AR303000")["tabs"] if t["title"] == "Direct debit")[
        "grids"
    ]
    assert [c.label for c in grid.model.columns] == [c["name"] for c in entry["columns"]]

    # The first mandate is the default; its IBAN is checked as one.
    add_mandate(
        qtbot, screen, "M-1", description="Yearly", bic="ABNANL2A", iban="NL91 ABNA 0417 1643 01"
    )
    assert grid.model.row(0)["is_default"] is True  # type: ignore[index]
    trigger(screen, "save")
    assert "Direct debit, row 1, IBAN: 'NL91 ABNA 0417 1643 01' is not a valid IBAN" in (
        screen.message.text()
    )
    edit_cell(qtbot, screen, "mandates", 0, "iban", IBAN)
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()

    # A second mandate is not the default; an expired one marked default is refused.
    add_mandate(qtbot, screen, "M-2", expiration_date="2020-01-31")
    assert grid.model.row(1)["is_default"] is False  # type: ignore[index]
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()
    with store.session() as session:
        rows = customer_named(session, number).mandates
        assert [(m.mandate_id, m.is_default, m.iban) for m in rows] == [
            ("M-1", True, IBAN),
            ("M-2", False, None),
        ]
    # The user ticks M-2's Is default box, as a click in the cell does: the mark moves there
    # (M-1's is cleared), but M-2 has expired.
    column = [spec.key for spec in grid.model.columns].index("is_default")
    index = grid.model.index(1, column)
    assert grid.model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable
    assert grid.model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert [r["is_default"] for r in screen.record.value("mandates")] == [False, True]
    trigger(screen, "save")
    assert (
        "Direct debit, row 2, Is default: an expired mandate cannot be the default "
        "(it expired on 2020-01-31)." in screen.message.text()
    )
    with store.session() as session:
        assert [m.is_default for m in customer_named(session, number).mandates] == [True, False]
