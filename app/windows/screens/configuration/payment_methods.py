"""Payment methods (CA204000): how customers pay, and the details they give for it, arranged
from the payment method's definition (app/ledger/definitions/payments.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ledger.definitions.payments import PAYMENT_METHOD
from app.ledger.payment_methods import DETAILS, PaymentMethodService
from app.models import PaymentMethod
from app.models.database import Store
from app.models.reference.payments import MeansOfPayment
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Kind, ListColumn, Screen, Section, Tab
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
    top=PAYMENT_METHOD.pick("payment_method_id", "description", "active"),
    tabs=(
        Tab(
            "General settings",
            sections=(
                Section(
                    "Payment method settings",
                    PAYMENT_METHOD.pick(
                        "means_of_payment", "use_in_customer_ledger", "cash_account"
                    ),
                ),
            ),
            grids=(PAYMENT_METHOD.grid(DETAILS),),
        ),
    ),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(PaymentMethod, LIST_COLUMNS),
    definition=PAYMENT_METHOD,
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(
        store, parent, SCREEN, code_key="payment_method_id", service_class=PaymentMethodService
    )
