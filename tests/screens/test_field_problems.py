"""A field with a problem is visible: outlined, its tooltip saying the problem, and a problem
of a shared main address reported once (not once per section sharing it)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.models import Customer
from app.models.database import Store
from app.windows.framework.lookup import LookupEditor
from app.windows.framework.record_screen import RecordScreen
from tests.screens.customer_record import Opener, set_up
from tests.screens.helpers import trigger, type_into


def outlined(screen: RecordScreen, key: str) -> bool:
    editor = screen.editor(key)
    widget = editor.line_edit if isinstance(editor, LookupEditor) else editor
    return bool(widget.property("invalid"))


def tooltip(screen: RecordScreen, key: str) -> str:
    editor = screen.editor(key)
    widget = editor.line_edit if isinstance(editor, LookupEditor) else editor
    return widget.toolTip()


def test_a_blank_name_is_refused_outlined_and_explained(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up(store)
    screen = open_screen("AR303000")
    help_text = tooltip(screen, "customer_name")
    type_into(qtbot, screen, "customer_name", "   ")
    trigger(screen, "save")

    assert "Customer name: a value is required." in screen.message.text()
    assert outlined(screen, "customer_name")
    assert tooltip(screen, "customer_name").startswith("Customer name: a value is required.")
    with store.session() as session:
        assert session.scalars(select(Customer)).all() == []

    type_into(qtbot, screen, "customer_name", "Fjordkraft Handel AS")
    trigger(screen, "save")
    assert screen.message.text() == "Saved."
    assert not outlined(screen, "customer_name")
    assert tooltip(screen, "customer_name") == help_text


def test_a_shared_main_address_problem_is_reported_once(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up(store)
    screen = open_screen("AR303000")
    assert screen.record.value("invoice_address_same_as_main")
    assert screen.record.value("shipping_address_same_as_main")
    type_into(qtbot, screen, "customer_name", "Svensk Import AB")
    type_into(qtbot, screen, "main_address_country", "SE")
    type_into(qtbot, screen, "main_address_postcode", "1135")
    trigger(screen, "save")

    message = screen.message.text()
    assert message.count("does not match the postcode rule") == 1, message
    assert "Main address, Postcode" in message
    assert outlined(screen, "main_address_postcode")
    assert not outlined(screen, "invoice_address_postcode")


def test_an_unknown_code_in_a_lookup_is_outlined_with_its_reason(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up(store)
    screen = open_screen("AR303000")
    type_into(qtbot, screen, "terms", "NOSUCH")
    assert outlined(screen, "terms")
    assert tooltip(screen, "terms").startswith("'NOSUCH' is not in the list of payment terms.")
