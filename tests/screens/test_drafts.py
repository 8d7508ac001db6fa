"""Drafts (issue 18 item 3): unsaved input is kept outside the ledger every few seconds; after a
crash the next start offers it back into its screen; nothing is saved without Save; the draft
goes once saved or discarded. The small editors a screen opened (an activity's Task window) take
part: drafted with their screen, offered back with it, and asked about when the app quits."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.ledger.activities import ActivityService
from app.ledger.customers import CustomerService
from app.ledger.records import InvalidInput
from app.ledger.setup import set_up_company
from app.models import Activity, Customer
from app.models.database import Store
from app.models.options import CreditVerification
from app.windows import errors
from app.windows.drafts import Draft, Drafts, decode, encode
from app.windows.framework.dialogs import Unsaved
from app.windows.framework.record_dialog import RecordDialog
from app.windows.framework.record_screen import RecordScreen
from app.windows.main_window import MainWindow
from tests.screens.conftest import Answers
from tests.screens.helpers import shown, trigger, type_into
from tests.screens.people import grid_of, open_row, rows_shown

MakeWindow = Callable[[], MainWindow]


@pytest.fixture
def make_window(
    qtbot: QtBot, store: Store, tmp_path: Path, answers: Answers, monkeypatch: pytest.MonkeyPatch
) -> Iterator[MakeWindow]:
    set_up_company(store, base_currency="NOK", country="NO", language="nb-NO")
    # The offer is made to someone at the desk; offscreen counts as unattended otherwise.
    monkeypatch.setattr(errors, "is_unattended", lambda _app: False)
    windows: list[MainWindow] = []

    def make() -> MainWindow:
        settings = QSettings(str(tmp_path / f"s{len(windows)}.ini"), QSettings.Format.IniFormat)
        window = MainWindow(store, settings=settings, backup_dir=tmp_path / "backups")
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    answers.unsaved = Unsaved.DISCARD  # teardown closes the windows without keeping anything


def customers_screen(window: MainWindow) -> RecordScreen:
    screen = window.open_screen("AR303000")
    assert isinstance(screen, RecordScreen)
    return screen


def crash(qtbot: QtBot, window: MainWindow) -> None:
    """The window is gone without closing (a crash): its drafts stay as last written."""
    window._draft_timer.stop()
    window.hide()


def test_values_keep_their_types_in_a_draft() -> None:
    values = {
        "name": "Smith & <Sons>",
        "limit": Decimal("1500.00"),
        "since": date(2026, 11, 30),
        "rule": CreditVerification.CREDIT_LIMIT,
        "typed": InvalidInput("1,500", "use a point"),
        "rows": [{"id": None, "amount": Decimal("0.10"), "ok": True}],
        "none": None,
    }
    assert {key: decode(encode(value)) for key, value in values.items()} == values


def test_unsaved_input_is_offered_back_after_a_crash_and_saved_only_by_save(
    qtbot: QtBot, make_window: MakeWindow, store: Store, answers: Answers
) -> None:
    window = make_window()
    screen = customers_screen(window)
    trigger(screen, "add_new")
    type_into(qtbot, screen, "customer_name", "Fjord Fisk AS")
    type_into(qtbot, screen, "main_address_city", "Bergen")
    window.keep_drafts()  # what the timer does every few seconds
    assert window.drafts is not None
    (draft,) = window.drafts.pending()
    assert draft.screen_id == "AR303000" and draft.record_id is None
    assert draft.changes["customer_name"] == "Fjord Fisk AS"
    crash(qtbot, window)

    answers.asked.clear()
    again = make_window()  # the next start
    qtbot.waitUntil(lambda: any("Restore unsaved input" in q for q in answers.asked))
    restored = again.screen("AR303000")
    assert isinstance(restored, RecordScreen)
    assert shown(restored, "customer_name") == "Fjord Fisk AS"
    assert shown(restored, "main_address_city") == "Bergen"
    assert restored.is_dirty and "Unsaved input restored" in restored.message.text()
    with store.session() as session:
        assert session.scalars(select(Customer)).all() == []  # nothing saved by the restore

    trigger(restored, "save")
    assert restored.message.text() == "Saved.", restored.message.text()
    again.keep_drafts()
    assert again.drafts is not None and again.drafts.pending() == []


def test_a_draft_of_a_saved_customer_changes_only_what_was_typed(
    qtbot: QtBot, make_window: MakeWindow, store: Store
) -> None:
    service = CustomerService(store)
    customer_id = service.save(None, service.new_values() | {"customer_name": "Nordlys AS"})
    window = make_window()
    screen = customers_screen(window)
    screen.load_record(customer_id)
    type_into(qtbot, screen, "customer_name", "Nordlys Handel AS")
    window.keep_drafts()
    crash(qtbot, window)

    # Meanwhile another screen saved the city of the same customer.
    loaded = service.load(customer_id)
    service.save(customer_id, loaded | {"main_address_city": "Tromsø"}, loaded["version"], loaded)

    again = make_window()
    qtbot.waitUntil(lambda: again.screen("AR303000") is not None)
    restored = again.screen("AR303000")
    assert isinstance(restored, RecordScreen)
    assert restored.is_dirty
    assert shown(restored, "customer_name") == "Nordlys Handel AS"
    assert shown(restored, "main_address_city") == "Tromsø"  # the other save is kept
    assert "saved elsewhere since" in restored.message.text()
    trigger(restored, "save")
    assert restored.message.text() == "Saved.", restored.message.text()
    saved = service.load(customer_id)
    assert (saved["customer_name"], saved["main_address_city"]) == ("Nordlys Handel AS", "Tromsø")


def test_a_draft_declined_is_deleted_and_a_discarded_one_never_kept(
    qtbot: QtBot, make_window: MakeWindow, answers: Answers
) -> None:
    window = make_window()
    screen = customers_screen(window)
    trigger(screen, "add_new")
    type_into(qtbot, screen, "customer_name", "Vestland Bygg AS")
    window.keep_drafts()
    crash(qtbot, window)

    answers.no_to.add("Restore unsaved input")
    again = make_window()
    qtbot.waitUntil(lambda: any("Restore unsaved input" in q for q in answers.asked))
    assert again.drafts is not None and again.drafts.pending() == []
    assert again.screen("AR303000") is None

    # Input discarded on closing the screen leaves no draft behind.
    answers.no_to.clear()
    screen = customers_screen(again)
    type_into(qtbot, screen, "customer_name", "Kept for a moment AS")
    again.keep_drafts()
    assert len(again.drafts.pending()) == 1
    answers.unsaved = Unsaved.DISCARD
    assert again.close_screen("AR303000")
    assert again.drafts.pending() == []


def test_a_terminated_app_keeps_its_unsaved_input_as_drafts(
    qtbot: QtBot, make_window: MakeWindow
) -> None:
    window = make_window()
    screen = customers_screen(window)
    trigger(screen, "add_new")
    type_into(qtbot, screen, "customer_name", "Typed just before SIGTERM AS")
    window.quit_without_prompts()  # no timer tick needed
    assert window.drafts is not None
    (draft,) = window.drafts.pending()
    assert draft.changes["customer_name"] == "Typed just before SIGTERM AS"


def test_an_unreadable_draft_is_set_aside(tmp_path: Path) -> None:
    drafts = Drafts(tmp_path / "drafts")
    drafts.keep(
        Draft("AR303000", None, None, "", {"customer_name": "A"}, datetime(2026, 11, 30), "new")
    )
    (tmp_path / "drafts" / "AR201000.json").write_text("{not json", encoding="utf-8")
    assert [draft.screen_id for draft in drafts.pending()] == ["AR303000"]
    assert (tmp_path / "drafts" / "AR201000.unreadable").exists()


# -- the small editors a screen opened (an activity's Task window) -------------------------------


def task_typed_in(qtbot: QtBot, window: MainWindow, store: Store) -> RecordDialog:
    """A saved customer on AR303000, Add task clicked on its Activities tab, a summary typed."""
    service = CustomerService(store)
    customer_id = service.save(None, service.new_values() | {"customer_name": "Nordlys AS"})
    screen = customers_screen(window)
    screen.load_record(customer_id)
    grid_of(screen, "activities")  # the tab shown, as a click on it does
    add_task = screen.findChild(QPushButton, "activities_add_task")
    assert add_task is not None and add_task.isEnabled()
    qtbot.mouseClick(add_task, Qt.MouseButton.LeftButton)
    (task,) = screen.editors_open()
    assert task.objectName() == "CR306020"
    type_into(qtbot, task, "summary", "Call about the overdue invoice")
    type_into(qtbot, task, "body", "Ask for the reminder fee to be paid too.")
    return task


def activities(store: Store) -> list[str]:
    with store.session() as session:
        return [activity.summary for activity in session.scalars(select(Activity))]


def test_quitting_asks_about_a_task_typed_in_as_about_a_screen(
    qtbot: QtBot, make_window: MakeWindow, store: Store, answers: Answers
) -> None:
    window = make_window()
    task = task_typed_in(qtbot, window, store)
    answers.asked.clear()
    answers.unsaved = Unsaved.CANCEL
    assert not window.close()  # Cancel: the app stays, the task with what was typed
    assert answers.asked == ["unsaved: The new task"]
    assert window.isVisible() and task.isVisible()
    assert shown(task, "summary") == "Call about the overdue invoice"

    answers.unsaved = Unsaved.SAVE
    assert window.close()
    assert activities(store) == ["Call about the overdue invoice"]
    assert window.drafts is not None and window.drafts.pending() == []


def test_quitting_can_discard_a_task_typed_in(
    qtbot: QtBot, make_window: MakeWindow, store: Store, answers: Answers
) -> None:
    window = make_window()
    task_typed_in(qtbot, window, store)
    answers.unsaved = Unsaved.DISCARD
    assert window.close()
    assert activities(store) == []
    assert window.drafts is not None and window.drafts.pending() == []


def test_a_task_typed_in_is_offered_back_after_a_crash(
    qtbot: QtBot, make_window: MakeWindow, store: Store, answers: Answers
) -> None:
    window = make_window()
    task_typed_in(qtbot, window, store)
    window.keep_drafts()  # what the timer does every few seconds
    assert window.drafts is not None
    (draft,) = window.drafts.pending()
    assert draft.screen_id == "AR303000" and draft.changes == {}  # the customer is unchanged
    (kept,) = draft.editors
    assert kept.screen_id == "CR306020" and kept.record_id is None
    assert kept.changes["summary"] == "Call about the overdue invoice"
    crash(qtbot, window)

    answers.asked.clear()
    again = make_window()  # the next start
    qtbot.waitUntil(lambda: any("Restore unsaved input" in q for q in answers.asked))
    offer = next(q for q in answers.asked if "Restore unsaved input" in q)
    assert "Customer" in offer and "The new task" in offer
    screen = again.screen("AR303000")
    assert isinstance(screen, RecordScreen)
    assert shown(screen, "customer_name") == "Nordlys AS"  # the task's customer shown
    assert not screen.is_dirty
    assert screen.message.text() == "Unsaved input of the new task restored in its window."
    (task,) = screen.editors_open()
    assert task.objectName() == "CR306020" and task.isVisible()
    assert shown(task, "summary") == "Call about the overdue invoice"
    assert shown(task, "body") == "Ask for the reminder fee to be paid too."
    assert task.record.is_dirty and "Unsaved input restored" in task.message.text()
    assert activities(store) == []  # nothing saved by the restore

    qtbot.mouseClick(task.save_button, Qt.MouseButton.LeftButton)
    assert not task.isVisible(), task.message.text()
    assert activities(store) == ["Call about the overdue invoice"]
    assert [row["summary"] for row in rows_shown(screen, "activities")] == [
        "Call about the overdue invoice"
    ]
    again.keep_drafts()
    assert again.drafts is not None and again.drafts.pending() == []


def test_an_edited_activity_comes_back_over_what_was_saved_since(
    qtbot: QtBot, make_window: MakeWindow, store: Store, answers: Answers
) -> None:
    window = make_window()
    task = task_typed_in(qtbot, window, store)
    qtbot.mouseClick(task.save_button, Qt.MouseButton.LeftButton)
    screen = customers_screen(window)
    open_row(qtbot, screen, "activities", 0)
    (task,) = screen.editors_open()
    type_into(qtbot, task, "summary", "Call about both overdue invoices")
    window.keep_drafts()
    crash(qtbot, window)

    # Meanwhile another editor saved the details of the same task.
    service = ActivityService(store)
    (activity_id,) = [row["id"] for row in rows_shown(screen, "activities")]
    loaded = service.load(activity_id)
    service.save(activity_id, loaded | {"body": "Paid in part."}, loaded["version"], loaded)

    again = make_window()
    qtbot.waitUntil(lambda: again.screen("AR303000") is not None)
    restored = again.screen("AR303000")
    assert isinstance(restored, RecordScreen)
    qtbot.waitUntil(lambda: len(restored.editors_open()) == 1)
    (task,) = restored.editors_open()
    assert shown(task, "summary") == "Call about both overdue invoices"
    assert shown(task, "body") == "Paid in part."  # the other save is kept
    assert "saved elsewhere since" in task.message.text()
    qtbot.mouseClick(task.save_button, Qt.MouseButton.LeftButton)
    assert not task.isVisible(), task.message.text()
    saved = service.load(activity_id)
    assert saved["summary"] == "Call about both overdue invoices"
    assert saved["body"] == "Paid in part."


def test_an_activity_deleted_since_the_crash_comes_back_as_a_new_one_holding_the_typing(
    qtbot: QtBot, make_window: MakeWindow, store: Store, answers: Answers
) -> None:
    window = make_window()
    task = task_typed_in(qtbot, window, store)
    qtbot.mouseClick(task.save_button, Qt.MouseButton.LeftButton)
    screen = customers_screen(window)
    open_row(qtbot, screen, "activities", 0)
    (task,) = screen.editors_open()
    type_into(qtbot, task, "summary", "Call about both overdue invoices")
    window.keep_drafts()
    crash(qtbot, window)
    (activity_id,) = [row["id"] for row in rows_shown(screen, "activities")]
    ActivityService(store).delete(activity_id)  # meanwhile, on another workstation

    again = make_window()
    qtbot.waitUntil(lambda: again.screen("AR303000") is not None)
    restored = again.screen("AR303000")
    assert isinstance(restored, RecordScreen)
    qtbot.waitUntil(lambda: len(restored.editors_open()) == 1)
    (task,) = restored.editors_open()
    assert task.record.is_new
    # What was typed comes back (as on a record screen: the changes, not what was deleted).
    assert shown(task, "summary") == "Call about both overdue invoices"
    assert "deleted since: saving stores it again" in task.message.text()
    qtbot.mouseClick(task.save_button, Qt.MouseButton.LeftButton)
    assert not task.isVisible(), task.message.text()
    assert activities(store) == ["Call about both overdue invoices"]
