"""Segmented keys (CS202000): the SUBACCOUNT key's segments, arranged from the key's definition
(app/ledger/definitions/accounting.py); its rules are app/ledger/segmented_keys.py."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from app.ledger.definitions.accounting import SEGMENTED_KEY
from app.ledger.segmented_keys import SEGMENTS, SegmentedKeyService
from app.models import SegmentedKey
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import ListColumn, RowSelect, Screen, Tab
from app.windows.screens.configuration.reference_screen import reference_screen

LIST_COLUMNS = (
    ListColumn("segmented_key_id", "Segmented key ID", width=130),
    ListColumn("description", "Description", width=260),
)


def list_query() -> RowSelect:
    # The column shows the Segmented key ID field, so it has that field's key (its search cell
    # is search_segmented_key_id).
    return select(
        SegmentedKey.id.label("id"),
        SegmentedKey.key_id.label("segmented_key_id"),
        SegmentedKey.description.label("description"),
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
    list_query=list_query,
    definition=SEGMENTED_KEY,
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(
        store, parent, SCREEN, code_key="segmented_key_id", service_class=SegmentedKeyService
    )
