"""Shipping zones (CS207000): the zones customers' deliveries go to, arranged from the
zone's definition (app/ledger/definitions/sales.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ledger.definitions.sales import SHIPPING_ZONE
from app.models import ShippingZone
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import ListColumn, Screen
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
    top=SHIPPING_ZONE.pick("shipping_zone_id", "description"),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(ShippingZone, LIST_COLUMNS),
    definition=SHIPPING_ZONE,
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(store, parent, SCREEN, code_key="shipping_zone_id")
