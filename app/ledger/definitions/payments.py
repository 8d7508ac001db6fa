"""Payment methods (CA204000): how customers pay, and the details they give for each method."""

from __future__ import annotations

from app.ledger.fields import Definition, Field, Grid, Kind
from app.ledger.payment_methods import DETAILS
from app.ledger.sources import CASH_ACCOUNTS
from app.models import PaymentMethod
from app.models.reference.payments import MeansOfPayment

PAYMENT_METHOD = Definition(
    "payment method",
    PaymentMethod,
    (
        Field(
            "payment_method_id",
            "Payment method ID",
            Kind.TEXT,
            required=True,
            help="The unique ID of the payment method.",
        ),
        Field(
            "description",
            "Description",
            Kind.TEXT,
            required=True,
            help="The name of the payment method, shown where it is selected.",
        ),
        Field(
            "active",
            "Active",
            Kind.CHECKBOX,
            help="Active methods can be selected for customers and documents.",
        ),
        Field(
            "means_of_payment",
            "Means of payment",
            Kind.OPTION,
            options=MeansOfPayment,
            required=True,
            help="How the money moves: bank transfer, direct debit, card or cash/cheque.",
        ),
        Field(
            "use_in_customer_ledger",
            "Use in customer ledger",
            Kind.CHECKBOX,
            help="The method can be used for customer payments.",
        ),
        Field(
            "cash_account",
            "Cash account",
            Kind.LOOKUP,
            attr="cash_account_id",
            lookup=CASH_ACCOUNTS,
            help="The cash account payments by this method are deposited to.",
        ),
    ),
    (
        Grid(
            "Payment method details",
            DETAILS,
            (
                Field(
                    "detail_id",
                    "ID",
                    Kind.TEXT,
                    required=True,
                    help="The ID of the detail, once per payment method (e.g. IBAN).",
                ),
                Field(
                    "description",
                    "Description",
                    Kind.TEXT,
                    required=True,
                    help="The name of the detail a customer fills in.",
                ),
                Field(
                    "required",
                    "Required",
                    Kind.CHECKBOX,
                    help="A customer using the method must give this detail.",
                ),
                Field(
                    "sort_order",
                    "Sort order",
                    Kind.NUMBER,
                    help="The order the details are shown in; new details come last.",
                ),
            ),
            order_by="sort_order",
            help="The details a customer gives for this payment method.",
        ),
    ),
)
