"""Overdue charges (AR204500): what a customer pays on documents past due."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from app.ledger.number_rules import errors_of, not_negative, percentage, zero_when_blank
from app.ledger.records import FieldError
from app.ledger.reference import ReferenceService
from app.models import OverdueCharge

AMOUNTS = ("minimum_amount", "fixed_amount")
ZERO_WHEN_BLANK = ("annual_rate_percent", *AMOUNTS)


class OverdueChargeService(ReferenceService[OverdueCharge]):
    """The annual rate is a percentage (0–100); the minimum and fixed amounts are not negative."""

    def check_record(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        rate = self.rules["annual_rate_percent"]
        return errors_of(
            percentage(rate, values.get(rate.key)),
            *(not_negative(self.rules[key], values.get(key)) for key in AMOUNTS),
        )

    def before_save(
        self, session: Session, record: OverdueCharge, values: Mapping[str, Any], *, is_new: bool
    ) -> None:
        zero_when_blank(record, [self.rules[key].attr for key in ZERO_WHEN_BLANK])
