"""Reason codes (CS211000): why a balance or credit is written off, or stock moves, arranged
from the reason code's definition (app/ledger/definitions/system.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ledger.definitions.system import REASON_CODE
from app.models import ReasonCode
from app.models.database import Store
from app.models.reference.system import ReasonCodeUsage
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Kind, ListColumn, Screen
from app.windows.screens.configuration.reference_screen import list_query_of, reference_screen

LIST_COLUMNS = (
    ListColumn("reason_code_id", "Reason code ID", width=140),
    ListColumn("description", "Description", width=260),
    ListColumn("usage", "Usage", Kind.OPTION, ReasonCodeUsage, width=130),
)

SCREEN = Screen(
    id="CS211000",
    title="Reason codes",
    model=ReasonCode,
    help="The reasons given for write-offs and other adjustments.",
    top=REASON_CODE.pick("reason_code_id", "description", "usage"),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(ReasonCode, LIST_COLUMNS),
    definition=REASON_CODE,
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(store, parent, SCREEN, code_key="reason_code_id")
