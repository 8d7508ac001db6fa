"""One reference screen from a declaration: what every configuration screen module calls."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from app.ledger.reference import ID_CODE, CodeRule, ReferenceService
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import ListColumn, RowSelect, Screen


def list_query_of(model: type[Any], columns: tuple[ListColumn, ...]) -> RowSelect:
    """The list window query of a reference screen whose list columns are model attributes."""
    return select(
        model.id.label("id"), *(getattr(model, column.key).label(column.key) for column in columns)
    )


def reference_screen(
    store: Store,
    parent: QWidget | None,
    spec: Screen,
    *,
    code_key: str,
    code_rule: CodeRule = ID_CODE,
    service_class: type[ReferenceService[Any]] = ReferenceService,
    screen_class: type[RecordScreen] = RecordScreen,
) -> RecordScreen:
    """The screen and its service, which validates the record's definition (the screen's
    ``definition``, whose name is the record's noun in messages)."""
    definition = spec.definition
    if definition is None:
        raise ValueError(f"{spec.id} arranges no definition")
    service = service_class(
        store,
        definition.model,
        definition.rules(),
        code_key,
        noun=definition.name,
        code_rule=code_rule,
    )
    return screen_class(store, spec, service, parent)
