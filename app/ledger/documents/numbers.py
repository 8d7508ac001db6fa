"""The number series each document type is numbered from: AR101000's setting for its type.

One series may serve several types (Debit note pointed at ARINVOICE); a number is never given
twice, whatever type has it already (``take_number``'s ``in_use``). Documents are numbered when
first saved, as the product does: the number identifies a draft in the list, and a release
keeps it. Write-offs and refunds have the series of their kind (write-offs, payments).
"""

from __future__ import annotations

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from app.ledger.documents.errors import DocumentError
from app.ledger.numbering import NumberingError, take_number
from app.models import PREFERENCES_ID, ArDocument, DocumentType, NumberSeries, Preferences

T = DocumentType

# Document type → (the preferences column, the setting's label on AR101000).
SERIES_SETTING: dict[DocumentType, tuple[str, str]] = {
    T.INVOICE: ("invoice_number_series_id", "Invoice number series"),
    T.DEBIT_NOTE: ("debit_note_number_series_id", "Debit note number series"),
    T.CREDIT_NOTE: ("credit_note_number_series_id", "Credit note number series"),
    T.PAYMENT: ("payment_number_series_id", "Payment number series"),
    T.PREPAYMENT: ("payment_number_series_id", "Payment number series"),
    T.REFUND: ("payment_number_series_id", "Payment number series"),
    T.OVERDUE_CHARGE: ("overdue_charge_number_series_id", "Overdue charge number series"),
    T.BALANCE_WRITE_OFF: ("write_off_number_series_id", "Write-off number series"),
    T.CREDIT_WRITE_OFF: ("write_off_number_series_id", "Write-off number series"),
}
BATCH_SETTING = ("gl_batch_number_series_id", "GL batch number series")


def preferences(session: Session) -> Preferences:
    found = session.get(Preferences, PREFERENCES_ID)
    if found is None:
        raise DocumentError(
            "The customer ledger is not set up: there are no Customer ledger preferences "
            "(AR101000)."
        )
    return found


def take_document_number(session: Session, doc_type: DocumentType) -> tuple[str, int]:
    """The next number of the type's series and the series' id, taken in the caller's
    transaction (a failed save does not use it up)."""
    return _take(session, *SERIES_SETTING[doc_type])


def take_batch_number(session: Session) -> str:
    """The next GL batch number (posting on release)."""
    return _take(session, *BATCH_SETTING)[0]


def _take(session: Session, column: str, label: str) -> tuple[str, int]:
    series_pk = getattr(preferences(session), column)
    series = session.get(NumberSeries, series_pk) if series_pk is not None else None
    if series is None:
        raise DocumentError(
            f"{label} is not set in Customer ledger preferences (AR101000): set it to number "
            "these documents."
        )

    def in_use(number: str) -> bool:
        return bool(session.scalar(select(exists().where(ArDocument.ref_nbr == number))))

    try:
        number = take_number(session, series.series_id, in_use=in_use)
    except NumberingError as exc:
        raise DocumentError(str(exc)) from exc
    return number, series.id
