"""What lookups select from: one declaration per kind of reference record, so a lookup offers
the same records on every screen and an import resolves a code the same way."""

from __future__ import annotations

from app.ledger.customers import selectable_customer
from app.ledger.lookups import LookupSource
from app.models import (
    PREFERENCES_ID,
    Attribute,
    Branch,
    Carrier,
    CashAccount,
    CidConfiguration,
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
    VatCategory,
    VatZone,
    Warehouse,
)
from app.models.reference.system import ReasonCodeUsage

CUSTOMER_CLASSES = LookupSource(CustomerClass, "class_id", "description", title="customer classes")
CUSTOMERS = LookupSource(
    Customer, "customer_no", "selection_name", title="customers", where=selectable_customer
)
COUNTIES = LookupSource(County, "county_id", "name", title="counties")
RESTRICTION_GROUPS = LookupSource(
    RestrictionGroup,
    "group_id",
    "description",
    title="restriction groups",
    where=lambda: RestrictionGroup.active.is_(True),
)
SALESPERSONS = LookupSource(
    Salesperson,
    "salesperson_id",
    "name",
    title="salespersons",
    where=lambda: Salesperson.active.is_(True),
)
LANGUAGES = LookupSource(
    Language, "locale_id", "description", title="languages", where=lambda: Language.active.is_(True)
)
RATE_TYPES = LookupSource(RateType, "rate_type_id", "description", title="currency rate types")
PRICE_CLASSES = LookupSource(PriceClass, "price_class_id", "description", title="price classes")
CARRIERS = LookupSource(
    Carrier, "carrier_id", "description", title="carriers", where=lambda: Carrier.active.is_(True)
)
SHIPPING_TERMS = LookupSource(
    ShippingTerms, "shipping_terms_id", "description", title="shipping terms"
)
SHIPPING_ZONES = LookupSource(
    ShippingZone, "shipping_zone_id", "description", title="shipping zones"
)
FOB_POINTS = LookupSource(FobPoint, "fob_point_id", "description", title="FOB points")
WAREHOUSES = LookupSource(
    Warehouse,
    "warehouse_id",
    "description",
    title="warehouses",
    where=lambda: Warehouse.active.is_(True),
)
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
EMAIL_ACCOUNTS = LookupSource(
    EmailAccount, "email_account_id", "description", title="system email accounts"
)
REPORTS = LookupSource(Report, "report_id", "name", title="customer ledger reports")
NOTIFICATION_TEMPLATES = LookupSource(
    NotificationTemplate, "template_id", "description", title="notification templates"
)
EMPLOYEES = LookupSource(
    Employee, "employee_id", "name", title="employees", where=lambda: Employee.active.is_(True)
)
COUNTRIES = LookupSource(Country, "country_id", "name", title="countries")
CURRENCIES = LookupSource(
    Currency,
    "currency_id",
    "description",
    title="currencies",
    where=lambda: Currency.active.is_(True),
)
GL_ACCOUNTS = LookupSource(
    GlAccount,
    "account",
    "description",
    title="GL accounts",
    where=lambda: GlAccount.active.is_(True),
)
SUBACCOUNTS = LookupSource(
    Subaccount,
    "subaccount_id",
    "description",
    title="subaccounts",
    where=lambda: Subaccount.active.is_(True),
)
CASH_ACCOUNTS = LookupSource(
    CashAccount,
    "cash_account_id",
    "description",
    title="cash accounts",
    where=lambda: CashAccount.active.is_(True),
)
VAT_CATEGORIES = LookupSource(
    VatCategory,
    "vat_category_id",
    "description",
    title="VAT categories",
    where=lambda: VatCategory.active.is_(True),
)
VAT_ZONES = LookupSource(VatZone, "vat_zone_id", "description", title="VAT zones")
BRANCHES = LookupSource(
    Branch, "branch_id", "name", title="branches", where=lambda: Branch.active.is_(True)
)
OVERDUE_CHARGES = LookupSource(
    OverdueCharge, "overdue_charge_id", "description", title="overdue charges"
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
NON_STOCK_ITEMS = LookupSource(
    NonStockItem,
    "item_id",
    "description",
    title="non-stock items",
    where=lambda: NonStockItem.active.is_(True),
)
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
