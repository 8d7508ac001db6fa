"""A record screen makes a tab's widgets the first time the tab is shown; until then the record
holds the tab's values, and everything that reads or writes them works the same."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.models import Country
from app.models.database import Store
from app.windows.framework.grid import GridEditor
from app.windows.framework.lookup import LookupEditor
from app.windows.framework.record_screen import RecordScreen
from tests.factories import customer_class
from tests.screens.customer_record import Opener, set_up
from tests.screens.helpers import click_check, shown, trigger, type_into

GL_TAB = "tab_general_ledger_accounts"
INVOICING_TAB = "tab_invoicing_settings"


def built(screen: RecordScreen, key: str) -> bool:
    return screen.findChild(QWidget, key) is not None


def show_tab(screen: RecordScreen, object_name: str) -> None:
    """What a click on the tab does."""
    screen.form.tabs.setCurrentWidget(screen.form.tab_pages[object_name])


def test_a_screen_opens_with_its_first_tab_and_builds_another_when_shown(
    open_screen: Opener, store: Store
) -> None:
    set_up(store)
    screen = open_screen("AR303000")
    assert built(screen, "customer_class")  # General information, shown
    assert not built(screen, "sales_account")  # General ledger accounts, not shown yet
    assert not built(screen, "locations")  # nor the Locations grid
    # Every tab is there, by its name, before it is built.
    assert set(screen.form.tab_pages) == {
        "tab_general_information",
        "tab_invoicing_settings",
        "tab_delivery_settings",
        "tab_locations",
        "tab_payment_methods",
        "tab_contacts",
        "tab_salespersons",
        "tab_child_accounts",
        "tab_attributes",
        "tab_activities",
        GL_TAB,
        "tab_mailing_settings",
        "tab_other_invoice_settings",
        "tab_direct_debit",
        "tab_webhook_notifications",
    }
    assert not built(screen, "payment_methods") and not built(screen, "mandates")
    assert not built(screen, "grid_mailings") and not built(screen, "grid_recipients")
    assert not built(screen, "activities")
    show_tab(screen, GL_TAB)
    editor = screen.findChild(QWidget, "sales_account")
    assert editor is not None and editor.isVisible()
    assert shown(screen, "sales_account") == "3000"  # the DEFAULT class's, held by the record
    show_tab(screen, "tab_mailing_settings")
    mailings = screen.findChild(QWidget, "grid_mailings")
    assert isinstance(mailings, GridEditor) and mailings.isVisible()
    assert mailings.model.rowCount() == 4  # the DEFAULT class's mailings, held by the record


def test_asking_for_an_editor_builds_its_tab_without_showing_it(
    open_screen: Opener, store: Store
) -> None:
    set_up(store)
    screen = open_screen("AR303000")
    assert screen.built_editor("sales_account") is None
    editor = screen.editor("sales_account")
    assert editor.objectName() == "sales_account"
    assert screen.built_editor("sales_account") is editor
    assert screen.form.tabs.currentIndex() == 0


def test_values_an_on_change_rule_sets_on_a_tab_not_built_are_shown_when_it_is(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up(store)
    with store.transaction() as session:
        customer_class(session, "EXPORT", "Export customers")
        session.flush()
    screen = open_screen("AR303000")
    type_into(qtbot, screen, "customer_class", "EXPORT")
    assert not built(screen, "cash_discount_account")
    show_tab(screen, GL_TAB)
    assert shown(screen, "sales_account") == "3000"
    assert shown(screen, "cash_discount_account") == "3090"


def test_pasted_values_of_a_tab_not_built_are_shown_when_it_is(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up(store)
    first = open_screen("AR303000")
    type_into(qtbot, first, "customer_name", "Mal AS")
    click_check(qtbot, first, "invoice_address_same_as_main")
    type_into(qtbot, first, "invoice_address_city", "Postboks by")
    trigger(first, "copy")

    other = open_screen("AR303000")
    assert not built(other, "invoice_address_city")
    trigger(other, "paste")
    show_tab(other, INVOICING_TAB)
    assert shown(other, "invoice_address_city") == "Postboks by"
    assert not shown(other, "invoice_address_same_as_main")


def test_a_problem_on_a_tab_not_built_is_outlined_and_its_tab_brought_forward(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up(store)
    screen = open_screen("AR303000")
    type_into(qtbot, screen, "customer_name", "Uten Konto AS")
    screen.record.set_value("sales_account", None)  # as a cleared field of that tab leaves it
    assert not built(screen, "sales_account")
    trigger(screen, "save")
    assert "Sales account" in screen.message.text()
    editor = screen.editor("sales_account")
    assert isinstance(editor, LookupEditor)
    assert editor.line_edit.property("invalid")
    assert screen.form.tabs.currentWidget() is screen.form.tab_pages[GL_TAB]


def test_a_county_lookup_built_later_offers_its_address_country_counties(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up(store)
    with store.session() as session:
        sweden = session.scalars(select(Country).where(Country.country_id == "SE")).one()
        swedish = {county.county_id for county in sweden.counties}
    screen = open_screen("AR303000")
    type_into(qtbot, screen, "customer_name", "Svensk Handel AB")
    type_into(qtbot, screen, "main_address_country", "SE")  # the invoice address shares it
    assert not built(screen, "invoice_address_county")
    click_check(qtbot, screen, "invoice_address_same_as_main")  # its own copy, still in SE
    lookup = screen.editor("invoice_address_county")
    assert isinstance(lookup, LookupEditor)
    lookup.line_edit.setFocus()
    qtbot.keyClicks(lookup.line_edit, sorted(swedish)[0][:1])
    model = lookup.completer.model()
    offered = [str(model.index(row, 0).data()) for row in range(model.rowCount())]
    assert offered and all(text.split(" – ")[0] in swedish for text in offered)
