"""Webhook notifications (AR303000): the customer's change log, and what a later integration
reads of it.

Seed: when Webhook notification is selected and saved for a customer, changes to it are
notified. This workstation is offline and sends nothing, so each notification is kept in the
store (app/models/webhook.py), written in the transaction of the change itself — a refused save
logs nothing:

- Entity created / Entity updated: a save of the customer (the record's service hands over what
  the save changed, field by field, app/ledger/records.py ``saved_changes``); Change ID, a
  supplier of the same account renaming it, a parent's flags given to its child accounts are
  updates of the customer too. So is every change of the records that are the customer's own
  on windows of their own — its locations (CR303010), contact persons (CR302000) and payment
  methods (AR303010): added, changed, deactivated, deleted, moved to another customer (logged
  for both), made the default — each written through the services' generic change-log hook
  (``PartLog``, RecordService.change_log) and named ``<part>, <label>``. The supplier side
  of the account logs for the customer through the same hook (``SharedLog``): the main
  address and contact they share, and the account type Extend to supplier and deleting the
  supplier change. A class's mailings reaching the customer's, and Apply restriction
  settings moving it to the class's restriction group, are logged where they happen.
- Entity deleted: Delete customer (app/ledger/customer_deletion.py); the row stays after the
  customer is gone, with its number.
- External action triggered is not raised: the product family raises it for a customised
  action (defined in its Automation actions window with a webhook parameter), which this
  product does not have; its own commands log the changes they make as the events above.
- Document status changed: any flush that changes a document's status (released, voided,
  closed, reopened …), seen here once for all of app/ledger/documents, plus the bulk update of
  Apply payments (``bulk_status_changed``).

A customer counts as notified when its box is on once the change is saved (the save that
selects the box is notified; the one that clears it is not).

New events are Available (source APIs): ready for an integrator. Resend notification marks one
Resent (source Visma Net) to be sent again. The read API for an integration:

    with store.transaction() as session:
        for notification in pending_events(session):
            ...  # deliver notification.changes (a dict; its JSON text is ``changes_json``)
            mark_consumed(session, notification.message_id, feedback="200 OK")

``pending_events`` lists Available and Resent events, oldest first; ``mark_consumed`` records the
integrator's feedback (shown by View notification feedback) and marks the event Consumed.
"""

from __future__ import annotations

import getpass
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import event, select
from sqlalchemy.orm import Session, UOWTransaction, attributes

from app.ledger.fields import Definition, Field, Grid, Kind
from app.ledger.records import RecordError, SavedChange
from app.models import (
    ArDocument,
    BusinessAccountType,
    Customer,
    CustomerEvent,
    DocumentStatus,
    EventSource,
    EventStatus,
    EventType,
)
from app.models.base import OptionEnum, utcnow
from app.models.database import Store

# The customer definition's grid of events (the Webhook notifications tab).
EVENTS = "webhook_notifications"
NO_FEEDBACK = (
    "No feedback received. This workstation is offline and sends no notifications itself: an "
    "integration reads the change log and stores the integrator's answer with the event, which "
    "then shows here."
)
# The statuses an integration still has to deliver.
PENDING = (EventStatus.AVAILABLE, EventStatus.RESENT)
# The source each status comes from (seed: Visma Net sends and resends; APIs make events
# available; an external integrator consumes them).
SOURCE_OF = {
    EventStatus.SENT: EventSource.VISMA_NET,
    EventStatus.RESENT: EventSource.VISMA_NET,
    EventStatus.AVAILABLE: EventSource.APIS,
    EventStatus.CONSUMED: EventSource.EXTERNAL_INTEGRATOR,
}


# The seed's columns, in its order; the customer's events, shown only, newest first.
EVENTS_GRID = Grid(
    "Webhook notifications",
    EVENTS,
    (
        Field("success", "Success", Kind.TEXT, read_only=True),
        Field("event", "Event", Kind.OPTION, options=EventType, read_only=True),
        Field("status", "Status", Kind.OPTION, options=EventStatus, read_only=True),
        Field("source", "Source", Kind.OPTION, options=EventSource, read_only=True),
        Field("document_status", "Document status", Kind.TEXT, read_only=True),
        Field("user", "User", Kind.TEXT, read_only=True),
        Field("date", "Date", Kind.TEXT, read_only=True),
        Field("message", "Message", Kind.TEXT, read_only=True),
    ),
    help="The customer's change log: one notification per saved change, newest first. This "
    "workstation sends none itself; an integration reads them (Available) from the ledger.",
    view=True,
)


