"""Who receives a statement sent by e-mail: the STATEMENT mailing of the customer's class
(AR201000 Mailing settings; customers get their own copies of mailings in a later revision)
and its active recipients, each resolved to an e-mail address.

An offline workstation sends nothing: the statement's PDF is saved once per recipient in an
outbox folder named after the address, for whoever sends the mail.

Recipients: Primary is the customer's main contact, Invoicing its invoice contact (the main one
while Same as main), Employee the employee's address. Shipping is a location's contact and is
not resolved here yet; nor are HTML and Excel formats: the statement is always a PDF.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.ledger.statements.archive import write_private
from app.models import ClassMailing, Customer, Employee
from app.models.options import ContactType

STATEMENT_MAILING = "STATEMENT"
_UNSAFE = re.compile(r"[^A-Za-z0-9@._+-]+")


@dataclass(frozen=True)
class Recipient:
    email: str
    contact_type: ContactType


def statement_recipients(
    session: Session, customer_id: int, branch_id: int | None = None
) -> list[Recipient]:
    """The addresses the customer's statements go to (none: no mailing, or no address)."""
    customer = session.get_one(Customer, customer_id)
    if customer.customer_class_id is None:
        return []
    mailings = session.scalars(
        select(ClassMailing).where(
            ClassMailing.customer_class_id == customer.customer_class_id,
            ClassMailing.mailing_id == STATEMENT_MAILING,
            ClassMailing.active.is_(True),
        )
    ).all()
    # The branch's own mailing when there is one, else the one for every branch.
    mailing = next((m for m in mailings if m.branch_id == branch_id), None) or next(
        (m for m in mailings if m.branch_id is None), None
    )
    if mailing is None:
        return []
    found: list[Recipient] = []
    for recipient in mailing.recipients:
        if not recipient.active:
            continue
        email: str | None = None
        if recipient.contact_type is ContactType.PRIMARY and customer.main_contact:
            email = customer.main_contact.email
        elif recipient.contact_type is ContactType.INVOICING:
            contact = customer.invoice_contact or customer.main_contact
            email = contact.email if contact else None
        elif recipient.contact_type is ContactType.EMPLOYEE and recipient.employee_id:
            employee = session.get(Employee, recipient.employee_id)
            email = employee.email if employee else None
        if email and email.strip() and email.strip() not in {r.email for r in found}:
            found.append(Recipient(email.strip(), recipient.contact_type))
    return found


def save_for_recipients(
    data: bytes, file_name: str, recipients: list[Recipient], outbox: Path
) -> list[Path]:
    """The PDF saved once per recipient: ``outbox/<address>/<file_name>``."""
    saved = []
    for recipient in recipients:
        path = outbox / (_UNSAFE.sub("_", recipient.email) or "recipient") / file_name
        write_private(path, data)
        saved.append(path)
    return saved
