"""Cash accounts (CA202000): the bank and cash accounts customers' payments are deposited to,
arranged from the cash account's definition (app/ledger/definitions/accounting.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from app.ledger.accounting import CashAccountService
from app.ledger.definitions.accounting import CASH_ACCOUNT
from app.models import Branch, CashAccount, Currency, GlAccount, Subaccount
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Kind, ListColumn, RowSelect, Screen
from app.windows.screens.configuration.reference_screen import reference_screen

LIST_COLUMNS = (
    ListColumn("cash_account_id", "Cash account ID", width=120),
    ListColumn("description", "Description", width=220),
    ListColumn("branch", "Branch", width=80),
    ListColumn("account", "Account", width=80),
    ListColumn("subaccount", "Subaccount", width=90),
    ListColumn("currency", "Currency", width=70),
    ListColumn("bank_account", "Bank account", width=200),
    ListColumn("active", "Active", Kind.CHECKBOX, width=70),
)


def list_query() -> RowSelect:
    return (
        select(
            CashAccount.id.label("id"),
            CashAccount.cash_account_id.label("cash_account_id"),
            CashAccount.description.label("description"),
            Branch.branch_id.label("branch"),
            GlAccount.account.label("account"),
            Subaccount.subaccount_id.label("subaccount"),
            Currency.currency_id.label("currency"),
            CashAccount.bank_account.label("bank_account"),
            CashAccount.active.label("active"),
        )
        .outerjoin(Branch, CashAccount.branch_id == Branch.id)
        .outerjoin(GlAccount, CashAccount.gl_account_id == GlAccount.id)
        .outerjoin(Subaccount, CashAccount.subaccount_id == Subaccount.id)
        .outerjoin(Currency, CashAccount.currency_id == Currency.id)
    )


SCREEN = Screen(
    id="CA202000",
    title="Cash accounts",
    model=CashAccount,
    help="The bank and cash accounts payments are deposited to, each with its GL account and "
    "currency.",
    top=CASH_ACCOUNT.pick(
        "cash_account_id",
        "description",
        "branch",
        "account",
        "subaccount",
        "currency",
        "bank_account",
        "active",
    ),
    list_columns=LIST_COLUMNS,
    list_query=list_query,
    definition=CASH_ACCOUNT,
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(
        store, parent, SCREEN, code_key="cash_account_id", service_class=CashAccountService
    )
