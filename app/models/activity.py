"""Activities logged against a customer (AR303000's Activities tab): tasks, events, e-mails and
the activity types of the product family (notes, phone calls, meetings, chats, work items).

Each activity is a versioned record of its own, edited in a small editor (Task CR306020, Event
CR306030, Send CR306015, Activity CR306010) and listed on the customer. The seed's Project and
Project task columns are left out: they appear only when the ledger is integrated with the
Projects module, which this product does not have.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, MasterRecord, OptionEnum

if TYPE_CHECKING:
    from app.models.customer import Customer
    from app.models.reference.system import Employee


class ActivityType(OptionEnum):
    """The activity types: Task, Event and Email have windows of their own; the others are the
    options of Add activity (the Activity types list of CR306010)."""

    TASK = "Task"
    EVENT = "Event"
    EMAIL = "Email"
    NOTE = "Note"
    PHONE_CALL = "Phone call"
    MEETING = "Meeting"
    CHAT = "Chat"
    WORK_ITEM = "Work item"


class ActivityStatus(OptionEnum):
    OPEN = "Open"
    IN_PROCESS = "In process"
    COMPLETED = "Completed"
    CANCELLED = "Cancelled"


def local_minute(utc: datetime | None) -> datetime | None:
    """A stored time stamp (UTC) in this workstation's local time, to the minute, as the start
    dates typed are read."""
    if utc is None:
        return None
    local = utc.replace(tzinfo=UTC).astimezone()
    return local.replace(tzinfo=None, second=0, microsecond=0)


class Activity(MasterRecord, Base):
    """One task, event, e-mail or other activity of a customer."""

    __tablename__ = "activity"
    # The Activities tab lists a customer's activities newest first.
    __table_args__ = (Index("ix_activity_customer_start", "customer_id", "start_at"),)

    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    activity_type: Mapped[ActivityType]
    summary: Mapped[str] = mapped_column(String(255))
    status: Mapped[ActivityStatus] = mapped_column(default=ActivityStatus.OPEN)
    start_at: Mapped[datetime]
    # The end of an event or activity, the due date of a task.
    end_at: Mapped[datetime | None]
    time_spent: Mapped[int] = mapped_column(default=0)  # minutes
    work_group: Mapped[str | None] = mapped_column(String(50))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("employee.id"), index=True)
    # The workstation user who logged it (app/ledger/workstation.user_name), never edited.
    created_by: Mapped[str] = mapped_column(String(100))
    released: Mapped[bool] = mapped_column(default=False)
    body: Mapped[str | None] = mapped_column(Text)
    # An e-mail: kept as a draft to send (an offline workstation sends nothing).
    email_to: Mapped[str | None] = mapped_column(String(255))
    email_subject: Mapped[str | None] = mapped_column(String(255))

    customer: Mapped[Customer] = relationship(back_populates="activities")
    owner: Mapped[Employee | None] = relationship()

    @property
    def related_entity_description(self) -> str | None:
        """The entity the activity is associated with: its customer, by number and name."""
        customer = self.customer
        return f"{customer.customer_no} {customer.name}" if customer is not None else None

    @property
    def created_local(self) -> datetime | None:
        """When it was created, in this workstation's local time (``local_minute``)."""
        return local_minute(self.created_at)

    def __repr__(self) -> str:
        return f"Activity({self.activity_type.name}, {self.summary!r})"
