"""The supplier record (AP303000): what each of its fields means, and its on-change rules.

The number, name, main address and main contact are the business account's: for a supplier
that is also a customer they are the customer's (app/ledger/business_accounts.py), and the
address and contact sections have the same keys as the customer's main ones, so one set of
checks serves both screens.
"""

from __future__ import annotations

from typing import Any

from app.ledger.accounting import iban_problem
from app.ledger.contacts import CONTACTS
from app.ledger.customer_attributes import ATTRIBUTE_ID, ATTRIBUTES
from app.ledger.definitions.parts import ATTRIBUTE_COLUMNS, CONTACT_COLUMNS, section_fields
from app.ledger.fields import Definition, Field, Grid, Kind, OnChange, Values
from app.ledger.lookups import LookupSource
from app.ledger.payment_methods import bic_problem
from app.ledger.same_as_main import ADDRESS_PARTS, CONTACT_PARTS
from app.ledger.sources import (
    CASH_ACCOUNTS,
    CURRENCIES,
    GL_ACCOUNTS,
    LANGUAGES,
    PAYMENT_TERMS,
    RATE_TYPES,
    SUBACCOUNTS,
    SUPPLIER_CLASSES,
    SUPPLIER_PAYMENT_METHODS,
    VAT_ZONES,
)
from app.models import BusinessAccountType, Customer, Supplier, SupplierStatus

SUPPLIER_CLASS = "supplier_class"
ACCOUNT_TYPE = "account_type"


def _lookup(key: str, label: str, source: LookupSource, *, required: bool = False) -> Field:
    return Field(key, label, Kind.LOOKUP, attr=f"{key}_id", lookup=source, required=required)


def _bic_problem(value: Any) -> str | None:
    return bic_problem(str(value))


# The main address and contact: the keys of the customer's main sections (the same rows).
MAIN_ADDRESS_FIELDS = section_fields("main_address", "main_address", ADDRESS_PARTS, None)
MAIN_CONTACT_FIELDS = section_fields("main_contact", "main_contact", CONTACT_PARTS, None)
MAIN_ADDRESS = tuple(spec.key for spec in MAIN_ADDRESS_FIELDS)
MAIN_CONTACT = tuple(spec.key for spec in MAIN_CONTACT_FIELDS)

FIELDS: tuple[Field, ...] = (
    # Not required: left empty, saving takes the next number of the account numbers (the
    # CUSTOMER series, which numbers customers and suppliers alike).
    Field(
        "supplier_no",
        "Supplier no.",
        Kind.TEXT,
        help="The number of the supplier account: one space of numbers with the customers. A "
        "customer extended to a supplier keeps its customer number.",
    ),
    Field(
        "supplier_name",
        "Supplier name",
        Kind.TEXT,
        attr="name",
        required=True,
        help="The business's name; the same on the customer account of the business.",
    ),
    Field("status", "Status", Kind.OPTION, options=SupplierStatus, required=True),
    Field(
        ACCOUNT_TYPE,
        "Account type",
        Kind.OPTION,
        options=BusinessAccountType,
        read_only=True,
        help="Supplier, or Customer and supplier when the business is a customer too.",
    ),
    *MAIN_ADDRESS_FIELDS,
    *MAIN_CONTACT_FIELDS,
    Field(
        SUPPLIER_CLASS,
        "Supplier class",
        Kind.LOOKUP,
        attr="supplier_class_id",
        lookup=SUPPLIER_CLASSES,
        required=True,
        help="The class whose currency and payment settings and accounts the supplier takes.",
    ),
    Field("terms", "Terms", Kind.LOOKUP, attr="terms_id", lookup=PAYMENT_TERMS),
    Field("currency_id", "Currency ID", Kind.LOOKUP, lookup=CURRENCIES),
    Field(
        "currency_rate_type",
        "Currency rate type",
        Kind.LOOKUP,
        attr="currency_rate_type_id",
        lookup=RATE_TYPES,
    ),
    Field(
        "vat_zone",
        "VAT zone",
        Kind.LOOKUP,
        attr="vat_zone_id",
        lookup=VAT_ZONES,
        help="A customer extended to a supplier starts with its default location's VAT zone.",
    ),
    Field(
        "document_language",
        "Document language",
        Kind.LOOKUP,
        attr="document_language_id",
        lookup=LANGUAGES,
    ),
    _lookup("payment_method", "Payment method", SUPPLIER_PAYMENT_METHODS),
    _lookup("cash_account", "Cash account", CASH_ACCOUNTS),
    Field(
        "iban",
        "IBAN",
        Kind.TEXT,
        validators=(iban_problem,),
        help="The supplier's bank account the payments go to, as an IBAN.",
    ),
    Field(
        "bic",
        "BIC",
        Kind.TEXT,
        validators=(_bic_problem,),
        help="The BIC (SWIFT code) of the supplier's bank.",
    ),
    _lookup("supplier_ledger_account", "Supplier ledger account", GL_ACCOUNTS),
    _lookup("supplier_ledger_sub", "Supplier ledger sub.", SUBACCOUNTS),
    _lookup("expense_account", "Expense account", GL_ACCOUNTS),
    _lookup("expense_sub", "Expense sub.", SUBACCOUNTS),
)


def _class_values(values: Values, service: Any) -> dict[str, Any] | None:
    """Choosing a class fills in its currency and payment settings and accounts."""
    filled: dict[str, Any] = service.class_values(values.get(SUPPLIER_CLASS))
    return filled or None


def _county_kept(values: Values, service: Any) -> dict[str, Any] | None:
    """A county of another country goes when the address's country changes."""
    county_id, country_id = values.get("main_address_county"), values.get("main_address_country")
    if isinstance(county_id, int) and not service.county_in_country(county_id, country_id):
        return {"main_address_county": None}
    return None


ON_CHANGE: tuple[OnChange, ...] = (
    OnChange(SUPPLIER_CLASS, (), _class_values),
    OnChange("main_address_country", ("main_address_county",), _county_kept),
)

GRIDS: tuple[Grid, ...] = (
    # The business account's contact persons: a customer-and-supplier account's are its
    # customer's, the same rows on both screens (app/ledger/contacts.py); read by the service
    # (rows of the customer's ``contacts``, or the supplier's own).
    Grid("Contacts", CONTACTS, CONTACT_COLUMNS, order_by="name", view=True, owner=Customer),
    # Taken from the customer on Extend to supplier; edited here, its own from then on.
    Grid(
        "Attributes",
        ATTRIBUTES,
        ATTRIBUTE_COLUMNS,
        help="The attributes the supplier took from its customer account; a required one (its "
        "customer's class requires it) must have a value.",
        carried=(ATTRIBUTE_ID,),
        fixed_rows=True,
    ),
)

SUPPLIER = Definition("supplier", Supplier, FIELDS, GRIDS, on_change=ON_CHANGE)
