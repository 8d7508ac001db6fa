"""Customers (AR303000)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from app.ledger.customers import CustomerService
from app.ledger.lookups import LookupSource
from app.models import Customer, CustomerClass, CustomerStatus
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen, screen_rules
from app.windows.framework.spec import Field, Kind, ListColumn, RowSelect, Screen, Section, Tab

SCREEN_ID = "AR303000"

CUSTOMER_CLASSES = LookupSource(CustomerClass, "class_id", "description", title="customer classes")


def _existing(values: object) -> bool:
    return getattr(values, "get", lambda _key: None)("balance") is not None


def list_query() -> RowSelect:
    return select(
        Customer.id.label("id"),
        Customer.customer_no.label("customer_no"),
        Customer.name.label("name"),
        CustomerClass.class_id.label("customer_class"),
        Customer.status.label("status"),
    ).outerjoin(CustomerClass, Customer.customer_class_id == CustomerClass.id)


SCREEN = Screen(
    id=SCREEN_ID,
    title="Customers",
    model=Customer,
    top=(
        # Not required: left empty, saving takes the next number of the CUSTOMER series.
        Field("customer_no", "Customer no.", Kind.TEXT),
        Field("customer_name", "Customer name", Kind.TEXT, attr="name"),
        Field("status", "Status", Kind.OPTION, options=CustomerStatus, required=True),
        Field("balance", "Balance", Kind.MONEY, read_only=True, visible_when=_existing),
        Field(
            "prepayment_balance",
            "Prepayment balance",
            Kind.MONEY,
            read_only=True,
            visible_when=_existing,
        ),
    ),
    tabs=(
        Tab(
            "General information",
            sections=(
                Section(
                    "Financial settings",
                    (
                        Field(
                            "customer_class",
                            "Customer class",
                            Kind.LOOKUP,
                            attr="customer_class_id",
                            required=True,
                            lookup=CUSTOMER_CLASSES,
                        ),
                    ),
                ),
            ),
        ),
    ),
    list_columns=(
        ListColumn("customer_no", "Customer no.", width=110),
        ListColumn("name", "Customer name", width=260),
        ListColumn("customer_class", "Customer class", width=120),
        ListColumn("status", "Status", Kind.OPTION, options=CustomerStatus, width=110),
    ),
    list_query=list_query,
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return RecordScreen(store, SCREEN, CustomerService(store, screen_rules(SCREEN)), parent)
