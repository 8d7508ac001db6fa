"""The field editors (app/windows/framework/widgets.py): what a user types, pastes, drops or
picks is taken exactly, or kept and passed on as InvalidInput with the reason (DESIGN.md §7)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale, QMimeData, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from app.ledger.records import InvalidInput
from app.windows.framework.spec import Field, Kind
from app.windows.framework.widgets import (
    DateEditor,
    DecimalEditor,
    MemoEditor,
    NumberEditor,
    TextEditor,
    read_date,
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


# -- text ------------------------------------------------------------------------------------


def test_typing_stops_at_the_limit(qtbot: QtBot) -> None:
    editor = text_editor(qtbot)
    qtbot.keyClicks(editor, "ABCDEFGHIJKLMN")
    assert editor.text() == "ABCDEFGHIJ"
    assert editor.maxLength() == 10


def test_a_longer_paste_is_taken_whole_and_flagged_then_typing_stops_again(qtbot: QtBot) -> None:
    editor = text_editor(qtbot)
    edited: list[object] = []
    editor.edited.connect(edited.append)
    qtbot.keyClicks(editor, "AB")
    editor.setSelection(0, 1)  # "A" is replaced by the paste
    QGuiApplication.clipboard().setText("0123456789XYZ")
    qtbot.keyClick(editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert editor.text() == "0123456789XYZB"
    assert edited[-1] == "0123456789XYZB"  # the record gets all of it
    assert editor.property("invalid")
    assert editor.toolTip() == "at most 10 characters (this has 14)."
    # Back within the limit by deleting: no longer flagged, and typing stops at the limit again.
    editor.setSelection(10, 4)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert editor.text() == "0123456789"
    assert not editor.property("invalid")
    assert editor.maxLength() == 10
    qtbot.keyClicks(editor, "Q")
    assert editor.text() == "0123456789"


def test_paste_from_the_context_menu_is_taken_whole(qtbot: QtBot) -> None:
    editor = text_editor(qtbot)
    QGuiApplication.clipboard().setText("A longer text than ten")

    def paste_from_menu() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        [paste] = [a for a in menu.actions() if a.objectName() == "edit-paste"]
        paste.trigger()
        menu.close()

    QTimer.singleShot(0, paste_from_menu)
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, QPoint(2, 2), editor.mapToGlobal(QPoint(2, 2))
    )
    QApplication.sendEvent(editor, event)
    assert editor.text() == "A longer text than ten"


def test_a_dropped_text_is_taken_whole(qtbot: QtBot) -> None:
    editor = text_editor(qtbot)
    data = QMimeData()
    data.setText("Dropped text, long")
    drop = QDropEvent(
        QPointF(2, 2),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    editor.dropEvent(drop)  # (QApplication delivers drops only during a real drag)
    assert editor.text() == "Dropped text, long"


def test_a_longer_value_from_the_record_is_shown_whole(qtbot: QtBot) -> None:
    editor = text_editor(qtbot)
    editor.set_value("An imported name of 31 letters.")
    assert editor.text() == "An imported name of 31 letters."
    assert editor.value() == "An imported name of 31 letters."
    assert editor.property("invalid")
    editor.set_value("Short")
    assert editor.text() == "Short" and not editor.property("invalid")
    assert editor.maxLength() == 10


def test_a_memo_with_a_limit_stops_typing_there(qtbot: QtBot) -> None:
    memo = MemoEditor(Field("body", "Body", Kind.MEMO, max_length=5))
    qtbot.addWidget(memo)
    qtbot.keyClicks(memo, "abcdefg")
    assert memo.toPlainText() == "abcde"
    memo.set_value("a stored text longer than five")
    assert memo.value() == "a stored text longer than five"


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


# -- dates -----------------------------------------------------------------------------------


def test_read_date() -> None:
    english = QLocale("en_US")
    assert read_date("2025-03-31", english) == date(2025, 3, 31)
    assert read_date(" 2025-03-31 ", QLocale("nb_NO")) == date(2025, 3, 31)
    assert read_date("31.03.2025", QLocale("nb_NO")) == date(2025, 3, 31)
    assert read_date("3/31/2025", english) == date(2025, 3, 31)
    with pytest.raises(ValueError, match=r"'3/31/25' is not a date: type it as yyyy-mm-dd"):
        read_date("3/31/25", english)  # 1925 or 2025? not guessed
    with pytest.raises(ValueError, match="is not a date of the calendar"):
        read_date("2025-02-29", english)
    with pytest.raises(ValueError, match="is not a date"):
        read_date("tomorrow", english)


def test_a_date_is_typed_into_an_empty_date_field(qtbot: QtBot) -> None:
    editor = DateEditor(Field("due", "Due", Kind.DATE))
    qtbot.addWidget(editor)
    edited: list[object] = []
    editor.edited.connect(edited.append)
    assert editor.value() is None and editor.text() == ""
    qtbot.keyClicks(editor, "2025-03-31")
    assert editor.value() == date(2025, 3, 31)
    assert edited[-1] == date(2025, 3, 31)
    editor.set_value(None)
    assert editor.text() == ""
    editor.set_read_only(True)
    assert editor.isReadOnly() and not editor.calendar_action.isEnabled()
