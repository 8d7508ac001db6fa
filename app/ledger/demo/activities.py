"""The demo company's activities: for a share of the customers, the tasks, events, e-mails,
notes, calls, meetings, chats and work items of the last half year (and a few tasks and events
still ahead), owned by the demo's employees.

Each is as the editors would save it: a summary, an end (or due date) not before its start, a
time spent in whole minutes, a note Completed, an e-mail a draft to the customer's main contact
address. Drawn from a random source of its own, so the customers stay what the same seed gave.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.ledger import workstation
from app.ledger.demo.bulk import insert_rows
from app.models import Activity, ActivityStatus, ActivityType, Contact, Customer, Employee

SHARE = 0.4  # of the customers that have activities
PER_CUSTOMER = (1, 1, 2, 2, 3, 4, 6)
DAYS_BACK = 180
# (ID, name, e-mail) of the employees activities are assigned to.
EMPLOYEES = (
    ("ANNE", "Anne Sørensen", "anne.sorensen@nordlys.example"),
    ("OLE", "Ole Kristiansen", "ole.kristiansen@nordlys.example"),
    ("SIRI", "Siri Aas", "siri.aas@nordlys.example"),
)
WORK_GROUPS = ("Sales", "Collections", "Customer service", None, None)
# The types drawn, and how often.
TYPES = (
    (ActivityType.TASK, 5),
    (ActivityType.EVENT, 3),
    (ActivityType.EMAIL, 4),
    (ActivityType.NOTE, 3),
    (ActivityType.PHONE_CALL, 5),
    (ActivityType.MEETING, 2),
    (ActivityType.CHAT, 1),
    (ActivityType.WORK_ITEM, 1),
)
SUMMARIES = {
    ActivityType.TASK: (
        "Follow up the overdue invoice",
        "Send the new price list",
        "Check the credit limit",
        "Confirm the delivery address",
        "Prepare the annual agreement",
    ),
    ActivityType.EVENT: (
        "Visit at the customer's office",
        "Annual review",
        "Product presentation",
        "Trade fair meeting",
    ),
    ActivityType.EMAIL: (
        "Your statement of account",
        "Reminder: invoice due",
        "Order confirmation",
        "New terms from next month",
    ),
    ActivityType.NOTE: (
        "Prefers e-mail to letters",
        "Invoices to the accounts department",
        "Closed in July",
        "Ask for the purchase order number",
    ),
    ActivityType.PHONE_CALL: (
        "Asked for a copy of an invoice",
        "Questions about a credit note",
        "Called about a late delivery",
        "Promised payment by Friday",
    ),
    ActivityType.MEETING: ("Contract negotiation", "Quarterly meeting"),
    ActivityType.CHAT: ("Asked about delivery times", "Asked for the IBAN"),
    ActivityType.WORK_ITEM: ("Updated the customer's addresses", "Reconciled the balance"),
}


def add_employees(session: Session) -> list[int]:
    """The demo's employees (those not there yet); the ids of all three."""
    known = dict(
        session.execute(
            select(Employee.employee_id, Employee.id).where(
                Employee.employee_id.in_([row[0] for row in EMPLOYEES])
            )
        ).all()
    )
    for employee_id, name, email in EMPLOYEES:
        if employee_id not in known:
            employee = Employee(employee_id=employee_id, name=name, email=email)
            session.add(employee)
            session.flush()
            known[employee_id] = employee.id
    return [known[row[0]] for row in EMPLOYEES]


def add_activities(session: Session, seed: int, as_at: date) -> int:
    """Activities for a share of the customers; how many were made."""
    pick = random.Random(seed)
    owners = add_employees(session)
    creator = workstation.user_name()
    customers = session.execute(
        select(Customer.id, Contact.email)
        .outerjoin(Contact, Contact.id == Customer.main_contact_id)
        .order_by(Customer.id)
    ).all()
    kinds = [kind for kind, _weight in TYPES]
    weights = [weight for _kind, weight in TYPES]
    today = datetime.combine(as_at, time(16, 0))
    rows: list[dict[str, Any]] = []
    for customer_id, email in customers:
        if pick.random() >= SHARE:
            continue
        for _ in range(pick.choice(PER_CUSTOMER)):
            kind = pick.choices(kinds, weights)[0]
            if kind == ActivityType.EMAIL and not email:
                kind = ActivityType.NOTE  # nowhere to write to: noted instead
            rows.append(_activity(pick, customer_id, kind, email, today, owners, creator))
    insert_rows(session, Activity.__table__, rows)  # type: ignore[arg-type]
    return len(rows)


def _activity(
    pick: random.Random,
    customer_id: int,
    kind: ActivityType,
    email: str | None,
    today: datetime,
    owners: list[int],
    creator: str,
) -> dict[str, Any]:
    ahead = kind in (ActivityType.TASK, ActivityType.EVENT) and pick.random() < 0.2
    days = pick.randint(1, 30) if ahead else -pick.randint(0, DAYS_BACK)
    hour, minute = pick.randint(8, 15), 15 * pick.randint(0, 3)
    start = (today + timedelta(days=days)).replace(hour=hour, minute=minute)
    end: datetime | None = None
    if kind == ActivityType.TASK:
        end = start + timedelta(days=pick.randint(1, 14))
    elif kind in (ActivityType.EVENT, ActivityType.MEETING):
        end = start + timedelta(minutes=30 * pick.randint(1, 6))
    if ahead:
        status = ActivityStatus.OPEN
    elif kind == ActivityType.NOTE:
        status = ActivityStatus.COMPLETED
    else:
        status = pick.choice(
            (ActivityStatus.COMPLETED,) * 6 + (ActivityStatus.IN_PROCESS, ActivityStatus.CANCELLED)
        )
    done = status == ActivityStatus.COMPLETED
    summary = pick.choice(SUMMARIES[kind])
    return {
        "customer_id": customer_id,
        "activity_type": kind,
        "summary": summary,
        "status": status,
        "start_at": start,
        "end_at": end,
        "time_spent": 5 * pick.randint(1, 24) if done and kind != ActivityType.NOTE else 0,
        "work_group": pick.choice(WORK_GROUPS),
        "owner_id": pick.choice(owners),
        "created_by": creator,
        "released": done and pick.random() < 0.5,
        "body": None,
        "email_to": email if kind == ActivityType.EMAIL else None,
        "email_subject": summary if kind == ActivityType.EMAIL else None,
        # Logged when it happened (a future one: today).
        "created_at": min(start, today),
        "modified_at": min(start, today),
    }
