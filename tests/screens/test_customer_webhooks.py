"""AR303000's Webhook notifications tab through the widgets: shown once the customer's Webhook
notification box is saved, the change log newest first, Resend notification and View
notification feedback (issue 11 item 10)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPlainTextEdit, QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.ledger import webhooks
from app.ledger.documents.entry import DocumentService
from app.models import CustomerEvent, DocumentType, EventType
from app.models.database import Store
from app.windows.framework.grid import GridEditor
from app.windows.framework.record_screen import RecordScreen
from app.windows.screens.webhook_feedback import FeedbackWindow
from tests.ledger.documents import enter
from tests.screens.customer_record import Opener, create_customer, set_up
from tests.screens.helpers import click_check, trigger, type_into

TAB = "tab_webhook_notifications"
COLUMNS = ["Success", "Event", "Status", "Source", "Document status", "User", "Date", "Message"]


def tab_shown(screen: RecordScreen) -> bool:
    tabs = screen.form.tabs
    index = next(i for i in range(tabs.count()) if tabs.widget(i).objectName() == TAB)
    return tabs.isTabVisible(index)


def show_tab(screen: RecordScreen) -> GridEditor:
    assert tab_shown(screen)
    screen.form.tabs.setCurrentIndex(screen.form.tab_of[webhooks.EVENTS])
    grid = screen.editor(webhooks.EVENTS)
    assert isinstance(grid, GridEditor) and grid.isVisible()
    return grid


def table(grid: GridEditor) -> list[dict[str, Any]]:
    """The rows as shown, by column title."""
    model = grid.model
    titles = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return [
        {title: model.index(r, c).data() for c, title in enumerate(titles)}
        for r in range(model.rowCount())
    ]


def button(screen: RecordScreen, name: str) -> QPushButton:
    found = screen.findChild(QPushButton, f"webhook_notifications_{name}")
    assert found is not None
    return found


def notified_customer(qtbot: QtBot, screen: RecordScreen, name: str) -> str:
    """Add new, type the name, select Webhook notification, save."""
    trigger(screen, "add_new")
    type_into(qtbot, screen, "customer_name", name)
    click_check(qtbot, screen, "webhook_notification")
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()
    return str(screen.record.value("customer_no"))


def logged(store: Store) -> list[CustomerEvent]:
    with store.session() as session:
        return list(session.scalars(select(CustomerEvent).order_by(CustomerEvent.id)))


def test_the_tab_appears_only_once_the_box_is_saved(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up(store)
    screen = open_screen("AR303000")
    assert not tab_shown(screen)  # a new customer
    create_customer(qtbot, screen, "Quiet AS")
    assert not tab_shown(screen) and logged(store) == []  # saved without the box: no log
    click_check(qtbot, screen, "webhook_notification")
    assert not tab_shown(screen)  # selected, not saved yet
    trigger(screen, "save")
    grid = show_tab(screen)
    assert [grid.model.headerData(c, Qt.Orientation.Horizontal) for c in range(8)] == COLUMNS
    [row] = table(grid)
    assert row["Event"] == "Entity updated"
    assert (row["Status"], row["Source"], row["Success"]) == ("Available", "APIs", "")
    assert row["User"] == webhooks.current_user()
    assert row["Message"] == logged(store)[0].message_id
    assert row["Date"].startswith(str(date.today().year))
    # Cleared again but unsaved: still shown; saved: hidden.
    click_check(qtbot, screen, "webhook_notification")
    assert tab_shown(screen)
    trigger(screen, "save")
    assert not tab_shown(screen)


def test_create_update_and_delete_are_logged_newest_first(
    qtbot: QtBot, open_screen: Opener, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_up(store)
    screen = open_screen("AR303000")
    number = notified_customer(qtbot, screen, "Fjordkraft Handel AS")
    assert [row["Event"] for row in table(show_tab(screen))] == ["Entity created"]
    type_into(qtbot, screen, "customer_name", "Fjordkraft AS")
    type_into(qtbot, screen, "statement_cycle_id", "MID")
    trigger(screen, "save")
    grid = show_tab(screen)  # read again after the save
    assert [row["Event"] for row in table(grid)] == ["Entity updated", "Entity created"]
    # What changed, in the feedback window of the newest event.
    shown: list[QDialog] = []
    monkeypatch.setattr(screen, "show_dialog", shown.append)
    grid.view.selectRow(0)
    button(screen, "view_notification_feedback").click()
    [window] = shown
    assert isinstance(window, FeedbackWindow)
    changes = window.findChild(QPlainTextEdit, "feedback_changes")
    assert changes is not None
    assert changes.toPlainText().splitlines() == [
        "Customer name: Fjordkraft Handel AS → Fjordkraft AS",
        "Statement cycle ID: EOM → MID",  # a lookup by the code a user types
    ]
    trigger(screen, "delete")
    assert screen.message.text() == "Deleted."
    kept = logged(store)
    assert [e.event for e in kept] == [
        EventType.ENTITY_CREATED,
        EventType.ENTITY_UPDATED,
        EventType.ENTITY_DELETED,
    ]
    assert {e.customer_no for e in kept} == {number}


def test_a_refused_save_logs_nothing(qtbot: QtBot, open_screen: Opener, store: Store) -> None:
    set_up(store)
    screen = open_screen("AR303000")
    notified_customer(qtbot, screen, "Fjordkraft Handel AS")
    type_into(qtbot, screen, "customer_name", "Fjordkraft AS")
    type_into(qtbot, screen, "main_contact_email", "post@nordlys")
    trigger(screen, "save")
    assert "Main contact, Email: " in screen.message.text()
    assert screen.is_dirty  # the edits stay on screen, nothing was stored
    assert [e.event for e in logged(store)] == [EventType.ENTITY_CREATED]
    assert len(table(show_tab(screen))) == 1


def test_resend_marks_the_selected_notification_and_the_feedback_says_none_came(
    qtbot: QtBot,
    open_screen: Opener,
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
    qtmodeltester: ModelTester,
) -> None:
    set_up(store)
    screen = open_screen("AR303000")
    notified_customer(qtbot, screen, "Fjordkraft Handel AS")
    grid = show_tab(screen)
    qtmodeltester.check(grid.model, force_py=True)
    assert not grid.add_button.isVisible()  # read-only: nothing to add, delete or edit
    button(screen, "resend_notification").click()  # nothing selected: said, nothing done
    assert "Select a notification" in screen.message.text()
    grid.view.selectRow(0)
    button(screen, "resend_notification").click()
    assert "marked to be sent again" in screen.message.text()
    [row] = table(grid)
    assert (row["Status"], row["Source"]) == ("Resent", "Visma Net")
    [event] = logged(store)
    assert event.resend_count == 1 and event.resent_at is not None
    assert not screen.is_dirty  # the log is no unsaved change of the customer
    qtmodeltester.check(grid.model, force_py=True)
    shown: list[QDialog] = []
    monkeypatch.setattr(screen, "show_dialog", shown.append)
    button(screen, "view_notification_feedback").click()
    [window] = shown
    text = window.findChild(QPlainTextEdit, "feedback_text")
    assert text is not None and text.isReadOnly()
    assert text.toPlainText() == webhooks.NO_FEEDBACK
    assert "offline" in text.toPlainText()
    # An integrator's answer, stored with the event, is what the window shows then.
    with store.transaction() as session:
        webhooks.mark_consumed(session, event.message_id, feedback="Received by CRM")
    button(screen, "view_notification_feedback").click()
    text = shown[-1].findChild(QPlainTextEdit, "feedback_text")
    assert text is not None and text.toPlainText().endswith("Received by CRM")
    # Opening the row (Enter, a double-click) shows the same window.
    grid.view.setFocus()
    qtbot.keyClick(grid.view, Qt.Key.Key_Return)
    assert len(shown) == 3 and isinstance(shown[-1], FeedbackWindow)


def test_a_second_screen_sees_new_events_after_reload_and_document_releases_show(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up(store)
    first = open_screen("AR303000")
    number = notified_customer(qtbot, first, "Fjordkraft Handel AS")
    customer_id = first.record.record_id
    assert customer_id is not None
    second = open_screen("AR303000")
    second.load_record(customer_id)
    assert len(table(show_tab(second))) == 1
    type_into(qtbot, first, "customer_name", "Fjordkraft AS")
    trigger(first, "save")
    documents = DocumentService(store)
    invoice = enter(documents, customer_id, DocumentType.INVOICE, "100.00", hold=False)
    documents.release(invoice)
    trigger(second, "cancel")  # nothing unsaved: read again
    rows = table(show_tab(second))
    assert [row["Event"] for row in rows] == [
        "Document status changed",
        "Entity updated",
        "Entity created",
    ]
    assert rows[0]["Document status"].endswith(": Open")
    assert rows[0]["Document status"].startswith("Invoice ")
    assert number


def test_a_location_added_and_deleted_on_its_own_window_shows_in_the_customers_log(
    qtbot: QtBot, open_screen: Opener, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_up(store)
    customers = open_screen("AR303000")
    number = notified_customer(qtbot, customers, "Fjordkraft Handel AS")
    assert len(table(show_tab(customers))) == 1
    customers.form.tabs.setCurrentIndex(0)

    locations = open_screen("CR303010")
    type_into(qtbot, locations, "customer", number)
    trigger(locations, "add_new")
    type_into(qtbot, locations, "location_id", "OSLO")
    type_into(qtbot, locations, "location_name", "Oslo warehouse")
    trigger(locations, "save")
    assert locations.message.text() == "Saved.", locations.message.text()
    trigger(locations, "delete")
    assert locations.message.text() == "Deleted.", locations.message.text()

    grid = show_tab(customers)  # the tab shown again reads the log again
    rows = table(grid)
    assert [row["Event"] for row in rows] == ["Entity updated", "Entity updated", "Entity created"]
    shown: list[QDialog] = []
    monkeypatch.setattr(customers, "show_dialog", shown.append)
    grid.view.selectRow(0)
    button(customers, "view_notification_feedback").click()
    [window] = shown
    changes = window.findChild(QPlainTextEdit, "feedback_changes")
    assert changes is not None
    lines = changes.toPlainText().splitlines()
    assert "Location OSLO (deleted), Location ID: OSLO → empty" in lines
    assert "Location OSLO (deleted), Location name: Oslo warehouse → empty" in lines
