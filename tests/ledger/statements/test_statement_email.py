"""A statement sent by e-mail (app/ledger/statements/email.py): one .eml file per statement as
the customer's STATEMENT mailing says — its e-mail account as sender (else AR101000's), its
recipients as To, Cc and Bcc, its notification template's subject and body with the statement's
figures filled in, and the statement attached, named after the mailing's report, in each format
the recipients ask for. A mailing that cannot make the e-mail is refused, naming why."""

from __future__ import annotations

import copy
import io
from datetime import date
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import default
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.ledger.customer_mailings import MAILINGS, RECIPIENTS
from app.ledger.customers import CustomerService
from app.ledger.setup import set_up_company
from app.ledger.statements.archive import archived_pdf
from app.ledger.statements.cycle import prepare_cycle
from app.ledger.statements.email import (
    MailingError,
    StatementEmail,
    placeholder_values,
    statement_email,
    write_email,
)
from app.ledger.statements.mailing import other_format
from app.ledger.statements.placeholders import HELP, PLACEHOLDERS, filled
from app.ledger.statements.view import statement_views
from app.models import (
    PREFERENCES_ID,
    Branch,
    Customer,
    CustomerMailing,
    DefaultSource,
    DocumentType,
    EmailAccount,
    Employee,
    NotificationTemplate,
    Report,
    Statement,
    StatementCycle,
)
from app.models.database import Store
from app.models.options import ContactType, MailingFormat
from tests.ledger.customer_documents import add_document

D = date(2026, 3, 31)


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages)


@pytest.fixture
def customer_id(store: Store) -> int:
    """Customer C000123 of the DEFAULT class (its STATEMENT mailing: AR641500, the
    StatementNotification template, the invoicing contact), owing 1 250,50 NOK on 31.03.2026;
    AR101000's STATEMENT mailing sends from statements@firma.no."""
    set_up_company(store, base_currency="NOK", country="NO", language="nb-NO")
    service = CustomerService(store)
    values = service.new_values() | {
        "customer_no": "C000123",
        "customer_name": "Smith & <Sons> AS",
        "main_contact_email": "post@smith.no",
    }
    new_id = service.save(None, values)
    with store.transaction() as session:
        account = EmailAccount(
            email_account_id="STATEMENTS",
            description="Statements",
            email_address="statements@firma.no",
        )
        session.add(account)
        session.flush()
        source = session.scalars(
            select(DefaultSource).where(
                DefaultSource.preferences_id == PREFERENCES_ID,
                DefaultSource.mailing_id == "STATEMENT",
            )
        ).one()
        source.email_account_id = account.id
        session.add(Employee(employee_id="KARI", name="Kari Nordmann", email="kari@firma.no"))
        customer = session.get_one(Customer, new_id)
        add_document(session, customer, DocumentType.INVOICE, "1250.50", ref_nbr="INV001",
                     doc_date=date(2026, 3, 10), due_date=date(2026, 3, 24),
                     branch_id=session.scalars(select(Branch.id)).one())  # fmt: skip
    return new_id


def the_mailing(session: Session, customer_id: int) -> CustomerMailing:
    customer = session.get_one(Customer, customer_id)
    return next(m for m in customer.mailings if m.mailing_id == "STATEMENT")


def made(store: Store, outbox: Path) -> StatementEmail | None:
    """The customer's statement of 31.03.2026 prepared (once) and its e-mail made."""
    with store.transaction() as session:
        (statement_id,) = (
            session.scalars(select(Statement.id)).all()
            or prepare_cycle(
                session, session.scalars(select(StatementCycle.id)).one(), D
            ).statement_ids
        )
        _path, data = archived_pdf(session, statement_id, outbox.parent / "archive")
        (view,) = statement_views(session, [statement_id])
        return statement_email(
            session, view, data, lambda f: other_format(session, statement_id, f)
        )


