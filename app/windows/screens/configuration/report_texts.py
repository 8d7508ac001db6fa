"""Report texts (CS209000): wording printed on documents, like a dunning letter level's."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.models import ReportText
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Field, Kind, ListColumn, Screen, Section, Tab
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
    top=(
        Field(
            "report_text_id",
            "Report text ID",
            Kind.TEXT,
            required=True,
            help="The unique ID of the text, selected where it is printed.",
        ),
        Field(
            "description",
            "Description",
            Kind.TEXT,
            required=True,
            help="The name of the text, shown where it is selected.",
        ),
    ),
    tabs=(
        Tab(
            "Text",
            sections=(
                Section(
                    "Text",
                    (
                        # Long text, edited on one line until the engine has a multi-line kind.
                        Field(
                            "text",
                            "Text",
                            Kind.MEMO,
                            help="The wording printed on the document.",
                        ),
                    ),
                ),
            ),
        ),
    ),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(ReportText, LIST_COLUMNS),
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(store, parent, SCREEN, code_key="report_text_id", noun="report text")
