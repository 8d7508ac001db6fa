"""Read-only looks read-only: computed fields flat and out of the Tab order, greyed-out text
readable (WCAG AA contrast computed from the palette)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from app.windows.framework.lookup import LookupEditor
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.widgets import DateEditor
from app.windows.style import MIN_CONTRAST, contrast, readable_palette, style_sheet

Opener = Callable[[str], RecordScreen]
BALANCES = ("unreleased_balance", "balance_of_open_orders", "remaining_credit_limit")


def test_contrast_is_computed_as_wcag_says() -> None:
    assert round(contrast(QColor("black"), QColor("white")), 1) == 21.0
    assert round(contrast(QColor("#bebebe"), QColor("#efefef")), 1) == 1.6  # the old grey


def test_disabled_text_is_readable_on_every_disabled_background(qapp: QApplication) -> None:
    palette = readable_palette(qapp.palette())
    disabled = QPalette.ColorGroup.Disabled
    role = QPalette.ColorRole
    for text, background in (
        (role.Text, role.Base),
        (role.Text, role.Window),
        (role.WindowText, role.Window),
        (role.ButtonText, role.Button),
        (role.PlaceholderText, role.Base),
    ):
        ratio = contrast(palette.color(disabled, text), palette.color(disabled, background))
        assert ratio >= MIN_CONTRAST, (text, background, ratio)


def test_the_style_sheet_draws_read_only_fields_flat() -> None:
    sheet = style_sheet()
    assert 'QLineEdit[readOnly="true"]' in sheet
    assert "background: transparent" in sheet


def line_of(editor: QWidget) -> QLineEdit:
    line = editor.line_edit if isinstance(editor, LookupEditor) else editor
    assert isinstance(line, QLineEdit)
    return line


def test_read_only_fields_are_clickable_but_not_tabbed_to(
    qtbot: QtBot, open_screen: Opener
) -> None:
    screen = open_screen("AR303000")
    balances = [line_of(screen.editor(key)) for key in BALANCES]
    for line in balances:
        assert line.isReadOnly()
        assert line.focusPolicy() == Qt.FocusPolicy.ClickFocus
    start = screen.editor("exclude_debt_collection")
    screen._reveal(start)
    start.setFocus()
    qtbot.waitUntil(start.hasFocus)
    visited: list[QWidget] = []
    for _ in range(40):
        focused = QApplication.focusWidget()
        assert focused is not None
        visited.append(focused)
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert len(set(visited)) > 5  # Tab did move through the tab's fields
    assert not set(visited) & set(balances)


def test_a_saved_record_s_key_is_flat_and_back_to_editable_on_a_new_one(
    open_screen: Opener,
) -> None:
    screen = open_screen("CR303010")
    customer = screen.editor("customer")
    assert isinstance(customer, LookupEditor)
    customer.set_read_only(True)
    assert customer.line_edit.focusPolicy() == Qt.FocusPolicy.ClickFocus
    assert not customer.select_button.isVisible()
    customer.set_read_only(False)
    assert customer.line_edit.focusPolicy() == Qt.FocusPolicy.StrongFocus
    assert customer.select_button.isVisible()


def test_a_read_only_date_has_no_calendar_arrow(open_screen: Opener) -> None:
    screen = open_screen("AR303000")
    due = screen.editor("first_due_date")
    assert isinstance(due, DateEditor) and due.isReadOnly()
    assert not due.calendar_action.isVisible()
