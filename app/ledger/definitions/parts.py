"""Parts the customer and the location records both show, defined once: an address or contact
section (with Same as main where it shares the customer's main one) and the location settings
and shipping instructions (the customer's Delivery settings are its default location's); the
columns of the customer's and the supplier's Contacts and Attributes tabs; and those of the
mailings of the preferences, a class and a customer."""

from __future__ import annotations

from collections.abc import Callable

from app.ledger.class_mailings import MAILING_ID
from app.ledger.customer_salespersons import COMMISSION, SALESPERSON
from app.ledger.fields import Field, Kind, OnChange, Values
from app.ledger.lookups import LookupSource
from app.ledger.same_as_main import Share
from app.ledger.sources import (
    BRANCHES,
    CARRIERS,
    COUNTIES,
    COUNTRIES,
    EMAIL_ACCOUNTS,
    FOB_POINTS,
    NOTIFICATION_TEMPLATES,
    PREFERENCES_MAILINGS,
    PRICE_CLASSES,
    REPORTS,
    SHIPPING_TERMS,
    SHIPPING_ZONES,
    VAT_ZONES,
    WAREHOUSES,
)
from app.ledger.sources import (
    SALESPERSONS as SALESPERSONS_LIST,
)
from app.models.options import MailingFormat, ShippingRule

# The labels of an address's and a contact's elements, as the seeds name them.
LABELS = {
    "address_1": "Address 1",
    "address_2": "Address 2",
    "address_3": "Address 3",
    "postcode": "Postcode",
    "city": "City",
    "country": "Country",
    "county": "County",
    "company_name": "Company name",
    "attention": "Attention",
    "email": "Email",
    "web": "Web",
    "phone_1": "Phone 1",
    "phone_2": "Phone 2",
    "fax": "Fax",
}
LOOKUPS = {"country": COUNTRIES, "county": COUNTIES}


# The shipping instructions' keys in the seed's order: one section on AR303000 and CR303010.
SHIPPING_INSTRUCTIONS = (
    "warehouse",
    "ship_via",
    "shipping_terms",
    "shipping_zone_id",
    "fob_point",
    "residential_delivery",
    "saturday_delivery",
    "insurance",
    "shipping_rule",
    "order_priority",
    "lead_time_days",
)


def _not(key: str) -> Callable[[Values], bool]:
    return lambda values: not values.get(key)


def section_fields(
    section: str, path: str, parts: tuple[tuple[str, str], ...], share: Share | None
) -> tuple[Field, ...]:
    """An address or contact section's fields (``main_address_city`` …) reaching the record at
    ``path``; with ``share``, its Same as main first and the rest greyed out while shared."""
    enabled = _not(share.flag) if share else None
    flag = (
        (Field(share.flag, "Same as main", Kind.CHECKBOX, attr=share.flag_path()),) if share else ()
    )
    return flag + tuple(
        Field(
            f"{section}_{element}",
            LABELS[element],
            Kind.LOOKUP if element in LOOKUPS else Kind.TEXT,
            attr=f"{path}.{attr}",
            lookup=LOOKUPS.get(element),
            enabled_when=enabled,
        )
        for element, attr in parts
    )


def location_settings(owner: str = "") -> tuple[Field, ...]:
    """A location's settings and shipping instructions (not its export type, which only
    CR303010 shows), reached through ``owner`` (``default_location`` from the customer)."""

    def at(attr: str) -> str:
        return f"{owner}.{attr}" if owner else attr

    def lookup(key: str, label: str, source: LookupSource, attr: str) -> Field:
        return Field(key, label, Kind.LOOKUP, attr=at(attr), lookup=source)

    return (
        Field("location_name", "Location name", Kind.TEXT, attr=at("location_name")),
        lookup("vat_zone", "VAT zone", VAT_ZONES, "vat_zone_id"),
        Field("corporate_id", "Corporate ID", Kind.TEXT, attr=at("corporate_id")),
        Field(
            "vat_registration_id", "VAT registration ID", Kind.TEXT, attr=at("vat_registration_id")
        ),
        Field("gln", "GLN", Kind.TEXT, attr=at("gln")),
        Field("edi_code", "EDI code", Kind.TEXT, attr=at("edi_code")),
        Field(
            "invoice_to_default_location",
            "Invoice to default location",
            Kind.CHECKBOX,
            attr=at("invoice_to_default_location"),
        ),
        lookup("shipping_branch", "Shipping branch", BRANCHES, "shipping_branch_id"),
        lookup("price_class_id", "Price class ID", PRICE_CLASSES, "price_class_id"),
        lookup("warehouse", "Warehouse", WAREHOUSES, "warehouse_id"),
        lookup("ship_via", "Ship via", CARRIERS, "ship_via_id"),
        lookup("shipping_terms", "Shipping terms", SHIPPING_TERMS, "shipping_terms_id"),
        lookup("shipping_zone_id", "Shipping zone ID", SHIPPING_ZONES, "shipping_zone_id"),
        lookup("fob_point", "FOB point", FOB_POINTS, "fob_point_id"),
        Field(
            "residential_delivery",
            "Residential delivery",
            Kind.CHECKBOX,
            attr=at("residential_delivery"),
        ),
        Field(
            "saturday_delivery", "Saturday delivery", Kind.CHECKBOX, attr=at("saturday_delivery")
        ),
        Field("insurance", "Insurance", Kind.CHECKBOX, attr=at("insurance")),
        Field(
            "shipping_rule",
            "Shipping rule",
            Kind.OPTION,
            attr=at("shipping_rule"),
            options=ShippingRule,
            required=True,
        ),
        Field("order_priority", "Order priority", Kind.NUMBER, attr=at("order_priority")),
        Field(
            "lead_time_days",
            "Lead time (days)",
            Kind.NUMBER,
            attr=at("lead_time_days"),
            minimum=0,
        ),
    )


