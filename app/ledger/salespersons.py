"""Salespersons (AR205000): who sells to a customer, and their commission.

The commission is a percentage of the sale, 0–100, bounded by the salesperson's definition
(app/ledger/definitions/sales.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from app.ledger.number_rules import zero_when_blank
from app.ledger.reference import ReferenceService
from app.models import Salesperson


class SalespersonService(ReferenceService[Salesperson]):
    """A commission left blank is stored as 0."""

    def before_save(
        self, session: Session, record: Salesperson, values: Mapping[str, Any], *, is_new: bool
    ) -> None:
        zero_when_blank(record, [self.rules["commission_percent"].attr])
