"""Prepare statements and Print statements: a statement cycle run on a statement date, its
proof sheet, then the statements printed (customers with Print statements) or written for sending
(customers with Send statements by email: an offline workstation writes one e-mail file per
statement to the outbox, as the customer's STATEMENT mailing says, for a mail program to send:
app/ledger/statements/email.py).

Printing a whole cycle archives each statement's PDF (atomic, with its checksum) with a progress
dialog that can be cancelled: a cancelled run leaves whole files only.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from app import paths
from app.ledger.statements.archive import write_private
from app.ledger.statements.cycle import StatementError, prepare_cycle, statements_of_run
from app.ledger.statements.email import MailingError, statement_email, write_email
from app.ledger.statements.mailing import other_format
from app.ledger.statements.printing import archive_statements
from app.ledger.statements.proof import ProofRow, proof_sheet
from app.ledger.statements.view import statement_views
from app.models import Customer, Statement, StatementCycle
from app.models.database import Store
from app.reports.formats import DEFAULT
from app.reports.statement_pdf import render
from app.windows.framework import dialogs

PROOF_COLUMNS = (
    "Customer no.",
    "Customer name",
    "Statement type",
    "Previous closing",
    "Opening balance",
    "Movements",
    "Closing balance",
    "Ageing total",
    "Ledger balance",
    "Check",
)
MISMATCH = QColor(255, 220, 220)
SHOWN_REFUSALS = 3  # refused e-mails named in the message; more are listed in a file


def statements_to_print(store: Store, statement_ids: list[int]) -> tuple[list[int], list[int]]:
    """The statements of customers with Print statements, and those with Send statements by
    email, each in customer order."""
    with store.session() as session:
        rows = session.execute(
            select(Statement.id, Customer.print_statements, Customer.send_statements_by_email)
            .join(Customer, Statement.customer_id == Customer.id)
            .where(Statement.id.in_(statement_ids))
            .order_by(Customer.customer_no, Statement.id)
        ).all()
    return [r[0] for r in rows if r[1]], [r[0] for r in rows if r[2]]


class PrepareStatements(QDialog):
    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        show_pdf: Callable[[bytes, str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("prepare_statements")
        self.setWindowTitle("Prepare statements")
        self.store = store
        self.show_pdf = show_pdf or self._preview
        self.statement_ids: list[int] = []
        self.sent: list[Path] = []  # the e-mails written for the statements to send
        self.refused: list[str] = []  # why a statement's e-mail could not be made
        self.proof: list[ProofRow] = []

        self.cycle = QComboBox()
        self.cycle.setObjectName("statement_cycle")
        with store.session() as session:
            for cycle in session.scalars(
                select(StatementCycle).order_by(StatementCycle.statement_cycle_id)
            ):
                self.cycle.addItem(f"{cycle.statement_cycle_id} — {cycle.description}", cycle.id)
        self.statement_date = QDateEdit()
        self.statement_date.setObjectName("statement_date")
        self.statement_date.setCalendarPopup(True)
        self.statement_date.setDisplayFormat("yyyy-MM-dd")
        self.statement_date.setDate(QDate.currentDate())
        form = QFormLayout()
        form.addRow("Statement cycle", self.cycle)
        form.addRow("Statement date", self.statement_date)

        self.table = QTableWidget(0, len(PROOF_COLUMNS))
        self.table.setObjectName("grid_proof_sheet")
        self.table.setHorizontalHeaderLabels(PROOF_COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)

        prepare = QPushButton("Prepare")
        prepare.setObjectName("action_prepare")
        prepare.clicked.connect(self.prepare)
        prepared = QPushButton("Open prepared")
        prepared.setObjectName("action_open_prepared")
        prepared.setToolTip(
            "Shows the statements the cycle already made on the statement date, with their "
            "proof sheet, to print them (again)."
        )
        prepared.clicked.connect(self.open_prepared)
        self.print_button = QPushButton("Print statements…")
        self.print_button.setObjectName("action_print_statements")
        self.print_button.clicked.connect(self.print_statements)
        self.print_button.setEnabled(False)
        self.proof_button = QPushButton("Proof sheet PDF…")
        self.proof_button.setObjectName("action_proof_sheet_pdf")
        self.proof_button.clicked.connect(self.proof_pdf)
        self.proof_button.setEnabled(False)
        close = QPushButton("Close")
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for widget in (prepare, prepared, self.proof_button, self.print_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("Proof sheet"))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(1100, 560)

    def _picked(self) -> tuple[int, date] | None:
        cycle_id = self.cycle.currentData()
        if cycle_id is None:
            self.message.setText("Statement cycle: select the cycle to prepare.")
            return None
        picked = self.statement_date.date()
        return cycle_id, date(picked.year(), picked.month(), picked.day())

    def open_prepared(self) -> None:
        picked = self._picked()
        if picked is None:
            return
        with self.store.session() as session:
            ids = statements_of_run(session, *picked)
        if not ids:
            self.message.setText(
                f"The cycle made no statements on {picked[1].isoformat()}: prepare them first."
            )
            return
        self.statement_ids = ids
        with self.store.session() as session:
            self.proof = proof_sheet(session, ids)
        self._show_proof()

    def prepare(self) -> None:
        picked = self._picked()
        if picked is None:
            return
        cycle_id, statement_date = picked
        try:
            with self.store.transaction() as session:
                prepared = prepare_cycle(session, cycle_id, statement_date)
        except StatementError as error:
            self.message.setText(str(error))
            return
        self.statement_ids = prepared.statement_ids
        with self.store.session() as session:
            self.proof = proof_sheet(session, self.statement_ids)
        self._show_proof()

    def _show_proof(self) -> None:
        self.table.setRowCount(len(self.proof))
        for number, row in enumerate(self.proof):
            texts = (
                row.customer_no,
                row.customer_name,
                row.statement_type.label,
                DEFAULT.amount(row.previous_closing),
                DEFAULT.amount(row.opening),
                DEFAULT.amount(row.movements),
                DEFAULT.amount(row.closing),
                DEFAULT.amount(row.ageing_total),
                DEFAULT.amount(row.ledger_balance),
                "OK" if row.ok else "; ".join(row.problems),
            )
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if not row.ok:
                    item.setBackground(QBrush(MISMATCH))
                if 3 <= column <= 8:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(number, column, item)
        self.table.resizeColumnsToContents()
        wrong = sum(1 for row in self.proof if not row.ok)
        count = len(self.proof)
        if wrong:
            self.message.setText(
                f"{count} statement(s) prepared; {wrong} do not add up (marked): check them "
                "before printing."
            )
        else:
            self.message.setText(f"{count} statement(s) prepared; the proof sheet adds up.")
        self.print_button.setEnabled(bool(count))
        self.proof_button.setEnabled(bool(count))

    def proof_pdf(self) -> None:
        from app.reports.tables_pdf import proof_sheet_pdf

        cycle = self.cycle.currentText()
        picked = self.statement_date.date().toString("yyyy-MM-dd")
        self.show_pdf(
            proof_sheet_pdf(self.proof, f"{cycle}, statement date {picked}"), "Proof sheet"
        )

    def print_statements(self) -> None:
        """Archive the PDF of every statement to print or send (with progress, cancellable),
        then preview those to print as one document for the print dialog."""
        wrong = sum(1 for row in self.proof if not row.ok)
        if wrong and not dialogs.confirm(
            self,
            "Print statements",
            f"{wrong} statement(s) do not add up on the proof sheet. Print them anyway?",
        ):
            return
        to_print, to_send = statements_to_print(self.store, self.statement_ids)
        wanted = list(dict.fromkeys(to_print + to_send))
        progress = QProgressDialog("Writing statements…", "Cancel", 0, len(wanted), self)
        progress.setObjectName("print_progress")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        folder = paths.statements_dir()
        outbox = folder / "outbox"
        sending = set(to_send)
        self.sent = []
        self.refused = []
        unaddressed = 0

        def archived(session: Session, statement_id: int, _path: Path, data: bytes) -> None:
            nonlocal unaddressed
            if statement_id not in sending:
                return
            (view,) = statement_views(session, [statement_id])
            try:
                email = statement_email(
                    session, view, data, partial(other_format, session, statement_id)
                )
            except MailingError as error:
                self.refused.append(str(error))  # the others are still sent
            else:
                if email is None:
                    unaddressed += 1
                else:
                    self.sent.append(write_email(email, outbox))

        def shown(count: int) -> bool:
            progress.setValue(count)
            QApplication.processEvents()
            return not progress.wasCanceled()

        # Rendered by worker processes on every core; written and checksummed here.
        done = archive_statements(self.store, wanted, folder, archived=archived, progress=shown)
        progress.close()
        if done < len(wanted):
            self.message.setText(f"Cancelled: {done} of {len(wanted)} statements written.")
            return
        text = (
            f"{len(to_print)} statement(s) to print; {len(to_send)} to send by email: "
            f"{len(self.sent)} e-mail(s) written to {outbox}, to send from your mail program."
        )
        if unaddressed:
            text += (
                f" {unaddressed} statement(s) have no active STATEMENT mailing recipient with an "
                "e-mail address: no e-mail for them."
            )
        # All refusals in a file beside the e-mails when there are more than the message names
        # (a whole cycle may refuse many); a list from an earlier run does not stay behind.
        listed = outbox / "refused.txt"
        if len(self.refused) > SHOWN_REFUSALS:
            write_private(listed, "\n".join(self.refused).encode("utf-8") + b"\n")
            more = len(self.refused) - SHOWN_REFUSALS
            named = [*self.refused[:SHOWN_REFUSALS], f"… and {more} more, all listed in {listed}."]
            text += f" Not sent ({len(self.refused)}): " + " ".join(named)
        else:
            listed.unlink(missing_ok=True)
            if self.refused:
                text += " Not sent: " + " ".join(self.refused)
        self.message.setText(text)
        if to_print:
            with self.store.session() as session:
                data = render(statement_views(session, to_print))
            self.show_pdf(data, "Statements to print")

    def _preview(self, data: bytes, title: str) -> None:
        from app.windows.statements.preview import StatementPreview

        StatementPreview(data, title, self).exec()
