"""Reason codes (CS211000): why a balance or credit is written off, or stock moves."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.models import ReasonCode
from app.models.database import Store
from app.models.reference.system import ReasonCodeUsage
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Field, Kind, ListColumn, Screen
from app.windows.screens.configuration.reference_screen import list_query_of, reference_screen

LIST_COLUMNS = (
    ListColumn("reason_code_id", "Reason code ID", width=140),
    ListColumn("description", "Description", width=260),
    ListColumn("usage", "Usage", Kind.OPTION, ReasonCodeUsage, width=130),
)

SCREEN = Screen(
    id="CS211000",
    title="Reason codes",
    model=ReasonCode,
    help="The reasons given for write-offs and other adjustments.",
    top=(
        Field(
            "reason_code_id",
            "Reason code ID",
            Kind.TEXT,
            required=True,
            help="The unique ID of the reason code.",
        ),
        Field(
            "description",
            "Description",
            Kind.TEXT,
            required=True,
            help="What the reason is, shown where the code is selected.",
        ),
        Field(
            "usage",
            "Usage",
            Kind.OPTION,
            options=ReasonCodeUsage,
            required=True,
            help="The operations the code is offered for, e.g. Balance write-off.",
        ),
    ),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(ReasonCode, LIST_COLUMNS),
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(
        store,
        parent,
        SCREEN,
        code_key="reason_code_id",
        noun="reason code",
    )
