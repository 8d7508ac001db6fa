"""Customer documents (AR301000): invoices, notes and payments, arranged from the document's
definition (app/ledger/definitions/document.py), with Release and Void.

A released or voided document is shown read-only: every field and the lines grid. Warnings of a
save (a failed credit check, a missing VAT registration ID) are shown above the form. Opened from
AR303000's New invoice / New payment, the screen starts a new document of that type for the
customer with its defaults (location, currency, due dates) filled in.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QDialog, QFileDialog, QWidget
from sqlalchemy import select

from app.ledger.definitions.document import DOCUMENT
from app.ledger.documents.application import (
    apply_to_reference,
    auto_apply,
    reverse_with_reference,
)
from app.ledger.documents.entry import DocumentService
from app.ledger.documents.opening_balances import import_file, report_lines
from app.ledger.documents.printing import mark_printed, pdf_of, print_to
from app.ledger.documents.release import PRINTED_TYPES
from app.ledger.records import RecordError
from app.models import ArDocument, Customer, DocumentStatus, DocumentType
from app.models.database import Store
from app.money import NotADecimalError, parse_decimal
from app.paths import documents_dir
from app.windows.framework import dialogs
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import (
    Action,
    Kind,
    ListColumn,
    RowSelect,
    Screen,
    Section,
    Tab,
    Values,
)
from app.windows.framework.widgets import as_editor
from app.windows.navigation import Target

SCREEN_ID = "AR301000"
pick = DOCUMENT.pick
# What Apply automatically applies: money received and credit given.
APPLIED_TYPES = frozenset({DocumentType.PAYMENT, DocumentType.PREPAYMENT, DocumentType.CREDIT_NOTE})


def list_query() -> RowSelect:
    return select(
        ArDocument.id.label("id"),
        ArDocument.doc_type.label("doc_type"),
        ArDocument.ref_nbr.label("ref_nbr"),
        Customer.customer_no.label("customer"),
        Customer.name.label("customer_name"),
        ArDocument.doc_date.label("doc_date"),
        ArDocument.due_date.label("due_date"),
        ArDocument.status.label("status"),
        ArDocument.amount.label("amount"),
        ArDocument.balance.label("balance"),
        ArDocument.description.label("description"),
    ).join(Customer, ArDocument.customer_id == Customer.id)


def _saved(values: Values) -> bool:
    # A saved document has its number (values hold fields, not the record's id).
    return bool(values.get("ref_nbr"))


def _releasable(values: Values) -> bool:
    return (
        _saved(values)
        and not values.get("released")
        and values.get("status") == DocumentStatus.BALANCED
    )


def _voidable(values: Values) -> bool:
    return _saved(values) and values.get("status") not in (DocumentStatus.VOIDED, None)


def _appliable(values: Values) -> bool:
    return (
        bool(values.get("released"))
        and values.get("status") == DocumentStatus.OPEN
        and values.get("doc_type") in APPLIED_TYPES
    )


def release(screen: DocumentScreen) -> None:
    screen.run_command("released", screen.service.release)


def void(screen: DocumentScreen) -> None:
    screen.run_command("voided", screen.service.void)


def apply_automatically(screen: DocumentScreen) -> None:
    def apply(record_id: int) -> None:
        with screen.store.transaction() as session:
            auto_apply(session, record_id, on=screen.service.today())

    screen.run_command("applied to the oldest open documents", apply)


def apply_by_hand(screen: DocumentScreen) -> None:
    typed = dialogs.ask_text(
        screen,
        "Apply to document",
        "Reference no. of the document to apply to, and the amount (left out: as much as "
        "both balances allow), e.g. INV000012 250,00:",
    )
    if typed is None or not typed.strip():
        return
    ref_nbr, _space, amount_text = typed.strip().partition(" ")
    try:
        amount = parse_decimal(amount_text.strip()) if amount_text.strip() else None
    except NotADecimalError as error:
        screen.show_message(f"Amount to apply: {error}", error=True)
        return

    def apply(record_id: int) -> None:
        with screen.store.transaction() as session:
            apply_to_reference(session, record_id, ref_nbr, amount, on=screen.service.today())

    screen.run_command(f"applied to {ref_nbr}", apply)


def reverse_by_hand(screen: DocumentScreen) -> None:
    typed = dialogs.ask_text(
        screen,
        "Reverse application",
        "Reference no. of the document whose application to this one is reversed:",
    )
    if typed is None or not typed.strip():
        return

    def reverse(record_id: int) -> None:
        with screen.store.transaction() as session:
            reverse_with_reference(session, record_id, typed, on=screen.service.today())

    screen.run_command(f"no longer applied to {typed.strip()}", reverse)


def choose_pdf_path(parent: QWidget, title: str, suggested: Path) -> Path | None:
    """Where to save a PDF: the user's choice (None when cancelled)."""
    chosen, _filter = QFileDialog.getSaveFileName(parent, title, str(suggested), "PDF (*.pdf)")
    return Path(chosen) if chosen else None


