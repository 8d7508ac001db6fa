"""Currency rate types (CM201000): the kinds of exchange rate amounts are converted by,
arranged from the rate type's definition (app/ledger/definitions/currency.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ledger.definitions.currency import RATE_TYPE
from app.models import RateType
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import ListColumn, Screen
from app.windows.screens.configuration.reference_screen import list_query_of, reference_screen

LIST_COLUMNS = (
    ListColumn("rate_type_id", "Rate type ID", width=110),
    ListColumn("description", "Description", width=280),
)

SCREEN = Screen(
    id="CM201000",
    title="Currency rate types",
    model=RateType,
    help="The kinds of exchange rate (spot, bank, customs) amounts in other currencies are "
    "converted by.",
    top=RATE_TYPE.pick("rate_type_id", "description"),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(RateType, LIST_COLUMNS),
    definition=RATE_TYPE,
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(store, parent, SCREEN, code_key="rate_type_id")
