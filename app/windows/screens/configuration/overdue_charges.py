"""Overdue charges (AR204500): what customers pay on documents past due, arranged from the
overdue charge's definition (app/ledger/definitions/credit.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ledger.definitions.credit import OVERDUE_CHARGE
from app.ledger.overdue_charges import OverdueChargeService
from app.models import OverdueCharge
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Kind, ListColumn, Screen, Section, Tab
from app.windows.screens.configuration.reference_screen import list_query_of, reference_screen

LIST_COLUMNS = (
    ListColumn("overdue_charge_id", "Overdue charge ID", width=120),
    ListColumn("description", "Description", width=240),
    ListColumn("annual_rate_percent", "Annual rate (%)", Kind.PERCENT, width=100),
    ListColumn("minimum_amount", "Minimum amount", Kind.MONEY, width=110),
    ListColumn("fixed_amount", "Fixed amount", Kind.MONEY, width=110),
)

SCREEN = Screen(
    id="AR204500",
    title="Overdue charges",
    model=OverdueCharge,
    help="Charges customers incur on open documents that are past due.",
    top=OVERDUE_CHARGE.pick("overdue_charge_id", "description"),
    tabs=(
        Tab(
            "General settings",
            sections=(
                Section(
                    "Calculation",
                    OVERDUE_CHARGE.pick("annual_rate_percent", "minimum_amount", "fixed_amount"),
                ),
            ),
        ),
    ),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(OverdueCharge, LIST_COLUMNS),
    definition=OVERDUE_CHARGE,
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(
        store, parent, SCREEN, code_key="overdue_charge_id", service_class=OverdueChargeService
    )
