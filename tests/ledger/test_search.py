"""Search-line filters against a real SQLite table (the store's engine, with its casefold)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import (
    Boolean,
    Column,
    ColumnElement,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    insert,
    select,
)
from sqlalchemy import Enum as SqlEnum
from sqlalchemy.dialects import postgresql

from app.ledger.search import (
    Comparison,
    SearchSyntaxError,
    TextSearch,
    checkbox_condition,
    fold,
    number_condition,
    option_condition,
    text_condition,
)
from app.models import CustomerStatus
from app.models.base import ExactDecimal
from app.models.database import make_engine

metadata = MetaData()
party = Table(
    "party",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(255)),
    Column("balance", ExactDecimal()),
    Column("visits", Integer),
    Column("status", SqlEnum(CustomerStatus, native_enum=False, length=40)),
    Column("vip", Boolean),
)

ROWS: list[dict[str, Any]] = [
    dict(id=1, name="Nordic Trading AS", balance=Decimal("100.00"), visits=3),
    dict(id=2, name="Trading Nordic Oy", balance=Decimal("250.50"), visits=10),
    dict(id=3, name="Nord Øst Trading", balance=Decimal("-20.00"), visits=0),
    dict(id=4, name="Bergen Fisk & Trading", balance=Decimal("99.99"), visits=7),
    dict(id=5, name="Ål Élan_Byrå", balance=None, visits=None),
    dict(id=6, name="Ål ÉlanXByrå", balance=Decimal("0"), visits=1),
    dict(id=7, name="Back\\slash 50% off", balance=Decimal("100"), visits=2),
    dict(id=8, name=None, balance=Decimal("1000000.25"), visits=100),
]
STATUS = {1: "ACTIVE", 2: "ON_HOLD", 3: "INACTIVE", 4: "ACTIVE", 5: "CREDIT_HOLD"}
VIP = {1: True, 2: False, 4: True, 6: False}


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[Engine]:
    engine = make_engine(f"sqlite:///{tmp_path / 'search.sqlite'}")
    metadata.create_all(engine)
    rows = [
        {**row, "status": STATUS.get(row["id"], "ACTIVE"), "vip": VIP.get(row["id"])}
        for row in ROWS
    ]
    with engine.begin() as connection:
        connection.execute(insert(party), rows)
    yield engine
    engine.dispose()


def ids(engine: Engine, condition: ColumnElement[bool] | None) -> list[int]:
    statement = select(party.c.id).order_by(party.c.id)
    if condition is not None:
        statement = statement.where(condition)
    with engine.connect() as connection:
        return list(connection.scalars(statement))


def names(engine: Engine, text: str) -> list[int]:
    return ids(engine, text_condition(party.c.name, text))


# -- text: the seed's rules ---------------------------------------------------------------


def test_one_word_is_contained_anywhere(engine: Engine) -> None:
    assert names(engine, "trading") == [1, 2, 3, 4]
    assert names(engine, "nord") == [1, 2, 3]


def test_space_means_all_words_in_any_order(engine: Engine) -> None:
    assert names(engine, "nordic trading") == [1, 2]
    assert names(engine, "trading nordic") == [1, 2]
    assert names(engine, "  trading   fisk ") == [4]


def test_percent_means_words_in_this_order_with_wildcard(engine: Engine) -> None:
    assert names(engine, "nordic%trading") == [1]
    assert names(engine, "trading%nordic") == [2]
    assert names(engine, "nord%trading") == [1, 3]
    assert names(engine, "b%n%f") == [4]  # % is a wildcard inside words too


def test_with_percent_spaces_are_literal(engine: Engine) -> None:
    assert names(engine, "nordic trading%as") == [1]
    assert names(engine, "trading nordic%as") == []


def test_case_is_ignored_beyond_ascii(engine: Engine) -> None:
    assert names(engine, "øst") == [3]
    assert names(engine, "ØST") == [3]
    assert names(engine, "NORD øST") == [3]
    assert names(engine, "ål élan") == [5, 6]
    assert names(engine, "ÅL%ÉLAN") == [5, 6]
    assert names(engine, "BYRÅ") == [5, 6]


def test_like_specials_are_literal(engine: Engine) -> None:
    assert names(engine, "élan_byrå") == [5]  # _ is not a one-character wildcard
    assert names(engine, "back\\slash") == [7]
    assert names(engine, "\\") == [7]
    assert names(engine, "&") == [4]


def test_empty_text_asks_for_nothing(engine: Engine) -> None:
    assert text_condition(party.c.name, "") is None
    assert text_condition(party.c.name, "   \t") is None
    assert TextSearch.parse(" ") is None


def test_text_search_patterns() -> None:
    assert TextSearch.parse("Nordic  Trading") == TextSearch(("%nordic%", "%trading%"))
    assert TextSearch.parse(" Nordic%Trading ") == TextSearch(("%nordic%trading%",))
    assert TextSearch.parse("a_b") == TextSearch(("%a\\_b%",))


def test_text_search_on_a_number_column_reads_its_text(engine: Engine) -> None:
    assert ids(engine, text_condition(party.c.visits, "10")) == [2, 8]


def test_fold_renders_lower_on_other_dialects() -> None:
    sql = str(fold(party.c.name).compile(dialect=postgresql.dialect()))  # type: ignore[no-untyped-call]
    assert sql == "lower(party.name)"


# -- numbers and money --------------------------------------------------------------------


def money(engine: Engine, text: str) -> list[int]:
    return ids(engine, number_condition(party.c.balance, text, "Balance"))


def test_money_comparisons(engine: Engine) -> None:
    assert money(engine, "100") == [1, 7]
    assert money(engine, "=100.00") == [1, 7]
    assert money(engine, ">100") == [2, 8]
    assert money(engine, ">= 100") == [1, 2, 7, 8]
    assert money(engine, "<0") == [3]
    assert money(engine, "<=0") == [3, 6]
    assert money(engine, "<>100") == [2, 3, 4, 6, 8]  # an empty amount is neither
    assert money(engine, "99,99") == [4]  # decimal comma
    assert money(engine, "1 000 000,25") == [8]


def test_money_range_includes_both_ends(engine: Engine) -> None:
    assert money(engine, "99.99..250,50") == [1, 2, 4, 7]
    assert money(engine, "250.50..99.99") == [1, 2, 4, 7]
    assert money(engine, "-50..0") == [3, 6]


def test_integer_column(engine: Engine) -> None:
    def visits(text: str) -> list[int]:
        return ids(engine, number_condition(party.c.visits, text, "Visits", whole=True))

    assert visits("10") == [2]
    assert visits(">5") == [2, 4, 8]
    assert visits("1..3") == [1, 6, 7]
    with pytest.raises(SearchSyntaxError, match="whole number"):
        visits("2.5")


@pytest.mark.parametrize("text", ["abc", ">", "1..", "..5", ">>5", "5 kr", "1..2..3", "=<5"])
def test_unreadable_number_names_the_column_and_what_is_accepted(text: str) -> None:
    with pytest.raises(SearchSyntaxError) as caught:
        number_condition(party.c.balance, text, "Balance")
    message = str(caught.value)
    assert message.startswith("Balance:")
    assert text in message
    assert ">=100" in message and "100..200" in message


def test_empty_number_asks_for_nothing() -> None:
    assert number_condition(party.c.balance, "  ", "Balance") is None


def test_a_number_filter_is_read_by_the_users_decimal_mark() -> None:
    assert Comparison.parse(">1.500", "X") == Comparison(">", Decimal("1.5"))
    # Ambiguous (1500 or 1.5?): refused with the column named, never guessed.
    for text, mark in (("1,500", "."), ("1,500", ","), ("1.500", ",")):
        with pytest.raises(SearchSyntaxError, match=r"^X: cannot search for"):
            Comparison.parse(text, "X", decimal_mark=mark)
    assert Comparison.parse("1 500,5", "X", decimal_mark=",") == Comparison("=", Decimal("1500.5"))


def test_comparison_parse() -> None:
    assert Comparison.parse("<> 5", "X") == Comparison("<>", Decimal(5))
    assert Comparison.parse("!=5", "X") == Comparison("<>", Decimal(5))
    assert Comparison.parse("-3", "X") == Comparison("=", Decimal(-3))
    assert Comparison.parse("1,5..2", "X") == Comparison("..", Decimal("1.5"), Decimal(2))


# -- option lists and check boxes ---------------------------------------------------------


def test_option_filter_by_member_names(engine: Engine) -> None:
    assert ids(engine, option_condition(party.c.status, {"ACTIVE"})) == [1, 4, 6, 7, 8]
    assert ids(engine, option_condition(party.c.status, {"ON_HOLD", "CREDIT_HOLD"})) == [2, 5]
    assert ids(engine, option_condition(party.c.status, [CustomerStatus.INACTIVE])) == [3]
    assert option_condition(party.c.status, set()) is None
    assert option_condition(party.c.status, None) is None


def test_checkbox_filter(engine: Engine) -> None:
    assert ids(engine, checkbox_condition(party.c.vip, True)) == [1, 4]
    assert ids(engine, checkbox_condition(party.c.vip, False)) == [2, 3, 5, 6, 7, 8]
    assert checkbox_condition(party.c.vip, None) is None
