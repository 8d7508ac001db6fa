"""VAT categories (TX205500): the VAT rates documents' lines are taxed at, arranged from the
category's definition (app/ledger/definitions/vat.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ledger.definitions.vat import VAT_CATEGORY
from app.ledger.vat import VatCategoryService
from app.models import VatCategory
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Kind, ListColumn, Screen
from app.windows.screens.configuration.reference_screen import list_query_of, reference_screen

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
    top=VAT_CATEGORY.pick("vat_category_id", "description", "vat_rate", "active"),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(VatCategory, LIST_COLUMNS),
    definition=VAT_CATEGORY,
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(
        store, parent, SCREEN, code_key="vat_category_id", service_class=VatCategoryService
    )
