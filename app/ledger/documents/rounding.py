"""Rounding of invoice totals (AR101000: Rounding rule for invoices, Rounding precision) and the
decimals of a document's currency.

The rule applies to the document's total, the same for every currency (seed: "the rounding rules
and the rounding precision that you specify for invoices are the same for all currencies"): Use
currency precision rounds half-up to the currency's decimal places; Nearest, Up and Down round to
a multiple of the precision. Lines keep what was typed; the amount is the rounded total.
"""

from __future__ import annotations

from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal

from app.models.preferences import RoundingPrecision, RoundingRule
from app.money import quantum

MODES = {
    RoundingRule.NEAREST: ROUND_HALF_UP,
    RoundingRule.UP: ROUND_CEILING,
    RoundingRule.DOWN: ROUND_FLOOR,
}


def rounded_total(
    total: Decimal,
    rule: RoundingRule,
    precision: RoundingPrecision | None,
    currency_places: int,
) -> Decimal:
    """The invoice total by the rounding rule (always within the currency's places)."""
    if rule == RoundingRule.USE_CURRENCY_PRECISION or precision is None:
        return total.quantize(quantum(currency_places), rounding=ROUND_HALF_UP)
    step = Decimal(precision.value)
    units = (total / step).quantize(Decimal(1), rounding=MODES[rule])
    return (units * step).quantize(quantum(currency_places), rounding=ROUND_HALF_UP)


def places_problem(amount: Decimal, places: int, currency: str) -> str | None:
    """An amount with more decimals than its currency has is refused, never rounded in silence."""
    if amount != amount.quantize(quantum(places), rounding=ROUND_HALF_UP):
        return f"{amount} has more decimals than {currency} has ({places})."
    return None
