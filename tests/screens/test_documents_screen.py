"""Customer documents (AR301000) through its widgets: enter an invoice with lines, release it
(read-only afterwards), a payment applied automatically, void; the list window."""

from __future__ import annotations

import io
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.ledger.documents.entry import DocumentService
from app.ledger.documents.stored_balance import stored_balance
from app.models import (
    PREFERENCES_ID,
    ArDocument,
    Customer,
    DocumentStatus,
    DocumentType,
    Location,
    Preferences,
)
from app.models.database import Store
from app.windows.framework.grid import GridEditor
from app.windows.framework.lookup import LookupEditor
from app.windows.framework.record_screen import RecordScreen
from app.windows.navigation import Target
from app.windows.screens import customer_documents
from app.windows.statements import preview as preview_window
from app.windows.statements.preview import PdfPreview
from tests.ledger.documents import set_up
from tests.screens.conftest import Answers
from tests.screens.helpers import (
    choose_option,
    edit_cell,
    shown,
    trigger,
    type_into,
)

Opener = Callable[[str], RecordScreen]


@pytest.fixture(autouse=True)
def company(store: Store) -> None:
    set_up(store)
    with store.transaction() as session:
        nordic = Customer(customer_no="10001", name="Nordic Trading AS")
        session.add(nordic)
        session.flush()
        session.add(
            Location(customer_id=nordic.id, location_id="MAIN", is_default=True, is_main=True)
        )


def customer_id(store: Store) -> int:
    with store.session() as session:
        return session.scalars(select(Customer.id)).one()


def add_line(qtbot: QtBot, screen: RecordScreen, description: str, amount: str) -> None:
    grid = screen.editor("lines")
    assert isinstance(grid, GridEditor)
    screen._reveal(grid)
    qtbot.mouseClick(grid.add_button, __import__("PySide6").QtCore.Qt.MouseButton.LeftButton)
    row = grid.model.rowCount() - 1
    edit_cell(qtbot, screen, "lines", row, "description", description)
    edit_cell(qtbot, screen, "lines", row, "amount", amount)


def enter_invoice(qtbot: QtBot, screen: RecordScreen) -> None:
    trigger(screen, "add_new")
    choose_option(qtbot, screen, "doc_type", "Invoice")
    type_into(qtbot, screen, "customer", "10001")
    type_into(qtbot, screen, "description", "Deliveries March")
    add_line(qtbot, screen, "Spare parts", "100.00")
    add_line(qtbot, screen, "Freight", "25.50")
    trigger(screen, "save")


def test_enter_and_release_an_invoice(qtbot: QtBot, store: Store, open_screen: Opener) -> None:
    screen = open_screen("AR301000")
    assert not screen.action("release").isEnabled()  # nothing saved yet
    enter_invoice(qtbot, screen)
    assert screen.message.text() == "Saved."
    assert shown(screen, "ref_nbr") == "INV000001"
    assert shown(screen, "location") == "MAIN"  # the default location, preselected
    assert shown(screen, "status") == "Balanced"
    assert screen.record.value("amount") == Decimal("125.50")
    trigger(screen, "release")
    assert screen.message.text() == "The document was released."
    assert shown(screen, "status") == "Open"
    # Released: read-only, and the balance counts.
    assert screen.editor("description").isReadOnly()
    grid = screen.editor("lines")
    assert isinstance(grid, GridEditor) and not grid.add_button.isEnabled()
    assert not screen.action("release").isEnabled()
    with store.session() as session:
        assert stored_balance(session, customer_id(store)) == Decimal("125.50")


