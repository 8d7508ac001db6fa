"""Rules for numbers a user types that depend on more than the field: a range a record's own
rule applies (a currency's decimal places, a statement day of month when the schedule needs one).

Each check names the field and the rule (``Day of month: must be from 1 to 31 (this is 0).``);
a blank value is left to the field's required flag. Bounds that always hold (a percentage, days,
an amount never negative) are the field's ``minimum`` and ``maximum`` in its definition.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from app.ledger.records import FieldError, FieldRule


def _shown(value: Decimal | int) -> str:
    """``2.5`` rather than ``2.5000``; ``120`` rather than ``120.00``."""
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        return text
    return str(value)


def between(
    rule: FieldRule, value: Any, low: Decimal | int, high: Decimal | int
) -> FieldError | None:
    """``value`` must lie in ``low``–``high`` inclusive."""
    if value is None or not isinstance(value, int | Decimal):
        return None
    if low <= value <= high:
        return None
    return FieldError(
        rule.key,
        rule.label,
        f"must be from {_shown(low)} to {_shown(high)} (this is {_shown(value)}).",
    )


def errors_of(*found: FieldError | None) -> list[FieldError]:
    """The problems found, in the order of the fields."""
    return [error for error in found if error is not None]


def zero_when_blank(record: Any, attrs: list[str]) -> None:
    """Numbers left blank are stored as 0 (no rate, no amount, no days)."""
    for attr in attrs:
        if getattr(record, attr) is None:
            setattr(record, attr, 0)
