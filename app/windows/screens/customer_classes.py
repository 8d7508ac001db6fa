"""Customer classes (AR201000)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from app.ledger.customer_classes import CustomerClassService
from app.models import CustomerClass
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen, screen_rules
from app.windows.framework.spec import Field, Kind, ListColumn, RowSelect, Screen

SCREEN_ID = "AR201000"


def list_query() -> RowSelect:
    return select(
        CustomerClass.id.label("id"),
        CustomerClass.class_id.label("class_id"),
        CustomerClass.description.label("description"),
    )


SCREEN = Screen(
    id=SCREEN_ID,
    title="Customer classes",
    model=CustomerClass,
    top=(
        Field("class_id", "Class ID", Kind.TEXT, required=True),
        Field("description", "Description", Kind.TEXT, required=True),
    ),
    list_columns=(
        ListColumn("class_id", "Class ID", width=110),
        ListColumn("description", "Description", width=320),
    ),
    list_query=list_query,
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return RecordScreen(store, SCREEN, CustomerClassService(store, screen_rules(SCREEN)), parent)
