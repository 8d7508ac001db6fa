"""The keyboard: Alt+letter on tabs and section titles, Tab skipping read-only fields and the
page's scroll area, F1 explaining the screen in front with the seed's descriptions."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QGroupBox, QLineEdit, QScrollArea, QTabWidget
from pytestqt.qtbot import QtBot

from app.ledger import catalogue
from app.models.database import Store
from app.windows.framework.dialogs import Unsaved
from app.windows.framework.mnemonics import (
    MENU_LETTERS,
    letter_of,
    section_title,
    with_mnemonic,
    without_mnemonic,
)
from app.windows.framework.record_screen import RecordScreen
from app.windows.main_window import MainWindow
from app.windows.screen_help import ScreenHelpDialog
from tests.screens.conftest import Answers
from tests.screens.customer_record import Opener, set_up


@pytest.fixture
def window(qtbot: QtBot, store: Store, tmp_path: Path, answers: Answers) -> Iterator[MainWindow]:
    answers.unsaved = Unsaved.DISCARD
    set_up(store)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    main = MainWindow(store, settings=settings)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    yield main


def test_mnemonics_take_a_free_letter_preferring_word_starts() -> None:
    used = set(MENU_LETTERS)
    assert with_mnemonic("General information", used) == "General &information"  # G is Go
    assert with_mnemonic("Invoicing settings", used) == "Invoicing &settings"
    assert with_mnemonic("Delivery settings", used) == "&Delivery settings"
    assert with_mnemonic("Locations", used) == "&Locations"
    assert with_mnemonic("General ledger accounts", used) == "General ledger &accounts"
    assert with_mnemonic("R&D", {"r", "d"}) == "R&&D"  # no letter left: the & shown as is
    assert letter_of("Gen&eral") == "e"
    # No free letter in a section's title: the next free Alt+digit, written after it.
    used = set("maincto")
    assert section_title("Main contact", used) == "Main contact (&1)"
    assert section_title("Contact", used) == "Contact (&2)"
    assert letter_of("Contact (&2)") == "2"


def test_every_tab_and_section_of_a_screen_has_its_own_letter(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up(store)
    screen = open_screen("AR303000")
    tabs = screen.form.tabs
    tab_letters = [letter_of(tabs.tabText(i)) for i in range(tabs.count())]
    assert all(tab_letters) and len(set(tab_letters)) == len(tab_letters)
    assert not set(tab_letters) & MENU_LETTERS
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        page = tabs.widget(index)
        title = without_mnemonic(tabs.tabText(index))
        boxes = [
            box
            for box in page.findChildren(QGroupBox)
            if box.title() and without_mnemonic(box.title()).casefold() != title.casefold()
        ]
        # Sections take the letters the tabs left, then Alt+digits ("Main contact (&1)").
        letters = [letter_of(box.title()) for box in boxes]
        assert all(letters), [box.title() for box in boxes]
        # A tab's one grid of the tab's own name takes no key of its own: the tab's reaches it.
        assert not any(
            letter_of(box.title())
            for box in page.findChildren(QGroupBox)
            if without_mnemonic(box.title()).casefold() == title.casefold()
        )
        assert len(set(letters)) == len(letters)
        assert not set(letters) & (set(tab_letters) | MENU_LETTERS)


def alt_letter(qtbot: QtBot, letter: str) -> None:
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key(ord(letter.upper())), Qt.KeyboardModifier.AltModifier)


def test_alt_and_a_letter_shows_its_tab_and_goes_to_its_section(
    qtbot: QtBot, window: MainWindow
) -> None:
    screen = window.open_screen("AR303000")
    assert isinstance(screen, RecordScreen)
    tabs = screen.form.tabs
    delivery = next(i for i in range(tabs.count()) if "Delivery" in tabs.tabText(i))
    letter = letter_of(tabs.tabText(delivery))
    screen.editor("customer_name").setFocus()
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key(ord(letter.upper())), Qt.KeyboardModifier.AltModifier
    )
    assert tabs.currentIndex() == delivery

    tabs.setCurrentIndex(0)
    box = next(b for b in tabs.widget(0).findChildren(QGroupBox) if letter_of(b.title()))
    letter = letter_of(box.title())
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key(ord(letter.upper())), Qt.KeyboardModifier.AltModifier
    )
    focused = QApplication.focusWidget()
    assert focused is not None and box.isAncestorOf(focused)

    # A section without a free letter of its own: Alt and its digit.
    box = next(b for b in tabs.widget(0).findChildren(QGroupBox) if "(&1)" in b.title())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    focused = QApplication.focusWidget()
    assert focused is not None and box.isAncestorOf(focused), box.title()


def test_tab_skips_read_only_fields_and_the_scroll_area(qtbot: QtBot, window: MainWindow) -> None:
    screen = window.open_screen("AR303000")
    assert isinstance(screen, RecordScreen)
    balance = screen.editor("balance")
    assert isinstance(balance, QLineEdit) and balance.isReadOnly()
    assert balance.focusPolicy() == Qt.FocusPolicy.ClickFocus
    for area in screen.findChildren(QScrollArea):
        assert area.focusPolicy() == Qt.FocusPolicy.NoFocus
    # Walking the whole Tab chain never stops on a read-only field or a scroll area.
    screen.editor("customer_name").setFocus()
    seen = []
    for _ in range(60):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        seen.append(focused)
        assert not isinstance(focused, QScrollArea)
        assert not (isinstance(focused, QLineEdit) and focused.isReadOnly()), focused.objectName()
    assert len({id(widget) for widget in seen}) > 5


def test_f1_explains_the_screen_in_front_with_the_seeds_descriptions(
    qtbot: QtBot, window: MainWindow
) -> None:
    assert window.show_screen_help() is None  # nothing open yet: the status bar says so
    screen = window.open_screen("AR303000")
    qtbot.keyClick(screen, Qt.Key.Key_F1)
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, ScreenHelpDialog)]
    assert len(dialogs) == 1 and dialogs[0].isVisible()
    text = dialogs[0].browser.toPlainText()
    assert text.startswith("Customers (AR303000)")
    customer_class = catalogue.help_text("AR303000", "Customer class", "Financial settings")
    assert customer_class and customer_class.split("\n")[0] in text
    assert "Main address" in text and "Customer name" in text
    dialogs[0].close()


def test_f1_and_f4_are_in_the_keyboard_shortcuts(window: MainWindow) -> None:
    window.open_screen("AR303000")
    rows = window.shortcut_rows()
    assert ("Window", "Help for this screen", "F1") in rows
    assert ("Fields", "Select from the list (a lookup)", "F4") in rows
    tabs = window.findChild(QTabWidget, "record_tabs")
    assert tabs is not None
    assert any(action.endswith(" tab") and keys.startswith("Alt+") for _w, action, keys in rows)
