"""Customer price classes (AR208000): the price levels offered to customers, arranged from
the price class's definition (app/ledger/definitions/sales.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ledger.definitions.sales import PRICE_CLASS
from app.models import PriceClass
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import ListColumn, Screen
from app.windows.screens.configuration.reference_screen import list_query_of, reference_screen

LIST_COLUMNS = (
    ListColumn("price_class_id", "Price class ID", width=120),
    ListColumn("description", "Description", width=280),
)

SCREEN = Screen(
    id="AR208000",
    title="Customer price classes",
    model=PriceClass,
    help="Price levels offered to customers; a condition discounts can depend on.",
    top=PRICE_CLASS.pick("price_class_id", "description"),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(PriceClass, LIST_COLUMNS),
    definition=PRICE_CLASS,
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(store, parent, SCREEN, code_key="price_class_id")
