"""Subaccounts (GL203000): the subdivisions (department, project) GL postings carry."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.models import Subaccount
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Field, Kind, ListColumn, Screen
from app.windows.screens.configuration.reference_screen import list_query_of, reference_screen

# What a subaccount lookup selects from: active subaccounts only.

LIST_COLUMNS = (
    ListColumn("subaccount_id", "Subaccount ID", width=120),
    ListColumn("description", "Description", width=260),
    ListColumn("active", "Active", Kind.CHECKBOX, width=70),
)

SCREEN = Screen(
    id="GL203000",
    title="Subaccounts",
    model=Subaccount,
    help="The subdivisions of GL accounts (department, project) postings are made to.",
    top=(
        Field(
            "subaccount_id",
            "Subaccount ID",
            Kind.TEXT,
            required=True,
            help="The unique ID of the subaccount.",
        ),
        Field(
            "description",
            "Description",
            Kind.TEXT,
            required=True,
            help="The name of the subaccount, shown where it is selected.",
        ),
        Field(
            "active",
            "Active",
            Kind.CHECKBOX,
            help="Active subaccounts can be selected for customer classes, locations and cash "
            "accounts.",
        ),
    ),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(Subaccount, LIST_COLUMNS),
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(store, parent, SCREEN, code_key="subaccount_id", noun="subaccount")
