"""Statement cycles (AR202800): when statements are prepared and how balances are aged.

Three day limits d1 < d2 < d3 make five ageing buckets (DESIGN §5): Current, 1–d1, d1+1–d2,
d2+1–d3 and over d3. Each bucket has a label printed on the statement; a label left in its
default form (``31-60 days``) follows the limits, a label the user wrote is kept.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple, Protocol

from sqlalchemy.orm import Session

from app.ledger.number_rules import between
from app.ledger.records import FieldError, FieldRule, is_blank
from app.ledger.reference import ReferenceService
from app.models import StatementCycle
from app.models.reference.credit import PrepareOn

DAY_LIMITS = ("day_limit_1", "day_limit_2", "day_limit_3")
CURRENT_LABEL = "current_label"
# The labels of the buckets past due, in bucket order: 1–d1, d1+1–d2, d2+1–d3, over d3.
LIMIT_LABELS = ("bucket_1_label", "bucket_2_label", "bucket_3_label", "over_label")
LABELS = (CURRENT_LABEL, *LIMIT_LABELS)
DEFAULT_CURRENT = "Current"

# A label in the form the defaults take: ``1-30 days``, ``31 days``, ``1 day``, ``Over 90 days``.
_DEFAULT_FORM = re.compile(r"(?:\d+(?:-\d+)? days?|Over \d+ days?)")


# -- schedule ------------------------------------------------------------------------------------


def needs_day_of_month(prepare_on: Any) -> bool:
    """The day of month is given only for cycles prepared on a fixed day or twice a month."""
    return prepare_on in (PrepareOn.FIXED_DAY_OF_MONTH, PrepareOn.TWICE_A_MONTH)


def needs_second_day(prepare_on: Any) -> bool:
    """The second day of month is given only for cycles prepared twice a month."""
    return prepare_on is PrepareOn.TWICE_A_MONTH


def schedule_updates(values: Mapping[str, Any]) -> dict[str, Any]:
    """When Prepare on changes: days that no longer apply are cleared."""
    prepare_on = values.get("prepare_on")
    updates: dict[str, Any] = {}
    if not needs_day_of_month(prepare_on) and values.get("day_of_month") is not None:
        updates["day_of_month"] = None
    if not needs_second_day(prepare_on) and values.get("second_day_of_month") is not None:
        updates["second_day_of_month"] = None
    return updates


def schedule_errors(rules: Mapping[str, FieldRule], values: Mapping[str, Any]) -> list[FieldError]:
    """Day of month (and the second day, twice a month) given and within 1–31."""
    prepare_on = values.get("prepare_on")
    if not isinstance(prepare_on, PrepareOn) or not needs_day_of_month(prepare_on):
        return []
    wanted = ["day_of_month"] + (["second_day_of_month"] if needs_second_day(prepare_on) else [])
    errors: list[FieldError] = []
    days: list[int] = []
    for key in wanted:
        rule, day = rules[key], values.get(key)
        if not isinstance(day, int):
            when = f"when statements are prepared on {prepare_on.label}"
            errors.append(FieldError(rule.key, rule.label, f"a value is required {when}."))
            continue
        problem = between(rule, day, 1, 31)
        if problem is not None:
            errors.append(problem)
        days.append(day)
    if not errors and len(days) == 2 and days[1] <= days[0]:
        rule = rules["second_day_of_month"]
        errors.append(
            FieldError(rule.key, rule.label, f"must be after the day of month ({days[0]}).")
        )
    return errors


# -- ageing --------------------------------------------------------------------------------------


class Bucket(NamedTuple):
    """One ageing bucket: days past the age date from ``from_days`` to ``to_days`` inclusive;
    None is open-ended (Current takes everything not yet past due, the last bucket everything
    over d3)."""

    label: str
    from_days: int | None
    to_days: int | None

    def holds(self, days: int) -> bool:
        return (self.from_days is None or days >= self.from_days) and (
            self.to_days is None or days <= self.to_days
        )


class AgeingSettings(Protocol):
    """What ageing needs of a statement cycle (a StatementCycle record has all of it)."""

    @property
    def day_limit_1(self) -> int: ...
    @property
    def day_limit_2(self) -> int: ...
    @property
    def day_limit_3(self) -> int: ...
    @property
    def current_label(self) -> str | None: ...
    @property
    def bucket_1_label(self) -> str | None: ...
    @property
    def bucket_2_label(self) -> str | None: ...
    @property
    def bucket_3_label(self) -> str | None: ...
    @property
    def over_label(self) -> str | None: ...


def _range_label(low: int, high: int) -> str:
    if low == high:
        return f"{low} day" if low == 1 else f"{low} days"
    return f"{low}-{high} days"


def default_labels(d1: int, d2: int, d3: int) -> dict[str, str]:
    """The labels the buckets have unless the user writes their own."""
    return {
        CURRENT_LABEL: DEFAULT_CURRENT,
        "bucket_1_label": _range_label(1, d1),
        "bucket_2_label": _range_label(d1 + 1, d2),
        "bucket_3_label": _range_label(d2 + 1, d3),
        "over_label": f"Over {d3} days" if d3 != 1 else "Over 1 day",
    }


def limits_increase(d1: Any, d2: Any, d3: Any) -> bool:
    return all(isinstance(d, int) for d in (d1, d2, d3)) and 0 < d1 < d2 < d3


def ageing_buckets(cycle: AgeingSettings) -> list[Bucket]:
    """The five buckets of a cycle, in order: Current, 1–d1, d1+1–d2, d2+1–d3, over d3.

    Days are counted from the age date (due date or document date, per Age based on) to the
    statement date; a document not yet past due (0 days or fewer) is Current.
    """
    d1, d2, d3 = cycle.day_limit_1, cycle.day_limit_2, cycle.day_limit_3
    if not limits_increase(d1, d2, d3):
        raise ValueError(f"day limits must increase from above 0: {d1}, {d2}, {d3}")
    defaults = default_labels(d1, d2, d3)
    labels = [getattr(cycle, key) for key in LABELS]
    label = [
        text.strip() if text and text.strip() else defaults[key]
        for key, text in zip(LABELS, labels, strict=True)
    ]
    return [
        Bucket(label[0], None, 0),
        Bucket(label[1], 1, d1),
        Bucket(label[2], d1 + 1, d2),
        Bucket(label[3], d2 + 1, d3),
        Bucket(label[4], d3 + 1, None),
    ]


def bucket_of(buckets: Sequence[Bucket], days: int) -> int:
    """The position of the bucket a balance ``days`` past its age date falls in."""
    for position, bucket in enumerate(buckets):
        if bucket.holds(days):
            return position
    raise ValueError(f"no bucket holds {days} days")


def is_default_label(text: Any) -> bool:
    """Blank, or in the form of a default label: it follows the limits."""
    return is_blank(text) or bool(_DEFAULT_FORM.fullmatch(str(text).strip()))


def labels_following_limits(values: Mapping[str, Any]) -> dict[str, str]:
    """When a day limit changes: the labels still in their default form, relabelled for the
    new limits (only while the limits increase). Labels the user wrote stay as they are."""
    d1, d2, d3 = (values.get(key) for key in DAY_LIMITS)
    if not (isinstance(d1, int) and isinstance(d2, int) and isinstance(d3, int)):
        return {}
    if not limits_increase(d1, d2, d3):
        return {}
    defaults = default_labels(d1, d2, d3)
    return {
        key: defaults[key]
        for key in LIMIT_LABELS
        if is_default_label(values.get(key)) and values.get(key) != defaults[key]
    }


def day_limit_errors(rules: Mapping[str, FieldRule], values: Mapping[str, Any]) -> list[FieldError]:
    """0 < day limit 1 < day limit 2 < day limit 3, each named with the limit it must pass."""
    errors: list[FieldError] = []
    previous: tuple[str, int] | None = None
    for key in DAY_LIMITS:
        rule, days = rules[key], values.get(key)
        if not isinstance(days, int):
            previous = None
            continue
        if previous is None and key == DAY_LIMITS[0] and days <= 0:
            errors.append(
                FieldError(rule.key, rule.label, f"must be more than 0 (this is {days}).")
            )
        elif previous is not None and days <= previous[1]:
            label, limit = previous
            errors.append(
                FieldError(rule.key, rule.label, f"must be more than {label.lower()} ({limit}).")
            )
        previous = (rule.label, days)
    return errors


# -- the service ---------------------------------------------------------------------------------


class StatementCycleService(ReferenceService[StatementCycle]):
    def check_record(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        errors = schedule_errors(self.rules, values)
        errors.extend(day_limit_errors(self.rules, values))
        last, following = values.get("last_statement_date"), values.get("next_statement_date")
        if last is not None and following is not None and following <= last:
            rule = self.rules["next_statement_date"]
            errors.append(
                FieldError(
                    rule.key,
                    rule.label,
                    f"must be after the last statement date ({last.isoformat()}).",
                )
            )
        return errors

    def before_save(
        self, session: Session, record: StatementCycle, values: Mapping[str, Any], *, is_new: bool
    ) -> None:
        # Days that do not apply to the schedule are not kept.
        if not needs_day_of_month(record.prepare_on):
            record.day_of_month = None
        if not needs_second_day(record.prepare_on):
            record.second_day_of_month = None
        # A label left blank takes its default from the limits.
        defaults = default_labels(record.day_limit_1, record.day_limit_2, record.day_limit_3)
        for key in LABELS:
            attr = self.rules[key].attr
            if is_blank(getattr(record, attr)):
                setattr(record, attr, defaults[key])
