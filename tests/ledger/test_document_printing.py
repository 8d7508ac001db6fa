"""Printed invoices and notes (issue 13 item 8) and AR101000's Require invoice/note printing or
emailing before release (Pending print / Pending email)."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from app.ledger.documents.entry import DocumentService
from app.ledger.documents.printing import print_to
from app.ledger.records import RecordError
from app.models import PREFERENCES_ID, DocumentStatus, DocumentType, Preferences
from app.models.database import Store
from app.reports.document_pdf import document_pdf, text_of
from tests.ledger.documents import TODAY, customer, document, enter, set_up

T = DocumentType


@pytest.fixture
def service(store: Store) -> DocumentService:
    set_up(store)
    return DocumentService(store, today=lambda: TODAY)


def test_the_pdf_shows_the_customer_the_lines_and_the_total_as_typed(
    store: Store, service: DocumentService
) -> None:
    c = customer(store, name="<b>Berg & Sønn</b> AS")
    invoice = enter(service, c, T.INVOICE, "100.00", "25.5", description="Deliveries (March)")
    with store.session() as session:
        pdf = document_pdf(session, invoice)
    assert pdf.startswith(b"%PDF")
    shown = list(text_of(pdf))
    assert "Invoice INV000001" in shown
    assert "Deliveries (March)" in shown
    assert shown[shown.index("Amount") + 1 :][:4] == ["Line 1", "100.00", "Line 2", "25.50"]
    assert "125.50 " in shown  # the total (the test customer has no currency)
    assert "<b>Berg & Sønn</b> AS" in shown  # text, never markup


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
