"""Customer payment methods (AR303010), arranged from the customer payment method's definition
(app/ledger/definitions/customer_payment_method.py), with the handlers only this screen needs.

Opened from AR303000: Add payment method starts a new method of the customer (the default when
it is its first); a row of the Payment methods tab opens that method. Choosing the payment
method fills in its cash account and the details it asks for (Value: the bank account …).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from app.ledger.customer_payment_methods import (
    CUSTOMER,
    DETAILS,
    CustomerPaymentMethodService,
)
from app.ledger.definitions.customer_payment_method import CUSTOMER_PAYMENT_METHOD
from app.models import CashAccount, Customer, CustomerPaymentMethod, PaymentMethod
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.set_as_default import set_as_default
from app.windows.framework.spec import Action, Kind, ListColumn, RowSelect, Screen, Section, Tab
from app.windows.navigation import Target

SCREEN_ID = "AR303010"
pick = CUSTOMER_PAYMENT_METHOD.pick


def list_query() -> RowSelect:
    return (
        select(
            CustomerPaymentMethod.id.label("id"),
            Customer.customer_no.label("customer"),
            Customer.name.label("customer_name"),
            PaymentMethod.payment_method_id.label("payment_method"),
            CustomerPaymentMethod.description.label("description"),
            CashAccount.cash_account_id.label("cash_account"),
            CustomerPaymentMethod.active.label("active"),
            CustomerPaymentMethod.is_default.label("is_default"),
        )
        .join(Customer, CustomerPaymentMethod.customer_id == Customer.id)
        .outerjoin(PaymentMethod, CustomerPaymentMethod.payment_method_id == PaymentMethod.id)
        .outerjoin(CashAccount, CustomerPaymentMethod.cash_account_id == CashAccount.id)
    )


SCREEN = Screen(
    id=SCREEN_ID,
    title="Customer payment methods",
    model=CustomerPaymentMethod,
    top=pick(CUSTOMER, "payment_method", "description", "active", "is_default", "override"),
    tabs=(
        Tab(
            "Payment method",
            sections=(Section("Payment method", pick("cash_account", "account_used_for_payment")),),
            grids=(CUSTOMER_PAYMENT_METHOD.grid(DETAILS),),
        ),
    ),
    actions=(
        Action(
            "Set as default",
            set_as_default("payment method"),
            toolbar=True,
            help="Makes this payment method the customer's default one (only one is).",
        ),
    ),
    list_columns=(
        ListColumn("customer", "Customer", width=110),
        ListColumn("customer_name", "Customer name", width=220),
        ListColumn("payment_method", "Payment method", width=110),
        ListColumn("description", "Description", width=200),
        ListColumn("cash_account", "Cash account", width=110),
        ListColumn("active", "Active", Kind.CHECKBOX, width=70),
        ListColumn("is_default", "Is default", Kind.CHECKBOX, width=80),
    ),
    list_query=list_query,
    definition=CUSTOMER_PAYMENT_METHOD,
)


class CustomerPaymentMethodScreen(RecordScreen):
    """AR303010: a new method opened for a customer starts with that customer's defaults."""

    service: CustomerPaymentMethodService

    def show_target(self, target: Target) -> None:
        """Opened from AR303000: a method, or (Add payment method) a new one of the customer."""
        customer = target.values.get(CUSTOMER)
        if target.record_id is not None or not isinstance(customer, int):
            super().show_target(target)
            return
        if not self.confirm_close():
            return
        self._start_new(customer)

    def add_new(self) -> None:
        """A new method of the customer shown."""
        customer = self.record.value(CUSTOMER)
        if not self.confirm_close():
            return
        self.new_record()
        if isinstance(customer, int):
            self._start_new(customer)
        self._focus_first()

    def _start_new(self, customer: Any) -> None:
        values = self.service.new_method_values(customer)
        self.descriptions.load(self._referenced(values))
        self.record.load(values, None, None)
        self._after_load()
        self.pages.setCurrentIndex(0)
        self._focus_first()


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return CustomerPaymentMethodScreen(store, SCREEN, CustomerPaymentMethodService(store), parent)
