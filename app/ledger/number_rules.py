"""Rules for numbers a user types: percentages, amounts and day counts in their range.

Each check names the field and the rule (``Commission (%): must be from 0 to 100 (this is
120).``); a blank value is left to the field's required flag.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from app.ledger.records import FieldError, FieldRule

HUNDRED = Decimal(100)


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


def percentage(rule: FieldRule, value: Any) -> FieldError | None:
    """A percentage: 0 to 100."""
    return between(rule, value, 0, HUNDRED)


def not_negative(rule: FieldRule, value: Any) -> FieldError | None:
    """An amount or a number of days: 0 or more."""
    if value is None or not isinstance(value, int | Decimal) or value >= 0:
        return None
    return FieldError(rule.key, rule.label, f"must not be negative (this is {_shown(value)}).")


def errors_of(*found: FieldError | None) -> list[FieldError]:
    """The problems found, in the order of the fields."""
    return [error for error in found if error is not None]


def zero_when_blank(record: Any, attrs: list[str]) -> None:
    """Numbers left blank are stored as 0 (no rate, no amount, no days)."""
    for attr in attrs:
        if getattr(record, attr) is None:
            setattr(record, attr, 0)
