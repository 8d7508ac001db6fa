"""The list window of a screen (Ctrl+L): search line as the seed describes, open a row."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from app.models import Customer, CustomerClass
from app.models.database import Store
from app.windows.framework.listwindow import ListWindow
from app.windows.framework.record_screen import RecordScreen
from tests.screens.helpers import shown, trigger

Opener = Callable[[str], RecordScreen]

NAMES = ["Nordic Trading AS", "Trading Nordic Oy", "Nord Øst Trading", "Bergen Fisk AS"]


def seed(store: Store) -> None:
    with store.transaction() as session:
        domestic = CustomerClass(class_id="DOMESTIC", description="Domestic")
        session.add(domestic)
        session.flush()
        session.add_all(
            Customer(customer_no=f"1000{n}", name=name, customer_class_id=domestic.id)
            for n, name in enumerate(NAMES, start=1)
        )


def listed_names(window: ListWindow) -> list[str]:
    model = window.model
    column = model.column_of("customer_name")
    return sorted(model.index(row, column).data() for row in range(model.rowCount()))


def search(qtbot: QtBot, window: ListWindow, key: str, text: str) -> None:
    cell = window.search_cell(key)
    assert isinstance(cell, QLineEdit)
    cell.setFocus()
    cell.clear()
    qtbot.keyClicks(cell, text)
    qtbot.keyClick(cell, Qt.Key.Key_Return)


def test_list_window_searches_like_the_seed_and_opens_a_row(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    seed(store)
    screen = open_screen("AR303000")
    qtbot.keyClick(
        screen.editor("customer_name"), Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier
    )
    window = screen.list_window
    assert isinstance(window, ListWindow)
    assert window.objectName() == "list_AR303000"
    assert window.isVisible()
    assert len(listed_names(window)) == 4

    # space: all the words, in any order
    search(qtbot, window, "customer_name", "trading nordic")
    assert listed_names(window) == ["Nordic Trading AS", "Trading Nordic Oy"]
    # %: the words in this order, % a wildcard
    search(qtbot, window, "customer_name", "nordic%trading")
    assert listed_names(window) == ["Nordic Trading AS"]
    search(qtbot, window, "customer_name", "øst")  # folding beyond ASCII
    assert listed_names(window) == ["Nord Øst Trading"]

    window.table.setFocus()
    window.table.setCurrentIndex(window.model.index(0, 0))
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    assert not window.isVisible()
    assert shown(screen, "customer_name") == "Nord Øst Trading"
    assert shown(screen, "customer_class") == "DOMESTIC"


def test_list_window_shows_records_saved_since_it_was_opened(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    seed(store)
    screen = open_screen("AR201000")
    trigger(screen, "list_window")
    window = screen.list_window
    assert isinstance(window, ListWindow)
    assert window.model.rowCount() == 1
    with store.transaction() as session:
        session.add(CustomerClass(class_id="EXPORT", description="Export"))
    trigger(screen, "list_window")  # Ctrl+L toggles back to the record …
    assert not window.isVisible()
    trigger(screen, "list_window")  # … and to a fresh list
    assert window.model.rowCount() == 2
