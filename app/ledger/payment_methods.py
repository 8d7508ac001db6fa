"""Payment methods (CA204000) and the details a customer gives for them (IBAN, BIC …)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from app.ledger.records import FieldError, is_blank
from app.ledger.reference import ReferenceService
from app.models import PaymentMethod

DETAILS = "details"
SORT_ORDER = "sort_order"
DETAIL_ID = "detail_id"


class PaymentMethodService(ReferenceService[PaymentMethod]):
    def new_row(self, grid_key: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
        row = super().new_row(grid_key, rows)
        if grid_key == DETAILS:
            row[SORT_ORDER] = next_sort_order(rows)
        return row

    def check_record(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        grid = self.grids[DETAILS]
        label = next(column.label for column in grid.columns if column.key == DETAIL_ID)
        return duplicate_detail_errors(values.get(DETAILS) or [], grid.label, label)

    def before_save(
        self, session: Session, record: PaymentMethod, values: Mapping[str, Any], *, is_new: bool
    ) -> None:
        # A detail whose sort order was left blank comes after the others.
        numbered = [{SORT_ORDER: detail.sort_order} for detail in record.details]
        for detail in record.details:
            if detail.sort_order is None:
                detail.sort_order = next_sort_order(numbered)
                numbered.append({SORT_ORDER: detail.sort_order})


def next_sort_order(rows: list[dict[str, Any]]) -> int:
    """A new detail comes after the others: one more than the highest sort order."""
    orders = [row.get(SORT_ORDER) for row in rows]
    return max((order for order in orders if isinstance(order, int)), default=0) + 1


def duplicate_detail_errors(
    rows: list[dict[str, Any]], grid_label: str, column_label: str
) -> list[FieldError]:
    """Each detail ID once per payment method (compared as a user reads them, any case)."""
    errors: list[FieldError] = []
    first_row: dict[str, int] = {}
    for number, row in enumerate(rows, start=1):
        code = row.get(DETAIL_ID)
        if is_blank(code):
            continue
        folded = str(code).strip().casefold()
        if folded in first_row:
            errors.append(
                FieldError(
                    DETAILS,
                    f"{grid_label}, row {number}, {column_label}",
                    f"'{str(code).strip()}' is already used in row {first_row[folded]}.",
                )
            )
        else:
            first_row[folded] = number
    return errors
