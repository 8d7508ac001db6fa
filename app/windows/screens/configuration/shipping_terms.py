"""Shipping terms (CS208000): the terms goods are shipped to customers on, arranged from the
terms' definition (app/ledger/definitions/sales.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ledger.definitions.sales import SHIPPING_TERMS
from app.models import ShippingTerms
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import ListColumn, Screen
from app.windows.screens.configuration.reference_screen import list_query_of, reference_screen

LIST_COLUMNS = (
    ListColumn("shipping_terms_id", "Shipping terms ID", width=120),
    ListColumn("description", "Description", width=280),
)

SCREEN = Screen(
    id="CS208000",
    title="Shipping terms",
    model=ShippingTerms,
    help="The terms goods are shipped to customers on.",
    top=SHIPPING_TERMS.pick("shipping_terms_id", "description"),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(ShippingTerms, LIST_COLUMNS),
    definition=SHIPPING_TERMS,
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(store, parent, SCREEN, code_key="shipping_terms_id")
