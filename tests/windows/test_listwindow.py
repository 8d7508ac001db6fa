"""The list window through its widgets: search line, header sorting, lazy rows, opening a row."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QTableView, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from app.models.database import Store
from app.windows.framework.listwindow import DEBOUNCE_MS, ListWindow
from tests.windows.test_tablemodel import (
    COLUMNS,
    CUSTOMERS,
    add_customers,
    add_many,
    customer_query,
)

Opener = Callable[[], ListWindow]


@pytest.fixture
def open_list(store: Store, qtbot: QtBot) -> Opener:
    def opener() -> ListWindow:
        window = ListWindow("AR303000", store, customer_query(), "id", COLUMNS)
        qtbot.addWidget(window)
        window.resize(1000, 500)
        window.show()
        qtbot.waitExposed(window)
        return window

    return opener


@pytest.fixture
def window(store: Store, open_list: Opener) -> ListWindow:
    add_customers(store, CUSTOMERS)
    return open_list()


def table(window: ListWindow) -> QTableView:
    found = window.findChild(QTableView, "list_table")
    assert found is not None
    return found


def cell(window: ListWindow, key: str) -> QLineEdit:
    found = window.findChild(QLineEdit, f"search_{key}")
    assert found is not None
    return found


def grey(window: ListWindow, key: str) -> QToolButton:
    found = window.findChild(QToolButton, f"search_{key}")
    assert found is not None
    return found


def label(window: ListWindow, name: str) -> str:
    found = window.findChild(QLabel, name)
    assert found is not None
    return found.text()


def shown(window: ListWindow, column: int = 0) -> list[str]:
    model = table(window).model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def type_into(qtbot: QtBot, window: ListWindow, key: str, text: str) -> None:
    edit = cell(window, key)
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def test_names_for_automation(window: ListWindow) -> None:
    assert window.objectName() == "list_AR303000"
    for column in COLUMNS:
        assert window.findChild(QWidget, f"search_{column.key}") is not None
    assert label(window, "list_row_count") == "6 rows"


def test_search_cells_sit_over_their_columns(window: ListWindow, qtbot: QtBot) -> None:
    view = table(window)
    header = view.horizontalHeader()

    def aligned() -> bool:
        for number, column in enumerate(COLUMNS):
            search = window.findChild(QWidget, f"search_{column.key}")
            assert search is not None
            left = search.mapTo(window, QPoint(0, 0)).x()
            section = header.mapTo(window, QPoint(header.sectionViewportPosition(number), 0)).x()
            if (left, search.width()) != (section, header.sectionSize(number)):
                return False
        return True

    assert aligned()
    header.resizeSection(1, 320)
    assert aligned()
    header.moveSection(3, 0)
    assert aligned()
    window.resize(500, 400)
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().maximum())
    qtbot.waitUntil(aligned)


def test_typing_filters_once_typing_pauses(window: ListWindow, qtbot: QtBot) -> None:
    type_into(qtbot, window, "name", "nordic trading")
    assert len(shown(window)) == 6  # not yet: the query waits for a pause in typing
    qtbot.waitUntil(lambda: shown(window) == ["C001", "C002"], timeout=DEBOUNCE_MS * 10)
    assert label(window, "list_row_count") == "2 rows"

    type_into(qtbot, window, "name", "nordic%trading")
    qtbot.waitUntil(lambda: shown(window) == ["C001"])

    type_into(qtbot, window, "name", "ØST")
    qtbot.waitUntil(lambda: shown(window) == ["C003"])


def test_enter_filters_at_once(window: ListWindow, qtbot: QtBot) -> None:
    type_into(qtbot, window, "customer_class", "retail")
    qtbot.keyClick(cell(window, "customer_class"), Qt.Key.Key_Return)
    assert shown(window) == ["C002", "C005"]


def test_filters_in_several_columns(window: ListWindow, qtbot: QtBot) -> None:
    type_into(qtbot, window, "name", "trading")
    type_into(qtbot, window, "balance", ">=375")
    qtbot.keyClick(cell(window, "balance"), Qt.Key.Key_Enter)
    assert shown(window) == ["C003", "C004"]


def test_option_filter_from_the_grey_cell(window: ListWindow, qtbot: QtBot) -> None:
    status = grey(window, "status")
    menu = status.menu()
    assert menu is not None
    labels = [action.text() for action in menu.actions()]
    assert labels == ["Active", "On hold", "Credit hold", "Inactive", "One time"]
    menu.actions()[1].trigger()
    assert shown(window) == ["C002"]
    menu.actions()[2].trigger()
    assert shown(window) == ["C002", "C006"]
    assert status.text() == "On hold, Credit hold"
    menu.actions()[1].trigger()
    menu.actions()[2].trigger()
    assert len(shown(window)) == 6
    assert status.text() == ""


def test_check_box_filter_from_the_grey_cell(window: ListWindow) -> None:
    menu = grey(window, "has_class").menu()
    assert menu is not None
    yes, no = menu.actions()
    no.trigger()
    assert shown(window) == ["C003", "C006"]
    yes.trigger()  # yes or no, not both
    assert not no.isChecked()
    assert shown(window) == ["C001", "C002", "C004", "C005"]
    yes.trigger()
    assert len(shown(window)) == 6


def test_bad_number_filter_shows_a_message(window: ListWindow, qtbot: QtBot) -> None:
    type_into(qtbot, window, "balance", "lots")
    qtbot.keyClick(cell(window, "balance"), Qt.Key.Key_Return)
    message = label(window, "list_message")
    assert message.startswith("Balance:")
    assert "100..200" in message
    assert "ffd6d6" in cell(window, "balance").styleSheet()  # the cell turns red
    assert cell(window, "balance").toolTip() == message
    assert len(shown(window)) == 6

    type_into(qtbot, window, "balance", "<300")
    qtbot.waitUntil(lambda: label(window, "list_message") == "")
    assert shown(window) == ["C001", "C002"]
    assert cell(window, "balance").styleSheet() == ""


def test_sorting_by_clicking_headers(window: ListWindow, qtbot: QtBot) -> None:
    view = table(window)
    header = view.horizontalHeader()
    name = window.model.column_of("name")

    def click_header() -> None:
        middle = QPoint(header.sectionViewportPosition(name) + 20, header.height() // 2)
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=middle)

    click_header()
    first = shown(window, name)
    click_header()
    second = shown(window, name)
    names = ["", "Bergen Fisk & Trading", "Nord Øst Trading", "Nordic Trading AS"]
    names += ["Trading Nordic Oy", "Ålesund Bakeri"]
    assert sorted([first, second]) == [names, names[::-1]]
    expected = names if header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder else names[::-1]
    assert second == expected


def test_rows_are_fetched_as_the_table_scrolls(
    store: Store, open_list: Opener, qtbot: QtBot
) -> None:
    add_many(store, 450)
    window = open_list()
    model = table(window).model()
    assert model.rowCount() == 200
    assert label(window, "list_row_count") == "200+ rows"
    table(window).scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() == 400)
    assert label(window, "list_row_count") == "400+ rows"
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 450
    assert label(window, "list_row_count") == "450 rows"


def test_double_click_opens_the_record(window: ListWindow, qtbot: QtBot) -> None:
    view = table(window)
    rect = view.visualRect(view.model().index(3, 1))
    with qtbot.waitSignal(window.record_activated) as opened:
        # A real double-click: QTest's double-click event alone carries no first press.
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [4]


def test_enter_opens_the_current_record(window: ListWindow, qtbot: QtBot) -> None:
    type_into(qtbot, window, "name", "bakeri")
    qtbot.keyClick(cell(window, "name"), Qt.Key.Key_Return)
    view = table(window)
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    with qtbot.waitSignal(window.record_activated) as opened:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened.args == [6]


def test_refresh_and_show_record(store: Store, open_list: Opener) -> None:
    add_many(store, 300)
    window = open_list()
    assert window.show_record(250)
    assert window.current_key() == 250
    add_customers(store, [("A0", "Another", "ACTIVE", None)])
    window.refresh()
    assert window.current_key() == 250
    model = table(window).model()
    assert model.rowCount() == 300  # as many as were loaded; the new one is on the next page
    model.fetchMore(QModelIndex())
    assert model.index(300, 1).data() == "Another"
    cell(window, "name").setText("another")
    cell(window, "name").returnPressed.emit()
    assert not window.show_record(250)