class WebhookError(RecordError):
    """An event that is not there (any more)."""


def current_user() -> str:
    """Who makes the change: the workstation's login name (the ledger has no users of its
    own)."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name in this environment
        return "unknown"


# -- what changed, in words an integration reads ---------------------------------------------


def readable(value: Any) -> Any:
    """A stored value as JSON: an option by its label, an amount or date as text."""
    if isinstance(value, OptionEnum):
        return value.label
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _code_of(session: Session, spec: Field, value: Any) -> Any:
    """A lookup's stored id as the code a user types (the id itself when the record is gone)."""
    source = spec.lookup
    if source is None or value is None:
        return readable(value)
    model: Any = source.model
    code = session.scalar(
        select(getattr(model, source.code)).where(getattr(model, source.value) == value)
    )
    return readable(code if code is not None else value)


def _field_value(session: Session, spec: Field | None, value: Any) -> Any:
    return readable(value) if spec is None else _code_of(session, spec, value)


def _rows(session: Session, grid: Grid, rows: Any) -> list[dict[str, Any]]:
    """A grid's rows by column label, lookups as codes."""
    return [
        {
            column.label: _field_value(session, column, row.get(column.key))
            for column in grid.columns
        }
        for row in rows or []
        if isinstance(row, Mapping)
    ]


def described_changes(
    session: Session,
    changes: Iterable[SavedChange],
    fields: Mapping[str, Field],
    grids: Mapping[str, Grid],
) -> list[dict[str, Any]]:
    """Each change as ``{"field", "label", "old", "new"}``, the values as a user reads them."""
    described = []
    for change in changes:
        grid = grids.get(change.key)
        spec = fields.get(change.key)
        if grid is not None:
            old: Any = _rows(session, grid, change.old)
            new: Any = _rows(session, grid, change.new)
            label = grid.title
        else:
            old = _field_value(session, spec, change.old)
            new = _field_value(session, spec, change.new)
            label = spec.label if spec is not None else change.label
        described.append({"field": change.key, "label": label, "old": old, "new": new})
    return described


def changes_json(customer_no: str, event_type: EventType, details: Mapping[str, Any]) -> str:
    """The event's message body: which customer, what happened, and its details."""
    body = {"entity": "customer", "customer_no": customer_no, "event": event_type.label}
    return json.dumps(body | dict(details), ensure_ascii=False, sort_keys=False)


# -- writing events (in the caller's transaction) --------------------------------------------


def log_event(
    session: Session,
    customer: Customer,
    event_type: EventType,
    details: Mapping[str, Any],
    *,
    document_status: str | None = None,
    linked: bool = True,
) -> CustomerEvent | None:
    """Add the customer's event when its Webhook notification box is on (None otherwise).
    ``linked`` False for a customer about to be deleted (the event outlives it)."""
    if not customer.webhook_notification:
        return None
    found = CustomerEvent(
        customer_id=customer.id if linked else None,
        customer_no=customer.customer_no,
        event=event_type,
        document_status=document_status,
        changes=changes_json(customer.customer_no, event_type, details),
        user_name=current_user(),
        at=utcnow(),
        status=EventStatus.AVAILABLE,
        source=SOURCE_OF[EventStatus.AVAILABLE],
    )
    session.add(found)
    return found


def log_saved(
    session: Session,
    customer: Customer,
    changes: Sequence[SavedChange],
    *,
    is_new: bool,
    fields: Mapping[str, Field],
    grids: Mapping[str, Grid],
) -> CustomerEvent | None:
    """Entity created, or Entity updated naming what changed (nothing changed: no event)."""
    if not customer.webhook_notification or (not is_new and not changes):
        return None
    described = described_changes(session, changes, fields, grids)
    event_type = EventType.ENTITY_CREATED if is_new else EventType.ENTITY_UPDATED
    return log_event(session, customer, event_type, {"changes": described})


def log_part_saved(
    session: Session,
    customer: Customer | None,
    part: str,
    changes: Sequence[SavedChange],
    *,
    fields: Mapping[str, Field],
    grids: Mapping[str, Grid],
) -> CustomerEvent | None:
    """Entity updated of the customer, for a save of one of its parts on a window of its own
    (a location on CR303010): each change named ``<part>, <label>``."""
    if customer is None or not customer.webhook_notification or not changes:
        return None
    described = described_changes(session, changes, fields, grids)
    for change in described:
        change["label"] = f"{part}, {change['label']}"
    return log_event(session, customer, EventType.ENTITY_UPDATED, {"changes": described})


