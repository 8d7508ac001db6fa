"""Overdue charges (AR204500): what a customer pays on documents past due.

The annual rate (0–100 %) and the minimum and fixed amounts (never negative) are bounded by the
charge's definition (app/ledger/definitions/credit.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from app.ledger.number_rules import zero_when_blank
from app.ledger.reference import ReferenceService
from app.models import OverdueCharge

AMOUNTS = ("minimum_amount", "fixed_amount")
ZERO_WHEN_BLANK = ("annual_rate_percent", *AMOUNTS)


class OverdueChargeService(ReferenceService[OverdueCharge]):
    """A rate or amount left blank is stored as 0: no charge of that kind."""

    def before_save(
        self, session: Session, record: OverdueCharge, values: Mapping[str, Any], *, is_new: bool
    ) -> None:
        zero_when_blank(record, [self.rules[key].attr for key in ZERO_WHEN_BLANK])
