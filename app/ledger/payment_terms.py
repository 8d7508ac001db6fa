"""Payment terms rules (CS206500): due days, discount days and the cash discount."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from app.ledger.number_rules import errors_of, not_negative, percentage, zero_when_blank
from app.ledger.records import FieldError
from app.ledger.reference import ReferenceService
from app.models import PaymentTerms

# Numbers stored as 0 when left blank: no days, no discount.
ZERO_WHEN_BLANK = ("due_days", "discount_days", "cash_discount_percent")


class PaymentTermsService(ReferenceService[PaymentTerms]):
    def check_record(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        due, discount = self.rules["due_days"], self.rules["discount_days"]
        errors = errors_of(
            not_negative(due, values.get(due.key)),
            not_negative(discount, values.get(discount.key)),
            percentage(self.rules["cash_discount_percent"], values.get("cash_discount_percent")),
        )
        due_days, discount_days = values.get(due.key), values.get(discount.key)
        if not errors and due_days and discount_days and discount_days > due_days:
            errors.append(
                FieldError(
                    discount.key,
                    discount.label,
                    f"must not be more than the due days ({due_days}).",
                )
            )
        return errors

    def before_save(
        self, session: Session, record: PaymentTerms, values: Mapping[str, Any], *, is_new: bool
    ) -> None:
        zero_when_blank(record, [self.rules[key].attr for key in ZERO_WHEN_BLANK])
