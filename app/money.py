"""Money and other exact decimals: the one place where amounts are parsed, rounded and shown.

Amounts are ``Decimal`` from widget to PDF. Rounding happens here only, half-up (the way
invoices and statements are rounded by hand), so every screen and report agrees to the cent.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

MONEY_PLACES = 2
STORE_PLACES = 4  # the store keeps four places so rates and unit prices survive a round trip
ROUNDING = ROUND_HALF_UP


class NotADecimalError(ValueError):
    """Raised when text cannot be read as an amount."""


def quantum(places: int) -> Decimal:
    return Decimal(1).scaleb(-places)


def round_money(value: Decimal, places: int = MONEY_PLACES) -> Decimal:
    """Round an amount to ``places`` decimals, half-up."""
    return value.quantize(quantum(places), rounding=ROUNDING)


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


def parse_decimal(text: str) -> Decimal:
    """Read an amount as a person types it: ``1 234,50``, ``1234.50``, ``-12``.

    Spaces (also non-breaking) are digit grouping. A comma is the decimal mark when there is no
    point, as Nordic and Dutch users type it; with both, the last one is the decimal mark.
    """
    cleaned = text.strip().replace("\u00a0", "").replace("\u202f", "").replace(" ", "")
    if not cleaned:
        raise NotADecimalError("empty")
    if "," in cleaned and "." in cleaned:
        if cleaned.rfind(",") > cleaned.rfind("."):
            cleaned = cleaned.replace(".", "").replace(",", ".")
        else:
            cleaned = cleaned.replace(",", "")
    elif "," in cleaned:
        cleaned = cleaned.replace(",", ".")
    try:
        value = Decimal(cleaned)
    except InvalidOperation as exc:
        raise NotADecimalError(text) from exc
    if not value.is_finite():
        raise NotADecimalError(text)
    return value


def format_decimal(value: Decimal | None, places: int = MONEY_PLACES) -> str:
    """Show an amount with a point as decimal mark and no grouping (what the user can type back)."""
    if value is None:
        return ""
    try:
        return f"{round_money(value, places):f}"
    except InvalidOperation:
        # More digits than a decimal holds once rounded (1e30): far beyond any amount stored,
        # shown exactly as typed so the save can refuse it by name.
        return f"{value:f}"