# -- the salesperson columns of AR303000's and CR303010's Salespersons tabs -------------------

SALESPERSON_ID = Field(
    SALESPERSON,
    "Salesperson ID",
    Kind.LOOKUP,
    attr="salesperson_id",
    lookup=SALESPERSONS_LIST,
    required=True,
)
SALESPERSON_NAME = Field("name", "Name", Kind.TEXT, read_only=True)
# Choosing a salesperson brings its name and commission (the row's service says how).
SALESPERSON_CHOSEN = OnChange(
    SALESPERSON, (), lambda row, service: service.salesperson_chosen(row.get(SALESPERSON))
)


def commission_column(used: str) -> Field:
    """Commission % of a salesperson row; ``used`` says where (", at this location")."""
    return Field(
        COMMISSION,
        "Commission %",
        Kind.PERCENT,
        minimum=0,
        maximum=100,  # a share of the sale: never more than all of it
        help=f"The commission percent used for the salesperson{used}; the salesperson's own "
        "commission unless typed (0–100).",
    )


# The columns of an Attributes tab (AR303000's, AP303000's): the attribute, whether a value is
# required, and the value (app/ledger/customer_attributes.py checks it).
ATTRIBUTE_COLUMNS: tuple[Field, ...] = (
    Field("attribute", "Attribute", Kind.TEXT, attr="description", read_only=True),
    Field("required", "Required", Kind.CHECKBOX, read_only=True),
    Field(
        "value",
        "Value",
        Kind.TEXT,
        help="The value of the attribute; a Combo attribute's is one of its values, a "
        "Multi select combo's several, separated by commas.",
    ),
)


# The columns of a Contacts tab (AR303000's, AP303000's), the seed's, in its order: a view of
# the business account's contact person records (CR302000 adds and edits them).
CONTACT_COLUMNS: tuple[Field, ...] = (
    Field("active", "Active", Kind.CHECKBOX, read_only=True),
    Field("is_default", "Is default", Kind.CHECKBOX, read_only=True),
    Field("position", "Position", Kind.TEXT, attr="job_title", read_only=True),
    Field("name", "Name", Kind.TEXT, attr="display_name", read_only=True),
    Field("city", "City", Kind.TEXT, read_only=True),
    Field("email", "Email", Kind.TEXT, read_only=True),
    Field("phone_1", "Phone 1", Kind.TEXT, read_only=True),
)


def mailing_settings(
    email_account: str = "email_account", label: str = "Email account"
) -> tuple[Field, ...]:
    """A mailing's settings after what names it: the same columns on Customer ledger
    preferences (AR101000, whose Default email account is ``default_email_account``), Customer
    classes (AR201000) and Customers (AR303000)."""
    return (
        Field(email_account, label, Kind.LOOKUP, attr="email_account_id", lookup=EMAIL_ACCOUNTS),
        Field("report", "Report", Kind.LOOKUP, attr="report_id", lookup=REPORTS),
        Field(
            "notification_template",
            "Notification template",
            Kind.LOOKUP,
            attr="notification_template_id",
            lookup=NOTIFICATION_TEMPLATES,
        ),
        Field("format", "Format", Kind.OPTION, options=MailingFormat, required=True),
        Field("active", "Active", Kind.CHECKBOX),
    )


# A class's and a customer's mailing (AR201000, AR303000): one of the preferences' mailings, for
# a branch (or all), and its settings.
MAILING_COLUMNS: tuple[Field, ...] = (
    Field(MAILING_ID, "Mailing ID", Kind.LOOKUP, required=True, lookup=PREFERENCES_MAILINGS),
    Field("branch", "Branch", Kind.LOOKUP, attr="branch_id", lookup=BRANCHES),
    *mailing_settings(),
)
