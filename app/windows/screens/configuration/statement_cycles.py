"""Statement cycles (AR202800): when statements are prepared and how balances are aged, arranged
from the cycle's definition (app/ledger/definitions/credit.py), whose on-change rules relabel
the buckets as the day limits change and clear the days a schedule does not use."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ledger.definitions.credit import STATEMENT_CYCLE
from app.ledger.statement_cycles import StatementCycleService
from app.models import StatementCycle
from app.models.database import Store
from app.models.reference.credit import AgeBasedOn, PrepareOn
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Kind, ListColumn, Screen, Section, Tab
from app.windows.screens.configuration.reference_screen import list_query_of, reference_screen

pick = STATEMENT_CYCLE.pick

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

SCREEN = Screen(
    id="AR202800",
    title="Statement cycles",
    model=StatementCycle,
    help="When customer statements are prepared and how their balances are aged.",
    top=pick("statement_cycle_id", "description"),
    tabs=(
        Tab(
            "General settings",
            sections=(
                Section(
                    "Schedule",
                    pick(
                        "prepare_on",
                        "day_of_month",
                        "second_day_of_month",
                        "last_statement_date",
                        "next_statement_date",
                    ),
                ),
                Section("Overdue charges", pick("overdue_charge_id")),
                Section(
                    "Ageing",
                    pick(
                        "age_based_on",
                        "day_limit_1",
                        "day_limit_2",
                        "day_limit_3",
                        "current_label",
                        "bucket_1_label",
                        "bucket_2_label",
                        "bucket_3_label",
                        "over_label",
                    ),
                    column=1,
                ),
            ),
        ),
    ),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(StatementCycle, LIST_COLUMNS),
    definition=STATEMENT_CYCLE,
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(
        store, parent, SCREEN, code_key="statement_cycle_id", service_class=StatementCycleService
    )
