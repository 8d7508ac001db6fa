"""AR303000's Salespersons tab: who sells to the customer at which of its locations, with what
commission; exactly one default salesperson; a new customer gets its class's salesperson."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.ledger.customers import CustomerService
from app.ledger.records import ValidationError
from app.models import CustomerClass, CustomerSalesperson, Location, Salesperson
from app.models.database import Store
from app.windows.framework.grid import GridEditor
from tests.screens.customer_record import (
    Opener,
    add_location,
    create_customer,
    customer_named,
    set_up,
)
from tests.screens.helpers import edit_cell, trigger, type_into
from tests.screens.people import add_row, click_cell_check, rows_shown

GRID = "salespersons"


def add_salespersons(store: Store) -> None:
    """Three salespersons (one retired) and the DEFAULT class naming Anna as its salesperson."""
    with store.transaction() as session:
        anna = Salesperson(salesperson_id="ANNA", name="Anna Berg", commission_percent=5)
        session.add_all(
            [
                anna,
                Salesperson(
                    salesperson_id="BJORN", name="Bjørn Dahl", commission_percent=Decimal("7.5")
                ),
                Salesperson(
                    salesperson_id="CARL", name="Carl Eik", commission_percent=3, active=False
                ),
            ]
        )
        session.flush()
        default_class(session).salesperson_id = anna.id


def default_class(session: Session) -> CustomerClass:
    return session.scalars(select(CustomerClass).where(CustomerClass.class_id == "DEFAULT")).one()


def class_like_default(store: Store, class_id: str, salesperson: str | None) -> None:
    """Another class with the DEFAULT class's settings and its own salesperson."""
    with store.transaction() as session:
        source = default_class(session)
        copied = {
            column.key: getattr(source, column.key)
            for column in CustomerClass.__table__.columns
            if column.key
            not in {"id", "class_id", "description", "version", "created_at", "modified_at"}
        }
        copied["salesperson_id"] = (
            session.scalar(select(Salesperson.id).where(Salesperson.salesperson_id == salesperson))
            if salesperson
            else None
        )
        session.add(CustomerClass(class_id=class_id, description=f"{class_id} class", **copied))


@pytest.fixture(autouse=True)
def company(store: Store) -> None:
    set_up(store)
    add_salespersons(store)


def stored_rows(store: Store, number: str) -> list[tuple[str, str, Decimal, bool]]:
    """(salesperson, location, commission, default) of the customer's rows, as stored."""
    with store.session() as session:
        customer = customer_named(session, number)
        return sorted(
            (
                row.salesperson.salesperson_id,
                row.location.location_id,
                row.commission_percent,
                row.is_default,
            )
            for row in customer.salespersons
        )


