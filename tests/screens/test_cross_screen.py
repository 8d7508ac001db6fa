"""A second screen open on the same customer, the normal case for office staff: a save on one
never undoes what was saved on the other, and a save that would is refused with a reload offer.

AR303000 shows the default location's settings (Delivery settings) and CR303010 edits the same
location rows, so both directions are walked here, and Set as default while the customer is open.
"""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.ledger import lookups
from app.ledger.sources import GL_ACCOUNTS
from app.models import Location
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from tests.screens.conftest import Answers
from tests.screens.customer_record import (
    Opener,
    add_location,
    create_customer,
    customer_named,
    locations_of,
    set_up,
)
from tests.screens.helpers import activate, click_check, shown, trigger, type_into
from tests.screens.locations_tab import click_location, defaults_shown


@pytest.fixture(autouse=True)
def company(store: Store) -> None:
    set_up(store)


def open_customer(qtbot: QtBot, open_screen: Opener, number: str) -> RecordScreen:
    screen = open_screen("AR303000")
    type_into(qtbot, screen, "customer_no", number)
    assert screen.record.record_id is not None
    return screen


def open_location(qtbot: QtBot, open_screen: Opener, number: str, location: str) -> RecordScreen:
    screen = open_screen("CR303010")
    type_into(qtbot, screen, "customer", number)
    type_into(qtbot, screen, "location_id", location)
    assert screen.record.record_id is not None, f"{number} {location} not found"
    return screen


def names(store: Store, number: str) -> dict[str, str | None]:
    with store.session() as session:
        return {loc.location_id: loc.location_name for loc in locations_of(session, number)}


def address_ids(store: Store, number: str) -> dict[str, int | None]:
    with store.session() as session:
        return {loc.location_id: loc.address_id for loc in locations_of(session, number)}


