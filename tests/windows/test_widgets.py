"""The field editors (app/windows/framework/widgets.py): what a user types, pastes, drops or
picks is taken exactly, or kept and passed on as InvalidInput with the reason (DESIGN.md §7)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from app.ledger.records import InvalidInput
from app.windows.framework.spec import Field, Kind
from app.windows.framework.widgets import (
    DecimalEditor,
    NumberEditor,
    TextEditor,
)


@pytest.fixture
def locale() -> Iterator[None]:
    before = QLocale()
    yield
    QLocale.setDefault(before)


def shown_editor(qtbot: QtBot, editor: TextEditor) -> TextEditor:
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    editor.setFocus()
    return editor


def text_editor(qtbot: QtBot, limit: int = 10) -> TextEditor:
    return shown_editor(qtbot, TextEditor(Field("code", "Code", Kind.TEXT, max_length=limit)))


# -- numbers ---------------------------------------------------------------------------------


def test_an_amount_is_read_by_the_users_decimal_mark(qtbot: QtBot, locale: None) -> None:
    editor = DecimalEditor(Field("amount", "Amount", Kind.MONEY, help="The amount."))
    qtbot.addWidget(editor)
    QLocale.setDefault(QLocale("sv_SE"))
    editor.setText("1 234,5")
    assert editor.value() == Decimal("1234.5")
    editor.setText("1.234")
    assert editor.value() == InvalidInput(
        "1.234", "'1.234' could mean 1234 or 1,234: type 1234 or 1,234 to say which."
    )
    QLocale.setDefault(QLocale("en_US"))
    assert editor.value() == Decimal("1.234")  # a point is an English user's decimal mark


def test_an_unreadable_amount_is_kept_with_the_reason_in_the_tooltip(qtbot: QtBot) -> None:
    editor = DecimalEditor(Field("amount", "Amount", Kind.MONEY, help="The amount."))
    qtbot.addWidget(editor)
    editor.setText("12x")
    editor.editingFinished.emit()
    assert editor.text() == "12x"
    assert editor.property("invalid")
    assert editor.toolTip() == "'12x' is not a number."
    editor.setText("12")
    editor.editingFinished.emit()
    assert editor.text() == "12.00"
    assert editor.toolTip() == "The amount."  # the help again


def test_a_whole_number_takes_every_keystroke(qtbot: QtBot) -> None:
    editor = NumberEditor(Field("days", "Days", Kind.NUMBER))
    qtbot.addWidget(editor)
    qtbot.keyClicks(editor, "-12,5")
    assert editor.text() == "-12,5"
    value = editor.value()
    assert isinstance(value, InvalidInput)
    assert value.reason == "'-12,5' is not a whole number: type it without decimals."
    editor.setText("99999999999")
    assert editor.value() == 99999999999  # the ledger says it is too big, naming the field
