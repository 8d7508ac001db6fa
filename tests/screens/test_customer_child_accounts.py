"""Customers (AR303000) › Child accounts and the seed's parent–child rules, through the widgets:
the tab lists a parent's children with their balances, flags and statement cycle (shown on a
parent only); an account cannot be both parent and child; changing a parent's Consolidate
balance, Consolidate statements or Shared credit policy offers to change all its children (yes:
changed in the same save; no: left as they are); the Consolidated balance sums the children that
consolidate."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.ledger import catalogue
from app.models import DocumentType
from app.models.database import Store
from app.windows.framework import dialogs
from app.windows.framework.grid import GridEditor
from app.windows.framework.record_screen import RecordScreen
from tests.ledger.customer_documents import add_document
from tests.screens.conftest import Answers
from tests.screens.customer_record import Opener, create_customer, customer_named, set_up
from tests.screens.helpers import activate, click_check, shown, trigger, type_into

QUESTION = "Change child accounts"


@pytest.fixture(autouse=True)
def company(store: Store) -> None:
    set_up(store)


def child_grid(screen: RecordScreen) -> GridEditor:
    screen.form.tabs.setCurrentWidget(screen.form.tab_pages["tab_child_accounts"])
    grid = screen.editor("child_accounts")
    assert isinstance(grid, GridEditor)
    return grid


def child_rows(screen: RecordScreen) -> list[dict[str, Any]]:
    grid = child_grid(screen)
    return [row for n in range(grid.model.rowCount()) if (row := grid.model.row(n)) is not None]


def tab_shown(screen: RecordScreen) -> bool:
    page = screen.form.tab_pages["tab_child_accounts"]
    return screen.form.tabs.isTabVisible(screen.form.tabs.indexOf(page))


def open_customer(qtbot: QtBot, screen: RecordScreen, number: str) -> None:
    activate(screen)
    trigger(screen, "add_new")
    type_into(qtbot, screen, "customer_no", number)
    assert screen.record.record_id is not None


def make_child(qtbot: QtBot, screen: RecordScreen, name: str, parent: str, *flags: str) -> str:
    """A new customer with ``parent`` as its parent account and ``flags`` selected."""
    number = create_customer(qtbot, screen, name)
    type_into(qtbot, screen, "parent_account", parent)
    for flag in flags:
        click_check(qtbot, screen, flag)
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()
    return number


def flags_of(store: Store, number: str) -> tuple[bool, bool, bool]:
    with store.session() as session:
        c = customer_named(session, number)
        return c.consolidate_balance, c.consolidate_statements, c.shared_credit_policy


def family(qtbot: QtBot, screen: RecordScreen) -> tuple[str, str, str]:
    parent = create_customer(qtbot, screen, "Konsern AS")
    first = make_child(qtbot, screen, "Datter Nord AS", parent, "consolidate_balance")
    second = make_child(qtbot, screen, "Datter Sør AS", parent)
    return parent, first, second


def test_the_tab_lists_a_parents_children_with_balances_and_flags(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = open_screen("AR303000")
    parent, first, second = family(qtbot, screen)
    with store.transaction() as session:
        add_document(session, customer_named(session, parent), DocumentType.INVOICE, "1000")
        add_document(
            session,
            customer_named(session, first),
            DocumentType.INVOICE,
            "300",
            due_date=date(2026, 3, 1),
        )
        add_document(session, customer_named(session, first), DocumentType.PREPAYMENT, "50")
        add_document(session, customer_named(session, second), DocumentType.INVOICE, "700")
        add_document(
            session, customer_named(session, second), DocumentType.INVOICE, "40", released=False
        )
        customer_named(session, second).statement_cycle_id = None

    # A child (and a customer without children) does not show the tab.
    assert not tab_shown(screen)
    open_customer(qtbot, screen, parent)
    assert tab_shown(screen)
    grid = child_grid(screen)
    [entry] = next(
        t for t in catalogue.window("AR303000")["tabs"] if t["title"] == "Child accounts"
    )["grids"]
    assert [c.label for c in grid.model.columns] == [c["name"] for c in entry["columns"]]
    assert [
        (
            r["customer_no"],
            r["customer_name"],
            str(r["balance"]),
            str(r["prepayment_balance"]),
            str(r["unreleased_balance"]),
            r["first_due_date"],
            r["consolidate_balance"],
            r["consolidate_statements"],
            r["shared_credit_policy"],
        )
        for r in child_rows(screen)
    ] == [
        (
            first,
            "Datter Nord AS",
            "250.0000",
            "50.0000",
            "0.0000",
            date(2026, 3, 1),
            True,
            False,
            False,
        ),
        (second, "Datter Sør AS", "700.0000", "0.0000", "40.0000", None, False, False, False),
    ]
    # The parent's Consolidated balance: its own and the children with Consolidate balance.
    assert shown(screen, "balance") == "1000.00"
    assert shown(screen, "consolidated_balance") == "1250.00"
    # The rows are other customers: saving the parent writes none of them.
    type_into(qtbot, screen, "customer_name", "Konsern ASA")
    trigger(screen, "save")
    assert screen.message.text() == "Saved."
    assert flags_of(store, first) == (True, False, False)


def test_an_account_cannot_be_both_parent_and_child(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    answers.unsaved = dialogs.Unsaved.DISCARD
    screen = open_screen("AR303000")
    parent, first, _second = family(qtbot, screen)
    # A child account cannot be a parent: choosing it is refused, naming its parent instead.
    create_customer(qtbot, screen, "Barnebarn AS")
    type_into(qtbot, screen, "parent_account", first)
    trigger(screen, "save")
    assert (
        f"Parent account: customer {first} is itself a child account; choose its parent instead."
        in screen.message.text()
    )
    # A parent cannot become a child: greyed out on the parent, refused by the ledger.
    open_customer(qtbot, screen, parent)
    assert not screen.editor("parent_account").isEnabled()


def test_changing_a_parents_flags_offers_to_change_all_children(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    screen = open_screen("AR303000")
    parent, first, second = family(qtbot, screen)
    child_screen = open_screen("AR303000")
    open_customer(qtbot, child_screen, second)

    open_customer(qtbot, screen, parent)
    click_check(qtbot, screen, "consolidate_statements")
    click_check(qtbot, screen, "consolidate_balance")
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()
    [question] = [a for a in answers.asked if a.startswith(QUESTION)]
    assert "Consolidate balance: selected" in question
    assert "Consolidate statements: selected" in question
    assert "all its 2 child accounts" in question
    # Yes: every child takes the parent's values, in the parent's save.
    assert flags_of(store, parent) == (True, True, False)
    assert flags_of(store, first) == (True, True, False)
    assert flags_of(store, second) == (True, True, False)
    assert [
        (r["consolidate_balance"], r["consolidate_statements"]) for r in child_rows(screen)
    ] == [
        (True, True),
        (True, True),
    ]
    # A screen open on a child as it was refuses to save over the change (no reload asked for).
    answers.confirm = False
    activate(child_screen)
    type_into(qtbot, child_screen, "customer_name", "Datter Sør ASA")
    trigger(child_screen, "save")
    assert "changed by someone else" in child_screen.message.text()
    assert flags_of(store, second) == (True, True, False)

    # No: the parent's change is saved, the children keep theirs.
    answers.asked.clear()
    answers.no_to.add(QUESTION)
    answers.confirm = True
    activate(screen)
    click_check(qtbot, screen, "shared_credit_policy")
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()
    assert [a for a in answers.asked if a.startswith(QUESTION)]
    assert flags_of(store, parent) == (True, True, True)
    assert flags_of(store, first) == (True, True, False)

    # A change the children already hold asks nothing.
    answers.asked.clear()
    click_check(qtbot, screen, "shared_credit_policy")
    trigger(screen, "save")
    assert screen.message.text() == "Saved."
    assert not [a for a in answers.asked if a.startswith(QUESTION)]


def test_choosing_a_parent_gives_its_flags_as_the_childs_defaults(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = open_screen("AR303000")
    parent = create_customer(qtbot, screen, "Konsern AS")
    click_check(qtbot, screen, "consolidate_balance")
    click_check(qtbot, screen, "consolidate_statements")
    trigger(screen, "save")
    assert screen.message.text() == "Saved."

    # A new customer choosing the parent takes the parent's flags (unsaved until saved).
    trigger(screen, "add_new")
    type_into(qtbot, screen, "customer_name", "Datter AS")
    type_into(qtbot, screen, "parent_account", parent)
    assert (
        shown(screen, "consolidate_balance"),
        shown(screen, "consolidate_statements"),
        shown(screen, "shared_credit_policy"),
    ) == (True, True, False)
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()
    assert flags_of(store, str(screen.record.value("customer_no"))) == (True, True, False)

    # A flag the user set first is kept: the parent's are not forced over it.
    trigger(screen, "add_new")
    type_into(qtbot, screen, "customer_name", "Datter Vest AS")
    click_check(qtbot, screen, "consolidate_balance")
    type_into(qtbot, screen, "parent_account", parent)
    assert (shown(screen, "consolidate_balance"), shown(screen, "consolidate_statements")) == (
        True,
        False,
    )
