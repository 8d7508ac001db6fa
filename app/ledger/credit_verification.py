"""Credit verification rules: which of a rule's amounts and days it uses.

Days past due uses Credit days past due; Credit limit uses Credit limit (and Amount over
limit, the margin allowed over it); Limit and days past due applies both; Disabled uses none.
"""

from __future__ import annotations

from typing import Any

from app.models.options import CreditVerification

USES_CREDIT_LIMIT = frozenset(
    {CreditVerification.CREDIT_LIMIT, CreditVerification.LIMIT_AND_DAYS_PAST_DUE}
)
USES_DAYS_PAST_DUE = frozenset(
    {CreditVerification.DAYS_PAST_DUE, CreditVerification.LIMIT_AND_DAYS_PAST_DUE}
)


def uses_credit_limit(rule: Any) -> bool:
    """Credit limit and Amount over limit count only for a rule checking the limit."""
    return rule in USES_CREDIT_LIMIT


def uses_days_past_due(rule: Any) -> bool:
    return rule in USES_DAYS_PAST_DUE
