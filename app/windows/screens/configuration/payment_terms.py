"""Payment terms (CS206500): due dates and cash discounts of documents, arranged from the
terms' definition (app/ledger/definitions/credit.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ledger.definitions.credit import PAYMENT_TERMS
from app.ledger.payment_terms import PaymentTermsService
from app.models import PaymentTerms
from app.models.database import Store
from app.models.reference.credit import DueDateType
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Kind, ListColumn, Screen, Section, Tab
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
    top=PAYMENT_TERMS.pick("terms_id", "description"),
    tabs=(
        Tab(
            "General settings",
            sections=(
                Section("Due date settings", PAYMENT_TERMS.pick("due_date_type", "due_days")),
                Section(
                    "Cash discount settings",
                    PAYMENT_TERMS.pick("discount_days", "cash_discount_percent"),
                    column=1,
                ),
            ),
        ),
    ),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(PaymentTerms, LIST_COLUMNS),
    definition=PAYMENT_TERMS,
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(
        store, parent, SCREEN, code_key="terms_id", service_class=PaymentTermsService
    )
