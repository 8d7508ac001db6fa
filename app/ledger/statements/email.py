"""A statement sent by e-mail, as the customer's STATEMENT mailing (AR303000 Mailing settings)
says: one RFC 5322 message per statement, written to the outbox as an ``.eml`` file that any
mail program opens and sends (an offline workstation sends nothing itself).

- From: the mailing's Email account; else the Default email account of AR101000's STATEMENT
  mailing (Default sources); else the statement branch's company e-mail (Company details,
  printed on the statement as the sender). None of them: the e-mail is refused.
- To, Cc, Bcc: the mailing's recipients (app/ledger/statements/mailing.py).
- Subject and plain-text body: the mailing's Notification template, its placeholders filled
  (app/ledger/statements/placeholders.py); one it does not know stays visible as written.
- The statement attached once per format the recipients ask for, named after the mailing's
  Report: "Customer statement C000123 2026-03-31.pdf". Only a statement report (AR641500) can
  produce a statement: a STATEMENT mailing with another report is refused for that customer.

Why the report rule is checked here, when the e-mail is made, and not when a mailing is saved:
a customer's STATEMENT mailing gets its settings from three windows (AR101000, AR201000,
AR303000), from class changes that reach customers not Overridden, from Revert and imports;
checking where the report is used covers all of them and the rows already stored, once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import formatdate, make_msgid
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.ledger.statements.archive import write_private
from app.ledger.statements.mailing import (
    STATEMENT_MAILING,
    SUFFIX,
    Recipient,
    recipients_of,
    statement_mailing,
)
from app.ledger.statements.placeholders import filled
from app.ledger.statements.view import StatementView
from app.models import (
    PREFERENCES_ID,
    Customer,
    DefaultSource,
    EmailAccount,
    NotificationTemplate,
    Report,
    Statement,
)
from app.models.options import MailingFormat
from app.reports.formats import format_for

# The reports that lay out a customer statement (app/reports/statement_pdf.py renders it).
STATEMENT_REPORTS = frozenset({"AR641500"})

MIME_TYPES = {
    MailingFormat.PDF: ("application", "pdf"),
    MailingFormat.HTML: ("text", "html"),
    MailingFormat.EXCEL: ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
}
_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


class MailingError(Exception):
    """A statement e-mail that cannot be made; the message names the customer and the mailing."""


@dataclass(frozen=True)
class StatementEmail:
    message: EmailMessage
    file_name: str  # the .eml file's name in the outbox


def placeholder_values(view: StatementView) -> dict[str, str]:
    written = format_for(view.locale)
    return {
        "StatementDate": written.day(view.statement_date),
        "CustomerID": view.customer_no,
        "CustomerName": view.customer_name,
        "Currency": view.currency,
        "OpeningBalance": written.amount(view.opening_balance),
        "ClosingBalance": written.amount(view.closing_balance),
        "CompanyName": view.company.name,
    }


def statement_report_problem(report: Report | None) -> str | None:
    """Why the mailing's report cannot produce a statement (none: it can)."""
    if report is None:
        return "has no report: select AR641500 Customer statement"
    if report.report_id.upper() not in STATEMENT_REPORTS:
        return (
            f"has report {report.report_id} {report.name}, which is not a customer statement: "
            "select AR641500 Customer statement"
        )
    return None


def _sender(session: Session, account_id: int | None, view: StatementView) -> str | None:
    if account_id is None:
        source = session.scalars(
            select(DefaultSource).where(
                DefaultSource.preferences_id == PREFERENCES_ID,
                func.lower(DefaultSource.mailing_id) == STATEMENT_MAILING.lower(),
            )
        ).first()
        account_id = source.email_account_id if source is not None else None
    account = session.get(EmailAccount, account_id) if account_id is not None else None
    if account is not None and account.email_address.strip():
        return account.email_address.strip()
    return (view.company.email or "").strip() or None


