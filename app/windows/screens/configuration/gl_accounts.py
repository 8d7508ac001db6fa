"""Chart of accounts (GL202500): the general ledger accounts sales and payments are posted to,
arranged from the account's definition (app/ledger/definitions/accounting.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ledger.definitions.accounting import GL_ACCOUNT
from app.models import AccountType, GlAccount
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Kind, ListColumn, Screen
from app.windows.screens.configuration.reference_screen import list_query_of, reference_screen

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
    top=GL_ACCOUNT.pick("account", "description", "account_type", "active"),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(GlAccount, LIST_COLUMNS),
    definition=GL_ACCOUNT,
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(store, parent, SCREEN, code_key="account")
