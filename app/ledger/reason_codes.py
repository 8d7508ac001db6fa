"""Reason codes (CS211000): why a balance or credit is written off, or stock is adjusted."""

from __future__ import annotations

from typing import Any

from app.ledger.reference import ReferenceService
from app.models import ReasonCode
from app.models.reference.system import ReasonCodeUsage


class ReasonCodeService(ReferenceService[ReasonCode]):
    def new_values(self) -> dict[str, Any]:
        """A new code starts as a balance write-off reason, the use the ledger has most."""
        values = super().new_values()
        if values.get("usage") is None:
            values["usage"] = ReasonCodeUsage.BALANCE_WRITE_OFF
        return values
