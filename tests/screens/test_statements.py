"""Statements through the windows a user touches: Regenerate last statement and Customer
statement history (AR404600) on AR303000, the preview (pages, zoom, print, save), and
Prepare statements with its proof sheet and printing."""

from __future__ import annotations

import io
import stat
from datetime import date
from decimal import Decimal
from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import default
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QDate
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.ledger.customer_mailings import give_class_mailings
from app.ledger.statements.archive import checksum
from app.ledger.statements.cycle import prepare_cycle
from app.models import (
    ClassMailing,
    ClassRecipient,
    Contact,
    Customer,
    CustomerClass,
    DocumentType,
    EmailAccount,
    Employee,
    NotificationTemplate,
    Report,
    Statement,
    StatementCycle,
)
from app.models.database import Store
from app.models.options import ContactType, MailingFormat, StatementType
from app.windows.statements.history import StatementHistory
from app.windows.statements.prepare import PrepareStatements
from app.windows.statements.preview import StatementPreview, print_pages
from tests.ledger.customer_documents import add_customer, add_document
from tests.screens.conftest import Answers
from tests.screens.customer_record import Opener, create_customer, set_up


def read_email(path: Path) -> EmailMessage:
    """An .eml file of the outbox, as a mail program reads it."""
    with path.open("rb") as file:
        message = BytesParser(policy=default).parse(file)
    assert isinstance(message, EmailMessage)
    return message


def body_of(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    text: str = part.get_content()
    return text


def attached(message: EmailMessage) -> list[tuple[str | None, bytes]]:
    return [
        (part.get_filename(), part.get_payload(decode=True)) for part in message.iter_attachments()
    ]


def pdf_text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages)


def with_statement(store: Store, customer_no: str, count: int = 1) -> int:
    """A balance-brought-forward customer of cycle MONTHLY with ``count`` invoices, its January
    statement prepared; the cycle's id."""
    with store.transaction() as session:
        cycle = StatementCycle(statement_cycle_id="MONTHLY", description="Monthly")
        session.add(cycle)
        session.flush()
        customer = session.scalars(
            select(Customer).where(Customer.customer_no == customer_no)
        ).one()
        customer.statement_cycle_id = cycle.id
        customer.statement_type = StatementType.BALANCE_BROUGHT_FORWARD
        customer.print_statements = True
        for n in range(count):
            add_document(session, customer, DocumentType.INVOICE, "250", ref_nbr=f"INV{n:03d}",
                         doc_date=date(2026, 1, 10), due_date=date(2026, 1, 25))  # fmt: skip
        prepare_cycle(session, cycle.id, date(2026, 1, 31))
        return cycle.id


class Shown:
    """The statement windows a screen showed, instead of running them modally."""

    def __init__(self) -> None:
        self.dialogs: list[QDialog] = []

    def __call__(self, dialog: QDialog) -> None:
        self.dialogs.append(dialog)


