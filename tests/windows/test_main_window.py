"""The shell, driven the way a user drives it: go-to box, navigation, tabs, menus, quitting."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QLabel, QMessageBox, QTabBar, QTreeWidget, QWidget
from pytestqt.qtbot import QtBot

from app import __version__
from app.models.database import Store
from app.windows.about import masked_url
from app.windows.main_window import (
    KEY_CURRENT_SCREEN,
    KEY_OPEN_SCREENS,
    SCREEN_ID_ROLE,
    MainWindow,
    database_location,
    database_name,
)
from app.windows.screens import CUSTOMER_LEDGER, PREFERENCES, SCREENS, ScreenInfo

# The offscreen platform lacks window-manager features (size hints, raise, keyboard grab for
# the completer popup) and says so; that is the test platform talking, not the shell.
pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support ")


class FakeScreen(QWidget):
    """A real widget with the screen contract: object name = ID, ``confirm_close``."""

    created: ClassVar[list[str]] = []

    def __init__(self, screen_id: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setObjectName(screen_id)
        self.allow_close = True
        self.asked = 0
        FakeScreen.created.append(screen_id)

    def confirm_close(self) -> bool:
        self.asked += 1
        return self.allow_close


def _broken(_store: Store, _parent: QWidget | None) -> QWidget:
    raise RuntimeError("the screen's spec is broken")


@dataclass(frozen=True)
class FakeScreenInfo(ScreenInfo):
    broken: bool = False

    def factory(self) -> Callable[[Store, QWidget | None], QWidget]:
        if self.broken:
            return _broken
        return lambda _store, parent: FakeScreen(self.id, parent)


FAKE_SCREENS: tuple[ScreenInfo, ...] = (
    FakeScreenInfo("AR303000", "Customers", CUSTOMER_LEDGER, "fake"),
    FakeScreenInfo("CR303010", "Customer locations", CUSTOMER_LEDGER, "fake"),
    FakeScreenInfo("AR201000", "Customer classes", PREFERENCES, "fake"),
    FakeScreenInfo("AR101000", "Customer ledger preferences", PREFERENCES, "fake"),
    FakeScreenInfo("XX999999", "Broken screen", PREFERENCES, "fake", broken=True),
)


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(
    qtbot: QtBot, store: Store, settings: QSettings
) -> Iterator[Callable[..., MainWindow]]:
    FakeScreen.created.clear()
    windows: list[MainWindow] = []

    def make(screens: tuple[ScreenInfo, ...] = FAKE_SCREENS) -> MainWindow:
        window = MainWindow(store, screens=screens, settings=settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:  # let the teardown close go through
        for screen in window.findChildren(FakeScreen):
            screen.allow_close = True


@pytest.fixture
def window(make_window: Callable[..., MainWindow]) -> MainWindow:
    return make_window()


def goto(qtbot: QtBot, window: MainWindow, text: str) -> None:
    box = window.goto_box
    box.clear()
    QTest.keyClicks(box, text)
    QTest.keyClick(box, Qt.Key.Key_Return)


def test_window_names_title_and_status(window: MainWindow, store: Store) -> None:
    assert window.objectName() == "main_window"
    assert window.windowTitle() == "Customer Ledger — ledger.sqlite"
    assert window.findChild(QTreeWidget, "navigation") is window.navigation
    assert window.screen_tabs.objectName() == "screen_tabs"
    assert window.goto_box.objectName() == "goto_screen"
    location = window.findChild(QLabel, "database_location")
    assert location is not None
    assert location.text() == str(Path(str(store.engine.url.database)).resolve())
    # screen() without an ID is still QWidget.screen().
    assert window.screen() is not None
    assert window.screen("AR303000") is None


def test_goto_by_id_opens_the_screen(qtbot: QtBot, window: MainWindow) -> None:
    goto(qtbot, window, "AR303000")
    screen = window.screen("AR303000")
    assert isinstance(screen, FakeScreen)
    assert window.screen_tabs.currentWidget() is screen
    assert window.screen_tabs.tabText(0) == "Customers"
    assert window.goto_box.text() == ""


def test_goto_by_title_focuses_an_open_screen_instead_of_duplicating(
    qtbot: QtBot, window: MainWindow
) -> None:
    goto(qtbot, window, "customers")
    assert window.open_screen_ids() == ["AR303000"]
    goto(qtbot, window, "Customer classes")
    assert window.current_screen_id() == "AR201000"

    goto(qtbot, window, "AR303000")
    goto(qtbot, window, "CUSTOMERS")
    assert window.open_screen_ids() == ["AR303000", "AR201000"]
    assert window.current_screen_id() == "AR303000"
    assert FakeScreen.created == ["AR303000", "AR201000"]


def test_goto_accepts_a_navigation_label(qtbot: QtBot, window: MainWindow) -> None:
    goto(qtbot, window, "Customer locations (CR303010)")
    assert window.current_screen_id() == "CR303010"


def test_goto_unknown_text_says_so(qtbot: QtBot, window: MainWindow) -> None:
    goto(qtbot, window, "  nonsense ")
    assert window.statusBar().currentMessage() == "No screen named 'nonsense'"
    assert window.open_screen_ids() == []
    assert window.goto_box.text() == "  nonsense "  # kept, selected, to be typed over
    assert window.goto_box.selectedText() == "  nonsense "


def test_goto_completer_lists_ids_and_titles(window: MainWindow) -> None:
    completer = window.goto_box.completer()
    assert completer is not None
    completer.setCompletionPrefix("locat")
    found = {completer.completionModel().index(row, 0).data() for row in range(3)}
    assert "Customer locations" in found
    completer.setCompletionPrefix("ar30")
    assert completer.currentCompletion() == "AR303000"


def test_completion_chosen_from_the_popup_opens(qtbot: QtBot, window: MainWindow) -> None:
    completer = window.goto_box.completer()
    assert completer is not None
    completer.activated.emit("Customer ledger preferences")
    assert window.current_screen_id() == "AR101000"


def test_navigation_groups_screens_and_opens_on_activation(
    qtbot: QtBot, window: MainWindow
) -> None:
    tree = window.navigation
    groups = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    # The Statements windows right under the customer ledger's screens.
    assert [g.text(0) for g in groups if g is not None] == [
        CUSTOMER_LEDGER,
        "Statements",
        PREFERENCES,
    ]
    first = groups[0]
    assert first is not None
    children = [first.child(i) for i in range(first.childCount())]
    assert [child.text(0) for child in children if child is not None] == [
        "Customers (AR303000)",
        "Customer locations (CR303010)",
    ]

    # A group heading opens nothing.
    tree.setFocus()
    tree.setCurrentItem(first)
    QTest.keyClick(tree, Qt.Key.Key_Return)
    assert window.open_screen_ids() == []

    locations = children[1]
    assert locations is not None
    tree.setCurrentItem(locations)
    QTest.keyClick(tree, Qt.Key.Key_Return)
    assert window.current_screen_id() == "CR303010"
    assert locations.data(0, SCREEN_ID_ROLE) == "CR303010"


def test_navigation_opens_on_a_single_click(window: MainWindow) -> None:
    tree = window.navigation
    group = tree.findItems(PREFERENCES, Qt.MatchFlag.MatchExactly)[0]
    classes = group.child(0)
    assert classes is not None
    QTest.mouseClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(classes).center()
    )
    assert window.open_screen_ids() == ["AR201000"]
    QTest.mouseDClick(
        tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(classes).center()
    )
    assert window.open_screen_ids() == ["AR201000"]


def test_go_menu_has_one_entry_per_screen(window: MainWindow) -> None:
    action = window.findChild(QAction, "action_open_ar201000")
    assert action is not None
    assert action.text() == "Customer classes (AR201000)"
    action.trigger()
    assert window.current_screen_id() == "AR201000"


def test_ctrl_g_focuses_the_goto_box(qtbot: QtBot, window: MainWindow) -> None:
    assert window.action_goto_screen.shortcut() == QKeySequence("Ctrl+G")
    window.open_screen("AR303000").setFocus()
    window.goto_box.setText("old")
    window.action_goto_screen.trigger()
    qtbot.waitUntil(window.goto_box.hasFocus)
    assert window.goto_box.selectedText() == "old"


def test_closing_a_tab_asks_the_screen_and_keeps_it_when_refused(
    qtbot: QtBot, window: MainWindow
) -> None:
    screen = window.open_screen("AR303000")
    assert isinstance(screen, FakeScreen)
    screen.allow_close = False
    close_button = window.screen_tabs.tabBar().tabButton(0, QTabBar.ButtonPosition.RightSide)
    assert close_button is not None
    QTest.mouseClick(close_button, Qt.MouseButton.LeftButton)
    assert screen.asked == 1
    assert window.screen("AR303000") is screen

    screen.allow_close = True
    QTest.mouseClick(close_button, Qt.MouseButton.LeftButton)
    assert screen.asked == 2
    assert window.open_screen_ids() == []


def test_ctrl_w_closes_the_current_screen(window: MainWindow) -> None:
    assert window.action_close_screen.shortcut() == QKeySequence("Ctrl+W")
    window.open_screen("AR303000")
    window.open_screen("AR201000")
    window.action_close_screen.trigger()
    assert window.open_screen_ids() == ["AR303000"]
    window.action_close_screen.trigger()
    window.action_close_screen.trigger()  # nothing open: nothing happens
    assert window.open_screen_ids() == []


def test_quit_is_cancelled_by_a_refusing_screen(
    qtbot: QtBot, window: MainWindow, settings: QSettings
) -> None:
    assert window.action_quit.shortcut() == QKeySequence("Ctrl+Q")
    first = window.open_screen("AR303000")
    refusing = window.open_screen("AR201000")
    assert isinstance(first, FakeScreen)
    assert isinstance(refusing, FakeScreen)
    window.open_screen("AR303000")
    refusing.allow_close = False

    window.action_quit.trigger()
    assert window.isVisible()
    assert (first.asked, refusing.asked) == (1, 1)
    assert window.current_screen_id() == "AR201000"  # the one asking is in front
    assert window.open_screen_ids() == ["AR303000", "AR201000"]
    assert settings.value(KEY_OPEN_SCREENS) is None  # nothing saved for a cancelled quit

    refusing.allow_close = True
    window.action_quit.trigger()
    assert not window.isVisible()


def test_settings_round_trip_restores_screens_current_tab_and_geometry(
    make_window: Callable[..., MainWindow], settings: QSettings
) -> None:
    window = make_window()
    window.resize(700, 500)  # within the 800×600 offscreen screen
    for screen_id in ("AR201000", "AR303000", "CR303010"):
        window.open_screen(screen_id)
    window.open_screen("AR303000")
    window.navigation_dock.hide()
    assert window.close()

    again = make_window()
    assert again.open_screen_ids() == ["AR201000", "AR303000", "CR303010"]
    assert again.current_screen_id() == "AR303000"
    assert (again.width(), again.height()) == (700, 500)
    assert again.navigation_dock.isHidden()
    toggle = again.findChild(QAction, "action_navigation_panel")
    assert toggle is not None
    toggle.trigger()
    assert again.navigation_dock.isVisible()


def test_restore_skips_unknown_and_failing_screens(
    make_window: Callable[..., MainWindow], settings: QSettings
) -> None:
    settings.setValue(KEY_OPEN_SCREENS, "GONE000,XX999999,AR101000")
    settings.setValue(KEY_CURRENT_SCREEN, "GONE000")
    window = make_window()
    assert window.open_screen_ids() == ["AR101000"]
    assert window.statusBar().currentMessage() == "Could not reopen XX999999"


def test_a_failing_screen_is_reported_not_fatal(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []

    def critical(_parent: object, _title: str, text: str, *_: Any) -> QMessageBox.StandardButton:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", critical)
    goto(qtbot, window, "Broken screen")
    assert window.open_screen_ids() == []
    assert len(shown) == 1
    assert "XX999999" in shown[0]
    assert "the screen's spec is broken" in shown[0]
    with pytest.raises(KeyError):
        window.open_screen("NOPE")


def test_about_shows_version_and_database(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    window.action_about.trigger()
    dialog = window.findChild(QDialog, "about_dialog")
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Customer Ledger" in texts
    assert __version__ in texts
    assert str(store.engine.url.database) in texts
    dialog.reject()


def test_passwords_are_masked_in_about_and_status_bar() -> None:
    from sqlalchemy.engine import make_url

    url = "postgresql://clerk:s3cret@db.example/ledger"
    assert "s3cret" not in masked_url(url)
    assert "clerk" in masked_url(url)
    assert "s3cret" not in database_location(make_url(url))
    assert database_name(make_url(url)) == "ledger"
    assert database_name(make_url("sqlite://")) == "memory"


def test_real_registry_opens_every_screen(
    qtbot: QtBot, make_window: Callable[..., MainWindow]
) -> None:
    window = make_window(SCREENS)
    for info in SCREENS:
        goto(qtbot, window, info.id)  # how fast: bench/startup.py prints it
        screen = window.screen(info.id)
        assert screen is not None
        assert screen.objectName() == info.id
        assert window.current_screen_id() == info.id
    goto(qtbot, window, SCREENS[0].title)
    assert window.open_screen_ids() == [info.id for info in SCREENS]
    while window.screen_tabs.count():
        assert window.close_current()


def test_a_start_that_took_over_a_stale_lock_says_so_in_the_status_bar(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    from app.models.lock import InstanceLock, LockOwner, lock_path
    from app.models.startup import open_store

    database = tmp_path / "crashed.sqlite"
    lock_path(database).write_bytes(
        LockOwner(pid=0, host=socket.gethostname(), started="").to_bytes()
    )
    store = open_store(f"sqlite:///{database}", backup_dir=tmp_path / "backups")
    try:
        assert isinstance(store.lock, InstanceLock) and store.lock.took_over
        window = MainWindow(store, screens=FAKE_SCREENS, settings=settings)
        qtbot.addWidget(window)
        assert "did not close normally" in window.statusBar().currentMessage()
    finally:
        store.close()


def test_a_clean_start_says_nothing_in_the_status_bar(window: MainWindow) -> None:
    assert window.statusBar().currentMessage() == ""


def test_a_read_only_ledger_says_so_and_its_screens_cannot_save(
    qtbot: QtBot, tmp_path: Path, settings: QSettings
) -> None:
    from app.models.startup import open_store

    database = tmp_path / "readonly.sqlite"
    open_store(f"sqlite:///{database}", backup_dir=tmp_path / "backups").close()
    database.chmod(0o444)
    store = open_store(f"sqlite:///{database}", backup_dir=tmp_path / "backups")
    try:
        assert store.read_only
        window = MainWindow(store, settings=settings)
        qtbot.addWidget(window)
        assert window.windowTitle().endswith("(read-only)")
        banner = window.findChild(QLabel, "read_only_banner")
        assert banner is not None and "read-only: nothing can be saved" in banner.text()
        screen = window.open_screen("AR201000")
        save = screen.findChild(QAction, "action_save")
        assert save is not None and not save.isEnabled()
        assert screen.save() is False  # type: ignore[attr-defined]
        message = screen.findChild(QLabel, "record_message")
        assert message is not None and "nothing can be saved" in message.text()
    finally:
        store.close()
        database.chmod(0o600)


def test_the_statements_windows_are_in_the_navigation_and_found_by_the_go_to_box(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []
    monkeypatch.setattr(window, "prepare_statements", lambda: opened.append("prepare"))
    monkeypatch.setattr(window, "aged_receivables", lambda: opened.append("aged"))
    group = next(
        window.navigation.topLevelItem(i)
        for i in range(window.navigation.topLevelItemCount())
        if window.navigation.topLevelItem(i).text(0) == "Statements"
    )
    labels = [group.child(i).text(0) for i in range(group.childCount())]
    assert labels == ["Prepare statements", "Print statements (AR503500)", "Aged receivables"]
    window._navigation_activated(group.child(2), 0)
    assert opened == ["aged"]
    goto(qtbot, window, "AR503500")
    goto(qtbot, window, "aged receivables")
    assert opened == ["aged", "prepare", "aged"]
    assert window.goto_box.text() == ""
    goto(qtbot, window, "AR999999")
    assert "No screen named 'AR999999'" in window.statusBar().currentMessage()
    assert opened == ["aged", "prepare", "aged"]
