"""The printed invoice, debit note and credit note (issue 13 item 8): one A4 page per 40 lines,
laid out with reportlab's canvas.

The company block names the document's branch (the company details statements print, until a
company record holds more); the customer block the invoice address (else the main address). Text
from users is drawn as text with ``drawString`` — never parsed as markup — so a name like
``<b>A&B</b>`` prints as typed. Amounts are the stored Decimals, formatted, never floats.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy.orm import Session

from app.models import Address, ArDocument, Branch, Currency, Customer
from app.money import format_decimal

LINES_PER_PAGE = 40
LEFT, RIGHT = 20 * mm, A4[0] - 20 * mm


def _address_lines(address: Address | None) -> list[str]:
    if address is None:
        return []
    parts = [address.address_1, address.address_2, address.address_3]
    town = " ".join(p for p in (address.postcode, address.city) if p)
    return [p for p in (*parts, town) if p]


def document_pdf(session: Session, document_id: int) -> bytes:
    """The document as a PDF."""
    document = session.get_one(ArDocument, document_id)
    customer = session.get_one(Customer, document.customer_id)
    branch = session.get(Branch, document.branch_id) if document.branch_id else None
    if branch is None:
        branch = session.query(Branch).order_by(Branch.id).first()
    currency = session.get(Currency, document.currency_id) if document.currency_id else None
    code = currency.currency_id if currency is not None else ""
    places = currency.decimal_places if currency is not None else 2
    address = customer.invoice_address or customer.main_address

    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4, pageCompression=0)
    title = f"{document.doc_type.label} {document.ref_nbr}"
    canvas.setTitle(title)
    lines = list(document.lines) or []
    pages = max(1, -(-len(lines) // LINES_PER_PAGE))
    for page in range(pages):
        top = A4[1] - 20 * mm
        canvas.setFont("Helvetica-Bold", 14)
        canvas.drawString(LEFT, top, branch.name if branch is not None else "")
        canvas.drawRightString(RIGHT, top, title)
        canvas.setFont("Helvetica", 10)
        y = top - 12 * mm
        for text in [customer.name or "", *_address_lines(address)]:
            canvas.drawString(LEFT, y, text)
            y -= 5 * mm
        facts = [
            ("Customer", customer.customer_no),
            ("Date", document.doc_date.isoformat()),
            ("Due date", document.due_date.isoformat() if document.due_date else ""),
            ("Currency", code),
        ]
        fy = top - 12 * mm
        for label, value in facts:
            canvas.drawString(RIGHT - 70 * mm, fy, label)
            canvas.drawRightString(RIGHT, fy, value)
            fy -= 5 * mm
        y = min(y, fy) - 8 * mm
        if document.description:
            canvas.drawString(LEFT, y, document.description)
            y -= 8 * mm
        canvas.setFont("Helvetica-Bold", 10)
        canvas.drawString(LEFT, y, "Description")
        canvas.drawRightString(RIGHT, y, "Amount")
        canvas.setFont("Helvetica", 10)
        y -= 6 * mm
        for line in lines[page * LINES_PER_PAGE : (page + 1) * LINES_PER_PAGE]:
            canvas.drawString(LEFT, y, (line.description or "")[:90])
            canvas.drawRightString(RIGHT, y, format_decimal(line.amount, places))
            y -= 5 * mm
        if page == pages - 1:
            y -= 4 * mm
            canvas.setFont("Helvetica-Bold", 11)
            canvas.drawString(LEFT, y, "Total")
            canvas.drawRightString(RIGHT, y, f"{format_decimal(document.amount, places)} {code}")
        canvas.setFont("Helvetica", 8)
        canvas.drawRightString(RIGHT, 12 * mm, f"Page {page + 1} of {pages}")
        canvas.showPage()
    canvas.save()
    return out.getvalue()


_SHOWN = re.compile(rb"\(((?:\\.|[^\\)])*)\) Tj")
_ESCAPE = re.compile(rb"\\([0-7]{1,3}|.)")


def text_of(pdf: bytes) -> Iterable[str]:
    """The strings drawn in an uncompressed PDF of ours, in order (for tests and checks)."""

    def unescape(match: re.Match[bytes]) -> bytes:
        code = match.group(1)
        return bytes([int(code, 8)]) if code[:1].isdigit() else code

    for found in _SHOWN.finditer(pdf):
        yield _ESCAPE.sub(unescape, found.group(1)).decode("cp1252")
