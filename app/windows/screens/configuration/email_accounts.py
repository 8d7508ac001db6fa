"""System email accounts (SM204002): the accounts mailings are sent from, arranged from the
email account's definition (app/ledger/definitions/system.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from app.ledger.definitions.system import EMAIL_ACCOUNT
from app.ledger.email_accounts import EmailAccountService
from app.models import EmailAccount
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import ListColumn, RowSelect, Screen
from app.windows.screens.configuration.reference_screen import reference_screen

LIST_COLUMNS = (
    ListColumn("email_account_id", "Email account ID", width=120),
    ListColumn("description", "Description", width=220),
    ListColumn("email_address", "Email address", width=220),
    ListColumn("reply_to_address", "Reply-to address", width=220),
)


def list_query() -> RowSelect:
    return select(
        EmailAccount.id.label("id"),
        EmailAccount.email_account_id.label("email_account_id"),
        EmailAccount.description.label("description"),
        EmailAccount.email_address.label("email_address"),
        EmailAccount.reply_to.label("reply_to_address"),
    )


SCREEN = Screen(
    id="SM204002",
    title="System email accounts",
    model=EmailAccount,
    help="The e-mail accounts mailings (invoices, statements, dunning letters) are sent from.",
    top=EMAIL_ACCOUNT.pick("email_account_id", "description", "email_address", "reply_to_address"),
    list_columns=LIST_COLUMNS,
    list_query=list_query,
    definition=EMAIL_ACCOUNT,
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(
        store, parent, SCREEN, code_key="email_account_id", service_class=EmailAccountService
    )
