"""Segmented keys (CS202000): the SUBACCOUNT key's segments, arranged from the key's definition
(app/ledger/definitions/accounting.py); its rules are app/ledger/segmented_keys.py."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ledger.definitions.accounting import SEGMENTED_KEY
from app.ledger.segmented_keys import SEGMENTS, SegmentedKeyService
from app.models import SegmentedKey
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import ListColumn, Screen, Tab
from app.windows.screens.configuration.reference_screen import list_query_of, reference_screen

LIST_COLUMNS = (
    ListColumn("key_id", "Segmented key ID", width=130),
    ListColumn("description", "Description", width=260),
)

SCREEN = Screen(
    id="CS202000",
    title="Segmented keys",
    model=SegmentedKey,
    help="The segments subaccount IDs are made of (the SUBACCOUNT key): one source letter per "
    "segment in Combine sales sub. from (AR101000).",
    top=SEGMENTED_KEY.pick("segmented_key_id", "description"),
    tabs=(
        Tab(
            "Segments",
            grids=(SEGMENTED_KEY.grid(SEGMENTS),),
            help="The segments from left to right, with the length of their values.",
        ),
    ),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(SegmentedKey, LIST_COLUMNS),
    definition=SEGMENTED_KEY,
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(
        store, parent, SCREEN, code_key="segmented_key_id", service_class=SegmentedKeyService
    )
