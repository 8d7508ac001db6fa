"""A record deleted meanwhile by another screen: opening its list row, browsing onto it, typing
its key or cancelling back to it says so (and refreshes the list) instead of raising."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.ledger.records import Direction
from app.models import CustomerClass
from app.models.database import Store
from app.windows.framework.dialogs import Unsaved
from app.windows.framework.listwindow import ListWindow
from app.windows.framework.record_screen import RecordScreen
from tests.screens.conftest import Answers
from tests.screens.helpers import activate, shown, trigger, type_into

Opener = Callable[[str], RecordScreen]
GONE = "The customer class no longer exists; the list was refreshed."


def seed_classes(store: Store, *codes: str) -> None:
    with store.transaction() as session:
        session.add_all(CustomerClass(class_id=code, description=f"Class {code}") for code in codes)


def class_id(store: Store, code: str) -> int:
    with store.session() as session:
        found = session.scalar(select(CustomerClass.id).where(CustomerClass.class_id == code))
    assert found is not None
    return found


def delete_on_another_screen(qtbot: QtBot, open_screen: Opener, code: str) -> None:
    """Another AR201000 open at the same time deletes the class, as a user would there."""
    other = open_screen("AR201000")
    type_into(qtbot, other, "class_id", code)
    assert shown(other, "class_id") == code and not other.record.is_new
    trigger(other, "delete")
    assert other.message.text() == "Deleted.", other.message.text()


def listed(window: ListWindow) -> list[str]:
    model = window.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_opening_a_list_row_whose_record_was_deleted_says_so_and_refreshes_the_list(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    seed_classes(store, "A", "B", "C")
    screen = open_screen("AR201000")
    trigger(screen, "first")
    trigger(screen, "list_window")
    window = screen.list_window
    assert isinstance(window, ListWindow) and window.objectName() == "list_AR201000"
    assert listed(window) == ["A", "B", "C"]

    delete_on_another_screen(qtbot, open_screen, "B")
    activate(screen)
    window.table.setFocus()
    window.table.setCurrentIndex(window.model.index(1, 0))
    qtbot.keyClick(window.table, Qt.Key.Key_Return)  # open row B

    assert screen.message.text() == GONE
    assert screen.message.property("error") is True
    assert window.isVisible()  # still in the list, which no longer has B
    assert listed(window) == ["A", "C"]
    assert shown(screen, "class_id") == "A" and not screen.is_dirty  # the record as it was

    window.table.setCurrentIndex(window.model.index(1, 0))
    qtbot.keyClick(window.table, Qt.Key.Key_Return)  # a row that is there opens as before
    assert not window.isVisible()
    assert shown(screen, "class_id") == "C"


def test_browsing_onto_a_record_deleted_meanwhile_says_so(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    seed_classes(store, "A", "B")
    screen = open_screen("AR201000")
    trigger(screen, "first")
    service = screen.service
    found = service.neighbour

    def found_then_deleted(direction: Direction, current: object) -> int | None:
        # Another screen deletes the record between finding it and showing it.
        target = found(direction, current)  # type: ignore[arg-type]
        if target is not None:
            service.delete(target)
        return target

    screen.service.neighbour = found_then_deleted  # type: ignore[method-assign]
    trigger(screen, "next")
    assert screen.message.text() == "The customer class no longer exists."
    assert shown(screen, "class_id") == "A"


def test_typing_the_key_of_a_record_deleted_meanwhile_says_so(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    seed_classes(store, "A")
    screen = open_screen("AR201000")
    gone = class_id(store, "A")
    with store.transaction() as session:
        session.execute(CustomerClass.__table__.delete())
    screen.service.find = lambda _values: gone  # type: ignore[method-assign]
    type_into(qtbot, screen, "class_id", "A")
    assert screen.message.text() == "The customer class no longer exists."
    assert screen.record.is_new and shown(screen, "class_id") == "A"  # what was typed stays


def test_cancel_on_a_record_deleted_meanwhile_says_so(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    seed_classes(store, "A")
    screen = open_screen("AR201000")
    trigger(screen, "first")
    trigger(screen, "list_window")
    trigger(screen, "list_window")  # back to the record; the list window stays made
    type_into(qtbot, screen, "description", "Mine")
    delete_on_another_screen(qtbot, open_screen, "A")
    activate(screen)
    answers.unsaved = Unsaved.DISCARD  # Cancel asks first; discarded here
    trigger(screen, "cancel")
    assert screen.message.text() == GONE
    assert screen.record.is_new
    assert isinstance(screen.list_window, ListWindow) and listed(screen.list_window) == []
