"""Overdue charges (AR204500): what customers pay on documents past due."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ledger.overdue_charges import OverdueChargeService
from app.models import OverdueCharge
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Field, Kind, ListColumn, Screen, Section, Tab
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
    top=(
        Field(
            "overdue_charge_id",
            "Overdue charge ID",
            Kind.TEXT,
            required=True,
            help="The unique ID of the overdue charge.",
        ),
        Field(
            "description",
            "Description",
            Kind.TEXT,
            required=True,
            help="The name of the charge, shown where it is selected.",
        ),
    ),
    tabs=(
        Tab(
            "General settings",
            sections=(
                Section(
                    "Calculation",
                    (
                        Field(
                            "annual_rate_percent",
                            "Annual rate (%)",
                            Kind.PERCENT,
                            help="The yearly interest on the overdue balance (0–100 %).",
                        ),
                        Field(
                            "minimum_amount",
                            "Minimum amount",
                            Kind.MONEY,
                            help="The least charged when a charge is made (0 or more).",
                        ),
                        Field(
                            "fixed_amount",
                            "Fixed amount",
                            Kind.MONEY,
                            help="An amount charged on every overdue document (0 or more).",
                        ),
                    ),
                ),
            ),
        ),
    ),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(OverdueCharge, LIST_COLUMNS),
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(
        store,
        parent,
        SCREEN,
        code_key="overdue_charge_id",
        noun="overdue charge",
        service_class=OverdueChargeService,
    )