def send(store: Store, outbox: Path) -> EmailMessage:
    """The statement's e-mail written to ``outbox`` and read back as a mail program reads it."""
    email = made(store, outbox)
    assert email is not None
    path = write_email(email, outbox)
    assert path.suffix == ".eml" and path.parent == outbox
    with path.open("rb") as file:
        message = BytesParser(policy=default).parse(file)
    assert isinstance(message, EmailMessage)
    return message


def attachments(message: EmailMessage) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for part in message.iter_attachments():
        name = part.get_filename()
        assert isinstance(part, EmailMessage) and name is not None
        content = part.get_content()
        found[name] = content if isinstance(content, bytes) else content.encode()
    return found


def body(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    text: str = part.get_content()
    return text


def test_the_statement_is_one_email_with_the_mailings_sender_recipients_text_and_report(
    store: Store, customer_id: int, tmp_path: Path
) -> None:
    message = send(store, tmp_path / "outbox")
    assert message["From"] == "statements@firma.no"  # AR101000's: the mailing names none
    assert message["To"] == "post@smith.no"
    assert message["Cc"] is None and message["Bcc"] is None
    # The template's placeholders filled as the customer's language (nb-NO) writes them.
    assert message["Subject"] == "Customer statement 31.03.2026"
    assert body(message) == (
        "Dear customer,\n\nPlease find your statement of account attached.\n\nKind regards\n"
    )
    files = attachments(message)
    assert list(files) == ["Customer statement C000123 2026-03-31.pdf"]
    text = pdf_text(files["Customer statement C000123 2026-03-31.pdf"])
    assert "Smith & <Sons> AS" in text and "C000123" in text and "1 250,50" in text
    # The attachment is the archived statement itself.
    with store.session() as session:
        (archived,) = session.scalars(select(Statement.pdf_path)).all()
    assert archived is not None
    assert files["Customer statement C000123 2026-03-31.pdf"] == Path(archived).read_bytes()
    assert (tmp_path / "outbox").stat().st_mode & 0o077 == 0


def test_changing_the_template_the_report_the_account_and_a_recipient_changes_the_email(
    store: Store, customer_id: int, tmp_path: Path
) -> None:
    with store.transaction() as session:
        template = session.scalars(
            select(NotificationTemplate).where(
                NotificationTemplate.template_id == "StatementNotification"
            )
        ).one()
        template.subject = "{CustomerName}:\nstatement {StatementDate} ({Currency})"
        template.body = (
            "Customer {CustomerID} owes {Currency} {ClosingBalance} on {StatementDate}.\n"
            "Ask {Nobody} if unsure."
        )
        mailing = the_mailing(session, customer_id)
        mailing.email_account_id = _account(session, "AR", "reskontro@firma.no")
        (recipient,) = mailing.recipients
        recipient.bcc, recipient.to = True, False
    message = send(store, tmp_path / "outbox")
    assert message["From"] == "reskontro@firma.no"  # the mailing's own account
    assert message["Subject"] == "Smith & <Sons> AS: statement 31.03.2026 (NOK)"  # one line
    # An unknown placeholder stays visible rather than dropped.
    assert body(message) == (
        "Customer C000123 owes NOK 1 250,50 on 31.03.2026.\nAsk {Nobody} if unsure.\n"
    )
    # Bcc is kept in the file for the sending program; there is no To then.
    assert message["Bcc"] == "post@smith.no" and message["To"] is None


def _account(session: Session, code: str, address: str) -> int:
    account = EmailAccount(email_account_id=code, description=code, email_address=address)
    session.add(account)
    session.flush()
    return account.id


def test_the_report_names_the_attachment_and_each_format_is_attached_once(
    store: Store, customer_id: int, tmp_path: Path
) -> None:
    service = CustomerService(store)
    loaded = service.load(customer_id)
    values = copy.deepcopy(loaded)
    with store.session() as session:
        kari = session.scalars(select(Employee.id)).one()
    statement = next(row for row in values[MAILINGS] if row["mailing_id"] == "STATEMENT")
    own: list[dict[str, Any]] = statement[RECIPIENTS]
    own.append(own[0] | {"id": None, "contact_type": ContactType.EMPLOYEE, "contact_id": kari,
                         "format": MailingFormat.EXCEL, "to": False, "bcc": False})  # fmt: skip
    own.append(own[0] | {"id": None, "contact_type": ContactType.PRIMARY, "format":
                         MailingFormat.HTML, "to": False, "bcc": True})  # fmt: skip
    service.save(customer_id, values, loaded["version"], loaded)
    with store.transaction() as session:
        report = session.scalars(select(Report).where(Report.report_id == "AR641500")).one()
        report.name = "Kontoutskrift"
    message = send(store, tmp_path / "outbox")
    # The primary contact is the invoicing one (Same as main): one copy, as the first line says.
    assert (message["To"], message["Cc"], message["Bcc"]) == (
        "post@smith.no",
        "kari@firma.no",
        None,
    )
    files = attachments(message)
    assert list(files) == [
        "Kontoutskrift C000123 2026-03-31.pdf",
        "Kontoutskrift C000123 2026-03-31.xlsx",
    ]
    sheet = load_workbook(io.BytesIO(files["Kontoutskrift C000123 2026-03-31.xlsx"])).active
    assert sheet is not None and sheet["B2"].value == "C000123"


def test_a_mailing_that_cannot_make_the_statement_email_is_refused_saying_why(
    store: Store, customer_id: int, tmp_path: Path
) -> None:
    outbox = tmp_path / "outbox"
    with store.transaction() as session:
        mailing = the_mailing(session, customer_id)
        mailing.report_id = session.scalars(
            select(Report.id).where(Report.report_id == "AR642000")
        ).one()
    with pytest.raises(MailingError) as refused:
        send(store, outbox)
    assert str(refused.value) == (
        "Customer C000123 (Smith & <Sons> AS), mailing STATEMENT has report AR642000 Dunning "
        "letter, which is not a customer statement: select AR641500 Customer statement."
    )
    with store.transaction() as session:
        mailing = the_mailing(session, customer_id)
        mailing.report_id = session.scalars(
            select(Report.id).where(Report.report_id == "AR641500")
        ).one()
        mailing.notification_template_id = None
    with pytest.raises(MailingError, match=r"^Customer C000123 \(Smith & <Sons> AS\), mailing "
                       "STATEMENT has no notification template"):  # fmt: skip
        send(store, outbox)
    assert not outbox.exists()  # nothing half-written


def test_without_an_email_account_the_branchs_company_email_sends_else_it_is_refused(
    store: Store, customer_id: int, tmp_path: Path
) -> None:
    with store.transaction() as session:
        for source in session.scalars(select(DefaultSource)):
            source.email_account_id = None
        branch = session.scalars(select(Branch)).one()
        branch.email = "kundeservice@firma.no"
    assert send(store, tmp_path / "outbox")["From"] == "kundeservice@firma.no"
    with store.transaction() as session:
        branch = session.scalars(select(Branch)).one()
        branch.email = None
    with pytest.raises(MailingError) as refused:
        send(store, tmp_path / "outbox")
    assert str(refused.value).startswith(
        "Customer C000123 (Smith & <Sons> AS), mailing STATEMENT has no email account to send "
        "from: select one on the mailing or as the Default email account of STATEMENT in "
        "Customer ledger preferences (AR101000)"
    )


def test_a_mailing_without_a_recipient_with_an_address_makes_no_email(
    store: Store, customer_id: int, tmp_path: Path
) -> None:
    with store.transaction() as session:
        customer = session.get_one(Customer, customer_id)
        assert customer.main_contact is not None
        customer.main_contact.email = None
    assert made(store, tmp_path / "outbox") is None


def test_every_placeholder_the_help_lists_is_filled() -> None:
    from tests.reports.test_statement_formats import a_view

    values = placeholder_values(a_view())
    assert set(values) == set(PLACEHOLDERS)
    assert all(f"{{{name}}}" in HELP for name in PLACEHOLDERS)
    assert filled("{CustomerID} {customerid} {Nope} {}", values) == "C1 {customerid} {Nope} {}"
