"""The reference records' definitions without Qt: bounds refused by name by the records'
services with no screen loaded, and the statement cycle's and number series' on-change rules run
from their definitions."""

from __future__ import annotations

from decimal import Decimal
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
from app.ledger.definitions.credit import OVERDUE_CHARGE, PAYMENT_TERMS, STATEMENT_CYCLE
from app.ledger.definitions.sales import SALESPERSON
from app.ledger.definitions.system import NUMBER_SERIES
from app.ledger.definitions.vat import VAT_CATEGORY
from app.ledger.fields import Definition, Kind
from app.ledger.number_series import NEXT_NUMBER, USED_UP, NumberSeriesService
from app.ledger.overdue_charges import OverdueChargeService
from app.ledger.payment_terms import PaymentTermsService
from app.ledger.records import ValidationError
from app.ledger.reference import ReferenceService
from app.ledger.salespersons import SalespersonService
from app.ledger.statement_cycles import StatementCycleService
from app.ledger.vat import VatCategoryService
from app.models.database import Store
from app.models.reference.credit import PrepareOn

# Every reference record's definition (app/ledger/definitions), by module.
REFERENCE_MODULES = (accounting, credit, currency, geography, payments, sales, system, vat)
REFERENCE_DEFINITIONS = [
    value
    for module in REFERENCE_MODULES
    for value in vars(module).values()
    if isinstance(value, Definition)
]

# definition → its service and code key, and the values of a record it would save.
RECORDS: dict[str, tuple[type[ReferenceService[Any]], str, dict[str, Any]]] = {
    PAYMENT_TERMS.name: (PaymentTermsService, "terms_id", {"terms_id": "30D"}),
    OVERDUE_CHARGE.name: (OverdueChargeService, "overdue_charge_id", {"overdue_charge_id": "L"}),
    STATEMENT_CYCLE.name: (
        StatementCycleService,
        "statement_cycle_id",
        {"statement_cycle_id": "M"},
    ),
    SALESPERSON.name: (SalespersonService, "salesperson_id", {"salesperson_id": "ANNA"}),
    VAT_CATEGORY.name: (
        VatCategoryService,
        "vat_category_id",
        {"vat_category_id": "HIGH", "vat_rate": Decimal(25)},  # required, without a default
    ),
    NUMBER_SERIES.name: (
        NumberSeriesService,
        "number_series_id",
        {"number_series_id": "INVOICE", "start_number": "INV000001"},
    ),
}


def service_of(store: Store, definition: Definition) -> ReferenceService[Any]:
    service_class, code_key, _values = RECORDS[definition.name]
    return service_class(
        store, definition.model, definition.rules(), code_key, noun=definition.name
    )


def record(service: ReferenceService[Any], definition: Definition, **values: Any) -> dict[str, Any]:
    """A record the service saves: the defaults, a code, a description (or name), ``values``."""
    named = {"name": "Anna Berg"} if "name" in definition else {"description": "Described"}
    return service.new_values() | RECORDS[definition.name][2] | named | values


def refusals(store: Store, definition: Definition, **values: Any) -> dict[str, str]:
    service = service_of(store, definition)
    with pytest.raises(ValidationError) as refused:
        service.save(None, record(service, definition, **values))
    return {error.key: str(error) for error in refused.value.errors}


# -- bounds ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("definition", "key", "value", "refusal"),
    [
        (PAYMENT_TERMS, "due_days", -1, "Due days: cannot be negative."),
        (PAYMENT_TERMS, "discount_days", -1, "Discount days: cannot be negative."),
        (
            PAYMENT_TERMS,
            "cash_discount_percent",
            Decimal(-1),
            "Cash discount (%): cannot be negative.",
        ),
        (
            PAYMENT_TERMS,
            "cash_discount_percent",
            Decimal("100.01"),
            "Cash discount (%): at most 100.",
        ),
        (
            OVERDUE_CHARGE,
            "annual_rate_percent",
            Decimal("-0.5"),
            "Annual rate (%): cannot be negative.",
        ),
        (OVERDUE_CHARGE, "annual_rate_percent", Decimal(101), "Annual rate (%): at most 100."),
        (OVERDUE_CHARGE, "minimum_amount", Decimal(-10), "Minimum amount: cannot be negative."),
        (OVERDUE_CHARGE, "fixed_amount", Decimal("-0.01"), "Fixed amount: cannot be negative."),
        (STATEMENT_CYCLE, "day_limit_1", -30, "Day limit 1: cannot be negative."),
        (STATEMENT_CYCLE, "day_limit_2", -60, "Day limit 2: cannot be negative."),
        (STATEMENT_CYCLE, "day_limit_3", -90, "Day limit 3: cannot be negative."),
        (SALESPERSON, "commission_percent", Decimal(-2), "Commission (%): cannot be negative."),
        (SALESPERSON, "commission_percent", Decimal(120), "Commission (%): at most 100."),
        (VAT_CATEGORY, "vat_rate", Decimal(-25), "VAT rate: cannot be negative."),
        (VAT_CATEGORY, "vat_rate", Decimal("100.5"), "VAT rate: at most 100."),
        (NUMBER_SERIES, "numbering_step", 0, "Numbering step: at least 1."),
        (NUMBER_SERIES, "numbering_step", -1, "Numbering step: at least 1."),
    ],
    ids=lambda param: param.name if isinstance(param, Definition) else None,
)
def test_a_value_out_of_bounds_is_refused_naming_the_field(
    store: Store, definition: Definition, key: str, value: Any, refusal: str
) -> None:
    assert refusals(store, definition, **{key: value}) == {key: refusal}


@pytest.mark.parametrize(
    ("definition", "values"),
    [
        (PAYMENT_TERMS, {"due_days": 0, "discount_days": 0, "cash_discount_percent": 100}),
        (OVERDUE_CHARGE, {"annual_rate_percent": 100, "minimum_amount": 0, "fixed_amount": 0}),
        (SALESPERSON, {"commission_percent": 100}),
        (VAT_CATEGORY, {"vat_rate": 0}),
        (NUMBER_SERIES, {"numbering_step": 1}),
    ],
    ids=lambda param: param.name if isinstance(param, Definition) else None,
)
def test_the_bounds_themselves_are_accepted(
    store: Store, definition: Definition, values: dict[str, Any]
) -> None:
    service = service_of(store, definition)
    saved = service.save(None, record(service, definition, **values))
    loaded = service.load(saved)
    assert {key: loaded[key] for key in values} == values


def test_every_percentage_is_0_to_100_and_every_amount_never_negative() -> None:
    for definition in REFERENCE_DEFINITIONS:
        for spec in definition.fields:
            if spec.kind == Kind.PERCENT:
                assert (spec.minimum, spec.maximum) == (0, 100), (definition.name, spec.key)
            if spec.kind == Kind.MONEY:
                assert spec.minimum == 0, (definition.name, spec.key)


def test_the_numbers_form_is_named_with_a_step_refused_by_its_bound(store: Store) -> None:
    refused = refusals(store, NUMBER_SERIES, numbering_step=0, end_number="INV99")
    assert refused == {
        "numbering_step": "Numbering step: at least 1.",
        "end_number": "End number: must be a number of the series: 'INV' then 6 digits, like "
        "INV000001.",
    }


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
