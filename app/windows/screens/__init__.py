"""The screen registry: what the navigation lists and the go-to box finds.

Screens are imported only when first opened, so start-up stays fast.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from app.models.database import Store


@dataclass(frozen=True)
class ScreenInfo:
    id: str
    title: str
    group: str
    module: str  # module under app.windows.screens defining ``create_screen(store, parent)``

    def factory(self) -> Callable[[Store, QWidget | None], QWidget]:
        module = importlib.import_module(f"app.windows.screens.{self.module}")
        factory: Callable[[Store, QWidget | None], QWidget] = module.create_screen
        return factory

    def matches(self, text: str) -> bool:
        wanted = text.strip().casefold()
        return bool(wanted) and wanted in (self.id.casefold(), self.title.casefold())


CUSTOMER_LEDGER = "Customer ledger"
SUPPLIER_LEDGER = "Supplier ledger"
PREFERENCES = "Preferences"
CONFIGURATION = "Configuration"


def _configuration(screen_id: str, title: str, module: str) -> ScreenInfo:
    return ScreenInfo(screen_id, title, CONFIGURATION, f"configuration.{module}")


SCREENS: tuple[ScreenInfo, ...] = (
    ScreenInfo("AR303000", "Customers", CUSTOMER_LEDGER, "customers"),
    ScreenInfo("CR303010", "Customer locations", CUSTOMER_LEDGER, "customer_locations"),
    ScreenInfo("AR303010", "Customer payment methods", CUSTOMER_LEDGER, "customer_payment_methods"),
    ScreenInfo("CR302000", "Contacts", CUSTOMER_LEDGER, "contacts"),
    ScreenInfo("AR301000", "Customer documents", CUSTOMER_LEDGER, "customer_documents"),
    ScreenInfo("AR402000", "Customer details", CUSTOMER_LEDGER, "customer_details"),
    ScreenInfo("AR201000", "Customer classes", PREFERENCES, "customer_classes"),
    ScreenInfo("AR101000", "Customer ledger preferences", PREFERENCES, "preferences"),
    # The supplier side of business accounts (Extend to supplier, issue 15).
    ScreenInfo("AP303000", "Suppliers", SUPPLIER_LEDGER, "suppliers"),
    # Everything the ledger's lookups select from. IDs are the product family's where the
    # seeds name them (CS20400S, CS206500, AR202800, CA204000, GL202500, CS201010, CS205000,
    # AR205000, AR208000, CM202000) and follow its numbering otherwise.
    _configuration("CS20400S", "Countries/counties/postcodes", "countries"),
    _configuration("CM202000", "Currencies", "currencies"),
    _configuration("CM201000", "Currency rate types", "rate_types"),
    _configuration("CM301000", "Currency rates", "currency_rates"),
    _configuration("SM200550", "Languages/locales", "languages"),
    _configuration("CS102000", "Branches", "branches"),
    _configuration("TX206000", "VAT zones", "vat_zones"),
    _configuration("TX205500", "VAT categories", "vat_categories"),
    _configuration("GL202500", "Chart of accounts", "gl_accounts"),
    _configuration("GL203000", "Subaccounts", "subaccounts"),
    _configuration("CS202000", "Segmented keys", "segmented_keys"),
    _configuration("CA202000", "Cash accounts", "cash_accounts"),
    _configuration("CS206500", "Payment terms", "payment_terms"),
    _configuration("AR202800", "Statement cycles", "statement_cycles"),
    _configuration("AR204500", "Overdue charges", "overdue_charges"),
    _configuration("CA204000", "Payment methods", "payment_methods"),
    _configuration("AR205000", "Salespersons", "salespersons"),
    _configuration("AR208000", "Customer price classes", "price_classes"),
    _configuration("CS207500", "Carriers", "carriers"),
    _configuration("CS208000", "Shipping terms", "shipping_terms"),
    _configuration("CS207000", "Shipping zones", "shipping_zones"),
    _configuration("CS208500", "FOB points", "fob_points"),
    _configuration("IN204000", "Warehouses", "warehouses"),
    _configuration("IN202000", "Non-stock items", "non_stock_items"),
    _configuration("CS211000", "Reason codes", "reason_codes"),
    _configuration("CS201010", "Number series", "number_series"),
    _configuration("CS205000", "Attributes", "attributes"),
    _configuration("SM204002", "System email accounts", "email_accounts"),
    _configuration("SM206000", "Customer ledger reports", "reports"),
    _configuration("SM204003", "Notification templates", "notification_templates"),
    _configuration("CS209000", "Report texts", "report_texts"),
    _configuration("SM201030", "Restriction groups", "restriction_groups"),
    _configuration("EP203000", "Employees", "employees"),
    _configuration("AP201000", "Supplier classes", "supplier_classes"),
)


def find_screen(text: str, screens: tuple[ScreenInfo, ...] = SCREENS) -> ScreenInfo | None:
    """The screen a go-to entry names: its ID or title, case-insensitive, else a unique prefix."""
    for info in screens:
        if info.matches(text):
            return info
    wanted = text.strip().casefold()
    if not wanted:
        return None
    candidates = [
        info
        for info in screens
        if info.id.casefold().startswith(wanted) or info.title.casefold().startswith(wanted)
    ]
    return candidates[0] if len(candidates) == 1 else None
