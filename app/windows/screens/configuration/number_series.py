"""Number series (CS201010): the numbers new customers and documents are given, arranged from
the series' definition (app/ledger/definitions/system.py), whose on-change rules show the next
number as the numbers are typed."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from app.ledger.definitions.system import NUMBER_SERIES
from app.ledger.number_series import NEXT_NUMBER, NumberSeriesService
from app.models import NumberSeries
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Kind, ListColumn, RowSelect, Screen, Section, Tab
from app.windows.screens.configuration.reference_screen import reference_screen

LIST_COLUMNS = (
    ListColumn("number_series_id", "Number series ID", width=110),
    ListColumn("description", "Description", width=220),
    ListColumn("manual_numbering", "Manual numbering", Kind.CHECKBOX, width=110),
    ListColumn("start_number", "Start number", width=110),
    ListColumn("end_number", "End number", width=110),
    ListColumn("last_number", "Last number", width=110),
    ListColumn("numbering_step", "Numbering step", Kind.NUMBER, width=100),
)


def list_query() -> RowSelect:
    return select(
        NumberSeries.id.label("id"),
        NumberSeries.series_id.label("number_series_id"),
        NumberSeries.description.label("description"),
        NumberSeries.manual_numbering.label("manual_numbering"),
        NumberSeries.start_number.label("start_number"),
        NumberSeries.end_number.label("end_number"),
        NumberSeries.last_number.label("last_number"),
        NumberSeries.numbering_step.label("numbering_step"),
    )


SCREEN = Screen(
    id="CS201010",
    title="Number series",
    model=NumberSeries,
    help="The numbers given to new customers and documents: INV000001, INV000002 …",
    top=NUMBER_SERIES.pick("number_series_id", "description", "manual_numbering"),
    tabs=(
        Tab(
            "Numbering",
            sections=(
                Section("Numbers", NUMBER_SERIES.pick("start_number", "end_number", "last_number")),
                Section("Counting", NUMBER_SERIES.pick("numbering_step", NEXT_NUMBER), column=1),
            ),
        ),
    ),
    list_columns=LIST_COLUMNS,
    list_query=list_query,
    definition=NUMBER_SERIES,
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(
        store, parent, SCREEN, code_key="number_series_id", service_class=NumberSeriesService
    )
