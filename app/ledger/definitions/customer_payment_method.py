"""The customer payment method record (AR303010): what each of its fields means.

The seed names the window's elements only through AR303000: the Payment methods tab's columns
(Is default, Payment method, Description, Cash account, Active, Override) and the Invoicing
settings' Default payment method section (Account used for payment, the Payment method details
with Description and Value), and the procedure "Add a payment method and a bank account to a
customer" (Payment method, Cash account, Value).
"""

from __future__ import annotations

from app.ledger.customer_payment_methods import (
    CASH_ACCOUNT,
    CUSTOMER,
    DETAIL_ID,
    DETAILS,
    DETAILS_LABEL,
    IS_DEFAULT,
    PAYMENT_METHOD,
    CustomerPaymentMethodService,
)
from app.ledger.fields import Definition, Field, Grid, Kind, OnChange, Values
from app.ledger.sources import CASH_ACCOUNTS, CUSTOMERS, PAYMENT_METHODS
from app.models import CustomerPaymentMethod

FIELDS: tuple[Field, ...] = (
    Field(
        CUSTOMER,
        "Customer",
        Kind.LOOKUP,
        attr="customer_id",
        lookup=CUSTOMERS,
        required=True,
        help="The customer who pays by this method.",
    ),
    Field(
        PAYMENT_METHOD,
        "Payment method",
        Kind.LOOKUP,
        attr="payment_method_id",
        lookup=PAYMENT_METHODS,
        required=True,
        help="The payment method ID.",
    ),
    Field(
        "description",
        "Description",
        Kind.TEXT,
        help="The identifier or description of the customer's payment method.",
    ),
    Field(
        CASH_ACCOUNT,
        "Cash account",
        Kind.LOOKUP,
        attr="cash_account_id",
        lookup=CASH_ACCOUNTS,
        help="The cash account associated with the payment method.",
    ),
    Field(
        "account_used_for_payment",
        "Account used for payment",
        Kind.TEXT,
        help="The type of the account used for payments, such as Domestic payment.",
    ),
    Field(
        "active",
        "Active",
        Kind.CHECKBOX,
        help="The payment method is used in the system.",
    ),
    Field(
        IS_DEFAULT,
        "Is default",
        Kind.CHECKBOX,
        help="The payment method is the default one for the customer (exactly one is); shown "
        "in Invoicing settings › Default payment method on the Customers (AR303000) window.",
    ),
    Field(
        "override",
        "Override",
        Kind.CHECKBOX,
        read_only=True,
        help="The payment method is specific to the customer (made in this window).",
    ),
)

GRIDS = (
    Grid(
        DETAILS_LABEL,
        DETAILS,
        (
            Field("description", "Description", Kind.TEXT, read_only=True),
            Field("value", "Value", Kind.TEXT),
        ),
        carried=(DETAIL_ID,),
        fixed_rows=True,
        help="The details of the payment method the customer gives, such as the bank account "
        "to refund to.",
    ),
)


def _method_changed(values: Values, service: CustomerPaymentMethodService) -> dict[str, object]:
    """A method fills its cash account and the details it asks for."""
    return service.method_changed(values.get(PAYMENT_METHOD), values.get(DETAILS) or [])


ON_CHANGE = (OnChange(PAYMENT_METHOD, (DETAILS,), _method_changed),)

CUSTOMER_PAYMENT_METHOD = Definition(
    "customer payment method", CustomerPaymentMethod, FIELDS, GRIDS, ON_CHANGE
)
