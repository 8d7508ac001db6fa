"""Working AR303000's Locations tab as a user does: show the tab, click a location's row."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from app.windows.framework.grid import GridEditor
from app.windows.framework.record_screen import RecordScreen


def locations_grid(screen: RecordScreen) -> GridEditor:
    """The Locations grid, its tab shown (as a click on the tab does)."""
    screen.form.tabs.setCurrentWidget(screen.form.tab_pages["tab_locations"])
    grid = screen.editor("locations")
    assert isinstance(grid, GridEditor)
    return grid


def location_rows(screen: RecordScreen) -> list[dict[str, Any]]:
    grid = locations_grid(screen)
    return [row for n in range(grid.model.rowCount()) if (row := grid.model.row(n)) is not None]


def defaults_shown(screen: RecordScreen) -> list[str]:
    return [row["location_id"] for row in location_rows(screen) if row["is_default"]]


def click_location(
    qtbot: QtBot, screen: RecordScreen, location_id: str, *, double: bool = False
) -> None:
    grid = locations_grid(screen)
    position = next(
        n for n, row in enumerate(location_rows(screen)) if row["location_id"] == location_id
    )
    view = grid.view
    view.scrollTo(grid.model.index(position, 0))
    center = view.visualRect(grid.model.index(position, 2)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    if double:  # the second click of a double-click, on the row pressed first
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)
        return
    assert grid.current_row() is not None and grid.current_row()["location_id"] == location_id


def click_button(screen: RecordScreen, name: str) -> None:
    """A button above the Locations grid (``locations_set_as_default``)."""
    locations_grid(screen)
    button = screen.findChild(QPushButton, name)
    assert button is not None, name
    button.click()
