"""Where customers are: countries with their counties and postcode rule (CS20400S), and the
languages documents are printed in (SM200550)."""

from __future__ import annotations

from app.ledger.fields import Definition, Field, Grid, Kind
from app.ledger.geography import COUNTIES
from app.models import Country, Language

# The code is typed in full, so a code that is too long is refused by its rule with a message
# rather than cut short without one.
TYPED_CODE_LENGTH = 10

COUNTRY = Definition(
    "country",
    Country,
    (
        Field(
            "country_id",
            "Country ID",
            Kind.TEXT,
            required=True,
            max_length=TYPED_CODE_LENGTH,
            help="The two capital letters of ISO 3166 (NO, SE, DK).",
        ),
        Field(
            "country_name",
            "Country name",
            Kind.TEXT,
            attr="name",
            required=True,
            help="The name of the country, printed in addresses.",
        ),
        Field(
            "postcode_validation_rule",
            "Postcode validation rule",
            Kind.TEXT,
            attr="postcode_rule",
            help="A regular expression every postcode of the country must match in whole, "
            "e.g. [0-9]{4} for four digits; empty accepts any postcode.",
        ),
        Field(
            "postcode_example",
            "Postcode example",
            Kind.TEXT,
            help="A postcode of the country, shown when a postcode does not match the rule; "
            "it must match the rule itself.",
        ),
    ),
    (
        Grid(
            "Counties",
            COUNTIES,
            (
                Field(
                    "county_id",
                    "County ID",
                    Kind.TEXT,
                    required=True,
                    help="The ID of the county, once per country.",
                ),
                Field(
                    "county_name",
                    "County name",
                    Kind.TEXT,
                    attr="name",
                    required=True,
                    help="The name of the county.",
                ),
            ),
            order_by="county_id",
            help="The counties (regions, states) of the country.",
        ),
    ),
)

LANGUAGE = Definition(
    "language",
    Language,
    (
        Field(
            "locale_id",
            "Locale ID",
            Kind.TEXT,
            required=True,
            help="A language code, with the country where the language differs: nb-NO, sv-SE, nl.",
        ),
        Field(
            "description",
            "Description",
            Kind.TEXT,
            required=True,
            help="The name of the language, shown where it is selected.",
        ),
        Field(
            "active",
            "Active",
            Kind.CHECKBOX,
            help="Active languages can be selected as a customer's document language.",
        ),
    ),
)
