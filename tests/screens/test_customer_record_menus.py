"""Customers (AR303000) II, item 11 — the Actions and Inquiries menus with the seed's commands:
those of this version work, those of later issues are listed disabled saying what they will do,
and the ones the seed marks not in use or whose windows are outside this product are left out."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QToolBar, QToolButton
from pytestqt.qtbot import QtBot

from app.ledger import catalogue
from app.models import DocumentType
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import LATER_VERSION, Action
from app.windows.navigation import Target
from app.windows.screens.customers import CONTACTS_SCREEN, LOCATIONS_SCREEN, SCREEN
from tests.screens.conftest import Answers
from tests.screens.customer_record import Opener, create_customer, set_up
from tests.screens.helpers import trigger

# The seed's menu commands this product leaves out: not in use, or their windows are elsewhere.
LEFT_OUT = {
    "View business account",
    "Generate statement on demand",
    "New sales order",
    "View restriction groups",
    "Sales prices",
    "Sales by item and customer",
}
WORKING = {
    "Add location",
    "Add contact",
    "Add payment method",
    "Change ID",
    "View supplier",
    "Extend to supplier",
    "Regenerate last statement",
    "Customer statement history",
    "New invoice",
    "New payment",
    "Write-off balance",
    "Customer details",
}
# Every command of the seed works now; one of a later issue would be listed here.
LATER: set[str] = set()


def seed_menu(menu: str) -> list[str]:
    """The seed's commands of ``menu``, in its order (the catalogue of the seed)."""
    return [
        entry["name"]
        for entry in catalogue.window("AR303000")["toolbar"]
        if isinstance(entry, dict) and entry.get("menu") == menu
    ]


def menu_labels(screen: RecordScreen, name: str) -> list[str]:
    button = screen.findChild(QToolButton, f"{name}_button")
    assert button is not None, name
    menu = button.menu()
    assert menu is not None and menu.objectName() == f"{name}_menu"
    return [action.text() for action in menu.actions()]


def test_the_menus_list_exactly_the_seeds_commands_minus_the_left_out_ones(
    open_screen: Opener,
) -> None:
    screen = open_screen("AR303000")
    actions = menu_labels(screen, "actions")
    inquiries = menu_labels(screen, "inquiries")
    assert actions == [name for name in seed_menu("Actions") if name not in LEFT_OUT]
    assert inquiries == [name for name in seed_menu("Inquiries") if name not in LEFT_OUT]
    assert inquiries == ["Customer details", "Customer statement history"]
    assert set(actions) | set(inquiries) == WORKING | LATER
    # The toolbar's own buttons stay on it; the two menu buttons are on it, Actions first.
    toolbar = screen.findChild(QToolBar, "record_toolbar")
    assert toolbar is not None
    texts = [action.text() for action in toolbar.actions()]
    assert texts.index("View on map") < texts.index("Set as default")
    buttons = [
        b.text() for b in toolbar.findChildren(QToolButton) if b.objectName().endswith("s_button")
    ]
    assert buttons == ["Actions", "Inquiries"]


def test_each_later_command_is_disabled_with_its_tooltip_and_cannot_be_triggered(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    set_up(store)
    screen = open_screen("AR303000")
    opened: list[Target] = []
    screen.navigate = opened.append
    # An existing customer: the conditions that enable its working commands hold.
    create_customer(qtbot, screen, "Senere Versjon AS")
    assert screen.action("change_id").isEnabled()
    assert screen.action("add_location").isEnabled()
    assert screen.action("extend_to_supplier").isEnabled()
    assert screen.action("add_contact").isEnabled()
    for label in sorted(LATER):
        action = screen.action(Action.later(label).object_name[7:])
        assert action.objectName() == Action.later(label).object_name
        assert not action.isEnabled(), label
        described = catalogue.action_help("AR303000", label)
        assert described, label  # the seed says what it will do
        assert action.toolTip() == f"{described}\n{LATER_VERSION}"
        before, said = screen.record.values(), screen.message.text()
        action.trigger()  # a disabled command does nothing, and has nothing to do
        action.setEnabled(True)  # even enabled by mistake, no handler runs: there is none
        action.trigger()
        action.setEnabled(False)
        assert screen.message.text() == said, label
        assert screen.record.values() == before
    assert opened == []
    assert answers.asked == []
    assert screen.action("extend_to_supplier").objectName() == "action_extend_to_supplier"
    assert screen.action("regenerate_last_statement").objectName() == (
        "action_regenerate_last_statement"
    )


def test_the_working_commands_work_from_the_actions_menu(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    set_up(store)
    screen = open_screen("AR303000")
    opened: list[Target] = []
    screen.navigate = opened.append
    number = create_customer(qtbot, screen, "Fungerer AS")
    customer_id = screen.record.record_id

    trigger(screen, "add_location")
    assert opened == [Target(LOCATIONS_SCREEN, values={"customer": customer_id})]
    trigger(screen, "add_contact")
    assert opened[-1] == Target(CONTACTS_SCREEN, values={"customer": customer_id})

    trigger(screen, "extend_to_supplier")
    assert opened[-1] == Target("AP303000", values={"extends_customer": customer_id})
    trigger(screen, "new_invoice")
    trigger(screen, "new_payment")
    trigger(screen, "customer_details")
    assert opened[3:] == [
        Target("AR301000", values={"customer": customer_id, "doc_type": DocumentType.INVOICE}),
        Target("AR301000", values={"customer": customer_id, "doc_type": DocumentType.PAYMENT}),
        Target("AR402000", record_id=customer_id),
    ]
    # Write-off balance only for a customer with Enable write-offs.
    assert not screen.action("write_off_balance").isEnabled()

    answers.text = "K-900"
    trigger(screen, "change_id")
    assert answers.asked == [f"Change ID: New customer no. for customer {number}:"]
    assert screen.message.text() == f"Customer {number} is now customer K-900."


def test_the_screen_declares_the_later_commands_without_handlers() -> None:
    declared = {action.label: action for action in SCREEN.actions}
    assert LEFT_OUT.isdisjoint(declared)
    for label in LATER:
        assert declared[label].handler is None and not declared[label].available
    for label in WORKING:
        assert declared[label].handler is not None and declared[label].available
    inquiries = {"Customer details", "Customer statement history"}
    assert {declared[label].menu for label in inquiries} == {"Inquiries"}
    assert {declared[label].menu for label in (LATER | WORKING) - inquiries} == {"Actions"}


def test_an_action_works_or_says_why_not() -> None:
    with pytest.raises(ValueError, match="handler or a reason"):
        Action("Nothing")  # neither a handler nor a reason
    with pytest.raises(ValueError, match="handler or a reason"):
        Action("Both", lambda _screen: None, unavailable="Later.")
    later = Action.later("Customer details", menu="Inquiries")
    assert later.tooltip("Navigates to AR402000.") == f"Navigates to AR402000.\n{LATER_VERSION}"
    assert Action("Works", lambda _screen: None).tooltip("Does it.") == "Does it."
