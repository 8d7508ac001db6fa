"""Driving a record screen the way a user does: type into fields, click toolbar actions."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.ledger import lookups
from app.models.database import Store
from app.windows.framework.grid import GridEditor
from app.windows.framework.lookup import LookupEditor
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Field, Kind


def type_into(qtbot: QtBot, screen: RecordScreen, key: str, text: str) -> None:
    """Click into a field, replace its text, and leave it (Tab), as a user would."""
    editor: QWidget = screen.editor(key)
    if isinstance(editor, QPlainTextEdit):
        _reveal(screen, editor)
        editor.setFocus()
        editor.selectAll()
        qtbot.keyClicks(editor, text) if text else qtbot.keyClick(editor, Qt.Key.Key_Delete)
        qtbot.keyClick(editor, Qt.Key.Key_Tab)
        return
    line = editor.line_edit if isinstance(editor, LookupEditor) else editor
    assert isinstance(line, QLineEdit), f"{key} is not a text field"
    _reveal(screen, line)
    line.setFocus()
    line.selectAll()
    if text:
        qtbot.keyClicks(line, text)
    else:
        qtbot.keyClick(line, Qt.Key.Key_Delete)
    qtbot.keyClick(line, Qt.Key.Key_Tab)


def choose_option(qtbot: QtBot, screen: RecordScreen, key: str, label: str) -> None:
    combo = screen.editor(key)
    assert isinstance(combo, QComboBox)
    index = combo.findText(label)
    assert index >= 0, f"{label!r} is not an option of {key}"
    combo.setCurrentIndex(index)
    combo.activated.emit(index)  # what a user's pick in the popup emits


def click_check(qtbot: QtBot, screen: RecordScreen, key: str) -> None:
    box = screen.editor(key)
    assert isinstance(box, QCheckBox)
    _reveal(screen, box)
    qtbot.mouseClick(
        box, Qt.MouseButton.LeftButton, pos=box.rect().bottomLeft() + box.rect().center() * 0
    )


def trigger(screen: RecordScreen, name: str) -> None:
    action = screen.action(name)
    assert action.isEnabled(), f"{name} is disabled"
    action.trigger()


def shown(screen: RecordScreen, key: str) -> Any:
    editor: Any = screen.editor(key)
    if isinstance(editor, LookupEditor):
        return editor.line_edit.text()
    if isinstance(editor, QCheckBox):
        return editor.isChecked()
    if isinstance(editor, QComboBox):
        return editor.currentText()
    if isinstance(editor, QPlainTextEdit):
        return editor.toPlainText()
    return editor.text()


def _reveal(screen: RecordScreen, widget: QWidget) -> None:
    screen._reveal(widget)


def activate(screen: RecordScreen) -> None:
    """Make the screen's window active again, as a click into it does: a lookup's suggestions
    popup takes the activation with it offscreen (a desktop gives it back), and a grid cell's
    editor takes the focus only in the active window."""
    screen.activateWindow()
    QApplication.processEvents()  # also lets what the last edit posted happen first
    assert screen.isActiveWindow()


def edit_cell(
    qtbot: QtBot,
    screen: RecordScreen,
    grid_key: str,
    row: int,
    column: str,
    text: str,
    *,
    press_return: bool = True,
) -> None:
    """Double-click a cell, type, press Enter — as a user edits a grid cell."""
    activate(screen)
    grid = screen.editor(grid_key)
    assert isinstance(grid, GridEditor)
    screen._reveal(grid)
    columns = [spec.key for spec in grid.model.columns]
    index = grid.model.index(row, columns.index(column))
    # The previous cell's editor closes by deleteLater; let it go before opening the next.
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    grid.view.setCurrentIndex(index)
    grid.view.edit(index)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), f"no line editor opened on {column}"
    assert grid.view.viewport().isAncestorOf(editor)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    if press_return:
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        # The delegate commits a Return on the next turn of the event loop.
        qtbot.waitUntil(lambda: grid.delegate.open_editor is None)


# What a typed field gets when a test gives it another value (text fields take their own).
TYPED: dict[Kind, tuple[str, Any]] = {
    Kind.MONEY: ("1234.5", Decimal("1234.5")),
    Kind.PERCENT: ("12.5", Decimal("12.5")),
    Kind.NUMBER: ("45", 45),
}


def change_field(
    qtbot: QtBot,
    screen: RecordScreen,
    store: Store,
    spec: Field,
    *,
    code: str | None = None,
    option: str | None = None,
    text: str | None = None,
) -> Any:
    """Give a field another value through its widget, as a user would: a lookup the record
    ``code`` (else any other one offered), an option ``option`` (else the last other one), a
    check box the other state, a typed field ``text`` (else a value of its kind). The value the
    record now holds is returned, for comparing with what is saved."""
    current = screen.record.value(spec.key)
    expected: Any
    if spec.kind == Kind.LOOKUP:
        assert spec.lookup is not None
        choice = (
            lookups.by_code(store, spec.lookup, code)
            if code
            else next(c for c in lookups.suggest(store, spec.lookup, "", 300) if c.value != current)
        )
        assert choice is not None, f"{spec.key}: no {code}"
        type_into(qtbot, screen, spec.key, choice.code)
        expected = choice.value
    elif spec.kind == Kind.CHECKBOX:
        assert screen.editor(spec.key).isEnabled(), f"{spec.key} is disabled"
        click_check(qtbot, screen, spec.key)
        expected = not current
    elif spec.kind == Kind.OPTION:
        assert spec.options is not None
        label = option or [o.label for o in spec.options if o != current][-1]
        choose_option(qtbot, screen, spec.key, label)
        expected = next(o for o in spec.options if o.label == label)
    elif spec.kind in TYPED:
        assert screen.editor(spec.key).isEnabled(), f"{spec.key} is disabled"
        typed, expected = TYPED[spec.kind]
        type_into(qtbot, screen, spec.key, text or typed)
    else:
        assert spec.kind == Kind.TEXT, spec.key
        expected = text or f"T-{spec.key}"[: spec.max_length or 40]
        type_into(qtbot, screen, spec.key, expected)
    assert screen.record.value(spec.key) == expected, spec.key
    return expected
