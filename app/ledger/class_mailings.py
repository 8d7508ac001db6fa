"""A customer class's mailings take their defaults from the mailings of the preferences
(AR101000, Reporting settings): choosing a mailing ID inserts its email account, report,
notification template, format and active flag, and its default recipients when the class's
mailing has none yet (DESIGN.md §4)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.ledger.recipients import recipient_errors
from app.ledger.records import FieldError, is_blank
from app.models import PREFERENCES_ID, DefaultSource

MAILING_ID = "mailing_id"
BRANCH = "branch"
RECIPIENTS = "recipients"
# The seed (AR101000): "You need to specify either a notification template or a report for a
# mailing at least" — both is allowed: the template then forms the e-mail's body.
NOTHING_TO_SEND = "a mailing needs a report or a notification template."


def sends_nothing(row: Mapping[str, Any]) -> bool:
    """A mailing row with neither a report nor a notification template."""
    return is_blank(row.get("report")) and is_blank(row.get("notification_template"))


def default_source(session: Session, mailing_id: str) -> DefaultSource | None:
    """The preferences' mailing of this ID."""
    found: DefaultSource | None = session.scalar(
        select(DefaultSource).where(
            DefaultSource.preferences_id == PREFERENCES_ID, DefaultSource.mailing_id == mailing_id
        )
    )
    return found


def preferences_mailings(session: Session) -> list[dict[str, Any]]:
    """The preferences' mailings as a new class's Mailings rows (no branch: for all)."""
    sources = session.scalars(
        select(DefaultSource)
        .where(DefaultSource.preferences_id == PREFERENCES_ID)
        .order_by(DefaultSource.id)
    )
    rows: list[dict[str, Any]] = []
    for source in sources:
        row: dict[str, Any] = {MAILING_ID: source.mailing_id, BRANCH: None}
        row.update(mailing_defaults(session, row) or {})
        rows.append(row)
    return rows


def mailing_defaults(session: Session, row: Mapping[str, Any]) -> dict[str, Any] | None:
    """What a class's mailing row takes from the preferences once its mailing ID is chosen."""
    mailing_id = row.get(MAILING_ID)
    source = default_source(session, mailing_id) if isinstance(mailing_id, str) else None
    if source is None:
        return None
    updates: dict[str, Any] = {
        "email_account": source.email_account_id,
        "report": source.report_id,
        "notification_template": source.notification_template_id,
        "format": source.format,
        "active": source.active,
    }
    if not row.get(RECIPIENTS):
        updates[RECIPIENTS] = [
            {
                "contact_type": recipient.contact_type,
                "contact_id": recipient.employee_id,
                "format": recipient.format,
                "active": recipient.active,
                "bcc": recipient.bcc,
            }
            for recipient in source.recipients
        ]
    return updates


def mailing_errors(key: str, label: str, rows: list[dict[str, Any]]) -> list[FieldError]:
    """A mailing is given once per branch and sends something; each recipient follows the
    contact ID rule."""
    errors: list[FieldError] = []
    seen: dict[tuple[str, Any], int] = {}
    for number, row in enumerate(rows, start=1):
        where = f"{label}, row {number}"
        if sends_nothing(row):
            errors.append(FieldError(key, f"{where}, Report", NOTHING_TO_SEND))
        mailing_id = row.get(MAILING_ID)
        if not is_blank(mailing_id):
            first = seen.setdefault((str(mailing_id).casefold(), row.get(BRANCH)), number)
            if first != number:
                errors.append(
                    FieldError(
                        key,
                        f"{where}, Mailing ID",
                        f"'{mailing_id}' is already in row {first} for the same branch.",
                    )
                )
        errors.extend(recipient_errors(key, f"{where}, Recipients", row.get(RECIPIENTS) or []))
    return errors
