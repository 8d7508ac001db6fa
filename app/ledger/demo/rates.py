"""The demo company's currency rates (CM301000): a SPOT rate on the first of every month of the
demo year for each of its other currencies in the base currency, drifting a little from month to
month, so its documents in euros and dollars are entered at the rate of their month and add up
in the base currency (app/ledger/currency_rates.py)."""

from __future__ import annotations

import bisect
import random
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy.orm import Session

from app.ledger.setup import RATE_TYPE, BaseConfiguration
from app.models import CurrencyRate

# Roughly what one unit is worth in euros (the demo's rates start here and drift).
IN_EUROS: dict[str, Decimal] = {
    "EUR": Decimal("1"),
    "USD": Decimal("0.92"),
    "GBP": Decimal("1.17"),
    "SEK": Decimal("0.088"),
    "NOK": Decimal("0.086"),
    "DKK": Decimal("0.134"),
    "CHF": Decimal("1.05"),
    "PLN": Decimal("0.23"),
}
# The month before the demo year (its first documents) to the month of its last day.
MONTHS = range(-1, 13)
PLACES = Decimal("0.0001")


@dataclass
class DemoRates:
    """The rates written, to enter the demo's documents at: currency id → (dates, rates)."""

    rate_type_id: int
    base_currency_id: int
    _dates: dict[int, list[date]] = field(default_factory=dict)
    _rates: dict[int, list[Decimal]] = field(default_factory=dict)

    def on(self, currency_id: int | None, day: date) -> Decimal | None:
        """The rate a document in ``currency_id`` dated ``day`` takes (None in the base
        currency)."""
        if currency_id is None or currency_id == self.base_currency_id:
            return None
        dates = self._dates[currency_id]
        index = bisect.bisect_right(dates, day) - 1
        if index < 0:
            raise ValueError(f"the demo has no rate on {day}")
        return self._rates[currency_id][index]


def add_rates(session: Session, config: BaseConfiguration, as_at: date, seed: int) -> DemoRates:
    """A SPOT rate a month for every currency of the company but the base one."""
    pick = random.Random(seed)
    currencies = config.ids["currency"]
    base = config.base_currency
    found = DemoRates(config.id_of("rate_type", RATE_TYPE), currencies[base])
    first = date(as_at.year - 1, as_at.month, 1)
    months = [_add_months(first, n) for n in MONTHS]
    for code, currency_id in sorted(currencies.items()):
        if code == base or code not in IN_EUROS or base not in IN_EUROS:
            continue
        level = IN_EUROS[code] / IN_EUROS[base]
        dates, rates = [], []
        for month in months:
            level *= Decimal(str(round(pick.uniform(0.98, 1.02), 4)))
            rate = level.quantize(PLACES)
            session.add(
                CurrencyRate(
                    currency_id=currency_id,
                    rate_type_id=found.rate_type_id,
                    to_currency_id=found.base_currency_id,
                    effective_date=month,
                    rate=rate,
                )
            )
            dates.append(month)
            rates.append(rate)
        found._dates[currency_id], found._rates[currency_id] = dates, rates
    session.flush()
    return found


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)
