"""Customer rules without Qt: the default class of a new customer, numbers from the series."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from app.ledger.customers import CustomerService
from app.ledger.records import ValidationError
from app.ledger.setup import set_up_company
from app.models import Customer, CustomerClass, NumberSeries
from app.models.database import Store


@pytest.fixture
def service(store: Store) -> CustomerService:
    set_up_company(store, base_currency="NOK", country="NO", language="nb-NO")
    return CustomerService(store)  # the customer's definition: every field


def named(service: CustomerService, name: str, **values: Any) -> dict[str, Any]:
    return service.new_values() | {"customer_name": name} | values


def series(store: Store) -> NumberSeries:
    with store.session() as session:
        return session.scalars(
            select(NumberSeries).where(NumberSeries.series_id == "CUSTOMER")
        ).one()


def test_a_new_customer_starts_in_the_default_class(service: CustomerService, store: Store) -> None:
    values = service.new_values()
    with store.session() as session:
        default = session.scalars(
            select(CustomerClass.id).where(CustomerClass.class_id == "DEFAULT")
        ).one()
    assert values["customer_class"] == default
    assert values["customer_no"] is None


def test_no_default_class_without_preferences(store: Store) -> None:
    assert CustomerService(store).new_values()["customer_class"] is None


def test_a_customer_with_only_a_name_is_numbered_from_the_series(
    service: CustomerService, store: Store
) -> None:
    first = service.save(None, named(service, "Fjordkraft Handel AS"))
    second = service.save(None, named(service, "Vestland Bygg AS", customer_no="   "))
    assert service.load(first)["customer_no"] == "10001"
    assert service.load(second)["customer_no"] == "10002"
    assert series(store).last_number == "10002"


def test_numbers_already_used_are_skipped(service: CustomerService, store: Store) -> None:
    service.save(None, named(service, "Typed", customer_no="10001"))
    service.save(None, named(service, "Typed too", customer_no="10003"))
    numbered = service.save(None, named(service, "Numbered"))
    assert service.load(numbered)["customer_no"] == "10002"
    numbered = service.save(None, named(service, "Numbered too"))
    assert service.load(numbered)["customer_no"] == "10004"


def test_a_refused_save_does_not_use_up_a_number(service: CustomerService, store: Store) -> None:
    with pytest.raises(ValidationError, match="Customer name: at most 255 characters"):
        service.save(None, named(service, "x" * 300))
    assert series(store).last_number is None


def test_a_manual_or_missing_series_asks_for_a_number(
    service: CustomerService, store: Store
) -> None:
    with store.transaction() as session:
        found = session.scalars(
            select(NumberSeries).where(NumberSeries.series_id == "CUSTOMER")
        ).one()
        found.manual_numbering = True
    with pytest.raises(ValidationError) as refused:
        service.save(None, named(service, "No number"))
    assert str(refused.value) == (
        "Customer no.: type the customer's number: number series CUSTOMER uses manual numbering."
    )
    with store.transaction() as session:
        found = session.scalars(
            select(NumberSeries).where(NumberSeries.series_id == "CUSTOMER")
        ).one()
        found.series_id = "CUSTOMERS"
    with pytest.raises(ValidationError, match="there is no number series CUSTOMER"):
        service.save(None, named(service, "No number"))
    # A typed number needs no series.
    saved = service.save(None, named(service, "Typed", customer_no="K-1"))
    assert service.load(saved)["customer_no"] == "K-1"


def test_a_used_up_series_is_explained(service: CustomerService, store: Store) -> None:
    with store.transaction() as session:
        found = session.scalars(
            select(NumberSeries).where(NumberSeries.series_id == "CUSTOMER")
        ).one()
        found.end_number = "10001"
        found.last_number = "10001"
    with pytest.raises(ValidationError, match=r"Customer no\.: Number series CUSTOMER is used up"):
        service.save(None, named(service, "One too many"))


def test_a_saved_customer_keeps_its_number(service: CustomerService, store: Store) -> None:
    saved = service.save(None, named(service, "Numbered"))
    values = service.load(saved)
    with pytest.raises(ValidationError, match=r"Customer no.: a value is required\."):
        service.save(saved, values | {"customer_no": ""}, values["version"])
    with store.session() as session:
        assert session.scalars(select(Customer.customer_no)).all() == ["10001"]


# -- the customer's whole definition: amounts, days and limits ---------------------------------


def test_the_customers_numbers_are_refused_with_the_field_named(store: Store) -> None:
    set_up_company(store, base_currency="NOK", country="NO", language="nb-NO")
    service = CustomerService(store)  # every field of app/ledger/definitions/customer.py
    with pytest.raises(ValidationError) as refused:
        service.save(
            None,
            named(
                service,
                "Stor Kunde AS",
                credit_limit=Decimal("1e30"),
                enable_write_offs=True,
                write_off_limit=Decimal("0.00005"),
                credit_days_past_due=2**40,
                lead_time_days=-3,
            ),
        )
    assert [str(error) for error in refused.value.errors] == [
        "Write-off limit: at most 2 decimals (this has 5).",
        "Credit limit: at most 922 337 203 685 477.58 (the largest amount the ledger stores).",
        "Credit days past due: at most 2 147 483 647 (the largest number the ledger stores).",
        "Lead time (days): cannot be negative.",
    ]
    with store.session() as session:
        assert session.scalars(select(Customer)).all() == []
