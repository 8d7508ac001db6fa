"""The shell: navigation, go-to box, screen tabs, menus, status bar (DESIGN.md §1, §2).

Screens are created on first use through ``ScreenInfo.factory()``, which imports the screen's
module only then, so the window opens fast however many screens the registry lists.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, overload, runtime_checkable

from PySide6.QtCore import QByteArray, QSettings, QStringListModel, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QScreen
from PySide6.QtWidgets import (
    QApplication,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import URL

from app import APP_NAME
from app.ledger import workstation
from app.ledger.workstation import MAIN_BRANCH
from app.models.backup import BackupError
from app.models.database import sqlite_path
from app.paths import backups_dir
from app.windows import errors
from app.windows.backups import NOT_A_FILE, Backups, BackupsDialog
from app.windows.drafts import INTERVAL_MS as DRAFT_INTERVAL_MS
from app.windows.drafts import Draft, DraftError, Drafts, drafts_folder
from app.windows.framework import dialogs
from app.windows.framework.mnemonics import letter_of, without_mnemonic
from app.windows.navigation import Navigate, Target
from app.windows.screens import CUSTOMER_LEDGER, SCREENS, ScreenInfo, find_screen
from app.windows.start_page import StartPage, Usage

if TYPE_CHECKING:
    from app.models.database import Store
    from app.windows.about import AboutDialog

log = logging.getLogger(__name__)

SCREEN_ID_ROLE = Qt.ItemDataRole.UserRole
# QSettings keys. Screen IDs are stored comma-joined: an ini list of one item reads back as str.
KEY_GEOMETRY = "main_window/geometry"
KEY_STATE = "main_window/state"
KEY_OPEN_SCREENS = "main_window/open_screens"
KEY_CURRENT_SCREEN = "main_window/current_screen"
# The workstation's current branch (app/ledger/workstation.py).
KEY_BRANCH = "workstation/branch"
STATUS_TIMEOUT_MS = 5000
# The record toolbar's standard actions (record_screen.STANDARD_ACTIONS), named here so the
# window does not import the screen framework before a screen is opened.
STANDARD_ACTION_NAMES = (
    "save", "cancel", "add_new", "delete", "copy", "paste",
    "first", "previous", "next", "last", "list_window",
)  # fmt: skip
UNSAVED_MARK = "●"  # after a screen's title while it has unsaved changes
_TRAILING_ID = re.compile(r"\(([^()]+)\)\s*$")


@runtime_checkable
class ClosableScreen(Protocol):
    def confirm_close(self) -> bool: ...


@runtime_checkable
class DraftedScreen(Protocol):
    """A screen whose unsaved input is kept as a draft (app/windows/drafts.py)."""

    def draft(self) -> Draft | None: ...

    def restore_draft(self, draft: Draft) -> None: ...


@runtime_checkable
class NavigatingScreen(Protocol):
    """A screen that opens others on a record through the shell, and is opened on one."""

    navigate: Navigate | None

    def show_target(self, target: Target) -> None: ...


def database_name(url: URL) -> str:
    """What the title bar calls the database: the file name, or the server-side database name."""
    if url.get_backend_name() == "sqlite":
        return Path(url.database).name if url.database not in (None, "", ":memory:") else "memory"
    return url.database or url.host or url.get_backend_name()


def database_location(url: URL) -> str:
    """What the status bar shows: the SQLite file's path, else the URL without its password."""
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        return str(Path(url.database).resolve())
    return url.render_as_string(hide_password=True)


def screen_label(info: ScreenInfo) -> str:
    return f"{info.title} ({info.id})"


@dataclass(frozen=True)
class Command:
    """A window of the Statements menu, listed in the navigation and found by the go-to box
    like a screen: its title, the product family's ID where the seeds name one, and the
    MainWindow method that opens it."""

    title: str
    id: str
    method: str

    @property
    def label(self) -> str:
        return f"{self.title} ({self.id})" if self.id else self.title

    def matches(self, text: str) -> bool:
        wanted = text.strip().casefold()
        return bool(wanted) and wanted in {
            self.title.casefold(),
            self.id.casefold(),
            self.label.casefold(),
        }


