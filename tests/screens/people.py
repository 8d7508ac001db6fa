"""Working the people tabs of AR303000 (Salespersons, Contacts) as a user does: show the tab,
add a row, tick a cell's check box, read the rows shown."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QPushButton,
    QStyle,
    QStyleOptionViewItem,
)
from pytestqt.qtbot import QtBot

from app.windows.framework.grid import GridEditor
from app.windows.framework.record_screen import RecordScreen
from tests.screens.helpers import activate


def grid_of(screen: RecordScreen, key: str) -> GridEditor:
    """A grid, its tab shown (as a click on the tab does)."""
    grid = screen.editor(key)
    assert isinstance(grid, GridEditor)
    screen._reveal(grid)
    return grid


def rows_shown(screen: RecordScreen, key: str) -> list[dict[str, Any]]:
    grid = grid_of(screen, key)
    return [row for n in range(grid.model.rowCount()) if (row := grid.model.row(n)) is not None]


def add_row(qtbot: QtBot, screen: RecordScreen, key: str) -> int:
    """Click the grid's Add row button; the new row's position."""
    activate(screen)
    grid = grid_of(screen, key)
    qtbot.mouseClick(grid.add_button, Qt.MouseButton.LeftButton)
    return grid.model.rowCount() - 1


def click_cell_check(qtbot: QtBot, screen: RecordScreen, key: str, row: int, column: str) -> None:
    """Click the check box drawn in a grid cell."""
    activate(screen)
    grid = grid_of(screen, key)
    columns = [spec.key for spec in grid.model.columns]
    index = grid.model.index(row, columns.index(column))
    grid.view.scrollTo(index)
    option = QStyleOptionViewItem()
    grid.view.initViewItemOption(option)
    option.rect = grid.view.visualRect(index)
    grid.delegate.initStyleOption(option, index)
    style = grid.view.style()
    box = style.subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, grid.view)
    point: QPoint = box.center()
    qtbot.mouseClick(grid.view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def select_row(qtbot: QtBot, screen: RecordScreen, key: str, row: int) -> None:
    """Click a row of a grid (on its first cell)."""
    activate(screen)
    grid = grid_of(screen, key)
    index = grid.model.index(row, 0)
    grid.view.scrollTo(index)
    center = grid.view.visualRect(index).center()
    qtbot.mouseClick(grid.view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    assert grid.current_position() == row


def open_row(qtbot: QtBot, screen: RecordScreen, key: str, row: int) -> None:
    """Double-click a row of a view grid (Locations, Contacts): it opens on its own screen."""
    select_row(qtbot, screen, key, row)
    grid = grid_of(screen, key)
    center = grid.view.visualRect(grid.model.index(row, 0)).center()
    qtbot.mouseDClick(grid.view.viewport(), Qt.MouseButton.LeftButton, pos=center)


def click_tab_button(screen: RecordScreen, key: str, name: str) -> None:
    """A button above a grid (``contacts_set_as_default``), the grid's tab shown."""
    grid_of(screen, key)
    button = screen.findChild(QPushButton, name)
    assert button is not None, name
    button.click()


def clear_cell(qtbot: QtBot, screen: RecordScreen, key: str, row: int, column: str) -> None:
    """Double-click a cell, delete its text, press Enter."""
    activate(screen)
    grid = grid_of(screen, key)
    columns = [spec.key for spec in grid.model.columns]
    index = grid.model.index(row, columns.index(column))
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    grid.view.setCurrentIndex(index)
    grid.view.edit(index)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), f"no line editor opened on {column}"
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: grid.delegate.open_editor is None)
