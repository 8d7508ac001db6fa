"""Number series of AR101000 that cannot be changed once the ledger uses them.

The seed: "Some settings in this window cannot be changed once the workspace is in use, such as
the number series assigned for invoices, debit and credit notes, and customer payments." A
series is in use once a document took its reference number from it; swapping it then would
number the next documents from another series, so the change is refused, naming a document.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.ledger.records import FieldError
from app.models import ArDocument, NumberSeries, Preferences
from app.models.document import DocumentType

# (field key, label, preferences column, the document types the series numbers) of the series
# that number customer documents. A series may be shared by settings (Debit note pointed at
# ARINVOICE): each setting is locked only by documents of its own types numbered from it, so
# an invoice never locks the debit note setting back to where it was.
LOCKED_SERIES: tuple[tuple[str, str, str, tuple[DocumentType, ...]], ...] = (
    (
        "invoice_number_series",
        "Invoice number series",
        "invoice_number_series_id",
        (DocumentType.INVOICE,),
    ),
    (
        "payment_number_series",
        "Payment number series",
        "payment_number_series_id",
        (DocumentType.PAYMENT, DocumentType.PREPAYMENT, DocumentType.REFUND),
    ),
    (
        "debit_note_number_series",
        "Debit note number series",
        "debit_note_number_series_id",
        (DocumentType.DEBIT_NOTE,),
    ),
    (
        "credit_note_number_series",
        "Credit note number series",
        "credit_note_number_series_id",
        (DocumentType.CREDIT_NOTE,),
    ),
    (
        "write_off_number_series",
        "Write-off number series",
        "write_off_number_series_id",
        (DocumentType.BALANCE_WRITE_OFF, DocumentType.CREDIT_WRITE_OFF),
    ),
    (
        "overdue_charge_number_series",
        "Overdue charge number series",
        "overdue_charge_number_series_id",
        (DocumentType.OVERDUE_CHARGE,),
    ),
    # No document is a dunning fee yet (dunning letters do not exist): nothing locks it.
    ("dunning_fee_number_series", "Dunning fee number series", "dunning_fee_number_series_id", ()),
)


def locked_series_errors(
    session: Session, record_id: int | None, values: Mapping[str, Any]
) -> list[FieldError]:
    """A changed series setting is refused once its current series numbered a document of
    the setting's own types."""
    saved = session.get(Preferences, record_id) if record_id is not None else None
    if saved is None:
        return []
    errors: list[FieldError] = []
    for key, label, column, doc_types in LOCKED_SERIES:
        current = getattr(saved, column)
        if key not in values or current is None or values[key] == current or not doc_types:
            continue
        document = session.scalars(
            select(ArDocument)
            .where(ArDocument.number_series_id == current, ArDocument.doc_type.in_(doc_types))
            .order_by(ArDocument.id)
            .limit(1)
        ).first()
        if document is None:
            continue
        series = session.get(NumberSeries, current)
        series_id = series.series_id if series is not None else str(current)
        errors.append(
            FieldError(
                key,
                label,
                "cannot be changed once documents use it "
                f"({document.doc_type.label.lower()} {document.ref_nbr} was numbered from "
                f"{series_id}).",
            )
        )
    return errors
