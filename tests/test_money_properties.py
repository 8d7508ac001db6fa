"""Money, property-based (issue 18 item 8): any amount the ledger stores, with any currency's
decimal places, survives exactly the way from the text a user types through the widget to the
store and back, in both decimal-mark conventions. Hypothesis draws the amounts (seeded from the
test's name, so a run is repeatable)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.ledger.fields import Field, Kind
from app.models import Customer
from app.models.base import ExactDecimal
from app.models.database import Store
from app.money import STORE_PLACES, format_decimal, parse_decimal, round_money
from app.windows.framework import widgets
from app.windows.framework.widgets import DecimalEditor

LIMIT = ExactDecimal().limit
# The places of the currencies the ledger meets (ISO 4217: JPY 0, NOK 2, KWD 3) and the
# store's own four.
PLACES = st.sampled_from([0, 2, 3, STORE_PLACES])


@st.composite
def amounts(draw: st.DrawFn) -> tuple[Decimal, int]:
    places = draw(PLACES)
    units = draw(
        st.integers(min_value=-int(LIMIT.scaleb(places)), max_value=int(LIMIT.scaleb(places)))
    )
    return Decimal(units).scaleb(-places), places


FAST = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
    derandomize=True,
)


@FAST
@given(amounts(), st.sampled_from([".", ","]))
def test_what_is_shown_reads_back_exactly_in_either_convention(
    drawn: tuple[Decimal, int], mark: str
) -> None:
    amount, places = drawn
    shown = format_decimal(amount, places)
    text = shown.replace(".", mark) if mark == "," else shown
    assert parse_decimal(text, mark) == amount


@FAST
@given(amounts(), st.sampled_from([".", ","]))
def test_the_money_editor_shows_and_reads_an_amount_exactly(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, drawn: tuple[Decimal, int], mark: str
) -> None:
    amount, places = drawn
    monkeypatch.setattr(widgets, "decimal_mark", lambda: mark)
    editor = DecimalEditor(Field("credit_limit", "Credit limit", Kind.MONEY, places=places))
    qtbot.addWidget(editor)
    editor.set_value(amount)
    assert editor.value() == amount
    editor.setText(editor.text())  # typed back as shown
    assert editor.value() == amount


@pytest.fixture
def customer(store: Store) -> Iterator[int]:
    with store.transaction() as session:
        row = Customer(customer_no="10001", name="Fjord Fisk AS")
        session.add(row)
        session.flush()
        customer_id = row.id
    yield customer_id


@FAST
@given(amounts())
def test_the_store_keeps_an_amount_exactly(
    store: Store, customer: int, drawn: tuple[Decimal, int]
) -> None:
    amount, _places = drawn
    with store.transaction() as session:
        row = session.get(Customer, customer)
        assert row is not None
        row.credit_limit = amount
    with store.session() as session:
        stored = session.scalar(select(Customer.credit_limit).where(Customer.id == customer))
    assert stored == amount


@FAST
@given(st.decimals(min_value=-(10**9), max_value=10**9, places=6), st.sampled_from([0, 2, 3]))
def test_rounding_is_half_up_and_once(value: Decimal, places: int) -> None:
    rounded = round_money(value, places)
    assert abs(rounded - value) <= Decimal(1).scaleb(-places) / 2
    assert round_money(rounded, places) == rounded  # rounding a rounded amount changes nothing
    halfway = Decimal(5).scaleb(-places - 1)
    assert round_money(halfway, places) == Decimal(1).scaleb(-places)  # half goes up
    assert round_money(-halfway, places) == -Decimal(1).scaleb(-places)  # away from zero
