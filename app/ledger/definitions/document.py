"""The customer document record (the essentials of Sales invoices AR301000 and Customer
payments AR302000): what each field means and what changing the customer or the date fills in.

Invoices and notes have lines (description, account, VAT category, amount) whose sum is the
document's amount; payments have an amount of their own. The location shows the customer's
default location (preselected when the customer is chosen; another location of the same customer
may be chosen while the document is unreleased). Released documents are read-only
(app/ledger/documents/entry.py refuses a change).
"""

from __future__ import annotations

from app.ledger.documents.entry import (
    DocumentService,
    currency_changed,
    customer_changed,
    date_changed,
    is_payment,
    takes_lines,
)
from app.ledger.fields import Definition, Field, Grid, Kind, OnChange, Values
from app.ledger.lookups import LookupSource
from app.ledger.sources import (
    CURRENCIES,
    CUSTOMERS,
    GL_ACCOUNTS,
    PAYMENT_METHODS,
    RATE_TYPES,
    VAT_CATEGORIES,
)
from app.models import ArDocument, DocumentStatus, DocumentType, Location
from app.models.reference.currency import RATE_PLACES

# The locations of the document's customer (its Customer field's value), as the selector
# offers them and the service checks them.
LOCATIONS = LookupSource(
    Location,
    "location_id",
    "location_name",
    title="locations of the document's customer",
    within=lambda customer_id: Location.customer_id == customer_id,
    within_key="customer",
)


def _editable(values: Values) -> bool:
    return not values.get("released") and values.get("status") != DocumentStatus.VOIDED


def _payment(values: Values) -> bool:
    return is_payment(values.get("doc_type"))


def _lines(values: Values) -> bool:
    return takes_lines(values.get("doc_type"))


FIELDS: tuple[Field, ...] = (
    Field(
        "doc_type",
        "Type",
        Kind.OPTION,
        options=DocumentType,
        required=True,
        enabled_when=lambda values: not values.get("ref_nbr"),
    ),
    Field(
        "ref_nbr",
        "Reference no.",
        Kind.TEXT,
        read_only=True,
        help="Given from the AR101000 number series of the document's type when first saved.",
    ),
    Field("status", "Status", Kind.OPTION, options=DocumentStatus, read_only=True),
    Field("released", "Released", Kind.CHECKBOX, read_only=True),
    Field(
        "hold",
        "Hold",
        Kind.CHECKBOX,
        enabled_when=_editable,
        help="A document on hold cannot be released. New documents start on hold when "
        "AR101000 says Hold documents on entry.",
    ),
    Field(
        "customer",
        "Customer",
        Kind.LOOKUP,
        attr="customer_id",
        lookup=CUSTOMERS,
        required=True,
        enabled_when=_editable,
    ),
    Field(
        "location",
        "Location",
        Kind.LOOKUP,
        attr="location_id",
        lookup=LOCATIONS,
        enabled_when=_editable,
        help="One of the customer's locations; its default location is preselected when the "
        "customer is chosen. The location's export type suggests the lines' accounts.",
    ),
    Field("doc_date", "Date", Kind.DATE, required=True, enabled_when=_editable),
    Field(
        "due_date",
        "Due date",
        Kind.DATE,
        enabled_when=_editable,
        visible_when=lambda values: not _payment(values),
        help="From the customer's payment terms.",
    ),
    Field(
        "cash_discount_date",
        "Cash discount date",
        Kind.DATE,
        enabled_when=_editable,
        visible_when=lambda values: not _payment(values),
        help="From the customer's payment terms.",
    ),
    Field(
        "currency",
        "Currency",
        Kind.LOOKUP,
        attr="currency_id",
        lookup=CURRENCIES,
        enabled_when=_editable,
        help="The customer's currency; another only when the customer has Enable currency "
        "override.",
    ),
    Field(
        "rate_type",
        "Currency rate type",
        Kind.LOOKUP,
        attr="rate_type_id",
        lookup=RATE_TYPES,
        enabled_when=_editable,
        help="The kind of rate a document in another currency is converted by: the customer's "
        "Currency rate type; another only when the customer has Enable rate override.",
    ),
    Field(
        "currency_rate",
        "Currency rate",
        Kind.DECIMAL,
        places=RATE_PLACES,
        enabled_when=_editable,
        help="In another currency than the base one: what one unit of it is worth in the base "
        "currency — the latest rate of the customer's rate type effective on the document's "
        "date (Currency rates, CM301000); another only when the customer has Enable rate "
        "override.",
    ),
    Field("description", "Description", Kind.TEXT, enabled_when=_editable),
    Field(
        "payment_ref",
        "Payment ref.",
        Kind.TEXT,
        enabled_when=_editable,
        visible_when=_payment,
        help="Required before release when AR101000 says Require payment reference on entry.",
    ),
    Field(
        "payment_method",
        "Payment method",
        Kind.LOOKUP,
        attr="payment_method_id",
        lookup=PAYMENT_METHODS,
        enabled_when=_editable,
        visible_when=_payment,
    ),
    Field(
        "amount",
        "Amount",
        Kind.MONEY,
        minimum=0,
        currency="currency",
        enabled_when=lambda values: _editable(values) and not _lines(values),
        help="For invoices and notes the sum of the lines; for payments the amount paid.",
    ),
    Field(
        "control_total",
        "Control total",
        Kind.MONEY,
        currency="currency",
        enabled_when=_editable,
        help="With Validate document totals on entry (AR101000) the document is released only "
        "when its lines add up to this total.",
    ),
    Field("balance", "Balance", Kind.MONEY, read_only=True, currency="currency"),
)

LINES = Grid(
    "Lines",
    "lines",
    (
        Field("description", "Description", Kind.TEXT),
        Field("account", "Account", Kind.LOOKUP, attr="account_id", lookup=GL_ACCOUNTS),
        Field(
            "vat_category",
            "VAT category",
            Kind.LOOKUP,
            attr="vat_category_id",
            lookup=VAT_CATEGORIES,
        ),
        Field("amount", "Amount", Kind.MONEY, required=True),
    ),
    order_by="line_nbr",
    help="Left blank, a line's account and VAT category are the ones the location's export "
    "type suggests.",
)

ON_CHANGE: tuple[OnChange, ...] = (
    OnChange("customer", ("doc_date", "doc_type"), customer_changed),
    OnChange("doc_date", ("customer", "doc_type", "currency", "rate_type"), date_changed),
    OnChange("currency", ("customer", "doc_date", "rate_type"), currency_changed),
    OnChange("rate_type", ("customer", "doc_date", "currency"), currency_changed),
)

DOCUMENT = Definition("document", ArDocument, FIELDS, grids=(LINES,), on_change=ON_CHANGE)

__all__ = ["DOCUMENT", "DocumentService"]
