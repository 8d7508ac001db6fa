"""Number series: the next number of a series, taken inside the saving transaction.

``INV000099`` is followed by ``INV000100``: the trailing digits count up by the step, keeping
their width; anything before them is the prefix. Customers are numbered from the series
``CUSTOMER`` (the product family's CUSTOMER segmented key with auto-numbering).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import NumberSeries

CUSTOMER_SERIES = "CUSTOMER"
_TRAILING_DIGITS = re.compile(r"^(.*?)(\d+)$")


class NumberingError(Exception):
    """The series cannot give a number; the message says why and what to do."""


def split_number(number: str) -> tuple[str, int, int]:
    """Prefix, value and width of a number: ``INV000099`` → (``INV``, 99, 6)."""
    match = _TRAILING_DIGITS.match(number)
    if match is None:
        raise NumberingError(f"'{number}' does not end in digits, so it cannot be counted up.")
    prefix, digits = match.groups()
    return prefix, int(digits), len(digits)


def following(number: str, step: int = 1) -> str:
    prefix, value, width = split_number(number)
    following_value = value + step
    if len(str(following_value)) > width:
        raise NumberingError(f"the numbers after '{number}' no longer fit in {width} digits.")
    return f"{prefix}{following_value:0{width}d}"


def next_number(series: NumberSeries) -> str:
    """The number the series gives next (without taking it)."""
    if series.last_number:
        candidate = following(series.last_number, series.numbering_step)
    else:
        candidate = series.start_number
    if series.end_number and _value(candidate) > _value(series.end_number):
        raise NumberingError(
            f"Number series {series.series_id} is used up: the next number {candidate} is past "
            f"its end number {series.end_number}. Raise the end number in Number series "
            "(CS201010)."
        )
    return candidate


def take_number(
    session: Session, series_id: str, *, in_use: Callable[[str], bool] | None = None
) -> str:
    """Take the series' next number (skipping numbers already used) and record it as the last.

    Runs in the caller's transaction: when the save fails, the number is not used up.
    """
    series = session.scalars(
        select(NumberSeries).where(NumberSeries.series_id == series_id).with_for_update()
    ).one_or_none()
    if series is None:
        raise NumberingError(
            f"There is no number series {series_id}. Add it in Number series (CS201010)."
        )
    if series.manual_numbering:
        raise NumberingError(
            f"Number series {series_id} uses manual numbering: type the number yourself."
        )
    number = next_number(series)
    for _attempt in range(1000):
        if in_use is None or not in_use(number):
            break
        series.last_number = number
        number = next_number(series)
    else:
        raise NumberingError(f"Number series {series_id}: the next 1000 numbers are all in use.")
    series.last_number = number
    return number


def _value(number: str) -> int:
    return split_number(number)[1]
