"""Money: the currencies amounts are kept in (CM202000) and the kinds of exchange rate they are
converted by (CM201000)."""

from __future__ import annotations

from app.ledger.definitions.geography import TYPED_CODE_LENGTH
from app.ledger.fields import Definition, Field, Kind
from app.models import Currency, RateType

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
