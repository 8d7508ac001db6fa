"""Option lists shared by customer classes, customers and locations (spelled as the seeds)."""

from __future__ import annotations

from app.models.base import OptionEnum


class ExportType(OptionEnum):
    DOMESTIC = "Domestic"
    DOMESTIC_EXEMPT_VAT = "Domestic exempt VAT"
    EU = "EU"
    EXPORT = "Export"


class ShippingRule(OptionEnum):
    SHIP_ONLY_WHEN_COMPLETE = "Ship only when complete"
    BACK_ORDERS_ALLOWED = "Back orders allowed"
    CANCEL_REMAINDER = "Cancel remainder"


class CreditVerification(OptionEnum):
    DAYS_PAST_DUE = "Days past due"
    CREDIT_LIMIT = "Credit limit"
    LIMIT_AND_DAYS_PAST_DUE = "Limit and days past due"
    DISABLED = "Disabled"


class StatementType(OptionEnum):
    OPEN_ITEM = "Open item"
    BALANCE_BROUGHT_FORWARD = "Balance brought forward"


class MailingFormat(OptionEnum):
    HTML = "HTML"
    EXCEL = "Excel"
    PDF = "PDF"


class ContactType(OptionEnum):
    """Who receives a mailing (AR303000 Recipients: the seed's six). A class or the preferences
    offer only the first four (CLASS_CONTACT_TYPES): Contact and Document contact name a
    particular customer's contact, or the document's."""

    PRIMARY = "Primary"
    INVOICING = "Invoicing"
    SHIPPING = "Shipping"
    EMPLOYEE = "Employee"
    CONTACT = "Contact"
    DOCUMENT_CONTACT = "Document contact"


# The contact types AR201000 and AR101000 offer (their seeds list these four).
CLASS_CONTACT_TYPES = (
    ContactType.PRIMARY,
    ContactType.INVOICING,
    ContactType.SHIPPING,
    ContactType.EMPLOYEE,
)


class AutoLoadDocuments(OptionEnum):
    USE_CASH_MANAGEMENT_SETTINGS = "Use Cash management settings"
    FIRST_EXACT_THEN_ALL = "First exact doc. amount, then all documents"
    DOCUMENT_WITH_EXACT_AMOUNT = "Document with exact amount"
    DISABLED = "Disabled"


class ModeOfTransportation(OptionEnum):
    """Intrastat codes as the seed lists them (it has no 6)."""

    UNKNOWN = "0 - Unknown"
    SEA = "1 - Transport by sea"
    RAIL = "2 - Transport by rail"
    ROAD = "3 - Transport by road"
    AIR = "4 - Transport by aeroplane"
    POST = "5 - Consignments by post"
    FIXED_INSTALLATIONS = "7 - Fixed transport installations"
    INLAND_WATERWAY = "8 - Transport by inland waterway"
