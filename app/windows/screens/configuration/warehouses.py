"""Warehouses (IN204000): where goods are issued to customers from."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ledger.sources import BRANCHES
from app.models import Warehouse
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Field, Kind, ListColumn, Screen
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
    top=(
        Field(
            "warehouse_id",
            "Warehouse ID",
            Kind.TEXT,
            required=True,
            help="The unique ID of the warehouse.",
        ),
        Field(
            "description",
            "Description",
            Kind.TEXT,
            required=True,
            help="The name of the warehouse, shown where it is selected.",
        ),
        Field(
            "branch",
            "Branch",
            Kind.LOOKUP,
            attr="branch_id",
            lookup=BRANCHES,
            help="The branch the warehouse belongs to.",
        ),
        Field(
            "active",
            "Active",
            Kind.CHECKBOX,
            help="Active warehouses can be selected for customers and locations.",
        ),
    ),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(Warehouse, LIST_COLUMNS),
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(store, parent, SCREEN, code_key="warehouse_id", noun="warehouse")
