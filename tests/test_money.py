"""Reading typed numbers (app/money.py): taken exactly, or refused with the reason (DESIGN §7)."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from app.money import NotADecimalError as Refused
from app.money import decimals_of, format_decimal, parse_decimal, parse_whole

NBSP, NARROW_NBSP, MINUS = "\u00a0", "\u202f", "\u2212"


@pytest.mark.parametrize("mark", [".", ","])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1234.5", "1234.5"),
        ("12,5", "12.5"),  # a comma with one, two or four+ digits is a decimal comma
        ("12,50", "12.50"),
        ("0,0001", "0.0001"),
        ("1 500,50", "1500.50"),  # Nordic: grouping spaces, decimal comma
        (f"1{NBSP}500,50", "1500.50"),
        (f"12{NARROW_NBSP}345{NARROW_NBSP}678,9", "12345678.9"),
        ("1,500.50", "1500.50"),  # English: grouping commas, decimal point
        ("1.500,50", "1500.50"),  # German/Danish: grouping points, decimal comma
        ("1,234,567", "1234567"),  # one mark several times: it groups
        ("1.234.567", "1234567"),
        ("1 500,000", "1500.000"),  # grouped by spaces, so the comma is the decimal mark
        ("1234,567", "1234.567"),  # four digits before: the comma cannot group
        ("0,500", "0.500"),  # nor after a lone zero
        ("1'234.50", "1234.50"),  # Swiss
        ("-12", "-12"),
        ("  -1 234,5 ", "-1234.5"),
        (f"{MINUS}12,5", "-12.5"),  # Qt's Nordic locales write the minus sign so
        ("+7", "7"),
        (",5", "0.5"),
        ("5.", "5"),
        ("0.00005", "0.00005"),  # read exactly; whether a field takes so many is its rule
        ("123456789012345678901234567890", "123456789012345678901234567890"),
    ],
)
def test_a_number_is_read_exactly_in_either_locale(text: str, expected: str, mark: str) -> None:
    value = parse_decimal(text, mark)
    assert value == Decimal(expected)
    assert str(value) == expected  # the places typed, no more and no fewer


@pytest.mark.parametrize("text", ["1,500", "-1,500", "12,345", "999,000"])
@pytest.mark.parametrize("mark", [".", ","])
def test_a_single_comma_before_three_digits_is_ambiguous_in_every_locale(
    text: str, mark: str
) -> None:
    with pytest.raises(Refused) as refused:
        parse_decimal(text, mark)
    whole = text.replace(",", "")
    message = str(refused.value)
    assert f"'{text}' could mean {whole} or " in message
    assert f"type {whole} or " in message  # says how to type each meaning


def test_the_ambiguity_message_names_both_readings_the_users_way() -> None:
    with pytest.raises(Refused, match=r"^'1,500' could mean 1500 or 1\.5: type 1500 or 1\.5"):
        parse_decimal("1,500", ".")
    with pytest.raises(Refused, match=r"^'1,500' could mean 1500 or 1,5: type 1500 or 1,5"):
        parse_decimal("1,500", ",")


def test_a_point_before_three_digits_is_a_decimal_point_only_where_the_user_writes_one() -> None:
    assert parse_decimal("1.500", ".") == Decimal("1.5")
    # A Nordic or German user may group with points: 1.500 is then 1500 or 1,5.
    with pytest.raises(Refused, match=r"'1\.500' could mean 1500 or 1,5"):
        parse_decimal("1.500", ",")


@pytest.mark.parametrize("text", ["1e30", "1E+20", "2.5e-3", "-1e3", "1,5e2"])
def test_exponent_notation_is_not_an_amount_a_person_types(text: str) -> None:
    with pytest.raises(Refused, match="exponent: type the number in full"):
        parse_decimal(text)


@pytest.mark.parametrize("text", ["NaN", "nan", "sNaN", "inf", "-Infinity", "+inf"])
def test_not_a_number_and_infinity_are_refused(text: str) -> None:
    with pytest.raises(Refused, match=re.escape(f"'{text}' is not a number.")):
        parse_decimal(text)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("12x", "is not a number"),
        ("5 kr", "is not a number"),
        ("-", "is not a number"),
        ("--5", "is not a number"),
        ("1 50", "grouped by three"),  # a digit missing or one too many
        ("1,50.25", "grouped by three"),
        ("12 3456", "grouped by three"),
        ("1.500,000,50", "two decimal marks"),
        ("1,5 0", "only digits follow the decimal mark"),
        ("٣", "is not a number"),  # digits of another script are not read as ours
    ],
)
def test_unreadable_text_is_refused_with_the_reason(text: str, reason: str) -> None:
    with pytest.raises(Refused, match=reason):
        parse_decimal(text)


def test_blank_is_no_number() -> None:
    with pytest.raises(Refused):
        parse_decimal("  ")


def test_whole_numbers() -> None:
    assert parse_whole("1 500") == 1500
    assert parse_whole("-3") == -3
    assert parse_whole("1,234,567") == 1234567
    for text in ("2.5", "5.0", "1.000"):  # decimals are refused, not dropped
        with pytest.raises(Refused, match="not a whole number"):
            parse_whole(text)
    with pytest.raises(Refused, match="could mean"):
        parse_whole("1,500")


def test_decimals_of_counts_what_the_value_needs() -> None:
    assert decimals_of(Decimal("1.50")) == 1
    assert decimals_of(Decimal("65.5000")) == 1
    assert decimals_of(Decimal("0.00005")) == 5
    assert decimals_of(Decimal("1E+3")) == 0
    assert decimals_of(12) == 0
    assert decimals_of(Decimal("0E-4")) == 0  # a stored zero


def test_an_amount_is_shown_as_stored_never_rounded() -> None:
    assert format_decimal(Decimal("65.5000")) == "65.50"
    assert format_decimal(Decimal("12")) == "12.00"
    assert format_decimal(Decimal("0.00005")) == "0.00005"  # not 0.00
    assert format_decimal(Decimal("1.005")) == "1.0050"  # not 1.01 (nor one thousand and five)
    assert format_decimal(Decimal("1234.005")) == "1234.005"  # no one groups 1234 so
    assert format_decimal(Decimal("1" * 35)) == "1" * 35 + ".00"
    assert format_decimal(Decimal("1e30")) == "1" + "0" * 30 + ".00"  # too long to round: exact
    assert format_decimal(None) == ""


@pytest.mark.parametrize(
    "value", ["1500.50", "-0.01", "922337203685477.58", "0.00005", "1000", "12.345", "-1.125"]
)
@pytest.mark.parametrize("mark", [".", ","])
def test_what_is_shown_reads_back_as_the_same_number(value: str, mark: str) -> None:
    # An amount with exactly three decimals is shown with a fourth zero (12.3450): "12.345"
    # would be refused as ambiguous where the user's decimal mark is the comma.
    shown = format_decimal(Decimal(value))
    assert parse_decimal(shown, mark) == Decimal(value)
