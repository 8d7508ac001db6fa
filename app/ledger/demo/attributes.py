"""The demo company's attributes (CS205000): a customer segment (a combo, required of domestic
customers and key accounts) and how the customer found the company (free text), on the demo
classes, with each customer's values as AR303000's Attributes tab would save them: every
required attribute answered, a combo answered with one of its values.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.ledger.demo.bulk import insert_rows
from app.models import Attribute, AttributeValue, ClassAttribute, CustomerAttribute
from app.models.reference.system import ControlType

SEGMENTS = (
    ("RETAIL", "Retail"),
    ("WHOLESALE", "Wholesale"),
    ("INDUSTRY", "Industry"),
    ("PUBLIC", "Public sector"),
)
SOURCES = ("Trade fair", "Website", "Referral", "Former employee", "Newspaper")
# Class → (segment required, asks how the customer found us)
OF_CLASSES = {
    "DOMESTIC": (True, True),
    "KEYACCT": (True, True),
    "EU": (False, False),
    "EXPORT": (False, False),
    "USD": (False, False),
}
ANSWERED = 0.6  # share of optional attributes with a value


def add_attributes(session: Session, classes: dict[str, int]) -> None:
    """The attributes and the demo classes' Attributes rows."""
    segment = Attribute(
        attribute_id="SEGMENT",
        description="Customer segment",
        control_type=ControlType.COMBO,
        values=[
            AttributeValue(value_id=code, description=text, sort_order=n)
            for n, (code, text) in enumerate(SEGMENTS, start=1)
        ],
    )
    source = Attribute(attribute_id="SOURCE", description="How the customer found us")
    session.add_all([segment, source])
    session.flush()
    for code, (required, asks_source) in OF_CLASSES.items():
        if code not in classes:
            continue
        rows = [
            ClassAttribute(
                customer_class_id=classes[code],
                attribute_id=segment.id,
                sort_order=1,
                required=required,
            )
        ]
        if asks_source:
            rows.append(
                ClassAttribute(
                    customer_class_id=classes[code], attribute_id=source.id, sort_order=2
                )
            )
        session.add_all(rows)
    session.flush()


class AttributeWriter:
    """Each batch of customers' attribute values."""

    def __init__(self, session: Session, classes: dict[str, int], pick: random.Random) -> None:
        self.session = session
        self.pick = pick
        ids = dict(session.execute(select(Attribute.attribute_id, Attribute.id)).all())
        self.segment, self.source = ids.get("SEGMENT"), ids.get("SOURCE")
        asked = session.execute(
            select(ClassAttribute.customer_class_id, ClassAttribute.attribute_id)
        ).all()
        self.asks = {
            code: {attribute for class_id, attribute in asked if class_id == id_}
            for code, id_ in classes.items()
        }

    def write(self, customers: Sequence[tuple[int, str, bool]]) -> None:
        """``customers``: (id, class code, a company) of each customer written."""
        rows: list[dict[str, Any]] = []
        for customer_id, class_code, company in customers:
            asked = self.asks.get(class_code, set())
            required, _source = OF_CLASSES.get(class_code, (False, False))
            if self.segment in asked and (required or self.pick.random() < ANSWERED):
                value = self.pick.choice(SEGMENTS)[0] if company else "RETAIL"
                rows.append(self._row(customer_id, self.segment, value))
            if self.source in asked and self.pick.random() < ANSWERED:
                rows.append(self._row(customer_id, self.source, self.pick.choice(SOURCES)))
        if rows:
            table: Any = CustomerAttribute.__table__
            insert_rows(self.session, table, rows)

    @staticmethod
    def _row(customer_id: int, attribute_id: int | None, value: str) -> dict[str, Any]:
        return {"customer_id": customer_id, "attribute_id": attribute_id, "value": value}
