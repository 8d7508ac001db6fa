"""Customer details (AR402000): a customer's documents with their balances, read-only; opened
from AR303000's Inquiries menu on the customer shown. Typing another customer number shows that
customer. Double-clicking a document is not wired yet: open it on Customer documents (AR301000).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ledger.definitions.customer_details import CUSTOMER_DETAILS, CustomerDetailsService
from app.models import Customer
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Screen, Tab

SCREEN_ID = "AR402000"
pick = CUSTOMER_DETAILS.pick

SCREEN = Screen(
    id=SCREEN_ID,
    title="Customer details",
    model=Customer,
    top=pick(
        "customer_no",
        "customer_name",
        "balance",
        "prepayment_balance",
        "unreleased_balance",
        "first_due_date",
    ),
    tabs=(Tab("Documents", grids=(CUSTOMER_DETAILS.grid("documents"),)),),
    definition=CUSTOMER_DETAILS,
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return RecordScreen(store, SCREEN, CustomerDetailsService(store), parent)
