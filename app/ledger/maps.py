"""View on map (AR303000, CR303010): the web address that shows an address on a map.

OpenStreetMap's search takes the address as one line of free text, most specific part first:
``Bryggen 5, 5003 Bergen, Vestland, Norway``. The screen opens it in the system browser; nothing
is fetched here, so the ledger stays offline.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import quote

from app.models import Address

SEARCH_URL = "https://www.openstreetmap.org/search?query="


def map_url(address: Address | None) -> str | None:
    """The map search for a stored address; None when it says nothing more than a county or
    country (a new customer starts with its class's country, which is no place to show)."""
    if address is None:
        return None
    county = address.county.name if address.county is not None else None
    country = address.country.name if address.country is not None else None
    return map_url_of(
        (address.address_1, address.address_2, address.address_3),
        address.postcode,
        address.city,
        county,
        country,
    )


def map_url_of(
    lines: Iterable[str | None],
    postcode: str | None,
    city: str | None,
    county: str | None = None,
    country: str | None = None,
) -> str | None:
    """The map search from an address's parts as shown (the screen's unsaved values, with
    county and country by name)."""
    street = [line.strip() for line in lines if line and line.strip()]
    place = " ".join(part.strip() for part in (postcode, city) if part and part.strip())
    if not street and not place:
        return None
    region = [part.strip() for part in (county, country) if part and part.strip()]
    query = ", ".join([*street, *([place] if place else []), *region])
    return SEARCH_URL + quote(query, safe="")
