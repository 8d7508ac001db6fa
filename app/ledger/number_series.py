"""Number series rules (CS201010): the form of the numbers, and no next number already taken.

A series counts up in the trailing digits of its start number (numbering.py). Its end and last
numbers must be numbers of the same series: the same prefix and as many digits, in order. The
next number of a series that numbers records (CUSTOMER numbers customers and suppliers: they
share one space of account numbers) must not be a number a record already has, or the next
record would be refused for a number the user never typed. A number is taken when a record has
it in any case (numbers are unique regardless of case).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import exists, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from app.ledger.numbering import (
    CUSTOMER_SERIES,
    NumberingError,
    following,
    next_number,
    split_number,
)
from app.ledger.records import FieldError, FieldRule, is_blank
from app.ledger.reference import ReferenceService
from app.models import Customer, NumberSeries, Supplier

NEXT_NUMBER = "next_number"
STEP = "numbering_step"
USED_UP = "(used up)"


@dataclass(frozen=True)
class Numbered:
    """Records a series numbers: their model's number column and how to name one."""

    column: InstrumentedAttribute[str]
    noun: str  # "a customer"


# Series ID → the records it numbers (a number is taken when any of them has it). Document
# types join here as they arrive.
NUMBERED: dict[str, tuple[Numbered, ...]] = {
    CUSTOMER_SERIES: (
        Numbered(Customer.customer_no, "a customer"),
        Numbered(Supplier.supplier_no, "a supplier"),
    ),
}


def number_in_use(session: Session, series_id: str) -> Callable[[str], bool] | None:
    """Whether a number of the series is already a record's (for ``take_number``'s
    ``in_use``); None when the series numbers nothing known."""
    numbered = NUMBERED.get(series_id)
    if numbered is None:
        return None

    def in_use(number: str) -> bool:
        return _holder(session, numbered, number) is not None

    return in_use


def _holder(session: Session, numbered: tuple[Numbered, ...], number: str) -> Numbered | None:
    """The kind of record having ``number`` (in any case), if one has it."""
    for kind in numbered:
        taken = exists().where(func.lower(kind.column) == func.lower(number))
        if session.scalar(select(taken)):
            return kind
    return None


def next_number_of(values: Mapping[str, Any]) -> str | None:
    """The number a series with these values gives next, for showing it (numbering's own
    ``next_number``): ``(used up)`` past its end number or its digits; None with manual
    numbering or while its numbers cannot count (saving names why)."""
    start, end, last = (
        _text(values.get(key)) for key in ("start_number", "end_number", "last_number")
    )
    step = values.get("numbering_step")
    if values.get("manual_numbering") or not isinstance(step, int) or step < 1:
        return None
    if start is None or not all(_counts(number) for number in (start, end, last) if number):
        return None
    series = NumberSeries(start_number=start, end_number=end, last_number=last, numbering_step=step)
    try:
        return next_number(series)
    except NumberingError:
        return USED_UP


def _text(value: Any) -> str | None:
    return None if is_blank(value) else str(value).strip()


def _counts(number: str) -> bool:
    try:
        split_number(number)
    except NumberingError:
        return False
    return True


