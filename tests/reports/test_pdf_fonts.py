"""The embedded font of every PDF (issue 18 item 7, issue 13 item 8): text outside Latin-1
prints exactly — read back with pypdf — in a statement; a character the font lacks prints as
its code point, visibly, never dropped. (Invoices: tests/ledger/test_document_printing.py.)"""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from app.ledger.statements.cycle import prepare_cycle
from app.ledger.statements.view import statement_views
from app.models import Customer, StatementCycle
from app.models.database import Store
from app.models.options import StatementType
from app.reports.fonts import BOLD, FONT, EmbeddedFont, fit, printable
from app.reports.statement_pdf import render
from tests.reports.test_statement_pdf import a_company, add_invoices, hostile_customer

D = date(2026, 3, 31)


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def fonts_of(data: bytes) -> set[str]:
    names = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names


def test_names_outside_latin_1_print_exactly_on_a_statement(store: Store) -> None:
    with store.transaction() as session:
        branch = a_company(session)
        branch.company_name = "Øresund ŠĐ Handel"
        customer_id = hostile_customer(session, StatementType.OPEN_ITEM, branch)
        session.get_one(Customer, customer_id).name = "Łódź Sp. z o.o."
        add_invoices(session, customer_id, 1, branch)
        cycle_id = session.query(StatementCycle.id).scalar()
        (statement_id,) = prepare_cycle(session, cycle_id, D).statement_ids
        data = render(statement_views(session, [statement_id]))
    text = pdf_text(data)
    assert "Łódź Sp. z o.o." in text
    assert "Øresund ŠĐ Handel" in text
    assert "Ola & <i>Nordmann</i>" in text  # the contact: text, never markup
    # Embedded (a subset, named with its tag), not the standard Helvetica.
    assert fonts_of(data) and all("DejaVuSansCondensed" in name for name in fonts_of(data))


def test_pdfs_made_one_after_another_each_print_their_own_characters(store: Store) -> None:
    """A run prints thousands of one-statement PDFs in one process, and the embedded font
    subsets are made once for all PDFs using the same characters: each PDF still reads back
    its own text, whatever was printed before it, and in whatever order its letters came."""
    with store.transaction() as session:
        branch = a_company(session)
        customer_id = hostile_customer(session, StatementType.OPEN_ITEM, branch)
        add_invoices(session, customer_id, 1, branch)
        cycle_id = session.query(StatementCycle.id).scalar()
        (statement_id,) = prepare_cycle(session, cycle_id, D).statement_ids
        (view,) = statement_views(session, [statement_id])
    plain = replace(view, customer_name="Plain Trading AS")
    nordic = replace(view, customer_name="Łódź Sp. z o.o. Ærø")
    reordered = replace(view, customer_name="Ærø Łódź")
    pdfs = [render([v]) for v in (plain, nordic, plain, reordered, nordic)]
    assert "Plain Trading AS" in pdf_text(pdfs[0])
    assert "Łódź Sp. z o.o. Ærø" in pdf_text(pdfs[1])
    assert pdfs[2] == pdfs[0]  # the same statement, the same bytes
    assert "Ærø Łódź" in pdf_text(pdfs[3])
    assert pdfs[4] == pdfs[1]
    # Made afresh, each is the same PDF (its embedded glyphs are its own characters').
    for font in (FONT, BOLD):
        face = pdfmetrics.getFont(font)
        assert isinstance(face, EmbeddedFont) and face.made
        face.made.clear()
    assert render([reordered]) == pdfs[3]
    assert render([nordic]) == pdfs[1]


def test_a_character_the_font_lacks_prints_as_its_code_point() -> None:
    assert printable("Smith & <Sons>") == "Smith & <Sons>"
    assert printable("Łódź Øresund ŠĐ €") == "Łódź Øresund ŠĐ €"
    assert printable("東京 AS") == "[U+6771][U+4EAC] AS"  # no glyph
    assert printable("Kafé 😀") == "Kafé [U+1F600]"  # beyond the PDF text layer
    # Right-to-left runs in reading order; the left-to-right text around them as it was.
    assert printable("Firma שלום עולם AS") == "Firma םלוע םולש AS"
    assert printable("a\tb\x00", BOLD) == "a[U+0009]b[U+0000]"
    # Measured as printed: the column fit sees the code points, not the missing glyphs.
    assert fit("東京", 1000, FONT) == "[U+6771][U+4EAC]"


def test_hostile_text_on_a_statement_is_printed_or_shown_by_code_point(store: Store) -> None:
    name = "Å&<b> 😀 東 שלום עולם"
    with store.transaction() as session:
        branch = a_company(session)
        customer_id = hostile_customer(session, StatementType.OPEN_ITEM, branch)
        session.get_one(Customer, customer_id).name = name
        add_invoices(session, customer_id, 1, branch)
        cycle_id = session.query(StatementCycle.id).scalar()
        (statement_id,) = prepare_cycle(session, cycle_id, D).statement_ids
        data = render(statement_views(session, [statement_id]))
    text = pdf_text(data)
    assert "Å&<b> [U+1F600] [U+6771]" in text
    # Every Hebrew letter is there, the run drawn in reading order; pypdf gives a run back as
    # drawn or turned to the stored order by its own guess, depending on the line around it.
    assert "םלוע םולש" in text or "שלום עולם" in text
