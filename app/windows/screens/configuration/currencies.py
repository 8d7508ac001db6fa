"""Currencies (CM202000): the currencies documents and accounts are kept in, arranged from
the currency's definition (app/ledger/definitions/currency.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ledger.currencies import CurrencyService
from app.ledger.definitions.currency import CURRENCY
from app.ledger.reference import ISO_CURRENCY
from app.models import Currency
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Kind, ListColumn, Screen
from app.windows.screens.configuration.reference_screen import list_query_of, reference_screen

LIST_COLUMNS = (
    ListColumn("currency_id", "Currency ID", width=90),
    ListColumn("description", "Description", width=240),
    ListColumn("symbol", "Symbol", width=70),
    ListColumn("decimal_places", "Decimal places", Kind.NUMBER, width=100),
    ListColumn("active", "Active", Kind.CHECKBOX, width=70),
)

SCREEN = Screen(
    id="CM202000",
    title="Currencies",
    model=Currency,
    help="The currencies customers are invoiced in and accounts are kept in.",
    top=CURRENCY.pick("currency_id", "description", "symbol", "decimal_places", "active"),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(Currency, LIST_COLUMNS),
    definition=CURRENCY,
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(
        store,
        parent,
        SCREEN,
        code_key="currency_id",
        code_rule=ISO_CURRENCY,
        service_class=CurrencyService,
    )
