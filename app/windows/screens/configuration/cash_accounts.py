"""Cash accounts (CA202000): the bank and cash accounts customers' payments are deposited to."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from app.ledger.accounting import CashAccountService
from app.ledger.sources import BRANCHES, CURRENCIES, GL_ACCOUNTS, SUBACCOUNTS
from app.models import Branch, CashAccount, Currency, GlAccount, Subaccount
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Field, Kind, ListColumn, RowSelect, Screen
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
    top=(
        Field(
            "cash_account_id",
            "Cash account ID",
            Kind.TEXT,
            required=True,
            help="The unique ID of the cash account.",
        ),
        Field(
            "description",
            "Description",
            Kind.TEXT,
            required=True,
            help="The name of the cash account, shown where it is selected.",
        ),
        Field(
            "branch",
            "Branch",
            Kind.LOOKUP,
            attr="branch_id",
            lookup=BRANCHES,
            help="The branch the cash account belongs to.",
        ),
        Field(
            "account",
            "Account",
            Kind.LOOKUP,
            attr="gl_account_id",
            lookup=GL_ACCOUNTS,
            required=True,
            help="The GL account the cash account's transactions are posted to.",
        ),
        Field(
            "subaccount",
            "Subaccount",
            Kind.LOOKUP,
            attr="subaccount_id",
            lookup=SUBACCOUNTS,
            help="The subaccount the cash account's transactions are posted to.",
        ),
        Field(
            "currency",
            "Currency",
            Kind.LOOKUP,
            attr="currency_id",
            lookup=CURRENCIES,
            required=True,
            help="The currency the account is kept in.",
        ),
        Field(
            "bank_account",
            "Bank account",
            Kind.TEXT,
            help="The account number printed on documents for payment; an IBAN (like NO93 8601 "
            "1117 947) is checked and stored in groups of four.",
        ),
        Field(
            "active",
            "Active",
            Kind.CHECKBOX,
            help="Active cash accounts can be selected for payment methods and payments.",
        ),
    ),
    list_columns=LIST_COLUMNS,
    list_query=list_query,
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(
        store,
        parent,
        SCREEN,
        code_key="cash_account_id",
        noun="cash account",
        service_class=CashAccountService,
    )
