"""Apply restriction settings to all customers (AR201000 toolbar).

A class's Default restriction group is given to customers created afterwards; existing
customers of the class join it only when this action is run: each is included in the class's
group and so excluded from the group it was in (a class without a group leaves them in none).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import or_, select, update

from app.ledger import webhooks
from app.ledger.records import RecordError
from app.models import Customer, CustomerClass, RestrictionGroup
from app.models.database import Store


@dataclass(frozen=True)
class RestrictionApplied:
    class_id: str
    group_id: str | None  # the restriction group's code; None when the class has none
    customers_changed: int

    def __str__(self) -> str:
        moved = f"{self.customers_changed} customer" + ("" if self.customers_changed == 1 else "s")
        target = f"restriction group {self.group_id}" if self.group_id else "no restriction group"
        return f"{moved} of class {self.class_id} changed to {target}."


def apply_restriction_settings(store: Store, customer_class_id: int) -> RestrictionApplied:
    """Move the class's customers to its Default restriction group, in one transaction."""
    with store.transaction() as session:
        customer_class = session.get(CustomerClass, customer_class_id)
        if customer_class is None:
            raise RecordError("The customer class no longer exists.")
        group_id = customer_class.default_restriction_group_id
        group = session.get(RestrictionGroup, group_id) if group_id is not None else None
        elsewhere = (
            Customer.restriction_group_id.is_not(None)
            if group_id is None
            else or_(
                Customer.restriction_group_id.is_(None),
                Customer.restriction_group_id != group_id,
            )
        )
        # A notified customer's change log says it moved (in this transaction, as it happens).
        notified = session.execute(
            select(Customer, RestrictionGroup.group_id)
            .outerjoin(RestrictionGroup, RestrictionGroup.id == Customer.restriction_group_id)
            .where(
                Customer.customer_class_id == customer_class_id,
                elsewhere,
                Customer.webhook_notification.is_(True),
            )
        ).all()
        for customer, before in notified:
            webhooks.log_field_changed(
                session,
                customer,
                "restriction_group",
                "Restriction group",
                before,
                group.group_id if group is not None else None,
            )
        result = session.execute(
            update(Customer)
            .where(Customer.customer_class_id == customer_class_id, elsewhere)
            .values(restriction_group_id=group_id, version=Customer.version + 1),
            execution_options={"synchronize_session": False},
        )
        changed = int(getattr(result, "rowcount", 0) or 0)
        return RestrictionApplied(
            customer_class.class_id, group.group_id if group else None, changed
        )
