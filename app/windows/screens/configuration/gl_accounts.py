"""Chart of accounts (GL202500): the general ledger accounts sales and payments are posted to."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.models import AccountType, GlAccount
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Field, Kind, ListColumn, Screen
from app.windows.screens.configuration.reference_screen import list_query_of, reference_screen

# What a GL account lookup selects from: active accounts only.

LIST_COLUMNS = (
    ListColumn("account", "Account", width=100),
    ListColumn("description", "Description", width=260),
    ListColumn("account_type", "Account type", Kind.OPTION, AccountType, width=100),
    ListColumn("active", "Active", Kind.CHECKBOX, width=70),
)

SCREEN = Screen(
    id="GL202500",
    title="Chart of accounts",
    model=GlAccount,
    help="The general ledger accounts customer ledger documents and payments are posted to.",
    top=(
        Field(
            "account",
            "Account",
            Kind.TEXT,
            required=True,
            help="The account number, unique in the chart of accounts (e.g. 1500, 3000).",
        ),
        Field(
            "description",
            "Description",
            Kind.TEXT,
            required=True,
            help="The name of the account, shown where it is selected.",
        ),
        Field(
            "account_type",
            "Account type",
            Kind.OPTION,
            options=AccountType,
            required=True,
            help="Whether the account holds assets, liabilities, income or expenses.",
        ),
        Field(
            "active",
            "Active",
            Kind.CHECKBOX,
            help="Active accounts can be selected for customer classes, locations and cash "
            "accounts.",
        ),
    ),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(GlAccount, LIST_COLUMNS),
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(store, parent, SCREEN, code_key="account", noun="account")
