"""Countries/counties/postcodes (CS20400S): countries, their counties and postcode rule,
arranged from the country's definition (app/ledger/definitions/geography.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ledger.definitions.geography import COUNTRY
from app.ledger.geography import COUNTIES, CountryService
from app.ledger.reference import ISO_COUNTRY
from app.models import Country
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import ListColumn, Screen, Tab
from app.windows.screens.configuration.reference_screen import list_query_of, reference_screen

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
    top=COUNTRY.pick("country_id", "country_name", "postcode_validation_rule", "postcode_example"),
    tabs=(
        Tab(
            "Counties",
            grids=(COUNTRY.grid(COUNTIES),),
            help="The counties (regions, states) of the country.",
        ),
    ),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(Country, LIST_COLUMNS),
    definition=COUNTRY,
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(
        store,
        parent,
        SCREEN,
        code_key="country_id",
        code_rule=ISO_COUNTRY,
        service_class=CountryService,
    )
