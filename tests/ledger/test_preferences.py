"""Preferences rules without a screen: number series that documents use are locked."""

from __future__ import annotations

from datetime import date

from app.ledger.locked_series import locked_series_errors
from app.models import ArDocument, Customer, NumberSeries, Preferences
from app.models.database import Store
from app.models.document import DocumentType


def test_only_a_series_a_document_was_numbered_from_is_locked(store: Store) -> None:
    with store.transaction() as session:
        used, unused, other = (
            NumberSeries(series_id=code, description=code, start_number="1")
            for code in ("USED", "UNUSED", "OTHER")
        )
        customer = Customer(customer_no="10001", name="Bergen Fisk AS")
        session.add_all([used, unused, other, customer])
        session.flush()
        session.add(
            Preferences(
                id=1,
                credit_note_number_series_id=used.id,
                write_off_number_series_id=unused.id,
            )
        )
        session.add(
            ArDocument(
                doc_type=DocumentType.CREDIT_NOTE,
                ref_nbr="CN000007",
                number_series_id=used.id,
                customer_id=customer.id,
                doc_date=date(2026, 3, 1),
            )
        )
        session.flush()
        ids = used.id, unused.id, other.id

    used_id, _unused_id, other_id = ids
    with store.session() as session:
        changed = {"credit_note_number_series": other_id, "write_off_number_series": other_id}
        errors = locked_series_errors(session, 1, changed)
        assert [str(error) for error in errors] == [
            "Credit note number series: cannot be changed once documents use it (credit note "
            "CN000007 was numbered from USED)."
        ]
        assert errors[0].key == "credit_note_number_series"
        kept = {"credit_note_number_series": used_id, "invoice_number_series": other_id}
        assert locked_series_errors(session, 1, kept) == []  # unchanged, or set the first time
        assert locked_series_errors(session, None, changed) == []  # no preferences saved yet
