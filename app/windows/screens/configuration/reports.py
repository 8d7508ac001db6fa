"""Customer ledger reports (SM206000): the reports a mailing can send, arranged from the
report's definition (app/ledger/definitions/system.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ledger.definitions.system import REPORT
from app.models import Report
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import ListColumn, Screen
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
    top=REPORT.pick("report_id", "name"),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(Report, LIST_COLUMNS),
    definition=REPORT,
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(store, parent, SCREEN, code_key="report_id")
