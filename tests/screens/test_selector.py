"""The lookup selector (F4 or the lookup button): columns of code, description and what tells
records apart, a search line, the current value highlighted, OK/Cancel, Enter or a
double-click to choose; the type-ahead pop-up as wide as its longest entry."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QTableWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.models import Currency, CustomerClass
from app.models.database import Store
from app.windows.framework.lookup import LookupDialog, LookupEditor
from app.windows.framework.record_screen import RecordScreen
from tests.screens.customer_record import Opener, set_up
from tests.screens.helpers import type_into


def seed(store: Store) -> None:
    set_up(store)
    with store.transaction() as session:
        eur = session.scalars(select(Currency).where(Currency.currency_id == "EUR")).one()
        session.add_all(
            [
                CustomerClass(
                    class_id="EXPORT", description="Export customers", currency_id=eur.id
                ),
                CustomerClass(class_id="EXPORTNO", description="Export customers, Nordic"),
                CustomerClass(
                    class_id="WHOLESALE",
                    description="Wholesale customers buying in large quantities across Europe",
                ),
            ]
        )


def with_selector(qtbot: QtBot, lookup: LookupEditor, act: Callable[[LookupDialog], None]) -> None:
    """Open the selector with the lookup button and let ``act`` work in it."""
    seen: list[LookupDialog] = []

    def inside() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, LookupDialog)
        seen.append(dialog)
        act(dialog)

    QTimer.singleShot(0, inside)
    qtbot.mouseClick(lookup.select_button, Qt.MouseButton.LeftButton)
    assert seen, "the selector did not open"


def cells(table: QTableWidget, row: int) -> list[str]:
    return [table.item(row, column).text() for column in range(table.columnCount())]  # type: ignore[union-attr]


def class_lookup(screen: RecordScreen) -> LookupEditor:
    lookup = screen.editor("customer_class")
    assert isinstance(lookup, LookupEditor)
    return lookup


def test_the_selector_has_columns_and_highlights_the_current_value(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    seed(store)
    screen = open_screen("AR303000")
    type_into(qtbot, screen, "customer_class", "EXPORT")
    lookup = class_lookup(screen)
    found: dict[str, object] = {}

    def look(dialog: LookupDialog) -> None:
        table = dialog.results
        found["headers"] = [
            table.horizontalHeaderItem(column).text()  # type: ignore[union-attr]
            for column in range(table.columnCount())
        ]
        found["current"] = cells(table, table.currentRow())
        found["bold"] = table.item(table.currentRow(), 0).font().bold()  # type: ignore[union-attr]
        found["search"] = dialog.search.hasFocus() or dialog.focusWidget() is dialog.search
        dialog.reject()

    with_selector(qtbot, lookup, look)
    assert found["headers"] == ["Code", "Description", "Currency"]
    assert found["current"] == ["EXPORT", "Export customers", "EUR"]
    assert found["bold"] is True
    assert found["search"] is True
    assert lookup.line_edit.text() == "EXPORT"  # Cancel leaves it


def test_searching_and_enter_chooses_ok_waits_for_a_row(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    seed(store)
    screen = open_screen("AR303000")
    lookup = class_lookup(screen)

    def search(dialog: LookupDialog) -> None:
        qtbot.keyClicks(dialog.search, "nordic")
        assert dialog.results.rowCount() == 1
        qtbot.keyClicks(dialog.search, "zzz")
        assert dialog.results.rowCount() == 0
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None and not ok.isEnabled()  # nothing to choose
        dialog.search.clear()
        qtbot.keyClicks(dialog.search, "export")
        qtbot.keyClick(dialog.search, Qt.Key.Key_Down)  # the second match
        qtbot.keyClick(dialog.search, Qt.Key.Key_Return)

    with_selector(qtbot, lookup, search)
    assert lookup.line_edit.text() == "EXPORTNO"
    assert lookup.description.text() == "Export customers, Nordic"
    assert screen.is_dirty


def test_a_double_click_chooses(qtbot: QtBot, open_screen: Opener, store: Store) -> None:
    seed(store)
    screen = open_screen("AR303000")
    lookup = class_lookup(screen)

    def double_click(dialog: LookupDialog) -> None:
        table = dialog.results
        row = next(r for r in range(table.rowCount()) if cells(table, r)[0] == "WHOLESALE")
        table.scrollTo(table.model().index(row, 0))
        rect = table.visualRect(table.model().index(row, 1))
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    with_selector(qtbot, lookup, double_click)
    assert lookup.line_edit.text() == "WHOLESALE"


def test_the_type_ahead_pop_up_is_as_wide_as_its_longest_entry(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    seed(store)
    screen = open_screen("AR303000")
    lookup = class_lookup(screen)
    lookup.line_edit.setFocus()
    lookup.line_edit.selectAll()
    qtbot.keyClicks(lookup.line_edit, "W")
    popup = lookup.completer.popup()
    assert popup is not None
    qtbot.waitUntil(popup.isVisible)
    longest = "WHOLESALE – Wholesale customers buying in large quantities across Europe"
    assert popup.width() >= popup.fontMetrics().horizontalAdvance(longest)
    assert popup.width() > lookup.line_edit.width()
    popup.hide()


def test_f4_opens_the_selector_from_the_code_box(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    seed(store)
    screen = open_screen("AR303000")
    lookup = class_lookup(screen)
    opened: list[str] = []

    def inside() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, LookupDialog)
        opened.append(dialog.windowTitle())
        dialog.reject()

    lookup.line_edit.setFocus()
    QTimer.singleShot(0, inside)
    qtbot.keyClick(lookup.line_edit, Qt.Key.Key_F4)
    assert opened == ["Select – customer classes"]