def _printable(values: Values) -> bool:
    return _saved(values) and values.get("doc_type") in PRINTED_TYPES


def email_document(screen: DocumentScreen) -> None:
    """Email: the PDF saved where the user says for sending, the document marked e-mailed (the
    workstation is offline)."""
    if screen.record.is_dirty and not screen.save():
        return
    record_id = screen.record.record_id
    if record_id is None:
        return
    number = str(screen.record.value("ref_nbr"))
    path = choose_pdf_path(screen, "Save the PDF for e-mailing", documents_dir() / f"{number}.pdf")
    if path is None:
        return
    screen.run_command(
        f"saved for e-mailing to {path}",
        lambda document_id: print_to(screen.store, document_id, path, emailed=True),
    )


def print_document(screen: DocumentScreen) -> None:
    """Print: the document as it prints, in the preview (pages, zoom), printed through the
    system print dialog on a local printer or saved as PDF — either marks it printed (clearing
    the Pending print that AR101000's Require invoice/note printing before release gave it)."""
    if screen.record.is_dirty and not screen.save():
        return
    record_id = screen.record.record_id
    if record_id is None:
        return
    try:
        data = pdf_of(screen.store, record_id)
    except RecordError as error:
        screen.show_message(f"The document was not printed: {error}", error=True)
        return
    from app.windows.statements.preview import PdfPreview  # the PDF engine, on first use

    title = f"{screen.record.value('doc_type').label} {screen.record.value('ref_nbr')}"
    preview = PdfPreview(data, title, screen, name="document_preview")
    preview.printed.connect(lambda _pages: screen.run_command("printed", mark))
    preview.saved.connect(lambda path: screen.run_command(f"printed to {path}", mark))

    def mark(document_id: int) -> None:
        mark_printed(screen.store, document_id)

    screen.show_dialog(preview)


def calculate_overdue_charges(screen: DocumentScreen) -> None:
    """Every customer's overdue charge as at today, shown; Create makes them (one transaction)."""
    from app.windows.overdue_charges import OverdueChargesWindow

    def created(numbers: list[str]) -> None:
        if screen.list_window is not None:
            screen.list_window.refresh()
        screen.show_message(
            f"Created {len(numbers)} overdue charge document{'s' if len(numbers) != 1 else ''}: "
            f"{', '.join(numbers)}."
        )

    screen.show_dialog(
        OverdueChargesWindow(screen.store, screen.service.today(), screen, created=created)
    )


def choose_import_path(parent: QWidget) -> Path | None:
    """The CSV or Excel file of opening balances to import (None when cancelled)."""
    chosen, _filter = QFileDialog.getOpenFileName(
        parent, "Import opening balances", "", "Open documents (*.csv *.xlsx)"
    )
    return Path(chosen) if chosen else None


def import_opening_balances(screen: DocumentScreen) -> None:
    """Open documents from another system, all or none, with a report per row."""
    path = choose_import_path(screen)
    if path is None:
        return
    try:
        report = import_file(screen.store, path)
    except (OSError, UnicodeDecodeError, csv.Error, ValueError) as error:
        screen.show_message(f"{path.name} could not be read: {error}", error=True)
        return
    lines = list(report_lines(report))
    screen.show_message(
        "\n".join(lines[:30] + (["…"] if len(lines) > 30 else [])), error=not report.imported
    )


DETAILS = Tab(
    "Details",
    sections=(
        Section("Dates", pick("due_date", "cash_discount_date")),
        Section("Payment", pick("payment_ref", "payment_method")),
        Section("Totals", pick("amount", "control_total", "balance"), column=1),
        Section("Currency", pick("currency", "rate_type", "currency_rate"), column=1),
    ),
    grids=(DOCUMENT.grid("lines"),),
)

