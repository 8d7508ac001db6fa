"""What lookups select from: one declaration per kind of reference record, so a lookup offers
the same records on every screen and an import resolves a code the same way."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from app.ledger.customers import selectable_customer
from app.ledger.lookups import LookupSource
from app.models import (
    PREFERENCES_ID,
    Address,
    Attribute,
    Branch,
    Carrier,
    CashAccount,
    CidConfiguration,
    ContactPerson,
    Country,
    County,
    Currency,
    Customer,
    CustomerClass,
    DefaultSource,
    EmailAccount,
    Employee,
    FobPoint,
    GlAccount,
    Language,
    Location,
    NonStockItem,
    NotificationTemplate,
    NumberSeries,
    OverdueCharge,
    PaymentMethod,
    PaymentTerms,
    PriceClass,
    RateType,
    ReasonCode,
    Report,
    ReportText,
    RestrictionGroup,
    Salesperson,
    ShippingTerms,
    ShippingZone,
    StatementCycle,
    Subaccount,
    Supplier,
    SupplierClass,
    VatCategory,
    VatZone,
    Warehouse,
)
from app.models.reference.system import ReasonCodeUsage


def active_only(model: Any, code: str, description: str, title: str) -> LookupSource:
    """A lookup offering the model's active records only (inactive ones are not selected)."""
    return LookupSource(model, code, description, title=title, where=lambda: model.active.is_(True))


def _class_currency() -> Any:
    return (
        select(Currency.currency_id)
        .where(Currency.id == CustomerClass.currency_id)
        .scalar_subquery()
    )


def _customer_city() -> Any:
    return select(Address.city).where(Address.id == Customer.main_address_id).scalar_subquery()


CUSTOMER_CLASSES = LookupSource(
    CustomerClass,
    "class_id",
    "description",
    title="customer classes",
    identify_title="Currency",
    identify=_class_currency,
)
CUSTOMERS = LookupSource(
    Customer,
    "customer_no",
    "selection_name",
    title="customers",
    where=selectable_customer,
    identify_title="City",
    identify=_customer_city,
)
COUNTIES = LookupSource(County, "county_id", "name", title="counties")
RESTRICTION_GROUPS = active_only(RestrictionGroup, "group_id", "description", "restriction groups")
SALESPERSONS = active_only(Salesperson, "salesperson_id", "name", "salespersons")
# The locations of the customer a screen shows (the Salespersons tab's Location ID).
CUSTOMER_LOCATIONS = LookupSource(
    Location,
    "location_id",
    "location_name",
    title="locations of this customer",
    within=lambda customer_id: Location.customer_id == customer_id,
)
LANGUAGES = active_only(Language, "locale_id", "description", "languages")
RATE_TYPES = LookupSource(RateType, "rate_type_id", "description", title="currency rate types")
PRICE_CLASSES = LookupSource(PriceClass, "price_class_id", "description", title="price classes")
CARRIERS = active_only(Carrier, "carrier_id", "description", "carriers")
SHIPPING_TERMS = LookupSource(
    ShippingTerms, "shipping_terms_id", "description", title="shipping terms"
)
SHIPPING_ZONES = LookupSource(
    ShippingZone, "shipping_zone_id", "description", title="shipping zones"
)
FOB_POINTS = LookupSource(FobPoint, "fob_point_id", "description", title="FOB points")
WAREHOUSES = active_only(Warehouse, "warehouse_id", "description", "warehouses")
PAYMENT_TERMS = LookupSource(PaymentTerms, "terms_id", "description", title="payment terms")
STATEMENT_CYCLES = LookupSource(
    StatementCycle, "statement_cycle_id", "description", title="statement cycles"
)
PAYMENT_METHODS = LookupSource(
    PaymentMethod,
    "payment_method_id",
    "description",
    title="payment methods",
    where=lambda: PaymentMethod.active.is_(True) & PaymentMethod.use_in_customer_ledger.is_(True),
)
# A supplier is paid by any active method (not only those of the customer ledger).
SUPPLIER_PAYMENT_METHODS = active_only(
    PaymentMethod, "payment_method_id", "description", "payment methods"
)
SUPPLIER_CLASSES = LookupSource(SupplierClass, "class_id", "description", title="supplier classes")
SUPPLIERS = LookupSource(Supplier, "supplier_no", "name", title="suppliers")
EMAIL_ACCOUNTS = LookupSource(
    EmailAccount, "email_account_id", "description", title="system email accounts"
)
REPORTS = LookupSource(Report, "report_id", "name", title="customer ledger reports")
NOTIFICATION_TEMPLATES = LookupSource(
    NotificationTemplate, "template_id", "description", title="notification templates"
)
EMPLOYEES = active_only(Employee, "employee_id", "name", "employees")
COUNTRIES = LookupSource(Country, "country_id", "name", title="countries")
CURRENCIES = active_only(Currency, "currency_id", "description", "currencies")
GL_ACCOUNTS = active_only(GlAccount, "account", "description", "GL accounts")
SUBACCOUNTS = active_only(Subaccount, "subaccount_id", "description", "subaccounts")
CASH_ACCOUNTS = active_only(CashAccount, "cash_account_id", "description", "cash accounts")
VAT_CATEGORIES = active_only(VatCategory, "vat_category_id", "description", "VAT categories")
VAT_ZONES = LookupSource(VatZone, "vat_zone_id", "description", title="VAT zones")
BRANCHES = active_only(Branch, "branch_id", "name", "branches")
OVERDUE_CHARGES = LookupSource(
    OverdueCharge, "overdue_charge_id", "description", title="overdue charges"
)
# Every contact person, selected by its Contact ID (Contacts, CR302000: select an existing one).
CONTACT_PERSONS = LookupSource(
    ContactPerson, "code", "display_name", value="contact_id", title="contacts"
)
# The active contact persons of the customer a screen shows: the recipients a customer's mailing
# can name (Contacts, CR302000).
CUSTOMER_CONTACTS = LookupSource(
    ContactPerson,
    "code",
    "display_name",
    title="contacts of this customer",
    where=lambda: ContactPerson.active.is_(True),
    within=lambda customer_id: ContactPerson.customer_id == customer_id,
)
ATTRIBUTE_LIST = LookupSource(Attribute, "attribute_id", "description", title="attributes")
# A class's mailing is one of the mailings of the preferences (AR101000, Reporting settings).
PREFERENCES_MAILINGS = LookupSource(
    DefaultSource,
    "mailing_id",
    value="mailing_id",
    title="mailings of Customer ledger preferences (AR101000)",
    where=lambda: DefaultSource.preferences_id == PREFERENCES_ID,
)
NUMBER_SERIES = LookupSource(NumberSeries, "series_id", "description", title="number series")
NON_STOCK_ITEMS = active_only(NonStockItem, "item_id", "description", "non-stock items")
REPORT_TEXTS = LookupSource(ReportText, "report_text_id", "description", title="report texts")
CID_CONFIGURATIONS = LookupSource(
    CidConfiguration,
    "configuration_id",
    "description",
    title="CID configurations",
    # An ID not in the list names a new configuration, not a mistake.
    new_code="new configuration, saved with the preferences",
)


def reason_codes(usage: ReasonCodeUsage) -> LookupSource:
    """Reason codes of one usage: a balance write-off offers only balance write-off codes."""
    return LookupSource(
        ReasonCode,
        "reason_code_id",
        "description",
        title=f"{usage.label.lower()} reason codes",
        where=lambda: ReasonCode.usage == usage,
    )
