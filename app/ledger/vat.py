"""VAT categories (TX205500) and VAT zones (TX206000): a category's rate is a percentage."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from app.ledger.number_rules import errors_of, percentage
from app.ledger.records import FieldError
from app.ledger.reference import ReferenceService
from app.models import VatCategory, VatZone

VAT_RATE = "vat_rate"


class VatCategoryService(ReferenceService[VatCategory]):
    def check_record(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        rate = self.rules[VAT_RATE]
        return errors_of(percentage(rate, values.get(rate.key)))

    def describe(self, record: VatCategory) -> str:
        # The noun as written: "VAT category HIGH", not "Vat category HIGH".
        return f"VAT category {record.vat_category_id}"


class VatZoneService(ReferenceService[VatZone]):
    def describe(self, record: VatZone) -> str:
        return f"VAT zone {record.vat_zone_id}"
