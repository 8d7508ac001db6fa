"""The customer record's definition without Qt: validation by the service with no screen
loaded, on-change rules run from their definitions, and every part of a save checked against
what was read (the customer, its default location, addresses, contacts, payment method)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from app.ledger.customers import PAYMENT_METHOD, PAYMENT_METHOD_DETAILS, CustomerService
from app.ledger.definitions.customer import CUSTOMER
from app.ledger.locations import LocationService
from app.ledger.records import PARTS, StaleRecordError, ValidationError
from app.models import Country, County, Customer, Location, PaymentMethod
from app.models.database import Store
from tests.screens.customer_record import set_up


@pytest.fixture
def service(store: Store) -> CustomerService:
    set_up(store)
    return CustomerService(store)


def new_customer(service: CustomerService, name: str = "Fjordkraft Handel AS") -> dict[str, Any]:
    """A saved customer, loaded as a screen would load it."""
    record_id = service.save(None, service.new_values() | {"customer_name": name})
    return service.load(record_id)


def save_changed(service: CustomerService, loaded: dict[str, Any], **changes: Any) -> int:
    return service.save(loaded["id"], loaded | changes, loaded["version"], loaded)


def errors_of(service: CustomerService, **values: Any) -> dict[str, str]:
    with pytest.raises(ValidationError) as raised:
        service.save(None, service.new_values() | {"customer_name": "X AS"} | values)
    return {error.key: str(error) for error in raised.value.errors}


# -- validation with no screen loaded -------------------------------------------------------


@pytest.mark.parametrize("name", [None, "", "   "])
def test_a_customer_without_a_name_is_refused(service: CustomerService, name: str | None) -> None:
    assert errors_of(service, customer_name=name) == {
        "customer_name": "Customer name: a value is required."
    }


@pytest.mark.parametrize(
    ("key", "value", "label"),
    [
        ("credit_limit", Decimal("-1"), "Credit limit"),
        ("write_off_limit", Decimal("-0.01"), "Write-off limit"),
        ("credit_days_past_due", -3, "Credit days past due"),
        ("lead_time_days", -1, "Lead time (days)"),
    ],
)
def test_limits_and_days_cannot_be_negative(
    service: CustomerService, key: str, value: object, label: str
) -> None:
    assert errors_of(service, **{key: value})[key] == f"{label}: cannot be negative."


def test_every_stored_field_of_the_definition_is_validated(service: CustomerService) -> None:
    stored = {spec.key for spec in CUSTOMER.fields if spec.stored}
    assert stored <= set(service.rules)


# -- on-change rules from the definition ----------------------------------------------------


def run(key: str, values: dict[str, Any], service: object = None) -> dict[str, Any]:
    updates: dict[str, Any] = {}
    for rule in CUSTOMER.rules_for(key):
        updates |= dict(rule.run(values | updates, service) or {})
    return updates


def test_rules_read_only_what_they_depend_on() -> None:
    for rule in CUSTOMER.on_change:
        assert rule.field in CUSTOMER, rule.field
        for key in rule.depends:
            assert key in CUSTOMER or any(grid.key == key for grid in CUSTOMER.grids), key


def test_same_as_main_shows_the_main_address_again() -> None:
    values = {"invoice_address_same_as_main": True, "main_address_city": "Bergen"}
    assert run("invoice_address_same_as_main", values)["invoice_address_city"] == "Bergen"
    assert (
        run("invoice_address_same_as_main", values | {"invoice_address_same_as_main": False}) == {}
    )


def test_the_main_address_is_followed_where_it_is_shared() -> None:
    values = {
        "main_address_city": "Bergen",
        "invoice_address_same_as_main": True,
        "shipping_address_same_as_main": False,
    }
    assert run("main_address_city", values) == {"invoice_address_city": "Bergen"}


def test_clearing_consolidate_balance_clears_shared_credit_policy() -> None:
    values = {"consolidate_balance": False, "shared_credit_policy": True}
    assert run("consolidate_balance", values) == {"shared_credit_policy": False}


def test_clearing_send_to_autoinvoice_clears_what_depends_on_it() -> None:
    values = {
        "send_invoices_to_autoinvoice": False,
        "send_invoices_to_autoinvoice_as_banking_einvoice": False,
        "exclude_invoice_pdf": True,
        "use_the_first_autoinvoice_attachment_to_view_invoice": True,
    }
    updates = run("send_invoices_to_autoinvoice", values)
    assert updates.get("exclude_invoice_pdf") is False


def test_a_payment_method_fills_its_cash_account_and_details(
    service: CustomerService, store: Store
) -> None:
    with store.session() as session:
        card = session.scalars(
            select(PaymentMethod).where(PaymentMethod.payment_method_id == "CARD")
        ).one()
        card_id, cash_account = card.id, card.cash_account_id
    updates = run(PAYMENT_METHOD, {PAYMENT_METHOD: card_id}, service)
    assert updates["cash_account"] == cash_account
    assert [row["description"] for row in updates[PAYMENT_METHOD_DETAILS]] == [
        "Card number",
        "Card holder",
    ]
    cleared = run(PAYMENT_METHOD, {PAYMENT_METHOD: None}, service)
    assert cleared["cash_account"] is None and cleared["description"] is None


def test_a_county_of_another_country_goes(service: CustomerService, store: Store) -> None:
    with store.transaction() as session:
        norway = session.scalars(select(Country).where(Country.country_id == "NO")).one()
        sweden = session.scalars(select(Country).where(Country.country_id == "SE")).one()
        county = session.scalars(select(County).where(County.country_id == norway.id)).first()
        assert county is not None, "set-up gives Norway its counties"
        ids = norway.id, sweden.id, county.id
    values = {"main_address_country": ids[1], "main_address_county": ids[2]}
    assert run("main_address_country", values, service) == {"main_address_county": None}
    kept = values | {"main_address_country": ids[0]}
    assert "main_address_county" not in run("main_address_country", kept, service)


# -- every part of a save checked against what was read --------------------------------------


def test_a_load_carries_the_stamp_of_each_part(service: CustomerService) -> None:
    loaded = new_customer(service)
    assert loaded[PARTS]["default_location"][0] is not None
    assert loaded[PARTS]["main_address"][0] is not None


def test_a_save_writes_only_what_changed(service: CustomerService, store: Store) -> None:
    loaded = new_customer(service)
    with store.transaction() as session:
        main = session.scalars(select(Location)).one()
        main.location_name = "Head office"  # saved on CR303010 meanwhile
    save_changed(service, loaded, customer_name="Fjordkraft Handel ASA")
    with store.session() as session:
        assert session.scalars(select(Location.location_name)).one() == "Head office"
        assert session.scalars(select(Customer.name)).one() == "Fjordkraft Handel ASA"


def test_a_changed_default_location_refuses_its_delivery_settings(
    service: CustomerService, store: Store
) -> None:
    loaded = new_customer(service)
    locations = LocationService(store)
    other = locations.save(
        None,
        {
            "customer": loaded["id"],
            "location_id": "ASEBY",
            "location_name": "Aseby",
            "active": True,
        },
    )
    locations.set_as_default(other)
    with pytest.raises(StaleRecordError, match=r"default location .* it is now ASEBY"):
        save_changed(service, loaded, location_name="Head office")
    # Only the name: nothing of a location is written, so the save goes through.
    save_changed(service, loaded, customer_name="Fjordkraft Handel ASA")
    with store.session() as session:
        names = dict(session.execute(select(Location.location_id, Location.location_name)).all())
    assert names == {"MAIN": "Primary location", "ASEBY": "Aseby"}


def test_a_location_saved_elsewhere_refuses_its_older_settings(
    service: CustomerService, store: Store
) -> None:
    loaded = new_customer(service)
    locations = LocationService(store)
    location = locations.load(loaded[PARTS]["default_location"][0])
    locations.save(location["id"], location | {"location_name": "Head office"}, location["version"])
    with pytest.raises(StaleRecordError, match=r"Location MAIN .* was changed on another screen"):
        save_changed(service, loaded, vat_registration_id=None, location_name="Depot")


def test_an_address_changed_elsewhere_refuses_a_change_of_the_same_value(
    service: CustomerService,
) -> None:
    loaded = new_customer(service)
    first = service.load(loaded["id"])
    save_changed(service, first, main_address_city="Bergen")
    # Another part of the same address is fine ...
    save_changed(service, loaded, main_address_address_1="Strandkaien 2")
    # ... the same value typed over is not.
    with pytest.raises(StaleRecordError, match=r"City was changed elsewhere .* 'Bergen'"):
        save_changed(service, loaded, main_address_city="Stavanger")
    assert service.load(loaded["id"])["main_address_city"] == "Bergen"


def test_payment_method_details_changed_elsewhere_are_not_overwritten(
    service: CustomerService, store: Store
) -> None:
    with store.session() as session:
        card = session.scalars(
            select(PaymentMethod).where(PaymentMethod.payment_method_id == "CARD")
        ).one()
        card_id = card.id
    loaded = new_customer(service)
    with_card = run(PAYMENT_METHOD, {PAYMENT_METHOD: card_id}, service)
    details = [row | {"value": "4111 1111 1111 1111"} for row in with_card[PAYMENT_METHOD_DETAILS]]
    save_changed(service, loaded, **(with_card | {PAYMENT_METHOD_DETAILS: details}))
    first, second = service.load(loaded["id"]), service.load(loaded["id"])
    rows = [dict(row) for row in first[PAYMENT_METHOD_DETAILS]]
    rows[1]["value"] = "Kari Nordmann"
    save_changed(service, first, **{PAYMENT_METHOD_DETAILS: rows})
    rows = [dict(row) for row in second[PAYMENT_METHOD_DETAILS]]
    rows[1]["value"] = "Ola Nordmann"
    with pytest.raises(StaleRecordError, match="Payment method details, Value was changed"):
        save_changed(service, second, **{PAYMENT_METHOD_DETAILS: rows})
    assert service.load(loaded["id"])[PAYMENT_METHOD_DETAILS][1]["value"] == "Kari Nordmann"