@dataclass(frozen=True)
class PartLog:
    """The change log of records that are a customer's own, edited on windows of their own
    (a location, a contact person, a payment method): each save, deactivation and delete is an
    Entity updated of the customer, in the change's transaction (RecordService.change_log)."""

    definition: Definition  # the part's fields and grids, for the values as a user reads them
    name: Callable[[Any], str]  # the part as a user names it: ``Location OSLO``
    customer_key: str = "customer"  # the part's field naming its customer (``customer_id``)

    def saved(
        self, session: Session, record: Any, changes: list[SavedChange], *, is_new: bool
    ) -> None:
        part = self.name(record) + (" (added)" if is_new else "")
        for customer in self._customers(session, record, changes):
            log_part_saved(
                session,
                customer,
                part,
                changes,
                fields={spec.key: spec for spec in self.definition.fields},
                grids={grid.key: grid for grid in self.definition.grids},
            )

    def deleted(self, session: Session, record: Any, removed: list[SavedChange]) -> None:
        """The part's every value, gone (``new`` empty): nothing of it is lost to the log."""
        customer_id = record.customer_id
        customer = session.get(Customer, customer_id) if customer_id is not None else None
        log_part_saved(
            session,
            customer,
            f"{self.name(record)} (deleted)",
            removed,
            fields={spec.key: spec for spec in self.definition.fields},
            grids={grid.key: grid for grid in self.definition.grids},
        )

    def _customers(
        self, session: Session, record: Any, changes: Sequence[SavedChange]
    ) -> list[Customer]:
        """The part's customer; moved from another, that one too (it lost the part)."""
        ids = [record.customer_id]
        ids += [c.old for c in changes if c.key == self.customer_key and c.old is not None]
        found = [
            session.get(Customer, customer_id)
            for customer_id in dict.fromkeys(ids)
            if customer_id is not None  # a supplier's own contact: no customer to notify
        ]
        return [customer for customer in found if customer is not None]


@dataclass(frozen=True)
class SharedLog:
    """The supplier side of a customer's business account (AP303000): the main address and
    contact it shares with the customer changed there, and the account type its making (Extend
    to supplier) and its deletion change, are an Entity updated of the customer
    (RecordService.change_log)."""

    definition: Definition  # the supplier's fields, for the values as a user reads them
    shared: Mapping[str, str]  # a shared field's key → the part it shows (``Main address``)

    def saved(
        self, session: Session, record: Any, changes: list[SavedChange], *, is_new: bool
    ) -> None:
        customer = record.customer
        if customer is None:
            return
        if is_new:  # Extend to supplier: the shared values were the customer's already
            self._account_type(session, customer, BusinessAccountType.CUSTOMER_AND_SUPPLIER)
            return
        fields = {spec.key: spec for spec in self.definition.fields}
        for part in dict.fromkeys(self.shared.values()):
            of_part = [change for change in changes if self.shared.get(change.key) == part]
            log_part_saved(session, customer, part, of_part, fields=fields, grids={})

    def deleted(self, session: Session, record: Any, removed: list[SavedChange]) -> None:
        """The supplier side deleted: the customer stays, a customer only."""
        if record.customer is not None:
            self._account_type(session, record.customer, BusinessAccountType.CUSTOMER)

    @staticmethod
    def _account_type(session: Session, customer: Customer, now: BusinessAccountType) -> None:
        before = (
            BusinessAccountType.CUSTOMER
            if now == BusinessAccountType.CUSTOMER_AND_SUPPLIER
            else BusinessAccountType.CUSTOMER_AND_SUPPLIER
        )
        log_field_changed(session, customer, "account_type", "Account type", before, now)


def log_deleted(session: Session, customer: Customer) -> CustomerEvent | None:
    """Entity deleted, kept after the customer row is gone."""
    return log_event(
        session,
        customer,
        EventType.ENTITY_DELETED,
        {"changes": [], "customer_name": customer.name},
        linked=False,
    )


def log_field_changed(
    session: Session, customer: Customer, key: str, label: str, old: Any, new: Any
) -> None:
    """Entity updated by another window than AR303000: Change ID renumbers the customer, a
    supplier of the same business account renames it."""
    log_fields_changed(session, customer, [(key, label, old, new)])