def test_a_payment_applied_automatically_and_voided(
    qtbot: QtBot, store: Store, open_screen: Opener
) -> None:
    screen = open_screen("AR301000")
    enter_invoice(qtbot, screen)
    trigger(screen, "release")
    trigger(screen, "add_new")
    choose_option(qtbot, screen, "doc_type", "Payment")
    type_into(qtbot, screen, "customer", "10001")
    type_into(qtbot, screen, "payment_ref", "BANK-77")
    type_into(qtbot, screen, "amount", "200")
    trigger(screen, "save")
    assert shown(screen, "ref_nbr") == "PMT000001"
    trigger(screen, "release")  # the customer applies payments automatically
    assert screen.record.value("balance") == Decimal("74.50")
    with store.session() as session:
        invoice = session.scalars(select(ArDocument).where(ArDocument.ref_nbr == "INV000001")).one()
        assert invoice.status == DocumentStatus.CLOSED
        assert stored_balance(session, customer_id(store)) == Decimal("-74.50")
    trigger(screen, "void")
    assert shown(screen, "status") == "Voided"
    with store.session() as session:
        invoice = session.scalars(select(ArDocument).where(ArDocument.ref_nbr == "INV000001")).one()
        assert (invoice.status, invoice.balance) == (DocumentStatus.OPEN, Decimal("125.50"))
        assert stored_balance(session, customer_id(store)) == Decimal("125.50")


def test_release_refused_says_why(qtbot: QtBot, store: Store, open_screen: Opener) -> None:
    screen = open_screen("AR301000")
    trigger(screen, "add_new")
    choose_option(qtbot, screen, "doc_type", "Payment")
    type_into(qtbot, screen, "customer", "10001")
    type_into(qtbot, screen, "amount", "50")
    trigger(screen, "save")
    trigger(screen, "release")
    assert "Payment ref. is required" in screen.message.text()
    assert shown(screen, "status") == "Balanced"


def test_the_list_window_lists_documents_with_their_balance(
    qtbot: QtBot, store: Store, open_screen: Opener
) -> None:
    screen = open_screen("AR301000")
    enter_invoice(qtbot, screen)
    trigger(screen, "release")
    trigger(screen, "list_window")
    window = screen.list_window
    assert window is not None
    model = window.model
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    columns = [column.key for column in screen.spec.list_columns]
    row = {key: model.index(0, n).data() for n, key in enumerate(columns)}
    assert (row["ref_nbr"], row["customer"], row["status"]) == ("INV000001", "10001", "Open")


def wire(customers: RecordScreen, others: dict[str, RecordScreen]) -> None:
    """What the main window does: a target opens on its screen."""

    def navigate(target: Target) -> RecordScreen:
        screen = others[target.screen_id]
        screen.show_target(target)
        return screen

    customers.navigate = navigate


def test_new_invoice_and_customer_details_from_ar303000(
    qtbot: QtBot, store: Store, open_screen: Opener
) -> None:
    customers = open_screen("AR303000")
    documents = open_screen("AR301000")
    details = open_screen("AR402000")
    wire(customers, {"AR301000": documents, "AR402000": details})
    customers.open_record(customer_id(store))  # as picked in its list window
    trigger(customers, "new_invoice")
    assert shown(documents, "doc_type") == "Invoice"
    assert shown(documents, "customer") == "10001"
    assert shown(documents, "location") == "MAIN"
    add_line(qtbot, documents, "Consulting", "300.00")
    trigger(documents, "save")
    trigger(documents, "release")
    trigger(customers, "new_payment")
    assert (shown(documents, "doc_type"), shown(documents, "customer")) == ("Payment", "10001")
    assert shown(documents, "payment_method") == "BANK"  # AR101000's manual method
    type_into(qtbot, documents, "payment_ref", "OCR 1234")
    type_into(qtbot, documents, "amount", "120")
    trigger(documents, "save")
    trigger(documents, "release")
    # A release never makes the open customer stale: its version is the one the screen read.
    with store.session() as session:
        assert session.get_one(Customer, customer_id(store)).version == customers.record.version
    customers.cancel()  # read again: the balance from the released documents
    assert shown(customers, "balance") == "180.00"
    trigger(customers, "customer_details")
    assert shown(details, "customer_no") == "10001"
    assert shown(details, "balance") == "180.00"
    rows = details.record.value("documents")
    assert [(r["ref_nbr"], r["balance"], r["signed_balance"]) for r in rows] == [
        ("PMT000001", Decimal("0.00"), Decimal("0.00")),
        ("INV000001", Decimal("180.00"), Decimal("180.00")),
    ]


