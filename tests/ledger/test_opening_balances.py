"""Opening balances imported from CSV or Excel: all rows or none, with a report per row
(issue 13 item 6)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from sqlalchemy import func, select

from app.ledger.documents.opening_balances import import_file
from app.models import ArDocument, CustomerStatus, DocumentStatus
from app.models.database import Store
from tests.ledger.documents import assert_stored_balance_true, customer, set_up

HEADER = "Customer;Type;Date;Due date;Amount;Description\n"


def count_documents(store: Store) -> int:
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(ArDocument)) or 0


def test_a_csv_of_open_documents_is_imported_released_and_numbered(
    store: Store, tmp_path: Path
) -> None:
    set_up(store)
    first, second = customer(store, "10001"), customer(store, "10002")
    path = tmp_path / "open.csv"
    path.write_text(
        HEADER
        + "10001;Invoice;2025-12-01;31.12.2025;1 500,50;Old system 4711\n"
        + "10001;Credit note;2025-12-05;;200.00;\n"
        + "10002;Payment;2025-12-10;;99.95;On account\n",
        encoding="utf-8",
    )
    report = import_file(store, path)
    assert report.imported, report.summary()
    assert report.summary() == "Imported 3 open documents."
    assert [str(row) for row in report.rows] == [
        "Row 2: Invoice INV000001",
        "Row 3: Credit note CN000001",
        "Row 4: Payment PMT000001",
    ]
    with store.session() as session:
        invoice = session.scalars(select(ArDocument).where(ArDocument.ref_nbr == "INV000001")).one()
        assert (invoice.amount, invoice.balance, invoice.status, invoice.released) == (
            Decimal("1500.50"),
            Decimal("1500.50"),
            DocumentStatus.OPEN,
            True,
        )
        assert (invoice.due_date, invoice.description) == (date(2025, 12, 31), "Old system 4711")
    assert assert_stored_balance_true(store, first) == Decimal("1300.50")
    assert assert_stored_balance_true(store, second) == Decimal("-99.95")


def test_one_bad_row_imports_nothing_and_the_report_names_every_problem(
    store: Store, tmp_path: Path
) -> None:
    set_up(store)
    customer(store, "10001")
    customer(store, "10003", status=CustomerStatus.INACTIVE)
    path = tmp_path / "open.csv"
    path.write_text(
        HEADER
        + "10001;Invoice;2025-12-01;;100.00;\n"
        + "99999;Invoice;2025-12-01;;100.00;\n"
        + "10001;Bill;31.02.2025;;-5;\n"
        + "10001;Invoice;2025-12-01;2025-11-01;1,500;\n"
        + "10003;Payment;2025-12-01;;10.001;\n",
        encoding="utf-8",
    )
    report = import_file(store, path)
    assert not report.imported
    assert report.summary() == "Nothing was imported: 4 of 5 rows are wrong."
    lines = [str(row) for row in report.rows]
    assert lines[0] == "Row 2: ready"
    assert lines[1] == "Row 3: Customer: there is no customer 99999."
    assert "Type: 'Bill' is not one of Invoice" in lines[2]
    assert "Date: '31.02.2025' is not a date" in lines[2]
    assert "Amount: the open amount must be more than 0" in lines[2]
    assert "Due date: must not be before the date." in lines[3]
    assert "Amount:" in lines[3]  # 1,500 is refused as ambiguous, never guessed
    assert "Customer 10003 is inactive" in lines[4]
    assert "has more decimals than" in lines[4]
    assert count_documents(store) == 0


def test_an_excel_file_is_read_too(store: Store, tmp_path: Path) -> None:
    set_up(store)
    c = customer(store, "10001")
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Customer", "Type", "Date", "Amount"])
    sheet.append(["10001", "Debit note", datetime(2025, 11, 30), 250.25])
    sheet.append([10001, "Prepayment", datetime(2025, 12, 30), 50])
    path = tmp_path / "open.xlsx"
    book.save(path)
    report = import_file(store, path)
    assert report.imported, [str(row) for row in report.rows]
    assert assert_stored_balance_true(store, c) == Decimal("200.25")


def test_unknown_or_missing_columns_are_refused(store: Store, tmp_path: Path) -> None:
    set_up(store)
    path = tmp_path / "open.csv"
    path.write_text("Customer,Kind,Amount\n10001,Invoice,5\n", encoding="utf-8")
    report = import_file(store, path)
    assert report.summary() == (
        "Nothing was imported: missing column(s) type, date; unknown column(s) kind. The "
        "columns are: customer, type, date, due date, amount, description."
    )
    assert count_documents(store) == 0
