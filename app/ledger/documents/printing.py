"""Printing and e-mailing a document before release (AR101000: Require invoice/note printing
or emailing before release).

Print shows the document's PDF (app/reports/document_pdf.py) in the preview, from which it is
printed on a local printer or saved as PDF; either marks it printed. On an offline workstation
"e-mailing" is saving the PDF for sending and marking the document sent. Either clears the
Pending print / Pending email status the requirement gave it; the PDF is written through a
temporary file and an atomic rename, readable by the user alone.
"""

from __future__ import annotations

from pathlib import Path

from app.ledger.documents.errors import DocumentError
from app.ledger.documents.numbers import preferences
from app.ledger.documents.release import PRINTED_TYPES, entry_status
from app.ledger.statements.archive import write_private
from app.models import ArDocument, DocumentStatus
from app.models.database import Store
from app.reports.document_pdf import document_pdf


def pdf_of(store: Store, document_id: int) -> bytes:
    """The printed form of an invoice or note; DocumentError for one that is not printed."""
    with store.session() as session:
        document = session.get(ArDocument, document_id)
        if document is None:
            raise DocumentError("The document no longer exists.")
        if document.doc_type not in PRINTED_TYPES:
            raise DocumentError(f"A {document.doc_type.label.lower()} is not printed.")
        return document_pdf(session, document_id)


def write_pdf(store: Store, document_id: int, path: Path) -> None:
    """The document's PDF at ``path`` (atomically; 0600)."""
    write_private(path, pdf_of(store, document_id))


def mark_printed(store: Store, document_id: int, *, emailed: bool = False) -> None:
    """The document was printed (or, ``emailed``, sent): a Pending print (email) it was given
    is cleared, in one transaction."""
    with store.transaction() as session:
        document = session.get(ArDocument, document_id)
        if document is None:
            raise DocumentError("The document no longer exists.")
        if emailed:
            document.emailed = True
        else:
            document.printed = True
        if not document.released and document.status != DocumentStatus.VOIDED:
            document.status = entry_status(preferences(session), document)


def print_to(store: Store, document_id: int, path: Path, *, emailed: bool = False) -> None:
    """Save the document's PDF and mark it printed (or, ``emailed``, sent)."""
    write_pdf(store, document_id, path)
    mark_printed(store, document_id, emailed=emailed)
