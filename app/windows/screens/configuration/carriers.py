"""Carriers (CS207500): the Ship via codes of the carriers goods are shipped with."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.models import Carrier
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Field, Kind, ListColumn, Screen
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
    top=(
        Field(
            "ship_via",
            "Ship via",
            Kind.TEXT,
            attr="carrier_id",
            required=True,
            help="The unique code of the carrier, selected as Ship via.",
        ),
        Field(
            "description",
            "Description",
            Kind.TEXT,
            required=True,
            help="The name of the carrier or its service.",
        ),
        Field(
            "active",
            "Active",
            Kind.CHECKBOX,
            help="Active carriers can be selected for customers and classes.",
        ),
    ),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(Carrier, LIST_COLUMNS),
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(store, parent, SCREEN, code_key="ship_via", noun="carrier")
