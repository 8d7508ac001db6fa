"""The store: every mapped class, importable from here (``from app.models import Customer``).

The model modules are imported on first use of any of these names, not with the package: start-up
opens the database through ``app.models.startup`` and shows the window without paying for the
ORM's mapping of some fifty classes, which the first screen (or the idle-time warm-up) pays.
Any name asked for here imports them all, so the metadata is complete and every relationship
resolves; so does configuring the mappers (``app.models.base``), whoever imported what.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.models.activity import Activity, ActivityStatus, ActivityType
    from app.models.address import Address, Contact
    from app.models.base import Base
    from app.models.cid import CidConfiguration, CidElement
    from app.models.customer import (
        Customer,
        CustomerPaymentMethod,
        CustomerPaymentMethodDetail,
        CustomerStatus,
        DirectDebitMandate,
    )
    from app.models.customer_class import (
        ClassAttribute,
        ClassMailing,
        ClassRecipient,
        CustomerClass,
    )
    from app.models.document import (
        ArApplication,
        ArDocument,
        ArDocumentLine,
        CustomerBalance,
        DocumentStatus,
        DocumentType,
    )
    from app.models.location import MAIN_LOCATION_ID, Location
    from app.models.mailing import CustomerMailing, CustomerRecipient
    from app.models.people import ContactPerson, CustomerAttribute, CustomerSalesperson
    from app.models.preferences import (
        PREFERENCES_ID,
        DefaultRecipient,
        DefaultSource,
        DunningLevel,
        Preferences,
    )
    from app.models.reference.accounting import (
        AccountType,
        Branch,
        CashAccount,
        GlAccount,
        KeySegment,
        SegmentedKey,
        Subaccount,
    )
    from app.models.reference.credit import OverdueCharge, PaymentTerms, StatementCycle
    from app.models.reference.currency import Currency, CurrencyRate, RateType
    from app.models.reference.geography import Country, County, Language
    from app.models.reference.payments import PaymentMethod, PaymentMethodDetail
    from app.models.reference.sales import (
        Carrier,
        FobPoint,
        PriceClass,
        Salesperson,
        ShippingTerms,
        ShippingZone,
        Warehouse,
    )
    from app.models.reference.system import (
        Attribute,
        AttributeValue,
        EmailAccount,
        Employee,
        NonStockItem,
        NotificationTemplate,
        NumberSeries,
        ReasonCode,
        Report,
        ReportText,
        RestrictionGroup,
    )
    from app.models.reference.vat import VatCategory, VatZone
    from app.models.statement import Statement, StatementLine, StatementStamp
    from app.models.supplier import (
        BusinessAccountType,
        Supplier,
        SupplierAttribute,
        SupplierClass,
        SupplierStatus,
    )
    from app.models.webhook import CustomerEvent, EventSource, EventStatus, EventType

# Every module defining mapped classes.
MODEL_MODULES = (
    "activity",
    "address",
    "cid",
    "customer",
    "customer_class",
    "document",
    "location",
    "mailing",
    "people",
    "preferences",
    "reference.accounting",
    "reference.credit",
    "reference.currency",
    "reference.geography",
    "reference.payments",
    "reference.sales",
    "reference.system",
    "reference.vat",
    "supplier",
    "statement",
    "webhook",
)


def load_all() -> None:
    """Import every model module (once; later calls cost a dictionary look-up each)."""
    for name in MODEL_MODULES:
        importlib.import_module(f"{__name__}.{name}")


def __getattr__(name: str) -> object:
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    load_all()
    for module_name in MODEL_MODULES:
        module = importlib.import_module(f"{__name__}.{module_name}")
        if hasattr(module, name):
            found: object = getattr(module, name)
            globals()[name] = found  # asked once
            return found
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "MAIN_LOCATION_ID",
    "PREFERENCES_ID",
    "AccountType",
    "Activity",
    "ActivityStatus",
    "ActivityType",
    "Address",
    "ArApplication",
    "ArDocument",
    "ArDocumentLine",
    "Attribute",
    "AttributeValue",
    "Base",
    "Branch",
    "BusinessAccountType",
    "Carrier",
    "CashAccount",
    "CidConfiguration",
    "CidElement",
    "ClassAttribute",
    "ClassMailing",
    "ClassRecipient",
    "Contact",
    "ContactPerson",
    "Country",
    "County",
    "Currency",
    "CurrencyRate",
    "Customer",
    "CustomerAttribute",
    "CustomerBalance",
    "CustomerClass",
    "CustomerEvent",
    "CustomerMailing",
    "CustomerPaymentMethod",
    "CustomerPaymentMethodDetail",
    "CustomerRecipient",
    "CustomerSalesperson",
    "CustomerStatus",
    "DefaultRecipient",
    "DefaultSource",
    "DirectDebitMandate",
    "DocumentStatus",
    "DocumentType",
    "DunningLevel",
    "EmailAccount",
    "Employee",
    "EventSource",
    "EventStatus",
    "EventType",
    "FobPoint",
    "GlAccount",
    "KeySegment",
    "Language",
    "Location",
    "NonStockItem",
    "NotificationTemplate",
    "NumberSeries",
    "OverdueCharge",
    "PaymentMethod",
    "PaymentMethodDetail",
    "PaymentTerms",
    "Preferences",
    "PriceClass",
    "RateType",
    "ReasonCode",
    "Report",
    "ReportText",
    "RestrictionGroup",
    "Salesperson",
    "SegmentedKey",
    "ShippingTerms",
    "ShippingZone",
    "Statement",
    "StatementCycle",
    "StatementLine",
    "StatementStamp",
    "Subaccount",
    "Supplier",
    "SupplierAttribute",
    "SupplierClass",
    "SupplierStatus",
    "VatCategory",
    "VatZone",
    "Warehouse",
]
