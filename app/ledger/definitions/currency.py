"""Money: the currencies amounts are kept in (CM202000), the kinds of exchange rate they are
converted by (CM201000) and the rates themselves (CM301000: the Currency rates grid of a
currency)."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from app.ledger.currency_rates import RATES
from app.ledger.definitions.geography import TYPED_CODE_LENGTH
from app.ledger.fields import Definition, Field, Grid, Kind, OnChange, Values
from app.ledger.sources import CURRENCIES, RATE_TYPES
from app.models import Currency, RateType
from app.models.reference.currency import RATE_PLACES, reciprocal_of


def _rate_typed(row: Values, _service: object) -> Mapping[str, Any]:
    rate = row.get("currency_rate")
    return {"reciprocal_rate": reciprocal_of(rate) if isinstance(rate, Decimal) else None}


RATES_GRID = Grid(
    "Currency rates",
    RATES,
    (
        Field(
            "currency_rate_type",
            "Currency rate type",
            Kind.LOOKUP,
            attr="rate_type_id",
            required=True,
            lookup=RATE_TYPES,
            help="The kind of rate (the customer's Currency rate type picks which one a document "
            "is converted by).",
        ),
        Field(
            "to_currency",
            "To currency",
            Kind.LOOKUP,
            attr="to_currency_id",
            required=True,
            lookup=CURRENCIES,
            help="The currency the rate converts into: the base currency, for the ledger's "
            "balances.",
        ),
        Field(
            "currency_effective_date",
            "Currency effective date",
            Kind.DATE,
            attr="effective_date",
            required=True,
            help="The first day the rate holds; it holds until a later rate takes over.",
        ),
        Field(
            "currency_rate",
            "Currency rate",
            Kind.DECIMAL,
            attr="rate",
            required=True,
            places=RATE_PLACES,
            help="What one unit of this currency is worth in the To currency.",
        ),
        Field(
            "reciprocal_rate",
            "Reciprocal rate",
            Kind.DECIMAL,
            read_only=True,
            places=RATE_PLACES,
            help="What one unit of the To currency is worth in this currency.",
        ),
    ),
    order_by="effective_date",
    help="The rates of the currency: a document takes the latest one effective on its date, "
    "of its customer's rate type.",
    on_change=(OnChange("currency_rate", (), _rate_typed),),
)

CURRENCY = Definition(
    "currency",
    Currency,
    (
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
        # 0–4, checked by CurrencyService, which names the range and the value typed.
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
)

# Currency rates (CM301000): a currency, named as on CM202000, with its rates.
CURRENCY_RATES = Definition(
    "currency",
    Currency,
    (CURRENCY.field("currency_id"), CURRENCY.field("description")),
    (RATES_GRID,),
)

RATE_TYPE = Definition(
    "rate type",
    RateType,
    (
        Field(
            "rate_type_id",
            "Rate type ID",
            Kind.TEXT,
            required=True,
            help="The unique ID of the rate type.",
        ),
        Field(
            "description",
            "Description",
            Kind.TEXT,
            required=True,
            help="The name of the rate type, shown where it is selected.",
        ),
    ),
)
