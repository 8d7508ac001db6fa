"""Lookups into reference data that several screens select from (customer classes, customers,
locations): one declaration each, so a lookup offers the same records everywhere."""

from __future__ import annotations

from app.ledger.customers import selectable_customer
from app.ledger.lookups import LookupSource
from app.models import (
    Carrier,
    County,
    Customer,
    CustomerClass,
    EmailAccount,
    Employee,
    FobPoint,
    Language,
    NotificationTemplate,
    PaymentMethod,
    PaymentTerms,
    PriceClass,
    RateType,
    Report,
    RestrictionGroup,
    Salesperson,
    ShippingTerms,
    ShippingZone,
    StatementCycle,
    Warehouse,
)

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
