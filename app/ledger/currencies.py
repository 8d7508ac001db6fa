"""Currencies (CM202000): ISO 4217 codes and the decimal places amounts are shown with."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from app.ledger.number_rules import between, errors_of
from app.ledger.records import FieldError
from app.ledger.reference import ReferenceService
from app.models import Currency

DECIMAL_PLACES = "decimal_places"
# Amounts in the ledger are kept to at most four decimals.
MOST_DECIMAL_PLACES = 4


class CurrencyService(ReferenceService[Currency]):
    def check_record(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        places = self.rules[DECIMAL_PLACES]
        return errors_of(between(places, values.get(places.key), 0, MOST_DECIMAL_PLACES))
