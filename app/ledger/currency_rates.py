"""Currency rates (CM301000): what one unit of a currency is worth in another, by rate type and
effective date, and the conversion of document amounts into the base currency.

A rate holds from its effective date until the next rate of the same currency pair and rate
type: the rate of a document is the latest one effective on or before its date. A document in
another currency than the base one keeps the rate it was entered at (``ArDocument.currency_rate``),
so its base-currency value never moves when later rates are typed; a document in the base
currency has no rate. Each document's amount is converted and rounded to the base currency's
decimals on its own (as a ledger posts it), then summed: two screens adding the same documents
always agree to the cent.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.ledger.currencies import base_currency
from app.ledger.records import FieldError
from app.ledger.reference import ReferenceService
from app.models import PREFERENCES_ID, Currency, CurrencyRate, Preferences, RateType
from app.money import MONEY_PLACES, round_money

RATES = "rates"  # the Currency rates grid of a currency


class RateMissingError(Exception):
    """No rate converts the document's currency on its date; the message says which to enter."""


def effective_rate(
    session: Session, currency_id: int, to_currency_id: int, rate_type_id: int, on: date
) -> Decimal | None:
    """The rate of ``currency_id`` in ``to_currency_id`` by the rate type on ``on``: the latest
    one effective on or before that day (None when there is none)."""
    return session.scalar(
        select(CurrencyRate.rate)
        .where(
            CurrencyRate.currency_id == currency_id,
            CurrencyRate.to_currency_id == to_currency_id,
            CurrencyRate.rate_type_id == rate_type_id,
            CurrencyRate.effective_date <= on,
        )
        .order_by(CurrencyRate.effective_date.desc())
        .limit(1)
    )


def base_currency_row(session: Session) -> Currency | None:
    code = base_currency(session)
    if code is None:
        return None
    return session.scalar(select(Currency).where(Currency.currency_id == code))


def base_places(session: Session) -> int:
    """The decimals of base-currency amounts (two when the company has no base currency yet)."""
    found = base_currency_row(session)
    return found.decimal_places if found is not None else MONEY_PLACES


def in_base(session: Session, currency_id: int | None) -> bool:
    """Whether amounts in ``currency_id`` are base-currency amounts (no currency, or no base
    currency set up yet, counts as the base one)."""
    base = base_currency_row(session)
    return currency_id is None or base is None or currency_id == base.id


def document_rate(
    session: Session, currency_id: int | None, rate_type_id: int | None, on: date
) -> Decimal | None:
    """The rate a document in ``currency_id`` dated ``on`` is entered at: None in the base
    currency; RateMissingError, naming the currency, rate type and date, when no rate is kept."""
    base = base_currency_row(session)
    if currency_id is None or base is None or currency_id == base.id:
        return None
    currency = session.get_one(Currency, currency_id)
    rate_type = session.get(RateType, rate_type_id) if rate_type_id is not None else None
    if rate_type is None:
        raise RateMissingError(
            f"a document in {currency.currency_id} needs a currency rate type to convert it to "
            f"{base.currency_id}: give the customer (or its class) a Currency rate type."
        )
    rate = effective_rate(session, currency_id, base.id, rate_type.id, on)
    if rate is None:
        raise RateMissingError(
            f"no {rate_type.rate_type_id} rate of {currency.currency_id} in {base.currency_id} "
            f"is effective on {on.isoformat()}: enter one on Currency rates (CM301000)."
        )
    return rate


def to_base(amount: Decimal, rate: Decimal | None, places: int) -> Decimal:
    """An amount in the base currency: converted at ``rate`` (none: it is in the base currency
    already) and rounded half-up to the base currency's decimals."""
    return amount if rate is None else round_money(amount * rate, places)


def realised_gain_loss(
    amount: Decimal, credit_rate: Decimal | None, debit_rate: Decimal | None, places: int
) -> Decimal:
    """What applying ``amount`` of a payment or credit to a debt gained (positive) or lost in
    the base currency: the payment is worth more or less than the debt it pays when the two
    were entered at different rates. Zero in the base currency."""
    return to_base(amount, credit_rate, places) - to_base(amount, debit_rate, places)


def base_total(signed_amounts: Iterable[tuple[Decimal, Decimal | None]], places: int) -> Decimal:
    """The sum in the base currency of (signed amount, rate) pairs, each converted on its own."""
    return sum((to_base(amount, rate, places) for amount, rate in signed_amounts), Decimal(0))


class CurrencyRatesService(ReferenceService[Currency]):
    """A currency's rates (CM301000), checked by ``rate_errors``."""

    def new_row(self, grid_key: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
        """A new rate of the kind of the last one (its rate type, into its currency); the first
        one into the base currency by AR101000's Default rate type."""
        row = super().new_row(grid_key, rows)
        if grid_key != RATES:
            return row
        if rows:
            last = rows[-1]
            return row | {key: last.get(key) for key in ("currency_rate_type", "to_currency")}
        with self.store.session() as session:
            base = base_currency_row(session)
            prefs = session.get(Preferences, PREFERENCES_ID)
            return row | {
                "to_currency": base.id if base is not None else None,
                "currency_rate_type": prefs.default_rate_type_id if prefs is not None else None,
            }

    def check_record(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        return rate_errors(values.get(RATES) or [], record_id)


def rate_errors(rows: Iterable[Mapping[str, Any]], currency_id: int | None) -> list[FieldError]:
    """A rate must be above zero, into another currency; one rate per rate type, currency and
    day."""
    errors: list[FieldError] = []
    seen: set[tuple[Any, Any, Any]] = set()
    for number, row in enumerate(rows, start=1):
        rate = row.get("currency_rate")
        if isinstance(rate, Decimal) and rate <= 0:
            problem = f"row {number}, Currency rate: must be above 0."
            errors.append(FieldError(RATES, "Currency rates", problem))
        if currency_id is not None and row.get("to_currency") == currency_id:
            errors.append(
                FieldError(
                    RATES, "Currency rates", f"row {number}: a currency has no rate in itself."
                )
            )
        key = (
            row.get("currency_rate_type"),
            row.get("to_currency"),
            row.get("currency_effective_date"),
        )
        if None not in key:
            if key in seen:
                errors.append(
                    FieldError(
                        RATES,
                        "Currency rates",
                        f"row {number}: a rate of this rate type and currency is already "
                        "effective on that date.",
                    )
                )
            seen.add(key)
    return errors
