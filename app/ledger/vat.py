"""VAT categories (TX205500) and VAT zones (TX206000).

A category's rate is a percentage, 0–100, bounded by its definition
(app/ledger/definitions/vat.py).
"""

from __future__ import annotations

from app.ledger.reference import ReferenceService
from app.models import VatCategory, VatZone


class VatCategoryService(ReferenceService[VatCategory]):
    def describe(self, record: VatCategory) -> str:
        # The noun as written: "VAT category HIGH", not "Vat category HIGH".
        return f"VAT category {record.vat_category_id}"


class VatZoneService(ReferenceService[VatZone]):
    def describe(self, record: VatZone) -> str:
        return f"VAT zone {record.vat_zone_id}"
