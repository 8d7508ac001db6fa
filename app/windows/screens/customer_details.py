"""Customer details (AR402000): a customer's documents with their balances, read-only; opened
from AR303000's Inquiries menu on the customer shown. Typing another customer number shows that
customer. A document row opens that document on Customer documents (AR301000) — a double-click,
Enter, or View document above the grid — as in Visma Net.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ledger.definitions.customer_details import (
    CUSTOMER_DETAILS,
    DOCUMENTS,
    CustomerDetailsService,
)
from app.models import Customer
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Action, Opens, Screen, Tab

SCREEN_ID = "AR402000"
DOCUMENTS_SCREEN = "AR301000"
pick = CUSTOMER_DETAILS.pick

# The Documents rows are AR301000's records (added there, not from here).
OPENS_DOCUMENTS = Opens(DOCUMENTS, DOCUMENTS_SCREEN, "document")

VIEW_DOCUMENT = Action(
    "View document",
    OPENS_DOCUMENTS.view,
    enabled_when=lambda values: bool(values.get(DOCUMENTS)),
    help="Opens the document selected in the list on Customer documents (AR301000); so does "
    "a double-click or Enter on its row.",
)

SCREEN = Screen(
    id=SCREEN_ID,
    title="Customer details",
    model=Customer,
    inquiry=True,
    top=pick(
        "customer_no",
        "customer_name",
        "balance",
        "prepayment_balance",
        "unreleased_balance",
        "first_due_date",
    ),
    tabs=(
        Tab(
            "Documents",
            grids=(CUSTOMER_DETAILS.grid(DOCUMENTS),),
            buttons=(VIEW_DOCUMENT,),
            opens=OPENS_DOCUMENTS,
        ),
    ),
    definition=CUSTOMER_DETAILS,
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return RecordScreen(store, SCREEN, CustomerDetailsService(store), parent)
