"""Payment methods (CA204000): how customers pay, and the details they give for it."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ledger.payment_methods import DETAILS, PaymentMethodService
from app.ledger.sources import CASH_ACCOUNTS
from app.models import PaymentMethod
from app.models.database import Store
from app.models.reference.payments import MeansOfPayment
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Field, Grid, Kind, ListColumn, Screen, Section, Tab
from app.windows.screens.configuration.reference_screen import list_query_of, reference_screen

LIST_COLUMNS = (
    ListColumn("payment_method_id", "Payment method ID", width=130),
    ListColumn("description", "Description", width=240),
    ListColumn("means_of_payment", "Means of payment", Kind.OPTION, MeansOfPayment, width=130),
    ListColumn("use_in_customer_ledger", "Use in customer ledger", Kind.CHECKBOX, width=90),
    ListColumn("active", "Active", Kind.CHECKBOX, width=70),
)

SCREEN = Screen(
    id="CA204000",
    title="Payment methods",
    model=PaymentMethod,
    help="The ways customers pay, with the details a customer gives for each.",
    top=(
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
    ),
    tabs=(
        Tab(
            "General settings",
            sections=(
                Section(
                    "Payment method settings",
                    (
                        Field(
                            "means_of_payment",
                            "Means of payment",
                            Kind.OPTION,
                            options=MeansOfPayment,
                            required=True,
                            help="How the money moves: bank transfer, direct debit, card or "
                            "cash/cheque.",
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
                ),
            ),
            grids=(
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
        ),
    ),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(PaymentMethod, LIST_COLUMNS),
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(
        store,
        parent,
        SCREEN,
        code_key="payment_method_id",
        noun="payment method",
        service_class=PaymentMethodService,
    )
