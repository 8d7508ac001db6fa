"""Opening balances: the open documents of customers moving from another system, imported from
a CSV or Excel (.xlsx) file (issue 13 item 6).

One row per open document, with a header row naming the columns (any order, case-insensitive):

    Customer | Type | Date | Due date | Amount | Description

Customer is the customer no.; Type one of Invoice, Debit note, Credit note, Payment, Prepayment;
dates as 2026-01-31 or 31.01.2026 (Excel dates as they are); Amount the open amount, positive,
in the customer's currency (typed ``1 500,50`` or ``1,500.50`` as anywhere in the ledger). Due
date and Description may be left empty.

Every row is checked first, and the report says for each row what it made or what is wrong with
it. Nothing is imported when any row is bad; otherwise every document is written in one
transaction: numbered from the AR101000 series of its type, released on its date, open for its
whole amount, the customers' stored balances refreshed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.ledger.currency_rates import RateMissingError, document_rate
from app.ledger.documents.errors import DocumentError
from app.ledger.documents.numbers import take_document_number
from app.ledger.documents.release import customer_refusal
from app.ledger.documents.rounding import places_problem
from app.ledger.documents.stored_balance import refresh_stored_balance
from app.models import ArDocument, Currency, Customer, DocumentStatus, DocumentType
from app.models.database import Store
from app.money import MONEY_PLACES, NotADecimalError, parse_decimal

COLUMNS = ("customer", "type", "date", "due date", "amount", "description")
REQUIRED = ("customer", "type", "date", "amount")
IMPORTED_TYPES = {
    t.label.lower(): t
    for t in (
        DocumentType.INVOICE,
        DocumentType.DEBIT_NOTE,
        DocumentType.CREDIT_NOTE,
        DocumentType.PAYMENT,
        DocumentType.PREPAYMENT,
    )
}
DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d/%m/%Y")


@dataclass(frozen=True)
class RowReport:
    row: int  # the row's number in the file (the header is row 1)
    problems: tuple[str, ...] = ()
    document: str = ""  # what it made: "Invoice INV000012"

    @property
    def ok(self) -> bool:
        return not self.problems

    def __str__(self) -> str:
        if self.problems:
            return f"Row {self.row}: " + "; ".join(self.problems)
        return f"Row {self.row}: {self.document or 'ready'}"


@dataclass
class ImportReport:
    rows: list[RowReport] = field(default_factory=list)
    imported: bool = False
    problem: str = ""  # a problem of the whole file (no header, unknown columns)

    @property
    def bad_rows(self) -> list[RowReport]:
        return [row for row in self.rows if not row.ok]

    def summary(self) -> str:
        if self.problem:
            return f"Nothing was imported: {self.problem}"
        if not self.imported:
            return f"Nothing was imported: {len(self.bad_rows)} of {len(self.rows)} rows are wrong."
        return f"Imported {len(self.rows)} open documents."


@dataclass(frozen=True)
class _Row:
    number: int
    customer_id: int
    doc_type: DocumentType
    doc_date: date
    due_date: date | None
    amount: Decimal
    description: str
    currency_rate: Decimal | None = None
    rate_type_id: int | None = None


def read_rows(path: Path) -> list[list[Any]]:
    """The file's rows (the header first): a .xlsx workbook's first sheet, else CSV (comma or
    semicolon separated, UTF-8 with or without BOM)."""
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook  # only an Excel import pays for it

        workbook = load_workbook(path, read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            return [list(row) for row in sheet.iter_rows(values_only=True)]
        finally:
            workbook.close()
    text = path.read_text(encoding="utf-8-sig")
    dialect = csv.Sniffer().sniff(text.splitlines()[0] if text else ",", delimiters=",;\t")
    return [list(row) for row in csv.reader(io.StringIO(text), dialect)]


def import_file(store: Store, path: Path) -> ImportReport:
    return import_rows(store, read_rows(path))


def import_rows(store: Store, rows: Sequence[Sequence[Any]]) -> ImportReport:
    """Check every row, then import all of them in one transaction, or none."""
    try:
        return _import(store, rows)
    except DocumentError as exc:  # a number series that cannot number them: none imported
        return ImportReport(problem=str(exc))


def _import(store: Store, rows: Sequence[Sequence[Any]]) -> ImportReport:
    report = ImportReport()
    if not rows:
        report.problem = "the file is empty."
        return report
    header = [str(cell or "").strip().lower() for cell in rows[0]]
    unknown = [name for name in header if name and name not in COLUMNS]
    missing = [name for name in REQUIRED if name not in header]
    if unknown or missing:
        parts = []
        if missing:
            parts.append("missing column(s) " + ", ".join(missing))
        if unknown:
            parts.append("unknown column(s) " + ", ".join(unknown))
        report.problem = "; ".join(parts) + f". The columns are: {', '.join(COLUMNS)}."
        return report
    body = [
        (number, dict(zip(header, row, strict=False)))
        for number, row in enumerate(rows[1:], start=2)
        if any(str(cell or "").strip() for cell in row)
    ]
    with store.transaction() as session:
        checked = [_check(session, number, cells) for number, cells in body]
        report.rows = [result for result, _row in checked]
        if not body or report.bad_rows:
            if not body:
                report.problem = "there are no rows under the header."
            return report  # nothing was written
        made = [_write(session, row) for _result, row in checked if row is not None]
        refresh_stored_balance(session, {row.customer_id for row in made})
        report.rows = [
            RowReport(row.number, document=f"{document.doc_type.label} {document.ref_nbr}")
            for row, document in zip(
                (row for _result, row in checked if row is not None), made, strict=True
            )
        ]
        report.imported = True
    return report


def _check(session: Session, number: int, cells: dict[str, Any]) -> tuple[RowReport, _Row | None]:
    problems: list[str] = []
    customer_no = _text(cells.get("customer"))
    customer = (
        session.scalars(
            select(Customer).where(func.lower(Customer.customer_no) == customer_no.lower())
        ).first()
        if customer_no
        else None
    )
    if not customer_no:
        problems.append("Customer: a value is required.")
    elif customer is None:
        problems.append(f"Customer: there is no customer {customer_no}.")
    type_text = _text(cells.get("type"))
    doc_type = IMPORTED_TYPES.get(type_text.lower())
    if doc_type is None:
        choices = ", ".join(t.label for t in IMPORTED_TYPES.values())
        problems.append(f"Type: '{type_text}' is not one of {choices}.")
    if customer is not None and doc_type is not None:
        refusal = customer_refusal(customer, doc_type)
        if refusal:
            problems.append(f"Customer: {refusal}")
    doc_date = _date(cells.get("date"), "Date", problems, required=True)
    due_date = _date(cells.get("due date"), "Due date", problems, required=False)
    if doc_date and due_date and due_date < doc_date:
        problems.append("Due date: must not be before the date.")
    amount = _amount(session, cells.get("amount"), customer, problems)
    rate = None
    if customer is not None and doc_date is not None:
        try:
            # Entered at the rate of its date, as a document typed on AR301000.
            rate = document_rate(
                session, customer.currency_id, customer.currency_rate_type_id, doc_date
            )
        except RateMissingError as missing:
            problems.append(f"Date: {missing}")
    description = _text(cells.get("description"))
    if len(description) > 255:
        problems.append(f"Description: at most 255 characters (it has {len(description)}).")
    if problems or customer is None or doc_type is None or doc_date is None or amount is None:
        return RowReport(number, tuple(problems)), None
    return RowReport(number), _Row(
        number,
        customer.id,
        doc_type,
        doc_date,
        due_date,
        amount,
        description or "Opening balance",
        rate,
        customer.currency_rate_type_id if rate is not None else None,
    )


def _write(session: Session, row: _Row) -> ArDocument:
    number, series = take_document_number(session, row.doc_type)
    customer = session.get_one(Customer, row.customer_id)
    document = ArDocument(
        doc_type=row.doc_type,
        ref_nbr=number,
        number_series_id=series,
        customer_id=row.customer_id,
        location_id=customer.default_location.id if customer.default_location else None,
        currency_id=customer.currency_id,
        currency_rate=row.currency_rate,
        rate_type_id=row.rate_type_id,
        doc_date=row.doc_date,
        due_date=row.due_date,
        status=DocumentStatus.OPEN,
        released=True,
        release_date=row.doc_date,
        amount=row.amount,
        balance=row.amount,
        description=row.description,
    )
    session.add(document)
    session.flush()
    return document


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _date(value: Any, label: str, problems: list[str], *, required: bool) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    if not text:
        if required:
            problems.append(f"{label}: a value is required.")
        return None
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    problems.append(f"{label}: '{text}' is not a date (write 2026-01-31 or 31.01.2026).")
    return None


def _amount(
    session: Session, value: Any, customer: Customer | None, problems: list[str]
) -> Decimal | None:
    if isinstance(value, float):
        # Excel keeps numbers as binary floats: taken as the shortest decimal that shows them.
        value = repr(value)
    text = _text(value)
    if not text:
        problems.append("Amount: a value is required.")
        return None
    try:
        amount = value if isinstance(value, Decimal) else parse_decimal(text)
    except NotADecimalError as exc:
        problems.append(f"Amount: {exc}")
        return None
    if isinstance(value, int):
        amount = Decimal(value)
    if amount <= 0:
        problems.append(f"Amount: the open amount must be more than 0 (it is {amount}).")
        return None
    currency = (
        session.get(Currency, customer.currency_id)
        if customer is not None and customer.currency_id
        else None
    )
    places = currency.decimal_places if currency is not None else MONEY_PLACES
    problem = places_problem(amount, places, currency.currency_id if currency else "the currency")
    if problem:
        problems.append(f"Amount: {problem}")
        return None
    return amount


def report_lines(report: ImportReport) -> Iterable[str]:
    """The report as lines for the user: the summary, then every row."""
    yield report.summary()
    yield from (str(row) for row in report.rows)
