"""Payment terms (CS206500): due dates and cash discounts of documents."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ledger.payment_terms import PaymentTermsService
from app.models import PaymentTerms
from app.models.database import Store
from app.models.reference.credit import DueDateType
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Field, Kind, ListColumn, Screen, Section, Tab
from app.windows.screens.configuration.reference_screen import list_query_of, reference_screen

LIST_COLUMNS = (
    ListColumn("terms_id", "Terms ID", width=100),
    ListColumn("description", "Description", width=240),
    ListColumn("due_date_type", "Due date type", Kind.OPTION, DueDateType, width=150),
    ListColumn("due_days", "Due days", Kind.NUMBER, width=80),
    ListColumn("discount_days", "Discount days", Kind.NUMBER, width=90),
    ListColumn("cash_discount_percent", "Cash discount (%)", Kind.PERCENT, width=110),
)

SCREEN = Screen(
    id="CS206500",
    title="Payment terms",
    model=PaymentTerms,
    help="The terms a document is paid on: when it is due and the discount for paying early.",
    top=(
        Field("terms_id", "Terms ID", Kind.TEXT, required=True, help="The unique ID of the terms."),
        Field(
            "description",
            "Description",
            Kind.TEXT,
            required=True,
            help="The name of the terms, shown where they are selected.",
        ),
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
                            help="How the due date is found: a number of days after the "
                            "document date, the end of the month, or a day of the next month.",
                        ),
                        Field(
                            "due_days",
                            "Due days",
                            Kind.NUMBER,
                            help="Days from the document date to the due date (0 or more).",
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
                            help="Days from the document date within which the discount "
                            "applies (0 or more, not more than the due days).",
                        ),
                        Field(
                            "cash_discount_percent",
                            "Cash discount (%)",
                            Kind.PERCENT,
                            help="The discount for paying within the discount days (0–100 %).",
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
    return reference_screen(
        store,
        parent,
        SCREEN,
        code_key="terms_id",
        noun="payment terms",
        service_class=PaymentTermsService,
    )
