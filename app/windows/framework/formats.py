"""How amounts and dates are shown on screen: as the user's locale (the application's QLocale)
writes them — thousands grouped, its decimal mark, its date order with the year in full. The
values themselves are never rounded (app/money.py), and what is shown reads back as typed
(widgets.read_date, money.parse_decimal). The C locale (no locale chosen: a bare container, the
tests) shows the plain forms: ``224163.59`` and ``2025-03-31``.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from PySide6.QtCore import QDate, QLocale

from app.money import MONEY_PLACES, format_decimal, format_grouped


def is_plain(locale: QLocale) -> bool:
    return locale.language() == QLocale.Language.C


def decimal_mark(locale: QLocale | None = None) -> str:
    """The user's decimal mark, ``.`` or ``,``."""
    return "," if (locale or QLocale()).decimalPoint() == "," else "."


def amount_text(
    value: Decimal | None, places: int = MONEY_PLACES, locale: QLocale | None = None
) -> str:
    """An amount as the user's locale writes it (every decimal it has, never rounded)."""
    locale = locale or QLocale()
    if is_plain(locale):
        return format_decimal(value, places)
    return format_grouped(value, places, decimal_mark(locale), locale.groupSeparator())


def date_format(locale: QLocale | None = None) -> str:
    """The locale's short date format with the year in full (a two-digit year is not read)."""
    locale = locale or QLocale()
    own = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in own:
        own = own.replace("yy", "yyyy")
    return own


def date_text(value: date, locale: QLocale | None = None) -> str:
    locale = locale or QLocale()
    if is_plain(locale):
        return value.isoformat()
    return locale.toString(QDate(value.year, value.month, value.day), date_format(locale))


def datetime_text(value: datetime, locale: QLocale | None = None) -> str:
    """A date and time to the minute: the date as ``date_text`` writes it, then ``hh:mm``."""
    return f"{date_text(value.date(), locale)} {value:%H:%M}"


def duration_text(minutes: int) -> str:
    """Whole minutes as hours and minutes: ``90`` → ``1:30`` (``-0:30`` for a negative)."""
    sign = "-" if minutes < 0 else ""
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours}:{rest:02d}"
