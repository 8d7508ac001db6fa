"""Amounts and dates as the customer's document language writes them (a small table of the
locales the product family prints in; anything else is written the ISO way with English
numbers)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from app.money import decimals_of


@dataclass(frozen=True)
class Format:
    decimal: str
    group: str
    date_pattern: str  # strftime

    def amount(self, value: Decimal, places: int = 2) -> str:
        """``value`` with at least ``places`` decimals and every further one it has, grouped:
        exactly the amount the ledger holds (amounts are rounded once, in app/money.py, when
        they are made; printing never rounds them again)."""
        fixed = f"{abs(value):,.{max(places, decimals_of(value))}f}"
        whole, _, fraction = fixed.partition(".")
        text = whole.replace(",", self.group) + (self.decimal + fraction if fraction else "")
        return ("-" if value < 0 else "") + text

    def read(self, text: str) -> Decimal:
        """An amount as ``amount`` writes it, read back (what a printed statement says)."""
        body = text.strip()
        negative = body.startswith("-")
        whole, _, fraction = body.lstrip("-").partition(self.decimal)
        digits = whole.replace(self.group, "")
        if not digits.isdigit() or (fraction and not fraction.isdigit()):
            raise ValueError(f"{text!r} is not an amount written {self.decimal!r}/{self.group!r}")
        return Decimal(f"{'-' if negative else ''}{digits}{'.' + fraction if fraction else ''}")

    def day(self, value: date | None) -> str:
        return value.strftime(self.date_pattern) if value else ""


# Thin space would be correct for the Nordic group separator; a plain space prints everywhere.
FORMATS = {
    "nb": Format(",", " ", "%d.%m.%Y"),
    "nn": Format(",", " ", "%d.%m.%Y"),
    "no": Format(",", " ", "%d.%m.%Y"),
    "da": Format(",", ".", "%d.%m.%Y"),
    "sv": Format(",", " ", "%Y-%m-%d"),
    "fi": Format(",", " ", "%d.%m.%Y"),
    "de": Format(",", ".", "%d.%m.%Y"),
    "nl": Format(",", ".", "%d-%m-%Y"),
    "fr": Format(",", " ", "%d/%m/%Y"),
    "en-GB": Format(".", ",", "%d/%m/%Y"),
    "en-US": Format(".", ",", "%m/%d/%Y"),
}
DEFAULT = Format(".", ",", "%Y-%m-%d")


def format_for(locale: str | None) -> Format:
    if not locale:
        return DEFAULT
    return FORMATS.get(locale) or FORMATS.get(locale.split("-")[0].lower()) or DEFAULT


# Countries that use US Letter paper rather than A4.
LETTER_COUNTRIES = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "GT", "CR", "PA", "DO"})
