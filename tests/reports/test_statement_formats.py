"""A statement in HTML and Excel, for mailing recipients who ask for those formats: what the
PDF prints, customer text as data (escaped; never a formula), amounts exact."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

from openpyxl import load_workbook

from app.ledger.statements.view import NO_COMPANY, PrintedLine, StatementView
from app.reports.statement_formats import statement_html, statement_xlsx


def a_view() -> StatementView:
    """A statement of a customer with hostile text in its name and a line's description."""
    return StatementView(
        statement_id=1,
        revision=1,
        company=NO_COMPANY,
        customer_no="C1",
        customer_name="=Smith & <Sons>",
        address=("Storgata 1", "0155 Oslo"),
        attention=None,
        statement_date=date(2026, 1, 31),
        statement_type="Open item",
        balance_forward=False,
        currency="NOK",
        locale="nb-NO",
        opening_balance=Decimal("0.00"),
        closing_balance=Decimal("1234.56"),
        ageing=(Decimal("1234.56"), Decimal(0), Decimal(0), Decimal(0), Decimal(0)),
        labels=("Current", "1-30 days", "31-60 days", "61-90 days", "Over 90 days"),
        lines=(
            PrintedLine(
                date(2026, 1, 15),
                "Invoice",
                "INV000001",
                "Smith & <Sons> order",
                date(2026, 1, 29),
                Decimal("1234.56"),
                Decimal(0),
                Decimal("1234.56"),
                "C1",
            ),
        ),
    )


def test_the_html_statement_escapes_customer_text_and_writes_amounts_as_its_language() -> None:
    page = statement_html(a_view()).decode("utf-8")
    assert "=Smith &amp; &lt;Sons&gt;" in page and "<Sons>" not in page
    assert "Smith &amp; &lt;Sons&gt; order" in page
    assert "1 234,56" in page and "31.01.2026" in page


def test_the_workbook_holds_exact_amounts_and_no_formula_from_customer_text() -> None:
    sheet = load_workbook(io.BytesIO(statement_xlsx(a_view()))).active
    assert sheet is not None
    assert sheet["C2"].value == "'=Smith & <Sons>"
    assert sheet["C2"].data_type == "s"
    rows = list(sheet.iter_rows(values_only=True))
    line = next(row for row in rows if row and row[2] == "INV000001")
    assert line[3] == "Smith & <Sons> order"
    assert Decimal(str(line[7])) == Decimal("1234.56")
    assert ("Closing balance", Decimal("1234.56")) == (rows[-3][0], Decimal(str(rows[-3][1])))
