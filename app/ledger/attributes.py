"""Attribute rules (CS205000): the values a combo attribute offers.

A Combo or Multi select combo attribute is answered by picking from its values, so it needs at
least one value that is not disabled; value IDs are unique within the attribute (compared
without regard to case, so RED and red are not both offered).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from app.ledger.records import FieldError, is_blank
from app.ledger.reference import ReferenceService
from app.models import Attribute
from app.models.reference.system import ControlType

VALUES = "values"
# Control types answered by picking from the attribute's values.
PICKED_FROM_VALUES = frozenset({ControlType.COMBO, ControlType.MULTI_SELECT_COMBO})


def takes_values(control_type: Any) -> bool:
    return control_type in PICKED_FROM_VALUES


def takes_entry_mask(control_type: Any) -> bool:
    """Only typed text follows an entry mask."""
    return control_type in (None, ControlType.TEXT)


class AttributeService(ReferenceService[Attribute]):
    def new_row(self, grid_key: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
        """A new value is sorted after the others."""
        row = super().new_row(grid_key, rows)
        if grid_key == VALUES:
            orders = [r.get("sort_order") for r in rows]
            row["sort_order"] = max((o for o in orders if isinstance(o, int)), default=0) + 1
        return row

    def check_record(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        grid = self.grids[VALUES]
        rows: list[dict[str, Any]] = list(values.get(VALUES) or [])
        value_id = next(column for column in grid.columns if column.key == "value_id")
        errors = duplicate_value_errors(grid.label, value_id.label, rows)
        control_type = values.get("control_type")
        if (
            isinstance(control_type, ControlType)
            and takes_values(control_type)
            and not any(not row.get("disabled") for row in rows)
        ):
            errors.append(
                FieldError(
                    VALUES,
                    grid.label,
                    f"a {control_type.label} attribute is answered by picking a value: add at "
                    "least one value that is not disabled.",
                )
            )
        return errors

    def before_save(
        self, session: Session, record: Attribute, values: Mapping[str, Any], *, is_new: bool
    ) -> None:
        for value in record.values:
            if value.sort_order is None:
                value.sort_order = 0
            if value.disabled is None:
                value.disabled = False


def duplicate_value_errors(
    grid_label: str, column_label: str, rows: list[dict[str, Any]]
) -> list[FieldError]:
    """``Values, row 3, Value ID: 'RED' is already in row 1.``"""
    errors: list[FieldError] = []
    first_row: dict[str, int] = {}
    for number, row in enumerate(rows, start=1):
        value_id = row.get("value_id")
        if is_blank(value_id):
            continue
        folded = str(value_id).strip().casefold()
        if folded in first_row:
            errors.append(
                FieldError(
                    VALUES,
                    f"{grid_label}, row {number}, {column_label}",
                    f"'{value_id}' is already in row {first_row[folded]}.",
                )
            )
        else:
            first_row[folded] = number
    return errors
