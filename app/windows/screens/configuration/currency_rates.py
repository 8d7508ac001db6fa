"""Currency rates (CM301000): what one unit of a currency is worth in another, by rate type
and effective date — a currency's Currency rates grid, arranged from the currency's definition
(app/ledger/definitions/currency.py; the rules in app/ledger/currency_rates.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ledger.currency_rates import CurrencyRatesService
from app.ledger.definitions.currency import CURRENCY_RATES, RATES_GRID
from app.ledger.reference import ISO_CURRENCY
from app.models import Currency
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import ListColumn, Screen, Tab
from app.windows.screens.configuration.reference_screen import list_query_of, reference_screen

LIST_COLUMNS = (
    ListColumn("currency_id", "Currency ID", width=90),
    ListColumn("description", "Description", width=240),
)

SCREEN = Screen(
    id="CM301000",
    title="Currency rates",
    model=Currency,
    help="The exchange rates documents in other currencies are converted to the base currency "
    "by: a document takes the latest rate of its customer's rate type effective on its date.",
    top=CURRENCY_RATES.pick("currency_id", "description"),
    tabs=(Tab("Currency rates", grids=(RATES_GRID,), help=RATES_GRID.help),),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(Currency, LIST_COLUMNS),
    definition=CURRENCY_RATES,
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(
        store,
        parent,
        SCREEN,
        code_key="currency_id",
        code_rule=ISO_CURRENCY,
        service_class=CurrencyRatesService,
    )
