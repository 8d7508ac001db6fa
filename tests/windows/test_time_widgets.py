"""The date-and-time and time-spent fields (an activity's start, its time spent): typed as the
user writes them, shown as they are stored, and what cannot be read kept and named."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from app.ledger.records import InvalidInput
from app.windows.framework.formats import duration_text
from app.windows.framework.spec import Field, Kind
from app.windows.framework.widgets import (
    DateTimeEditor,
    DurationEditor,
    create_editor,
    read_datetime,
    read_duration,
)


def test_a_date_and_time_is_read_to_the_minute() -> None:
    assert read_datetime("2026-11-02 09:15") == datetime(2026, 11, 2, 9, 15)
    assert read_datetime("2026-11-02 9.15") == datetime(2026, 11, 2, 9, 15)
    assert read_datetime("2026-11-02") == datetime(2026, 11, 2)  # the start of the day
    with pytest.raises(ValueError, match="'24:00' is not a time of day"):
        read_datetime("2026-11-02 24:00")
    with pytest.raises(ValueError, match="'noon' is not a time of day: type it as hh:mm"):
        read_datetime("2026-11-02 noon")
    with pytest.raises(ValueError, match="is not a date of the calendar"):
        read_datetime("2026-02-30 10:00")


def test_time_spent_is_hours_and_minutes() -> None:
    assert read_duration("1:30") == 90
    assert read_duration("90") == 90
    assert read_duration("0.05") == 5
    assert read_duration("-0:30") == -30  # read as typed: the field's rule refuses it
    with pytest.raises(ValueError, match="more than 59 minutes"):
        read_duration("1:75")
    with pytest.raises(ValueError, match="is not a time: type hours and minutes as h:mm"):
        read_duration("an hour")
    assert [duration_text(m) for m in (0, 5, 90, 600, -30)] == [
        "0:00",
        "0:05",
        "1:30",
        "10:00",
        "-0:30",
    ]


def test_the_editors_type_and_show_what_is_stored(qtbot: QtBot) -> None:
    start = create_editor(Field("start", "Start date", Kind.DATETIME), None)
    spent = create_editor(Field("spent", "Time spent", Kind.DURATION), None)
    assert isinstance(start, DateTimeEditor) and isinstance(spent, DurationEditor)
    qtbot.addWidget(start)
    qtbot.addWidget(spent)
    qtbot.keyClicks(start, "2026-11-02 14:30")
    assert start.value() == datetime(2026, 11, 2, 14, 30)
    qtbot.keyClicks(spent, "95")
    assert spent.value() == 95
    spent.set_value(95)
    assert spent.text() == "1:35"
    spent.set_value(None)
    qtbot.keyClicks(spent, "1:5")
    value = spent.value()
    assert isinstance(value, InvalidInput) and value.text == "1:5"  # kept as typed


def test_a_picked_date_keeps_the_time_shown(qtbot: QtBot) -> None:
    editor = DateTimeEditor(Field("start", "Start date", Kind.DATETIME))
    qtbot.addWidget(editor)
    editor.set_value(datetime(2026, 11, 2, 14, 30))
    edited: list[object] = []
    editor.edited.connect(edited.append)
    editor.pick(QDate(2026, 12, 24))
    assert editor.value() == datetime(2026, 12, 24, 14, 30)
    assert edited == [datetime(2026, 12, 24, 14, 30)]
