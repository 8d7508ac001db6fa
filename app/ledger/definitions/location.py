"""The customer location record (CR303010): what each of its fields means."""

from __future__ import annotations

import re

from app.ledger.fields import Definition, Field, Kind
from app.ledger.sources import CUSTOMERS
from app.models import Location

LOCATION_ID_PATTERN = re.compile(r"^[A-Za-z0-9]+$")


def location_id_problem(value: object) -> str | None:
    """A location ID is letters and digits (the product family's location codes)."""
    if isinstance(value, str) and not LOCATION_ID_PATTERN.match(value):
        return "use letters and digits only (A–Z, 0–9)."
    return None


FIELDS: tuple[Field, ...] = (
    Field("customer", "Customer", Kind.LOOKUP, attr="customer_id", required=True, lookup=CUSTOMERS),
    Field(
        "location_id", "Location ID", Kind.TEXT, required=True, validators=(location_id_problem,)
    ),
    Field("location_name", "Location name", Kind.TEXT),
    Field("active", "Active", Kind.CHECKBOX),
    Field("is_default", "Is default", Kind.CHECKBOX, read_only=True),
)

LOCATION = Definition("location", Location, FIELDS)
