"""The reference records' definitions without Qt: the statement cycle's and number series'
on-change rules run from their definitions."""

from __future__ import annotations

from typing import Any

import pytest

from app.ledger.definitions import (
    accounting,
    credit,
    currency,
    geography,
    payments,
    sales,
    system,
    vat,
)
from app.ledger.definitions.credit import STATEMENT_CYCLE
from app.ledger.definitions.system import NUMBER_SERIES
from app.ledger.fields import Definition
from app.ledger.number_series import NEXT_NUMBER, USED_UP
from app.models.reference.credit import PrepareOn

# Every reference record's definition (app/ledger/definitions), by module.
REFERENCE_MODULES = (accounting, credit, currency, geography, payments, sales, system, vat)
REFERENCE_DEFINITIONS = [
    value
    for module in REFERENCE_MODULES
    for value in vars(module).values()
    if isinstance(value, Definition)
]

# -- on-change rules from the definitions --------------------------------------------------------


def run(definition: Definition, key: str, values: dict[str, Any]) -> dict[str, Any]:
    updates: dict[str, Any] = {}
    for rule in definition.rules_for(key):
        updates |= dict(rule.run(values | updates, None) or {})
    return updates


def test_rules_read_only_fields_of_their_record() -> None:
    for definition in REFERENCE_DEFINITIONS:
        for rule in definition.on_change:
            for key in (rule.field, *rule.depends):
                assert key in definition, (definition.name, key)


CYCLE = {
    "day_limit_1": 30,
    "day_limit_2": 60,
    "day_limit_3": 90,
    "bucket_1_label": "1-30 days",
    "bucket_2_label": "31-60 days",
    "bucket_3_label": "My own words",
    "over_label": "Over 90 days",
}


@pytest.mark.parametrize("key", ["day_limit_1", "day_limit_2", "day_limit_3"])
def test_labels_in_their_default_form_follow_any_day_limit(key: str) -> None:
    changed = {"day_limit_1": 14, "day_limit_2": 45, "day_limit_3": 120}[key]
    updates = run(STATEMENT_CYCLE, key, CYCLE | {key: changed})
    expected = {
        "day_limit_1": {"bucket_1_label": "1-14 days", "bucket_2_label": "15-60 days"},
        "day_limit_2": {"bucket_2_label": "31-45 days"},
        "day_limit_3": {"over_label": "Over 120 days"},
    }[key]
    assert updates == expected  # the label the user wrote is kept


def test_limits_that_do_not_increase_leave_the_labels() -> None:
    assert run(STATEMENT_CYCLE, "day_limit_2", CYCLE | {"day_limit_2": 20}) == {}


def test_days_a_new_schedule_does_not_use_are_cleared() -> None:
    twice = {"day_of_month": 5, "second_day_of_month": 20}
    assert run(STATEMENT_CYCLE, "prepare_on", twice | {"prepare_on": PrepareOn.CUSTOM}) == {
        "day_of_month": None,
        "second_day_of_month": None,
    }
    fixed = twice | {"prepare_on": PrepareOn.FIXED_DAY_OF_MONTH}
    assert run(STATEMENT_CYCLE, "prepare_on", fixed) == {"second_day_of_month": None}
    assert run(STATEMENT_CYCLE, "prepare_on", twice | {"prepare_on": PrepareOn.TWICE_A_MONTH}) == {}


SERIES = {
    "manual_numbering": False,
    "start_number": "INV000001",
    "end_number": None,
    "last_number": "INV000009",
    "numbering_step": 1,
}


@pytest.mark.parametrize(
    ("key", "value", "shown"),
    [
        ("last_number", "INV000041", "INV000042"),
        ("numbering_step", 5, "INV000014"),
        ("start_number", "INV", None),  # no digits to count up
        ("end_number", "INV000009", USED_UP),
        ("manual_numbering", True, None),
    ],
)
def test_the_next_number_follows_every_number_it_is_computed_from(
    key: str, value: Any, shown: str | None
) -> None:
    assert run(NUMBER_SERIES, key, SERIES | {key: value}) == {NEXT_NUMBER: shown}
