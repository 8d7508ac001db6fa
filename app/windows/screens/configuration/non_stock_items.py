"""Non-stock items (IN202000): items charged without stock, such as the dunning fee, arranged
from the item's definition (app/ledger/definitions/system.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ledger.definitions.system import NON_STOCK_ITEM
from app.models import NonStockItem
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Kind, ListColumn, Screen
from app.windows.screens.configuration.reference_screen import list_query_of, reference_screen

LIST_COLUMNS = (
    ListColumn("item_id", "Item ID", width=160),
    ListColumn("description", "Description", width=280),
    ListColumn("active", "Active", Kind.CHECKBOX, width=70),
)

SCREEN = Screen(
    id="IN202000",
    title="Non-stock items",
    model=NonStockItem,
    help="Items charged to customers without stock, such as the dunning fee.",
    top=NON_STOCK_ITEM.pick("item_id", "description", "active"),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(NonStockItem, LIST_COLUMNS),
    definition=NON_STOCK_ITEM,
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(store, parent, SCREEN, code_key="item_id")
