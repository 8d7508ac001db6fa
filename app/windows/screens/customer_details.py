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
from app.windows.framework.grid import GridEditor
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Action, Screen, Tab
from app.windows.navigation import Target

SCREEN_ID = "AR402000"
DOCUMENTS_SCREEN = "AR301000"
pick = CUSTOMER_DETAILS.pick


def view_document(screen: CustomerDetailsScreen) -> None:
    screen.view_document()


VIEW_DOCUMENT = Action(
    "View document",
    view_document,
    enabled_when=lambda values: bool(values.get(DOCUMENTS)),
    help="Opens the document selected in the list on Customer documents (AR301000); so does "
    "a double-click or Enter on its row.",
)

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
    tabs=(Tab("Documents", grids=(CUSTOMER_DETAILS.grid(DOCUMENTS),), buttons=(VIEW_DOCUMENT,)),),
    definition=CUSTOMER_DETAILS,
)


class CustomerDetailsScreen(RecordScreen):
    def wire(self) -> None:
        self.when_built(DOCUMENTS, self._wire_documents)

    def _wire_documents(self, editor: QWidget) -> None:
        assert isinstance(editor, GridEditor)
        editor.row_opened.connect(self._open_document_at)

    def _documents_grid(self) -> GridEditor:
        editor = self.editor(DOCUMENTS)
        assert isinstance(editor, GridEditor)
        return editor

    def _open_document_at(self, position: int) -> None:
        row = self._documents_grid().model.row(position)
        if row is not None:
            self.open_elsewhere(Target(DOCUMENTS_SCREEN, record_id=row["id"]))

    def view_document(self) -> None:
        """AR301000 on the document selected in the Documents grid."""
        row = self._documents_grid().current_row()
        if row is None:
            self.show_message("Select a document in the list first.", error=True)
            return
        self.open_elsewhere(Target(DOCUMENTS_SCREEN, record_id=row["id"]))


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return CustomerDetailsScreen(store, SCREEN, CustomerDetailsService(store), parent)
