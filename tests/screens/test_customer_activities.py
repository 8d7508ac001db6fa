"""AR303000's Activities tab (issue 11 item 8): tasks, events, e-mails and the other activity
types logged against a customer, each added in its small editor, listed newest first, opened
from its row to edit or delete; the field-naming refusals and the version check of the editors;
two Customers screens on one customer."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.ledger import workstation
from app.models import Activity, ActivityStatus, ActivityType, Employee
from app.models.database import Store
from app.windows.framework.record_dialog import RecordDialog
from app.windows.framework.record_screen import RecordScreen
from app.windows.screens.activities import ACTIVITY_EDITOR, EMAIL, EVENT, TASK
from app.windows.screens.customers import SCREEN as CUSTOMERS
from app.windows.screens.customers import CustomerScreen
from tests.screens.catalogue_walk import missing_elements
from tests.screens.conftest import Answers
from tests.screens.customer_record import Opener, create_customer, set_up
from tests.screens.helpers import choose_option, shown, type_into
from tests.screens.people import grid_of, open_row, rows_shown

GRID = "activities"
# The seed shows them only when the ledger is integrated with the Projects module (PM101000),
# which this product does not have.
LEFT_OUT = ["Activities › Activities › Project", "Activities › Activities › Project task"]


@pytest.fixture(autouse=True)
def company(store: Store) -> None:
    set_up(store)
    with store.transaction() as session:
        session.add(Employee(employee_id="KARI", name="Kari Nordmann", email="kari@nordlys.no"))


def customer_screen(qtbot: QtBot, open_screen: Opener) -> CustomerScreen:
    screen = open_screen("AR303000")
    assert isinstance(screen, CustomerScreen)
    create_customer(qtbot, screen, "Fjordkraft Handel AS")
    grid_of(screen, GRID)  # the Activities tab shown
    return screen


def button(screen: RecordScreen, name: str) -> QPushButton:
    found = screen.findChild(QPushButton, name)
    assert found is not None, name
    return found


def add(qtbot: QtBot, screen: CustomerScreen, name: str, item: str = "") -> RecordDialog:
    """Click one of the tab's Add buttons (``item``: an activity type of Add activity's menu);
    the editor it opened."""
    clicked = button(screen, f"activities_{name}")
    assert clicked.isEnabled()
    if item:
        menu = clicked.menu()
        assert menu is not None
        commands = {command.objectName(): command for command in menu.actions()}
        commands[f"action_{item}"].trigger()
    else:
        qtbot.mouseClick(clicked, Qt.MouseButton.LeftButton)
    return editor_of(qtbot, screen)


def editor_of(qtbot: QtBot, screen: CustomerScreen) -> RecordDialog:
    """The editor the screen opened last, its window active (focus moves, as on a desktop)."""
    dialog = screen.activity_editor
    assert dialog is not None and dialog.isVisible()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def save(qtbot: QtBot, dialog: RecordDialog) -> None:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def saved(qtbot: QtBot, dialog: RecordDialog) -> None:
    save(qtbot, dialog)
    assert not dialog.isVisible(), dialog.message.text()


def summaries(screen: RecordScreen) -> list[str]:
    return [row["summary"] for row in rows_shown(screen, GRID)]


def cells(screen: RecordScreen, row: int) -> dict[str, str]:
    """What a row of the Activities grid shows, by column label."""
    grid = grid_of(screen, GRID)
    return {
        spec.label: grid.model.data(grid.model.index(row, n)) or ""
        for n, spec in enumerate(grid.model.columns)
    }


def stored(store: Store) -> list[Activity]:
    with store.session() as session:
        return list(session.scalars(select(Activity).order_by(Activity.id)))


# -- the tab --------------------------------------------------------------------------------------


def test_the_tab_has_the_seeds_columns_and_buttons_project_columns_left_out() -> None:
    missing = [m for m in missing_elements(CUSTOMERS) if m.startswith("Activities")]
    assert missing == LEFT_OUT
    tab = next(tab for tab in CUSTOMERS.tabs if tab.title == "Activities")
    assert [b.label for b in tab.buttons] == ["Add task", "Add event", "Add email", "Add activity"]
    titles = [tab.title for tab in CUSTOMERS.tabs]
    assert titles.index("Attributes") < titles.index("Activities")
    assert titles.index("Activities") < titles.index("General ledger accounts")


def test_the_editors_arrange_the_activitys_own_fields() -> None:
    from app.ledger.definitions.activity import ACTIVITY

    for editor in (TASK, EVENT, EMAIL, ACTIVITY_EDITOR):
        for spec in editor.fields():
            assert ACTIVITY.field(spec.key) is spec, (editor.id, spec.key)
        assert editor.definition is ACTIVITY


def test_a_new_customer_cannot_log_activities_yet(open_screen: Opener) -> None:
    screen = open_screen("AR303000")
    grid_of(screen, GRID)
    for name in ("add_task", "add_event", "add_email", "add_activity"):
        shown_button = button(screen, f"activities_{name}")
        assert not shown_button.isEnabled(), name
        assert "Save the customer first" in shown_button.toolTip(), name


# -- adding -------------------------------------------------------------------------------------


def test_add_a_task(qtbot: QtBot, open_screen: Opener, store: Store) -> None:
    screen = customer_screen(qtbot, open_screen)
    assert button(screen, "activities_add_task").isEnabled()
    dialog = add(qtbot, screen, "add_task")
    assert dialog.objectName() == "CR306020"
    assert dialog.windowTitle() == "Task (CR306020)"
    assert shown(dialog, "status") == "Open"
    assert shown(dialog, "related_entity_description").endswith("Fjordkraft Handel AS")
    type_into(qtbot, dialog, "summary", "Call about the overdue invoice")
    type_into(qtbot, dialog, "start_date", "2026-11-02 09:15")
    type_into(qtbot, dialog, "due_date", "2026-11-06 16:00")
    type_into(qtbot, dialog, "time_spent", "1:30")
    type_into(qtbot, dialog, "owner", "KARI")
    type_into(qtbot, dialog, "work_group", "Collections")
    saved(qtbot, dialog)

    row = cells(screen, 0)
    assert row["Type"] == "Task"
    assert row["Summary"] == "Call about the overdue invoice"
    assert row["Status"] == "Open"
    assert row["Start date"] == "2026-11-02 09:15"
    assert row["Time spent"] == "1:30"
    assert row["Owner"] == "KARI"
    assert row["Work group"] == "Collections"
    assert row["Created by"] == workstation.user_name()
    assert row["Related entity description"].endswith("Fjordkraft Handel AS")
    assert row["Created at"]
    (activity,) = stored(store)
    assert activity.activity_type == ActivityType.TASK
    assert activity.end_at == datetime(2026, 11, 6, 16, 0)
    assert activity.time_spent == 90
    assert not screen.is_dirty  # a view of other records: nothing unsaved on the customer


def test_add_an_event_an_email_and_activities_of_other_types(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = customer_screen(qtbot, open_screen)
    dialog = add(qtbot, screen, "add_event")
    assert dialog.objectName() == "CR306030"
    type_into(qtbot, dialog, "summary", "Visit at the Bergen office")
    type_into(qtbot, dialog, "start_date", "2026-10-01 10:00")
    type_into(qtbot, dialog, "end_date", "2026-10-01 12:00")
    saved(qtbot, dialog)

    email = add(qtbot, screen, "add_email")
    assert email.objectName() == "CR306015"
    assert "draft" in button(screen, "activities_add_email").toolTip()
    assert "sends no e-mail" in email.save_button.toolTip()
    type_into(qtbot, email, "email_to", "post@fjordkraft.no; kari@fjordkraft.no")
    type_into(qtbot, email, "email_subject", "Your statement for October")
    type_into(qtbot, email, "start_date", "2026-11-03 08:00")
    saved(qtbot, email)

    call = add(qtbot, screen, "add_activity", "phone_call")
    assert call.objectName() == "CR306010"
    assert call.windowTitle().startswith("Phone call")
    assert shown(call, "status") == "Completed"
    type_into(qtbot, call, "summary", "Asked for a copy of invoice 12")
    type_into(qtbot, call, "start_date", "2026-09-15 14:00")
    type_into(qtbot, call, "time_spent", "15")
    saved(qtbot, call)

    note = add(qtbot, screen, "add_activity", "note")
    assert not note.editor("status").isEnabled()  # a note is always Completed
    type_into(qtbot, note, "summary", "Prefers e-mail to letters")
    type_into(qtbot, note, "start_date", "2026-11-04 11:00")
    saved(qtbot, note)

    # Newest start first, each listed as soon as its editor saved.
    assert summaries(screen) == [
        "Prefers e-mail to letters",
        "Your statement for October",
        "Visit at the Bergen office",
        "Asked for a copy of invoice 12",
    ]
    assert [cells(screen, n)["Type"] for n in range(4)] == ["Note", "Email", "Event", "Phone call"]
    assert cells(screen, 3)["Time spent"] == "0:15"
    by_type = {activity.activity_type: activity for activity in stored(store)}
    assert by_type[ActivityType.EMAIL].email_to == "post@fjordkraft.no; kari@fjordkraft.no"
    assert by_type[ActivityType.EMAIL].summary == "Your statement for October"
    assert by_type[ActivityType.NOTE].status == ActivityStatus.COMPLETED
    assert by_type[ActivityType.EVENT].end_at == datetime(2026, 10, 1, 12, 0)


# -- editing and deleting -----------------------------------------------------------------------


def test_a_row_opens_its_activity_to_edit_and_delete(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    screen = customer_screen(qtbot, open_screen)
    dialog = add(qtbot, screen, "add_task")
    type_into(qtbot, dialog, "summary", "Send the price list")
    saved(qtbot, dialog)

    open_row(qtbot, screen, GRID, 0)
    task = editor_of(qtbot, screen)
    assert task is not dialog and task.objectName() == "CR306020"
    assert shown(task, "summary") == "Send the price list"
    assert task.delete_button.isVisible()
    choose_option(qtbot, task, "status", "Completed")
    type_into(qtbot, task, "time_spent", "0:45")
    saved(qtbot, task)
    assert cells(screen, 0)["Status"] == "Completed"
    assert cells(screen, 0)["Time spent"] == "0:45"

    open_row(qtbot, screen, GRID, 0)
    task = editor_of(qtbot, screen)
    qtbot.mouseClick(task.delete_button, Qt.MouseButton.LeftButton)
    assert answers.asked[-1] == "Delete: Delete Task 'Send the price list'?"
    assert not task.isVisible()
    assert rows_shown(screen, GRID) == []
    assert stored(store) == []


def test_closing_an_editor_with_unsaved_changes_asks(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    screen = customer_screen(qtbot, open_screen)
    dialog = add(qtbot, screen, "add_event")
    type_into(qtbot, dialog, "summary", "Trade fair")
    answers.unsaved = answers.unsaved.CANCEL
    dialog.close()
    assert dialog.isVisible()  # kept, with what was typed
    assert answers.asked[-1] == "unsaved: The new event"
    answers.unsaved = answers.unsaved.DISCARD
    dialog.close()
    assert not dialog.isVisible()
    assert stored(store) == []


# -- refusals -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "typed", "said"),
    [
        ("summary", "", "Summary: a value is required."),
        ("due_date", "2026-11-01 08:00", "Due date: cannot be before the start date"),
        ("time_spent", "-0:30", "Time spent: cannot be negative."),
        ("start_date", "2026-02-30 10:00", "Start date: '2026-02-30' is not a date"),
        ("start_date", "2026-11-02 25:00", "Start date: '25:00' is not a time of day"),
    ],
)
def test_a_task_is_refused_naming_the_field_and_the_rule(
    qtbot: QtBot, open_screen: Opener, store: Store, key: str, typed: str, said: str
) -> None:
    screen = customer_screen(qtbot, open_screen)
    dialog = add(qtbot, screen, "add_task")
    type_into(qtbot, dialog, "summary", "Follow up")
    type_into(qtbot, dialog, "start_date", "2026-11-02 09:00")
    type_into(qtbot, dialog, key, typed)
    save(qtbot, dialog)
    assert dialog.isVisible()
    assert said in dialog.message.toolTip() or said in dialog.message_bar._full
    assert stored(store) == []
    assert rows_shown(screen, GRID) == []
    assert dialog.editor(key).property("invalid") or getattr(
        dialog.editor(key), "line_edit", dialog.editor(key)
    ).property("invalid")


def test_an_email_needs_addresses_that_are_addresses(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = customer_screen(qtbot, open_screen)
    email = add(qtbot, screen, "add_email")
    type_into(qtbot, email, "email_subject", "Reminder")
    save(qtbot, email)
    assert "To: an e-mail needs an address to send to." in email.message_bar._full
    type_into(qtbot, email, "email_to", "post@fjordkraft.no; not an address")
    save(qtbot, email)
    assert "To: 'not an address' is not an e-mail address" in email.message_bar._full
    type_into(qtbot, email, "email_to", "post@fjordkraft.no")
    type_into(qtbot, email, "email_subject", "")
    save(qtbot, email)
    assert "Subject: a value is required." in email.message_bar._full
    assert stored(store) == []


# -- two editors, two screens -------------------------------------------------------------------


def test_two_editors_on_one_activity_never_undo_each_others_save(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    screen = customer_screen(qtbot, open_screen)
    dialog = add(qtbot, screen, "add_task")
    type_into(qtbot, dialog, "summary", "Check the credit limit")
    saved(qtbot, dialog)
    open_row(qtbot, screen, GRID, 0)
    first = editor_of(qtbot, screen)
    open_row(qtbot, screen, GRID, 0)
    second = editor_of(qtbot, screen)
    assert first is not second

    first.activateWindow()
    qtbot.waitUntil(first.isActiveWindow)
    type_into(qtbot, first, "summary", "Raise the credit limit")
    saved(qtbot, first)
    second.activateWindow()
    qtbot.waitUntil(second.isActiveWindow)
    type_into(qtbot, second, "summary", "Lower the credit limit")
    answers.no_to.add("Record changed")
    save(qtbot, second)
    assert second.isVisible()
    assert "changed by someone else" in second.message.text()
    assert any(question.startswith("Record changed") for question in answers.asked)
    assert [activity.summary for activity in stored(store)] == ["Raise the credit limit"]
    assert summaries(screen) == ["Raise the credit limit"]

    answers.no_to.clear()  # reload: the other's save is shown, nothing of this one kept
    save(qtbot, second)
    assert shown(second, "summary") == "Raise the credit limit"
    assert not second.record.is_dirty


def test_two_customers_screens_on_one_customer_both_list_a_new_activity(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    first = customer_screen(qtbot, open_screen)
    second = open_screen("AR303000")
    assert isinstance(second, CustomerScreen)
    assert first.record.record_id is not None
    second.open_record(first.record.record_id)
    grid_of(second, GRID)
    dialog = add(qtbot, first, "add_event")
    type_into(qtbot, dialog, "summary", "Annual review")
    saved(qtbot, dialog)
    assert summaries(first) == ["Annual review"]
    assert summaries(second) == ["Annual review"]
    assert not second.is_dirty

    # A customer screen showing another customer is not touched.
    other = open_screen("AR303000")
    assert isinstance(other, CustomerScreen)
    create_customer(qtbot, other, "Havbris AS")
    dialog = add(qtbot, first, "add_activity", "chat")
    type_into(qtbot, dialog, "summary", "Asked about delivery times")
    saved(qtbot, dialog)
    assert rows_shown(other, GRID) == []
    # Both start now: the later one first.
    assert summaries(second) == ["Asked about delivery times", "Annual review"]


def test_the_add_activity_menu_offers_the_activity_types(open_screen: Opener) -> None:
    screen = open_screen("AR303000")
    grid_of(screen, GRID)
    menu = button(screen, "activities_add_activity").menu()
    assert menu is not None
    assert [command.text() for command in menu.actions()] == [
        "Note",
        "Phone call",
        "Meeting",
        "Chat",
        "Work item",
    ]


def test_the_activities_grid_model_passes(
    qtbot: QtBot, open_screen: Opener, qtmodeltester: ModelTester
) -> None:
    screen = customer_screen(qtbot, open_screen)
    for summary in ("Call back", "Send the contract"):
        dialog = add(qtbot, screen, "add_task")
        type_into(qtbot, dialog, "summary", summary)
        type_into(qtbot, dialog, "time_spent", "0:20")
        saved(qtbot, dialog)
    qtmodeltester.check(grid_of(screen, GRID).model, force_py=True)


def test_an_editors_record_model_passes(
    qtbot: QtBot, open_screen: Opener, qtmodeltester: ModelTester
) -> None:
    screen = customer_screen(qtbot, open_screen)
    dialog = add(qtbot, screen, "add_task")
    type_into(qtbot, dialog, "summary", "Call back")
    type_into(qtbot, dialog, "time_spent", "0:20")
    qtmodeltester.check(dialog.record, force_py=True)


def test_an_editors_unsaved_input_is_asked_about_before_the_screen_moves_on(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    screen = customer_screen(qtbot, open_screen)
    dialog = add(qtbot, screen, "add_task")
    type_into(qtbot, dialog, "summary", "Renew the agreement")
    answers.unsaved = answers.unsaved.CANCEL
    assert not screen.confirm_close()  # kept: the screen stays
    assert dialog.isVisible() and shown(dialog, "summary") == "Renew the agreement"
    answers.unsaved = answers.unsaved.SAVE
    assert screen.confirm_close()
    assert not dialog.isVisible()
    assert [activity.summary for activity in stored(store)] == ["Renew the agreement"]

    other = add(qtbot, screen, "add_event")
    type_into(qtbot, other, "summary", "Lunch")
    answers.unsaved = answers.unsaved.DISCARD
    assert screen.confirm_close()
    assert not other.isVisible()
    assert len(stored(store)) == 1


def test_an_unexpected_failure_keeps_what_was_typed_and_logs_no_customer_data(
    qtbot: QtBot,
    open_screen: Opener,
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    screen = customer_screen(qtbot, open_screen)
    dialog = add(qtbot, screen, "add_task")
    type_into(qtbot, dialog, "summary", "Ring Fjordkraft's CFO")

    def broken(*_args: object, **_kwargs: object) -> int:
        raise RuntimeError("disk I/O error")

    monkeypatch.setattr(dialog.service, "save", broken)
    save(qtbot, dialog)
    assert dialog.isVisible() and shown(dialog, "summary") == "Ring Fjordkraft's CFO"
    assert "was not saved" in dialog.message.text()
    assert "Nothing was saved" in dialog.message_bar._full
    assert "activity (new) was not saved" in caplog.text
    assert "Fjordkraft" not in caplog.text
    assert stored(store) == []


def test_a_menu_button_declares_commands_not_a_handler_of_its_own() -> None:
    from app.windows.framework.spec import Action

    item = Action("Note", lambda _screen: None)
    with pytest.raises(ValueError, match="opens a menu"):
        Action("Add activity", lambda _screen: None, items=(item,))
    assert Action("Add activity", items=(item,)).items == (item,)
