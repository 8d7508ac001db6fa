"""Who receives a statement sent by e-mail: the customer's own STATEMENT mailing (AR303000
Mailing settings, app/ledger/customer_mailings.py: its class's unless Overridden) and its active
recipients, each resolved to an e-mail address, as To, Cc or Bcc, in its own format.

An offline workstation sends nothing: each statement becomes one e-mail file in the outbox, for
a mail program to send (app/ledger/statements/email.py), with the statement attached in each
format its recipients ask for (PDF; HTML and Excel made from the same statement,
app/reports/statement_formats.py).

Recipients: Primary is the customer's main contact, Invoicing its invoice contact (the main one
while Same as main), Shipping the default location's contact (Delivery settings), Employee the
employee's address, Contact the customer's contact person's, Document contact the contact the
statement is addressed to (its invoice contact). An inactive contact person receives nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.ledger.customer_mailings import (
    CONTACT_ID,
    CONTACT_TYPE,
    email_of,
    stored_role_emails,
)
from app.models import ContactPerson, Customer, CustomerMailing
from app.models.options import ContactType, MailingFormat

STATEMENT_MAILING = "STATEMENT"
SUFFIX = {MailingFormat.PDF: ".pdf", MailingFormat.HTML: ".html", MailingFormat.EXCEL: ".xlsx"}


@dataclass(frozen=True)
class Recipient:
    email: str
    contact_type: ContactType
    format: MailingFormat = MailingFormat.PDF
    # How the address is put on the e-mail: To (the main recipients), Cc or Bcc.
    header: str = "To"


def statement_mailing(
    session: Session, customer: Customer, branch_id: int | None
) -> CustomerMailing | None:
    """The customer's active STATEMENT mailing: the branch's own, else the one for all."""
    found = [
        mailing
        for mailing in customer.mailings
        if mailing.mailing_id.casefold() == STATEMENT_MAILING.casefold() and mailing.active
    ]
    return next((m for m in found if m.branch_id == branch_id), None) or next(
        (m for m in found if m.branch_id is None), None
    )


def statement_recipients(
    session: Session, customer_id: int, branch_id: int | None = None
) -> list[Recipient]:
    """The addresses the customer's statements go to (none: no mailing, or no address)."""
    customer = session.get_one(Customer, customer_id)
    mailing = statement_mailing(session, customer, branch_id)
    return [] if mailing is None else recipients_of(session, customer, mailing)


def recipients_of(
    session: Session, customer: Customer, mailing: CustomerMailing
) -> list[Recipient]:
    """The mailing's active recipients with an address; an address named twice receives one
    copy, as its first line says. Each in its own format (a recipient added on the Recipients
    grid starts with its mailing's Format: ``from_master`` of the grid's definition)."""
    roles = stored_role_emails(customer)
    # The statement is addressed to the invoice contact: it is the document's contact.
    roles[ContactType.DOCUMENT_CONTACT] = roles[ContactType.INVOICING]
    found: list[Recipient] = []
    for recipient in mailing.recipients:
        if not recipient.active:
            continue
        if recipient.contact_type == ContactType.CONTACT:
            person = session.get(ContactPerson, recipient.contact_person_id)
            if person is None or not person.active:
                continue
        row = {CONTACT_TYPE: recipient.contact_type, CONTACT_ID: recipient.contact_id}
        email = email_of(session, row, roles)
        address = email.strip() if isinstance(email, str) else ""
        if address and address not in {r.email for r in found}:
            header = "Bcc" if recipient.bcc else "To" if recipient.to else "Cc"
            found.append(Recipient(address, recipient.contact_type, recipient.format, header))
    return found


def other_format(session: Session, statement_id: int, wanted: MailingFormat) -> bytes:
    """The stored statement as HTML or Excel (the PDF is the archived one)."""
    from app.ledger.statements.view import statement_views
    from app.reports.statement_formats import statement_html, statement_xlsx

    (view,) = statement_views(session, [statement_id])
    return statement_html(view) if wanted == MailingFormat.HTML else statement_xlsx(view)
