"""Salespersons (AR205000): who sells to a customer, and their commission."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from app.ledger.number_rules import errors_of, percentage, zero_when_blank
from app.ledger.records import FieldError
from app.ledger.reference import ReferenceService
from app.models import Salesperson


class SalespersonService(ReferenceService[Salesperson]):
    """The commission is a percentage of the sale: 0–100."""

    def check_record(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        commission = self.rules["commission_percent"]
        return errors_of(percentage(commission, values.get(commission.key)))

    def before_save(
        self, session: Session, record: Salesperson, values: Mapping[str, Any], *, is_new: bool
    ) -> None:
        zero_when_blank(record, [self.rules["commission_percent"].attr])
