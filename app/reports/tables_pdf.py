"""Plain tabular reports as PDF (reportlab's canvas): the proof sheet of a statement run and
Aged receivables. Landscape A4, a title, column titles repeated on each page, page numbers;
text is drawn as text (never read as markup) and shortened with an ellipsis where too wide."""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal

from reportlab.lib.pagesizes import A4, landscape

from app.ledger.statements.aged_receivables import AgedReceivables
from app.ledger.statements.proof import ProofRow
from app.reports.fonts import BOLD, FONT, PdfCanvas, fit
from app.reports.formats import DEFAULT

SIZE = 8.0
ROW = 12.0
MARGIN = 36.0


def table_pdf(
    title: str,
    subtitle: str,
    headers: Sequence[str],
    widths: Sequence[float],
    rows: Sequence[Sequence[str]],
    *,
    numeric: range,
    marked: Sequence[bool] = (),
) -> bytes:
    """A table; the ``numeric`` columns are right-aligned; ``marked`` rows in bold with
    a bar in the margin (a proof-sheet mismatch); a row of one text is a note across the
    table under the row before it."""
    width, height = landscape(A4)
    scale = (width - 2 * MARGIN) / sum(widths)
    xs = [MARGIN]
    for w in widths:
        xs.append(xs[-1] + w * scale)
    per_page = int((height - 2 * MARGIN - 50) // ROW)
    pages = max(1, -(-len(rows) // per_page))
    buffer = io.BytesIO()
    c = PdfCanvas(buffer, pagesize=(width, height), invariant=True)
    for page in range(pages):
        c.setFont(BOLD, 13)
        c.drawString(MARGIN, height - MARGIN - 10, title)
        c.setFont(FONT, SIZE)
        c.drawString(MARGIN, height - MARGIN - 24, subtitle)
        c.drawRightString(width - MARGIN, height - MARGIN - 10, f"Page {page + 1} of {pages}")
        y = height - MARGIN - 48
        c.setFont(BOLD, SIZE)
        for n, header in enumerate(headers):
            _cell(c, xs, n, y, header, n in numeric, BOLD)
        c.line(MARGIN, y - 3, width - MARGIN, y - 3)
        y -= ROW
        for index in range(page * per_page, min(len(rows), (page + 1) * per_page)):
            flagged = bool(marked) and marked[index]
            font = BOLD if flagged else FONT
            c.setFont(font, SIZE)
            if flagged:
                c.rect(MARGIN - 8, y - 2, 3, ROW - 3, stroke=0, fill=1)
            row = rows[index]
            if len(row) == 1:  # a note under the row above, across the table
                c.drawString(xs[1], y, fit(row[0], xs[-1] - xs[1], font, SIZE))
            for n, text in enumerate(row if len(row) > 1 else ()):
                _cell(c, xs, n, y, text, n in numeric, font)
            y -= ROW
        c.showPage()
    c.save()
    return buffer.getvalue()


def _cell(
    c: PdfCanvas, xs: list[float], n: int, y: float, text: str, right: bool, font: str
) -> None:
    room = xs[n + 1] - xs[n] - 8
    if right:
        c.drawRightString(xs[n + 1] - 2, y, fit(text, room, font, SIZE))
    else:  # kept clear of an amount ending at the column's left edge
        left = xs[n] + (8 if n else 0)
        c.drawString(left, y, fit(text, room, font, SIZE))


def amount(value: Decimal) -> str:
    return DEFAULT.amount(value)


PROOF_HEADERS = (
    "Customer no.",
    "Customer name",
    "Type",
    "Previous closing",
    "Opening",
    "Movements",
    "Closing",
    "Ageing total",
    "Ledger balance",
    "Check",
)


def proof_sheet_pdf(rows: Sequence[ProofRow], subtitle: str) -> bytes:
    """Each statement's figures; one that does not add up is marked and says why below."""
    table: list[tuple[str, ...]] = []
    marked: list[bool] = []
    for r in rows:
        table.append(
            (
                r.customer_no,
                r.customer_name,
                r.statement_type.label,
                amount(r.previous_closing),
                amount(r.opening),
                amount(r.movements),
                amount(r.closing),
                amount(r.ageing_total),
                amount(r.ledger_balance),
                "OK" if r.ok else "Does not add up",
            )
        )
        marked.append(not r.ok)
        for problem in r.problems:
            table.append((f"{r.customer_no}: {problem}",))
            marked.append(True)
    widths = (68, 110, 110, 82, 62, 65, 65, 65, 72, 80)
    return table_pdf(
        "Proof sheet",
        subtitle,
        PROOF_HEADERS,
        widths,
        table,
        numeric=range(3, 9),
        marked=marked,
    )


def aged_receivables_pdf(report: AgedReceivables) -> bytes:
    headers = ("Customer no.", "Customer name", *report.labels, "Total")
    table: list[tuple[str, ...]] = [
        (
            r.customer_no,
            r.customer_name,
            *(amount(v) for v in r.buckets),
            amount(r.total),
        )
        for r in report.rows
    ]
    totals = report.totals
    table.append(("", "Total", *(amount(v) for v in totals), amount(sum(totals, Decimal(0)))))
    widths = (60, 160, *(70,) * len(report.labels), 80)
    return table_pdf(
        "Aged receivables",
        f"As at {report.as_at.isoformat()}"
        + (f"; amounts in {report.currency}" if report.currency else ""),
        headers,
        widths,
        table,
        numeric=range(2, len(headers)),
    )
