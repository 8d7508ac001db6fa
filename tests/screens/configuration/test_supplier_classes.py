"""Supplier classes (AP201000): the shared configuration flows, and one default class."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Supplier, SupplierClass
from app.models.database import Store
from tests.screens.configuration.harness import Case, Opener
from tests.screens.helpers import click_check, trigger, type_into


def supplier_using(session: Session, record_id: int) -> None:
    session.add(Supplier(supplier_no="S1", name="Uses it", supplier_class_id=record_id))


CASES = [
    Case(
        "AP201000",
        SupplierClass,
        {"class_id": "DOMESTIC", "description": "Domestic suppliers"},
        ("description", "Suppliers at home"),
        supplier_using,
        "1 supplier",
    ),
]


def test_marking_a_class_the_default_clears_the_other(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = open_screen("AP201000")
    for code in ("DOMESTIC", "FOREIGN"):
        trigger(screen, "add_new")
        type_into(qtbot, screen, "class_id", code)
        type_into(qtbot, screen, "description", f"{code.capitalize()} suppliers")
        click_check(qtbot, screen, "is_default")
        trigger(screen, "save")
        assert screen.message.text() == "Saved.", screen.message.text()
    with store.session() as session:
        marked = session.scalars(
            select(SupplierClass.class_id).where(SupplierClass.is_default.is_(True))
        ).all()
    assert marked == ["FOREIGN"]
