"""Printing and e-mailing a document before release (AR101000: Require invoice/note printing
or emailing before release).

On an offline workstation "e-mailing" is saving the PDF for sending and marking the document
sent. Either clears the Pending print / Pending email status the requirement gave it; the PDF
is written through a temporary file and an atomic rename, readable by the user alone.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from app.ledger.documents.errors import DocumentError
from app.ledger.documents.numbers import preferences
from app.ledger.documents.release import PRINTED_TYPES, entry_status
from app.models import ArDocument, DocumentStatus
from app.models.database import Store
from app.reports.document_pdf import document_pdf


def write_pdf(store: Store, document_id: int, path: Path) -> None:
    """The document's PDF at ``path`` (atomically; 0600)."""
    with store.session() as session:
        pdf = document_pdf(session, document_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".pdf")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(pdf)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def print_to(store: Store, document_id: int, path: Path, *, emailed: bool = False) -> None:
    """Save the document's PDF and mark it printed (or, ``emailed``, sent)."""
    with store.session() as session:
        document = session.get(ArDocument, document_id)
        if document is None:
            raise DocumentError("The document no longer exists.")
        if document.doc_type not in PRINTED_TYPES:
            raise DocumentError(f"A {document.doc_type.label.lower()} is not printed.")
    write_pdf(store, document_id, path)
    with store.transaction() as session:
        document = session.get_one(ArDocument, document_id)
        if emailed:
            document.emailed = True
        else:
            document.printed = True
        if not document.released and document.status != DocumentStatus.VOIDED:
            document.status = entry_status(preferences(session), document)