def test_write_off_balance_from_ar303000(qtbot: QtBot, store: Store, open_screen: Opener) -> None:
    from tests.ledger.documents import released

    service = DocumentService(store)
    with store.transaction() as session:
        nordic = session.scalars(select(Customer)).one()
        nordic.enable_write_offs, nordic.write_off_limit = True, Decimal("5.00")
        nordic.apply_payments_automatically = False
    released(service, customer_id(store), DocumentType.INVOICE, "3.50")
    customers = open_screen("AR303000")
    customers.open_record(customer_id(store))
    assert shown(customers, "balance") == "3.50"
    trigger(customers, "write_off_balance")
    assert customers.message.text() == "Written off: WO000001."
    assert shown(customers, "balance") == "0.00"


def test_apply_a_payment_by_hand_and_reverse_it(
    qtbot: QtBot, store: Store, open_screen: Opener, answers: Answers
) -> None:
    with store.transaction() as session:
        session.scalars(select(Customer)).one().apply_payments_automatically = False
    screen = open_screen("AR301000")
    enter_invoice(qtbot, screen)
    trigger(screen, "release")
    trigger(screen, "add_new")
    choose_option(qtbot, screen, "doc_type", "Payment")
    type_into(qtbot, screen, "customer", "10001")
    type_into(qtbot, screen, "payment_ref", "BANK-9")
    type_into(qtbot, screen, "amount", "100")
    trigger(screen, "save")
    trigger(screen, "release")
    assert screen.record.value("balance") == Decimal("100.00")  # applied by hand only
    answers.text = "inv000001 130"
    trigger(screen, "apply_to_document")
    assert "130.00 is more than the balance of Payment PMT000001" in screen.message.text()
    answers.text = "INV000001 60,50"
    trigger(screen, "apply_to_document")
    assert screen.message.text() == "The document was applied to INV000001."
    assert screen.record.value("balance") == Decimal("39.50")
    with store.session() as session:
        assert stored_balance(session, customer_id(store)) == Decimal("25.50")
    answers.text = "INV000001"
    trigger(screen, "reverse_application")
    assert screen.record.value("balance") == Decimal("100.00")
    with store.session() as session:
        invoice = session.scalars(select(ArDocument).where(ArDocument.ref_nbr == "INV000001")).one()
        assert invoice.balance == Decimal("125.50")


def previews(screen: RecordScreen) -> list[QDialog]:
    """The windows the screen shows (the PDF preview), kept instead of shown modally."""
    shown: list[QDialog] = []
    screen.show_dialog = shown.append  # type: ignore[attr-defined]
    return shown


