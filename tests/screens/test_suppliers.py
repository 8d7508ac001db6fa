"""Extend to supplier, View supplier and the Suppliers (AP303000) screen, through the widgets
and the main window: one business account, a customer side and a supplier side, sharing its
number, name, main address and contact, each side deleted or renumbered from its own screen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.models import Address, BusinessAccountType, Country, Customer, Supplier
from app.models.database import Store
from app.windows.framework.dialogs import Unsaved
from app.windows.framework.listwindow import ListWindow
from app.windows.framework.lookup import LookupEditor
from app.windows.framework.record_screen import RecordScreen
from app.windows.main_window import MainWindow
from tests.screens.conftest import Answers
from tests.screens.customer_record import Opener, create_customer, set_up
from tests.screens.helpers import shown, trigger, type_into

CUSTOMER_AND_SUPPLIER = BusinessAccountType.CUSTOMER_AND_SUPPLIER


@pytest.fixture
def window(qtbot: QtBot, store: Store, tmp_path: Path, answers: Answers) -> MainWindow:
    set_up(store)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    shown_window = MainWindow(store, settings=settings)
    qtbot.addWidget(shown_window)
    shown_window.show()
    qtbot.waitExposed(shown_window)
    return shown_window


def opened(window: MainWindow, screen_id: str) -> RecordScreen:
    widget = window.open_screen(screen_id)
    assert isinstance(widget, RecordScreen)
    return widget


def suppliers_stored(store: Store) -> int:
    with store.session() as session:
        return int(session.scalar(select(func.count()).select_from(Supplier)) or 0)


def enabled(screen: RecordScreen, name: str) -> bool:
    return screen.action(name).isEnabled()


def extend_and_save(qtbot: QtBot, window: MainWindow, name: str, **typed: str) -> RecordScreen:
    """A customer made on AR303000 and extended to a supplier, saved on AP303000."""
    customers = opened(window, "AR303000")
    create_customer(qtbot, customers, name, **typed)
    trigger(customers, "extend_to_supplier")
    suppliers = opened(window, "AP303000")
    trigger(suppliers, "save")
    assert suppliers.message.text() == "Saved.", suppliers.message.text()
    return suppliers


def test_extend_a_customer_with_unsaved_changes_saves_them_and_prefills_the_supplier(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    customers = opened(window, "AR303000")
    number = create_customer(qtbot, customers, "Fjordkraft Handel AS")
    type_into(qtbot, customers, "main_address_city", "Bergen")  # not saved yet
    assert customers.is_dirty

    trigger(customers, "extend_to_supplier")

    assert not customers.is_dirty  # saved first
    with store.session() as session:
        customer = session.scalars(select(Customer)).one()
        assert customer.main_address is not None and customer.main_address.city == "Bergen"
    assert window.current_screen_id() == "AP303000"
    suppliers = opened(window, "AP303000")
    assert suppliers.record.is_new and suppliers.is_dirty  # for the user to complete and save
    assert shown(suppliers, "supplier_no") == number
    assert shown(suppliers, "supplier_name") == "Fjordkraft Handel AS"
    assert shown(suppliers, "main_address_city") == "Bergen"
    assert shown(suppliers, "supplier_class") == "DEFAULT"
    assert shown(suppliers, "currency_id") == "NOK"  # the default supplier class's
    assert shown(suppliers, "account_type") == ""  # Customer and supplier once saved
    assert suppliers_stored(store) == 0  # nothing stored until saved

    type_into(qtbot, suppliers, "iban", "NO93 8601 1117 947")
    type_into(qtbot, suppliers, "bic", "DNBANOKKXXX")
    trigger(suppliers, "save")
    assert suppliers.message.text() == "Saved.", suppliers.message.text()
    with store.session() as session:
        supplier = session.scalars(select(Supplier)).one()
        assert supplier.supplier_no == number and supplier.customer_id == customer.id
        assert supplier.main_address_id == customer.main_address_id
        assert (supplier.iban, supplier.bic) == ("NO93 8601 1117 947", "DNBANOKKXXX")


def test_cancel_the_new_supplier_stores_nothing(
    qtbot: QtBot, window: MainWindow, store: Store, answers: Answers
) -> None:
    customers = opened(window, "AR303000")
    create_customer(qtbot, customers, "Fjordkraft Handel AS")
    trigger(customers, "extend_to_supplier")
    suppliers = opened(window, "AP303000")
    assert suppliers.is_dirty

    answers.unsaved = Unsaved.DISCARD
    trigger(suppliers, "cancel")

    assert answers.asked[-1].startswith("unsaved:")
    assert suppliers.record.is_new and not suppliers.is_dirty
    assert shown(suppliers, "supplier_no") == ""
    assert suppliers_stored(store) == 0
    window.open_screen("AR303000")
    assert shown(customers, "account_type") == "Customer"
    assert enabled(customers, "extend_to_supplier")


def test_an_iban_or_bic_that_is_none_is_refused_naming_the_field(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    customers = opened(window, "AR303000")
    create_customer(qtbot, customers, "Fjordkraft Handel AS")
    trigger(customers, "extend_to_supplier")
    suppliers = opened(window, "AP303000")
    type_into(qtbot, suppliers, "iban", "NO93 8601 1117 948")
    type_into(qtbot, suppliers, "bic", "DNBA")
    trigger(suppliers, "save")
    said = suppliers.message.text()
    assert "IBAN: 'NO93 8601 1117 948' is not a valid IBAN: the check digits" in said
    assert "BIC: 'DNBA' is not a valid BIC" in said
    assert suppliers_stored(store) == 0


def test_the_actions_are_enabled_as_the_account_allows(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    customers = opened(window, "AR303000")
    # A new customer: neither.
    assert not enabled(customers, "extend_to_supplier")
    assert not enabled(customers, "view_supplier")
    create_customer(qtbot, customers, "Fjordkraft Handel AS")
    assert shown(customers, "account_type") == "Customer"
    assert enabled(customers, "extend_to_supplier")
    assert not enabled(customers, "view_supplier")

    trigger(customers, "extend_to_supplier")
    suppliers = opened(window, "AP303000")
    # The new supplier, not saved: nothing of the other side yet.
    assert not enabled(suppliers, "extend_to_customer")
    assert not enabled(suppliers, "view_customer")
    assert not enabled(suppliers, "change_id")
    trigger(suppliers, "save")
    assert not enabled(suppliers, "extend_to_customer")
    assert enabled(suppliers, "view_customer")
    assert enabled(suppliers, "change_id")

    # Back on AR303000, the customer is a supplier too.
    window.open_screen("AR303000")
    assert shown(customers, "account_type") == "Customer and supplier"
    assert not enabled(customers, "extend_to_supplier")
    assert enabled(customers, "view_supplier")
    assert not customers.is_dirty

    # A supplier of its own: it may become a customer.
    trigger(suppliers, "add_new")
    type_into(qtbot, suppliers, "supplier_name", "Bergen Papir AS")
    trigger(suppliers, "save")
    assert shown(suppliers, "account_type") == "Supplier"
    assert enabled(suppliers, "extend_to_customer")
    assert not enabled(suppliers, "view_customer")


def test_view_supplier_and_view_customer_open_the_other_side(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    suppliers = extend_and_save(qtbot, window, "Fjordkraft Handel AS")
    supplier_id = suppliers.record.record_id
    trigger(suppliers, "add_new")  # AP303000 shows something else meanwhile

    customers = opened(window, "AR303000")
    customer_id = customers.record.record_id
    trigger(customers, "view_supplier")
    assert window.current_screen_id() == "AP303000"
    assert suppliers.record.record_id == supplier_id
    assert shown(suppliers, "supplier_name") == "Fjordkraft Handel AS"

    trigger(customers, "add_new")
    trigger(suppliers, "view_customer")
    assert window.current_screen_id() == "AR303000"
    assert customers.record.record_id == customer_id


def test_the_shared_address_changed_on_either_screen_shows_on_both(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    suppliers = extend_and_save(qtbot, window, "Fjordkraft Handel AS", main_address_city="Bergen")
    customers = opened(window, "AR303000")

    type_into(qtbot, suppliers, "main_address_city", "Voss")
    trigger(suppliers, "save")
    assert suppliers.message.text() == "Saved."
    trigger(customers, "cancel")  # read again
    assert shown(customers, "main_address_city") == "Voss"
    assert shown(customers, "invoice_address_city") == "Voss"  # Same as main

    type_into(qtbot, customers, "main_address_city", "Odda")
    trigger(customers, "save")
    assert customers.message.text() == "Saved."
    trigger(suppliers, "cancel")
    assert shown(suppliers, "main_address_city") == "Odda"
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(Address)) == 1


def test_a_stale_shared_address_is_refused_with_a_reload_offer(
    qtbot: QtBot, window: MainWindow, store: Store, answers: Answers
) -> None:
    suppliers = extend_and_save(qtbot, window, "Fjordkraft Handel AS", main_address_city="Bergen")
    customers = opened(window, "AR303000")

    type_into(qtbot, customers, "main_address_city", "Odda")
    trigger(customers, "save")
    assert customers.message.text() == "Saved."

    answers.confirm = False  # keep what was typed
    type_into(qtbot, suppliers, "main_address_city", "Voss")
    trigger(suppliers, "save")
    assert "City was changed elsewhere" in suppliers.message.text()
    assert any(asked.startswith("Record changed") for asked in answers.asked)
    assert shown(suppliers, "main_address_city") == "Voss"  # nothing typed is lost
    with store.session() as session:
        assert session.scalars(select(Address.city)).one() == "Odda"


def test_extend_to_customer_from_a_new_supplier(
    qtbot: QtBot, window: MainWindow, store: Store, answers: Answers
) -> None:
    suppliers = opened(window, "AP303000")
    type_into(qtbot, suppliers, "supplier_name", "Bergen Papir AS")
    type_into(qtbot, suppliers, "main_address_city", "Bergen")
    type_into(qtbot, suppliers, "main_contact_email", "post@bergenpapir.no")
    trigger(suppliers, "save")
    assert suppliers.message.text() == "Saved.", suppliers.message.text()
    number = shown(suppliers, "supplier_no")
    assert number

    trigger(suppliers, "extend_to_customer")
    assert window.current_screen_id() == "AR303000"
    customers = opened(window, "AR303000")
    assert customers.record.is_new and customers.is_dirty
    assert shown(customers, "customer_no") == number
    assert shown(customers, "customer_name") == "Bergen Papir AS"
    assert shown(customers, "main_address_city") == "Bergen"
    assert shown(customers, "main_contact_email") == "post@bergenpapir.no"
    assert shown(customers, "customer_class") == "DEFAULT"
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(Customer)) == 0

    trigger(customers, "save")
    assert customers.message.text() == "Saved.", customers.message.text()
    assert shown(customers, "account_type") == "Customer and supplier"
    with store.session() as session:
        customer = session.scalars(select(Customer)).one()
        supplier = session.scalars(select(Supplier)).one()
        assert supplier.customer_id == customer.id
        assert customer.customer_no == number
        assert customer.main_address_id == supplier.main_address_id
        assert customer.main_contact_id == supplier.main_contact_id
    trigger(suppliers, "cancel")  # read again
    assert shown(suppliers, "account_type") == "Customer and supplier"
    assert enabled(suppliers, "view_customer") and not enabled(suppliers, "extend_to_customer")


def test_change_id_on_either_screen_renumbers_both(
    qtbot: QtBot, window: MainWindow, store: Store, answers: Answers
) -> None:
    suppliers = extend_and_save(qtbot, window, "Fjordkraft Handel AS")
    customers = opened(window, "AR303000")

    answers.text = "FJORD"
    trigger(customers, "change_id")
    assert customers.message.text().endswith("is now customer FJORD.")
    trigger(suppliers, "cancel")
    assert shown(suppliers, "supplier_no") == "FJORD"

    answers.text = "KRAFT"
    trigger(suppliers, "change_id")
    assert suppliers.message.text() == "Supplier FJORD is now supplier KRAFT."
    trigger(customers, "cancel")
    assert shown(customers, "customer_no") == "KRAFT"
    with store.session() as session:
        assert session.scalars(select(Customer.customer_no)).all() == ["KRAFT"]
        assert session.scalars(select(Supplier.supplier_no)).all() == ["KRAFT"]


def test_delete_either_side_leaves_the_other(
    qtbot: QtBot, window: MainWindow, store: Store, answers: Answers
) -> None:
    suppliers = extend_and_save(qtbot, window, "Fjordkraft Handel AS", main_address_city="Bergen")
    customers = opened(window, "AR303000")

    window.open_screen("AP303000")
    trigger(suppliers, "delete")
    assert suppliers.message.text() == "Deleted."
    assert suppliers_stored(store) == 0
    window.open_screen("AR303000")
    assert shown(customers, "account_type") == "Customer"
    assert shown(customers, "main_address_city") == "Bergen"

    trigger(customers, "extend_to_supplier")
    trigger(suppliers, "save")
    assert suppliers.message.text() == "Saved."
    window.open_screen("AR303000")
    assert shown(customers, "account_type") == "Customer and supplier"
    trigger(customers, "delete")
    assert customers.message.text() == "Deleted.", customers.message.text()
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(Customer)) == 0
    trigger(suppliers, "cancel")
    assert shown(suppliers, "account_type") == "Supplier"
    assert shown(suppliers, "main_address_city") == "Bergen"


def test_both_list_windows_show_the_account_type(
    qtbot: QtBot, window: MainWindow, store: Store, open_screen: Opener
) -> None:
    extend_and_save(qtbot, window, "Fjordkraft Handel AS")
    customers = opened(window, "AR303000")
    create_customer(qtbot, customers, "Vestland Bygg AS")
    suppliers = opened(window, "AP303000")
    trigger(suppliers, "add_new")
    type_into(qtbot, suppliers, "supplier_name", "Bergen Papir AS")
    trigger(suppliers, "save")

    def types(screen: RecordScreen, name_key: str) -> dict[str, str]:
        trigger(screen, "list_window")
        listed = screen.list_window
        assert isinstance(listed, ListWindow)
        assert listed.objectName() == f"list_{screen.objectName()}"
        model = listed.model
        name, kind = model.column_of(name_key), model.column_of("account_type")
        return {
            model.index(row, name).data(): model.index(row, kind).data()
            for row in range(model.rowCount())
        }

    assert types(customers, "customer_name") == {
        "Fjordkraft Handel AS": "Customer and supplier",
        "Vestland Bygg AS": "Customer",
    }
    assert types(suppliers, "supplier_name") == {
        "Fjordkraft Handel AS": "Customer and supplier",
        "Bergen Papir AS": "Supplier",
    }


def test_extend_with_changes_that_cannot_be_saved_opens_nothing(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    customers = opened(window, "AR303000")
    create_customer(qtbot, customers, "Fjordkraft Handel AS")
    type_into(qtbot, customers, "main_contact_email", "post@")

    trigger(customers, "extend_to_supplier")

    assert window.current_screen_id() == "AR303000"
    assert "Email" in customers.message.text()
    assert customers.is_dirty  # what was typed stays, to correct
    assert window.screen("AP303000") is None
    assert suppliers_stored(store) == 0


def test_a_prefilled_supplier_whose_customer_changed_meanwhile_is_refused(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    customers = opened(window, "AR303000")
    create_customer(qtbot, customers, "Fjordkraft Handel AS", main_address_city="Bergen")
    trigger(customers, "extend_to_supplier")
    suppliers = opened(window, "AP303000")

    window.open_screen("AR303000")
    type_into(qtbot, customers, "main_address_city", "Voss")
    trigger(customers, "save")
    assert customers.message.text() == "Saved."

    window.open_screen("AP303000")
    trigger(suppliers, "save")
    said = suppliers.message.text()
    assert said.startswith("The customer's main address was changed on another screen")
    assert "use Extend to supplier again" in said
    assert suppliers.is_dirty and shown(suppliers, "main_address_city") == "Bergen"
    assert suppliers_stored(store) == 0
    with store.session() as session:
        assert session.scalars(select(Address.city)).one() == "Voss"


def test_the_supplier_record_model_passes(
    qtbot: QtBot, window: MainWindow, qtmodeltester: ModelTester
) -> None:
    suppliers = opened(window, "AP303000")
    qtmodeltester.check(suppliers.record, force_py=True)  # a new record
    type_into(qtbot, suppliers, "supplier_name", "Bergen Papir AS")
    trigger(suppliers, "save")
    qtmodeltester.check(suppliers.record, force_py=True)  # a saved one


def test_the_county_lookup_offers_the_main_address_countrys_counties(
    qtbot: QtBot, window: MainWindow, store: Store
) -> None:
    suppliers = opened(window, "AP303000")
    with store.session() as session:
        norway = session.scalars(select(Country).where(Country.country_id == "NO")).one()
        county_code = next(c.county_id for c in norway.counties if c.name == "Vestland")
        norwegian = {c.county_id for c in norway.counties}
    type_into(qtbot, suppliers, "main_address_country", "NO")
    lookup = suppliers.editor("main_address_county")
    assert isinstance(lookup, LookupEditor)
    lookup.line_edit.setFocus()
    qtbot.keyClicks(lookup.line_edit, county_code[:1])
    model = lookup.completer.model()
    offered = [str(model.index(row, 0).data()) for row in range(model.rowCount())]
    assert offered and all(text.split(" – ")[0] in norwegian for text in offered)
    type_into(qtbot, suppliers, "main_address_county", county_code)
    assert lookup.description.text() == "Vestland"
    # Another country: the county of Norway goes.
    type_into(qtbot, suppliers, "main_address_country", "SE")
    assert shown(suppliers, "main_address_county") == ""