STATEMENTS = "Statements"
COMMANDS = (
    Command("Prepare statements", "", "prepare_statements"),
    # Seed 000 names Print statements (AR503500): the same window prints a prepared cycle.
    Command("Print statements", "AR503500", "prepare_statements"),
    Command("Aged receivables", "", "aged_receivables"),
)
COMMAND_ROLE = Qt.ItemDataRole.UserRole + 1


class MainWindow(QMainWindow):
    def __init__(
        self,
        store: Store,
        *,
        screens: tuple[ScreenInfo, ...] = SCREENS,
        settings: QSettings | None = None,
        backup_dir: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.screens = screens
        self._by_id = {info.id: info for info in screens}
        self._settings = settings if settings is not None else QSettings()
        self._url: URL = store.engine.url
        self.backups = Backups(store, backup_dir or backups_dir(), self._settings)
        # The backup the user chose to restore: the start-up code restores it once this
        # window has closed and the ledger with it (app/main.py).
        self.restore_requested: Path | None = None
        # Unsaved input kept every few seconds (none for a ledger opened read-only).
        url_text = self._url.render_as_string(hide_password=True)
        self.drafts: Drafts | None = (
            None
            if store.read_only
            else Drafts(
                drafts_folder(
                    sqlite_path(self._url.render_as_string(hide_password=False)), url_text
                )
            )
        )
        self._draft_timer = QTimer(self)
        self._draft_timer.setInterval(DRAFT_INTERVAL_MS)
        self._draft_timer.timeout.connect(self.keep_drafts)

        self.setObjectName("main_window")
        self.setWindowTitle(f"{APP_NAME} — {database_name(self._url)}")
        self.resize(1280, 800)

        self.screen_tabs = QTabWidget(self)
        self.screen_tabs.setObjectName("screen_tabs")
        self.screen_tabs.setTabsClosable(True)
        self.screen_tabs.setMovable(True)
        self.screen_tabs.setDocumentMode(True)
        self.screen_tabs.tabCloseRequested.connect(self.close_screen_at)
        self.screen_tabs.currentChanged.connect(self._current_changed)
        # The empty workspace shows the start page; the screens' tabs once one is open.
        self.usage = Usage(self._settings)
        self.start_page = StartPage(
            store, self.usage, screens, self._open_from_ui, self.open_target, self
        )
        self.workspace = QStackedWidget(self)
        self.workspace.setObjectName("workspace")
        self.workspace.addWidget(self.start_page)
        self.workspace.addWidget(self.screen_tabs)
        self.setCentralWidget(self.workspace)

        self.navigation = self._build_navigation()
        self.goto_box = self._build_toolbar()
        self._build_menus()

        self.database_label = QLabel(database_location(self._url), self)
        self.database_label.setObjectName("database_location")
        self.database_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.database_label)

        if store.read_only:
            self._show_read_only_banner()
        self._restore_settings()
        if self.drafts is not None:
            self._draft_timer.start()
            # Once the window is shown: what a crash interrupted is offered back.
            QTimer.singleShot(0, self.offer_drafts)
        # After a crash the start recovered silently; the user should know (kept until replaced).
        if store.lock is not None and (note := store.lock.takeover_note()) is not None:
            self.statusBar().showMessage(note)

    # -- building -------------------------------------------------------------------------

    def _show_read_only_banner(self) -> None:
        """Say, above the screens and in the title, that this ledger cannot be saved to."""
        from app.models.database import READ_ONLY_MESSAGE

        self.setWindowTitle(f"{self.windowTitle()} (read-only)")
        banner = QLabel(READ_ONLY_MESSAGE, self)
        banner.setObjectName("read_only_banner")
        banner.setWordWrap(True)
        banner.setStyleSheet("padding:6px;background:#fff4ce;color:#5c4400;")
        bar = QToolBar("Read-only", self)
        bar.setObjectName("read_only_bar")  # saveState() needs it
        bar.setMovable(False)
        bar.addWidget(banner)
        self.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.read_only_banner = banner

    def _build_navigation(self) -> QTreeWidget:
        tree = QTreeWidget(self)
        tree.setObjectName("navigation")
        tree.setHeaderHidden(True)
        tree.setRootIsDecorated(True)
        groups: dict[str, QTreeWidgetItem] = {}
        for info in self.screens:
            group = groups.get(info.group)
            if group is None:
                group = QTreeWidgetItem(tree, [info.group])
                # A group is a heading, not something to open.
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                groups[info.group] = group
            item = QTreeWidgetItem(group, [screen_label(info)])
            item.setData(0, SCREEN_ID_ROLE, info.id)
            item.setToolTip(0, screen_label(info))
        # The period-end work, right under the customer ledger's screens.
        statements = QTreeWidgetItem([STATEMENTS])
        ledger = groups.get(CUSTOMER_LEDGER)
        tree.insertTopLevelItem(
            tree.indexOfTopLevelItem(ledger) + 1 if ledger is not None else 0, statements
        )
        statements.setFlags(Qt.ItemFlag.ItemIsEnabled)
        for command in COMMANDS:
            item = QTreeWidgetItem(statements, [command.label])
            item.setData(0, COMMAND_ROLE, command.method)
            item.setToolTip(0, command.label)
        tree.expandAll()
        # One click opens, as in Visma's menu; Enter and double-click (activation) too.
        tree.itemClicked.connect(self._navigation_activated)
        tree.itemActivated.connect(self._navigation_activated)

        dock = QDockWidget("Navigation", self)
        dock.setObjectName("navigation_dock")  # saveState() needs it
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        dock.setWidget(tree)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        self.navigation_dock = dock
        return tree

    def _build_toolbar(self) -> QLineEdit:
        toolbar = QToolBar("Go to", self)
        toolbar.setObjectName("goto_toolbar")  # saveState() needs it
        toolbar.setMovable(False)
        box = QLineEdit(toolbar)
        box.setObjectName("goto_screen")
        box.setPlaceholderText("Go to screen: ID or title")
        box.setClearButtonEnabled(True)
        box.setMaximumWidth(320)
        words = [info.id for info in self.screens] + [info.title for info in self.screens]
        words += [command.label for command in COMMANDS]
        completer = QCompleter(QStringListModel(words, box), box)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        box.setCompleter(completer)
        # Enter reaches the box even while the popup is open; a chosen completion then
        # arrives through ``activated`` and opens the screen it names.
        box.returnPressed.connect(self._goto_entered)
        completer.activated.connect(self._goto_completed)
        toolbar.addWidget(box)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        return box

    def _build_menus(self) -> None:
        menus = self.menuBar()

        file_menu = menus.addMenu("&File")
        self.action_new_demo_company = self._action(
            "action_new_demo_company", "New &demo company…", None, self.new_demo_company
        )
        file_menu.addAction(self.action_new_demo_company)
        self.action_current_branch = self._action(
            "action_current_branch", "Current &branch…", None, self.choose_current_branch
        )
        file_menu.addAction(self.action_current_branch)
        file_menu.addSeparator()
        self.action_back_up_now = self._action(
            "action_back_up_now", "&Back up now", None, self.back_up_now
        )
        self.action_backups = self._action(
            "action_backups", "Backups and &restore…", None, self.show_backups
        )
        if self.backups.database is None:
            for action in (self.action_back_up_now, self.action_backups):
                action.setToolTip(NOT_A_FILE)
            self.action_back_up_now.setEnabled(False)
        file_menu.addAction(self.action_back_up_now)
        file_menu.addAction(self.action_backups)
        file_menu.addSeparator()
        self.action_close_screen = self._action(
            "action_close_screen", "&Close screen", QKeySequence("Ctrl+W"), self.close_current
        )
        file_menu.addAction(self.action_close_screen)
        file_menu.addSeparator()
        self.action_quit = self._action("action_quit", "&Quit", QKeySequence("Ctrl+Q"), self.close)
        self.action_quit.setMenuRole(QAction.MenuRole.QuitRole)
        file_menu.addAction(self.action_quit)

        go_menu = menus.addMenu("&Go")
        self.action_goto_screen = self._action(
            "action_goto_screen", "&Go to screen…", QKeySequence("Ctrl+G"), self.focus_goto
        )
        go_menu.addAction(self.action_goto_screen)
        # A closed navigation dock must be easy to get back.
        toggle = self.navigation_dock.toggleViewAction()
        toggle.setObjectName("action_navigation_panel")
        toggle.setText("&Navigation panel")
        go_menu.addAction(toggle)
        go_menu.addSeparator()
        for info in self.screens:
            action = QAction(screen_label(info), self)
            action.setObjectName(f"action_open_{info.id.lower()}")
            action.triggered.connect(lambda _=False, sid=info.id: self._open_from_ui(sid))
            go_menu.addAction(action)

        statements_menu = menus.addMenu("&Statements")
        statements_menu.setObjectName("statements_menu")
        self.action_prepare_statements = self._action(
            "action_prepare_statements", "&Prepare statements…", None, self.prepare_statements
        )
        statements_menu.addAction(self.action_prepare_statements)
        self.action_aged_receivables = self._action(
            "action_aged_receivables", "&Aged receivables…", None, self.aged_receivables
        )
        statements_menu.addAction(self.action_aged_receivables)

        # The current screen's toolbar actions, with their shortcuts (filled as tabs change).
        self.record_menu = menus.addMenu("&Record")
        self.record_menu.setObjectName("record_menu")
        self.record_menu.setEnabled(False)

        help_menu = menus.addMenu("&Help")
        self.action_screen_help = self._action(
            "action_screen_help",
            "&Help for this screen",
            QKeySequence(Qt.Key.Key_F1),
            self.show_screen_help,
        )
        help_menu.addAction(self.action_screen_help)
        self.action_shortcuts = self._action(
            "action_keyboard_shortcuts", "&Keyboard shortcuts", None, self.show_shortcuts
        )
        help_menu.addAction(self.action_shortcuts)
        self.action_about = self._action("action_about", "&About", None, self.show_about)
        self.action_about.setMenuRole(QAction.MenuRole.AboutRole)
        help_menu.addAction(self.action_about)

    def _action(
        self,
        name: str,
        text: str,
        shortcut: QKeySequence | None,
        slot: Callable[[], object],
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(shortcut)
            # Window-wide, so the shortcut works whichever screen has focus.
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # -- statement windows (modal; loaded on first use) ----------------------------------------

    def prepare_statements(self) -> None:
        from app.windows.statements.prepare import PrepareStatements

        PrepareStatements(self.store, self).exec()

    def aged_receivables(self) -> None:
        from app.windows.statements.aged import AgedReceivablesWindow

        AgedReceivablesWindow(self.store, self).exec()

    # -- screens ----------------------------------------------------------------------------

    # ``screen()`` without an argument stays QWidget.screen(), the QScreen Qt code expects.
    @overload
    def screen(self) -> QScreen: ...
    @overload
    def screen(self, screen_id: str) -> QWidget | None: ...

    def screen(self, screen_id: str | None = None) -> QScreen | QWidget | None:
        """The open screen with this ID, if any (with no ID: the QScreen showing the window)."""
        if screen_id is None:
            return super().screen()
        for widget in self._screen_widgets():
            if widget.objectName() == screen_id:
                return widget
        return None

    def _screen_widgets(self) -> list[QWidget]:
        tabs = self.screen_tabs
        return [w for i in range(tabs.count()) if (w := tabs.widget(i)) is not None]

    def open_screen_ids(self) -> list[str]:
        """IDs of the open screens in tab order."""
        return [widget.objectName() for widget in self._screen_widgets()]

    def current_screen_id(self) -> str | None:
        widget = self.screen_tabs.currentWidget()
        return widget.objectName() if widget is not None else None

    def open_screen(self, screen_id: str) -> QWidget:
        """Bring the screen to front, creating it on first use. Unknown IDs raise KeyError."""
        info = self._by_id.get(screen_id)
        if info is None:
            raise KeyError(f"No screen with ID {screen_id!r}")
        widget = self.screen(screen_id)
        if widget is None:
            started = time.perf_counter()
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                widget = info.factory()(self.store, self.screen_tabs)
            finally:
                QApplication.restoreOverrideCursor()
            # The tab bar finds screens by object name; a factory that forgot it still works.
            if widget.objectName() != info.id:
                widget.setObjectName(info.id)
            if isinstance(widget, NavigatingScreen):
                widget.navigate = self.open_target
            self.usage.count_opened(info.id)
            record_loaded = getattr(widget, "record_loaded", None)
            if record_loaded is not None:
                record_loaded.connect(
                    lambda record_id, w=widget, sid=info.id: self._remember(sid, w, record_id)
                )
            index = self.screen_tabs.addTab(widget, info.title)
            self.screen_tabs.setTabToolTip(index, screen_label(info))
            self._follow(widget)
            log.debug("opened %s in %.0f ms", info.id, (time.perf_counter() - started) * 1000)
        self.screen_tabs.setCurrentWidget(widget)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return widget

    def _remember(self, screen_id: str, widget: QWidget, record_id: object) -> None:
        """A saved record shown on a screen, for the start page's last opened records."""
        title = getattr(widget, "record_title", None)
        if isinstance(record_id, int) and isinstance(title, str):
            self.usage.remember(screen_id, record_id, title)

    def _follow(self, widget: QWidget) -> None:
        """Show a record screen's unsaved changes on its tab and in the title, and what its
        saves did in the status bar (other screens have neither)."""
        from app.windows.framework.record_screen import RecordScreen  # loaded with the screen

        if isinstance(widget, RecordScreen):
            widget.record.dirty_changed.connect(lambda _dirty: self._show_unsaved(widget))
            widget.status_message.connect(self.statusBar().showMessage)  # kept until the next
            self._show_unsaved(widget)

    def tab_title(self, widget: QWidget) -> str:
        """A screen's tab text: its title, with a dot while it has unsaved changes."""
        info = self._by_id.get(widget.objectName())
        title = info.title if info is not None else widget.objectName()
        return f"{title} {UNSAVED_MARK}" if getattr(widget, "is_dirty", False) else title

    def _show_unsaved(self, widget: QWidget) -> None:
        index = self.screen_tabs.indexOf(widget)
        if index >= 0:
            self.screen_tabs.setTabText(index, self.tab_title(widget))
        if widget is self.screen_tabs.currentWidget():
            self._update_title()

    def _current_changed(self, _index: int) -> None:
        self._update_title()
        self._fill_record_menu()
        self._show_workspace()

    def _show_workspace(self) -> None:
        """The start page while no screen is open (read again each time it comes back)."""
        empty = self.screen_tabs.count() == 0
        if empty and self.workspace.currentWidget() is not self.start_page:
            self.start_page.refresh()
        self.workspace.setCurrentWidget(self.start_page if empty else self.screen_tabs)

    def record_actions(self) -> list[QAction]:
        """The current screen's record actions (toolbar and Actions menu), in toolbar order."""
        widget = self.screen_tabs.currentWidget()
        by_name = getattr(widget, "actions_by_name", None)
        if not isinstance(by_name, dict):
            return []
        return [action for action in by_name.values() if isinstance(action, QAction)]

    def _fill_record_menu(self) -> None:
        """The Record menu holds the screen's own QActions: the same shortcuts, the same
        enabled state, nothing to keep in step."""
        menu = self.record_menu
        menu.clear()  # the actions belong to their screen: only taken off the menu
        actions = self.record_actions()
        standard = {f"action_{name}" for name in STANDARD_ACTION_NAMES}
        for before, action in zip([None, *actions], actions, strict=False):
            if before is not None and (before.objectName() in standard) != (
                action.objectName() in standard
            ):
                menu.addSeparator()  # the standard actions, then the screen's own
            menu.addAction(action)
        menu.setEnabled(bool(actions))

    def shortcut_rows(self) -> list[tuple[str, str, str]]:
        """(where, action, keys) for every action with a shortcut: the window's, then the
        current screen's."""
        rows: list[tuple[str, str, str]] = []
        window_actions = [
            self.action_close_screen,
            self.action_quit,
            self.action_goto_screen,
            self.action_screen_help,
        ]
        current = self.screen_tabs.currentWidget()
        screen = self.tab_title(current) if current is not None else ""
        for where, actions in (("Window", window_actions), (screen, self.record_actions())):
            for action in actions:
                keys = ", ".join(
                    key.toString(QKeySequence.SequenceFormat.NativeText)
                    for key in action.shortcuts()
                )
                if keys:
                    rows.append((where, action.text().replace("&", "").rstrip("…"), keys))
        rows.append(("Fields", "Select from the list (a lookup)", "F4"))
        # The screen's tabs: Alt and the underlined letter of each (app/windows/framework/
        # mnemonics.py; a tab's sections have letters of their own, shown underlined).
        tabs = current.findChild(QTabWidget, "record_tabs") if current is not None else None
        if tabs is not None:
            for index in range(tabs.count()):
                letter = letter_of(tabs.tabText(index))
                if letter and tabs.isTabVisible(index):
                    title = without_mnemonic(tabs.tabText(index))
                    rows.append((screen, f"{title} tab", f"Alt+{letter.upper()}"))
        return rows

    def show_screen_help(self) -> QDialog | None:
        """F1: the current screen's fields with the seed's descriptions (non-modal: it stays
        open beside the screen)."""
        # Loaded with the first help asked for: start-up reads no screen declarations.
        from app.windows.framework.spec import Screen
        from app.windows.screen_help import ScreenHelpDialog

        widget = self.screen_tabs.currentWidget()
        spec = getattr(widget, "spec", None)
        if not isinstance(spec, Screen):
            self.statusBar().showMessage("Open a screen first: F1 explains the screen in front.")
            return None
        dialog = ScreenHelpDialog(spec, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_shortcuts(self) -> QDialog:
        """Help › Keyboard shortcuts: a table of shortcut_rows()."""
        dialog = QDialog(self)
        dialog.setObjectName("keyboard_shortcuts")
        dialog.setWindowTitle("Keyboard shortcuts")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        rows = self.shortcut_rows()
        table = QTableWidget(len(rows), 3, dialog)
        table.setObjectName("shortcuts_table")
        table.setHorizontalHeaderLabels(["Where", "Action", "Shortcut"])
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        for row, texts in enumerate(rows):
            for column, text in enumerate(texts):
                table.setItem(row, column, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(table)
        layout.addWidget(buttons)
        dialog.resize(520, 480)
        dialog.open()  # window-modal without a nested event loop
        return dialog

    def _update_title(self) -> None:
        """``Customers ● — Customer Ledger — ledger.sqlite``: the current screen first."""
        title = f"{APP_NAME} — {database_name(self._url)}"
        current = self.screen_tabs.currentWidget()
        if current is not None:
            title = f"{self.tab_title(current)} — {title}"
        self.setWindowTitle(title)

    def open_target(self, target: Target) -> QWidget | None:
        """Open a screen on a record another screen names (Add location, a Locations row)."""
        widget = self._open_from_ui(target.screen_id)
        if isinstance(widget, NavigatingScreen):
            widget.show_target(target)
        return widget

    def close_screen_at(self, index: int) -> bool:
        """Close the tab at ``index`` unless its screen keeps it open (unsaved changes, Cancel)."""
        widget = self.screen_tabs.widget(index)
        if widget is None:
            return False
        self.screen_tabs.setCurrentIndex(index)  # the user sees the screen that asks
        if not self._confirm_close(widget):
            return False
        if self.drafts is not None:  # saved or discarded: nothing to restore
            self.drafts.forget(widget.objectName())
        self.screen_tabs.removeTab(index)
        widget.deleteLater()
        return True

    def close_screen(self, screen_id: str) -> bool:
        widget = self.screen(screen_id)
        return widget is None or self.close_screen_at(self.screen_tabs.indexOf(widget))

    def close_current(self) -> bool:
        index = self.screen_tabs.currentIndex()
        return index < 0 or self.close_screen_at(index)

    @staticmethod
    def _confirm_close(widget: QWidget) -> bool:
        if isinstance(widget, ClosableScreen):
            return bool(widget.confirm_close())
        return True

    def _open_from_ui(self, screen_id: str) -> QWidget | None:
        """Open for a user's click or key: a failing screen is reported, not fatal."""
        try:
            return self.open_screen(screen_id)
        except Exception as error:
            log.exception("could not open %s", screen_id)
            QMessageBox.critical(
                self,
                APP_NAME,
                f"The screen {screen_id} could not be opened:\n{type(error).__name__}: {error}",
            )
            return None

    def resolve_screen(self, text: str) -> ScreenInfo | None:
        """The screen go-to text names: ID or title (find_screen), or a label 'Title (ID)'."""
        info = find_screen(text, self.screens)
        if info is None and (match := _TRAILING_ID.search(text)):
            info = find_screen(match.group(1), self.screens)
        return info

    def goto(self, text: str) -> QWidget | None:
        """What Enter in the go-to box does: open the screen named, or run the Statements
        window named (it returns nothing: its window is modal)."""
        info = self.resolve_screen(text)
        command = next((c for c in COMMANDS if c.matches(text)), None)
        if info is None and command is not None:
            self.statusBar().clearMessage()
            self.goto_box.clear()
            self.run_command(command.method)
            return None
        if info is None:
            shown = text.strip()
            self.statusBar().showMessage(f"No screen named '{shown}'", STATUS_TIMEOUT_MS)
            return None
        self.statusBar().clearMessage()
        return self._open_from_ui(info.id)

    def _goto_entered(self) -> None:
        text = self.goto_box.text()
        if not text.strip():
            return
        if self.goto(text) is None:
            self.goto_box.selectAll()  # ready to be typed over
        else:
            self.goto_box.clear()

    def _goto_completed(self, text: str) -> None:
        if self.goto(text) is not None:
            self.goto_box.clear()

    def focus_goto(self) -> None:
        self.goto_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.goto_box.selectAll()

    def _navigation_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        screen_id = item.data(0, SCREEN_ID_ROLE)
        if isinstance(screen_id, str):
            self._open_from_ui(screen_id)
        method = item.data(0, COMMAND_ROLE)
        if isinstance(method, str):
            self.run_command(method)

    def run_command(self, method: str) -> None:
        """Open a Statements window by its MainWindow method (looked up when run)."""
        opener: Callable[[], object] = getattr(self, method)
        opener()

    def new_demo_company(self) -> QMainWindow | None:
        """File › New demo company…: made with progress, opened in a window of its own."""
        from app.windows.first_run import new_demo_company  # loaded only when used

        return new_demo_company(self)

    # -- drafts --------------------------------------------------------------------------------

    def keep_drafts(self) -> None:
        """Write each open screen's unsaved input as its draft; forget the drafts of screens
        with nothing unsaved. A draft that cannot be written is logged, never in the way."""
        if self.drafts is None:
            return
        for widget in self._screen_widgets():
            if not isinstance(widget, DraftedScreen):
                continue
            try:
                draft = widget.draft()
                if draft is None:
                    self.drafts.forget(widget.objectName())
                else:
                    self.drafts.keep(draft)
            except (OSError, DraftError) as error:
                log.warning("draft of %s not kept: %s", widget.objectName(), error)

    def offer_drafts(self) -> None:
        """Offer back each draft a crash left (never in an unattended run, which no one
        answers: the drafts then wait for the next start)."""
        app = QApplication.instance()
        if self.drafts is None or not isinstance(app, QApplication) or errors.is_unattended(app):
            return
        for draft in self.drafts.pending():
            if draft.screen_id not in self._by_id:
                continue
            if not dialogs.confirm(
                self,
                "Restore unsaved input",
                f"{screen_label(self._by_id[draft.screen_id])} had unsaved input when the app "
                f"last stopped ({draft.titles}, {draft.saved_at:%Y-%m-%d %H:%M:%S}).\n\n"
                "Show it again, to check and save? (No deletes it.)",
            ):
                self.drafts.forget(draft.screen_id)
                continue
            widget = self.open_screen(draft.screen_id)
            if isinstance(widget, DraftedScreen) and (
                not isinstance(widget, ClosableScreen) or widget.confirm_close()
            ):
                widget.restore_draft(draft)

    # -- backups -------------------------------------------------------------------------------

    def back_up_now(self) -> Path | None:
        try:
            taken = self.backups.back_up_now()
        except (BackupError, OSError) as error:
            log.warning("backup failed: %s", error)
            dialogs.warn(self, "Back up now", f"The backup failed: {error}")
            return None
        self.statusBar().showMessage(f"Backed up to {taken}", STATUS_TIMEOUT_MS)
        return taken

    def take_daily_backup(self) -> Path | None:
        """The day's backup after start-up; a failure is told, never in the way of work."""
        try:
            taken = self.backups.daily()
        except (BackupError, OSError) as error:
            log.warning("daily backup failed: %s", error)
            self.statusBar().showMessage(f"Today's backup failed: {error}")
            return None
        if taken is not None:
            self.statusBar().showMessage(f"Today's backup: {taken.name}", STATUS_TIMEOUT_MS)
        return taken

    def show_backups(self) -> BackupsDialog:
        dialog = BackupsDialog(self.backups, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.restore(dialog.chosen))
        dialog.open()
        return dialog

    def restore(self, backup: Path | None) -> bool:
        """Close (each screen asking about unsaved input) so the start-up code can put
        ``backup`` in place of the ledger and start again; False when the user kept a screen
        open."""
        if backup is None:
            return False
        self.restore_requested = backup
        if not self.close():
            self.restore_requested = None
            return False
        return True

    # -- about, closing, settings --------------------------------------------------------------

    def choose_current_branch(self) -> str | None:
        """Ask for the workstation's current branch (the ID a customer's first location takes
        where its class has Default location ID from branch), keep it for the next start."""
        from app.ledger import locations, workstation
        from app.ledger.records import RecordError

        typed = dialogs.ask_text(
            self,
            "Current branch",
            "Branch ID of this workstation (the first location of a customer whose class takes "
            "its ID from the branch):",
            workstation.branch,
        )
        if typed is None or not typed.strip():
            return None
        try:
            with self.store.session() as session:
                branch = locations.workstation_branch_of(session, typed)
        except RecordError as error:
            dialogs.inform(self, "Current branch", str(error))
            return None
        workstation.use_branch(branch)
        self._settings.setValue(KEY_BRANCH, branch)
        self._settings.sync()
        self.statusBar().showMessage(f"Current branch: {branch}", STATUS_TIMEOUT_MS)
        return branch

    def show_about(self) -> AboutDialog:
        from app.windows.about import AboutDialog  # rarely opened: not loaded at start-up

        dialog = AboutDialog(self._url.render_as_string(hide_password=False), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()  # window-modal without a nested event loop
        return dialog

    def closeEvent(self, event: QCloseEvent) -> None:
        current = self.current_screen_id()
        for widget in self._screen_widgets():
            self.screen_tabs.setCurrentWidget(widget)  # the user sees the screen that asks
            if not self._confirm_close(widget):
                event.ignore()
                return
        if current is not None and (front := self.screen(current)) is not None:
            self.screen_tabs.setCurrentWidget(front)
        self.save_settings()
        # Every screen was saved or its input discarded: nothing is left to restore.
        self._draft_timer.stop()
        if self.drafts is not None:
            for widget in self._screen_widgets():
                self.drafts.forget(widget.objectName())
        event.accept()

    def quit_without_prompts(self) -> None:
        """The close path for a terminated app (SIGTERM): no one is there to answer whether to
        save, so nothing is asked and unsaved input is left unsaved — but kept as drafts,
        offered at the next start; the layout is kept."""
        self.keep_drafts()
        self._draft_timer.stop()
        self.save_settings()

    def save_settings(self) -> None:
        """Geometry, docks and open screens, for the next start."""
        settings = self._settings
        settings.setValue(KEY_GEOMETRY, self.saveGeometry())
        settings.setValue(KEY_STATE, self.saveState())
        settings.setValue(KEY_OPEN_SCREENS, ",".join(self.open_screen_ids()))
        settings.setValue(KEY_CURRENT_SCREEN, self.current_screen_id() or "")
        settings.sync()

    def _restore_settings(self) -> None:
        settings = self._settings
        branch = settings.value(KEY_BRANCH)
        # Checked when chosen; MAIN until one is.
        workstation.use_branch(branch if isinstance(branch, str) and branch else MAIN_BRANCH)
        geometry = settings.value(KEY_GEOMETRY)
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        state = settings.value(KEY_STATE)
        if isinstance(state, QByteArray):
            self.restoreState(state)
        saved = settings.value(KEY_OPEN_SCREENS, "")
        current = settings.value(KEY_CURRENT_SCREEN, "")
        for screen_id in str(saved or "").split(","):
            if screen_id not in self._by_id:
                continue  # a screen since removed or renamed
            try:
                self.open_screen(screen_id)
            except Exception:
                # Start-up must not fail because one screen cannot be rebuilt.
                log.exception("could not reopen %s", screen_id)
                self.statusBar().showMessage(f"Could not reopen {screen_id}", STATUS_TIMEOUT_MS)
        if isinstance(current, str) and (widget := self.screen(current)) is not None:
            self.screen_tabs.setCurrentWidget(widget)
