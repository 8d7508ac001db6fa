"""Branches (CS102000): the company's branches, with their country and base currency."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from app.ledger.sources import COUNTRIES, CURRENCIES
from app.models import Branch, Country, Currency
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Field, Kind, ListColumn, RowSelect, Screen
from app.windows.screens.configuration.reference_screen import reference_screen

# What a branch lookup selects from: active branches only.

LIST_COLUMNS = (
    ListColumn("branch_id", "Branch ID", width=110),
    ListColumn("name", "Branch name", width=240),
    ListColumn("country", "Country", width=80),
    ListColumn("currency", "Currency", width=80),
    ListColumn("active", "Active", Kind.CHECKBOX, width=70),
)


def list_query() -> RowSelect:
    return (
        select(
            Branch.id.label("id"),
            Branch.branch_id.label("branch_id"),
            Branch.name.label("name"),
            Country.country_id.label("country"),
            Currency.currency_id.label("currency"),
            Branch.active.label("active"),
        )
        .outerjoin(Country, Branch.country_id == Country.id)
        .outerjoin(Currency, Branch.currency_id == Currency.id)
    )


SCREEN = Screen(
    id="CS102000",
    title="Branches",
    model=Branch,
    help="The company's branches: documents, statements and cash accounts belong to one.",
    top=(
        Field(
            "branch_id",
            "Branch ID",
            Kind.TEXT,
            required=True,
            help="The unique ID of the branch.",
        ),
        Field(
            "branch_name",
            "Branch name",
            Kind.TEXT,
            attr="name",
            required=True,
            help="The name of the branch, shown where it is selected and printed on documents.",
        ),
        Field(
            "country",
            "Country",
            Kind.LOOKUP,
            attr="country_id",
            lookup=COUNTRIES,
            help="The country the branch is in.",
        ),
        Field(
            "currency",
            "Currency",
            Kind.LOOKUP,
            attr="currency_id",
            lookup=CURRENCIES,
            help="The base currency of the branch.",
        ),
        Field(
            "active",
            "Active",
            Kind.CHECKBOX,
            help="Active branches can be selected for documents, warehouses and cash accounts.",
        ),
    ),
    list_columns=LIST_COLUMNS,
    list_query=list_query,
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(store, parent, SCREEN, code_key="branch_id", noun="branch")