def statement_email(
    session: Session,
    view: StatementView,
    pdf: bytes,
    other_format: Callable[[MailingFormat], bytes],
) -> StatementEmail | None:
    """The e-mail of one statement (none: its customer's mailing has no recipient with an
    address); ``pdf`` is the archived statement, ``other_format`` makes HTML or Excel.
    Raises MailingError naming the customer and the mailing when it cannot be made."""
    statement = session.get_one(Statement, view.statement_id)
    customer = session.get_one(Customer, statement.customer_id)
    mailing = statement_mailing(session, customer, statement.branch_id)
    if mailing is None:
        return None
    recipients = recipients_of(session, customer, mailing)
    if not recipients:
        return None
    who = f"Customer {customer.customer_no} ({view.customer_name}), mailing {mailing.mailing_id}"
    report = session.get(Report, mailing.report_id) if mailing.report_id is not None else None
    problem = statement_report_problem(report)
    if problem is not None:
        raise MailingError(f"{who} {problem}.")
    assert report is not None
    template_id = mailing.notification_template_id
    template = session.get(NotificationTemplate, template_id) if template_id is not None else None
    if template is None:
        raise MailingError(
            f"{who} has no notification template: select the template whose subject and body "
            "the e-mail takes (e.g. StatementNotification)."
        )
    sender = _sender(session, mailing.email_account_id, view)
    if sender is None:
        raise MailingError(
            f"{who} has no email account to send from: select one on the mailing or as the "
            "Default email account of STATEMENT in Customer ledger preferences (AR101000), or "
            "give the branch's company details an e-mail address."
        )
    values = placeholder_values(view)
    message = EmailMessage(policy=SMTP)
    try:
        message["From"] = sender
        for header in ("To", "Cc", "Bcc"):
            addresses = [r.email for r in recipients if r.header == header]
            if addresses:
                # Bcc stays in the file on purpose: the mail program that sends the .eml reads
                # it to deliver the blind copies and leaves it off what the recipients get.
                message[header] = ", ".join(addresses)
        # One line: a line break in the template or the customer's name would end the header.
        message["Subject"] = " ".join(filled(template.subject or "", values).split())
        message["Date"] = formatdate(localtime=True)
        message["Message-ID"] = make_msgid(domain=sender.partition("@")[2] or None)
        message["X-Unsent"] = "1"  # opened as a draft to send, by the programs that know it
        message.set_content(filled(template.body or "", values))
    except (ValueError, TypeError) as error:  # an address the e-mail format cannot carry
        raise MailingError(f"{who}: the e-mail cannot be written: {error}") from None
    stem = f"{report.name} {view.customer_no} {view.statement_date.isoformat()}"
    attach_statement(message, recipients, stem, pdf, other_format)
    day = view.statement_date.isoformat()
    name = f"{customer.customer_no} {day} {statement.id}-r{statement.revision}.eml"
    return StatementEmail(message, _UNSAFE_NAME.sub("_", name))


def attach_statement(
    message: EmailMessage,
    recipients: list[Recipient],
    stem: str,
    pdf: bytes,
    other_format: Callable[[MailingFormat], bytes],
) -> None:
    """The statement attached to ``message`` once per format the recipients ask for (in their
    order), named ``stem`` and the format's suffix: ``pdf`` or what ``other_format`` makes."""
    for wanted in dict.fromkeys(recipient.format for recipient in recipients):
        data = pdf if wanted == MailingFormat.PDF else other_format(wanted)
        maintype, subtype = MIME_TYPES[wanted]
        name = (_UNSAFE_NAME.sub("_", stem) or "statement") + SUFFIX[wanted]
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)


def write_email(email: StatementEmail, outbox: Path) -> Path:
    """The e-mail written to ``outbox`` atomically (a whole file or none), readable by the user
    alone: it carries the customer's statement."""
    path = outbox / email.file_name
    write_private(path, email.message.as_bytes())
    return path
