"""Money and other exact decimals: the one place where amounts are parsed, rounded and shown.

Amounts are ``Decimal`` from widget to PDF. Rounding happens here only, half-up (the way
invoices and statements are rounded by hand), so every screen and report agrees to the cent.

Typed numbers are read here and nowhere else (DESIGN.md §7): a text is taken exactly as the
number it says, or refused with the reason in words. Nordic users type ``1 500,50`` and English
ones ``1,500.50``; both are read. ``1,500`` is one thousand five hundred to one and one and a
half to the other, so it is refused with how to type either, never guessed.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

MONEY_PLACES = 2
STORE_PLACES = 4  # the store keeps four places so rates and unit prices survive a round trip
ROUNDING = ROUND_HALF_UP

# Characters that only ever group digits (never a decimal mark): spaces of every width and the
# Swiss apostrophes. A point or comma groups only where the text shows it cannot be the mark.
_GROUPING = " \u00a0\u202f'\u2019"
_MINUS = "-\u2212"  # Qt's Nordic locales write the minus sign as U+2212
_NUMBER_CHARACTERS = re.compile(r"[0-9.,\u00a0\u202f'\u2019 ]*[0-9][0-9.,\u00a0\u202f'\u2019 ]*")
_EXPONENT = re.compile(r"[0-9.,]*[0-9][0-9.,]*[eE][+-]?[0-9]+")
_NOT_FINITE = frozenset({"nan", "snan", "inf", "infinity"})
_GROUP_SPLIT = re.compile(r"[.,\u00a0\u202f'\u2019 ]")


class NotADecimalError(ValueError):
    """Raised when text cannot be read as an amount; the message says why, for the user."""


def quantum(places: int) -> Decimal:
    return Decimal(1).scaleb(-places)


def round_money(value: Decimal, places: int = MONEY_PLACES) -> Decimal:
    """Round an amount to ``places`` decimals, half-up."""
    return value.quantize(quantum(places), rounding=ROUNDING)


def decimals_of(value: Decimal | int) -> int:
    """How many decimals a value needs to be written exactly: 1.50 → 1, 0.00005 → 5, 12 → 0."""
    if isinstance(value, int) or not value.is_finite() or value.is_zero():
        return 0
    digits = value.as_tuple().digits
    exponent = int(value.as_tuple().exponent)
    trailing_zeros = len(digits) - len("".join(map(str, digits)).rstrip("0"))
    return max(0, -exponent - trailing_zeros)


def as_decimal(value: object) -> Decimal:
    """Convert a stored or typed value to Decimal; floats are refused because they are inexact."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, bool | float):
        raise TypeError(f"money must be Decimal, int or str, not {type(value).__name__}")
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, str):
        return parse_decimal(value)
    raise TypeError(f"cannot read {type(value).__name__} as money")


def parse_decimal(text: str, decimal_mark: str = ".") -> Decimal:
    """Read a number as a person types it: ``1 234,50``, ``1,234.50``, ``1234.5``, ``-12``.

    ``decimal_mark`` is the user's (their locale's, ``.`` or ``,``). Spaces (also non-breaking)
    and apostrophes group digits. With both a point and a comma, the last one is the decimal
    mark; a mark that appears more than once groups. Groups must be whole (``1 50`` is refused:
    a digit is missing or one too many). A single comma followed by exactly three digits, as in
    ``1,500``, is ambiguous and refused; so is a single point so followed where the user's own
    decimal mark is the comma (a Dane groups with points). Exponents (``1e30``), ``NaN`` and
    infinity are refused: no one types an amount so.
    """
    shown = text.strip()
    if not shown:
        raise NotADecimalError("empty")
    body = shown
    negative = body[0] in _MINUS
    if body[0] in _MINUS or body[0] == "+":
        body = body[1:].lstrip()
    if body.casefold() in _NOT_FINITE:
        raise NotADecimalError(f"'{shown}' is not a number.")
    if _EXPONENT.fullmatch(body):
        raise NotADecimalError(
            f"'{shown}' is written with an exponent: type the number in full, like 1500000."
        )
    if not _NUMBER_CHARACTERS.fullmatch(body):
        raise NotADecimalError(f"'{shown}' is not a number.")
    mark = _decimal_mark_of(shown, body, decimal_mark)
    whole, fraction = body, ""
    if mark:
        if body.count(mark) > 1:
            raise NotADecimalError(f"'{shown}' is not a number: it has two decimal marks.")
        whole, _, fraction = body.partition(mark)
    if fraction and not fraction.isdigit():
        raise NotADecimalError(f"'{shown}' is not a number: only digits follow the decimal mark.")
    groups = _GROUP_SPLIT.split(whole)
    if len(groups) > 1 and not (
        1 <= len(groups[0]) <= 3 and all(len(group) == 3 for group in groups[1:])
    ):
        raise NotADecimalError(
            f"'{shown}' is not a number: digits are grouped by three (like 1 234 567)."
        )
    digits = "".join(groups)
    if not (digits + fraction).isdigit():
        raise NotADecimalError(f"'{shown}' is not a number.")
    # Exactly the digits typed: ``12.50`` keeps its two places, ``12`` has none.
    return Decimal(f"{'-' if negative else ''}{digits or '0'}{'.' + fraction if fraction else ''}")


