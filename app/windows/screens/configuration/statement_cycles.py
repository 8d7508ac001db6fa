"""Statement cycles (AR202800): when statements are prepared and how balances are aged."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from app.ledger.records import RecordService
from app.ledger.sources import OVERDUE_CHARGES
from app.ledger.statement_cycles import (
    DAY_LIMITS,
    StatementCycleService,
    labels_following_limits,
    needs_day_of_month,
    needs_second_day,
    schedule_updates,
)
from app.models import StatementCycle
from app.models.database import Store
from app.models.reference.credit import AgeBasedOn, PrepareOn
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Field, Kind, ListColumn, Screen, Section, Tab
from app.windows.screens.configuration.reference_screen import list_query_of, reference_screen

LIST_COLUMNS = (
    ListColumn("statement_cycle_id", "Statement cycle ID", width=120),
    ListColumn("description", "Description", width=220),
    ListColumn("prepare_on", "Prepare on", Kind.OPTION, PrepareOn, width=130),
    ListColumn("age_based_on", "Age based on", Kind.OPTION, AgeBasedOn, width=110),
    ListColumn("day_limit_1", "Day limit 1", Kind.NUMBER, width=80),
    ListColumn("day_limit_2", "Day limit 2", Kind.NUMBER, width=80),
    ListColumn("day_limit_3", "Day limit 3", Kind.NUMBER, width=80),
    ListColumn("last_statement_date", "Last statement date", Kind.DATE, width=120),
    ListColumn("next_statement_date", "Next statement date", Kind.DATE, width=120),
)


def _day_limit(number: int, help_text: str) -> Field:
    return Field(
        f"day_limit_{number}", f"Day limit {number}", Kind.NUMBER, required=True, help=help_text
    )


def _label(key: str, label: str, help_text: str) -> Field:
    return Field(key, label, Kind.TEXT, help=help_text)


SCREEN = Screen(
    id="AR202800",
    title="Statement cycles",
    model=StatementCycle,
    help="When customer statements are prepared and how their balances are aged.",
    top=(
        Field(
            "statement_cycle_id",
            "Statement cycle ID",
            Kind.TEXT,
            required=True,
            help="The unique ID of the statement cycle.",
        ),
        Field(
            "description",
            "Description",
            Kind.TEXT,
            required=True,
            help="The name of the cycle, shown where it is selected.",
        ),
    ),
    tabs=(
        Tab(
            "General settings",
            sections=(
                Section(
                    "Schedule",
                    (
                        Field(
                            "prepare_on",
                            "Prepare on",
                            Kind.OPTION,
                            options=PrepareOn,
                            required=True,
                            help="When statements of the cycle are prepared.",
                        ),
                        Field(
                            "day_of_month",
                            "Day of month",
                            Kind.NUMBER,
                            enabled_when=lambda values: needs_day_of_month(
                                values.get("prepare_on")
                            ),
                            help="The day (1–31) statements are prepared on; required for Fixed "
                            "day of month and Twice a month. In shorter months, the last day.",
                        ),
                        Field(
                            "second_day_of_month",
                            "Second day of month",
                            Kind.NUMBER,
                            enabled_when=lambda values: needs_second_day(values.get("prepare_on")),
                            help="The second day (1–31, after the first) statements are prepared "
                            "on; required for Twice a month.",
                        ),
                        Field(
                            "last_statement_date",
                            "Last statement date",
                            Kind.DATE,
                            read_only=True,
                            help="The date of the last statements prepared; set by statement runs.",
                        ),
                        Field(
                            "next_statement_date",
                            "Next statement date",
                            Kind.DATE,
                            help="The date the next statements are due to be prepared (after the "
                            "last statement date).",
                        ),
                    ),
                ),
                Section(
                    "Overdue charges",
                    (
                        Field(
                            "overdue_charge_id",
                            "Overdue charge ID",
                            Kind.LOOKUP,
                            lookup=OVERDUE_CHARGES,
                            help="The overdue charge for customers of the cycle, where the "
                            "preferences set overdue charges by statement cycle.",
                        ),
                    ),
                ),
                Section(
                    "Ageing",
                    (
                        Field(
                            "age_based_on",
                            "Age based on",
                            Kind.OPTION,
                            options=AgeBasedOn,
                            required=True,
                            help="The date balances are aged from: the due date of invoices, or "
                            "the document date.",
                        ),
                        _day_limit(1, "The last day of the first bucket past due (more than 0)."),
                        _day_limit(2, "The last day of the second bucket (more than day limit 1)."),
                        _day_limit(3, "The last day of the third bucket (more than day limit 2)."),
                        _label(
                            "current_label",
                            "Current label",
                            "The statement's heading for balances not yet past due.",
                        ),
                        _label(
                            "bucket_1_label",
                            "Bucket 1 label",
                            "The heading for 1 to day limit 1 days past due; follows the limits "
                            "unless you write your own.",
                        ),
                        _label(
                            "bucket_2_label",
                            "Bucket 2 label",
                            "The heading for day limit 1 + 1 to day limit 2 days past due.",
                        ),
                        _label(
                            "bucket_3_label",
                            "Bucket 3 label",
                            "The heading for day limit 2 + 1 to day limit 3 days past due.",
                        ),
                        _label(
                            "over_label",
                            "Over label",
                            "The heading for more than day limit 3 days past due.",
                        ),
                    ),
                    column=1,
                ),
            ),
        ),
    ),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(StatementCycle, LIST_COLUMNS),
)


class StatementCycleScreen(RecordScreen):
    """The cycle's on-change rules: labels follow the day limits, unused days are cleared."""

    def __init__(
        self,
        store: Store,
        screen: Screen,
        service: RecordService[Any],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, screen, service, parent)
        for key in DAY_LIMITS:
            self.binder.on_change[key] = lambda _value: labels_following_limits(
                self.record.values()
            )
        self.binder.on_change["prepare_on"] = lambda _value: schedule_updates(self.record.values())


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(
        store,
        parent,
        SCREEN,
        code_key="statement_cycle_id",
        noun="statement cycle",
        service_class=StatementCycleService,
        screen_class=StatementCycleScreen,
    )
