"""Currencies (CM202000): the currencies documents and accounts are kept in."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ledger.currencies import CurrencyService
from app.ledger.reference import ISO_CURRENCY
from app.models import Currency
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Field, Kind, ListColumn, Screen
from app.windows.screens.configuration.reference_screen import list_query_of, reference_screen

# The code is typed in full, so a code that is too long is refused by its rule with a message
# rather than cut short without one.
TYPED_CODE_LENGTH = 10

# What a currency lookup selects from: active currencies only.

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
    top=(
        Field(
            "currency_id",
            "Currency ID",
            Kind.TEXT,
            required=True,
            max_length=TYPED_CODE_LENGTH,
            help="The three capital letters of ISO 4217 (NOK, SEK, EUR).",
        ),
        Field(
            "description",
            "Description",
            Kind.TEXT,
            required=True,
            help="The name of the currency, shown where it is selected.",
        ),
        Field(
            "symbol",
            "Symbol",
            Kind.TEXT,
            help="The sign printed with amounts (kr, €, $); at most 5 characters.",
        ),
        Field(
            "decimal_places",
            "Decimal places",
            Kind.NUMBER,
            required=True,
            help="The number of decimals amounts in the currency have (0–4).",
        ),
        Field(
            "active",
            "Active",
            Kind.CHECKBOX,
            help="Active currencies can be selected for customers, branches and cash accounts.",
        ),
    ),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(Currency, LIST_COLUMNS),
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(
        store,
        parent,
        SCREEN,
        code_key="currency_id",
        noun="currency",
        code_rule=ISO_CURRENCY,
        service_class=CurrencyService,
    )
