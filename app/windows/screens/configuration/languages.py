"""Languages/locales (SM200550): the languages documents can be printed in, arranged from the
language's definition (app/ledger/definitions/geography.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ledger.definitions.geography import LANGUAGE
from app.ledger.reference import LOCALE
from app.models import Language
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Kind, ListColumn, Screen
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
    top=LANGUAGE.pick("locale_id", "description", "active"),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(Language, LIST_COLUMNS),
    definition=LANGUAGE,
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(store, parent, SCREEN, code_key="locale_id", code_rule=LOCALE)
