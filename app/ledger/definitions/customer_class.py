"""The customer class (AR201000): what each of its fields means — the defaults a new customer of
the class takes — its grids: attributes, mailings and the recipients of each mailing, and its
on-change rules.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.ledger import autoinvoice
from app.ledger.class_mailings import MAILING_ID, RECIPIENTS
from app.ledger.credit_verification import (
    AMOUNT_OVER_LIMIT,
    CREDIT_DAYS_PAST_DUE,
    CREDIT_LIMIT,
    CREDIT_VERIFICATION,
)
from app.ledger.customer_classes import (
    ATTRIBUTE_ID,
    ATTRIBUTES,
    MAILINGS,
    CustomerClassService,
)
from app.ledger.definitions.parts import MAILING_COLUMNS
from app.ledger.definitions.settings import (
    AUTOINVOICE_ROUTE,
    INVOICES_TWICE,
    PRINT_AND_EMAIL_SETTINGS,
)
from app.ledger.fields import Definition, Field, Grid, Kind, OnChange, Values, snake
from app.ledger.lookups import LookupSource
from app.ledger.recipients import CONTACT_ID, CONTACT_TYPE, contact_id_cleared, takes_contact_id
from app.ledger.sources import (
    ATTRIBUTE_LIST,
    CARRIERS,
    COUNTRIES,
    CURRENCIES,
    EMPLOYEES,
    GL_ACCOUNTS,
    LANGUAGES,
    OVERDUE_CHARGES,
    PAYMENT_METHODS,
    PAYMENT_TERMS,
    PRICE_CLASSES,
    RATE_TYPES,
    RESTRICTION_GROUPS,
    SALESPERSONS,
    SHIPPING_TERMS,
    STATEMENT_CYCLES,
    SUBACCOUNTS,
    VAT_ZONES,
)
from app.models import CustomerClass
from app.models.options import (
    CLASS_CONTACT_TYPES,
    ContactType,
    ExportType,
    MailingFormat,
    ShippingRule,
)
from app.models.reference.system import ControlType


def _lookup(key: str, label: str, source: LookupSource, attr: str = "") -> Field:
    """A lookup field storing the referenced record's id in ``attr`` (``key`` + ``_id``)."""
    return Field(key, label, Kind.LOOKUP, attr=attr or f"{key}_id", lookup=source)


def _check(key: str, label: str, attr: str = "", **kwargs: Any) -> Field:
    return Field(key, label, Kind.CHECKBOX, attr=attr, **kwargs)


def _write_offs_enabled(values: Values) -> bool:
    return bool(values.get("enable_write_offs"))


# The account/subaccount pairs of the General ledger accounts tab, in the seed's order.
GL_ACCOUNT_FIELDS = (
    ("Customer ledger account", GL_ACCOUNTS),
    ("Customer ledger sub.", SUBACCOUNTS),
    ("Cash discount account", GL_ACCOUNTS),
    ("Cash discount sub.", SUBACCOUNTS),
    ("Sales account", GL_ACCOUNTS),
    ("Sales - non-taxable account", GL_ACCOUNTS),
    ("Sales - EU account", GL_ACCOUNTS),
    ("Sales - export account", GL_ACCOUNTS),
    ("Sales sub.", SUBACCOUNTS),
    ("Discount account", GL_ACCOUNTS),
    ("Discount sub.", SUBACCOUNTS),
    ("Prepayment account", GL_ACCOUNTS),
    ("Prepayment sub.", SUBACCOUNTS),
    ("Freight account", GL_ACCOUNTS),
    ("Freight sub.", SUBACCOUNTS),
    ("Unrealised gain account", GL_ACCOUNTS),
    ("Unrealised gain sub.", SUBACCOUNTS),
    ("Unrealised loss account", GL_ACCOUNTS),
    ("Unrealised loss sub.", SUBACCOUNTS),
)


def _gl_field(label: str, source: LookupSource) -> Field:
    return _lookup(snake(label), label, source)


