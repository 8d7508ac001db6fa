"""Number series rules without Qt: the next number shown, the numbers' form, collisions."""

from __future__ import annotations

from typing import Any

import pytest

from app.ledger.definitions.system import NUMBER_SERIES
from app.ledger.number_series import (
    NEXT_NUMBER,
    USED_UP,
    NumberSeriesService,
    next_number_of,
    number_in_use,
)
from app.ledger.numbering import CUSTOMER_SERIES, take_number
from app.ledger.records import ValidationError
from app.models import Customer, NumberSeries, Supplier
from app.models.database import Store


def series(**values: Any) -> dict[str, Any]:
    return {
        "number_series_id": "INVOICE",
        "description": "Invoices",
        "manual_numbering": False,
        "start_number": "INV000001",
        "end_number": None,
        "last_number": None,
        "numbering_step": 1,
    } | values


@pytest.mark.parametrize(
    ("values", "shown"),
    [
        ({}, "INV000001"),
        ({"last_number": "INV000009"}, "INV000010"),
        ({"last_number": "INV000009", "numbering_step": 5}, "INV000014"),
        ({"last_number": " INV000009 "}, "INV000010"),
        ({"end_number": "INV000010", "last_number": "INV000010"}, USED_UP),
        ({"start_number": "99", "last_number": "99"}, USED_UP),  # past its digits
        ({"manual_numbering": True}, None),
        ({"start_number": "INV"}, None),
        ({"start_number": None}, None),
        ({"last_number": "INVX"}, None),
        ({"numbering_step": 0}, None),
        ({"numbering_step": None}, None),
    ],
)
def test_the_next_number_shown(values: dict[str, Any], shown: str | None) -> None:
    assert next_number_of(series(**values)) == shown


def service(store: Store) -> NumberSeriesService:
    return NumberSeriesService(
        store, NumberSeries, NUMBER_SERIES.rules(), "number_series_id", noun="number series"
    )


def test_the_next_number_is_loaded_with_the_series(store: Store) -> None:
    rules = service(store)
    record_id = rules.save(None, series(last_number="INV000041"))
    assert rules.load(record_id)[NEXT_NUMBER] == "INV000042"


def test_every_problem_of_the_numbers_is_named_at_once(store: Store) -> None:
    with pytest.raises(ValidationError) as refused:
        service(store).save(None, series(end_number="INV99", last_number="X1", numbering_step=0))
    assert [str(error) for error in refused.value.errors] == [
        "Numbering step: at least 1.",
        "End number: must be a number of the series: 'INV' then 6 digits, like INV000001.",
        "Last number: must be a number of the series: 'INV' then 6 digits, like INV000001.",
    ]


def test_a_last_number_equal_to_the_end_number_is_kept(store: Store) -> None:
    rules = service(store)
    record_id = rules.save(None, series(end_number="INV000005", last_number="INV000005"))
    assert rules.load(record_id)[NEXT_NUMBER] == USED_UP


def test_numbers_in_use_feed_take_number(store: Store) -> None:
    with store.transaction() as session:
        session.add_all([Customer(customer_no="10001"), Customer(customer_no="10002")])
        session.add(NumberSeries(series_id=CUSTOMER_SERIES, description="C", start_number="10001"))
    with store.transaction() as session:
        in_use = number_in_use(session, CUSTOMER_SERIES)
        assert in_use is not None
        assert in_use("10001") and not in_use("10003")
        assert take_number(session, CUSTOMER_SERIES, in_use=in_use) == "10003"
        assert number_in_use(session, "INVOICE") is None


def test_a_customer_series_collision_is_refused_without_qt(store: Store) -> None:
    with store.transaction() as session:
        session.add(Customer(customer_no="CU0001"))
    with pytest.raises(ValidationError) as refused:
        service(store).save(None, series(number_series_id=CUSTOMER_SERIES, start_number="CU0001"))
    assert str(refused.value) == (
        "Last number: the next number CU0001 is already used by a customer; set the last "
        "number past the numbers in use: CU0001 gives the next number CU0002."
    )


def test_suppliers_numbers_are_in_use_too(store: Store) -> None:
    """Customers and suppliers share one space of account numbers: the CUSTOMER series skips
    a number a supplier holds (in any case), as one a customer holds."""
    with store.transaction() as session:
        session.add(Customer(customer_no="10001"))
        session.add_all([Supplier(supplier_no="10002"), Supplier(supplier_no="s10004")])
        session.add(NumberSeries(series_id=CUSTOMER_SERIES, description="C", start_number="10001"))
    with store.transaction() as session:
        in_use = number_in_use(session, CUSTOMER_SERIES)
        assert in_use is not None
        assert in_use("10002") and in_use("S10004") and not in_use("10003")
        assert take_number(session, CUSTOMER_SERIES, in_use=in_use) == "10003"


def test_a_customer_series_colliding_with_a_supplier_is_refused(store: Store) -> None:
    """The next number a supplier holds is refused naming the supplier; the free number
    offered skips the numbers of customers and suppliers alike."""
    with store.transaction() as session:
        session.add_all([Customer(customer_no="CU0002"), Customer(customer_no="cu0004")])
        session.add_all([Supplier(supplier_no="CU0001"), Supplier(supplier_no="CU0003")])
    with pytest.raises(ValidationError) as refused:
        service(store).save(None, series(number_series_id=CUSTOMER_SERIES, start_number="CU0001"))
    assert str(refused.value) == (
        "Last number: the next number CU0001 is already used by a supplier; set the last "
        "number past the numbers in use: CU0004 gives the next number CU0005."
    )
    rules = service(store)
    record_id = rules.save(
        None,
        series(number_series_id=CUSTOMER_SERIES, start_number="CU0001", last_number="CU0004"),
    )
    assert rules.load(record_id)[NEXT_NUMBER] == "CU0005"