def test_a_new_customer_gets_its_classs_salesperson_as_its_default(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = open_screen("AR303000")
    trigger(screen, "add_new")
    shown = rows_shown(screen, GRID)
    assert [(row["name"], row["is_default"]) for row in shown] == [("Anna Berg", True)]

    number = create_customer(qtbot, screen, "Fjordkraft Handel AS")

    # In the database: at the MAIN location the first save made, with Anna's commission.
    assert stored_rows(store, number) == [("ANNA", "MAIN", Decimal(5), True)]
    assert [row["location_name"] for row in rows_shown(screen, GRID)] == ["Primary location"]


def test_a_customer_saved_without_the_tab_gets_the_class_salesperson_too(store: Store) -> None:
    """An import (values without the Salespersons rows) follows the same default."""
    service = CustomerService(store)
    values = service.new_values()
    del values[GRID]
    values["customer_name"] = "Imported AS"
    customer_id = service.save(None, values)
    with store.session() as session:
        rows = session.scalars(
            select(CustomerSalesperson).where(CustomerSalesperson.customer_id == customer_id)
        ).all()
        assert [(r.salesperson.salesperson_id, r.is_default) for r in rows] == [("ANNA", True)]


def test_choosing_another_class_for_a_new_customer_brings_that_classs_salesperson(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    class_like_default(store, "TRADE", "BJORN")
    class_like_default(store, "NOSALES", None)
    screen = open_screen("AR303000")
    trigger(screen, "add_new")
    type_into(qtbot, screen, "customer_class", "TRADE")
    assert [row["name"] for row in rows_shown(screen, GRID)] == ["Bjørn Dahl"]
    type_into(qtbot, screen, "customer_class", "NOSALES")
    assert rows_shown(screen, GRID) == []


def test_adding_salespersons_at_locations_and_moving_the_default(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    customers = open_screen("AR303000")
    number = create_customer(qtbot, customers, "Fjordkraft Handel AS")
    add_location(qtbot, open_screen("CR303010"), number, "OSLO")
    trigger(customers, "cancel")  # read again: the new location is there to choose

    row = add_row(qtbot, customers, GRID)
    assert rows_shown(customers, GRID)[row]["is_default"] is False  # Anna keeps the mark
    edit_cell(qtbot, customers, GRID, row, "salesperson", "BJORN")
    # The name and the salesperson's commission fill in.
    assert rows_shown(customers, GRID)[row]["name"] == "Bjørn Dahl"
    assert rows_shown(customers, GRID)[row]["commission_percent"] == Decimal("7.5")
    edit_cell(qtbot, customers, GRID, row, "location", "OSLO")
    assert rows_shown(customers, GRID)[row]["location_name"] == "OSLO site"
    edit_cell(qtbot, customers, GRID, row, "commission_percent", "6")

    # Ticking Default on Bjørn's row takes the mark from Anna's: one default.
    click_cell_check(qtbot, customers, GRID, row, "is_default")
    assert [r["is_default"] for r in rows_shown(customers, GRID)] == [False, True]
    trigger(customers, "save")
    assert customers.message.text() == "Saved.", customers.message.text()
    assert stored_rows(store, number) == [
        ("ANNA", "MAIN", Decimal(5), False),
        ("BJORN", "OSLO", Decimal(6), True),
    ]


def test_no_default_salesperson_is_refused_naming_the_rule(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    customers = open_screen("AR303000")
    number = create_customer(qtbot, customers, "Fjordkraft Handel AS")
    click_cell_check(qtbot, customers, GRID, 0, "is_default")  # Anna's mark cleared
    trigger(customers, "save")
    text = customers.message.text()
    assert "Salespersons, Default: mark one salesperson as the customer's default" in text
    assert stored_rows(store, number) == [("ANNA", "MAIN", Decimal(5), True)]  # nothing saved


def test_a_commission_over_100_and_a_salesperson_twice_at_a_location_are_refused(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    customers = open_screen("AR303000")
    number = create_customer(qtbot, customers, "Fjordkraft Handel AS")
    row = add_row(qtbot, customers, GRID)
    edit_cell(qtbot, customers, GRID, row, "salesperson", "ANNA")
    edit_cell(qtbot, customers, GRID, row, "location", "MAIN")
    edit_cell(qtbot, customers, GRID, row, "commission_percent", "150")
    trigger(customers, "save")
    text = customers.message.text()
    assert "Salespersons, row 2, Commission %: at most 100." in text
    edit_cell(qtbot, customers, GRID, row, "commission_percent", "10")
    trigger(customers, "save")
    text = customers.message.text()
    assert "rows 1 and 2 name the same salesperson at location MAIN" in text
    assert stored_rows(store, number) == [("ANNA", "MAIN", Decimal(5), True)]


def test_two_defaults_or_another_customers_location_are_refused_by_the_ledger(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    """Values from anywhere (an import, a test) meet the same rules as the screen's."""
    customers = open_screen("AR303000")
    first = create_customer(qtbot, customers, "Fjordkraft Handel AS")
    create_customer(qtbot, customers, "Bergen Bok AS")
    service = CustomerService(store)
    with store.session() as session:
        customer = customer_named(session, first)
        customer_id, other_main = (
            customer.id,
            session.scalar(select(Location.id).where(Location.customer_id != customer.id)),
        )
        bjorn = session.scalar(select(Salesperson.id).where(Salesperson.salesperson_id == "BJORN"))
    loaded = service.load(customer_id)
    values = dict(loaded)
    values[GRID] = [
        *loaded[GRID],
        {"salesperson": bjorn, "location": other_main, "commission_percent": 1, "is_default": True},
    ]
    with pytest.raises(ValidationError) as refused:
        service.save(customer_id, values, loaded["version"], loaded)
    problems = [str(error) for error in refused.value.errors]
    assert "Salespersons, row 2, Location ID: choose one of this customer's locations." in problems
    assert any("only one salesperson can be the customer's default" in p for p in problems)


def test_the_location_lookup_offers_this_customers_locations_only(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    customers = open_screen("AR303000")
    first = create_customer(qtbot, customers, "Fjordkraft Handel AS")
    add_location(qtbot, open_screen("CR303010"), first, "OSLO")
    create_customer(qtbot, customers, "Bergen Bok AS")  # its MAIN only
    row = add_row(qtbot, customers, GRID)
    edit_cell(qtbot, customers, GRID, row, "salesperson", "BJORN")
    edit_cell(qtbot, customers, GRID, row, "location", "OSLO")  # the other customer's
    trigger(customers, "save")
    assert "is not in the list of locations of this customer" in customers.message.text()


def test_the_salespersons_grid_model_passes_qts_tester(
    qtbot: QtBot, open_screen: Opener, store: Store, qtmodeltester: ModelTester
) -> None:
    customers = open_screen("AR303000")
    create_customer(qtbot, customers, "Fjordkraft Handel AS")
    row = add_row(qtbot, customers, GRID)
    edit_cell(qtbot, customers, GRID, row, "salesperson", "BJORN")
    click_cell_check(qtbot, customers, GRID, row, "is_default")  # the mark moves: two rows change
    grid = customers.editor(GRID)
    assert isinstance(grid, GridEditor)
    assert grid.model.rowCount() == 2
    qtmodeltester.check(grid.model, force_py=True)


def test_a_pasted_customer_takes_the_salespersons_to_its_own_first_location(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    customers = open_screen("AR303000")
    create_customer(qtbot, customers, "Fjordkraft Handel AS")
    trigger(customers, "copy")
    trigger(customers, "add_new")
    trigger(customers, "paste")
    assert [(r["name"], r["location"]) for r in rows_shown(customers, GRID)] == [
        ("Anna Berg", None)
    ]
    type_into(qtbot, customers, "customer_name", "Fjordkraft Handel II AS")
    trigger(customers, "save")
    assert customers.message.text() == "Saved.", customers.message.text()
    number = str(customers.record.value("customer_no"))
    assert stored_rows(store, number) == [("ANNA", "MAIN", Decimal(5), True)]
