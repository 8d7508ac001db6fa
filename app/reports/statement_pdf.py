"""Customer statements as PDF (reportlab's canvas: a statement run prints thousands of pages).

One or more pages per statement: the company details and the statement's particulars on every
page, the customer's invoice address on the first, the document lines with their running
balance, carried-forward subtotals at the foot of a page and the head of the next, the closing
balance and the ageing table with the cycle's labels on the last, page numbers and the bank
details at the foot. A4, or Letter where the company's country uses it. Amounts and dates are
written as the customer's document language writes them.

Customer text is drawn with ``drawString``, which takes text as text (no markup is parsed):
``Smith & <Sons>`` prints as typed. Text too wide for its column ends in an ellipsis (never cut
without a sign). The fonts are DejaVu Sans, embedded (app/reports/fonts.py): a character they
lack prints as its code point, never dropped.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, LETTER

from app.ledger.statements.view import PrintedLine, StatementView
from app.reports.company_block import bank_line, draw_company
from app.reports.fonts import BOLD, FONT, PdfCanvas, fit
from app.reports.formats import LETTER_COUNTRIES, Format, format_for

# Compressed page streams stored binary, not ASCII85-encoded as well: a third of the time of a
# statement page went into the encoding, and the files are smaller.
rl_config.useA85 = 0

SIZE = 8.5
ROW = 12.5
MARGIN = 45.0
FOOTER = 58.0  # the body ends this far above the bottom edge
LAST_PAGE_RESERVE = 6  # rows: closing balance and the ageing table


@dataclass(frozen=True)
class Column:
    title: str
    x: float
    width: float
    right: bool = False  # amounts align on their right edge


def columns(width: float) -> tuple[Column, ...]:
    right = width - MARGIN
    return (
        Column("Date", MARGIN, 50),
        Column("Type", MARGIN + 52, 64),
        Column("Number", MARGIN + 118, 62),
        Column("Description", MARGIN + 182, right - MARGIN - 182 - 230),
        Column("Due date", right - 225, 50),
        Column("Debit", right - 115, 60, right=True),
        Column("Credit", right - 55, 55, right=True),
        Column("Balance", right, 60, right=True),
    )


def page_size(view: StatementView) -> tuple[float, float]:
    size = LETTER if view.company.country_code in LETTER_COUNTRIES else A4
    return (float(size[0]), float(size[1]))


@dataclass(frozen=True)
class Layout:
    """Where the table starts on a page, and how many rows fit."""

    height: float
    first_top: float
    other_top: float

    @classmethod
    def of(cls, height: float) -> Layout:
        return cls(height, height - 250, height - 165)

    def rows(self, first: bool) -> int:
        top = self.first_top if first else self.other_top
        return int((top - FOOTER) // ROW) - 1  # the column titles take a row


def paginate(view: StatementView, layout: Layout) -> list[Sequence[PrintedLine]]:
    """The lines of each page. A page other than the first starts with the balance carried
    forward, a page other than the last ends with it; the last keeps room for the closing
    balance and the ageing table."""
    lines = view.lines
    pages: list[Sequence[PrintedLine]] = []
    start, first = 0, True
    while True:
        room = layout.rows(first) - (1 if first and view.balance_forward else 0)
        room -= 0 if first else 1  # the balance carried forward at the head
        left = len(lines) - start
        if left + LAST_PAGE_RESERVE <= room:
            pages.append(lines[start:])
            return pages
        # Not all with the ageing: as many as fit above the carried-forward row (all that is
        # left, when it does, and the ageing on a page of its own).
        take = min(left, room - 1)
        pages.append(lines[start : start + take])
        start += take
        first = False


class StatementPainter:
    """Draws statements onto one canvas, page after page."""

    def __init__(self, canvas: PdfCanvas) -> None:
        self.canvas = canvas

    def statement(self, view: StatementView) -> None:
        width, height = page_size(view)
        self.canvas.setPageSize((width, height))
        layout = Layout.of(height)
        form = format_for(view.locale)
        pages = paginate(view, layout)
        debit = credit = Decimal(0)
        balance = view.opening_balance if view.balance_forward else Decimal(0)
        cols = columns(width)
        for number, lines in enumerate(pages, start=1):
            first, last = number == 1, number == len(pages)
            self._header(view, form, width, height, number, len(pages))
            if first:
                self._recipient(view, height)
            y = self._titles(cols, layout.first_top if first else layout.other_top)
            if first and view.balance_forward:
                y = self._total_row(cols, y, "Balance brought forward", None, None, balance, form)
            if not first:
                y = self._total_row(cols, y, "Carried forward", debit, credit, balance, form)
            for line in lines:
                debit += line.debit
                credit += line.credit
                balance = line.balance
                y = self._line(cols, y, line, view, form)
            if last:
                y = self._total_row(
                    cols, y - 3, "Closing balance", debit, credit, view.closing_balance, form
                )
                self._ageing(view, form, width, y - 16)
            else:
                self._total_row(cols, y, "Carried forward", debit, credit, balance, form)
            self._footer(view, width, number, len(pages))
            self.canvas.showPage()

    # -- parts of a page -------------------------------------------------------------------

    def _header(
        self,
        view: StatementView,
        form: Format,
        width: float,
        height: float,
        page: int,
        pages: int,
    ) -> None:
        c = self.canvas
        draw_company(c, view.company, MARGIN, height - MARGIN)
        right = width - MARGIN
        c.setFont(BOLD, 15)
        c.drawRightString(right, height - MARGIN - 14, "Statement")
        c.setFont(FONT, SIZE)
        facts = (
            ("Statement date", form.day(view.statement_date)),
            ("Customer no.", view.customer_no),
            ("Currency", view.currency),
            ("Statement type", view.statement_type),
            ("Page", f"{page} of {pages}"),
        )
        y = height - MARGIN - 32
        for label, value in facts:
            c.drawString(right - 200, y, label)
            c.drawRightString(right, y, fit(value, 130))
            y -= 10.5

    def _recipient(self, view: StatementView, height: float) -> None:
        c = self.canvas
        y = height - 150
        c.setFont(BOLD, 10)
        c.drawString(MARGIN, y, fit(view.customer_name, 260, BOLD, 10))
        c.setFont(FONT, 10)
        texts = ([f"Attn: {view.attention}"] if view.attention else []) + list(view.address)
        for text in texts:
            y -= 12
            c.drawString(MARGIN, y, fit(text, 260, FONT, 10))

    def _titles(self, cols: Sequence[Column], y: float) -> float:
        c = self.canvas
        c.setFont(BOLD, SIZE)
        for col in cols:
            if col.right:
                c.drawRightString(col.x, y, col.title)
            else:
                c.drawString(col.x, y, col.title)
        c.setLineWidth(0.5)
        c.line(cols[0].x, y - 3, cols[-1].x, y - 3)
        c.setFont(FONT, SIZE)
        return y - ROW

    def _line(
        self,
        cols: Sequence[Column],
        y: float,
        line: PrintedLine,
        view: StatementView,
        form: Format,
    ) -> float:
        c = self.canvas
        description = line.description
        if line.customer_no != view.customer_no:  # a child account's document
            description = f"{line.customer_no}: {description}"
        texts = (
            form.day(line.doc_date),
            line.doc_type,
            line.ref_nbr,
            description,
            form.day(line.due_date),
            form.amount(line.debit) if line.debit else "",
            form.amount(line.credit) if line.credit else "",
            form.amount(line.balance),
        )
        for col, text in zip(cols, texts, strict=True):
            if not text:  # an empty debit, credit or due date: nothing to draw
                continue
            if col.right:
                c.drawRightString(col.x, y, text)
            else:
                c.drawString(col.x, y, fit(text, col.width - 3))
        return y - ROW

    def _total_row(
        self,
        cols: Sequence[Column],
        y: float,
        label: str,
        debit: Decimal | None,
        credit: Decimal | None,
        balance: Decimal,
        form: Format,
    ) -> float:
        c = self.canvas
        c.setFont(BOLD, SIZE)
        c.drawString(cols[3].x, y, label)
        if debit is not None:
            c.drawRightString(cols[5].x, y, form.amount(debit))
        if credit is not None:
            c.drawRightString(cols[6].x, y, form.amount(credit))
        c.drawRightString(cols[7].x, y, form.amount(balance))
        c.setFont(FONT, SIZE)
        return y - ROW

    def _ageing(self, view: StatementView, form: Format, width: float, y: float) -> None:
        c = self.canvas
        labels = (*view.labels, "Total")
        amounts = (*view.ageing, sum(view.ageing, Decimal(0)))
        step = (width - 2 * MARGIN) / len(labels)
        c.setLineWidth(0.5)
        c.rect(MARGIN, y - 24, width - 2 * MARGIN, 34, stroke=1, fill=0)
        for position, (label, amount) in enumerate(zip(labels, amounts, strict=True)):
            right = MARGIN + step * (position + 1) - 4
            c.setFont(BOLD, SIZE)
            c.drawRightString(right, y, fit(label, step - 8, BOLD))
            c.setFont(FONT, SIZE)
            c.drawRightString(right, y - 16, form.amount(amount))

    def _footer(self, view: StatementView, width: float, page: int, pages: int) -> None:
        c = self.canvas
        c.setFont(FONT, 7.5)
        bank = bank_line(view.company)
        c.line(MARGIN, 42, width - MARGIN, 42)
        c.drawString(MARGIN, 30, fit(bank, width - 2 * MARGIN - 80, FONT, 7.5))
        c.drawRightString(width - MARGIN, 30, f"Page {page} of {pages}")


def render(views: Iterable[StatementView]) -> bytes:
    """The statements as one PDF document."""
    buffer = io.BytesIO()
    canvas = PdfCanvas(buffer, pageCompression=1, invariant=True)
    canvas.setTitle("Customer statement")
    canvas.setCreator("Customer Ledger")
    painter = StatementPainter(canvas)
    for view in views:
        painter.statement(view)
    canvas.save()
    return buffer.getvalue()
