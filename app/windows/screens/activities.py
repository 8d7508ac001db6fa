"""The activity editors AR303000's Activities tab opens: Task (CR306020), Event (CR306030), Send
(CR306015) and Activity (CR306010), each a small dialog arranging the activity's definition
(app/ledger/definitions/activity.py), and how a customer screen opens them.

Every open Customers screen hears when an editor saved or deleted an activity of the customer it
shows (``activity_changes``), so its Activities list is never out of date.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from app.ledger.activities import (
    ACTIVITY_TYPE,
    CUSTOMER,
    DUE,
    EMAIL_SUBJECT,
    EMAIL_TO,
    END,
    START,
    STATUS,
    SUMMARY,
    ActivityService,
)
from app.ledger.definitions.activity import ACTIVITY, DRAFT_NOTE
from app.ledger.records import StaleRecordError
from app.models import Activity, ActivityType
from app.models.database import Store
from app.windows.drafts import Draft
from app.windows.framework.record_dialog import RecordDialog, reopened_by
from app.windows.framework.spec import Screen, Section, Tab

pick = ACTIVITY.pick
# Saved with a new activity, never edited in its editor: whose it is and what kind.
CARRIED = (CUSTOMER, ACTIVITY_TYPE)
ABOUT = (
    "owner",
    "work_group",
    "released",
    "related_entity_description",
    "created_by",
    "created_at",
)


def _editor(
    screen_id: str, title: str, top: tuple[str, ...], when: tuple[str, ...], help_text: str
) -> Screen:
    return Screen(
        id=screen_id,
        title=title,
        model=Activity,
        top=pick(*top),
        tabs=(
            Tab(
                title,
                sections=(
                    Section("", pick(*when)),
                    Section("", pick(*ABOUT), column=1),
                    Section("Details", pick("body")),
                ),
            ),
        ),
        help=help_text,
        definition=ACTIVITY,
    )


TASK = _editor(
    "CR306020",
    "Task",
    (SUMMARY,),
    (START, DUE, STATUS, "time_spent"),
    "A task to do for the customer, with its due date.",
)
EVENT = _editor(
    "CR306030",
    "Event",
    (SUMMARY,),
    (START, END, STATUS, "time_spent"),
    "An event with the customer (a meeting, a visit), from its start to its end.",
)
EMAIL = Screen(
    id="CR306015",
    title="Send",
    model=Activity,
    top=pick(EMAIL_TO, EMAIL_SUBJECT),
    tabs=(
        Tab(
            "Send",
            sections=(
                Section("", pick(START, STATUS, "time_spent")),
                Section("", pick(*ABOUT), column=1),
                Section("Details", pick("body")),
            ),
        ),
    ),
    help="An e-mail to the customer. " + DRAFT_NOTE,
    extra={"save_help": "Save the e-mail as a draft to send, and close. " + DRAFT_NOTE},
    definition=ACTIVITY,
)
ACTIVITY_EDITOR = _editor(
    "CR306010",
    "Activity",
    (SUMMARY,),
    (START, END, STATUS, "time_spent"),
    "An activity of the customer's: a note, a phone call, a meeting, a chat or a work item.",
)

EDITORS: dict[ActivityType, Screen] = {
    ActivityType.TASK: TASK,
    ActivityType.EVENT: EVENT,
    ActivityType.EMAIL: EMAIL,
}


def editor_of(activity_type: ActivityType) -> Screen:
    """The window an activity of this type is edited in."""
    return EDITORS.get(activity_type, ACTIVITY_EDITOR)


class ActivityChanges(QObject):
    """Told the customer whose activity an editor saved or deleted."""

    changed = Signal(int)


_changes: ActivityChanges | None = None


def activity_changes() -> ActivityChanges:
    global _changes
    if _changes is None:
        _changes = ActivityChanges()
    return _changes


def _title(screen: Screen, activity_type: ActivityType) -> str:
    """``Task (CR306020)``; an activity of the Add activity menu says its type first."""
    own = f"{screen.title} ({screen.id})"
    return own if activity_type in EDITORS else f"{activity_type.label} – {own}"


def open_editor(
    store: Store,
    parent: QWidget,
    *,
    customer_id: int,
    activity_type: ActivityType | None = None,
    activity_id: int | None = None,
) -> RecordDialog:
    """An activity's editor, shown: a new one of ``activity_type`` for the customer, or the
    saved ``activity_id``. Its saves and deletes are told to every screen of the customer."""
    service = ActivityService(store)
    if activity_id is not None:
        kind = service.load(activity_id)[ACTIVITY_TYPE]
        screen = editor_of(kind)
        dialog = RecordDialog(
            store,
            screen,
            service,
            parent,
            record_id=activity_id,
            carried=CARRIED,
            title=_title(screen, kind),
        )
    else:
        assert activity_type is not None
        values = service.new_activity(customer_id, activity_type)
        screen = editor_of(activity_type)
        dialog = RecordDialog(
            store,
            screen,
            service,
            parent,
            values=values,
            carried=CARRIED,
            title=_title(screen, activity_type),
        )
    dialog.saved.connect(lambda _id: activity_changes().changed.emit(customer_id))
    dialog.deleted.connect(lambda _id: activity_changes().changed.emit(customer_id))
    dialog.show()
    return dialog


def reopen(store: Store, parent: QWidget, draft: Draft) -> RecordDialog:
    """An editor a crash interrupted, open again on its activity (its draft carries the
    customer and the type); one deleted since comes back as a new one for the customer."""
    customer_id = draft.changes[CUSTOMER]
    if draft.record_id is not None:
        try:
            return open_editor(store, parent, customer_id=customer_id, activity_id=draft.record_id)
        except StaleRecordError:
            pass
    return open_editor(
        store, parent, customer_id=customer_id, activity_type=draft.changes[ACTIVITY_TYPE]
    )


reopened_by((TASK.id, EVENT.id, EMAIL.id, ACTIVITY_EDITOR.id), reopen)
