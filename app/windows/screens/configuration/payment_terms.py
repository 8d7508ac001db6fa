"""Payment terms (CS206500): due dates and cash discounts of documents."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.models import PaymentTerms
from app.models.database import Store
from app.models.reference.credit import DueDateType
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Field, Kind, ListColumn, Screen, Section, Tab
from app.windows.screens.configuration.reference_screen import list_query_of, reference_screen

LIST_COLUMNS = (
    ListColumn("terms_id", "Terms ID", width=100),
    ListColumn("description", "Description", width=240),
    ListColumn("due_days", "Due days", Kind.NUMBER, width=80),
    ListColumn("cash_discount_percent", "Cash discount (%)", Kind.PERCENT, width=110),
)

SCREEN = Screen(
    id="CS206500",
    title="Payment terms",
    model=PaymentTerms,
    top=(
        Field("terms_id", "Terms ID", Kind.TEXT, required=True, help="The unique ID of the terms."),
        Field("description", "Description", Kind.TEXT, required=True),
    ),
    tabs=(
        Tab(
            "General settings",
            sections=(
                Section(
                    "Due date settings",
                    (
                        Field(
                            "due_date_type",
                            "Due date type",
                            Kind.OPTION,
                            options=DueDateType,
                            required=True,
                        ),
                        Field(
                            "due_days",
                            "Due days",
                            Kind.NUMBER,
                            help="Days from the document date to the due date.",
                        ),
                    ),
                ),
                Section(
                    "Cash discount settings",
                    (
                        Field(
                            "discount_days",
                            "Discount days",
                            Kind.NUMBER,
                            help="Days from the document date within which the discount applies.",
                        ),
                        Field(
                            "cash_discount_percent",
                            "Cash discount (%)",
                            Kind.PERCENT,
                            help="The discount for paying within the discount days.",
                        ),
                    ),
                    column=1,
                ),
            ),
        ),
    ),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(PaymentTerms, LIST_COLUMNS),
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(store, parent, SCREEN, code_key="terms_id", noun="payment terms")
