"""AR303000's Attributes tab: the class's attributes with their values; a required attribute
without a value refuses the save naming it; a combo attribute takes one of its values."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.models import (
    Attribute,
    AttributeValue,
    ClassAttribute,
    Customer,
    CustomerClass,
)
from app.models.database import Store
from app.models.reference.system import ControlType
from tests.screens.customer_record import Opener, customer_named, set_up
from tests.screens.helpers import edit_cell, trigger, type_into
from tests.screens.people import clear_cell, rows_shown
from tests.screens.test_customer_salespersons import class_like_default

GRID = "attributes"


@pytest.fixture(autouse=True)
def company(store: Store) -> None:
    """The DEFAULT class asks for a Segment (required, a combo) and a Size (text, a default);
    the class TRADE (made from DEFAULT) for a Segment and a Region."""
    set_up(store)
    class_like_default(store, "TRADE", None)
    with store.transaction() as session:
        segment = Attribute(
            attribute_id="SEGMENT",
            description="Segment",
            control_type=ControlType.COMBO,
            values=[
                AttributeValue(value_id="RETAIL", description="Retail", sort_order=1),
                AttributeValue(value_id="TRADE", description="Trade", sort_order=2),
                AttributeValue(value_id="OLD", description="Retired", sort_order=3, disabled=True),
            ],
        )
        size = Attribute(attribute_id="SIZE", description="Size")
        region = Attribute(attribute_id="REGION", description="Region")
        session.add_all([segment, size, region])
        classes = {c.class_id: c for c in session.scalars(select(CustomerClass))}
        classes["DEFAULT"].attributes = [
            ClassAttribute(attribute=segment, sort_order=1, required=True),
            ClassAttribute(attribute=size, sort_order=2, default_value="Medium"),
        ]
        classes["TRADE"].attributes = [
            ClassAttribute(attribute=region, sort_order=1),
            ClassAttribute(attribute=segment, sort_order=2, required=True),
        ]


def stored(store: Store, number: str) -> dict[str, str | None]:
    with store.session() as session:
        customer = customer_named(session, number)
        return {row.attribute.attribute_id: row.value for row in customer.attributes}


def shown_rows(screen: object) -> list[tuple[str, bool, str | None]]:
    return [(r["attribute"], r["required"], r["value"]) for r in rows_shown(screen, GRID)]  # type: ignore[arg-type]


def customers_saved(store: Store) -> int:
    with store.session() as session:
        return int(session.scalar(select(func.count()).select_from(Customer)) or 0)


def test_a_required_attribute_without_a_value_refuses_the_save_naming_it(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = open_screen("AR303000")
    trigger(screen, "add_new")
    # The class's attributes, in its order, with its default values.
    assert shown_rows(screen) == [("Segment", True, None), ("Size", False, "Medium")]
    type_into(qtbot, screen, "customer_name", "Fjordkraft Handel AS")
    trigger(screen, "save")
    assert (
        "Attributes, Segment: a value is required (customer class DEFAULT requires it)."
        in screen.message.text()
    )
    assert customers_saved(store) == 0

    edit_cell(qtbot, screen, GRID, 0, "value", "trade")
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()
    number = str(screen.record.value("customer_no"))
    assert stored(store, number) == {"SEGMENT": "trade", "SIZE": "Medium"}

    # Cleared again on the saved customer: refused, the stored value kept.
    clear_cell(qtbot, screen, GRID, 0, "value")
    assert shown_rows(screen)[0] == ("Segment", True, None)
    trigger(screen, "save")
    assert "Attributes, Segment: a value is required" in screen.message.text()
    assert stored(store, number) == {"SEGMENT": "trade", "SIZE": "Medium"}


def test_a_combo_attribute_takes_one_of_its_values(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = open_screen("AR303000")
    trigger(screen, "add_new")
    type_into(qtbot, screen, "customer_name", "Fjordkraft Handel AS")
    edit_cell(qtbot, screen, GRID, 0, "value", "OLD")  # a disabled value
    trigger(screen, "save")
    assert (
        "Attributes, Segment: 'OLD' is not one of the attribute's values (RETAIL, TRADE)."
        in screen.message.text()
    )
    assert customers_saved(store) == 0


def test_another_class_brings_its_attributes_keeping_the_values_typed(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = open_screen("AR303000")
    trigger(screen, "add_new")
    type_into(qtbot, screen, "customer_name", "Fjordkraft Handel AS")
    edit_cell(qtbot, screen, GRID, 0, "value", "RETAIL")
    type_into(qtbot, screen, "customer_class", "TRADE")
    # The class's attributes; Segment keeps its value; Size, with no value, is not listed.
    assert shown_rows(screen) == [("Region", False, None), ("Segment", True, "RETAIL")]
    edit_cell(qtbot, screen, GRID, 0, "value", "West")
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()
    number = str(screen.record.value("customer_no"))
    assert stored(store, number) == {"REGION": "West", "SEGMENT": "RETAIL"}

    # Back to DEFAULT on the saved customer: the value of Region, not asked for, stays listed.
    type_into(qtbot, screen, "customer_class", "DEFAULT")
    assert shown_rows(screen) == [
        ("Segment", True, "RETAIL"),
        ("Size", False, "Medium"),
        ("Region", False, "West"),
    ]
