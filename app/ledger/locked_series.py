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

# (field key, label, preferences column) of the series that number customer documents.
LOCKED_SERIES: tuple[tuple[str, str, str], ...] = (
    ("invoice_number_series", "Invoice number series", "invoice_number_series_id"),
    ("payment_number_series", "Payment number series", "payment_number_series_id"),
    ("debit_note_number_series", "Debit note number series", "debit_note_number_series_id"),
    ("credit_note_number_series", "Credit note number series", "credit_note_number_series_id"),
    ("write_off_number_series", "Write-off number series", "write_off_number_series_id"),
    (
        "overdue_charge_number_series",
        "Overdue charge number series",
        "overdue_charge_number_series_id",
    ),
    ("dunning_fee_number_series", "Dunning fee number series", "dunning_fee_number_series_id"),
)


def locked_series_errors(
    session: Session, record_id: int | None, values: Mapping[str, Any]
) -> list[FieldError]:
    """A changed series whose current series already numbered a document is refused."""
    saved = session.get(Preferences, record_id) if record_id is not None else None
    if saved is None:
        return []
    errors: list[FieldError] = []
    for key, label, column in LOCKED_SERIES:
        current = getattr(saved, column)
        if key not in values or current is None or values[key] == current:
            continue
        document = session.scalars(
            select(ArDocument).where(ArDocument.number_series_id == current).limit(1)
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
