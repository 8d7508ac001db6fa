"""Countries/counties/postcodes (CS20400S): countries, their counties and postcode rule."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ledger.geography import COUNTIES, CountryService
from app.ledger.reference import ISO_COUNTRY
from app.models import Country
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Field, Grid, Kind, ListColumn, Screen, Tab
from app.windows.screens.configuration.reference_screen import list_query_of, reference_screen

# The code is typed in full, so a code that is too long is refused by its rule with a message
# rather than cut short without one.
TYPED_CODE_LENGTH = 10

# What a country lookup selects from (branches, customer classes, addresses).

LIST_COLUMNS = (
    ListColumn("country_id", "Country ID", width=90),
    ListColumn("name", "Country name", width=240),
    ListColumn("postcode_rule", "Postcode validation rule", width=200),
    ListColumn("postcode_example", "Postcode example", width=120),
)

SCREEN = Screen(
    id="CS20400S",
    title="Countries/counties/postcodes",
    model=Country,
    help="The countries addresses are in, with their counties and the form of their postcodes.",
    top=(
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
    tabs=(
        Tab(
            "Counties",
            grids=(
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
            help="The counties (regions, states) of the country.",
        ),
    ),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(Country, LIST_COLUMNS),
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(
        store,
        parent,
        SCREEN,
        code_key="country_id",
        noun="country",
        code_rule=ISO_COUNTRY,
        service_class=CountryService,
    )
