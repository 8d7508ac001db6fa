""" "Same as main": an invoice or shipping address (or contact) that shares the customer's main
one while the box is ticked, and becomes an own copy to edit when it is cleared (DESIGN.md §4).

Field keys follow DESIGN.md §2: the section's name, then the element's (``invoice_address_city``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

# (element key, attribute) of an address and of a contact section, as the seeds list them.
ADDRESS_PARTS: tuple[tuple[str, str], ...] = (
    ("address_1", "address_1"),
    ("address_2", "address_2"),
    ("address_3", "address_3"),
    ("postcode", "postcode"),
    ("city", "city"),
    ("country", "country_id"),
    ("county", "county_id"),
)
CONTACT_PARTS: tuple[tuple[str, str], ...] = (
    ("company_name", "company_name"),
    ("attention", "attention"),
    ("email", "email"),
    ("web", "web"),
    ("phone_1", "phone_1"),
    ("phone_2", "phone_2"),
    ("fax", "fax"),
)


@dataclass(frozen=True)
class Share:
    """One section that may share the main address or contact."""

    section: str  # field-key prefix: "invoice_address"
    owner: str  # path from the customer to the record holding it: "" or "default_location"
    attr: str  # that record's relationship: "invoice_address", "address"
    flag_attr: str  # that record's Same as main column
    main: str  # the customer's relationship shared: "main_address" / "main_contact"

    @property
    def flag(self) -> str:
        return f"{self.section}_same_as_main"

    @property
    def parts(self) -> tuple[tuple[str, str], ...]:
        return ADDRESS_PARTS if self.main == "main_address" else CONTACT_PARTS

    def key(self, element: str) -> str:
        return f"{self.section}_{element}"

    def field_keys(self) -> list[str]:
        return [self.key(element) for element, _attr in self.parts]

    def path(self, attr: str) -> str:
        """The attribute path of one of its parts, from the customer."""
        return ".".join(p for p in (self.owner, self.attr, attr) if p)

    def flag_path(self) -> str:
        return ".".join(p for p in (self.owner, self.flag_attr) if p)

    def main_key(self, element: str) -> str:
        return f"{self.main}_{element}"

    def mirrored(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """The section's values while it shares the main one: the main section's."""
        return {self.key(e): values.get(self.main_key(e)) for e, _attr in self.parts}


# The customer's Delivery settings are its default location's.
LOCATION = "default_location"
CUSTOMER_SHARES: tuple[Share, ...] = (
    Share("invoice_address", "", "invoice_address", "invoice_address_same_as_main", "main_address"),
    Share("invoice_contact", "", "invoice_contact", "invoice_contact_same_as_main", "main_contact"),
    Share("shipping_address", LOCATION, "address", "address_same_as_main", "main_address"),
    Share("shipping_contact", LOCATION, "contact", "contact_same_as_main", "main_contact"),
)


def shared_key(shares: tuple[Share, ...], key: str, values: Mapping[str, Any]) -> bool:
    """Whether ``key`` shows a part shared with the main one (so it is not written itself)."""
    return any(values.get(share.flag) and key in share.field_keys() for share in shares)


def arrange(owner: Any, share: Share, main: Any, *, same: bool, session: Any) -> None:
    """Point ``owner``'s part at the main one while shared; give it an own copy otherwise."""
    current = getattr(owner, share.attr)
    if same:
        if current is not None and current is not main:
            session.delete(current)  # an own copy nobody else holds
        setattr(owner, share.attr, main)
    elif current is None or current is main:
        setattr(owner, share.attr, main.copy())
    setattr(owner, share.flag_attr, same)
