"""VAT categories (TX205500): the VAT rates documents' lines are taxed at."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ledger.vat import VatCategoryService
from app.models import VatCategory
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Field, Kind, ListColumn, Screen
from app.windows.screens.configuration.reference_screen import list_query_of, reference_screen

# What a VAT category lookup selects from: active categories only.

LIST_COLUMNS = (
    ListColumn("vat_category_id", "VAT category ID", width=120),
    ListColumn("description", "Description", width=240),
    ListColumn("vat_rate", "VAT rate", Kind.PERCENT, width=80),
    ListColumn("active", "Active", Kind.CHECKBOX, width=70),
)

SCREEN = Screen(
    id="TX205500",
    title="VAT categories",
    model=VatCategory,
    help="The VAT rates sales are taxed at (standard, reduced, zero-rated, exempt).",
    top=(
        Field(
            "vat_category_id",
            "VAT category ID",
            Kind.TEXT,
            required=True,
            help="The unique ID of the VAT category.",
        ),
        Field(
            "description",
            "Description",
            Kind.TEXT,
            required=True,
            help="The name of the VAT category, shown where it is selected.",
        ),
        Field(
            "vat_rate",
            "VAT rate",
            Kind.PERCENT,
            required=True,
            help="The percentage of VAT charged on amounts in this category (0–100 %).",
        ),
        Field(
            "active",
            "Active",
            Kind.CHECKBOX,
            help="Active categories can be selected for VAT zones, customers and documents.",
        ),
    ),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(VatCategory, LIST_COLUMNS),
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(
        store,
        parent,
        SCREEN,
        code_key="vat_category_id",
        noun="VAT category",
        service_class=VatCategoryService,
    )