def log_fields_changed(
    session: Session, customer: Customer, changes: Sequence[tuple[str, str, Any, Any]]
) -> None:
    """Entity updated with ``changes`` (key, label, old, new) made outside the customer's own
    save (a parent's flags given to its child accounts); none: no event."""
    if changes:
        described = [
            {"field": key, "label": label, "old": readable(old), "new": readable(new)}
            for key, label, old, new in changes
        ]
        log_event(session, customer, EventType.ENTITY_UPDATED, {"changes": described})


def log_grid_changed(
    session: Session, customer: Customer, key: str, before: list[Any], after: list[Any]
) -> None:
    """Entity updated: a grid of the customer's (``key`` of the customer definition) changed
    outside the customer's own save (its class's mailings reaching it)."""
    if not customer.webhook_notification:
        return
    from app.ledger.definitions.customer import CUSTOMER  # the definition reads this module

    grid = CUSTOMER.grid(key)
    change = SavedChange(key, grid.title, before, after)
    described = described_changes(session, [change], {}, {key: grid})
    log_event(session, customer, EventType.ENTITY_UPDATED, {"changes": described})


def _document_event(
    session: Session,
    customer: Customer,
    document: str,
    old: DocumentStatus | None,
    new: DocumentStatus,
) -> None:
    details = {
        "document": document,
        "changes": [
            {
                "field": "status",
                "label": "Status",
                "old": old.label if old is not None else None,
                "new": new.label,
            }
        ],
    }
    log_event(
        session,
        customer,
        EventType.DOCUMENT_STATUS_CHANGED,
        details,
        document_status=f"{document}: {new.label}",
    )


def bulk_status_changed(
    session: Session, changed: Iterable[tuple[int, DocumentStatus, DocumentStatus]]
) -> None:
    """Documents whose status a bulk UPDATE changed (id, old, new): the ORM does not see them."""
    moved = [(doc_id, old, new) for doc_id, old, new in changed if old != new]
    if not moved:
        return
    with session.no_autoflush:
        found = session.execute(
            select(ArDocument.id, ArDocument.doc_type, ArDocument.ref_nbr, Customer)
            .join(Customer, Customer.id == ArDocument.customer_id)
            .where(
                ArDocument.id.in_([doc_id for doc_id, _old, _new in moved]),
                Customer.webhook_notification.is_(True),
            )
        ).all()
        by_id = {row[0]: row for row in found}
        for doc_id, old, new in moved:
            row = by_id.get(doc_id)
            if row is not None:
                _document_event(session, row[3], f"{row[1].label} {row[2]}", old, new)


@event.listens_for(Session, "before_flush")
def _statuses_changed(session: Session, _flush: UOWTransaction, _instances: Any) -> None:
    """Document status changed, for every document of a notified customer whose status this
    flush writes changed (a new document has no status change yet)."""
    moved: list[tuple[ArDocument, DocumentStatus | None]] = []
    for held in session.dirty:
        if not isinstance(held, ArDocument):
            continue
        history = attributes.get_history(held, "status")
        if history.added and history.deleted and history.added[0] != history.deleted[0]:
            moved.append((held, history.deleted[0]))
    if not moved:
        return
    with session.no_autoflush:
        for document, old in moved:
            customer = session.get(Customer, document.customer_id)
            if customer is not None and customer.webhook_notification:
                described = f"{document.doc_type.label} {document.ref_nbr}"
                _document_event(session, customer, described, old, document.status)


# -- the Webhook notifications tab -------------------------------------------------------------


def shown_at(at: datetime) -> str:
    """The event's time on this workstation's clock (stored in UTC)."""
    return f"{at.replace(tzinfo=UTC).astimezone():%Y-%m-%d %H:%M:%S}"


def _success(value: bool | None) -> str:
    """True / False once an integrator reported; empty while nothing was reported."""
    return "" if value is None else str(value)


def event_rows(session: Session, customer_id: int) -> list[dict[str, Any]]:
    """The customer's events, newest first, as the grid shows them."""
    found = session.scalars(
        select(CustomerEvent)
        .where(CustomerEvent.customer_id == customer_id)
        .order_by(CustomerEvent.at.desc(), CustomerEvent.id.desc())
    )
    return [
        {
            "id": row.id,
            "success": _success(row.success),
            "event": row.event,
            "status": row.status,
            "source": row.source,
            "document_status": row.document_status,
            "user": row.user_name,
            "date": shown_at(row.at),
            "message": row.message_id,
        }
        for row in found
    ]


