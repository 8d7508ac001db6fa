"""The standard record toolbar every screen shares: unsaved changes, browsing, copy/paste,
stale saves. Driven on Customer classes (AR201000), the simplest record screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from app.models import CustomerClass
from app.models.database import Store
from app.windows.framework.dialogs import Unsaved
from app.windows.framework.record_screen import RecordScreen
from tests.screens.conftest import Answers
from tests.screens.helpers import shown, trigger, type_into

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


def test_cancel_restores_the_saved_record(qtbot: QtBot, open_screen: Opener, store: Store) -> None:
    seed_classes(store, "A1")
    screen = open_screen("AR201000")
    trigger(screen, "first")
    type_into(qtbot, screen, "description", "Changed my mind")
    trigger(screen, "cancel")
    assert shown(screen, "description") == "Class A1"
    assert not screen.is_dirty


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
