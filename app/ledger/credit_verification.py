"""Credit verification rules: which of a rule's amounts and days it uses.

Days past due uses Credit days past due; Credit limit uses Credit limit (and Amount over
limit, the margin allowed over it); Limit and days past due applies both; Disabled uses none.
"""

from __future__ import annotations

from typing import Any

from app.ledger.fields import Field, Kind, Values
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


def _credit_limit_used(values: Values) -> bool:
    return uses_credit_limit(values.get("credit_verification"))


def _days_past_due_used(values: Values) -> bool:
    return uses_days_past_due(values.get("credit_verification"))


# The credit verification settings a class gives its customers and a customer has: one meaning.
CREDIT_VERIFICATION = Field(
    "credit_verification",
    "Credit verification",
    Kind.OPTION,
    options=CreditVerification,
    required=True,
)
CREDIT_LIMIT = Field(
    "credit_limit", "Credit limit", Kind.MONEY, minimum=0, enabled_when=_credit_limit_used
)
AMOUNT_OVER_LIMIT = Field(
    "amount_over_limit",
    "Amount over limit",
    Kind.MONEY,
    minimum=0,
    enabled_when=_credit_limit_used,
)
CREDIT_DAYS_PAST_DUE = Field(
    "credit_days_past_due",
    "Credit days past due",
    Kind.NUMBER,
    minimum=0,
    enabled_when=_days_past_due_used,
)
