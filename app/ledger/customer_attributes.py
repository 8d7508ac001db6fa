"""The customer's attributes (AR303000 Attributes tab): a value for each attribute its class asks
for (AR201000 Attributes tab), in the class's order.

- A new customer starts with its class's attributes and their default values; choosing another
  class brings that class's attributes, keeping the values typed for the same attributes.
- An attribute the class requires must have a value: the save is refused naming it.
- A Combo attribute's value is one of its values (CS205000), a Multi select combo's a
  comma-separated list of them; a disabled value is not taken anew.
- A value stored for an attribute the class no longer asks for stays listed (after the class's),
  never dropped in silence.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.ledger.attributes import takes_values
from app.ledger.records import is_blank
from app.models import Attribute, ClassAttribute, CustomerAttribute, CustomerClass
from app.models.reference.system import ControlType

ATTRIBUTES = "attributes"
ATTRIBUTE_ID = "attribute_id"
VALUE = "value"
TITLE = "Attributes"

Row = dict[str, Any]


def _row(row_id: int | None, attribute: Attribute, required: bool, value: Any) -> Row:
    return {
        "id": row_id,
        ATTRIBUTE_ID: attribute.id,
        "attribute": attribute.description,
        "required": required,
        VALUE: value,
    }


def _class_attributes(session: Session, class_id: Any) -> list[ClassAttribute]:
    if not isinstance(class_id, int) or session.get(CustomerClass, class_id) is None:
        return []
    return list(
        session.scalars(
            select(ClassAttribute)
            .where(ClassAttribute.customer_class_id == class_id)
            .order_by(ClassAttribute.sort_order, ClassAttribute.id)
        )
    )


def attribute_rows(
    session: Session,
    class_id: Any,
    kept: Iterable[Mapping[str, Any]] = (),
    previous_class: Any = None,
) -> list[Row]:
    """The Attributes rows of a customer of the class: the class's attributes, each with the
    value of ``kept`` (the rows shown or stored) for the same attribute, else the class's
    default; then the kept rows of attributes the class does not ask for: stored ones, and
    unsaved ones with a value other than the ``previous_class``'s default."""
    defaults: dict[Any, str | None] = {
        own.attribute_id: own.default_value for own in _class_attributes(session, previous_class)
    }
    kept_by_attribute = {
        row.get(ATTRIBUTE_ID): row
        for row in kept
        if row.get("id") is not None or row.get(VALUE) != defaults.get(row.get(ATTRIBUTE_ID))
    }
    rows: list[Row] = []
    for own in _class_attributes(session, class_id):
        before = kept_by_attribute.pop(own.attribute_id, None)
        if before is not None:
            rows.append(_row(before.get("id"), own.attribute, own.required, before.get(VALUE)))
        else:
            rows.append(_row(None, own.attribute, own.required, own.default_value))
    for attribute_id, before in kept_by_attribute.items():
        attribute = session.get(Attribute, attribute_id)
        if attribute is not None and (
            before.get("id") is not None or not is_blank(before.get(VALUE))
        ):
            rows.append(_row(before.get("id"), attribute, False, before.get(VALUE)))
    return rows


def stored_rows(session: Session, customer_id: int, class_id: Any) -> list[Row]:
    """The rows of a saved customer: its class's attributes with the values stored."""
    stored = session.scalars(
        select(CustomerAttribute).where(CustomerAttribute.customer_id == customer_id)
    ).all()
    kept = [{"id": row.id, ATTRIBUTE_ID: row.attribute_id, VALUE: row.value} for row in stored]
    return attribute_rows(session, class_id, kept)


def row_problems(
    session: Session, class_id: Any, rows: list[Mapping[str, Any]]
) -> list[tuple[str, str]]:
    """Each (where, problem) of the rows: a required attribute without a value (required by
    the class as it is now), a value not among a combo attribute's values."""
    required = {own.attribute_id for own in _class_attributes(session, class_id) if own.required}
    class_name = _class_code(session, class_id)
    problems: list[tuple[str, str]] = []
    for row in rows:
        attribute = session.get(Attribute, row.get(ATTRIBUTE_ID))
        if attribute is None:
            continue
        where = f"{TITLE}, {attribute.description}"
        value = row.get(VALUE)
        if is_blank(value):
            if attribute.id in required:
                problems.append(
                    (where, f"a value is required (customer class {class_name} requires it).")
                )
            continue
        problem = _value_problem(attribute, str(value))
        if problem:
            problems.append((where, problem))
    return problems


def _class_code(session: Session, class_id: Any) -> str:
    found = session.get(CustomerClass, class_id) if isinstance(class_id, int) else None
    return found.class_id if found is not None else ""


def _value_problem(attribute: Attribute, value: str) -> str | None:
    """A combo attribute's value must be one of its (enabled) values, by value ID."""
    if not takes_values(attribute.control_type):
        return None
    offered = {v.value_id.casefold(): v.value_id for v in attribute.values if not v.disabled}
    listed = ", ".join(sorted(offered.values())) or "none"
    picked = (
        [part.strip() for part in value.split(",") if part.strip()]
        if attribute.control_type == ControlType.MULTI_SELECT_COMBO
        else [value.strip()]
    )
    unknown = [part for part in picked if part.casefold() not in offered]
    if unknown:
        return f"'{unknown[0]}' is not one of the attribute's values ({listed})."
    return None
