"""The flows every configuration screen must pass, driven by a table of what a user types.

Each test module under tests/screens/configuration declares its CASES and runs these flows:
create, edit and delete; delete refused while in use; duplicate and malformed codes refused."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import CustomerClass
from app.models.database import Store
from app.windows.framework.listwindow import ListWindow
from app.windows.framework.record_screen import RecordScreen
from tests.screens.conftest import Answers
from tests.screens.helpers import shown, trigger, type_into

Opener = Callable[[str], RecordScreen]


@dataclass(frozen=True)
class Case:
    """What a user types to create a record, what to change, and how the ledger uses one."""

    screen_id: str
    model: type[Any]
    typed: dict[str, str]  # field key → text, in order; the first is the code
    changed: tuple[str, str]  # field key, new text
    use: Callable[[Session, int], None] | None  # adds a record that refers to it
    used_by: str = ""  # how the refusal names that use
    prepare: Callable[[Session], None] = field(default=lambda _session: None)


def class_using(attr: str) -> Callable[[Session, int], None]:
    def use(session: Session, record_id: int) -> None:
        session.add(CustomerClass(class_id="USES", description="Uses it", **{attr: record_id}))

    return use


def create_edit_and_delete(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers, case: Case
) -> None:
    with store.transaction() as session:
        case.prepare(session)
    screen = open_screen(case.screen_id)
    for key, text in case.typed.items():
        type_into(qtbot, screen, key, text)
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()

    key, text = case.changed
    type_into(qtbot, screen, key, text)
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()
    assert shown(screen, key).replace(",", ".").startswith(text.replace(",", "."))
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(case.model)) == 1

    trigger(screen, "delete")
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(case.model)) == 0


def record_in_use_cannot_be_deleted(
    qtbot: QtBot, open_screen: Opener, store: Store, case: Case
) -> None:
    if case.use is None:
        pytest.fail(f"{case.screen_id} has no use declared")
    with store.transaction() as session:
        case.prepare(session)
    screen = open_screen(case.screen_id)
    for key, text in case.typed.items():
        type_into(qtbot, screen, key, text)
    trigger(screen, "save")
    record_id = screen.record.record_id
    assert record_id is not None
    with store.transaction() as session:
        case.use(session, record_id)
    trigger(screen, "delete")
    assert "cannot be deleted: it is used by" in screen.message.text()
    assert case.used_by in screen.message.text()
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(case.model)) == 1


def duplicate_or_malformed_code_is_refused(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers, case: Case
) -> None:
    with store.transaction() as session:
        case.prepare(session)
    screen = open_screen(case.screen_id)
    code_key = next(iter(case.typed))
    for key, text in case.typed.items():
        type_into(qtbot, screen, key, text)
    trigger(screen, "save")
    trigger(screen, "add_new")
    for key, text in case.typed.items():
        if key != code_key:
            type_into(qtbot, screen, key, text)
    type_into(qtbot, screen, code_key, "BAD CODE!")
    trigger(screen, "save")
    label = screen.fields[code_key].label
    assert f"{label}: " in screen.message.text()

    # The existing code again: the screen offers to open that record; the user declines.
    type_into(qtbot, screen, code_key, case.typed[code_key])
    assert answers.asked and answers.asked[-1].startswith("unsaved:")
    trigger(screen, "save")
    assert f"'{case.typed[code_key]}' is already used by another" in screen.message.text()
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(case.model)) == 1


def list_window_lists_the_saved_record(
    qtbot: QtBot, open_screen: Opener, store: Store, case: Case
) -> None:
    with store.transaction() as session:
        case.prepare(session)
    screen = open_screen(case.screen_id)
    for key, text in case.typed.items():
        type_into(qtbot, screen, key, text)
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()
    trigger(screen, "list_window")
    window = screen.list_window
    assert isinstance(window, ListWindow)
    assert window.objectName() == f"list_{case.screen_id}"
    code_key, code = next(iter(case.typed.items()))
    # The code is the list's first column, under the code field's label.
    assert screen.spec.list_columns[0].title == screen.fields[code_key].label
    model = window.model
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == code


def saved_or_refused(screen: RecordScreen) -> str:
    """Click Save; what the screen says."""
    trigger(screen, "save")
    return screen.message.text()


def new_record(qtbot: QtBot, screen: RecordScreen, typed: dict[str, str]) -> None:
    for key, text in typed.items():
        type_into(qtbot, screen, key, text)


def out_of_range_is_refused(
    qtbot: QtBot,
    open_screen: Opener,
    store: Store,
    screen_id: str,
    typed: dict[str, str],
    wrong: tuple[str, str],
    message: str,
) -> None:
    """A number out of its range is refused with the field named, and nothing is saved."""
    screen = open_screen(screen_id)
    new_record(qtbot, screen, typed)
    key, text = wrong
    type_into(qtbot, screen, key, text)
    assert f"• {message}" in saved_or_refused(screen)
    with store.session() as session:
        assert session.scalars(select(screen.spec.model)).first() is None
