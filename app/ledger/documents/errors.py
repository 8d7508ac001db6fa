"""The one error every document command raises when the ledger refuses it."""

from __future__ import annotations

from app.ledger.records import RecordError


class DocumentError(RecordError):
    """A release, void, application or write-off the ledger refused; the message says why, for
    the user, and nothing was written."""
