"""Restriction groups (SM201030): groups that restrict who sees which customers."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.models import RestrictionGroup
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Field, Kind, ListColumn, Screen
from app.windows.screens.configuration.reference_screen import list_query_of, reference_screen

LIST_COLUMNS = (
    ListColumn("group_id", "Group ID", width=140),
    ListColumn("description", "Description", width=260),
    ListColumn("active", "Active", Kind.CHECKBOX, width=70),
)

SCREEN = Screen(
    id="SM201030",
    title="Restriction groups",
    model=RestrictionGroup,
    help="Groups of users and customers: a restricted customer is seen by its groups' users.",
    top=(
        Field(
            "group_id",
            "Group ID",
            Kind.TEXT,
            required=True,
            help="The unique ID of the group, selected as a class's default restriction group.",
        ),
        Field(
            "description",
            "Description",
            Kind.TEXT,
            required=True,
            help="The name of the group, shown where it is selected.",
        ),
        Field(
            "active",
            "Active",
            Kind.CHECKBOX,
            help="The group restricts access; an inactive group restricts nothing.",
        ),
    ),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(RestrictionGroup, LIST_COLUMNS),
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(store, parent, SCREEN, code_key="group_id", noun="restriction group")
