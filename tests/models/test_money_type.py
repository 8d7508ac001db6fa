"""ExactDecimal: money is exact in the database on every dialect (DESIGN §3)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import Column, Dialect, Engine, Integer, MetaData, Table, func, insert, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import StatementError
from sqlalchemy.schema import CreateTable

from app.models.base import ExactDecimal
from app.models.database import make_engine

metadata = MetaData()
amounts = Table(
    "amounts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("amount", ExactDecimal(4)),
)


def postgresql() -> Dialect:
    return make_url("postgresql://").get_dialect()()


# The largest amount SQLite's 64-bit integers hold at four places.
SQLITE_MAX = Decimal("922337203685477.5807")


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine(f"sqlite:///{tmp_path / 'money.sqlite'}")
    metadata.create_all(engine)
    yield engine
    engine.dispose()


def store(engine: Engine, *values: object) -> None:
    with engine.begin() as connection:
        connection.execute(insert(amounts), [{"amount": value} for value in values])


def test_round_trip_is_exact_and_stored_as_integer(engine: Engine) -> None:
    values = [Decimal("0.1"), Decimal("-1234.5678"), Decimal("0"), Decimal("900000000000000.0001")]
    store(engine, *values)
    with engine.connect() as connection:
        loaded = connection.scalars(select(amounts.c.amount).order_by(amounts.c.id)).all()
        kinds = connection.scalars(text("SELECT DISTINCT typeof(amount) FROM amounts")).all()
    assert loaded == values
    assert all(isinstance(value, Decimal) for value in loaded)
    assert kinds == ["integer"], "SQLite must hold no floats for money"


def test_sum_is_an_exact_decimal(engine: Engine) -> None:
    store(engine, Decimal("0.1"), Decimal("0.2"))
    with engine.connect() as connection:
        total = connection.scalar(select(func.sum(amounts.c.amount)))
    assert isinstance(total, Decimal)
    assert total == Decimal("0.3")
    assert 0.1 + 0.2 != 0.3, "the float sum this guards against"


def test_sum_of_large_amounts_is_exact(engine: Engine) -> None:
    store(engine, Decimal("400000000000000.0001"), Decimal("400000000000000.0002"), "0.0004")
    with engine.connect() as connection:
        total = connection.scalar(select(func.sum(amounts.c.amount)))
    assert total == Decimal("800000000000000.0007")  # a double keeps ~0.1 at this size


def test_largest_sqlite_amount_round_trips(engine: Engine) -> None:
    store(engine, SQLITE_MAX, -SQLITE_MAX)
    with engine.connect() as connection:
        loaded = connection.scalars(select(amounts.c.amount).order_by(amounts.c.id)).all()
    assert loaded == [SQLITE_MAX, -SQLITE_MAX]


def test_text_and_integers_are_read_as_amounts(engine: Engine) -> None:
    store(engine, "1 234,50", 7)
    with engine.connect() as connection:
        loaded = connection.scalars(select(amounts.c.amount).order_by(amounts.c.id)).all()
    assert loaded == [Decimal("1234.5"), Decimal("7")]


def test_floats_are_refused(engine: Engine) -> None:
    with pytest.raises(StatementError) as refused:
        store(engine, 0.1)
    assert isinstance(refused.value.orig, TypeError)
    with engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(amounts)) == 0


def test_postgresql_column_is_numeric_19_4() -> None:
    ddl = str(CreateTable(amounts).compile(dialect=postgresql()))
    assert "amount NUMERIC(19, 4)" in ddl


def test_postgresql_binds_exact_decimals() -> None:
    dialect = postgresql()
    bound = ExactDecimal(4).process_bind_param(Decimal("12.3"), dialect)
    assert bound == Decimal("12.3000") and isinstance(bound, Decimal)
    assert ExactDecimal(4).process_result_value(Decimal("12.3"), dialect) == Decimal("12.3000")


def test_rounding_is_half_up_and_huge_amounts_are_refused_clearly() -> None:
    from sqlalchemy.dialects import sqlite

    money = ExactDecimal(4)
    dialect = sqlite.dialect()
    assert money.process_bind_param(Decimal("0.00005"), dialect) == 1  # half-up, not half-even
    assert money.process_bind_param(Decimal("0.00015"), dialect) == 2
    with pytest.raises(ValueError, match="beyond the largest amount"):
        money.process_bind_param(Decimal("1000000000000000"), dialect)
    # More digits than a decimal holds at four places: the same refusal, not a decimal trap.
    with pytest.raises(ValueError, match=r"^1000000000000000000000000000000 is beyond the larg"):
        money.process_bind_param(Decimal("1e30"), dialect)
