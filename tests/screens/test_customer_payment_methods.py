"""Customers (AR303000) › Payment methods and Customer payment methods (AR303010): the seed's
procedure "Add a payment method and a bank account to a customer" step by step, the one-default
rule, a row opening the method, and two screens open on the same customer never undoing each
other's saves."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.ledger import catalogue
from app.models import CashAccount, Customer, CustomerPaymentMethod, PaymentMethod
from app.models.database import Store
from app.models.reference.payments import PaymentMethodDetail
from app.windows.framework import dialogs
from app.windows.framework.grid import GridEditor
from app.windows.framework.record_screen import RecordScreen
from app.windows.main_window import MainWindow
from tests.screens.conftest import Answers
from tests.screens.customer_record import Opener, create_customer, customer_named, set_up
from tests.screens.helpers import edit_cell, shown, trigger, type_into

IBAN = "NO93 8601 1117 947"


@pytest.fixture(autouse=True)
def company(store: Store) -> None:
    """The company plus a method for refunds asking for the bank account to refund to."""
    set_up(store)
    with store.transaction() as session:
        cash = session.scalars(
            select(CashAccount).where(CashAccount.cash_account_id == "CARDS")
        ).one()
        session.add(
            PaymentMethod(
                payment_method_id="REFUND",
                description="Refund to bank account",
                cash_account_id=None,
                details=[
                    PaymentMethodDetail(
                        detail_id="ACCOUNT", description="Bank account", required=True
                    )
                ],
            )
        )
        assert cash is not None


@pytest.fixture
def window(qtbot: QtBot, store: Store, tmp_path: Path, answers: Answers) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def opened(window: MainWindow, screen_id: str) -> RecordScreen:
    widget = window.open_screen(screen_id)
    assert isinstance(widget, RecordScreen)
    return widget


def methods_grid(screen: RecordScreen) -> GridEditor:
    """The Payment methods grid, its tab shown (as a click on the tab does)."""
    screen.form.tabs.setCurrentWidget(screen.form.tab_pages["tab_payment_methods"])
    grid = screen.editor("payment_methods")
    assert isinstance(grid, GridEditor)
    return grid


def method_rows(screen: RecordScreen) -> list[dict[str, Any]]:
    grid = methods_grid(screen)
    return [row for n in range(grid.model.rowCount()) if (row := grid.model.row(n)) is not None]


def click_button(screen: RecordScreen, name: str) -> None:
    methods_grid(screen)
    button = screen.findChild(QPushButton, name)
    assert button is not None, name
    button.click()


def stored(store: Store, number: str) -> list[tuple[str, bool, str | None, list[str | None]]]:
    """(method, is default, cash account, detail values) of each of the customer's methods."""
    with store.session() as session:
        customer = customer_named(session, number)
        return [
            (
                method.payment_method.payment_method_id if method.payment_method else "",
                method.is_default,
                session.get(CashAccount, method.cash_account_id).cash_account_id
                if method.cash_account_id
                else None,
                [detail.value for detail in method.details],
            )
            for method in customer.payment_methods
        ]


def new_customer(qtbot: QtBot, customers: RecordScreen) -> str:
    """A saved customer without a payment method (its class's cleared), for the seed's note:
    the method added is then shown as the Default payment method."""
    return create_customer(qtbot, customers, "Fjordkraft Handel AS", default_payment_method="")


def add_method(
    qtbot: QtBot, methods: RecordScreen, method: str, cash: str, value: str | None = None
) -> None:
    """On AR303010 started for the customer: the method, its cash account, the detail value."""
    type_into(qtbot, methods, "payment_method", method)
    type_into(qtbot, methods, "cash_account", cash)
    if value is not None:
        edit_cell(qtbot, methods, "details", 0, "value", value)
    trigger(methods, "save")
    assert methods.message.text() == "Saved.", methods.message.text()


