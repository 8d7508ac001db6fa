"""A statement in the other formats a mailing recipient may ask for (AR303000 Recipients,
Format): HTML and Excel, with what the PDF prints (app/reports/statement_pdf.py) — sender,
customer, statement date, lines with running balance, opening and closing balance, ageing.

Customer text is data: escaped in HTML; in a workbook a cell starting with = + - @ is stored
as text with a leading apostrophe's meaning (DESIGN.md §7), never as a formula. Amounts in the
workbook are exact numbers (Decimal), formatted with two decimals.
"""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from html import escape
from typing import Any

from app.ledger.statements.view import StatementView
from app.reports.formats import format_for

LINE_TITLES = ("Date", "Type", "Reference", "Description", "Due date", "Debit", "Credit", "Balance")


def statement_html(view: StatementView) -> bytes:
    """The statement as one HTML page (UTF-8), amounts and dates as its language writes them."""
    form = format_for(view.locale)

    def cell(text: str, number: bool = False) -> str:
        style = ' style="text-align:right"' if number else ""
        return f"<td{style}>{escape(text)}</td>"

    rows = [
        "<tr>"
        + cell(form.day(line.doc_date))
        + cell(line.doc_type)
        + cell(line.ref_nbr)
        + cell(line.description)
        + cell(form.day(line.due_date))
        + cell(form.amount(line.debit) if line.debit else "", True)
        + cell(form.amount(line.credit) if line.credit else "", True)
        + cell(form.amount(line.balance), True)
        + "</tr>"
        for line in view.lines
    ]
    ageing = (
        "".join(f"<th>{escape(label)}</th>" for label in view.labels),
        "".join(cell(form.amount(amount), True) for amount in view.ageing),
    )
    parts = [
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8">',
        f"<title>Statement {escape(view.customer_no)} {view.statement_date.isoformat()}</title>",
        "</head><body>",
        f"<p>{'<br>'.join(escape(line) for line in (view.company.name, *view.company.address))}"
        "</p>",
        f"<p>{'<br>'.join(escape(line) for line in (view.customer_name, *view.address))}</p>",
        f"<h1>Statement {escape(view.customer_no)}</h1>",
        f"<p>Statement date: {escape(form.day(view.statement_date))}<br>"
        f"Currency: {escape(view.currency)}<br>Statement type: {escape(view.statement_type)}"
        "</p>",
        f"<p>Opening balance: {escape(form.amount(view.opening_balance))}</p>",
        "<table><tr>" + "".join(f"<th>{title}</th>" for title in LINE_TITLES) + "</tr>",
        *rows,
        "</table>",
        f"<p>Closing balance: {escape(form.amount(view.closing_balance))}</p>",
        f"<table><tr>{ageing[0]}</tr><tr>{ageing[1]}</tr></table>",
        "</body></html>\n",
    ]
    return "\n".join(parts).encode("utf-8")


def _text(value: str) -> str:
    """Text a spreadsheet must not read as a formula."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def statement_xlsx(view: StatementView) -> bytes:
    """The statement as an Excel workbook: the heading, one row per line, the ageing."""
    from openpyxl import Workbook  # only a recipient asking for Excel pays for it

    book = Workbook()
    sheet = book.active
    sheet.title = "Statement"

    def put(row: list[Any]) -> None:
        cells = []
        for value in row:
            if isinstance(value, str):
                cells.append(_text(value))
            else:
                cells.append(value)
        sheet.append(cells)
        for column, value in enumerate(row, start=1):
            if isinstance(value, Decimal):
                sheet.cell(sheet.max_row, column).number_format = "#,##0.00"
            elif isinstance(value, date):
                sheet.cell(sheet.max_row, column).number_format = "yyyy-mm-dd"

    put([view.company.name])
    put(["Customer", view.customer_no, view.customer_name])
    put(["Statement date", view.statement_date])
    put(["Currency", view.currency])
    put(["Statement type", view.statement_type])
    put(["Opening balance", view.opening_balance])
    put([])
    put(list(LINE_TITLES))
    for line in view.lines:
        put(
            [
                line.doc_date,
                line.doc_type,
                line.ref_nbr,
                line.description,
                line.due_date,
                line.debit,
                line.credit,
                line.balance,
            ]
        )
    put([])
    put(["Closing balance", view.closing_balance])
    put(list(view.labels))
    put(list(view.ageing))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