FIELDS: tuple[Field, ...] = (
    Field("class_id", "Class ID", Kind.TEXT, required=True),
    Field("description", "Description", Kind.TEXT, required=True),
    # -- Default general settings
    _lookup("country", "Country", COUNTRIES),
    Field("vat_zone_id", "VAT zone ID", Kind.LOOKUP, lookup=VAT_ZONES),
    _check("require_vat_zone", "Require VAT zone"),
    _check("default_location_id_from_branch", "Default location ID from branch"),
    _lookup("default_restriction_group", "Default restriction group", RESTRICTION_GROUPS),
    Field("salesperson_id", "Salesperson ID", Kind.LOOKUP, lookup=SALESPERSONS),
    Field("export_type", "Export type", Kind.OPTION, options=ExportType, required=True),
    _lookup("document_language", "Document language", LANGUAGES),
    Field("currency_id", "Currency ID", Kind.LOOKUP, lookup=CURRENCIES),
    _check("enable_currency_override", "Enable currency override"),
    _lookup("currency_rate_type", "Currency rate type", RATE_TYPES),
    _check("enable_rate_override", "Enable rate override"),
    Field(
        "group_document_discount_limit_percent",
        "Group/document discount limit (%)",
        Kind.PERCENT,
        attr="group_document_discount_limit",
        # A share of the document's total: no more than all of it.
        minimum=0,
        maximum=100,
    ),
    Field("price_class_id", "Price class ID", Kind.LOOKUP, lookup=PRICE_CLASSES),
    # -- Default delivery settings
    _lookup("ship_via", "Ship via", CARRIERS),
    _lookup("shipping_terms", "Shipping terms", SHIPPING_TERMS),
    Field("shipping_rule", "Shipping rule", Kind.OPTION, options=ShippingRule, required=True),
    _check("warning_when_missing_vat_registration_id", "Warning when missing VAT registration ID"),
    _check("warning_when_missing_corporate_id", "Warning when missing corporate ID"),
    # -- Default credit verification settings
    CREDIT_VERIFICATION,
    CREDIT_LIMIT,
    AMOUNT_OVER_LIMIT,
    CREDIT_DAYS_PAST_DUE,
    # -- Default financial and payment settings
    _lookup("terms", "Terms", PAYMENT_TERMS),
    Field("statement_cycle_id", "Statement cycle ID", Kind.LOOKUP, lookup=STATEMENT_CYCLES),
    _lookup("payment_method", "Payment method", PAYMENT_METHODS),
    _check("apply_payments_automatically", "Apply payments automatically"),
    _check("apply_overdue_charges", "Apply overdue charges"),
    Field("overdue_charge_id", "Overdue charge ID", Kind.LOOKUP, lookup=OVERDUE_CHARGES),
    _check("enable_write_offs", "Enable write-offs"),
    Field(
        "write_off_limit",
        "Write-off limit",
        Kind.MONEY,
        minimum=0,
        enabled_when=_write_offs_enabled,
    ),
    _check("exclude_debt_collection", "Exclude debt collection"),
    # -- Default customer properties
    _check("webhook_notification", "Webhook notification"),
    # -- Default print and email settings
    *PRINT_AND_EMAIL_SETTINGS,
    # -- Send AutoInvoice Route
    *AUTOINVOICE_ROUTE,
    # -- General ledger accounts
    *(_gl_field(label, source) for label, source in GL_ACCOUNT_FIELDS),
)

# -- grid rows' on-change rules: what choosing a row's key brings into the row ---------------


def _attribute_chosen(row: Values, service: CustomerClassService) -> Mapping[str, Any] | None:
    """The chosen attribute's description and control type (read-only), and its Internal."""
    return service.row_defaults(ATTRIBUTES, row)


def _mailing_chosen(row: Values, service: CustomerClassService) -> Mapping[str, Any] | None:
    """The chosen mailing's settings from the preferences, and its recipients when the row has
    none yet."""
    return service.row_defaults(MAILINGS, row)


def _contact_type_changed(row: Values, _service: object) -> Mapping[str, Any] | None:
    return contact_id_cleared(row)


GRIDS = (
    Grid(
        "Attributes",
        ATTRIBUTES,
        (
            Field(ATTRIBUTE_ID, "Attribute ID", Kind.LOOKUP, required=True, lookup=ATTRIBUTE_LIST),
            Field("description", "Description", Kind.TEXT, read_only=True),
            Field("sort_order", "Sort order", Kind.NUMBER),
            Field("required", "Required", Kind.CHECKBOX),
            Field("internal", "Internal", Kind.CHECKBOX),
            Field("control_type", "Control type", Kind.OPTION, options=ControlType, read_only=True),
            Field("default_value", "Default value", Kind.TEXT),
        ),
        order_by="sort_order",
        help="The attributes customers of the class carry; attributes are defined in Attributes "
        "(CS205000).",
        on_change=(OnChange(ATTRIBUTE_ID, (), _attribute_chosen),),
    ),
    Grid(
        "Mailings",
        MAILINGS,
        MAILING_COLUMNS,
        help="The mailings customers of the class get by default, chosen from the mailings of "
        "Customer ledger preferences (AR101000).",
        on_change=(OnChange(MAILING_ID, (RECIPIENTS,), _mailing_chosen),),
    ),
    Grid(
        "Recipients",
        RECIPIENTS,
        (
            Field(
                CONTACT_TYPE,
                "Contact type",
                Kind.OPTION,
                options=ContactType,
                offered=CLASS_CONTACT_TYPES,
                required=True,
            ),
            Field(
                "contact_id",
                "Contact ID",
                Kind.LOOKUP,
                attr="employee_id",
                lookup=EMPLOYEES,
                enabled_when=takes_contact_id,
            ),
            Field("format", "Format", Kind.OPTION, options=MailingFormat, required=True),
            Field("active", "Active", Kind.CHECKBOX),
            Field("bcc", "Bcc", Kind.CHECKBOX),
        ),
        master=MAILINGS,
        from_master=("format",),
        help="The default recipients of the mailing selected in the Mailings table.",
        # A contact ID only for the Employee contact type.
        on_change=(OnChange(CONTACT_TYPE, (CONTACT_ID,), _contact_type_changed),),
    ),
)

# -- on-change rules: what changing a field fills in, with the values each rule reads ----------


def _autoinvoice_cleared(values: Values, _service: object) -> dict[str, bool]:
    return autoinvoice.cleared(values)


ON_CHANGE: tuple[OnChange, ...] = (
    # AutoInvoice boxes that may no longer be selected are cleared, as on the customer.
    *(
        OnChange(key, autoinvoice.DEPENDED_ON + autoinvoice.DEPENDENT, _autoinvoice_cleared)
        for key in autoinvoice.DEPENDED_ON
    ),
)

CUSTOMER_CLASS = Definition(
    "customer class", CustomerClass, FIELDS, GRIDS, ON_CHANGE, (INVOICES_TWICE,)
)
