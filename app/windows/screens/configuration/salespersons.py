"""Salespersons (AR205000): who sells to customers, and their commission, arranged from the
salesperson's definition (app/ledger/definitions/sales.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ledger.definitions.sales import SALESPERSON
from app.ledger.salespersons import SalespersonService
from app.models import Salesperson
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Kind, ListColumn, Screen
from app.windows.screens.configuration.reference_screen import list_query_of, reference_screen

LIST_COLUMNS = (
    ListColumn("salesperson_id", "Salesperson ID", width=120),
    ListColumn("name", "Name", width=240),
    ListColumn("commission_percent", "Commission (%)", Kind.PERCENT, width=110),
    ListColumn("active", "Active", Kind.CHECKBOX, width=70),
)

SCREEN = Screen(
    id="AR205000",
    title="Salespersons",
    model=Salesperson,
    help="The people who make sales to customers, with their commission.",
    top=SALESPERSON.pick("salesperson_id", "name", "commission_percent", "active"),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(Salesperson, LIST_COLUMNS),
    definition=SALESPERSON,
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(
        store, parent, SCREEN, code_key="salesperson_id", service_class=SalespersonService
    )
