"""The store: every mapped class, imported here so the metadata is complete."""

from app.models.address import Address, Contact
from app.models.base import Base
from app.models.cid import CidConfiguration, CidElement
from app.models.customer import (
    Customer,
    CustomerPaymentMethod,
    CustomerPaymentMethodDetail,
    CustomerStatus,
)
from app.models.customer_class import ClassAttribute, ClassMailing, ClassRecipient, CustomerClass
from app.models.document import ArDocument, DocumentStatus, DocumentType
from app.models.location import MAIN_LOCATION_ID, Location
from app.models.preferences import (
    PREFERENCES_ID,
    DefaultRecipient,
    DefaultSource,
    DunningLevel,
    Preferences,
)
from app.models.reference.accounting import AccountType, Branch, CashAccount, GlAccount, Subaccount
from app.models.reference.credit import OverdueCharge, PaymentTerms, StatementCycle
from app.models.reference.currency import Currency, RateType
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

__all__ = [
    "MAIN_LOCATION_ID",
    "PREFERENCES_ID",
    "AccountType",
    "Address",
    "ArDocument",
    "Attribute",
    "AttributeValue",
    "Base",
    "Branch",
    "Carrier",
    "CashAccount",
    "CidConfiguration",
    "CidElement",
    "ClassAttribute",
    "ClassMailing",
    "ClassRecipient",
    "Contact",
    "Country",
    "County",
    "Currency",
    "Customer",
    "CustomerClass",
    "CustomerPaymentMethod",
    "CustomerPaymentMethodDetail",
    "CustomerStatus",
    "DefaultRecipient",
    "DefaultSource",
    "DocumentStatus",
    "DocumentType",
    "DunningLevel",
    "EmailAccount",
    "Employee",
    "FobPoint",
    "GlAccount",
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
    "ShippingTerms",
    "ShippingZone",
    "StatementCycle",
    "Subaccount",
    "VatCategory",
    "VatZone",
    "Warehouse",
]
