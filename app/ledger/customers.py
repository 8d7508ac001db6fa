"""Customer account rules (AR303000)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from app.ledger.records import RecordService, ScreenRules, count_where
from app.models import Customer, CustomerStatus, Location
from app.models.database import Store

ZERO = Decimal("0.00")


def selectable_customer() -> Any:
    """Inactive customers are not offered for selection (seed: AR303000 Status)."""
    return Customer.status != CustomerStatus.INACTIVE


class CustomerService(RecordService[Customer]):
    noun = "customer"

    def __init__(self, store: Store, rules: ScreenRules) -> None:
        super().__init__(store, Customer, rules, ("customer_no",))

    def values_of(self, session: Session, record: Customer) -> dict[str, Any]:
        values = super().values_of(session, record)
        # Balances come from released documents; there are none yet, so they are zero.
        values["balance"] = ZERO
        values["prepayment_balance"] = ZERO
        return values

    def location_count(self, customer_id: int) -> int:
        with self.store.session() as session:
            return count_where(session, Location, Location.customer_id == customer_id)