def _decimal_mark_of(shown: str, body: str, decimal_mark: str) -> str:
    """Which of point and comma is the decimal mark in ``body``; "" when neither is."""
    commas, points = body.count(","), body.count(".")
    if commas and points:
        return "," if body.rfind(",") > body.rfind(".") else "."
    if not (commas or points):
        return ""
    mark = "," if commas else "."
    if commas + points > 1:
        return ""  # 1,500,000 or 1.500.000: grouping only
    whole, _, fraction = body.partition(mark)
    grouped_otherwise = any(character in _GROUPING for character in body)
    could_group = (
        len(fraction) == 3
        and not grouped_otherwise
        and re.fullmatch(r"[1-9][0-9]{0,2}", whole) is not None
    )
    if could_group and (mark == "," or decimal_mark != "."):
        sign = "-" if shown[0] in _MINUS else ""
        fraction_part = fraction.rstrip("0") or "0"
        small = f"{sign}{whole}{decimal_mark if decimal_mark in ',.' else '.'}{fraction_part}"
        raise NotADecimalError(
            f"'{shown}' could mean {sign}{whole}{fraction} or {small}: "
            f"type {sign}{whole}{fraction} or {small} to say which."
        )
    return mark


def parse_whole(text: str, decimal_mark: str = ".") -> int:
    """Read a whole number (a count of days, a sort order) as a person types it; decimals,
    even ``.0``, are refused rather than dropped."""
    value = parse_decimal(text, decimal_mark)
    if value.as_tuple().exponent != 0:
        raise NotADecimalError(f"'{text.strip()}' is not a whole number: type it without decimals.")
    return int(value)


def format_decimal(value: Decimal | None, places: int = MONEY_PLACES) -> str:
    """Show an amount with a point as decimal mark and no grouping (what the user can type
    back): at least ``places`` decimals, and every further one the value has, so what is shown
    is what is stored."""
    if value is None:
        return ""
    if not value.is_finite():
        return str(value)
    # Formatting (unlike quantize) has no precision limit, and with enough places never rounds.
    shown_places = max(places, decimals_of(value))
    if shown_places == 3 and abs(value) < 1000:
        # ``1.125`` reads as one thousand one hundred and twenty-five where points group
        # digits, so parse_decimal refuses it there; ``1.1250`` is the same number, and no
        # one's thousands.
        shown_places = 4
    return f"{value:.{shown_places}f}"


# Characters parse_decimal takes as grouping in every locale; a locale grouping otherwise (or
# with its decimal mark) is shown ungrouped rather than in a form that would not read back.
_GROUP_MARKS = frozenset(" \u00a0\u202f'\u2019,.")


def format_grouped(
    value: Decimal | None, places: int = MONEY_PLACES, decimal_mark: str = ".", group: str = ""
) -> str:
    """Show an amount as the user's locale writes it — ``1 234 567,50`` for a Norwegian,
    ``1,234,567.50`` for an English user — with the same digits as ``format_decimal`` (never
    rounded: what is shown is what is stored). The text always reads back through
    ``parse_decimal`` with the same decimal mark to the same value; a form that would not (a
    whole number grouped by points, which reads as ambiguous) is shown ungrouped instead."""
    plain = format_decimal(value, places)
    if value is None or not value.is_finite():
        return plain
    mark = decimal_mark if decimal_mark in ",." else "."
    sign, digits = ("-", plain[1:]) if plain.startswith("-") else ("", plain)
    whole, _, fraction = digits.partition(".")
    if group and group in _GROUP_MARKS and group != mark and fraction:
        head = len(whole) % 3 or 3
        whole = group.join([whole[:head]] + [whole[i : i + 3] for i in range(head, len(whole), 3)])
    shown = f"{sign}{whole}{mark + fraction if fraction else ''}"
    try:
        if parse_decimal(shown, mark) == value:
            return shown
    except NotADecimalError:
        pass
    return plain.replace(".", mark) if mark == "," and fraction else plain
