"""Carriers (CS207500): the Ship via codes of the carriers goods are shipped with, arranged from
the carrier's definition (app/ledger/definitions/sales.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ledger.definitions.sales import CARRIER
from app.models import Carrier
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Kind, ListColumn, Screen
from app.windows.screens.configuration.reference_screen import list_query_of, reference_screen

LIST_COLUMNS = (
    ListColumn("carrier_id", "Ship via", width=120),
    ListColumn("description", "Description", width=280),
    ListColumn("active", "Active", Kind.CHECKBOX, width=70),
)

SCREEN = Screen(
    id="CS207500",
    title="Carriers",
    model=Carrier,
    help="The carriers goods are shipped with, selected as Ship via.",
    top=CARRIER.pick("ship_via", "description", "active"),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(Carrier, LIST_COLUMNS),
    definition=CARRIER,
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(store, parent, SCREEN, code_key="ship_via")
