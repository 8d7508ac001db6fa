"""A document's Location (issue 13 item 1): one of the document's customer's locations, the
default one preselected; a location of another customer refused, naming the field."""

from __future__ import annotations

import pytest

from app.ledger.definitions.document import LOCATIONS
from app.ledger.documents.entry import DocumentService
from app.ledger.lookups import by_code, scoped, suggest
from app.ledger.records import ValidationError
from app.models import DocumentType as T
from app.models import Location
from app.models.database import Store
from tests.ledger.documents import customer, document, enter, set_up


def locations(store: Store, customer_id: int, *codes: str) -> dict[str, int]:
    """The customer's locations (the first the default), their ids by code."""
    with store.transaction() as session:
        made = [
            Location(customer_id=customer_id, location_id=code, is_default=n == 0, is_main=n == 0)
            for n, code in enumerate(codes)
        ]
        session.add_all(made)
        session.flush()
        return {location.location_id: location.id for location in made}


def test_another_location_of_the_customer_is_kept(store: Store, service: DocumentService) -> None:
    c = customer(store)
    ids = locations(store, c, "MAIN", "OSLO")
    invoice = enter(service, c, T.INVOICE, "10.00", location=ids["OSLO"])
    assert document(store, invoice).location_id == ids["OSLO"]
    left_blank = enter(service, c, T.INVOICE, "10.00")
    assert document(store, left_blank).location_id == ids["MAIN"]  # the default


def test_a_location_of_another_customer_is_refused(store: Store, service: DocumentService) -> None:
    mine, theirs = customer(store, "10001"), customer(store, "10002")
    locations(store, mine, "MAIN")
    other = locations(store, theirs, "MAIN", "BERGEN")
    with pytest.raises(ValidationError) as refused:
        enter(service, mine, T.INVOICE, "10.00", location=other["BERGEN"])
    assert [(e.key, str(e)) for e in refused.value.errors] == [
        ("location", "Location: must be one of the locations of the document's customer.")
    ]
    invoice = enter(service, mine, T.INVOICE, "10.00")
    loaded = service.load(invoice)
    with pytest.raises(ValidationError, match="Location: must be one of"):
        service.save(invoice, loaded | {"location": other["MAIN"]}, loaded["version"], loaded)


def test_the_lookup_offers_the_customer_s_locations_only(store: Store) -> None:
    set_up(store)
    mine, theirs = customer(store, "10001"), customer(store, "10002")
    locations(store, mine, "MAIN", "OSLO")
    other = locations(store, theirs, "MAIN", "BERGEN")
    owner = [mine]
    narrowed = scoped(LOCATIONS, lambda: owner[0])
    assert [choice.code for choice in suggest(store, narrowed, "")] == ["MAIN", "OSLO"]
    assert by_code(store, narrowed, "bergen") is None
    owner[0] = theirs  # the document's customer changed: so do the locations offered
    assert [choice.code for choice in suggest(store, narrowed, "")] == ["BERGEN", "MAIN"]
    found = by_code(store, narrowed, "main")
    assert found is not None and found.value == other["MAIN"]
