"""Customer price classes (AR208000): the price levels offered to customers."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.models import PriceClass
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Field, Kind, ListColumn, Screen
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
    top=(
        Field(
            "price_class_id",
            "Price class ID",
            Kind.TEXT,
            required=True,
            help="The unique ID of the customer price class.",
        ),
        Field(
            "description",
            "Description",
            Kind.TEXT,
            required=True,
            help="The name of the price class, shown where it is selected.",
        ),
    ),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(PriceClass, LIST_COLUMNS),
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(
        store, parent, SCREEN, code_key="price_class_id", noun="customer price class"
    )
