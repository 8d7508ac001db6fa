"""Activities logged against a customer (AR303000's Activities tab; the Task, Event, Send and
Activity editors).

- Every activity needs a summary; its end (or a task's due date) is not before its start; its
  time spent is never negative.
- A note is always Completed; tasks, events and the other activity types are Open, In process,
  Completed or Cancelled.
- An e-mail is stored as a draft to send: this workstation sends nothing. It needs an address
  to send to (one or more, separated by ``;``), each an e-mail address.
- Created by is the workstation's user (app/ledger/workstation.user_name), set when the activity
  is first saved and never edited; Created at is the record's own timestamp.
- Each editor's save is one transaction, checked against the version it read: two editors on one
  activity never undo each other's saves.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.ledger import workstation
from app.ledger.records import FieldError, RecordService, ScreenRules, is_blank
from app.ledger.validation import email_problem
from app.models import Activity, ActivityStatus, ActivityType, Customer
from app.models.activity import local_minute
from app.models.database import Store

ACTIVITIES = "activities"  # the Activities grid of AR303000 (a view of the activity records)
CUSTOMER = "customer"
ACTIVITY_TYPE = "activity_type"
STATUS = "status"
START = "start_date"
END = "end_date"
DUE = "due_date"  # a task's end is its due date
EMAIL_TO = "email_to"
EMAIL_SUBJECT = "email_subject"
SUMMARY = "summary"

# The types the Add activity menu offers (Task, Event and Email have buttons of their own).
ACTIVITY_MENU_TYPES = (
    ActivityType.NOTE,
    ActivityType.PHONE_CALL,
    ActivityType.MEETING,
    ActivityType.CHAT,
    ActivityType.WORK_ITEM,
)


def now() -> datetime:
    """This minute, local time: where a new activity starts."""
    return datetime.now().replace(second=0, microsecond=0)


def is_note(values: Mapping[str, Any]) -> bool:
    return values.get(ACTIVITY_TYPE) == ActivityType.NOTE


def addresses(text: str) -> list[str]:
    """The addresses of an e-mail's To line, separated by ``;`` (or ``,``)."""
    return [part.strip() for part in text.replace(",", ";").split(";") if part.strip()]


def addresses_problem(text: Any) -> str | None:
    """What is wrong with a To line: the first address that is not one."""
    for address in addresses(str(text)):
        problem = email_problem(address)
        if problem:
            return problem
    return None


# The grid's computed columns, by attribute: read from the customer and the time stamp.
RELATED = "related_entity_description"
CREATED = "created_local"


def activity_rows(
    session: Session, customer_id: int, columns: Mapping[str, str]
) -> list[dict[str, Any]]:
    """The customer's activities as AR303000's Activities grid lists them, newest start first:
    ``columns`` maps each column's key to the activity's attribute. Read as plain columns, not
    records: a customer may have hundreds, read with every load of the customer."""
    customer = session.execute(
        select(Customer.customer_no, Customer.name).where(Customer.id == customer_id)
    ).one_or_none()
    related = f"{customer.customer_no} {customer.name}" if customer is not None else None
    stored = [attr for attr in columns.values() if attr not in (RELATED, CREATED)]
    found = session.execute(
        select(Activity.id, Activity.created_at, *(getattr(Activity, attr) for attr in stored))
        .where(Activity.customer_id == customer_id)
        .order_by(Activity.start_at.desc(), Activity.id.desc())
    ).all()
    rows = []
    for activity_id, created_at, *values in found:
        by_attr = dict(zip(stored, values, strict=True))
        by_attr[RELATED] = related
        by_attr[CREATED] = local_minute(created_at)
        rows.append({"id": activity_id} | {key: by_attr[attr] for key, attr in columns.items()})
    return rows


class ActivityService(RecordService[Activity]):
    noun = "activity"

    def __init__(self, store: Store, rules: ScreenRules | None = None) -> None:
        from app.ledger.definitions.activity import ACTIVITY

        super().__init__(store, Activity, rules or ACTIVITY.rules(), ())

    def new_values(self) -> dict[str, Any]:
        """A new activity starts now, Open (a note Completed: set by the editor's type)."""
        values = super().new_values()
        values[START] = now()
        return values

    def new_activity(self, customer_id: int, activity_type: ActivityType) -> dict[str, Any]:
        """The values a new activity of the customer starts with in its editor."""
        values = self.new_values() | {CUSTOMER: customer_id, ACTIVITY_TYPE: activity_type}
        if activity_type in ACTIVITY_MENU_TYPES:
            values[STATUS] = ActivityStatus.COMPLETED  # a logged call or note has happened
        with self.store.session() as session:
            customer = session.get(Customer, customer_id)
            if customer is not None:
                values["related_entity_description"] = f"{customer.customer_no} {customer.name}"
        return values

    # -- saving --------------------------------------------------------------------------------

    def save(
        self,
        record_id: int | None,
        values: Mapping[str, Any],
        version: int | None = None,
        loaded: Mapping[str, Any] | None = None,
    ) -> int:
        """An e-mail is listed by its subject: its summary is the subject typed."""
        if values.get(ACTIVITY_TYPE) == ActivityType.EMAIL and EMAIL_SUBJECT in values:
            values = dict(values) | {SUMMARY: values.get(EMAIL_SUBJECT)}
        return super().save(record_id, values, version, loaded)

    def validate(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        errors = super().validate(session, record_id, values)
        if values.get(ACTIVITY_TYPE) == ActivityType.EMAIL and EMAIL_SUBJECT in values:
            # The summary is the subject: a problem of it is the subject's.
            label = self.rules[EMAIL_SUBJECT].label
            errors = [
                FieldError(EMAIL_SUBJECT, label, error.rule) if error.key == SUMMARY else error
                for error in errors
            ]
        return errors

    # -- validating ----------------------------------------------------------------------------

    def check(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        errors: list[FieldError] = []
        customer_id = values.get(CUSTOMER)
        if isinstance(customer_id, int) and session.get(Customer, customer_id) is None:
            errors.append(self._error(CUSTOMER, "the customer no longer exists."))
        start = values.get(START)
        for key in (END, DUE):
            end = values.get(key)
            if isinstance(end, datetime) and isinstance(start, datetime) and end < start:
                errors.append(
                    self._error(key, f"cannot be before the start date ({start:%Y-%m-%d %H:%M}).")
                )
        if is_note(values) and values.get(STATUS) not in (None, ActivityStatus.COMPLETED):
            errors.append(self._error(STATUS, "a note is always Completed."))
        is_email = values.get(ACTIVITY_TYPE) == ActivityType.EMAIL
        if is_email and EMAIL_TO in values and is_blank(values.get(EMAIL_TO)):
            errors.append(self._error(EMAIL_TO, "an e-mail needs an address to send to."))
        return errors

    def _error(self, key: str, rule: str) -> FieldError:
        return FieldError(key, self.rules[key].label, rule)

    # -- writing -------------------------------------------------------------------------------

    def before_save(
        self, session: Session, record: Activity, values: Mapping[str, Any], *, is_new: bool
    ) -> None:
        if is_new:
            record.created_by = workstation.user_name()
        if record.activity_type == ActivityType.NOTE:
            record.status = ActivityStatus.COMPLETED

    def describe(self, record: Activity) -> str:
        return f"{record.activity_type.label} '{record.summary}'"
