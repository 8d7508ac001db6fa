"""Direct debit mandates (AR303000 Direct debit tab; in use in the Netherlands).

Each row is a mandate the customer signed: its ID (unique for the customer), the bank account
(IBAN, BIC — checked with python-stdnum by the grid's columns), dates and the maximum amount
collected at once. The rules across rows and dates, each refusal naming the row and column:
- at most one mandate is the default (the one a sales invoice takes when there are several);
- an expired mandate (its expiration date before today) cannot be the default;
- a mandate expires on or after the day it was signed;
- a mandate ID is used once per customer (compared as a user reads it, any case).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from app.ledger.records import FieldError, is_blank

MANDATES = "mandates"
GRID_LABEL = "Direct debit"
IS_DEFAULT = "is_default"


def mandate_problems(
    rows: list[dict[str, Any]], label_of: Callable[[str], str], today: date
) -> list[FieldError]:
    """Every problem of the mandates across rows; ``label_of`` gives a column's label."""
    errors: list[FieldError] = []

    def refuse(number: int, column: str, rule: str) -> None:
        errors.append(FieldError(MANDATES, f"{GRID_LABEL}, row {number}, {label_of(column)}", rule))

    first_default: int | None = None
    first_id: dict[str, int] = {}
    for number, row in enumerate(rows, start=1):
        expires, signed = row.get("expiration_date"), row.get("date_of_signature")
        if row.get(IS_DEFAULT):
            if first_default is not None:
                refuse(
                    number,
                    IS_DEFAULT,
                    f"only one mandate is the default; row {first_default} is already.",
                )
            else:
                first_default = number
            if isinstance(expires, date) and expires < today:
                refuse(
                    number,
                    IS_DEFAULT,
                    f"an expired mandate cannot be the default (it expired on {expires:%Y-%m-%d}).",
                )
        if isinstance(expires, date) and isinstance(signed, date) and expires < signed:
            refuse(
                number,
                "expiration_date",
                f"a mandate cannot expire before it was signed ({signed:%Y-%m-%d}).",
            )
        code = row.get("mandate_id")
        if not is_blank(code):
            folded = str(code).strip().casefold()
            if folded in first_id:
                refuse(
                    number,
                    "mandate_id",
                    f"'{str(code).strip()}' is already used in row {first_id[folded]}.",
                )
            else:
                first_id[folded] = number
    return errors


def new_mandate_default(rows: list[dict[str, Any]]) -> bool:
    """A new mandate is the default when no other one is."""
    return not any(row.get(IS_DEFAULT) for row in rows)