def test_set_as_default_elsewhere_is_not_undone_by_a_name_change(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    customers = open_screen("AR303000")
    number = create_customer(qtbot, customers, "Fjordkraft Handel AS")
    locations = open_screen("CR303010")
    add_location(qtbot, locations, number, "ASEBY")
    trigger(locations, "set_as_default")
    before = address_ids(store, number)

    type_into(qtbot, customers, "customer_name", "Fjordkraft Handel ASA")
    trigger(customers, "save")

    assert customers.message.text() == "Saved."
    assert names(store, number) == {"ASEBY": "ASEBY site", "MAIN": "Primary location"}
    assert address_ids(store, number) == before
    # After the save the Delivery settings show the new default location.
    assert shown(customers, "location_name") == "ASEBY site"
    with store.session() as session:
        assert customer_named(session, number).name == "Fjordkraft Handel ASA"


def test_delivery_settings_of_a_default_location_moved_elsewhere_are_refused(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    customers = open_screen("AR303000")
    number = create_customer(qtbot, customers, "Fjordkraft Handel AS")
    locations = open_screen("CR303010")
    add_location(qtbot, locations, number, "ASEBY")
    trigger(locations, "set_as_default")

    type_into(qtbot, customers, "location_name", "Head office")
    answers.confirm = False  # keep what was typed: no reload
    trigger(customers, "save")

    assert "default location was changed on another screen" in customers.message.text()
    assert "ASEBY" in customers.message.text()
    assert any(question.startswith("Record changed") for question in answers.asked)
    assert names(store, number) == {"ASEBY": "ASEBY site", "MAIN": "Primary location"}
    assert customers.record.value("location_name") == "Head office"  # nothing typed is lost
    assert customers.is_dirty


def test_a_location_renamed_on_cr303010_survives_a_customer_save(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    customers = open_screen("AR303000")
    number = create_customer(qtbot, customers, "Fjordkraft Handel AS")
    main = open_location(qtbot, open_screen, number, "MAIN")
    type_into(qtbot, main, "location_name", "Head office")
    trigger(main, "save")
    assert main.message.text() == "Saved."

    type_into(qtbot, customers, "customer_name", "Fjordkraft Handel ASA")
    trigger(customers, "save")

    assert customers.message.text() == "Saved."
    assert names(store, number) == {"MAIN": "Head office"}
    assert shown(customers, "location_name") == "Head office"


def test_both_screens_changing_the_same_location_the_second_save_is_refused(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    customers = open_screen("AR303000")
    number = create_customer(qtbot, customers, "Fjordkraft Handel AS")
    main = open_location(qtbot, open_screen, number, "MAIN")
    type_into(qtbot, main, "location_name", "Head office")
    trigger(main, "save")

    type_into(qtbot, customers, "location_name", "Main warehouse")
    answers.confirm = True  # reload when asked
    trigger(customers, "save")

    assert "changed on another screen" in customers.message.text()
    assert names(store, number) == {"MAIN": "Head office"}
    # Reloaded: the screen shows what is saved and has nothing unsaved.
    assert shown(customers, "location_name") == "Head office"
    assert not customers.is_dirty


def test_a_location_saved_on_ar303000_refuses_the_older_cr303010_save(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    customers = open_screen("AR303000")
    number = create_customer(qtbot, customers, "Fjordkraft Handel AS")
    main = open_location(qtbot, open_screen, number, "MAIN")

    type_into(qtbot, customers, "location_name", "Main warehouse")
    trigger(customers, "save")
    assert customers.message.text() == "Saved."

    answers.confirm = False
    type_into(qtbot, main, "location_name", "Head office")
    trigger(main, "save")

    assert "changed by someone else" in main.message.text()
    assert names(store, number) == {"MAIN": "Main warehouse"}


def test_set_as_default_refused_while_the_location_has_unsaved_changes_then_taken(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    customers = open_screen("AR303000")
    number = create_customer(qtbot, customers, "Fjordkraft Handel AS")
    locations = open_screen("CR303010")
    add_location(qtbot, locations, number, "ASEBY")
    type_into(qtbot, locations, "location_name", "Aseby farm")
    trigger(locations, "set_as_default")
    assert "Save the location" in locations.message.text()
    trigger(locations, "save")
    trigger(locations, "set_as_default")

    # The customer open on AR303000 shows the new default after Cancel (reload).
    trigger(customers, "cancel")
    assert shown(customers, "location_name") == "Aseby farm"


def test_two_customer_screens_each_keep_what_the_other_saved(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    first = open_screen("AR303000")
    number = create_customer(qtbot, first, "Fjordkraft Handel AS")
    second = open_customer(qtbot, open_screen, number)

    type_into(qtbot, first, "main_address_city", "Bergen")
    trigger(first, "save")
    assert first.message.text() == "Saved."

    # Another part of the customer (the main contact) saves without undoing the city.
    type_into(qtbot, second, "main_contact_phone_1", "+47 55 55 55 55")
    trigger(second, "save")
    assert second.message.text() == "Saved."
    with store.session() as session:
        customer = customer_named(session, number)
        assert customer.main_address is not None and customer.main_address.city == "Bergen"
        assert customer.main_contact is not None
        assert customer.main_contact.phone_1 == "+47 55 55 55 55"

    # The same field typed over on the first screen, still showing the old phone: refused.
    answers.confirm = False
    type_into(qtbot, first, "main_contact_phone_1", "+47 22 22 22 22")
    trigger(first, "save")
    assert "Phone 1 was changed elsewhere" in first.message.text()
    with store.session() as session:
        contact = customer_named(session, number).main_contact
        assert contact is not None and contact.phone_1 == "+47 55 55 55 55"


def test_same_as_main_cleared_elsewhere_is_not_reshared(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    first = open_screen("AR303000")
    number = create_customer(qtbot, first, "Fjordkraft Handel AS")
    second = open_customer(qtbot, open_screen, number)

    click_check(qtbot, first, "shipping_address_same_as_main")
    type_into(qtbot, first, "shipping_address_city", "Drammen")
    trigger(first, "save")
    assert first.message.text() == "Saved."

    type_into(qtbot, second, "customer_name", "Fjordkraft Handel ASA")
    trigger(second, "save")
    assert second.message.text() == "Saved."
    with store.session() as session:
        location = session.scalars(select(Location).where(Location.location_id == "MAIN")).one()
        assert location.address_same_as_main is False
        assert location.address is not None and location.address.city == "Drammen"


def test_set_as_default_on_a_new_location_leaves_the_customer_saveable(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    """A location made on CR303010 takes the default location's accounts, so after Set as
    default AR303000 still saves the customer (it requires the default location's sales
    account and subaccount)."""
    customers = open_screen("AR303000")
    number = create_customer(qtbot, customers, "Fjordkraft Handel AS")
    sales_account = shown(customers, "sales_account")
    locations = open_screen("CR303010")
    add_location(qtbot, locations, number, "ASEBY")
    trigger(locations, "set_as_default")
    assert shown(locations, "is_default") is True

    trigger(customers, "cancel")  # reload: the Delivery settings are ASEBY's now
    assert shown(customers, "location_name") == "ASEBY site"
    type_into(qtbot, customers, "customer_name", "Fjordkraft Handel ASA")
    trigger(customers, "save")
    assert customers.message.text() == "Saved.", customers.message.text()
    assert shown(customers, "sales_account") == sales_account


def test_accounts_changed_on_ar303000_are_those_of_a_location_sharing_them(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    customers = open_screen("AR303000")
    number = create_customer(qtbot, customers, "Fjordkraft Handel AS")
    locations = open_screen("CR303010")
    add_location(qtbot, locations, number, "ASEBY")
    assert shown(locations, "same_as_default_location") is True

    other = next(
        choice.code
        for choice in lookups.suggest(store, GL_ACCOUNTS, "", 300)
        if choice.code != shown(customers, "sales_account")
    )
    activate(customers)  # a lookup takes what is typed in the active window
    type_into(qtbot, customers, "sales_account", other)
    trigger(customers, "save")
    assert customers.message.text() == "Saved.", customers.message.text()

    # The location open on CR303010 saves its own change, and shows the default's new account.
    activate(locations)
    type_into(qtbot, locations, "location_name", "Aseby farm")
    trigger(locations, "save")
    assert locations.message.text() == "Saved.", locations.message.text()
    assert shown(locations, "sales_account") == other

    # Set as default on CR303010 while AR303000 has unsaved delivery settings: refused there.
    trigger(locations, "set_as_default")
    type_into(qtbot, customers, "location_name", "Head office")
    answers.confirm = False
    trigger(customers, "save")
    assert "default location was changed on another screen" in customers.message.text()
    assert names(store, number) == {"ASEBY": "Aseby farm", "MAIN": "Primary location"}


def defaults(store: Store, number: str) -> list[str]:
    with store.session() as session:
        return [loc.location_id for loc in locations_of(session, number) if loc.is_default]


def test_set_as_default_on_ar303000_while_cr303010_shows_the_old_default(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    customers = open_screen("AR303000")
    number = create_customer(qtbot, customers, "Fjordkraft Handel AS")
    locations = open_screen("CR303010")
    add_location(qtbot, locations, number, "ASEBY")
    main = open_location(qtbot, open_screen, number, "MAIN")
    trigger(customers, "cancel")  # read again: ASEBY listed

    activate(customers)
    click_location(qtbot, customers, "ASEBY")
    trigger(customers, "set_as_default")
    assert defaults_shown(customers) == ["ASEBY"]
    assert shown(customers, "location_name") == "ASEBY site"

    # CR303010, still showing MAIN as the default, saves a rename without taking the mark back.
    activate(main)
    type_into(qtbot, main, "location_name", "Head office")
    trigger(main, "save")
    assert main.message.text() == "Saved.", main.message.text()
    assert shown(main, "is_default") is False
    assert defaults(store, number) == ["ASEBY"]

    # AR303000 was read again after Set as default: its next save is not refused as stale.
    activate(customers)
    type_into(qtbot, customers, "location_name", "Aseby farm")
    trigger(customers, "save")
    assert customers.message.text() == "Saved.", customers.message.text()
    assert names(store, number) == {"ASEBY": "Aseby farm", "MAIN": "Head office"}
    assert defaults(store, number) == ["ASEBY"]


def test_set_as_default_on_cr303010_then_back_on_ar303000(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    customers = open_screen("AR303000")
    number = create_customer(qtbot, customers, "Fjordkraft Handel AS")
    locations = open_screen("CR303010")
    add_location(qtbot, locations, number, "ASEBY")
    trigger(locations, "set_as_default")

    # The Locations tab, looked at again, lists the mark where CR303010 put it.
    assert defaults_shown(customers) == ["ASEBY"]
    assert not customers.is_dirty
    trigger(customers, "cancel")  # the Delivery settings are read with the customer
    assert shown(customers, "location_name") == "ASEBY site"

    click_location(qtbot, customers, "MAIN")
    trigger(customers, "set_as_default")
    assert customers.message.text() == "MAIN is now the customer's default location."
    assert defaults_shown(customers) == ["MAIN"]
    assert shown(customers, "location_name") == "Primary location"
    assert defaults(store, number) == ["MAIN"]

    # CR303010, read again, no longer shows ASEBY as the default; the customer still saves.
    trigger(locations, "cancel")
    assert shown(locations, "is_default") is False
    type_into(qtbot, customers, "customer_name", "Fjordkraft Handel ASA")
    trigger(customers, "save")
    assert customers.message.text() == "Saved.", customers.message.text()
    assert defaults(store, number) == ["MAIN"]


def test_set_as_default_on_ar303000_is_not_undone_by_cr303010_open_on_the_old_default(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    customers = open_screen("AR303000")
    number = create_customer(qtbot, customers, "Fjordkraft Handel AS")
    add_location(qtbot, open_screen("CR303010"), number, "ASEBY")
    main = open_location(qtbot, open_screen, number, "MAIN")
    assert shown(main, "is_default") is True  # as read before the mark moves

    trigger(customers, "cancel")
    click_location(qtbot, customers, "ASEBY")
    trigger(customers, "set_as_default")
    assert defaults_shown(customers) == ["ASEBY"]

    # CR303010 still shows MAIN as it read it; saving its name leaves the mark where it is.
    type_into(qtbot, main, "location_name", "Head office")
    trigger(main, "save")
    assert main.message.text() == "Saved."
    assert shown(main, "is_default") is False  # read again after the save
    with store.session() as session:
        defaults = [loc.location_id for loc in locations_of(session, number) if loc.is_default]
    assert defaults == ["ASEBY"]
    assert names(store, number) == {"ASEBY": "ASEBY site", "MAIN": "Head office"}
