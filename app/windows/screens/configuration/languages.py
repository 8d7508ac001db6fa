"""Languages/locales (SM200550): the languages documents can be printed in."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ledger.reference import LOCALE
from app.models import Language
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Field, Kind, ListColumn, Screen
from app.windows.screens.configuration.reference_screen import list_query_of, reference_screen

LIST_COLUMNS = (
    ListColumn("locale_id", "Locale ID", width=90),
    ListColumn("description", "Description", width=240),
    ListColumn("active", "Active", Kind.CHECKBOX, width=70),
)

SCREEN = Screen(
    id="SM200550",
    title="Languages/locales",
    model=Language,
    help="The languages documents and statements can be printed in.",
    top=(
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
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(Language, LIST_COLUMNS),
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(
        store, parent, SCREEN, code_key="locale_id", noun="language", code_rule=LOCALE
    )
