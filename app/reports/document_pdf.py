"""The printed invoice, debit note and credit note (issue 13 item 8), laid out with reportlab's
canvas like the statements: the company block the statements print (app/reports/
company_block.py: the branch's details from the Branches screen, the bank line at the foot),
the document's particulars at the top right, the customer's invoice address (the main one when
Same as main), then the lines and the total; 35 lines a page, page numbers.

The branch is the document's, else the workstation's, else the first. Text from users is drawn
as text (never read as markup) in the embedded font (app/reports/fonts.py): ``<b>A&B</b>``
prints as typed, ``Łódź`` too. Amounts are the stored Decimals, never floats; amounts and dates
are written as the customer's document language writes them, as on statements.
"""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4, LETTER
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.ledger import workstation
from app.ledger.statements.view import Company, company_details
from app.models import Address, ArDocument, Branch, Country, Currency, Customer, Language
from app.reports.company_block import bank_line, draw_company
from app.reports.fonts import BOLD, FONT, PdfCanvas, fit
from app.reports.formats import LETTER_COUNTRIES, format_for

LINES_PER_PAGE = 35
MARGIN = 45.0
ROW = 13.0


def _address_lines(address: Address | None) -> list[str]:
    if address is None:
        return []
    parts = [address.address_1, address.address_2, address.address_3]
    town = " ".join(p for p in (address.postcode, address.city) if p)
    return [p for p in (*parts, town) if p]


def document_branch(session: Session, document: ArDocument) -> int | None:
    """The branch whose company details the document prints."""
    if document.branch_id is not None:
        return document.branch_id
    mine = session.scalar(
        select(Branch.id).where(func.lower(Branch.branch_id) == workstation.branch.casefold())
    )
    return mine if mine is not None else session.scalar(select(Branch.id).order_by(Branch.id))


def document_pdf(session: Session, document_id: int) -> bytes:
    """The document as a PDF."""
    document = session.get_one(ArDocument, document_id)
    customer = session.get_one(Customer, document.customer_id)
    company = company_details(session, document_branch(session, document))
    currency = session.get(Currency, document.currency_id) if document.currency_id else None
    code = currency.currency_id if currency is not None else ""
    places = currency.decimal_places if currency is not None else 2
    language = (
        session.get(Language, customer.document_language_id)
        if customer.document_language_id
        else None
    )
    form = format_for(language.locale_id if language is not None else None)
    address = customer.invoice_address or customer.main_address
    contact = customer.invoice_contact or customer.main_contact
    country = session.get(Country, address.country_id) if address and address.country_id else None
    recipient = [customer.name or ""]
    if contact is not None and contact.attention:
        recipient.append(f"Attn: {contact.attention}")
    recipient += _address_lines(address) + ([country.name] if country is not None else [])

    width, height = LETTER if company.country_code in LETTER_COUNTRIES else A4
    out = io.BytesIO()
    canvas = PdfCanvas(out, pagesize=(width, height), pageCompression=1, invariant=True)
    title = f"{document.doc_type.label} {document.ref_nbr}"
    canvas.setTitle(title)
    canvas.setCreator("Customer Ledger")
    lines = list(document.lines)
    pages = max(1, -(-len(lines) // LINES_PER_PAGE))
    right = width - MARGIN
    for page in range(pages):
        draw_company(canvas, company, MARGIN, height - MARGIN)
        canvas.setFont(BOLD, 15)
        canvas.drawRightString(right, height - MARGIN - 14, document.doc_type.label)
        canvas.setFont(FONT, 8.5)
        facts = (
            ("Reference no.", document.ref_nbr),
            ("Date", form.day(document.doc_date)),
            ("Due date", form.day(document.due_date)),
            ("Customer no.", customer.customer_no),
            ("Currency", code),
            ("Page", f"{page + 1} of {pages}"),
        )
        y = height - MARGIN - 32
        for label, value in facts:
            canvas.drawString(right - 200, y, label)
            canvas.drawRightString(right, y, fit(value, 130))
            y -= 10.5
        y = height - 150
        if page == 0:
            canvas.setFont(BOLD, 10)
            canvas.drawString(MARGIN, y, fit(recipient[0], 260, BOLD, 10))
            canvas.setFont(FONT, 10)
            for text in recipient[1:]:
                y -= 12
                canvas.drawString(MARGIN, y, fit(text, 260, FONT, 10))
            y -= 24
            if document.description:
                canvas.drawString(MARGIN, y, fit(document.description, right - MARGIN, FONT, 10))
                y -= 20
        canvas.setFont(BOLD, 9)
        canvas.drawString(MARGIN, y, "Description")
        canvas.drawRightString(right, y, "Amount")
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, y - 3, right, y - 3)
        canvas.setFont(FONT, 9)
        y -= ROW
        for line in lines[page * LINES_PER_PAGE : (page + 1) * LINES_PER_PAGE]:
            canvas.drawString(MARGIN, y, fit(line.description or "", right - MARGIN - 110, FONT, 9))
            canvas.drawRightString(right, y, form.amount(line.amount, places))
            y -= ROW
        if page == pages - 1:
            y -= 6
            canvas.setFont(BOLD, 11)
            canvas.drawString(MARGIN, y, "Total")
            total = f"{form.amount(document.amount, places)} {code}".strip()
            canvas.drawRightString(right, y, total)
        _footer(canvas, company, width, page + 1, pages)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def _footer(canvas: PdfCanvas, company: Company, width: float, page: int, pages: int) -> None:
    canvas.setFont(FONT, 7.5)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN, 42, width - MARGIN, 42)
    canvas.drawString(MARGIN, 30, fit(bank_line(company), width - 2 * MARGIN - 80, FONT, 7.5))
    canvas.drawRightString(width - MARGIN, 30, f"Page {page} of {pages}")
