"""Currencies (CM202000): ISO 4217 codes and the decimal places amounts are shown with."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
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


def base_currency(session: Session) -> str | None:
    """The currency amounts are kept in where no other is named: the workstation's branch's
    (its ISO code; the first branch's when the workstation's is not there), None when the
    company has no branch with a currency."""
    from app.ledger import workstation
    from app.models import Branch

    rows = session.execute(
        select(Branch.branch_id, Currency.currency_id)
        .join(Currency, Branch.currency_id == Currency.id)
        .order_by(Branch.branch_id)
    ).all()
    by_branch = {str(code).casefold(): str(currency) for code, currency in rows}
    first = str(rows[0][1]) if rows else None
    return by_branch.get(workstation.branch.casefold(), first)