def test_regenerate_is_disabled_saying_why_until_the_customer_has_a_statement(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up(store)
    screen = open_screen("AR303000")
    number = create_customer(qtbot, screen, "Smith & <Sons> AS")
    action = screen.action("regenerate_last_statement")
    assert not action.isEnabled()
    assert action.toolTip().endswith(
        "The customer has no statement yet: statements are made by Prepare statements."
    )
    with_statement(store, number)
    screen.load_record(screen.record.record_id or 0)
    assert action.isEnabled()


def test_regenerate_shows_the_new_revision_and_the_history_keeps_both(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up(store)
    screen = open_screen("AR303000")
    number = create_customer(qtbot, screen, "Smith & <Sons> AS")
    with_statement(store, number)
    screen.load_record(screen.record.record_id or 0)
    # A payment of 20 January entered after the statements were prepared.
    with store.transaction() as session:
        customer = session.scalars(select(Customer).where(Customer.customer_no == number)).one()
        add_document(session, customer, DocumentType.PAYMENT, "100", balance="0",
                     ref_nbr="PAY1", doc_date=date(2026, 1, 20))  # fmt: skip
    shown = Shown()
    screen.show_dialog = shown  # type: ignore[method-assign]
    screen.action("regenerate_last_statement").trigger()
    assert screen.message.text() == (
        "Statement of 2026-01-31 regenerated as revision 2; the earlier revision is kept in "
        "the statement history."
    )
    (preview,) = shown.dialogs
    assert isinstance(preview, StatementPreview)
    text = pdf_text(preview.data)
    assert "Smith & <Sons> AS" in text and "PAY1" in text and "Closing balance" in text
    assert preview.page_label.text() == "Page 1 of 1"

    screen.action("customer_statement_history").trigger()
    history = shown.dialogs[-1]
    assert isinstance(history, StatementHistory) and history.objectName() == "AR404600"
    table = history.table
    assert table.rowCount() == 2
    cells = [[table.item(r, c).text() for c in (0, 1, 2)] for r in range(2)]
    assert cells == [["2026-01-31", "2", "Yes"], ["2026-01-31", "1", "Superseded"]]
    # Revision 2 reopens the very PDF that was shown (its archived bytes).
    table.selectRow(0)
    history.open_selected()
    reopened = shown.dialogs[-1]
    assert isinstance(reopened, StatementPreview)
    assert reopened.data == preview.data
    with store.session() as session:
        current = session.scalars(select(Statement).where(Statement.current.is_(True))).one()
        assert current.pdf_checksum == checksum(preview.data)
        assert current.pdf_path is not None
        assert stat.S_IMODE(Path(current.pdf_path).stat().st_mode) == 0o600


def statement_pdf(store: Store, count: int) -> bytes:
    with store.transaction() as session:
        customer = add_customer(session, "C1", "Nordlys & <Co>")
    with_statement(store, "C1", count)
    from app.ledger.statements.view import statement_views
    from app.reports.statement_pdf import render

    with store.session() as session:
        ids = list(session.scalars(select(Statement.id)))
        assert customer.id
        return render(statement_views(session, ids))


def test_the_preview_pages_zooms_saves_and_prints_page_by_page(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    data = statement_pdf(store, 90)
    preview = StatementPreview(data, "Statement")
    qtbot.addWidget(preview)
    assert preview.page_label.text() == "Page 1 of 3"
    assert not preview.previous.isEnabled()
    width = preview.image.pixmap().width()
    qtbot.mouseClick(preview.next, _left())
    assert preview.page_label.text() == "Page 2 of 3"
    qtbot.mouseClick(preview.zoom_in, _left())
    assert preview.zoom_label.text() == "125 %"
    assert preview.image.pixmap().width() > width
    preview.save_to(tmp_path / "saved.pdf")
    assert (tmp_path / "saved.pdf").read_bytes() == data
    assert stat.S_IMODE((tmp_path / "saved.pdf").stat().st_mode) == 0o600
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert print_pages(data, printer, 2, 3) == 2
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == 2
    preview.done(0)  # Close


def _left() -> Any:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_prepare_statements_shows_the_proof_sheet_and_prints_the_cycle(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    with store.transaction() as session:
        cycle = StatementCycle(statement_cycle_id="EOM", description="End of month")
        session.add(cycle)
        session.flush()
        for number, printed in (("C1", True), ("C2", False)):
            customer = add_customer(session, number, f"Kunde {number}",
                                    statement_cycle_id=cycle.id, print_statements=printed,
                                    send_statements_by_email=not printed)  # fmt: skip
            add_document(session, customer, DocumentType.INVOICE, "100",
                         doc_date=date(2026, 2, 2), due_date=date(2026, 2, 16))  # fmt: skip
        # C2's statements go by e-mail: its STATEMENT mailing (its class's, copied to it as to
        # a new customer of the class), to its primary contact.
        c2 = session.scalars(select(Customer).where(Customer.customer_no == "C2")).one()
        c2.main_contact = Contact(email="regnskap@kunde2.no")
        report = Report(report_id="AR641500", name="Customer statement")
        template = NotificationTemplate(
            template_id="StatementNotification",
            description="Statement e-mail",
            subject="Statement {StatementDate} for {CustomerName}",
            body="Balance {ClosingBalance} on {StatementDate}.",
        )
        account = EmailAccount(email_account_id="AR", description="AR", email_address="ar@firma.no")
        session.add_all([report, template, account])
        session.flush()
        c2.customer_class = CustomerClass(
            class_id="MAIL",
            description="By e-mail",
            mailings=[
                ClassMailing(
                    mailing_id="STATEMENT",
                    recipients=[ClassRecipient()],
                    report_id=report.id,
                    notification_template_id=template.id,
                    email_account_id=account.id,
                ),
            ],
        )
        session.flush()
        give_class_mailings(session, c2)
    shown: list[tuple[bytes, str]] = []
    dialog = PrepareStatements(store, show_pdf=lambda data, title: shown.append((data, title)))
    qtbot.addWidget(dialog)
    dialog.statement_date.setDate(QDate(2026, 2, 28))
    qtbot.mouseClick(dialog.findChild(type(dialog.print_button), "action_prepare"), _left())
    assert dialog.message.text() == "2 statement(s) prepared; the proof sheet adds up."
    assert dialog.table.rowCount() == 2
    assert [dialog.table.item(r, 9).text() for r in range(2)] == ["OK", "OK"]
    # The same date again is refused, saying what to do.
    qtbot.mouseClick(dialog.findChild(type(dialog.print_button), "action_prepare"), _left())
    assert "was last prepared on 2026-02-28" in dialog.message.text()
    qtbot.mouseClick(dialog.print_button, _left())
    (sent,) = dialog.sent
    assert dialog.message.text() == (
        f"1 statement(s) to print; 1 to send by email: 1 e-mail(s) written to {sent.parent}, "
        "to send from your mail program."
    )
    email = read_email(sent)
    assert (email["From"], email["To"]) == ("ar@firma.no", "regnskap@kunde2.no")
    assert email["Subject"] == "Statement 28/02/2026 for Kunde C2"
    assert body_of(email) == "Balance 100.00 on 28/02/2026.\n"
    ((name, data),) = attached(email)
    assert name == "Customer statement C2 2026-02-28.pdf"
    assert "Kunde C2" in pdf_text(data)
    ((data, title),) = shown
    assert title == "Statements to print"
    assert "Kunde C1" in pdf_text(data) and "Kunde C2" not in pdf_text(data)
    with store.session() as session:
        archived = session.scalars(select(Statement.pdf_path)).all()
    assert all(path and Path(path).is_file() for path in archived)

    # C2's recipient changed on its own mailing: the next run goes to the new one, in its format.
    with store.transaction() as session:
        employee = Employee(employee_id="KARI", name="Kari Nordmann", email="kari@firma.no")
        session.add(employee)
        session.flush()
        c2 = session.scalars(select(Customer).where(Customer.customer_no == "C2")).one()
        (statement_mailing,) = c2.mailings
        (recipient,) = statement_mailing.recipients
        recipient.contact_type = ContactType.EMPLOYEE
        recipient.employee_id = employee.id
        recipient.format = MailingFormat.EXCEL
    shown.clear()
    qtbot.mouseClick(dialog.print_button, _left())
    (sent,) = dialog.sent
    email = read_email(sent)
    assert (email["To"], email["Subject"]) == ("kari@firma.no", "Statement 28/02/2026 for Kunde C2")
    ((name, data),) = attached(email)
    assert name == "Customer statement C2 2026-02-28.xlsx"
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet is not None and sheet["C2"].value == "Kunde C2"

    # A STATEMENT mailing with a report that is not a statement cannot send it: refused, saying
    # which customer, mailing and report, while the statements to print are still printed.
    with store.transaction() as session:
        dunning = Report(report_id="AR642000", name="Dunning letter")
        session.add(dunning)
        session.flush()
        c2 = session.scalars(select(Customer).where(Customer.customer_no == "C2")).one()
        (statement_mailing,) = c2.mailings
        statement_mailing.report_id = dunning.id
    shown.clear()
    qtbot.mouseClick(dialog.print_button, _left())
    assert dialog.sent == []
    assert dialog.message.text().endswith(
        "0 e-mail(s) written to "
        f"{sent.parent}, to send from your mail program. Not sent: Customer C2 (Kunde C2), mailing "
        "STATEMENT has report AR642000 Dunning letter, which is not a customer statement: select "
        "AR641500 Customer statement."
    )
    assert len(shown) == 1
    # Many refusals (a whole cycle's): the first named, all of them listed in a file.
    monkeypatch.setattr("app.windows.statements.prepare.SHOWN_REFUSALS", 0)
    qtbot.mouseClick(dialog.print_button, _left())
    listed = sent.parent / "refused.txt"
    assert dialog.message.text().endswith(f"Not sent (1): … and 1 more, all listed in {listed}.")
    assert listed.read_text(encoding="utf-8") == (
        "Customer C2 (Kunde C2), mailing STATEMENT has report AR642000 Dunning letter, which is "
        "not a customer statement: select AR641500 Customer statement.\n"
    )
    monkeypatch.setattr("app.windows.statements.prepare.SHOWN_REFUSALS", 3)
    qtbot.mouseClick(dialog.print_button, _left())
    assert not listed.exists()


def test_aged_receivables_on_screen_and_as_pdf(qtbot: QtBot, store: Store) -> None:
    from app.windows.statements.aged import AgedReceivablesWindow

    with store.transaction() as session:
        session.add(StatementCycle(statement_cycle_id="EOM", description="End of month"))
        late = add_customer(session, "C1", "Sent & <Late>")
        add_document(session, late, DocumentType.INVOICE, "1000",
                     doc_date=date(2026, 1, 1), due_date=date(2026, 1, 15))  # fmt: skip
        add_document(session, add_customer(session, "C2", "Prompt"), DocumentType.INVOICE, "40",
                     doc_date=date(2026, 3, 20), due_date=date(2026, 4, 3))  # fmt: skip
    shown: list[tuple[bytes, str]] = []
    window = AgedReceivablesWindow(store, show_pdf=lambda data, title: shown.append((data, title)))
    qtbot.addWidget(window)
    window.as_at.setDate(QDate(2026, 3, 31))
    qtbot.mouseClick(window.findChild(type(window.pdf_button), "action_show"), _left())
    table = window.table
    assert [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())] == [
        "Customer no.", "Customer name", "Current", "1-30 days", "31-60 days", "61-90 days",
        "Over 90 days", "Total",
    ]  # fmt: skip
    rows = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(3)]
    assert rows == [
        ["C1", "Sent & <Late>", "0.00", "0.00", "0.00", "1,000.00", "0.00", "1,000.00"],
        ["C2", "Prompt", "40.00", "0.00", "0.00", "0.00", "0.00", "40.00"],
        ["", "Total", "40.00", "0.00", "0.00", "1,000.00", "0.00", "1,040.00"],
    ]
    qtbot.mouseClick(window.pdf_button, _left())
    ((data, _title),) = shown
    text = pdf_text(data)
    assert "Aged receivables" in text and "As at 2026-03-31" in text
    assert "Sent & <Late>" in text and "1,040.00" in text


def test_the_proof_sheet_pdf_marks_a_statement_that_does_not_add_up(store: Store) -> None:
    from app.ledger.statements.proof import proof_sheet
    from app.reports.tables_pdf import proof_sheet_pdf

    with store.transaction() as session:
        cycle = StatementCycle(statement_cycle_id="EOM", description="End of month")
        session.add(cycle)
        session.flush()
        customer = add_customer(session, "C1", "Kunde", statement_cycle_id=cycle.id)
        add_document(session, customer, DocumentType.INVOICE, "100", doc_date=date(2026, 1, 5))
        (statement_id,) = prepare_cycle(session, cycle.id, date(2026, 1, 31)).statement_ids
        session.get_one(Statement, statement_id).ledger_balance = Decimal(90)
        session.flush()
        rows = proof_sheet(session, [statement_id])
    text = pdf_text(proof_sheet_pdf(rows, "EOM, statement date 2026-01-31"))
    assert "Proof sheet" in text and "Page 1 of 1" in text
    assert "closing balance 100.00 is not the ledger balance 90.00 as at 2026-01-31" in text


def test_a_prepared_run_is_opened_again_and_its_printing_can_be_cancelled(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    with store.transaction() as session:
        cycle = StatementCycle(statement_cycle_id="EOM", description="End of month")
        session.add(cycle)
        session.flush()
        for number in ("C1", "C2", "C3"):
            customer = add_customer(
                session,
                number,
                f"Kunde {number}",
                statement_cycle_id=cycle.id,
                print_statements=True,
            )
            add_document(session, customer, DocumentType.INVOICE, "100",
                         doc_date=date(2026, 2, 2))  # fmt: skip
        prepare_cycle(session, cycle.id, date(2026, 2, 28))
    shown: list[tuple[bytes, str]] = []
    dialog = PrepareStatements(store, show_pdf=lambda data, title: shown.append((data, title)))
    qtbot.addWidget(dialog)
    dialog.statement_date.setDate(QDate(2026, 2, 27))
    open_prepared = dialog.findChild(QPushButton, "action_open_prepared")
    qtbot.mouseClick(open_prepared, _left())
    assert (
        dialog.message.text() == "The cycle made no statements on 2026-02-27: prepare them first."
    )
    dialog.statement_date.setDate(QDate(2026, 2, 28))
    qtbot.mouseClick(open_prepared, _left())
    assert dialog.table.rowCount() == 3
    # Cancelled after the first statement: one whole file, no half-written ones, no preview.
    asked: list[int] = []

    def cancelled(_progress: QProgressDialog) -> bool:
        asked.append(1)
        return len(asked) > 1

    monkeypatch.setattr(QProgressDialog, "wasCanceled", cancelled)
    qtbot.mouseClick(dialog.print_button, _left())
    assert dialog.message.text() == "Cancelled: 1 of 3 statements written."
    assert shown == []
    with store.session() as session:
        paths = [p for p in session.scalars(select(Statement.pdf_path)) if p]
    assert len(paths) == 1
    folder = Path(paths[0]).parent
    assert [p.name for p in folder.iterdir()] == [Path(paths[0]).name]  # no temporary file


def test_the_statements_menu_opens_prepare_statements_and_aged_receivables(
    qtbot: QtBot, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QAction

    from app.windows.main_window import MainWindow

    opened: list[str] = []
    monkeypatch.setattr(QDialog, "exec", lambda dialog: opened.append(dialog.objectName()) or 0)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, settings=settings)
    qtbot.addWidget(window)
    for name in ("action_prepare_statements", "action_aged_receivables"):
        action = window.findChild(QAction, name)
        assert action is not None, name
        action.trigger()
    assert opened == ["prepare_statements", "aged_receivables"]


def test_statements_that_do_not_add_up_are_printed_only_when_the_user_agrees(
    qtbot: QtBot, store: Store, answers: Answers
) -> None:
    with store.transaction() as session:
        cycle = StatementCycle(statement_cycle_id="EOM", description="End of month")
        session.add(cycle)
        session.flush()
        customer = add_customer(session, "C1", "Kunde", statement_cycle_id=cycle.id,
                                print_statements=True)  # fmt: skip
        add_document(session, customer, DocumentType.INVOICE, "100", doc_date=date(2026, 2, 2))
        (statement_id,) = prepare_cycle(session, cycle.id, date(2026, 2, 28)).statement_ids
        session.get_one(Statement, statement_id).ledger_balance = Decimal(99)
    shown: list[tuple[bytes, str]] = []
    dialog = PrepareStatements(store, show_pdf=lambda data, title: shown.append((data, title)))
    qtbot.addWidget(dialog)
    dialog.statement_date.setDate(QDate(2026, 2, 28))
    dialog.open_prepared()
    assert dialog.message.text() == (
        "1 statement(s) prepared; 1 do not add up (marked): check them before printing."
    )
    assert dialog.table.item(0, 9).text() == (
        "closing balance 100.00 is not the ledger balance 99.00 as at 2026-02-28"
    )
    answers.confirm = False
    qtbot.mouseClick(dialog.print_button, _left())
    assert answers.asked == [
        "Print statements: 1 statement(s) do not add up on the proof sheet. Print them anyway?"
    ]
    assert shown == []
    answers.confirm = True
    qtbot.mouseClick(dialog.print_button, _left())
    assert len(shown) == 1


def test_print_statements_renders_a_long_run_in_worker_processes(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from concurrent.futures import ProcessPoolExecutor

    from app.ledger.statements import printing

    pools: list[int] = []

    class CountedPool(ProcessPoolExecutor):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            pools.append(kwargs["max_workers"])
            super().__init__(*args, **kwargs)

    # Three statements count as a long run here, rendered two at a time by two workers.
    monkeypatch.setattr(printing, "IN_PROCESS_BELOW", 0)
    monkeypatch.setattr(printing, "CHUNK", 2)
    monkeypatch.setattr(printing, "default_workers", lambda: 2)
    monkeypatch.setattr(printing, "ProcessPoolExecutor", CountedPool)
    with store.transaction() as session:
        cycle = StatementCycle(statement_cycle_id="EOM", description="End of month")
        session.add(cycle)
        session.flush()
        for number in ("C1", "C2", "C3"):
            customer = add_customer(session, number, f"Kunde {number}",
                                    statement_cycle_id=cycle.id, print_statements=True)  # fmt: skip
            add_document(session, customer, DocumentType.INVOICE, "100",
                         doc_date=date(2026, 2, 2), due_date=date(2026, 2, 16))  # fmt: skip
    shown: list[tuple[bytes, str]] = []
    dialog = PrepareStatements(store, show_pdf=lambda data, title: shown.append((data, title)))
    qtbot.addWidget(dialog)
    dialog.statement_date.setDate(QDate(2026, 2, 28))
    qtbot.mouseClick(dialog.findChild(type(dialog.print_button), "action_prepare"), _left())
    qtbot.mouseClick(dialog.print_button, _left())
    assert pools == [2]
    assert dialog.message.text().startswith("3 statement(s) to print;")
    with store.session() as session:
        archived = session.scalars(select(Statement).order_by(Statement.id)).all()
    assert len(archived) == 3
    for statement in archived:
        data = Path(statement.pdf_path or "").read_bytes()
        assert checksum(data) == statement.pdf_checksum
        assert f"Kunde C{archived.index(statement) + 1}" in pdf_text(data)
    ((data, _title),) = shown
    assert all(f"Kunde {n}" in pdf_text(data) for n in ("C1", "C2", "C3"))
