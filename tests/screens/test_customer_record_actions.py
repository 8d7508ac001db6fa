"""Customers (AR303000) I — Delete customer, Change ID, View on map, the Parent account lookup,
the form of a typed customer number, and every field set through its widget and saved."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QUrl
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.ledger import autoinvoice
from app.models import Address, ArDocument, Customer, CustomerStatus, DocumentType, Location
from app.models.database import Store
from app.models.options import CreditVerification
from app.windows.framework import dialogs
from app.windows.framework.lookup import LookupEditor
from app.windows.screens import customers
from app.windows.screens.customers import PAYMENT_METHOD_DETAILS, SCREEN
from tests.factories import customer_class
from tests.ledger.customer_documents import add_document
from tests.screens.conftest import Answers
from tests.screens.customer_record import (
    Opener,
    create_customer,
    customer_named,
    set_up,
)
from tests.screens.helpers import (
    change_field,
    choose_option,
    click_check,
    edit_cell,
    shown,
    trigger,
    type_into,
)

# -- 11. Delete customer and Change ID --------------------------------------------------------


def test_delete_a_customer_with_its_locations(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    set_up(store)
    screen = open_screen("AR303000")
    number = create_customer(qtbot, screen, "Kortvarig AS", main_address_city="Oslo")
    click_check(qtbot, screen, "invoice_address_same_as_main")
    type_into(qtbot, screen, "invoice_address_city", "Drammen")
    trigger(screen, "save")

    answers.confirm = False  # Cancel: nothing happens
    trigger(screen, "delete")
    assert answers.asked == [f"Delete: Delete Customer {number}?"]
    with store.session() as session:
        assert session.scalars(select(Customer)).all() != []

    answers.confirm = True
    trigger(screen, "delete")
    assert screen.message.text() == "Deleted."
    assert screen.record.is_new
    with store.session() as session:
        assert session.scalars(select(Customer)).all() == []
        assert session.scalars(select(Location)).all() == []
        assert session.scalars(select(Address)).all() == []  # main and own invoice address


def test_delete_is_refused_for_a_customer_with_documents(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    set_up(store)
    screen = open_screen("AR303000")
    number = create_customer(qtbot, screen, "Med Historikk AS")
    with store.transaction() as session:
        add_document(
            session, customer_named(session, number), DocumentType.INVOICE, "100", ref_nbr="INV001"
        )
    trigger(screen, "delete")
    message = screen.message.text()
    assert f"Customer {number} cannot be deleted: it has a ledger document (Invoice INV001)" in (
        message
    )
    assert "Inactive" in message
    assert shown(screen, "customer_no") == number  # still shown
    with store.session() as session:
        assert len(customer_named(session, number).locations) == 1


def test_change_id_renumbers_and_everything_follows(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    set_up(store)
    screen = open_screen("AR303000")
    other = create_customer(qtbot, screen, "Annen Kunde AS")
    number = create_customer(qtbot, screen, "Nytt Nummer AS")
    with store.transaction() as session:
        customer = customer_named(session, number)
        add_document(session, customer, DocumentType.INVOICE, "100", ref_nbr="INV100")
        customer_id = customer.id

    answers.text = "K-200"
    trigger(screen, "change_id")
    assert answers.asked == [f"Change ID: New customer no. for customer {number}:"]
    assert screen.message.text() == f"Customer {number} is now customer K-200."
    assert shown(screen, "customer_no") == "K-200"
    with store.session() as session:
        renumbered = customer_named(session, "K-200")
        assert renumbered.id == customer_id
        document = session.scalars(select(ArDocument)).one()
        assert document.customer.customer_no == "K-200"
        [main] = renumbered.locations
        assert main.customer.customer_no == "K-200"

    # A number in use is refused, naming its holder.
    answers.text = other
    trigger(screen, "change_id")
    assert f"Customer no.: {other} is already used by customer {other} Annen Kunde AS" in (
        screen.message.text()
    )
    assert shown(screen, "customer_no") == "K-200"
    # A number not of the form of an ID is refused too.
    answers.text = "K 300"
    trigger(screen, "change_id")
    assert "Customer no.: use letters, digits, - and _ only" in screen.message.text()
    # Cancelled: nothing changes.
    answers.text = None
    trigger(screen, "change_id")
    with store.session() as session:
        assert session.get(Customer, customer_id).customer_no == "K-200"  # type: ignore[union-attr]


def test_change_id_is_not_offered_for_a_new_customer(open_screen: Opener, store: Store) -> None:
    set_up(store)
    screen = open_screen("AR303000")
    assert not screen.action("change_id").isEnabled()


# -- 12. View on map ----------------------------------------------------------------------------


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    urls: list[str] = []

    def open_url(url: QUrl) -> bool:
        urls.append(url.toEncoded().data().decode())
        return True

    monkeypatch.setattr(customers.QDesktopServices, "openUrl", open_url)
    return urls


def test_view_on_map_opens_the_address_shown(
    qtbot: QtBot, open_screen: Opener, store: Store, opened: list[str]
) -> None:
    set_up(store)
    screen = open_screen("AR303000")
    # An empty address (only the class's country) shows a message instead.
    trigger(screen, "view_on_map")
    assert opened == []
    assert screen.message.text() == "View on map: the main address is empty."

    type_into(qtbot, screen, "customer_name", "Kart AS")
    type_into(qtbot, screen, "main_address_address_1", "Bryggen 5")
    type_into(qtbot, screen, "main_address_postcode", "5003")
    type_into(qtbot, screen, "main_address_city", "Bergen")
    trigger(screen, "view_on_map")
    assert opened == [
        "https://www.openstreetmap.org/search?query=Bryggen%205%2C%205003%20Bergen%2C%20Norway"
    ]
    # The button under the main address does the same.
    button = screen.findChild(object, "main_address_view_on_map")
    assert button is not None
    button.click()  # type: ignore[attr-defined]
    assert opened[-1] == opened[0]

    # The shipping address: its own copy.
    click_check(qtbot, screen, "shipping_address_same_as_main")
    type_into(qtbot, screen, "shipping_address_address_1", "Lagerveien 1")
    type_into(qtbot, screen, "shipping_address_postcode", "2000")
    type_into(qtbot, screen, "shipping_address_city", "Lillestrøm")
    shipping = screen.findChild(object, "shipping_address_view_on_map")
    assert shipping is not None
    shipping.click()  # type: ignore[attr-defined]
    assert opened[-1] == (
        "https://www.openstreetmap.org/search?query="
        "Lagerveien%201%2C%202000%20Lillestr%C3%B8m%2C%20Norway"
    )
    # A tab's widgets exist once it has been shown, as when the user opens it.
    screen.form.tabs.setCurrentWidget(screen.form.tab_pages["tab_invoicing_settings"])
    invoice = screen.findChild(object, "invoice_address_view_on_map")
    assert invoice is not None
    invoice.click()  # type: ignore[attr-defined]
    assert opened[-1] == opened[0]  # the invoice address is the main one


# -- 13. Lookups --------------------------------------------------------------------------------


def test_parent_account_lookup_leaves_out_inactive_and_marks_credit_hold(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up(store)
    screen = open_screen("AR303000")
    create_customer(qtbot, screen, "Aktiv AS")
    inactive = create_customer(qtbot, screen, "Sovende AS")
    choose_option(qtbot, screen, "status", CustomerStatus.INACTIVE.label)
    trigger(screen, "save")
    on_hold = create_customer(qtbot, screen, "Skyldig AS")
    choose_option(qtbot, screen, "status", CustomerStatus.CREDIT_HOLD.label)
    trigger(screen, "save")

    trigger(screen, "add_new")
    lookup = screen.editor("parent_account")
    assert isinstance(lookup, LookupEditor)
    screen._reveal(lookup)
    lookup.line_edit.setFocus()
    qtbot.keyClicks(lookup.line_edit, "1000")
    model = lookup.completer.model()
    offered = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert offered == ["10001 – Aktiv AS", f"{on_hold} – Skyldig AS (Credit hold)"]
    assert all(inactive not in text for text in offered)

    type_into(qtbot, screen, "parent_account", on_hold)
    assert lookup.description.text() == "Skyldig AS (Credit hold)"
    type_into(qtbot, screen, "parent_account", inactive)
    assert lookup.description.text() == "not found"


# -- 14. Every field round trip -----------------------------------------------------------------

TABS = ("General information", "Invoicing settings", "Delivery settings", "General ledger accounts")
# What the loop leaves to the rules: Same as main boxes (tested on their own: clearing them
# first lets the sections be typed into), the payment method's details grid.
TEXTS = {
    "main_address_postcode": "5003",
    "invoice_address_postcode": "0150",
    "shipping_address_postcode": "113 51",  # Sweden's form: the shipping country is SE
    "main_contact_email": "post@example.no",
    "invoice_contact_email": "invoice@example.no",
    "shipping_contact_email": "goods@example.no",
    "main_contact_web": "www.example.no",
    "invoice_contact_web": "https://example.no/invoices",
    "shipping_contact_web": "example.no",
    # Checked by the shipping country's rules.
    "corporate_id": "5560360793",
    "vat_registration_id": "SE556036079301",
    "gln": "7080000000005",
}
SKIPPED = {
    "customer_class",  # its change fills the class's values (tested on its own)
    "parent_account",  # needs another customer (tested on its own)
    "main_address_county",  # a county of the country (below)
    "invoice_address_county",
    "shipping_address_county",
}


def fields_of_the_tabs() -> list[Any]:
    found = []
    for tab in SCREEN.tabs:
        if tab.title in TABS:
            for section in tab.sections:
                found.extend(section.fields)
    return found


def test_every_field_is_set_through_its_widget_saved_and_reopened(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up(store)
    screen = open_screen("AR303000")
    type_into(qtbot, screen, "customer_name", "Alt Utfylt AS")
    for key in (
        "invoice_address_same_as_main",
        "invoice_contact_same_as_main",
        "shipping_address_same_as_main",
        "shipping_contact_same_as_main",
    ):
        click_check(qtbot, screen, key)
    expected: dict[str, Any] = {}
    for spec in fields_of_the_tabs():
        if spec.read_only or spec.key in SKIPPED or spec.key.endswith("_same_as_main"):
            continue
        country = spec.key.split("_")[0] if spec.key.endswith("_country") else ""
        expected[spec.key] = change_field(
            qtbot,
            screen,
            store,
            spec,
            code={"main": "NO", "invoice": "NO", "shipping": "SE"}.get(country),
            option=CreditVerification.LIMIT_AND_DAYS_PAST_DUE.label
            if spec.key == "credit_verification"
            else None,
            text=TEXTS.get(spec.key),
        )
    # The payment method chosen asks for a card number.
    edit_cell(qtbot, screen, PAYMENT_METHOD_DETAILS, 0, "value", "4111")
    expected[PAYMENT_METHOD_DETAILS] = screen.record.value(PAYMENT_METHOD_DETAILS)
    # The AutoInvoice boxes that depend on others, now that those are ticked.
    for key in (autoinvoice.PRINT, autoinvoice.USE_FIRST_ATTACHMENT):
        if not screen.record.value(key):
            click_check(qtbot, screen, key)
        expected[key] = True
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()

    reopened = open_screen("AR303000")
    type_into(qtbot, reopened, "customer_no", "10001")
    assert not reopened.record.is_new
    reopened_values = {key: reopened.record.value(key) for key in expected}
    for row in reopened_values[PAYMENT_METHOD_DETAILS]:
        row["id"] = None  # saved rows have their ids now
    assert reopened_values == expected
    with store.session() as session:
        customer = customer_named(session, "10001")
        assert customer.main_address_id not in (
            customer.invoice_address_id,
            customer.locations[0].address_id,
        )
        assert len(customer.locations) == 1 and len(customer.payment_methods) == 1


# -- 15. The form of a typed customer number ----------------------------------------------------


def test_a_typed_customer_number_must_have_the_form_of_an_id(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up(store)
    screen = open_screen("AR303000")
    type_into(qtbot, screen, "customer_no", "K 1")
    type_into(qtbot, screen, "customer_name", "Mellomrom AS")
    trigger(screen, "save")
    assert (
        "Customer no.: use letters, digits, - and _ only, starting and ending with a letter or "
        "digit." in screen.message.text()
    )
    with store.session() as session:
        assert session.scalars(select(Customer)).all() == []
    type_into(qtbot, screen, "customer_no", "K_1-A")
    trigger(screen, "save")
    assert screen.message.text() == "Saved."
    assert shown(screen, "customer_no") == "K_1-A"


def test_a_customer_number_differing_only_in_case_is_refused_on_save(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    set_up(store)
    screen = open_screen("AR303000")
    create_customer(qtbot, screen, "Fjord Fisk AS", customer_no="ABC1")
    trigger(screen, "add_new")
    type_into(qtbot, screen, "customer_name", "Fjord Fisk igjen AS")
    # The typed number finds ABC1; the user keeps the new customer rather than open it.
    answers.unsaved = dialogs.Unsaved.CANCEL
    type_into(qtbot, screen, "customer_no", "abc1")
    assert answers.asked == ["unsaved: Customer abc1"]
    assert screen.record.is_new
    trigger(screen, "save")
    assert (
        "Customer no.: 'abc1' is already used by another customer, as 'ABC1' (codes are unique "
        "regardless of case)." in screen.message.text()
    )
    assert shown(screen, "customer_no") == "abc1"  # kept, to be changed
    with store.session() as session:
        assert session.scalars(select(Customer.customer_no)).all() == ["ABC1"]


def test_a_customer_number_typed_in_another_case_opens_the_customer(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up(store)
    screen = open_screen("AR303000")
    create_customer(qtbot, screen, "Fjord Fisk AS", customer_no="ABC1")
    trigger(screen, "add_new")
    type_into(qtbot, screen, "customer_no", "abc1")
    assert not screen.record.is_new
    assert shown(screen, "customer_no") == "ABC1"
    assert shown(screen, "customer_name") == "Fjord Fisk AS"


# -- 8 (issue). Copy / Paste a customer --------------------------------------------------------


def test_copy_and_paste_makes_a_customer_from_another(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up(store)
    with store.transaction() as session:
        customer_class(session, "EXPORT", "Export customers")  # with no country of its own
    screen = open_screen("AR303000")
    type_into(qtbot, screen, "customer_name", "Mal AS")
    type_into(qtbot, screen, "customer_class", "EXPORT")
    type_into(qtbot, screen, "main_address_country", "SE")
    type_into(qtbot, screen, "main_address_city", "Bergen")
    click_check(qtbot, screen, "invoice_address_same_as_main")
    type_into(qtbot, screen, "invoice_address_city", "Postboks by")
    type_into(qtbot, screen, "statement_cycle_id", "MID")
    type_into(qtbot, screen, "ship_via", "BRING")
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()
    source = str(screen.record.value("customer_no"))

    trigger(screen, "copy")
    trigger(screen, "add_new")
    trigger(screen, "paste")
    # What was copied stays as copied: choosing the class again fills nothing in over it.
    assert shown(screen, "customer_class") == "EXPORT"
    assert shown(screen, "main_address_country") == "SE"
    assert shown(screen, "statement_cycle_id") == "MID"
    assert shown(screen, "invoice_address_city") == "Postboks by"
    assert shown(screen, "customer_no") == ""
    assert not screen.action("change_id").isEnabled()  # balances are not copied: a new customer
    assert screen.record.value("locations") == []  # the copied one's locations stay its own
    type_into(qtbot, screen, "customer_name", "Kopi AS")
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()
    copy_no = str(screen.record.value("customer_no"))
    assert copy_no != source

    with store.session() as session:
        original, copy = customer_named(session, source), customer_named(session, copy_no)
        assert copy.statement_cycle_id == original.statement_cycle_id
        assert copy.main_address is not None and copy.main_address.city == "Bergen"
        assert copy.main_address.country_id == original.main_address.country_id  # type: ignore[union-attr]
        # The copy has its own addresses and MAIN location, not the original's.
        assert copy.main_address_id != original.main_address_id
        assert copy.invoice_address is not None and copy.invoice_address.city == "Postboks by"
        assert copy.invoice_address_id != original.invoice_address_id
        [main] = copy.locations
        assert main.is_default and main.id != original.locations[0].id
        assert main.ship_via_id == original.locations[0].ship_via_id
