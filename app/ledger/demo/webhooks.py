"""The demo company's Webhook notifications: a few active customers have the box saved on and a
history of events (app/ledger/webhooks.py) — created, updated with what changed, their first
documents released (and closed when paid) — some consumed by an integrator with its feedback,
one resent, the latest still available. Drawn from a random source of its own, so the
customers stay what the same seed always gave.
"""

from __future__ import annotations

import random
import uuid
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.ledger.demo.bulk import insert_rows
from app.ledger.webhooks import SOURCE_OF, changes_json
from app.models import ArDocument, Customer, CustomerEvent, CustomerStatus, DocumentStatus
from app.models.webhook import EventStatus, EventType

NOTIFIED = 5  # customers with Webhook notification on
DOCUMENTS = 3  # of each, the first documents whose statuses were notified
DEMO_USER = "demo"  # who made the demo's changes (the same on every workstation)
FEEDBACK = "HTTP 200 OK: received by the CRM integration."


def add_webhook_history(session: Session, seed: int, as_at: date) -> int:
    """Select Webhook notification for a few active customers and give them a history; how
    many events were written."""
    pick = random.Random(seed)
    candidates = session.execute(
        select(Customer.id, Customer.customer_no, Customer.name, Customer.credit_limit)
        .where(Customer.status == CustomerStatus.ACTIVE, Customer.parent_account_id.is_(None))
        .order_by(Customer.id)
    ).all()
    if not candidates:
        return 0
    chosen = sorted(pick.sample(candidates, min(NOTIFIED, len(candidates))))
    rows: list[dict[str, Any]] = []
    for customer_id, number, name, credit_limit in chosen:
        # The last change notified: the account reference the integrator's CRM gave.
        session.execute(
            update(Customer)
            .where(Customer.id == customer_id)
            .values(webhook_notification=True, account_ref=f"CRM-{number}")
        )
        rows.extend(_history(session, pick, (customer_id, number, name or ""), credit_limit, as_at))
    rows.sort(key=lambda row: (row["at"], row["customer_no"]))
    insert_rows(session, CustomerEvent.__table__, rows)  # type: ignore[arg-type]
    return len(rows)


def _history(
    session: Session,
    pick: random.Random,
    customer: tuple[int, str, str],
    credit_limit: Decimal,
    as_at: date,
) -> list[dict[str, Any]]:
    """One customer's events, true to what it holds: created before its first document, its
    credit limit set (when it has one), its first documents' statuses, its account reference."""
    customer_id, number, name = customer
    documents = session.execute(
        select(ArDocument.doc_type, ArDocument.ref_nbr, ArDocument.doc_date, ArDocument.status)
        .where(ArDocument.customer_id == customer_id, ArDocument.released.is_(True))
        .order_by(ArDocument.doc_date, ArDocument.id)
        .limit(DOCUMENTS)
    ).all()
    first = min([on for *_rest, on, _status in documents], default=as_at)
    start = min(first, as_at - timedelta(days=365)) - timedelta(days=30)

    def event(
        on: date, event_type: EventType, details: dict[str, Any], status: EventStatus, **extra: Any
    ) -> dict[str, Any]:
        at = datetime.combine(on, time(8)) + timedelta(minutes=pick.randrange(9 * 60))
        consumed = status == EventStatus.CONSUMED
        return {
            "customer_id": customer_id,
            "customer_no": number,
            "event": event_type,
            "document_status": extra.get("document_status"),
            "changes": changes_json(number, event_type, details),
            "user_name": DEMO_USER,
            "at": at,
            "message_id": str(uuid.UUID(int=pick.getrandbits(128), version=4)),
            "status": status,
            "source": SOURCE_OF[status],
            "success": True if consumed else None,
            "resend_count": 1 if status == EventStatus.RESENT else 0,
            "resent_at": at + timedelta(days=2) if status == EventStatus.RESENT else None,
            "feedback": FEEDBACK if consumed else None,
            "feedback_at": at + timedelta(minutes=1) if consumed else None,
        }

    created = {"field": "customer_name", "label": "Customer name", "old": None, "new": name}
    events = [event(start, EventType.ENTITY_CREATED, {"changes": [created]}, EventStatus.CONSUMED)]
    if credit_limit:
        limit = {"field": "credit_limit", "label": "Credit limit", "old": "0.0000"}
        events.append(
            event(
                start + timedelta(days=1),
                EventType.ENTITY_UPDATED,
                {"changes": [limit | {"new": str(credit_limit)}]},
                EventStatus.RESENT,
            )
        )
    for doc_type, ref_nbr, released_on, status in documents:  # released on their date
        document = f"{doc_type.label} {ref_nbr}"
        moves = [(DocumentStatus.BALANCED, DocumentStatus.OPEN)]
        if status == DocumentStatus.CLOSED:
            moves.append((DocumentStatus.OPEN, DocumentStatus.CLOSED))
        for step, (old, new) in enumerate(moves):
            change = {"field": "status", "label": "Status", "old": old.label, "new": new.label}
            events.append(
                event(
                    released_on + timedelta(days=7 * step),
                    EventType.DOCUMENT_STATUS_CHANGED,
                    {"document": document, "changes": [change]},
                    EventStatus.CONSUMED,
                    document_status=f"{document}: {new.label}",
                )
            )
    reference = {"field": "account_ref", "label": "Account ref.", "old": None}
    events.append(
        event(
            as_at - timedelta(days=1),
            EventType.ENTITY_UPDATED,
            {"changes": [reference | {"new": f"CRM-{number}"}]},
            EventStatus.AVAILABLE,
        )
    )
    return events
