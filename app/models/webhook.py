"""The change log of customers behind the Webhook notifications tab (AR303000).

An offline workstation sends no webhooks: each saved change of a customer whose Webhook
notification box is saved on is kept here instead, ready for an integration to read
(app/ledger/webhooks.py). A row outlives its customer: deleting the customer clears the link
(ON DELETE SET NULL) and the row keeps the customer's number, so Entity deleted stays readable.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, OptionEnum, code30, utcnow


class EventType(OptionEnum):
    """The seed's Event column."""

    ENTITY_CREATED = "Entity created"
    ENTITY_UPDATED = "Entity updated"
    ENTITY_DELETED = "Entity deleted"
    DOCUMENT_STATUS_CHANGED = "Document status changed"
    EXTERNAL_ACTION_TRIGGERED = "External action triggered"


class EventStatus(OptionEnum):
    """The seed's Status column: Available (ready for an integrator) until read or resent."""

    SENT = "Sent"
    RESENT = "Resent"
    AVAILABLE = "Available"
    CONSUMED = "Consumed"


class EventSource(OptionEnum):
    """The seed's Source column; it follows the status (Visma Net: Sent or Resent; APIs:
    Available; External integrator: Consumed)."""

    VISMA_NET = "Visma Net"
    APIS = "APIs"
    EXTERNAL_INTEGRATOR = "External integrator"


def new_message_id() -> str:
    return str(uuid.uuid4())


class CustomerEvent(Base):
    """One notification: what happened to a customer (or one of its documents), by whom, when,
    and where its message stands."""

    __tablename__ = "customer_event"
    # A generated message ID (a lowercase UUID), not a code a user types: unique as it is.
    __table_args__ = (UniqueConstraint("message_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    # Cleared when the customer is deleted: the log is kept, never cascaded away.
    customer_id: Mapped[int | None] = mapped_column(
        ForeignKey("customer.id", ondelete="SET NULL"), index=True
    )
    customer_no: Mapped[code30]  # the customer's number when it happened
    event: Mapped[EventType]
    # The document's new status (Document status changed), as the grid shows it.
    document_status: Mapped[str | None] = mapped_column(String(120))
    # What changed, as JSON text a later integration reads (app/ledger/webhooks.py).
    changes: Mapped[str] = mapped_column(Text, default="{}")
    # Who made the change (not "user": a reserved word in PostgreSQL and SQL at large).
    user_name: Mapped[str] = mapped_column(String(100))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    message_id: Mapped[str] = mapped_column(String(36), default=new_message_id)
    status: Mapped[EventStatus] = mapped_column(default=EventStatus.AVAILABLE, index=True)
    source: Mapped[EventSource] = mapped_column(default=EventSource.APIS)
    # None until an integrator reports on the message (nothing is sent from here).
    success: Mapped[bool | None]
    resend_count: Mapped[int] = mapped_column(default=0)
    resent_at: Mapped[datetime | None]
    feedback: Mapped[str | None] = mapped_column(Text)
    feedback_at: Mapped[datetime | None]
