"""Supplier classes (AP201000): the currency and payment settings and accounts a new supplier
takes, arranged from the class's definition (app/ledger/definitions/supplier_class.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ledger.definitions.supplier_class import SUPPLIER_CLASS
from app.ledger.supplier_classes import SupplierClassService
from app.models import SupplierClass
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Kind, ListColumn, Screen, Section, Tab
from app.windows.screens.configuration.reference_screen import list_query_of, reference_screen

pick = SUPPLIER_CLASS.pick

LIST_COLUMNS = (
    ListColumn("class_id", "Class ID", width=100),
    ListColumn("description", "Description", width=240),
    ListColumn("is_default", "Default class", Kind.CHECKBOX, width=100),
)

SCREEN = Screen(
    id="AP201000",
    title="Supplier classes",
    model=SupplierClass,
    help="The defaults a new supplier takes: currency, payment settings and accounts.",
    top=pick("class_id", "description", "is_default"),
    tabs=(
        Tab(
            "General settings",
            sections=(
                Section(
                    "Default financial settings",
                    pick("currency", "currency_rate_type", "terms"),
                ),
                Section(
                    "Default payment settings",
                    pick("payment_method", "cash_account"),
                    column=1,
                ),
            ),
        ),
        Tab(
            "General ledger accounts",
            sections=(
                Section(
                    "",
                    pick(
                        "supplier_ledger_account",
                        "supplier_ledger_sub",
                        "expense_account",
                        "expense_sub",
                    ),
                ),
            ),
        ),
    ),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(SupplierClass, LIST_COLUMNS),
    definition=SUPPLIER_CLASS,
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(
        store, parent, SCREEN, code_key="class_id", service_class=SupplierClassService
    )
