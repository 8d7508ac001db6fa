"""Customer locations (CR303010) as the seed's "Add customer locations" walks it: select the
customer (its main location is shown), add a location, Same as main, the location settings,
Same as default location, save; and the catalogue of the screen's elements."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.ledger import lookups
from app.ledger.sources import GL_ACCOUNTS
from app.models import Customer, GlAccount, Location
from app.models.database import Store
from app.models.options import ExportType
from app.windows.framework.dialogs import Unsaved
from app.windows.framework.listwindow import ListWindow
from app.windows.screens.customer_locations import SCREEN
from tests.screens.catalogue_walk import missing_elements
from tests.screens.conftest import Answers
from tests.screens.customer_record import (
    Opener,
    create_customer,
    customer_named,
    description,
    enabled,
    set_up,
)
from tests.screens.helpers import choose_option, click_check, shown, trigger, type_into


@pytest.fixture(autouse=True)
def company(store: Store) -> None:
    set_up(store)


def stored(store: Store, number: str, location_id: str) -> Location:
    with store.session() as session:
        found = session.scalars(
            select(Location)
            .join(Customer)
            .where(Customer.customer_no == number, Location.location_id == location_id)
        ).one()
        found.address, found.contact  # noqa: B018 (loaded while the session is open)
        session.expunge_all()
        return found


def account_id(store: Store, number: str) -> int:
    with store.session() as session:
        found = session.scalar(select(GlAccount.id).where(GlAccount.account == number))
        assert found is not None
        return found


def other_income_account(store: Store, besides: Any) -> str:
    """Another account the sales account lookup offers."""
    return next(
        choice.code
        for choice in lookups.suggest(store, GL_ACCOUNTS, "", 300)
        if choice.value != besides
    )


def test_every_catalogued_element_is_on_the_screen() -> None:
    assert missing_elements(SCREEN) == []


def test_add_customer_locations_step_by_step(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    customers = open_screen("AR303000")
    number = create_customer(qtbot, customers, "Fjordkraft Handel AS", main_address_city="Bergen")
    screen = open_screen("CR303010")

    # 1–2. Select the customer: its main location is shown.
    type_into(qtbot, screen, "customer", number)
    assert screen.record.record_id is not None
    assert shown(screen, "location_id") == "MAIN"
    assert shown(screen, "is_default") is True
    assert shown(screen, "location_address_city") == "Bergen"
    assert not enabled(screen, "same_as_default_location")  # the default's accounts are its own

    # 3–4. Add a location for this customer, with its own ID.
    trigger(screen, "add_new")
    assert screen.record.is_new and screen.record.value("customer") is not None
    assert shown(screen, "location_id") == ""
    type_into(qtbot, screen, "location_id", "OSLO")
    type_into(qtbot, screen, "location_name", "Oslo warehouse")
    # The new location starts from the main address and the default location's accounts.
    assert shown(screen, "location_address_same_as_main") is True
    assert shown(screen, "location_address_city") == "Bergen"
    assert not enabled(screen, "location_address_city")
    assert shown(screen, "same_as_default_location") is True
    assert not enabled(screen, "sales_account")
    main = stored(store, number, "MAIN")
    assert screen.record.value("sales_account") == main.sales_account_id

    # 5. Clear Same as main for the address and enter the location's own.
    click_check(qtbot, screen, "location_address_same_as_main")
    assert enabled(screen, "location_address_city")
    type_into(qtbot, screen, "location_address_city", "Oslo")

    # 6. Other optional fields of this location.
    type_into(qtbot, screen, "ship_via", "POSTEN")
    choose_option(qtbot, screen, "export_type", "Export")
    type_into(qtbot, screen, "lead_time_days", "2")

    # 7. Clear Same as default location and give the location its own sales account.
    click_check(qtbot, screen, "same_as_default_location")
    assert enabled(screen, "sales_account")
    own = other_income_account(store, main.sales_account_id)
    type_into(qtbot, screen, "sales_account", own)

    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()

    oslo = stored(store, number, "OSLO")
    main = stored(store, number, "MAIN")
    assert oslo.location_name == "Oslo warehouse" and not oslo.is_default and not oslo.is_main
    assert oslo.address is not None and oslo.address.city == "Oslo"
    assert oslo.address_id != main.address_id
    assert oslo.contact_same_as_main and oslo.contact_id == main.contact_id
    assert oslo.export_type == ExportType.EXPORT and oslo.lead_time_days == 2
    assert not oslo.same_as_default_location
    assert oslo.sales_account_id == account_id(store, own)
    assert oslo.sales_sub_id == main.sales_sub_id  # taken over when the box was cleared
    # The export type's account is shown read-only.
    assert screen.record.value("suggested_sales_account") == oslo.sales_export_account_id


def test_same_as_main_shares_the_customer_s_main_address(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    customers = open_screen("AR303000")
    number = create_customer(qtbot, customers, "Fjordkraft Handel AS", main_address_city="Bergen")
    screen = open_screen("CR303010")
    type_into(qtbot, screen, "customer", number)
    trigger(screen, "add_new")
    type_into(qtbot, screen, "location_id", "OSLO")
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()

    # The main address edited on AR303000 is the location's too.
    type_into(qtbot, customers, "main_address_city", "Drammen")
    trigger(customers, "save")
    trigger(screen, "cancel")
    assert shown(screen, "location_address_city") == "Drammen"

    # Cleared: an own copy to edit; ticked again: the main one shown and shared again.
    click_check(qtbot, screen, "location_contact_same_as_main")
    type_into(qtbot, screen, "location_contact_email", "oslo@fjordkraft.no")
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()
    oslo = stored(store, number, "OSLO")
    with store.session() as session:
        main_contact = customer_named(session, number).main_contact_id
    assert oslo.contact_id != main_contact
    assert oslo.contact is not None and oslo.contact.email == "oslo@fjordkraft.no"

    click_check(qtbot, screen, "location_contact_same_as_main")
    assert shown(screen, "location_contact_email") == ""
    trigger(screen, "save")
    assert stored(store, number, "OSLO").contact_id == main_contact


def test_same_as_default_location_shows_the_default_s_accounts_also_after_set_as_default(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    customers = open_screen("AR303000")
    number = create_customer(qtbot, customers, "Fjordkraft Handel AS")
    screen = open_screen("CR303010")
    type_into(qtbot, screen, "customer", number)
    main_account = screen.record.value("sales_account")
    own = other_income_account(store, main_account)

    for location, own_accounts in (("OSLO", False), ("BERGEN", True)):
        trigger(screen, "add_new")
        type_into(qtbot, screen, "location_id", location)
        if own_accounts:
            click_check(qtbot, screen, "same_as_default_location")
            type_into(qtbot, screen, "sales_account", own)
        trigger(screen, "save")
        assert screen.message.text() == "Saved.", screen.message.text()

    trigger(screen, "set_as_default")  # BERGEN, shown
    assert shown(screen, "is_default") is True
    assert not enabled(screen, "same_as_default_location")

    type_into(qtbot, screen, "location_id", "OSLO")
    assert shown(screen, "same_as_default_location") is True
    assert shown(screen, "sales_account") == own  # BERGEN's now
    assert description(screen, "sales_account") != ""

    # AR303000 saves the customer with its new default location's accounts.
    trigger(customers, "cancel")
    type_into(qtbot, customers, "customer_name", "Fjordkraft Handel ASA")
    trigger(customers, "save")
    assert customers.message.text() == "Saved.", customers.message.text()
    assert shown(customers, "sales_account") == own


def test_the_list_window_names_customer_location_city_country(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    customers = open_screen("AR303000")
    create_customer(qtbot, customers, "Fjordkraft Handel AS", main_address_city="Bergen")
    screen = open_screen("CR303010")
    trigger(screen, "list_window")
    window = screen.list_window
    assert isinstance(window, ListWindow)
    model = window.model
    row = {
        key: model.index(0, model.column_of(key)).data()
        for key in ("customer_name", "location_id", "city", "country", "is_default")
    }
    assert row["customer_name"] == "Fjordkraft Handel AS"
    assert row["location_id"] == "MAIN"
    assert row["city"] == "Bergen"
    assert row["country"] == "NO"


def test_the_main_and_the_default_location_are_protected_on_the_screen(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    customers = open_screen("AR303000")
    number = create_customer(qtbot, customers, "Fjordkraft Handel AS")
    screen = open_screen("CR303010")
    type_into(qtbot, screen, "customer", number)

    click_check(qtbot, screen, "active")
    trigger(screen, "save")
    assert "default location and cannot be deactivated" in screen.message.text()
    assert "main location" in screen.message.text()
    answers.unsaved = Unsaved.DISCARD  # Cancel asks first; discarded here
    trigger(screen, "cancel")
    trigger(screen, "delete")
    assert "default location and cannot be deleted" in screen.message.text()

    trigger(screen, "add_new")
    type_into(qtbot, screen, "location_id", "OSLO")
    trigger(screen, "save")
    trigger(screen, "set_as_default")
    type_into(qtbot, screen, "location_id", "MAIN")  # selects MAIN: only the main one now
    assert screen.record.record_id is not None and shown(screen, "is_default") is False
    trigger(screen, "delete")
    assert "cannot be deleted: it is the customer's main location" in screen.message.text()
    click_check(qtbot, screen, "active")
    trigger(screen, "save")
    assert "cannot be deactivated: it is the customer's main location" in screen.message.text()
    assert stored(store, number, "MAIN").active