def test_print_clears_pending_print_then_release(
    qtbot: QtBot,
    store: Store,
    open_screen: Opener,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Print shows the invoice in the preview; printed on the local printer (the system print
    dialog, here a PDF printer) it is marked printed; cancelled, it stays Pending print."""
    with store.transaction() as session:
        session.get_one(Preferences, PREFERENCES_ID).require_printing_before_release = True
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printer.pdf"))
    answers: list[tuple[QPrinter, int, int] | None] = [None, (printer, 0, 0)]
    monkeypatch.setattr(preview_window, "ask_printer", lambda _parent, _pages: answers.pop(0))
    screen = open_screen("AR301000")
    shown_windows = previews(screen)
    enter_invoice(qtbot, screen)
    assert shown(screen, "status") == "Pending print"
    assert not screen.action("release").isEnabled()
    trigger(screen, "print")
    (preview,) = shown_windows
    assert isinstance(preview, PdfPreview) and preview.objectName() == "document_preview"
    qtbot.addWidget(preview)
    assert preview.windowTitle() == "Invoice INV000001"
    assert preview.page_label.text() == "Page 1 of 1"
    assert "Nordic Trading AS" in PdfReader(io.BytesIO(preview.data)).pages[0].extract_text()
    qtbot.mouseClick(preview.findChild(QPushButton, "preview_print"), Qt.MouseButton.LeftButton)
    assert shown(screen, "status") == "Pending print"  # the print dialog was cancelled
    qtbot.mouseClick(preview.findChild(QPushButton, "preview_print"), Qt.MouseButton.LeftButton)
    assert len(PdfReader(tmp_path / "printer.pdf").pages) == 1
    assert shown(screen, "status") == "Balanced"
    assert screen.message.text() == "The document was printed."
    preview.done(0)  # Close
    trigger(screen, "release")
    assert shown(screen, "status") == "Open"


def test_an_invoice_saved_as_pdf_from_the_preview_is_printed(
    qtbot: QtBot, store: Store, open_screen: Opener, tmp_path: Path
) -> None:
    with store.transaction() as session:
        session.get_one(Preferences, PREFERENCES_ID).require_printing_before_release = True
    screen = open_screen("AR301000")
    shown_windows = previews(screen)
    enter_invoice(qtbot, screen)
    trigger(screen, "print")
    (preview,) = shown_windows
    assert isinstance(preview, PdfPreview)
    qtbot.addWidget(preview)
    preview.save_to(tmp_path / "INV000001.pdf")
    assert (tmp_path / "INV000001.pdf").read_bytes() == preview.data
    assert shown(screen, "status") == "Balanced"
    with store.session() as session:
        assert session.get_one(ArDocument, screen.record.record_id).printed
    preview.done(0)  # Close


def test_email_saves_the_pdf_for_sending_and_clears_pending_email(
    qtbot: QtBot,
    store: Store,
    open_screen: Opener,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with store.transaction() as session:
        session.get_one(Preferences, PREFERENCES_ID).require_emailing_before_release = True
    chosen = tmp_path / "invoice.pdf"
    asked: list[str] = []

    def choose(_parent: object, title: str, suggested: Path) -> Path:
        asked.append(f"{title}: {suggested.name}")
        return chosen

    monkeypatch.setattr(customer_documents, "choose_pdf_path", choose)
    screen = open_screen("AR301000")
    enter_invoice(qtbot, screen)
    assert shown(screen, "status") == "Pending email"
    trigger(screen, "email")
    assert asked == ["Save the PDF for e-mailing: INV000001.pdf"]
    assert chosen.read_bytes().startswith(b"%PDF")
    assert shown(screen, "status") == "Balanced"


def test_import_opening_balances_reports_every_row(
    qtbot: QtBot,
    store: Store,
    open_screen: Opener,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = tmp_path / "open.csv"
    path.write_text(
        "Customer;Type;Date;Amount\n10001;Invoice;2025-12-01;100\n10001;Payment;2025-12-02;40\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(customer_documents, "choose_import_path", lambda _parent: path)
    screen = open_screen("AR301000")
    trigger(screen, "import_opening_balances")
    assert screen.message.text() == (
        "Imported 2 open documents.\nRow 2: Invoice INV000001\nRow 3: Payment PMT000001"
    )
    with store.session() as session:
        assert stored_balance(session, customer_id(store)) == Decimal("60.00")


def test_location_is_one_of_the_document_customer_s_locations(
    qtbot: QtBot, store: Store, open_screen: Opener
) -> None:
    with store.transaction() as session:
        nordic = session.scalars(select(Customer)).one()
        session.add(Location(customer_id=nordic.id, location_id="OSLO", location_name="Oslo"))
        berg = Customer(customer_no="10002", name="Berg AS")
        session.add(berg)
        session.flush()
        session.add_all(
            [
                Location(customer_id=berg.id, location_id="MAIN", is_default=True, is_main=True),
                Location(customer_id=berg.id, location_id="BERGEN", location_name="Bergen"),
            ]
        )
    screen = open_screen("AR301000")
    trigger(screen, "add_new")
    type_into(qtbot, screen, "customer", "10001")
    assert shown(screen, "location") == "MAIN"  # the default, preselected
    location = screen.editor("location")
    assert isinstance(location, LookupEditor)
    assert not location.line_edit.isReadOnly()
    type_into(qtbot, screen, "location", "BERGEN")  # another customer's
    assert "is not in the list of locations of the document's customer" in (
        location.line_edit.toolTip()
    )
    type_into(qtbot, screen, "location", "oslo")
    assert shown(screen, "location") == "OSLO"
    type_into(qtbot, screen, "customer", "10002")  # the customer's default location follows
    assert shown(screen, "location") == "MAIN"
    type_into(qtbot, screen, "location", "BERGEN")
    add_line(qtbot, screen, "Freight", "10.00")
    trigger(screen, "save")
    assert screen.message.text() == "Saved."
    with store.session() as session:
        saved = session.get_one(ArDocument, screen.record.record_id)
        assert session.get_one(Location, saved.location_id).location_id == "BERGEN"
        assert session.get_one(Customer, saved.customer_id).customer_no == "10002"
    trigger(screen, "release")
    assert location.line_edit.isReadOnly()


def test_a_document_row_of_customer_details_opens_the_document(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    """AR402000 → AR301000, as in Visma Net: a double-click or Enter on a document row, or View
    document on the selected one, opens that document on Customer documents."""
    from PySide6.QtCore import QSettings

    from app.windows.main_window import MainWindow
    from tests.ledger.documents import released

    service = DocumentService(store)
    first = released(service, customer_id(store), DocumentType.INVOICE, "100.00")
    second = released(service, customer_id(store), DocumentType.INVOICE, "40.00")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    details = window.open_screen("AR402000")
    assert isinstance(details, RecordScreen)
    details.open_record(customer_id(store))
    grid = details.editor("documents")
    assert isinstance(grid, GridEditor)
    details._reveal(grid)
    rows = details.record.value("documents")
    assert {row["id"] for row in rows} == {first, second}
    # A double-click on a row.
    view = grid.view
    center = view.visualRect(grid.model.index(1, 1)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    assert window.current_screen_id() == "AR301000"
    documents = window.screen("AR301000")
    assert isinstance(documents, RecordScreen)
    assert documents.record.record_id == rows[1]["id"]
    assert shown(documents, "ref_nbr") == rows[1]["ref_nbr"]
    # Enter on the selected row.
    window.open_screen("AR402000")
    view.selectRow(0)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.current_screen_id() == "AR301000"
    assert documents.record.record_id == rows[0]["id"]
    # View document, on the row selected.
    window.open_screen("AR402000")
    view.selectRow(1)
    button = details.findChild(QPushButton, "documents_view_document")
    assert button is not None and button.isEnabled()
    button.click()
    assert window.current_screen_id() == "AR301000"
    assert shown(documents, "ref_nbr") == rows[1]["ref_nbr"]


def overdue_customers(store: Store) -> None:
    """10001 charged 36.5 % a year by its class; 10002 to be charged but with no charge set."""
    from app.models import CustomerClass, OverdueCharge

    with store.transaction() as session:
        charge = OverdueCharge(
            overdue_charge_id="LATE",
            description="Late payment interest",
            annual_rate_percent=Decimal("36.5"),
            minimum_amount=Decimal("0"),
            fixed_amount=Decimal("5.00"),
        )
        group = CustomerClass(class_id="CHARGED")
        session.add_all([charge, group])
        session.flush()
        group.overdue_charge_id = charge.id
        nordic = session.scalars(select(Customer).where(Customer.customer_no == "10001")).one()
        nordic.customer_class_id = group.id
        nordic.apply_overdue_charges = True
        nordic.apply_payments_automatically = True
        session.add(Customer(customer_no="10002", name="Berg AS", apply_overdue_charges=True))


def test_calculate_overdue_charges_shows_then_creates_them(
    qtbot: QtBot, store: Store, open_screen: Opener
) -> None:
    from datetime import date, timedelta

    from app.windows.overdue_charges import OverdueChargesWindow
    from tests.ledger.documents import released

    overdue_customers(store)
    today = date.today()
    service = DocumentService(store)
    released(service, customer_id_of(store, "10001"), DocumentType.INVOICE, "1000.00",
             on=today - timedelta(days=40), due_date=today - timedelta(days=10))  # fmt: skip
    screen = open_screen("AR301000")
    windows = previews(screen)
    trigger(screen, "calculate_overdue_charges")
    (window,) = windows
    assert isinstance(window, OverdueChargesWindow)
    qtbot.addWidget(window)
    table = window.table
    cells = [table.item(0, column).text() for column in range(table.columnCount())]
    # 1000 × 36.5 % × 10 / 365 = 10.00, and the fixed 5.00.
    assert cells == ["10001", "Nordic Trading AS", "LATE", "2", "15.00", ""]
    assert table.rowCount() == 1
    assert "1 overdue charge document, 15.00 in all" in window.summary.text()
    assert "Customer 10002 has no overdue charge" in window.refused.text()
    with store.session() as session:  # shown only: nothing made yet
        assert stored_balance(session, customer_id_of(store, "10001")) == Decimal("1000.00")
    qtbot.mouseClick(window.create_button, Qt.MouseButton.LeftButton)
    assert screen.message.text() == "Created 1 overdue charge document: OC000001."
    with store.session() as session:
        charge = session.scalars(
            select(ArDocument).where(ArDocument.doc_type == DocumentType.OVERDUE_CHARGE)
        ).one()
        assert (charge.ref_nbr, charge.amount, charge.released) == (
            "OC000001",
            Decimal("15.00"),
            True,
        )
        assert stored_balance(session, customer_id_of(store, "10001")) == Decimal("1015.00")
    # Again the same day: nothing more to charge.
    trigger(screen, "calculate_overdue_charges")
    again = windows[-1]
    assert isinstance(again, OverdueChargesWindow)
    qtbot.addWidget(again)
    assert again.table.rowCount() == 0 and not again.create_button.isEnabled()


def test_overdue_charges_changed_meanwhile_create_nothing(
    qtbot: QtBot, store: Store, open_screen: Opener
) -> None:
    from datetime import date, timedelta

    from app.windows.overdue_charges import OverdueChargesWindow
    from tests.ledger.documents import released

    overdue_customers(store)
    today = date.today()
    service = DocumentService(store)
    nordic = customer_id_of(store, "10001")
    released(service, nordic, DocumentType.INVOICE, "1000.00",
             on=today - timedelta(days=40), due_date=today - timedelta(days=10))  # fmt: skip
    screen = open_screen("AR301000")
    windows = previews(screen)
    trigger(screen, "calculate_overdue_charges")
    (window,) = windows
    assert isinstance(window, OverdueChargesWindow)
    qtbot.addWidget(window)
    released(service, nordic, DocumentType.PAYMENT, "1000.00")  # paid meanwhile
    qtbot.mouseClick(window.create_button, Qt.MouseButton.LeftButton)
    assert window.message.text().startswith("Nothing was created: The overdue documents changed")
    assert window.result() == 0  # not accepted: the window stays to say why
    with store.session() as session:
        assert not session.scalars(
            select(ArDocument).where(ArDocument.doc_type == DocumentType.OVERDUE_CHARGE)
        ).all()


def customer_id_of(store: Store, number: str) -> int:
    with store.session() as session:
        return session.scalars(select(Customer.id).where(Customer.customer_no == number)).one()


def test_amounts_of_a_document_in_another_currency_show_its_code(
    qtbot: QtBot, store: Store, open_screen: Opener
) -> None:
    from app.models.reference.currency import Currency
    from app.windows.framework.widgets import DecimalEditor

    with store.transaction() as session:
        euro = session.scalars(select(Currency).where(Currency.currency_id == "EUR")).one()
        nordic = session.scalars(select(Customer)).one()
        nordic.currency_id = euro.id
        session.add(Customer(customer_no="10002", name="Fjord Fisk AS"))  # in the base currency
    screen = open_screen("AR301000")
    enter_invoice(qtbot, screen)
    for key in ("amount", "control_total", "balance"):
        editor = screen.editor(key)
        assert isinstance(editor, DecimalEditor)
        assert editor.currency == "EUR", key
    trigger(screen, "add_new")
    choose_option(qtbot, screen, "doc_type", "Invoice")
    type_into(qtbot, screen, "customer", "10002")
    amount = screen.editor("amount")
    assert isinstance(amount, DecimalEditor)
    assert amount.currency == ""  # NOK, the base currency: no code


def test_customer_details_is_an_inquiry_its_toolbar_finds_and_browses_only(
    qtbot: QtBot, store: Store, open_screen: Opener
) -> None:
    customers = open_screen("AR303000")
    assert {"save", "add_new", "delete"} <= set(customers.actions_by_name)  # a record screen
    details = open_screen("AR402000")
    shown_actions = set(details.actions_by_name)
    assert not shown_actions & {"save", "cancel", "add_new", "delete", "copy", "paste"}
    assert {"first", "previous", "next", "last", "list_window"} <= shown_actions
    type_into(qtbot, details, "customer_no", "10001")
    assert details.record.value("customer_name") == "Nordic Trading AS"
