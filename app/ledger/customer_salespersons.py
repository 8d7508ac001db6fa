"""The salespersons of a customer (AR303000 Salespersons tab; CR303010's, by location).

- A row is a salesperson at one of the customer's locations, with the commission % it earns
  there: 0–100, the salesperson's own commission unless typed (a blank one takes it at save).
- A row left without a location is the customer's default location's (a new customer's: the
  location its first save makes); a location of another customer is refused.
- The same salesperson appears once per location.
- A customer with salespersons has exactly one default salesperson (DESIGN.md §4).
- A new customer gets its class's Salesperson ID as its default salesperson (DESIGN.md §4).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.ledger.records import UNCHANGED_GRIDS
from app.models import CustomerClass, CustomerSalesperson, Location, Salesperson

# The grid's key on the customer (all its rows) and on a location (the rows at that location).
SALESPERSONS = "salespersons"
SALESPERSON = "salesperson"
LOCATION = "location"
DEFAULT = "is_default"
COMMISSION = "commission_percent"
TITLE = "Salespersons"

Row = Mapping[str, Any]


def written(values: Mapping[str, Any]) -> bool:
    """Whether a save writes the salesperson rows it is given (a save leaves rows it shows as
    read alone; they may be older than what another screen saved since)."""
    return SALESPERSONS in values and SALESPERSONS not in values.get(UNCHANGED_GRIDS, ())


def salesperson_values(session: Session, salesperson_id: Any) -> dict[str, Any]:
    """What choosing a salesperson fills in on its row: the name and the commission."""
    found = session.get(Salesperson, salesperson_id) if isinstance(salesperson_id, int) else None
    if found is None:
        return {"name": None}
    return {"name": found.name, COMMISSION: found.commission_percent}


def location_name(session: Session, location_id: Any) -> str | None:
    found = session.get(Location, location_id) if isinstance(location_id, int) else None
    return found.location_name if found is not None else None


def class_rows(session: Session, class_id: Any) -> list[dict[str, Any]]:
    """The Salespersons rows a new customer of the class starts with: the class's Salesperson
    ID as the default (at the location the customer's first save makes), when it has one."""
    customer_class = session.get(CustomerClass, class_id) if isinstance(class_id, int) else None
    if customer_class is None or customer_class.salesperson_id is None:
        return []
    salesperson = session.get(Salesperson, customer_class.salesperson_id)
    if salesperson is None or not salesperson.active:
        return []
    return [
        {
            "id": None,
            SALESPERSON: salesperson.id,
            "name": salesperson.name,
            LOCATION: None,
            "location_name": None,
            COMMISSION: salesperson.commission_percent,
            DEFAULT: True,
        }
    ]


def _rows_named(numbers: Iterable[int]) -> str:
    listed = [str(number) for number in numbers]
    return "rows " + ", ".join(listed[:-1]) + " and " + listed[-1]


def row_problems(
    rows: list[Row],
    locations: Mapping[int, str],
    *,
    defaults_elsewhere: int = 0,
    rows_elsewhere: int = 0,
    at: str = "",
) -> list[tuple[str, str]]:
    """Each (where, problem) of a customer's salesperson rows: ``locations`` are the customer's
    (id → location ID); ``defaults_elsewhere`` / ``rows_elsewhere`` count the customer's rows not
    in ``rows`` (other locations' when a location's rows are checked); ``at`` names the location
    the rows are all at."""
    problems: list[tuple[str, str]] = []
    for number, row in enumerate(rows, start=1):
        location = row.get(LOCATION)
        if location is not None and location not in locations:
            problems.append(
                (f"{TITLE}, row {number}, Location ID", "choose one of this customer's locations.")
            )
    seen = Counter((row.get(SALESPERSON), row.get(LOCATION)) for row in rows)
    for (salesperson, location), count in seen.items():
        if count > 1 and salesperson is not None:
            numbers = [
                n
                for n, row in enumerate(rows, start=1)
                if (row.get(SALESPERSON), row.get(LOCATION)) == (salesperson, location)
            ]
            place = at or (locations.get(location) if location is not None else None)
            where = f"at location {place}" if place else "at the same location"
            problems.append(
                (
                    f"{TITLE}, Salesperson ID",
                    f"{_rows_named(numbers)} name the same salesperson {where}; "
                    "a salesperson is listed once per location.",
                )
            )
    marked = [n for n, row in enumerate(rows, start=1) if row.get(DEFAULT)]
    if len(marked) > 1:
        problems.append(
            (
                f"{TITLE}, Default",
                f"only one salesperson can be the customer's default ({_rows_named(marked)} are "
                "marked).",
            )
        )
    elif not marked and rows and not defaults_elsewhere:
        problems.append(
            (
                f"{TITLE}, Default",
                "mark one salesperson as the customer's default (a customer with salespersons "
                "has exactly one default).",
            )
        )
    elif not marked and not rows and rows_elsewhere and not defaults_elsewhere:
        problems.append(
            (
                f"{TITLE}, Default",
                "the customer's default salesperson was at this location: mark another "
                "salesperson as the default first (AR303000, Salespersons tab).",
            )
        )
    return problems


def customer_locations(session: Session, customer_id: int | None) -> dict[int, str]:
    """The customer's locations: id → location ID."""
    if customer_id is None:
        return {}
    return dict(
        session.execute(
            select(Location.id, Location.location_id).where(Location.customer_id == customer_id)
        ).all()
    )


def others_of(session: Session, customer_id: Any, location_id: int | None) -> tuple[int, int]:
    """How many of the customer's rows are at other locations than ``location_id``, and how
    many of those are the default (0 or 1)."""
    if not isinstance(customer_id, int):
        return 0, 0
    stmt = select(CustomerSalesperson.is_default).where(
        CustomerSalesperson.customer_id == customer_id
    )
    if location_id is not None:
        stmt = stmt.where(CustomerSalesperson.location_id != location_id)
    marks = list(session.scalars(stmt))
    return len(marks), sum(1 for mark in marks if mark)


def fill_in(session: Session, rows: Iterable[CustomerSalesperson], location: Location) -> None:
    """Before a save: a row without a location is at ``location`` (the default one), a row
    without a commission takes its salesperson's."""
    for row in rows:
        if row.location_id is None and row.location is None:
            row.location = location
        if row.commission_percent is None:
            salesperson = session.get(Salesperson, row.salesperson_id)
            row.commission_percent = salesperson.commission_percent if salesperson else 0


def clear_other_defaults(session: Session, customer_id: int, location_id: int) -> None:
    """The default mark moved to a row at ``location_id``: the customer's rows elsewhere lose
    theirs (one default per customer)."""
    session.execute(
        update(CustomerSalesperson)
        .where(
            CustomerSalesperson.customer_id == customer_id,
            CustomerSalesperson.location_id != location_id,
            CustomerSalesperson.is_default.is_(True),
        )
        .values(is_default=False)
    )