def test_add_a_payment_method_and_a_bank_account_to_a_customer(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    # 1-2. Customers (AR303000), the customer to refund.
    customers = opened(window, "AR303000")
    number = new_customer(qtbot, customers)
    # 3. On the Payment methods tab, Add payment method: AR303010, a new method of the customer.
    click_button(customers, "payment_methods_add_payment_method")
    assert window.current_screen_id() == "AR303010"
    methods = opened(window, "AR303010")
    assert methods.record.is_new
    assert shown(methods, "customer") == number
    assert not methods.is_dirty
    # 4. The method of payment: its details to give appear (Bank account).
    type_into(qtbot, methods, "payment_method", "REFUND")
    details = methods.editor("details")
    assert isinstance(details, GridEditor)
    assert [details.model.row(0)["description"]] == ["Bank account"]  # type: ignore[index]
    # 5. The cash account.
    type_into(qtbot, methods, "cash_account", "CARDS")
    # 6. The bank account to refund to, in the Value column — checked as an IBAN.
    edit_cell(qtbot, methods, "details", 0, "value", "NO93 8601 1117 948")
    trigger(methods, "save")
    assert "Payment method details, Bank account" in methods.message.text()
    assert "IBAN" in methods.message.text()
    edit_cell(qtbot, methods, "details", 0, "value", IBAN)
    # 7. Save.
    trigger(methods, "save")
    assert methods.message.text() == "Saved.", methods.message.text()
    # The payment method is now linked to the customer, the customer's own (Override).
    assert stored(store, number) == [("REFUND", True, "CARDS", [IBAN])]
    assert shown(methods, "override") is True

    # Back on AR303000: the tab lists it, and Invoicing settings › Default payment method
    # shows it (the customer's first method is its default).
    window.open_screen("AR303000")
    assert [
        (r["payment_method"], r["is_default"], r["override"]) for r in method_rows(customers)
    ] == [(_method_id(store, "REFUND"), True, True)]
    assert shown(customers, "default_payment_method") == "REFUND"
    assert shown(customers, "cash_account") == "CARDS"
    assert not customers.is_dirty


def _method_id(store: Store, code: str) -> int:
    with store.session() as session:
        found = session.scalar(
            select(PaymentMethod.id).where(PaymentMethod.payment_method_id == code)
        )
        assert found is not None
        return found


def test_the_tab_has_the_seeds_columns_and_a_row_opens_the_method(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    customers = opened(window, "AR303000")
    number = new_customer(qtbot, customers)
    trigger(customers, "add_payment_method")  # the Actions menu's command does the same
    methods = opened(window, "AR303010")
    add_method(qtbot, methods, "CARD", "CARDS", "4111 1111 1111 1111")
    trigger(methods, "add_new")
    assert methods.record.value("customer") == customers.record.record_id
    assert methods.record.value("is_default") is False  # the customer has a default already
    add_method(qtbot, methods, "REFUND", "CARDS", IBAN)

    window.open_screen("AR303000")
    grid = methods_grid(customers)
    [entry] = next(
        t for t in catalogue.window("AR303000")["tabs"] if t["title"] == "Payment methods"
    )["grids"]
    assert [c.label for c in grid.model.columns] == [c["name"] for c in entry["columns"]]
    assert [(r["is_default"], r["active"]) for r in method_rows(customers)] == [
        (True, True),
        (False, True),
    ]
    # Shown only: the rows are AR303010's records.
    assert not grid.model.flags(grid.model.index(0, 2)) & Qt.ItemFlag.ItemIsEditable
    assert grid.add_button.isHidden() and grid.delete_button.isHidden()

    # A double-click on a row opens that method on AR303010.
    view = grid.view
    center = view.visualRect(grid.model.index(1, 2)).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    assert window.current_screen_id() == "AR303010"
    assert shown(methods, "payment_method") == "REFUND"
    # View payment method opens the selected one too.
    window.open_screen("AR303000")
    view.selectRow(0)
    click_button(customers, "payment_methods_view_payment_method")
    assert window.current_screen_id() == "AR303010"
    assert shown(methods, "payment_method") == "CARD"
    assert stored(store, number)[0][:2] == ("CARD", True)


def test_exactly_one_default_moves_with_is_default(
    qtbot: QtBot, window: MainWindow, store: Store, answers: Answers
) -> None:
    answers.unsaved = dialogs.Unsaved.DISCARD  # Cancel goes back to the method as saved
    customers = opened(window, "AR303000")
    number = new_customer(qtbot, customers)
    trigger(customers, "add_payment_method")
    methods = opened(window, "AR303010")
    add_method(qtbot, methods, "CARD", "CARDS", "4111")
    trigger(methods, "add_new")
    add_method(qtbot, methods, "REFUND", "CARDS", IBAN)

    # Selecting Is default on the second moves the mark: one default, in the same save.
    methods.editor("is_default").click()
    trigger(methods, "save")
    assert methods.message.text() == "Saved."
    assert [(m, d) for m, d, _c, _v in stored(store, number)] == [("CARD", False), ("REFUND", True)]

    # Clearing the default's mark is refused, naming the field and the rule.
    methods.editor("is_default").click()
    trigger(methods, "save")
    assert "Is default: the customer has exactly one default payment method" in (
        methods.message.text()
    )
    trigger(methods, "cancel")

    # An inactive method cannot be the default.
    methods.editor("active").click()
    trigger(methods, "save")
    assert "Is default: an inactive payment method cannot be the default." in (
        methods.message.text()
    )
    trigger(methods, "cancel")

    # The default cannot be deleted while the customer has other methods.
    trigger(methods, "delete")
    assert "is the customer's default payment method and cannot be deleted" in (
        methods.message.text()
    )
    assert [(m, d) for m, d, _c, _v in stored(store, number)] == [("CARD", False), ("REFUND", True)]

    # Set as default (toolbar) on the other one; AR303000's Invoicing settings follow.
    type_into(qtbot, methods, "customer", number)
    methods.open_record(_row_of(store, number, "CARD"))
    trigger(methods, "set_as_default")
    assert [(m, d) for m, d, _c, _v in stored(store, number)] == [("CARD", True), ("REFUND", False)]
    window.open_screen("AR303000")  # read again: nothing unsaved there
    assert shown(customers, "default_payment_method") == "CARD"


def _row_of(store: Store, number: str, code: str) -> int:
    with store.session() as session:
        customer = customer_named(session, number)
        return next(
            m.id
            for m in customer.payment_methods
            if m.payment_method is not None and m.payment_method.payment_method_id == code
        )


# -- two screens open on the same customer ------------------------------------------------------


def test_a_method_saved_on_ar303010_is_not_undone_by_ar303000(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    customers = open_screen("AR303000")
    number = create_customer(qtbot, customers, "Fjordkraft Handel AS")
    type_into(qtbot, customers, "default_payment_method", "CARD")
    edit_cell(qtbot, customers, "default_payment_method.details", 0, "value", "4111")
    trigger(customers, "save")
    assert customers.message.text() == "Saved.", customers.message.text()

    methods = open_screen("AR303010")
    methods.open_record(_row_of(store, number, "CARD"))
    type_into(qtbot, methods, "description", "Company card")
    type_into(qtbot, methods, "cash_account", "CARDS")
    trigger(methods, "save")
    assert methods.message.text() == "Saved."

    # AR303000 still shows the method as it read it: a change elsewhere on the customer saves
    # without touching the method ...
    type_into(qtbot, customers, "customer_name", "Fjordkraft Handel ASA")
    trigger(customers, "save")
    assert customers.message.text() == "Saved."
    assert stored(store, number) == [("CARD", True, "CARDS", ["4111", None])]
    assert shown(customers, "description") == "Company card"

    # ... and a change of the method there, over AR303010's save, is refused (stale).
    methods.open_record(_row_of(store, number, "CARD"))
    type_into(qtbot, methods, "description", "Card of the CFO")
    trigger(methods, "save")
    type_into(qtbot, customers, "description", "Office card")
    trigger(customers, "save")
    assert "default payment method was changed on another screen" in customers.message.text()
    with store.session() as session:
        assert customer_named(session, number).default_payment_method.description == (  # type: ignore[union-attr]
            "Card of the CFO"
        )


def test_a_method_saved_on_ar303000_makes_ar303010_refuse_a_stale_save(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    answers.confirm = False  # no reload: the refusal is what is looked at
    customers = open_screen("AR303000")
    number = create_customer(qtbot, customers, "Fjordkraft Handel AS")
    type_into(qtbot, customers, "default_payment_method", "CARD")
    edit_cell(qtbot, customers, "default_payment_method.details", 0, "value", "4111")
    trigger(customers, "save")
    methods = open_screen("AR303010")
    methods.open_record(_row_of(store, number, "CARD"))

    type_into(qtbot, customers, "description", "Office card")
    trigger(customers, "save")
    assert customers.message.text() == "Saved."
    type_into(qtbot, methods, "description", "Card of the CFO")
    trigger(methods, "save")
    assert "changed by someone else" in methods.message.text()
    with store.session() as session:
        customer = session.scalars(select(Customer).where(Customer.customer_no == number)).one()
        [method] = customer.payment_methods
        assert method.description == "Office card"


def test_a_default_moved_on_ar303010_is_not_undone_by_ar303000(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    customers = open_screen("AR303000")
    number = create_customer(qtbot, customers, "Fjordkraft Handel AS")
    type_into(qtbot, customers, "default_payment_method", "CARD")
    edit_cell(qtbot, customers, "default_payment_method.details", 0, "value", "4111")
    trigger(customers, "save")
    methods = open_screen("AR303010")
    methods.show_target(_target(customers))
    add_method(qtbot, methods, "REFUND", "CARDS", IBAN)
    methods.editor("is_default").click()
    trigger(methods, "save")
    assert methods.message.text() == "Saved."

    # AR303000 still shows CARD as the default; editing its description is refused ...
    type_into(qtbot, customers, "description", "Office card")
    trigger(customers, "save")
    assert "default payment method was changed on another screen" in customers.message.text()
    trigger(customers, "cancel")
    # ... and reloaded, it shows the new default.
    assert shown(customers, "default_payment_method") == "REFUND"
    with store.session() as session:
        methods_now = session.scalars(
            select(CustomerPaymentMethod).where(
                CustomerPaymentMethod.customer_id == customers.record.record_id
            )
        ).all()
        assert sorted((m.is_default, m.description or "") for m in methods_now) == [
            (False, ""),
            (True, ""),
        ]
    assert stored(store, number)[1][:2] == ("REFUND", True)


def _target(customers: RecordScreen) -> Any:
    from app.windows.navigation import Target

    return Target("AR303010", values={"customer": customers.record.record_id})


def test_back_on_ar303000_unsaved_changes_are_kept_over_a_moved_default(
    qtbot: QtBot, window: MainWindow, store: Store, answers: Answers
) -> None:
    answers.confirm = False  # no reload when the stale save is refused
    customers = opened(window, "AR303000")
    number = new_customer(qtbot, customers)
    trigger(customers, "add_payment_method")
    methods = opened(window, "AR303010")
    add_method(qtbot, methods, "CARD", "CARDS", "4111")
    trigger(methods, "add_new")
    add_method(qtbot, methods, "REFUND", "CARDS", IBAN)
    window.open_screen("AR303000")
    assert shown(customers, "default_payment_method") == "CARD"
    type_into(qtbot, customers, "description", "Office card")  # unsaved

    window.open_screen("AR303010")
    trigger(methods, "set_as_default")
    window.open_screen("AR303000")
    # Not read again over the unsaved change; its save is refused, not written over REFUND.
    assert shown(customers, "description") == "Office card"
    trigger(customers, "save")
    assert "default payment method was changed on another screen" in customers.message.text()
    assert [(m, d) for m, d, _c, _v in stored(store, number)] == [("CARD", False), ("REFUND", True)]
    with store.session() as session:
        assert all(m.description is None for m in customer_named(session, number).payment_methods)
