"""Record screens inside the main window: unsaved changes on the tab and in the title, what a
save did in the status bar, the Record menu and Help › Keyboard shortcuts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QTableWidget
from pytestqt.qtbot import QtBot

from app.models.database import Store
from app.windows import main_window
from app.windows.framework.dialogs import Unsaved
from app.windows.framework.record_screen import STANDARD_ACTIONS, RecordScreen
from app.windows.main_window import MainWindow
from tests.screens.conftest import Answers
from tests.screens.helpers import trigger, type_into


@pytest.fixture
def window(qtbot: QtBot, store: Store, tmp_path: Path, answers: Answers) -> Iterator[MainWindow]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    shown = MainWindow(store, settings=settings)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    yield shown
    answers.unsaved = Unsaved.DISCARD  # teardown closes the window without keeping anything


def open_record_screen(window: MainWindow, screen_id: str) -> RecordScreen:
    screen = window.open_screen(screen_id)
    assert isinstance(screen, RecordScreen)
    window.activateWindow()
    return screen


def test_unsaved_changes_show_on_the_tab_and_in_the_title(qtbot: QtBot, window: MainWindow) -> None:
    screen = open_record_screen(window, "AR201000")
    tabs = window.screen_tabs
    index = tabs.indexOf(screen)
    assert tabs.tabText(index) == "Customer classes"
    assert window.windowTitle() == "Customer classes — Customer Ledger — ledger.sqlite"

    type_into(qtbot, screen, "class_id", "NEW")
    assert tabs.tabText(index) == "Customer classes ●"
    type_into(qtbot, screen, "description", "New class")
    assert window.windowTitle() == "Customer classes ● — Customer Ledger — ledger.sqlite"

    trigger(screen, "save")
    assert tabs.tabText(index) == "Customer classes"
    assert window.statusBar().currentMessage() == "Saved customer class NEW"
    assert window.windowTitle() == "Customer classes — Customer Ledger — ledger.sqlite"


def test_the_title_follows_the_current_tab(qtbot: QtBot, window: MainWindow) -> None:
    classes = open_record_screen(window, "AR201000")
    type_into(qtbot, classes, "class_id", "NEW")
    open_record_screen(window, "AR303000")
    assert window.windowTitle() == "Customers — Customer Ledger — ledger.sqlite"
    window.screen_tabs.setCurrentWidget(classes)
    assert window.windowTitle().startswith("Customer classes ● — ")


def test_delete_is_said_in_the_status_bar(
    qtbot: QtBot, window: MainWindow, answers: Answers
) -> None:
    screen = open_record_screen(window, "AR201000")
    type_into(qtbot, screen, "class_id", "OLD")
    type_into(qtbot, screen, "description", "Old class")
    trigger(screen, "save")
    assert window.statusBar().currentMessage() == "Saved customer class OLD"
    trigger(screen, "delete")
    assert answers.asked == ["Delete: Delete Customer class OLD?"]
    assert window.statusBar().currentMessage() == "Deleted customer class OLD"


def menu_actions(window: MainWindow) -> list[QAction]:
    return [action for action in window.record_menu.actions() if not action.isSeparator()]


def test_the_record_menu_holds_the_screen_s_actions_and_shortcuts(window: MainWindow) -> None:
    assert window.record_menu.title() == "&Record"
    assert not window.record_menu.isEnabled()  # no screen open
    customers = open_record_screen(window, "AR303000")
    listed = menu_actions(window)
    assert listed == list(customers.actions_by_name.values())
    assert [a.shortcuts() for a in listed] == [
        a.shortcuts() for a in customers.actions_by_name.values()
    ]
    # Every standard action is there with the shortcuts the toolbar declares.
    by_name = {action.objectName(): action for action in listed}
    for standard in STANDARD_ACTIONS:
        keys = [key.toString() for key in by_name[f"action_{standard.name}"].shortcuts()]
        assert keys == list(standard.shortcuts)
    assert window.record_menu.isEnabled()

    classes = open_record_screen(window, "AR201000")
    assert menu_actions(window) == list(classes.actions_by_name.values())
    window.close_screen("AR201000")
    assert menu_actions(window) == list(customers.actions_by_name.values())


def test_a_record_menu_entry_runs_the_screen_s_action(
    qtbot: QtBot, window: MainWindow, answers: Answers
) -> None:
    screen = open_record_screen(window, "AR201000")
    type_into(qtbot, screen, "class_id", "NEW")
    cancel = next(a for a in menu_actions(window) if a.objectName() == "action_cancel")
    cancel.trigger()
    assert answers.asked == ["unsaved: Customer class NEW"]  # asks, as Esc does


def test_keyboard_shortcuts_lists_the_window_s_and_the_screen_s(
    qtbot: QtBot, window: MainWindow
) -> None:
    customers = open_record_screen(window, "AR303000")
    dialog = window.show_shortcuts()
    qtbot.addWidget(dialog)
    table = dialog.findChild(QTableWidget, "shortcuts_table")
    assert table is not None
    rows = [
        tuple(item.text() if (item := table.item(r, c)) else "" for c in range(3))
        for r in range(table.rowCount())
    ]
    assert rows == window.shortcut_rows()
    listed = {(where, action): keys for where, action, keys in rows}
    assert listed[("Window", "Go to screen")] == "Ctrl+G"
    assert listed[("Window", "Close screen")] == "Ctrl+W"
    for action in customers.actions_by_name.values():
        if action.shortcuts():
            keys = ", ".join(key.toString() for key in action.shortcuts())
            assert listed[("Customers", action.text())] == keys
    assert listed[("Customers", "Cancel")] == "Esc"
    dialog.close()


def test_the_window_names_the_standard_actions_as_the_toolbar_does() -> None:
    assert tuple(a.name for a in STANDARD_ACTIONS) == main_window.STANDARD_ACTION_NAMES


def test_keyboard_shortcuts_is_on_the_help_menu(window: MainWindow) -> None:
    menus = {m.title(): m for m in window.menuBar().findChildren(type(window.record_menu))}
    assert window.action_shortcuts in menus["&Help"].actions()
    assert window.action_shortcuts.text().replace("&", "") == "Keyboard shortcuts"
