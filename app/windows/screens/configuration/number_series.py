"""Number series (CS201010): the numbers new customers and documents are given."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from app.ledger.number_series import NEXT_NUMBER, NumberSeriesService, next_number_of
from app.ledger.records import RecordService
from app.models import NumberSeries
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Field, Kind, ListColumn, RowSelect, Screen, Section, Tab
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

# What the next number is computed from: changing any of them shows the new next number.
NEXT_NUMBER_INPUTS = (
    "manual_numbering",
    "start_number",
    "end_number",
    "last_number",
    "numbering_step",
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
    top=(
        Field(
            "number_series_id",
            "Number series ID",
            Kind.TEXT,
            attr="series_id",
            required=True,
            help="The unique ID of the series; CUSTOMER numbers new customers.",
        ),
        Field(
            "description",
            "Description",
            Kind.TEXT,
            required=True,
            help="What the series numbers, shown where it is selected.",
        ),
        Field(
            "manual_numbering",
            "Manual numbering",
            Kind.CHECKBOX,
            help="Users type every number themselves; the series gives none.",
        ),
    ),
    tabs=(
        Tab(
            "Numbering",
            sections=(
                Section(
                    "Numbers",
                    (
                        Field(
                            "start_number",
                            "Start number",
                            Kind.TEXT,
                            required=True,
                            help="The first number; it ends in the digits that count up, after "
                            "any prefix (INV000001).",
                        ),
                        Field(
                            "end_number",
                            "End number",
                            Kind.TEXT,
                            help="The last number the series may give (same prefix and digits as "
                            "the start number); blank for no end.",
                        ),
                        Field(
                            "last_number",
                            "Last number",
                            Kind.TEXT,
                            help="The number given last, from the start to the end number; blank "
                            "when none is given yet.",
                        ),
                    ),
                ),
                Section(
                    "Counting",
                    (
                        Field(
                            "numbering_step",
                            "Numbering step",
                            Kind.NUMBER,
                            required=True,
                            help="How much each number counts up from the last (1 or more).",
                        ),
                        Field(
                            NEXT_NUMBER,
                            "Next number",
                            Kind.READONLY,
                            read_only=True,
                            help="The number the series gives next: the last number plus the "
                            "step, or the start number when none is given yet.",
                        ),
                    ),
                    column=1,
                ),
            ),
        ),
    ),
    list_columns=LIST_COLUMNS,
    list_query=list_query,
)


class NumberSeriesScreen(RecordScreen):
    """Shows the next number as the numbers are typed."""

    def __init__(
        self,
        store: Store,
        screen: Screen,
        service: RecordService[Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, screen, service, parent)
        for key in NEXT_NUMBER_INPUTS:
            self.binder.on_change[key] = lambda _value: {
                NEXT_NUMBER: next_number_of(self.record.values())
            }


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(
        store,
        parent,
        SCREEN,
        code_key="number_series_id",
        noun="number series",
        service_class=NumberSeriesService,
        screen_class=NumberSeriesScreen,
    )
