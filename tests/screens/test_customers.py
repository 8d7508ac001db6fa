"""Customers (AR303000): the top part and the customer class lookup, through the widgets."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.ledger.setup import set_up_company
from app.models import (
    Customer,
    CustomerClass,
    CustomerStatus,
    NumberSeries,
)
from app.models.database import Store
from app.windows.framework.lookup import LookupEditor
from app.windows.framework.record_screen import RecordScreen
from tests.factories import customer_class
from tests.screens.helpers import choose_option, shown, trigger, type_into

Opener = Callable[[str], RecordScreen]


@pytest.fixture
def classes(store: Store) -> None:
    with store.transaction() as session:
        customer_class(session, "DOMESTIC", "Domestic customers")
        customer_class(session, "EXPORT", "Export customers")


@pytest.mark.usefixtures("classes")
def test_create_a_customer_with_its_class(qtbot: QtBot, open_screen: Opener, store: Store) -> None:
    screen = open_screen("AR303000")
    assert shown(screen, "status") == "Active"  # the seed's default status
    type_into(qtbot, screen, "customer_no", "10001")
    type_into(qtbot, screen, "customer_name", "Nordic Trading AS")
    type_into(qtbot, screen, "customer_class", "export")  # codes are found case-insensitively
    lookup = screen.editor("customer_class")
    assert isinstance(lookup, LookupEditor)
    assert lookup.description.text() == "Export customers"
    trigger(screen, "save")

    with store.session() as session:
        customer = session.scalars(select(Customer)).one()
        assert customer.customer_class is not None
        assert (customer.customer_no, customer.name, customer.status) == (
            "10001",
            "Nordic Trading AS",
            CustomerStatus.ACTIVE,
        )
        assert customer.customer_class.class_id == "EXPORT"
    assert shown(screen, "customer_class") == "EXPORT"
    assert shown(screen, "balance") == "0.00"
    assert screen.editor("balance").isVisible()


@pytest.mark.usefixtures("classes")
def test_lookup_suggests_as_you_type(qtbot: QtBot, open_screen: Opener) -> None:
    screen = open_screen("AR303000")
    lookup = screen.editor("customer_class")
    assert isinstance(lookup, LookupEditor)
    lookup.line_edit.setFocus()
    qtbot.keyClicks(lookup.line_edit, "dom")
    model = lookup.completer.model()
    assert [model.index(row, 0).data() for row in range(model.rowCount())] == [
        "DOMESTIC – Domestic customers"
    ]


@pytest.mark.usefixtures("classes")
def test_unknown_class_and_missing_fields_are_named(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = open_screen("AR303000")
    type_into(qtbot, screen, "customer_name", "No number yet")
    type_into(qtbot, screen, "customer_class", "NOSUCH")
    trigger(screen, "save")
    message = screen.message.text()
    assert "Customer no.: type the customer's number: there is no number series CUSTOMER" in message
    assert "Customer class: 'NOSUCH' is not in the list of customer classes." in message
    assert shown(screen, "customer_class") == "NOSUCH"  # what was typed stays
    with store.session() as session:
        assert session.scalars(select(Customer)).all() == []


@pytest.mark.usefixtures("classes")
def test_status_change_is_saved(qtbot: QtBot, open_screen: Opener, store: Store) -> None:
    screen = open_screen("AR303000")
    type_into(qtbot, screen, "customer_no", "10002")
    type_into(qtbot, screen, "customer_name", "Fjordkraft Handel AS")
    type_into(qtbot, screen, "customer_class", "DOMESTIC")
    choose_option(qtbot, screen, "status", "Credit hold")
    qtbot.keyClick(
        screen.editor("customer_name"), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
    )
    with store.session() as session:
        assert session.scalars(select(Customer.status)).one() == CustomerStatus.CREDIT_HOLD


@pytest.fixture
def set_up(store: Store) -> None:
    """The database as first-run setup leaves it."""
    set_up_company(store, base_currency="NOK", country="NO", language="nb-NO")


@pytest.mark.usefixtures("set_up")
def test_after_first_run_a_customer_needs_only_a_name(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = open_screen("AR303000")
    assert shown(screen, "customer_no") == ""
    assert shown(screen, "customer_class") == "DEFAULT"  # the preferences' default class
    type_into(qtbot, screen, "customer_name", "Fjordkraft Handel AS")
    trigger(screen, "save")
    assert screen.message.text() == "Saved."
    assert shown(screen, "customer_no") == "10001"  # from the CUSTOMER series
    assert shown(screen, "customer_class") == "DEFAULT"

    trigger(screen, "add_new")
    type_into(qtbot, screen, "customer_name", "Vestland Bygg AS")
    trigger(screen, "save")
    assert shown(screen, "customer_no") == "10002"
    with store.session() as session:
        rows = session.execute(
            select(Customer.customer_no, Customer.name, CustomerClass.class_id)
            .join(CustomerClass)
            .order_by(Customer.customer_no)
        ).all()
    assert [tuple(row) for row in rows] == [
        ("10001", "Fjordkraft Handel AS", "DEFAULT"),
        ("10002", "Vestland Bygg AS", "DEFAULT"),
    ]


@pytest.mark.usefixtures("set_up")
def test_a_typed_number_is_kept_and_the_series_skips_it(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = open_screen("AR303000")
    type_into(qtbot, screen, "customer_no", "10001")
    type_into(qtbot, screen, "customer_name", "Typed number AS")
    trigger(screen, "save")
    assert shown(screen, "customer_no") == "10001"
    trigger(screen, "add_new")
    type_into(qtbot, screen, "customer_name", "Numbered AS")
    trigger(screen, "save")
    assert shown(screen, "customer_no") == "10002"


@pytest.mark.usefixtures("set_up")
def test_a_manual_series_asks_for_a_number(qtbot: QtBot, open_screen: Opener, store: Store) -> None:
    with store.transaction() as session:
        series = session.scalars(
            select(NumberSeries).where(NumberSeries.series_id == "CUSTOMER")
        ).one()
        series.manual_numbering = True
    screen = open_screen("AR303000")
    type_into(qtbot, screen, "customer_name", "No number AS")
    trigger(screen, "save")
    assert (
        "Customer no.: type the customer's number: number series CUSTOMER uses manual numbering."
        in screen.message.text()
    )
    assert shown(screen, "customer_name") == "No number AS"  # what was typed stays
    with store.session() as session:
        assert session.scalars(select(Customer)).all() == []
    type_into(qtbot, screen, "customer_no", "K-1")
    trigger(screen, "save")
    assert shown(screen, "customer_no") == "K-1"
