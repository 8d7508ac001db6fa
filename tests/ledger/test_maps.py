"""View on map: an OpenStreetMap search for the address, or nothing for an empty address."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from sqlalchemy import select

from app.ledger.maps import map_url, map_url_of
from app.models import Address, Country, County
from app.models.database import Store


def query_of(url: str | None) -> str:
    assert url is not None
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "www.openstreetmap.org", "/search")
    return parse_qs(parts.query)["query"][0]


def test_a_stored_address_is_searched_with_county_and_country_names(store: Store) -> None:
    with store.transaction() as session:
        norway = Country(country_id="NO", name="Norway")
        vestland = County(county_id="46", name="Vestland")
        norway.counties.append(vestland)
        session.add(norway)
        session.add(
            Address(
                address_1="Bryggen 5",
                address_2="  ",
                address_3="c/o Hanseatisk & Co",
                postcode="5003",
                city="Bergen",
                country=norway,
                county=vestland,
            )
        )
    with store.session() as session:
        address = session.scalars(select(Address)).one()
        url = map_url(address)
    assert query_of(url) == "Bryggen 5, c/o Hanseatisk & Co, 5003 Bergen, Vestland, Norway"
    # Encoded: no space, & or / left to split the query.
    assert url == (
        "https://www.openstreetmap.org/search?query=Bryggen%205%2C%20c%2Fo%20Hanseatisk%20%26%20"
        "Co%2C%205003%20Bergen%2C%20Vestland%2C%20Norway"
    )


def test_letters_beyond_ascii_are_encoded() -> None:
    url = map_url_of(["Storgata 1"], "9008", "Tromsø", country="Norway")
    assert url is not None and "Troms%C3%B8" in url
    assert query_of(url) == "Storgata 1, 9008 Tromsø, Norway"


def test_a_city_alone_is_enough() -> None:
    assert query_of(map_url_of([None, ""], None, "Ålesund")) == "Ålesund"


def test_an_empty_address_has_no_map() -> None:
    assert map_url(None) is None
    assert map_url(Address()) is None
    assert map_url_of(["", "  ", None], " ", None) is None


def test_a_country_alone_is_no_place_to_show() -> None:
    assert map_url_of([], None, None, county="Vestland", country="Norway") is None
