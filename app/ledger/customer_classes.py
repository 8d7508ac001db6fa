"""Customer class rules (AR201000): codes, and which classes may be deleted."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from app.ledger.records import FieldError, RecordService, ScreenRules, count_where
from app.models import CustomerClass, Preferences
from app.models.database import Store

CODE_PATTERN = re.compile(r"^[A-Za-z0-9]+$")


class CustomerClassService(RecordService[CustomerClass]):
    noun = "customer class"

    def __init__(self, store: Store, rules: ScreenRules) -> None:
        super().__init__(store, CustomerClass, rules, ("class_id",))

    def check(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        code = str(values.get("class_id") or "")
        if not CODE_PATTERN.match(code):
            rule = self.rules["class_id"]
            return [FieldError(rule.key, rule.label, "use letters and digits only (A–Z, 0–9).")]
        return []

    def delete_refusal(self, session: Session, record: CustomerClass) -> str | None:
        if count_where(session, Preferences, Preferences.default_customer_class_id == record.id):
            return (
                f"Customer class {record.class_id} cannot be deleted: it is the default customer "
                "class in Customer ledger preferences (AR101000)."
            )
        return super().delete_refusal(session, record)
