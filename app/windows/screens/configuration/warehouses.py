"""Warehouses (IN204000): where goods are issued to customers from, arranged from the
warehouse's definition (app/ledger/definitions/sales.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ledger.definitions.sales import WAREHOUSE
from app.models import Warehouse
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Kind, ListColumn, Screen
from app.windows.screens.configuration.reference_screen import list_query_of, reference_screen

LIST_COLUMNS = (
    ListColumn("warehouse_id", "Warehouse ID", width=120),
    ListColumn("description", "Description", width=280),
    ListColumn("active", "Active", Kind.CHECKBOX, width=70),
)

SCREEN = Screen(
    id="IN204000",
    title="Warehouses",
    model=Warehouse,
    help="The warehouses goods are issued to customers from.",
    top=WAREHOUSE.pick("warehouse_id", "description", "branch", "active"),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(Warehouse, LIST_COLUMNS),
    definition=WAREHOUSE,
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(store, parent, SCREEN, code_key="warehouse_id")
