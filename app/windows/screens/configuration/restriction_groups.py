"""Restriction groups (SM201030): groups that restrict who sees which customers, arranged
from the group's definition (app/ledger/definitions/system.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ledger.definitions.system import RESTRICTION_GROUP
from app.models import RestrictionGroup
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Kind, ListColumn, Screen
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
    top=RESTRICTION_GROUP.pick("group_id", "description", "active"),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(RestrictionGroup, LIST_COLUMNS),
    definition=RESTRICTION_GROUP,
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(store, parent, SCREEN, code_key="group_id")
