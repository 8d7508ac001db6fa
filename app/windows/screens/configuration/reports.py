"""Customer ledger reports (SM206000): the reports a mailing can send."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.models import Report
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Field, Kind, ListColumn, Screen
from app.windows.screens.configuration.reference_screen import list_query_of, reference_screen

LIST_COLUMNS = (
    ListColumn("report_id", "Report ID", width=110),
    ListColumn("name", "Name", width=300),
)

SCREEN = Screen(
    id="SM206000",
    title="Customer ledger reports",
    model=Report,
    help="The customer ledger reports mailings send, like AR641500 Customer statement.",
    top=(
        Field(
            "report_id",
            "Report ID",
            Kind.TEXT,
            required=True,
            help="The unique ID of the report, like AR641500.",
        ),
        Field(
            "name",
            "Name",
            Kind.TEXT,
            required=True,
            help="The name of the report, shown where it is selected.",
        ),
    ),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(Report, LIST_COLUMNS),
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(store, parent, SCREEN, code_key="report_id", noun="report")
