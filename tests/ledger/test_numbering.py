"""Number series: counting up, prefixes, end numbers, manual numbering, skipping used numbers."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.ledger.numbering import NumberingError, following, take_number
from app.models import NumberSeries
from app.models.database import Store


def test_following_keeps_prefix_and_width() -> None:
    assert following("INV000099") == "INV000100"
    assert following("C-0009", 2) == "C-0011"
    assert following("7") == "8"
    with pytest.raises(NumberingError, match="no longer fit in 2 digits"):
        following("AB99")
    with pytest.raises(NumberingError, match="does not end in digits"):
        following("ABC")


def add_series(store: Store, **values: object) -> None:
    with store.transaction() as session:
        session.add(NumberSeries(series_id="CUSTOMER", description="Customers", **values))


def last_number(store: Store) -> str | None:
    with store.session() as session:
        return session.scalars(select(NumberSeries.last_number)).one()


def test_numbers_start_at_the_start_number_and_count_up(store: Store) -> None:
    add_series(store, start_number="10001")
    with store.transaction() as session:
        assert take_number(session, "CUSTOMER") == "10001"
        assert take_number(session, "CUSTOMER") == "10002"
    assert last_number(store) == "10002"


def test_a_failed_save_does_not_use_up_the_number(store: Store) -> None:
    add_series(store, start_number="10001")
    with pytest.raises(RuntimeError), store.transaction() as session:
        take_number(session, "CUSTOMER")
        raise RuntimeError("the save failed")
    assert last_number(store) is None


def test_numbers_in_use_are_skipped(store: Store) -> None:
    add_series(store, start_number="10001")
    used = {"10001", "10002"}
    with store.transaction() as session:
        assert take_number(session, "CUSTOMER", in_use=used.__contains__) == "10003"


def test_end_number_and_manual_numbering_are_explained(store: Store) -> None:
    add_series(store, start_number="01", end_number="02", last_number="02")
    with store.transaction() as session, pytest.raises(NumberingError, match="is used up"):
        take_number(session, "CUSTOMER")
    with store.transaction() as session:
        session.scalars(select(NumberSeries)).one().manual_numbering = True
    with store.transaction() as session, pytest.raises(NumberingError, match="manual numbering"):
        take_number(session, "CUSTOMER")
    with store.transaction() as session, pytest.raises(NumberingError, match="no number series"):
        take_number(session, "INVOICE")
