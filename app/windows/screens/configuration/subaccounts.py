"""Subaccounts (GL203000): the subdivisions (department, project) GL postings carry, arranged
from the subaccount's definition (app/ledger/definitions/accounting.py); an ID has the form of
the SUBACCOUNT key (app/ledger/segmented_keys.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ledger.definitions.accounting import SUBACCOUNT
from app.ledger.segmented_keys import SubaccountService
from app.models import Subaccount
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Kind, ListColumn, Screen
from app.windows.screens.configuration.reference_screen import list_query_of, reference_screen

LIST_COLUMNS = (
    ListColumn("subaccount_id", "Subaccount ID", width=120),
    ListColumn("description", "Description", width=260),
    ListColumn("active", "Active", Kind.CHECKBOX, width=70),
)

SCREEN = Screen(
    id="GL203000",
    title="Subaccounts",
    model=Subaccount,
    help="The subdivisions of GL accounts (department, project) postings are made to.",
    top=SUBACCOUNT.pick("subaccount_id", "description", "active"),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(Subaccount, LIST_COLUMNS),
    definition=SUBACCOUNT,
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(
        store, parent, SCREEN, code_key="subaccount_id", service_class=SubaccountService
    )
