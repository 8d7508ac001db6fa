"""Printed invoices and notes (issue 13 item 8) and AR101000's Require invoice/note printing or
emailing before release (Pending print / Pending email)."""

from __future__ import annotations

import io
import stat
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.ledger.documents.entry import DocumentService
from app.ledger.documents.printing import print_to
from app.ledger.records import RecordError
from app.models import PREFERENCES_ID, Branch, DocumentStatus, DocumentType, Preferences
from app.models.database import Store
from app.reports.document_pdf import document_pdf
from tests.ledger.documents import customer, document, enter

T = DocumentType


def pdf_lines(pdf: bytes) -> list[str]:
    """The PDF's text as pypdf reads it back, a line each."""
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_the_pdf_shows_the_customer_the_lines_and_the_total_as_typed(
    store: Store, service: DocumentService
) -> None:
    c = customer(store, name="<b>Berg & Sønn</b> AS")
    invoice = enter(service, c, T.INVOICE, "100.00", "25.5", description="Deliveries (March)")
    with store.session() as session:
        pdf = document_pdf(session, invoice)
    assert pdf.startswith(b"%PDF")
    shown = pdf_lines(pdf)
    assert "Invoice" in shown
    assert shown[shown.index("Reference no.") + 1] == "INV000001"
    assert "Deliveries (March)" in shown
    assert shown[shown.index("Amount") + 1 :][:4] == ["Line 1", "100.00", "Line 2", "25.50"]
    assert "125.50" in shown[shown.index("Total") + 1]  # the test customer has no currency
    assert "<b>Berg & Sønn</b> AS" in shown  # text, never markup


def test_the_invoice_prints_the_company_details_statements_print(
    store: Store, service: DocumentService
) -> None:
    """The branch's company details (Branches screen) above, the bank line below, and names
    outside Latin-1 exactly as stored, in the embedded font."""
    with store.transaction() as session:
        branch = session.scalars(select(Branch)).first()
        assert branch is not None
        branch.company_name = "Øresund ŠĐ Handel"
        branch.organisation_no, branch.iban = "974 760 673", "NO93 8601 1117 947"
        branch.address_line_1, branch.postcode, branch.city = "Storgata 1", "0155", "Oslo"
    c = customer(store, name="Łódź Sp. z o.o.")
    note = enter(service, c, T.CREDIT_NOTE, "40.00", description="Smith & <Sons> 東")
    with store.session() as session:
        pdf = document_pdf(session, note)
    shown = pdf_lines(pdf)
    assert shown[:4] == ["Øresund ŠĐ Handel", "Storgata 1", "0155 Oslo", "Org. no. 974 760 673"]
    assert "Credit note" in shown
    assert "Łódź Sp. z o.o." in shown
    assert "Smith & <Sons> [U+6771]" in shown  # a glyph the font lacks: its code point
    assert any(line.startswith("IBAN NO93 8601 1117 947") for line in shown)
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in PdfReader(io.BytesIO(pdf)).pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert fonts and all("DejaVuSansCondensed" in name for name in fonts)


def test_require_printing_before_release(
    store: Store, service: DocumentService, tmp_path: Path
) -> None:
    with store.transaction() as session:
        session.get_one(Preferences, PREFERENCES_ID).require_printing_before_release = True
    c = customer(store)
    invoice = enter(service, c, T.INVOICE, "10.00")
    assert document(store, invoice).status == DocumentStatus.PENDING_PRINT
    with pytest.raises(RecordError, match="is not printed yet"):
        service.release(invoice)
    payment = enter(service, c, T.PAYMENT, "10.00")  # payments are not printed
    assert document(store, payment).status == DocumentStatus.BALANCED
    path = tmp_path / "out" / "INV000001.pdf"
    print_to(store, invoice, path)
    assert path.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert document(store, invoice).status == DocumentStatus.BALANCED
    service.release(invoice)
    assert document(store, invoice).status == DocumentStatus.OPEN


def test_require_emailing_before_release(
    store: Store, service: DocumentService, tmp_path: Path
) -> None:
    with store.transaction() as session:
        session.get_one(Preferences, PREFERENCES_ID).require_emailing_before_release = True
    note = enter(service, customer(store), T.CREDIT_NOTE, "10.00")
    assert document(store, note).status == DocumentStatus.PENDING_EMAIL
    print_to(store, note, tmp_path / "note.pdf")  # printed is not e-mailed
    assert document(store, note).status == DocumentStatus.PENDING_EMAIL
    print_to(store, note, tmp_path / "note.pdf", emailed=True)
    assert document(store, note).status == DocumentStatus.BALANCED
    service.release(note)


def test_amounts_and_dates_in_the_customer_s_document_language(
    store: Store, service: DocumentService
) -> None:
    from app.models import Customer, Language

    with store.transaction() as session:
        norsk = session.scalars(select(Language).where(Language.locale_id == "nb-NO")).first()
        if norsk is None:
            norsk = Language(locale_id="nb-NO", description="Norsk bokmål")
            session.add(norsk)
            session.flush()
        norsk_id = norsk.id
    c = customer(store)
    with store.transaction() as session:
        session.get_one(Customer, c).document_language_id = norsk_id
    invoice = enter(service, c, T.INVOICE, "1234.50", "1000")
    with store.session() as session:
        shown = pdf_lines(document_pdf(session, invoice))
    assert shown[shown.index("Amount") + 1 :][:4] == ["Line 1", "1 234,50", "Line 2", "1 000,00"]
    assert shown[shown.index("Date") + 1] == "15.01.2026"
    assert shown[shown.index("Total") + 1].startswith("2 234,50")


def test_hostile_text_prints_literally_or_by_code_point(
    store: Store, service: DocumentService
) -> None:
    """Issue 18 item 7 on the invoice: the hostile corpus of the screens' test, each as the
    document's description — printed as typed, a character the font or the PDF's text layer
    cannot carry as its code point; never dropped, never read as markup."""
    import re

    from app.reports.fonts import printable
    from tests.screens.test_hostile_text import CORPUS

    c = customer(store)
    for name in ("markup", "entities", "control", "emoji", "formula", "at", "sql", "quotes",
                 "percent", "backslash", "plus", "minus"):  # fmt: skip
        text = CORPUS[name]
        invoice = enter(service, c, T.INVOICE, "1.00", description=text)
        with store.session() as session:
            shown = pdf_lines(document_pdf(session, invoice))
        assert printable(text) in shown, name
    # Every character is there, as itself or as its code point (right-to-left runs drawn in
    # reading order are turned back here).
    for name, text in CORPUS.items():
        printed = printable(text)
        back = re.sub(r"\[U\+([0-9A-F]{4,6})\]", lambda m: chr(int(m.group(1), 16)), printed)
        assert sorted(back) == sorted(text), name
        if "\u05e9" not in text:
            assert back == text, name