SCREEN = Screen(
    id=SCREEN_ID,
    title="Customer documents",
    model=ArDocument,
    top=pick(
        "doc_type",
        "ref_nbr",
        "status",
        "hold",
        "released",
        "customer",
        "location",
        "doc_date",
        "description",
    ),
    tabs=(DETAILS,),
    actions=(
        Action(
            "Release",
            release,
            toolbar=True,
            enabled_when=_releasable,
            help="Releases the saved, balanced document: it counts in the customer's balance "
            "and can no longer be edited.",
        ),
        Action(
            "Void",
            void,
            enabled_when=_voidable,
            help="Voids the document; a released payment's applications are reversed first.",
        ),
        Action(
            "Apply automatically",
            apply_automatically,
            enabled_when=_appliable,
            help="Applies what is open of the payment or credit note to the customer's oldest "
            "open documents.",
        ),
        Action(
            "Print",
            print_document,
            toolbar=True,
            enabled_when=_printable,
            help="Shows the invoice or note as it prints, with the company details of its "
            "branch: print it on a local printer or save it as PDF; either marks it printed "
            "(AR101000 may require it before release).",
        ),
        Action(
            "Email",
            email_document,
            enabled_when=_printable,
            help="Saves the PDF for sending and marks the document e-mailed (this workstation "
            "sends no e-mail itself).",
        ),
        Action(
            "Calculate overdue charges",
            calculate_overdue_charges,
            help="Shows the overdue charge document each customer with Apply overdue charges "
            "would get today for its documents past due (the overdue charge of its class, or "
            "of its statement cycle), and creates them, released, in one go.",
        ),
        Action(
            "Import opening balances",
            import_opening_balances,
            help="Imports the open documents of customers moving from another system from a CSV "
            "or Excel file: every row checked first, nothing imported when a row is wrong.",
        ),
        Action(
            "Apply to document",
            apply_by_hand,
            enabled_when=_appliable,
            help="Applies an amount of the payment or credit note to one open document of the "
            "customer, typed by its reference number.",
        ),
        Action(
            "Reverse application",
            reverse_by_hand,
            enabled_when=lambda values: (
                bool(values.get("released")) and values.get("status") != DocumentStatus.VOIDED
            ),
            help="Reverses this document's application to another: both balances are restored.",
        ),
    ),
    list_columns=(
        ListColumn("doc_type", "Type", Kind.OPTION, options=DocumentType, width=110),
        ListColumn("ref_nbr", "Reference no.", width=110),
        ListColumn("customer", "Customer", width=100),
        ListColumn("customer_name", "Customer name", width=200),
        ListColumn("doc_date", "Date", Kind.DATE, width=90),
        ListColumn("due_date", "Due date", Kind.DATE, width=90),
        ListColumn("status", "Status", Kind.OPTION, options=DocumentStatus, width=90),
        ListColumn("amount", "Amount", Kind.MONEY, width=100),
        ListColumn("balance", "Balance", Kind.MONEY, width=100),
        ListColumn("description", "Description", width=200),
    ),
    list_query=list_query,
    definition=DOCUMENT,
)


class DocumentScreen(RecordScreen):
    service: DocumentService

    def __init__(self, store: Store, service: DocumentService, parent: QWidget | None) -> None:
        super().__init__(store, SCREEN, service, parent)

    def _after_load(self) -> None:
        super()._after_load()
        # A released or voided document is only shown: voided or credited, never edited.
        closed = bool(self.record.value("released")) or (
            self.record.value("status") == DocumentStatus.VOIDED
        )
        for key in self.form.editors:
            if key not in self.key_keys:
                as_editor(self.editor(key)).set_read_only(closed)

    def show_dialog(self, dialog: QDialog) -> None:
        """Show a window over the screen modally (tests answer it instead)."""
        dialog.exec()

    def save(self) -> bool:
        saved = super().save()
        if saved and self.service.warnings:
            self.show_message("Saved.\n" + "\n".join(self.service.warnings), error=True)
        return saved

    def run_command(self, done: str, command: Any) -> None:
        """Release, void or apply the shown document (saved first when changed)."""
        if self.record.is_dirty and not self.save():
            return
        record_id = self.record.record_id
        if record_id is None:
            self.show_message("Save the document first.", error=True)
            return
        try:
            command(record_id)
        except RecordError as error:
            self.show_message(str(error), error=True)
            return
        self.load_record(record_id)
        self.show_message(f"The document was {done}.")
        self.status_message.emit(f"{self._record_name(sentence=False)} {done}")

    def show_target(self, target: Target) -> None:
        """A new document of the customer (New invoice / New payment on AR303000), its
        defaults filled in; or a saved document."""
        customer = target.values.get("customer")
        if target.record_id is not None or not isinstance(customer, int):
            super().show_target(target)
            return
        if not self.confirm_close():
            return
        doc_type = target.values.get("doc_type", DocumentType.INVOICE)
        values = self.service.new_for(customer, doc_type)
        self.descriptions.load(self._referenced(values))
        self.record.load(values, None, None)
        self._after_load()
        self.pages.setCurrentIndex(0)
        self._focus_first()


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return DocumentScreen(store, DocumentService(store), parent)
