"""Attributes (CS205000): extra properties customer classes give their customers, arranged from
the attribute's definition (app/ledger/definitions/system.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ledger.attributes import VALUES, AttributeService
from app.ledger.definitions.system import ATTRIBUTE
from app.models import Attribute
from app.models.database import Store
from app.models.reference.system import ControlType
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Kind, ListColumn, Screen, Tab
from app.windows.screens.configuration.reference_screen import list_query_of, reference_screen

LIST_COLUMNS = (
    ListColumn("attribute_id", "Attribute ID", width=110),
    ListColumn("description", "Description", width=240),
    ListColumn("control_type", "Control type", Kind.OPTION, ControlType, width=140),
    ListColumn("entry_mask", "Entry mask", width=120),
    ListColumn("internal", "Internal", Kind.CHECKBOX, width=80),
)

SCREEN = Screen(
    id="CS205000",
    title="Attributes",
    model=Attribute,
    help="Extra properties of customers, answered as text, a date, a check box or by picking "
    "from the attribute's values.",
    top=ATTRIBUTE.pick("attribute_id", "description", "control_type", "entry_mask", "internal"),
    tabs=(Tab("Values", grids=(ATTRIBUTE.grid(VALUES),)),),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(Attribute, LIST_COLUMNS),
    definition=ATTRIBUTE,
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(
        store, parent, SCREEN, code_key="attribute_id", service_class=AttributeService
    )