class NumberSeriesService(ReferenceService[NumberSeries]):
    def values_of(self, session: Session, record: NumberSeries) -> dict[str, Any]:
        values = super().values_of(session, record)
        values[NEXT_NUMBER] = next_number_of(values)
        return values

    def validate(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        errors = super().validate(session, record_id, values)
        if [error.key for error in errors] == [STEP]:
            # A step below 1 is refused by its bound (the definition's), before the series' own
            # rules run: the numbers' form is named with it, every problem of the numbers at once.
            errors.extend(number_form_errors(self.rules, values))
        return errors

    def check_record(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        errors = number_form_errors(self.rules, values)
        if errors:
            return errors
        collision = self.collision(session, values)
        return [collision] if collision else []

    def collision(self, session: Session, values: Mapping[str, Any]) -> FieldError | None:
        """The next number of a series that numbers records, when a record already has it."""
        numbered = NUMBERED.get(str(values.get(self.code_key) or ""))
        candidate = next_number_of(values)
        if numbered is None or candidate is None or candidate == USED_UP:
            return None
        holder = _holder(session, numbered, candidate)
        if holder is None:
            return None
        rule = self.rules["last_number"]
        step = values.get("numbering_step")
        end = _text(values.get("end_number"))
        taken, free = _first_free(
            session, numbered, candidate, step if isinstance(step, int) else 1, end
        )
        used = f"the next number {candidate} is already used by {holder.noun}"
        if free is None:
            within = f" up to the end number {end}" if end else ""
            rule_text = (
                f"{used}, and no later number of the series is free{within}; raise the end "
                "number or start the series anew."
            )
        else:
            rule_text = (
                f"{used}; set the last number past the numbers in use: {taken} gives the next "
                f"number {free}."
            )
        return FieldError(rule.key, rule.label, rule_text)


def number_form_errors(
    rules: Mapping[str, FieldRule], values: Mapping[str, Any]
) -> list[FieldError]:
    """Start, end and last numbers of one series, in the form of the series (the step, at
    least 1, is the definition's bound)."""
    errors: list[FieldError] = []
    start_rule = rules["start_number"]
    start = str(values.get(start_rule.key) or "")
    try:
        prefix, start_value, width = split_number(start)
    except NumberingError:
        errors.append(
            FieldError(
                start_rule.key,
                start_rule.label,
                f"'{start}' must end in digits, which count up (like INV000001).",
            )
        )
        return errors
    same_form = f"a number of the series: '{prefix}' then {width} digits, like {start}."
    end_value: int | None = None
    end_rule = rules["end_number"]
    end = values.get(end_rule.key)
    if not is_blank(end):
        end_value = _value_in_series(str(end), prefix, width)
        if end_value is None:
            errors.append(FieldError(end_rule.key, end_rule.label, f"must be {same_form}"))
        elif end_value < start_value:
            errors.append(
                FieldError(
                    end_rule.key, end_rule.label, f"must not be below the start number {start}."
                )
            )
            end_value = None
    last_rule = rules["last_number"]
    last = values.get(last_rule.key)
    if not is_blank(last):
        last_value = _value_in_series(str(last), prefix, width)
        if last_value is None:
            errors.append(FieldError(last_rule.key, last_rule.label, f"must be {same_form}"))
        elif last_value < start_value or (end_value is not None and last_value > end_value):
            upper = f" to {end}" if end_value is not None else " or later"
            errors.append(
                FieldError(
                    last_rule.key,
                    last_rule.label,
                    f"must be from the start number {start}{upper} (this is {last}).",
                )
            )
    return errors


def _value_in_series(number: str, prefix: str, width: int) -> int | None:
    """The count of ``number`` when it has the series' prefix and width, else None."""
    try:
        its_prefix, value, its_width = split_number(number)
    except NumberingError:
        return None
    return value if (its_prefix, its_width) == (prefix, width) else None


# How far past a taken next number to look for a free one (as take_number does).
SEARCH_LIMIT = 1000


def _numbers_from(
    session: Session, numbered: tuple[Numbered, ...], candidate: str, step: int
) -> tuple[list[str], bool]:
    """The numbers in use of ``candidate``'s prefix and width from ``candidate`` on, lower-cased
    and in order, over every kind of record numbered; and whether more are in use than read.

    Numbers of one prefix and width sort as text in the order they count. Each kind is read up
    to a limit; where a kind's read stops, numbers past it are unknown, so the merged list ends
    there."""
    prefix, _value, width = split_number(candidate)
    lowered = prefix.lower()
    pattern = lowered.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    limit = SEARCH_LIMIT * step
    merged: set[str] = set()
    known_to: str | None = None  # the highest number every kind was read up to
    for kind in numbered:
        # Compared lower-cased: a record's c0005 takes the series' C0005 as well.
        folded = func.lower(kind.column)
        stmt = (
            select(folded)
            .where(folded.like(pattern + "_" * width, escape="\\"), folded >= candidate.lower())
            .order_by(folded)
            .limit(limit)
        )
        read = list(session.scalars(stmt))
        merged.update(read)
        if len(read) == limit:
            known_to = read[-1] if known_to is None else min(known_to, read[-1])
    numbers = sorted(number for number in merged if known_to is None or number <= known_to)
    return numbers, known_to is not None


def _first_free(
    session: Session, numbered: tuple[Numbered, ...], candidate: str, step: int, end: str | None
) -> tuple[str, str | None]:
    """From a taken ``candidate``, counting by ``step``: the last number taken in that run and
    the first free number after it (None when none is free up to the end or the digits).

    The numbers in use are read once, in order, from ``candidate`` on."""
    prefix, _value, _width = split_number(candidate)
    lowered = prefix.lower()
    read, more = _numbers_from(session, numbered, candidate, step)
    taken, expected = candidate, candidate
    for number in read:
        if not (number.startswith(lowered) and number[len(lowered) :].isdigit()):
            continue
        if number < expected.lower():
            continue
        if number > expected.lower():
            break
        taken = expected
        try:
            expected = following(expected, step)
        except NumberingError:
            return taken, None
    else:
        if more:  # more in use than looked at
            return taken, None
    if end is not None and split_number(expected)[1] > split_number(end)[1]:
        return taken, None
    return taken, expected
