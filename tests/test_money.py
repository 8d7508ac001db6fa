"""Amounts as shown (app/money.py)."""

from __future__ import annotations

from decimal import Decimal

from app.money import format_decimal


def test_amounts_are_shown_rounded_half_up_with_a_point() -> None:
    assert format_decimal(Decimal("1234.565")) == "1234.57"
    assert format_decimal(Decimal("12.3"), 4) == "12.3000"
    assert format_decimal(None) == ""


def test_an_amount_too_long_to_round_is_shown_exactly_as_typed() -> None:
    # 1e30 at two places needs more digits than a decimal holds; the save refuses it by name.
    assert format_decimal(Decimal("1e30")) == "1" + "0" * 30
    assert format_decimal(Decimal("-1e30")) == "-1" + "0" * 30
