"""Statement PDFs kept in the statements folder with their checksum (DESIGN §5, §7).

A PDF is written once per statement revision, through a temporary file and an atomic rename,
readable by the user alone; its SHA-256 is stored with the statement, so the history reopens
the exact PDF that was printed, and a file changed or lost since is said to be so.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
from datetime import datetime
from pathlib import Path

from sqlalchemy.orm import Session

from app.ledger.statements.view import statement_views
from app.models import Statement
from app.paths import PRIVATE_CHMOD, PRIVATE_FILE_MODE
from app.reports.statement_pdf import render

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


class ArchiveError(Exception):
    """An archived PDF is missing or no longer the one printed."""


def checksum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_private(path: Path, data: bytes) -> None:
    """``data`` to ``path`` atomically (temporary file in the same folder, fsync, rename),
    mode 0600; a failure leaves no half-written file behind."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".tmp-", suffix=".pdf", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        if PRIVATE_CHMOD:
            os.chmod(temporary, PRIVATE_FILE_MODE)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def file_name(customer_no: str, statement: Statement) -> str:
    safe = _UNSAFE.sub("_", customer_no) or "customer"
    day = statement.statement_date.isoformat()
    return f"{safe}/{day}-{statement.id}-r{statement.revision}.pdf"


def archived_pdf(session: Session, statement_id: int, folder: Path) -> tuple[Path, bytes]:
    """The statement's PDF: the archived one when it has been made, checked against its
    checksum; else rendered now, archived and its checksum stored (in the session's
    transaction)."""
    statement = session.get_one(Statement, statement_id)
    if statement.pdf_path:
        path = Path(statement.pdf_path)
        try:
            data = path.read_bytes()
        except OSError as error:
            raise ArchiveError(
                f"The archived PDF {path} cannot be read: {error.strerror}."
            ) from None
        if checksum(data) != statement.pdf_checksum:
            raise ArchiveError(
                f"The archived PDF {path} has changed since it was printed (its checksum does "
                "not match): it is not the statement that was sent."
            )
        return path, data
    (view,) = statement_views(session, [statement_id])
    data = render([view])
    return keep(session, statement, view.customer_no, data, folder), data


def keep(
    session: Session, statement: Statement, customer_no: str, data: bytes, folder: Path
) -> Path:
    """Archive ``data`` as the statement's PDF (written atomically) and store its path and
    checksum in the session's transaction."""
    path = folder / file_name(customer_no, statement)
    write_private(path, data)
    statement.pdf_path = str(path)
    statement.pdf_checksum = checksum(data)
    statement.printed_at = datetime.now().replace(microsecond=0)
    session.flush()
    return path
