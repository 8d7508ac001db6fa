"""VAT zones (TX206000): where customers are taxed, with the zone's default VAT category,
arranged from the zone's definition (app/ledger/definitions/vat.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from app.ledger.definitions.vat import VAT_ZONE
from app.ledger.vat import VatZoneService
from app.models import VatCategory, VatZone
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import ListColumn, RowSelect, Screen
from app.windows.screens.configuration.reference_screen import reference_screen

LIST_COLUMNS = (
    ListColumn("vat_zone_id", "VAT zone ID", width=110),
    ListColumn("description", "Description", width=240),
    ListColumn("default_vat_category", "Default VAT category", width=140),
)


def list_query() -> RowSelect:
    return select(
        VatZone.id.label("id"),
        VatZone.vat_zone_id.label("vat_zone_id"),
        VatZone.description.label("description"),
        VatCategory.vat_category_id.label("default_vat_category"),
    ).outerjoin(VatCategory, VatZone.default_vat_category_id == VatCategory.id)


SCREEN = Screen(
    id="TX206000",
    title="VAT zones",
    model=VatZone,
    help="The zones customers are taxed in (domestic, EU, outside the EU).",
    top=VAT_ZONE.pick("vat_zone_id", "description", "default_vat_category"),
    list_columns=LIST_COLUMNS,
    list_query=list_query,
    definition=VAT_ZONE,
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(
        store, parent, SCREEN, code_key="vat_zone_id", service_class=VatZoneService
    )
