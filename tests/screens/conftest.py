"""Fixtures for screen flows: a screen on a fresh database, dialogs answered by the test."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from pytestqt.qtbot import QtBot

from app.models.database import Store
from app.windows.framework import dialogs
from app.windows.framework.record_screen import RecordScreen
from app.windows.screens import find_screen


@dataclass
class Answers:
    """What the test answers to the screen's questions, and what was asked."""

    unsaved: dialogs.Unsaved = dialogs.Unsaved.CANCEL
    confirm: bool = True
    no_to: set[str] = field(default_factory=set)  # titles of questions answered No regardless
    text: str | None = None  # typed into a text question; None cancels it
    asked: list[str] = field(default_factory=list)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    given = Answers()

    def ask_unsaved(_parent: object, what: str) -> dialogs.Unsaved:
        given.asked.append(f"unsaved: {what}")
        return given.unsaved

    def confirm(_parent: object, title: str, text: str) -> bool:
        given.asked.append(f"{title}: {text}")
        return given.confirm and title not in given.no_to

    def ask_text(_parent: object, title: str, label: str, text: str = "") -> str | None:
        given.asked.append(f"{title}: {label}")
        return given.text

    monkeypatch.setattr(dialogs, "ask_text", ask_text)
    monkeypatch.setattr(dialogs, "ask_unsaved", ask_unsaved)
    monkeypatch.setattr(dialogs, "confirm", confirm)
    return given


@pytest.fixture
def open_screen(qtbot: QtBot, store: Store, answers: Answers) -> Callable[[str], RecordScreen]:
    def opener(screen_id: str) -> RecordScreen:
        info = find_screen(screen_id)
        assert info is not None
        widget = info.factory()(store, None)
        assert isinstance(widget, RecordScreen)
        qtbot.addWidget(widget)
        widget.resize(1100, 700)
        widget.show()
        qtbot.waitExposed(widget)
        # Focus moves (Tab) only happen in the active window, as on a desktop.
        widget.activateWindow()
        qtbot.waitUntil(widget.isActiveWindow)
        return widget

    return opener
