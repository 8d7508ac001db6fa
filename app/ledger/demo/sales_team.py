"""The demo company's people: its salespersons (one per customer class, the class's Salesperson
ID), the salespersons of each customer (the class's as the default at the MAIN location, for some
customers a second one at another location) and the customers' contact persons (one to three for
a company, the first the default; some retired ones inactive). Everything as the screens would
save it: one default salesperson and one active default contact per customer, commissions of
0–100, locations of the customer's own, e-mail addresses that are addresses.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from app.ledger.demo.bulk import insert_rows
from app.ledger.demo.names import mailbox
from app.models import ContactPerson, CustomerClass, CustomerSalesperson, Salesperson

# (ID, name, commission %, the classes whose salesperson they are)
SALESPERSONS: tuple[tuple[str, str, Decimal, tuple[str, ...]], ...] = (
    ("INGRID", "Ingrid Solberg", Decimal("4.5"), ("DOMESTIC",)),
    ("MAGNUS", "Magnus Lie", Decimal("6"), ("KEYACCT",)),
    ("SOFIE", "Sofie Bakke", Decimal("5"), ("EU",)),
    ("HENRIK", "Henrik Dahl", Decimal("5.5"), ("EXPORT", "USD")),
    ("TONE", "Tone Haugen", Decimal("3"), ()),
)
JOB_TITLES = (
    "Accountant",
    "Accounts payable clerk",
    "Chief financial officer",
    "Managing director",
    "Purchasing manager",
    "Buyer",
    "Logistics coordinator",
    "Office manager",
    "Warehouse manager",
)
SECOND_SALESPERSON = 0.3  # share of customers with more locations that have a second one
CONTACTS_OF_A_COMPANY = (1, 1, 2, 2, 2, 3)
CONTACT_OF_A_PERSON = 0.3
RETIRED_CONTACTS = 0.1  # share of a company's further contacts that are inactive


class Names(Protocol):
    """The demo's pool of a country's people (app/ledger/demo/people.py)."""

    def first_name(self) -> str: ...
    def last_name(self) -> str: ...
    def phone_number(self) -> str: ...


@dataclass(frozen=True)
class Customer:
    """What the people of one written customer need: its id, class, country's names, main
    address, web domain (none for a private person) and location ids (MAIN first)."""

    id: int
    class_code: str
    names: Names
    city: str | None
    country_id: int | None
    domain: str
    locations: Sequence[int]


def add_salespersons(session: Session, classes: dict[str, int]) -> None:
    """The demo's salespersons, each class's Salesperson ID set."""
    for code, name, commission, of_classes in SALESPERSONS:
        salesperson = Salesperson(salesperson_id=code, name=name, commission_percent=commission)
        session.add(salesperson)
        session.flush()
        for class_code in of_classes:
            if class_code in classes:
                session.execute(
                    update(CustomerClass)
                    .where(CustomerClass.id == classes[class_code])
                    .values(salesperson_id=salesperson.id)
                )


class PeopleWriter:
    """The salesperson rows and contact persons of each batch of customers."""

    def __init__(self, session: Session, classes: dict[str, int], pick: random.Random) -> None:
        self.session = session
        self.pick = pick
        salespersons = session.execute(
            select(Salesperson.id, Salesperson.commission_percent).order_by(Salesperson.id)
        ).all()
        self.commission = {row.id: row.commission_percent for row in salespersons}
        self.all = [row.id for row in salespersons]
        class_salesperson = dict(
            session.execute(select(CustomerClass.id, CustomerClass.salesperson_id)).all()
        )
        self.of_class = {
            code: class_salesperson.get(class_id) for code, class_id in classes.items()
        }
        self.next_contact = (session.scalar(select(func.max(ContactPerson.contact_id))) or 0) + 1
        self.contacts = 0

    def write(self, customers: Sequence[Customer]) -> None:
        rows: list[dict[str, Any]] = []
        contacts: list[dict[str, Any]] = []
        for customer in customers:
            rows.extend(self._salespersons(customer))
            contacts.extend(self._contacts(customer))
        if rows:
            insert_rows(self.session, _table(CustomerSalesperson), rows)
        if contacts:
            insert_rows(self.session, _table(ContactPerson), contacts)
            self.contacts += len(contacts)

    def _salespersons(self, customer: Customer) -> list[dict[str, Any]]:
        """The class's salesperson as the default at MAIN, as a new customer of the class gets;
        for some customers with more locations a second salesperson at one of them."""
        default = self.of_class.get(customer.class_code)
        if default is None:
            return []
        rows = [self._row(customer, default, customer.locations[0], default=True)]
        others = [s for s in self.all if s != default]
        if len(customer.locations) > 1 and others and self.pick.random() < SECOND_SALESPERSON:
            location = self.pick.choice(customer.locations[1:])
            rows.append(self._row(customer, self.pick.choice(others), location, default=False))
        return rows

    def _row(
        self, customer: Customer, salesperson: int, location: int, *, default: bool
    ) -> dict[str, Any]:
        return {
            "customer_id": customer.id,
            "salesperson_id": salesperson,
            "location_id": location,
            "commission_percent": self.commission[salesperson],
            "is_default": default,
        }

    def _contacts(self, customer: Customer) -> list[dict[str, Any]]:
        """A company's contact persons at its domain; a private person is sometimes listed as
        its own contact. The first is active and the default."""
        pick = self.pick
        if customer.domain:
            count = pick.choice(CONTACTS_OF_A_COMPANY)
        else:
            count = 1 if pick.random() < CONTACT_OF_A_PERSON else 0
        found = []
        for n in range(count):
            first, last = customer.names.first_name(), customer.names.last_name()
            local = mailbox(f"{first} {last}")
            active = n == 0 or pick.random() >= RETIRED_CONTACTS
            found.append(
                {
                    "contact_id": self.next_contact,
                    "customer_id": customer.id,
                    "active": active,
                    "is_default": n == 0,
                    "first_name": first[:50],
                    "last_name": last[:100],
                    "job_title": pick.choice(JOB_TITLES) if customer.domain else None,
                    "email": f"{local}@{customer.domain}" if customer.domain else None,
                    "phone_1": customer.names.phone_number(),
                    "phone_2": None,
                    "fax": None,
                    "address_1": None,
                    "postcode": None,
                    "city": customer.city,
                    "country_id": customer.country_id,
                }
            )
            self.next_contact += 1
        return found


def _table(model: Any) -> Any:
    return model.__table__
