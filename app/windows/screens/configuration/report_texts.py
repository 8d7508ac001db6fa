"""Report texts (CS209000): wording printed on documents, like a dunning letter level's,
arranged from the report text's definition (app/ledger/definitions/system.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ledger.definitions.system import REPORT_TEXT
from app.models import ReportText
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import ListColumn, Screen, Section, Tab
from app.windows.screens.configuration.reference_screen import list_query_of, reference_screen

LIST_COLUMNS = (
    ListColumn("report_text_id", "Report text ID", width=140),
    ListColumn("description", "Description", width=260),
)

SCREEN = Screen(
    id="CS209000",
    title="Report texts",
    model=ReportText,
    help="Texts printed on documents, such as the wording of each dunning letter level.",
    top=REPORT_TEXT.pick("report_text_id", "description"),
    tabs=(Tab("Text", sections=(Section("Text", REPORT_TEXT.pick("text")),)),),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(ReportText, LIST_COLUMNS),
    definition=REPORT_TEXT,
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(store, parent, SCREEN, code_key="report_text_id")
