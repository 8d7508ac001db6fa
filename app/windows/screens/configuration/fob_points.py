"""FOB points (CS208500): where the title to goods passes to the customer, arranged from the
FOB point's definition (app/ledger/definitions/sales.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ledger.definitions.sales import FOB_POINT
from app.models import FobPoint
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import ListColumn, Screen
from app.windows.screens.configuration.reference_screen import list_query_of, reference_screen

LIST_COLUMNS = (
    ListColumn("fob_point_id", "FOB point ID", width=120),
    ListColumn("description", "Description", width=280),
)

SCREEN = Screen(
    id="CS208500",
    title="FOB points",
    model=FobPoint,
    help="The points at which the title to shipped goods passes to the customer.",
    top=FOB_POINT.pick("fob_point_id", "description"),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(FobPoint, LIST_COLUMNS),
    definition=FOB_POINT,
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(store, parent, SCREEN, code_key="fob_point_id")
