"""The standard record toolbar every screen shares: unsaved changes, browsing, copy/paste,
stale saves. Driven on Customer classes (AR201000), the simplest record screen."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update
from sqlalchemy.exc import OperationalError

from app.logs import log_file
from app.models import CustomerClass
from app.models.database import Store
from app.windows.framework.dialogs import Unsaved
from app.windows.framework.record_screen import RecordScreen
from tests.screens.conftest import Answers
from tests.screens.helpers import click_check, shown, trigger, type_into

Opener = Callable[[str], RecordScreen]


def seed_classes(store: Store, *codes: str) -> None:
    with store.transaction() as session:
        session.add_all(CustomerClass(class_id=code, description=f"Class {code}") for code in codes)


def test_unsaved_changes_prompt_cancel_discard_save(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    screen = open_screen("AR201000")
    type_into(qtbot, screen, "class_id", "NEW")
    type_into(qtbot, screen, "description", "Typed, not saved")

    answers.unsaved = Unsaved.CANCEL
    trigger(screen, "add_new")
    assert answers.asked == ["unsaved: Customer class NEW"]
    assert shown(screen, "description") == "Typed, not saved"

    answers.unsaved = Unsaved.SAVE
    trigger(screen, "add_new")
    with store.session() as session:
        assert session.scalars(select(CustomerClass.class_id)).all() == ["NEW"]
    assert screen.record.is_new and shown(screen, "class_id") == ""

    type_into(qtbot, screen, "class_id", "GONE")
    answers.unsaved = Unsaved.DISCARD
    trigger(screen, "add_new")
    assert shown(screen, "class_id") == ""
    with store.session() as session:
        assert session.scalars(select(CustomerClass.class_id)).all() == ["NEW"]


def test_a_clean_screen_closes_without_asking(open_screen: Opener, answers: Answers) -> None:
    screen = open_screen("AR201000")
    assert screen.confirm_close()
    assert answers.asked == []


def test_cancel_restores_the_saved_record(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    seed_classes(store, "A1")
    screen = open_screen("AR201000")
    trigger(screen, "first")
    type_into(qtbot, screen, "description", "Changed my mind")
    answers.unsaved = Unsaved.DISCARD  # Cancel asks first; discarded here
    trigger(screen, "cancel")
    assert answers.asked == ["unsaved: Customer class A1"]
    assert shown(screen, "description") == "Class A1"
    assert not screen.is_dirty


def press_escape_after_typing(qtbot: QtBot, screen: RecordScreen, text: str) -> None:
    """Type into Description and press Esc there, before leaving the field."""
    line = screen.editor("description")
    assert isinstance(line, QLineEdit)
    line.setFocus()
    line.selectAll()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Escape)


def test_esc_asks_before_discarding_and_cancel_keeps_the_edits(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    seed_classes(store, "A1")
    screen = open_screen("AR201000")
    trigger(screen, "first")
    answers.unsaved = Unsaved.CANCEL
    press_escape_after_typing(qtbot, screen, "Typed by mistake?")
    assert answers.asked == ["unsaved: Customer class A1"]
    assert shown(screen, "description") == "Typed by mistake?"
    assert screen.is_dirty

    answers.unsaved = Unsaved.DISCARD
    qtbot.keyClick(screen.editor("description"), Qt.Key.Key_Escape)
    assert len(answers.asked) == 2
    assert shown(screen, "description") == "Class A1" and not screen.is_dirty


def test_esc_answered_save_saves(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    seed_classes(store, "A1")
    screen = open_screen("AR201000")
    trigger(screen, "first")
    answers.unsaved = Unsaved.SAVE
    press_escape_after_typing(qtbot, screen, "Kept")
    assert answers.asked == ["unsaved: Customer class A1"]
    assert shown(screen, "description") == "Kept" and not screen.is_dirty
    with store.session() as session:
        assert session.scalars(select(CustomerClass.description)).all() == ["Kept"]


def test_esc_without_changes_asks_nothing_and_shows_the_same(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    seed_classes(store, "A1")
    screen = open_screen("AR201000")
    trigger(screen, "first")
    qtbot.keyClick(screen.editor("description"), Qt.Key.Key_Escape)
    assert answers.asked == []
    assert shown(screen, "description") == "Class A1" and not screen.is_dirty
    assert not screen.message.isVisible()


def test_first_previous_next_last_browse_in_key_order(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    seed_classes(store, "B", "A", "C")
    screen = open_screen("AR201000")
    trigger(screen, "first")
    assert shown(screen, "class_id") == "A"
    trigger(screen, "next")
    assert shown(screen, "class_id") == "B"
    qtbot.keyClick(screen.editor("description"), Qt.Key.Key_PageDown)
    assert shown(screen, "class_id") == "C"
    trigger(screen, "next")  # past the last record: stays
    assert shown(screen, "class_id") == "C"
    trigger(screen, "previous")
    assert shown(screen, "class_id") == "B"
    trigger(screen, "last")
    assert shown(screen, "class_id") == "C"


def test_copy_paste_makes_a_new_record_from_the_current_one(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    seed_classes(store, "SOURCE")
    screen = open_screen("AR201000")
    trigger(screen, "first")
    trigger(screen, "copy")
    trigger(screen, "add_new")
    type_into(qtbot, screen, "class_id", "TARGET")
    trigger(screen, "paste")
    assert shown(screen, "class_id") == "TARGET"
    assert shown(screen, "description") == "Class SOURCE"
    trigger(screen, "save")
    with store.session() as session:
        assert (
            session.scalars(
                select(CustomerClass.description).where(CustomerClass.class_id == "TARGET")
            ).one()
            == "Class SOURCE"
        )


def test_a_stale_save_is_refused_and_offers_reload(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    seed_classes(store, "SHARED")
    screen = open_screen("AR201000")
    trigger(screen, "first")
    with store.transaction() as session:  # someone else saves the same class meanwhile
        session.execute(
            update(CustomerClass).values(description="Theirs", version=CustomerClass.version + 1)
        )
    type_into(qtbot, screen, "description", "Mine")
    answers.confirm = False
    trigger(screen, "save")
    assert "changed by someone else" in screen.message.text()
    assert shown(screen, "description") == "Mine"  # not lost when the user declines the reload
    with store.session() as session:
        assert session.scalars(select(CustomerClass.description)).one() == "Theirs"

    answers.confirm = True
    trigger(screen, "save")
    assert shown(screen, "description") == "Theirs"


def test_unsaved_marker_in_the_title(qtbot: QtBot, open_screen: Opener) -> None:
    screen = open_screen("AR201000")
    assert screen.windowTitle() == "Customer classes (AR201000)"
    type_into(qtbot, screen, "description", "x")
    assert screen.windowTitle() == "Customer classes (AR201000) *"


def test_a_save_failing_unexpectedly_says_so_and_keeps_what_was_typed(
    qtbot: QtBot,
    open_screen: Opener,
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    seed_classes(store, "DISK")
    screen = open_screen("AR201000")
    trigger(screen, "first")
    type_into(qtbot, screen, "description", "Typed before the disk failed")

    def disk_fails(*_args: object, **_values: object) -> None:
        raise OperationalError("UPDATE customer_class …", {}, sqlite3.OperationalError("disk I/O"))

    monkeypatch.setattr(screen.service, "before_save", disk_fails)
    with caplog.at_level(logging.ERROR, logger="app"):
        trigger(screen, "save")
    message = screen.message.text()
    assert message.startswith("Customer class DISK was not saved: OperationalError: disk I/O\n")
    assert "Nothing was saved" in message
    assert str(log_file()) in message
    assert screen.message.property("error") is True
    assert shown(screen, "description") == "Typed before the disk failed"
    assert screen.is_dirty
    with store.session() as session:
        assert session.scalars(select(CustomerClass.description)).one() == "Class DISK"
    assert any(record.exc_info for record in caplog.records)  # with its traceback

    monkeypatch.undo()  # the disk is back: the same save goes through
    trigger(screen, "save")
    assert screen.message.text() == "Saved."


def test_an_amount_beyond_what_the_ledger_stores_is_shown_never_only_logged(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = open_screen("AR201000")
    type_into(qtbot, screen, "class_id", "HUGE")
    type_into(qtbot, screen, "description", "Huge write-offs")
    click_check(qtbot, screen, "enable_write_offs")
    type_into(qtbot, screen, "write_off_limit", "1e30")
    trigger(screen, "save")
    message = screen.message.text()
    # The store's own refusal (ExactDecimal) — or a rule of the field, once it has one.
    assert "not saved" in message
    assert "beyond the largest amount" in message or "Write-off limit" in message
    assert screen.message.property("error") is True
    assert shown(screen, "write_off_limit") != ""
    assert screen.is_dirty and screen.record.is_new
    with store.session() as session:
        assert session.scalars(select(CustomerClass)).first() is None


def test_a_delete_failing_unexpectedly_says_so(
    open_screen: Opener, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_classes(store, "KEPT")
    screen = open_screen("AR201000")
    trigger(screen, "first")

    def disk_fails(_record_id: int) -> None:
        raise OperationalError("DELETE FROM customer_class …", {}, sqlite3.OperationalError("disk"))

    monkeypatch.setattr(screen.service, "delete", disk_fails)
    trigger(screen, "delete")
    message = screen.message.text()
    assert message.startswith("Customer class KEPT was not deleted: OperationalError: disk\n")
    assert "Nothing was deleted" in message and str(log_file()) in message
    assert shown(screen, "class_id") == "KEPT"
