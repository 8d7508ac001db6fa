"""Shipping zones (CS207000): the zones customers' deliveries go to."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.models import ShippingZone
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Field, Kind, ListColumn, Screen
from app.windows.screens.configuration.reference_screen import list_query_of, reference_screen

LIST_COLUMNS = (
    ListColumn("shipping_zone_id", "Shipping zone ID", width=120),
    ListColumn("description", "Description", width=280),
)

SCREEN = Screen(
    id="CS207000",
    title="Shipping zones",
    model=ShippingZone,
    help="The zones deliveries go to, used to work out freight.",
    top=(
        Field(
            "shipping_zone_id",
            "Shipping zone ID",
            Kind.TEXT,
            required=True,
            help="The unique ID of the shipping zone.",
        ),
        Field(
            "description",
            "Description",
            Kind.TEXT,
            required=True,
            help="The name of the shipping zone, shown where it is selected.",
        ),
    ),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(ShippingZone, LIST_COLUMNS),
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(
        store, parent, SCREEN, code_key="shipping_zone_id", noun="shipping zone"
    )
