"""VAT zones (TX206000): where customers are taxed, with the zone's default VAT category."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from app.ledger.sources import VAT_CATEGORIES
from app.ledger.vat import VatZoneService
from app.models import VatCategory, VatZone
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Field, Kind, ListColumn, RowSelect, Screen
from app.windows.screens.configuration.reference_screen import reference_screen

# What a VAT zone lookup selects from (customer classes, locations).

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
    top=(
        Field(
            "vat_zone_id",
            "VAT zone ID",
            Kind.TEXT,
            required=True,
            help="The unique ID of the VAT zone.",
        ),
        Field(
            "description",
            "Description",
            Kind.TEXT,
            required=True,
            help="The name of the VAT zone, shown where it is selected.",
        ),
        Field(
            "default_vat_category",
            "Default VAT category",
            Kind.LOOKUP,
            attr="default_vat_category_id",
            lookup=VAT_CATEGORIES,
            help="The VAT category sales to customers in this zone get unless another applies.",
        ),
    ),
    list_columns=LIST_COLUMNS,
    list_query=list_query,
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(
        store,
        parent,
        SCREEN,
        code_key="vat_zone_id",
        noun="VAT zone",
        service_class=VatZoneService,
    )