def notified(values: Mapping[str, Any]) -> bool:
    """Whether the customer shown has its Webhook notification box saved on (its events are
    read then, an empty list when there are none yet)."""
    return values.get(EVENTS) is not None


def customer_events(session: Session, customer: Customer) -> list[dict[str, Any]] | None:
    """The tab's rows; None while the customer's saved box is off (the tab is hidden then)."""
    return event_rows(session, customer.id) if customer.webhook_notification else None


def _event(session: Session, event_id: int) -> CustomerEvent:
    found = session.get(CustomerEvent, event_id)
    if found is None:
        raise WebhookError("The notification no longer exists.")
    return found


def resend(store: Store, event_id: int) -> CustomerEvent:
    """Resend notification: the event is to be sent again (status Resent), counted and dated;
    one transaction."""
    with store.transaction() as session:
        found = _event(session, event_id)
        found.status = EventStatus.RESENT
        found.source = SOURCE_OF[EventStatus.RESENT]
        found.resend_count += 1
        found.resent_at = utcnow()
        session.flush()
        session.expunge(found)
        return found


@dataclass(frozen=True)
class Feedback:
    """What View notification feedback shows of one event."""

    message_id: str
    event: str
    date: str
    status: str
    changes: list[str]
    feedback: str
    received: bool  # False: no feedback yet (``feedback`` says why)


def _change_line(change: Mapping[str, Any]) -> str:
    def shown(value: Any) -> str:
        if value is None or value == "" or value == []:
            return "empty"
        if isinstance(value, list):
            return f"{len(value)} row" + ("" if len(value) == 1 else "s")
        return str(value)

    return f"{change.get('label')}: {shown(change.get('old'))} → {shown(change.get('new'))}"


def feedback_of(store: Store, event_id: int) -> Feedback:
    with store.session() as session:
        found = _event(session, event_id)
        body = json.loads(found.changes or "{}")
        lines = [_change_line(change) for change in body.get("changes") or []]
        if body.get("document"):
            lines.insert(0, f"Document {body['document']}")
        received = bool(found.feedback)
        text = found.feedback if found.feedback else NO_FEEDBACK
        if received and found.feedback_at is not None:
            text = f"{shown_at(found.feedback_at)}: {text}"
        return Feedback(
            message_id=found.message_id,
            event=found.event.label,
            date=shown_at(found.at),
            status=found.status.label,
            changes=lines,
            feedback=text,
            received=received,
        )


# -- the read API of a later integration -------------------------------------------------------


@dataclass(frozen=True)
class Notification:
    """One event as an integration delivers it."""

    message_id: str
    customer_no: str
    event: str
    document_status: str | None
    changes: dict[str, Any]  # the message body (``changes_json``), parsed
    user: str
    at: datetime  # UTC
    status: str
    resend_count: int


def pending_events(session: Session, limit: int | None = None) -> list[Notification]:
    """Events still to be delivered (Available or Resent), oldest first."""
    stmt = (
        select(CustomerEvent)
        .where(CustomerEvent.status.in_(PENDING))
        .order_by(CustomerEvent.at, CustomerEvent.id)
    )
    if limit is not None:
        stmt = stmt.limit(limit)
    return [
        Notification(
            message_id=row.message_id,
            customer_no=row.customer_no,
            event=row.event.label,
            document_status=row.document_status,
            changes=json.loads(row.changes or "{}"),
            user=row.user_name,
            at=row.at,
            status=row.status.label,
            resend_count=row.resend_count,
        )
        for row in session.scalars(stmt)
    ]


def mark_consumed(
    session: Session, message_id: str, feedback: str | None = None, *, success: bool = True
) -> None:
    """The integrator received the message (or, ``success`` False, failed to): the event is
    Consumed with the integrator's ``feedback`` text. WebhookError for an unknown message."""
    found = session.scalars(
        select(CustomerEvent).where(CustomerEvent.message_id == message_id)
    ).one_or_none()
    if found is None:
        raise WebhookError(f"No notification has the message ID {message_id}.")
    found.status = EventStatus.CONSUMED
    found.source = SOURCE_OF[EventStatus.CONSUMED]
    found.success = success
    if feedback is not None:
        found.feedback = feedback
        found.feedback_at = utcnow()
