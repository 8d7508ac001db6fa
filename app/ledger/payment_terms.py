"""Payment terms rules (CS206500): the discount days within the due days.

The days and the cash discount are bounded by the terms' definition
(app/ledger/definitions/credit.py): days never negative, the discount 0–100 %.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from app.ledger.number_rules import zero_when_blank
from app.ledger.records import FieldError
from app.ledger.reference import ReferenceService
from app.models import PaymentTerms

# Numbers stored as 0 when left blank: no days, no discount.
ZERO_WHEN_BLANK = ("due_days", "discount_days", "cash_discount_percent")


class PaymentTermsService(ReferenceService[PaymentTerms]):
    def check_record(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        discount = self.rules["discount_days"]
        due_days, discount_days = values.get("due_days"), values.get(discount.key)
        if due_days and discount_days and discount_days > due_days:
            return [
                FieldError(
                    discount.key,
                    discount.label,
                    f"must not be more than the due days ({due_days}).",
                )
            ]
        return []

    def before_save(
        self, session: Session, record: PaymentTerms, values: Mapping[str, Any], *, is_new: bool
    ) -> None:
        zero_when_blank(record, [self.rules[key].attr for key in ZERO_WHEN_BLANK])
