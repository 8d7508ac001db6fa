"""Customer locations (app/ledger/locations.py) without Qt: deleting one that documents use."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.ledger import records
from app.ledger.locations import LocationService
from app.ledger.records import InUseError, RecordError
from app.models import ArDocument, DocumentType, Location
from app.models.database import Store
from tests.ledger.customer_documents import add_customer, add_document


def service(store: Store) -> LocationService:
    return LocationService(store)  # the location's definition


@pytest.fixture
def oslo(store: Store) -> int:
    """Customer 10001 with MAIN (its default) and OSLO, an invoice delivered to OSLO."""
    with store.transaction() as session:
        customer = add_customer(session, "10001")
        main = Location(customer_id=customer.id, location_id="MAIN", is_default=True)
        oslo = Location(customer_id=customer.id, location_id="OSLO")
        session.add_all([main, oslo])
        session.flush()
        add_document(session, customer, DocumentType.INVOICE, "100").location_id = oslo.id
        return oslo.id


def locations(store: Store) -> dict[str, bool]:
    with store.session() as session:
        rows = session.execute(select(Location.location_id, Location.active))
        return {location_id: active for location_id, active in rows}


def test_a_location_documents_use_is_refused_by_name_and_may_be_deactivated(
    store: Store, oslo: int
) -> None:
    with pytest.raises(InUseError) as refused:
        service(store).delete(oslo)
    assert str(refused.value) == (
        "Location OSLO of customer 10001 cannot be deleted: it is used by 1 ledger document."
    )
    assert refused.value.can_deactivate
    assert locations(store) == {"MAIN": True, "OSLO": True}

    service(store).deactivate(oslo, version=1)
    assert locations(store) == {"MAIN": True, "OSLO": False}
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(ArDocument)) == 1


def test_the_default_location_keeps_its_own_refusal_without_the_offer(store: Store) -> None:
    with store.transaction() as session:
        customer = add_customer(session, "10001")
        main = Location(customer_id=customer.id, location_id="MAIN", is_default=True)
        session.add(main)
        session.flush()
        add_document(session, customer, DocumentType.INVOICE, "100").location_id = main.id
        main_id = main.id
    with pytest.raises(RecordError, match="is the customer's default location") as refused:
        service(store).delete(main_id)
    assert not isinstance(refused.value, InUseError)  # deactivating it is no way out


def test_a_location_nothing_uses_is_deleted(store: Store) -> None:
    with store.transaction() as session:
        customer = add_customer(session, "10001")
        session.add_all(
            [
                Location(customer_id=customer.id, location_id="MAIN", is_default=True),
                spare := Location(customer_id=customer.id, location_id="SPARE"),
            ]
        )
        session.flush()
        spare_id = spare.id
    service(store).delete(spare_id)
    assert locations(store) == {"MAIN": True}


def test_a_reference_the_where_used_count_misses_is_refused_in_words(
    store: Store, oslo: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As if the schema held a reference where_used cannot see: the database refuses the delete.
    monkeypatch.setattr(records, "uses_of", lambda _session, _record: [])
    with pytest.raises(RecordError) as refused:
        service(store).delete(oslo)
    assert str(refused.value) == (
        "Location OSLO of customer 10001 cannot be deleted: other records still refer to it."
    )
    assert locations(store) == {"MAIN": True, "OSLO": True}
