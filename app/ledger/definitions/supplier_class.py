"""The supplier class record (AP201000): the currency and payment settings and the accounts a
new supplier takes, one class marked the default (the supplier side of the customer classes'
default class, set up at first run)."""

from __future__ import annotations

from app.ledger.fields import Definition, Field, Kind
from app.ledger.lookups import LookupSource
from app.ledger.sources import (
    CASH_ACCOUNTS,
    CURRENCIES,
    GL_ACCOUNTS,
    PAYMENT_TERMS,
    RATE_TYPES,
    SUBACCOUNTS,
    SUPPLIER_PAYMENT_METHODS,
)
from app.models import SupplierClass


def _lookup(key: str, label: str, source: LookupSource, help_text: str) -> Field:
    return Field(key, label, Kind.LOOKUP, attr=f"{key}_id", lookup=source, help=help_text)


SUPPLIER_CLASS = Definition(
    "supplier class",
    SupplierClass,
    (
        Field(
            "class_id",
            "Class ID",
            Kind.TEXT,
            required=True,
            help="The unique ID of the supplier class.",
        ),
        Field("description", "Description", Kind.TEXT, help="What the class is for."),
        Field(
            "is_default",
            "Default class",
            Kind.CHECKBOX,
            help="The class a new supplier (or a customer extended to a supplier) starts in. "
            "One class is the default: marking this one clears the mark of the other.",
        ),
        _lookup("currency", "Currency ID", CURRENCIES, "The currency the supplier invoices in."),
        _lookup(
            "currency_rate_type",
            "Currency rate type",
            RATE_TYPES,
            "The rate type its documents are converted at.",
        ),
        _lookup("terms", "Terms", PAYMENT_TERMS, "The payment terms of its invoices."),
        _lookup(
            "payment_method",
            "Payment method",
            SUPPLIER_PAYMENT_METHODS,
            "How the suppliers of the class are paid.",
        ),
        _lookup("cash_account", "Cash account", CASH_ACCOUNTS, "The account they are paid from."),
        _lookup(
            "supplier_ledger_account",
            "Supplier ledger account",
            GL_ACCOUNTS,
            "The accounts payable account of the suppliers of the class.",
        ),
        _lookup(
            "supplier_ledger_sub",
            "Supplier ledger sub.",
            SUBACCOUNTS,
            "The subaccount of the supplier ledger account.",
        ),
        _lookup(
            "expense_account",
            "Expense account",
            GL_ACCOUNTS,
            "The account their invoices' purchases are expensed to by default.",
        ),
        _lookup(
            "expense_sub", "Expense sub.", SUBACCOUNTS, "The subaccount of the expense account."
        ),
    ),
)
