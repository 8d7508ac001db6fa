"""Codes are unique regardless of case (DESIGN §3), without Qt: the ledger refuses a code that
differs from another record's only in case, naming the field, before the database would; a code
typed in another case finds the stored one."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.ledger.change_id import ChangeIdError, change_customer_no
from app.ledger.customer_classes import CustomerClassService
from app.ledger.customers import CustomerService
from app.ledger.definitions.credit import PAYMENT_TERMS
from app.ledger.definitions.system import NUMBER_SERIES
from app.ledger.definitions.vat import VAT_ZONE
from app.ledger.fields import Definition
from app.ledger.locations import LocationService
from app.ledger.lookups import LookupSource, by_code
from app.ledger.number_series import NumberSeriesService
from app.ledger.numbering import CUSTOMER_SERIES
from app.ledger.records import FieldError, ValidationError
from app.ledger.reference import ReferenceService
from app.ledger.setup import set_up_company
from app.models import Customer, CustomerClass, Location, NumberSeries
from app.models.database import Store
from tests.factories import customer_class
from tests.ledger.customer_documents import add_customer


def refusal(raised: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return [str(error) for error in raised.value.errors]


def codes(store: Store, column: Any) -> list[str]:
    with store.session() as session:
        return sorted(session.scalars(select(column)))


# -- customer numbers ----------------------------------------------------------------------------


@pytest.fixture
def customers(store: Store) -> CustomerService:
    set_up_company(store, base_currency="NOK", country="NO", language="nb-NO")
    return CustomerService(store)


def new_customer(service: CustomerService, number: str | None, name: str) -> dict[str, Any]:
    return service.new_values() | {"customer_no": number, "customer_name": name}


def test_a_customer_number_differing_only_in_case_is_refused_naming_the_field(
    customers: CustomerService, store: Store
) -> None:
    customers.save(None, new_customer(customers, "ABC1", "Fjord Fisk AS"))
    with pytest.raises(ValidationError) as refused:
        customers.save(None, new_customer(customers, "abc1", "Fjord Fisk igjen"))
    assert refusal(refused) == [
        "Customer no.: 'abc1' is already used by another customer, as 'ABC1' (codes are unique "
        "regardless of case)."
    ]
    assert codes(store, Customer.customer_no) == ["ABC1"]


def test_a_customer_may_change_the_case_of_its_own_number(
    customers: CustomerService, store: Store
) -> None:
    saved = customers.save(None, new_customer(customers, "abc1", "Fjord Fisk AS"))
    customers.save(saved, customers.load(saved) | {"customer_no": "ABC1"})
    assert codes(store, Customer.customer_no) == ["ABC1"]


def test_a_customer_number_typed_in_lower_case_finds_the_customer(
    customers: CustomerService,
) -> None:
    saved = customers.save(None, new_customer(customers, "K-200", "Fjord Fisk AS"))
    assert customers.find({"customer_no": "k-200"}) == saved
    assert customers.find({"customer_no": " K-200 "}) == saved
    assert customers.find({"customer_no": "k-201"}) is None


def test_the_series_skips_a_number_a_customer_has_in_another_case(
    customers: CustomerService, store: Store
) -> None:
    with store.transaction() as session:
        series = session.scalars(
            select(NumberSeries).where(NumberSeries.series_id == CUSTOMER_SERIES)
        ).one()
        series.start_number = "K0001"
        add_customer(session, "k0001")
    numbered = customers.save(None, new_customer(customers, None, "Nummerert AS"))
    assert customers.load(numbered)["customer_no"] == "K0002"


def test_a_series_whose_next_number_a_customer_has_in_another_case_is_refused(
    store: Store,
) -> None:
    with store.transaction() as session:
        add_customer(session, "cu0001")
        add_customer(session, "CU0002")
    service = NumberSeriesService(
        store, NumberSeries, NUMBER_SERIES.rules(), "number_series_id", noun=NUMBER_SERIES.name
    )
    values = {
        "number_series_id": CUSTOMER_SERIES,
        "description": "Customers",
        "manual_numbering": False,
        "start_number": "CU0001",
        "end_number": None,
        "last_number": None,
        "numbering_step": 1,
    }
    with pytest.raises(ValidationError) as refused:
        service.save(None, values)
    assert refusal(refused) == [
        "Last number: the next number CU0001 is already used by a customer; set the last "
        "number past the numbers in use: CU0002 gives the next number CU0003."
    ]


# -- Change ID ------------------------------------------------------------------------------------


def test_change_id_refuses_a_number_another_customer_has_in_another_case(store: Store) -> None:
    with store.transaction() as session:
        add_customer(session, "ABC1", "Vestland Bygg AS")
        renumbered = add_customer(session, "10001", "Fjord Fisk AS")
    with pytest.raises(ChangeIdError) as refused:
        change_customer_no(store, renumbered.id, "abc1", renumbered.version)
    assert str(refused.value) == (
        "Customer no.: abc1 is already used by customer ABC1 Vestland Bygg AS; "
        "choose another number."
    )
    assert codes(store, Customer.customer_no) == ["10001", "ABC1"]


def test_change_id_may_change_the_case_of_the_customers_own_number(store: Store) -> None:
    with store.transaction() as session:
        customer = add_customer(session, "abc1")
    change_customer_no(store, customer.id, "ABC1", customer.version)
    assert codes(store, Customer.customer_no) == ["ABC1"]


# -- customer classes -----------------------------------------------------------------------------


def a_class(service: CustomerClassService, class_id: str, description: str) -> dict[str, Any]:
    """A class's values: the definition's defaults, with its own ID and description."""
    return service.new_values() | {"class_id": class_id, "description": description}


def test_a_class_id_differing_only_in_case_is_refused_and_typed_so_finds_the_class(
    store: Store,
) -> None:
    service = CustomerClassService(store)
    retail = service.save(None, a_class(service, "RETAIL", "Retail"))
    with pytest.raises(ValidationError) as refused:
        service.save(None, a_class(service, "Retail", "Retail again"))
    assert refusal(refused) == [
        "Class ID: 'Retail' is already used by another customer class, as 'RETAIL' (codes are "
        "unique regardless of case)."
    ]
    assert service.find({"class_id": "retail"}) == retail
    assert codes(store, CustomerClass.class_id) == ["RETAIL"]


class Unchecked(CustomerClassService):
    """A save that checked the code before another screen saved it (the check sees nothing)."""

    def _unique_key_errors(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        return []


def test_the_databases_refusal_of_a_clashing_code_reads_as_the_ledgers(store: Store) -> None:
    classes = CustomerClassService(store)
    classes.save(None, a_class(classes, "RETAIL", "Retail"))
    for typed in ("retail", "RETAIL"):  # the lower(code) index, the plain unique constraint
        unchecked = Unchecked(store)
        with pytest.raises(ValidationError) as refused:
            unchecked.save(None, a_class(unchecked, typed, "Again"))
        assert refusal(refused) == [
            f"Class ID: '{typed}' is already used by another customer class (codes are unique "
            "regardless of case)."
        ]
    assert codes(store, CustomerClass.class_id) == ["RETAIL"]


# -- locations ------------------------------------------------------------------------------------


def test_a_location_id_is_unique_per_customer_regardless_of_case(store: Store) -> None:
    with store.transaction() as session:
        # A class giving the customers' locations the sales account and sub. they require.
        trade = customer_class(session, "TRADE").id
        fisk = add_customer(session, "10001", customer_class_id=trade).id
        bygg = add_customer(session, "10002", customer_class_id=trade).id
    service = LocationService(store)
    main = service.save(None, {"customer": fisk, "location_id": "MAIN"})
    with pytest.raises(ValidationError) as refused:
        service.save(None, {"customer": fisk, "location_id": "main"})
    assert refusal(refused) == [
        "Location ID: 'main' is already used by another location, as 'MAIN' (codes are unique "
        "regardless of case)."
    ]
    # Another customer's location may have it.
    service.save(None, {"customer": bygg, "location_id": "main"})
    assert service.find({"customer": fisk, "location_id": "Main"}) == main
    with store.session() as session:
        held = session.execute(
            select(Location.customer_id, Location.location_id).order_by(Location.customer_id)
        ).all()
    assert [tuple(row) for row in held] == [(fisk, "MAIN"), (bygg, "main")]


# -- reference codes ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("definition", "code_key", "label", "stored", "typed"),
    [
        (PAYMENT_TERMS, "terms_id", "Terms ID", "30D", "30d"),
        (VAT_ZONE, "vat_zone_id", "VAT zone ID", "domestic", "Domestic"),
    ],
)
def test_a_reference_code_differing_only_in_case_is_refused_and_typed_so_found(
    store: Store, definition: Definition, code_key: str, label: str, stored: str, typed: str
) -> None:
    model, noun = definition.model, definition.name
    service = ReferenceService(store, model, definition.rules(), code_key, noun=noun)
    saved = service.save(None, service.new_values() | {code_key: stored, "description": "First"})
    with pytest.raises(ValidationError) as refused:
        service.save(None, service.new_values() | {code_key: typed, "description": "Second"})
    assert refusal(refused) == [
        f"{label}: '{typed}' is already used by another {noun}, as '{stored}' (codes are unique "
        "regardless of case)."
    ]
    assert service.find({code_key: typed}) == saved
    assert codes(store, getattr(model, code_key)) == [stored]
    # A lookup resolves the code typed in another case to the stored record.
    choice = by_code(store, LookupSource(model, code_key, "description"), typed)
    assert choice is not None and (choice.value, choice.code) == (saved, stored)
