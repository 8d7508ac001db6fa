"""Demo company (issue 3): a realistic company to look at, made in seconds.

``create_demo_company`` sets the company up as first-run setup does (Norway, NOK by default),
then adds customer classes (domestic, key accounts, EU, export, US dollar), the delivery records
locations refer to (app/ledger/demo/reference.py) and customers with names and addresses from
Faker's Nordic and Dutch locales (app/ledger/demo/customers.py): class values, contacts,
identifiers, the MAIN location and more locations for some, payment methods, parent and child
accounts, salespersons and contact persons (app/ledger/demo/sales_team.py), attribute values
(app/ledger/demo/attributes.py), and a year of released invoices, credit notes and payments up
to ``as_at`` (app/ledger/demo/documents.py); some customers are suppliers too
(app/ledger/demo/suppliers.py); a share have activities (tasks, events, e-mails, notes and calls:
app/ledger/demo/activities.py); a few have Webhook notification on with a history of events
(app/ledger/demo/webhooks.py); its statement cycles prepared for the last three month ends,
with company details on its branch to print as sender. Everything is written in one
transaction, with bulk inserts; a progress callback hears how far it got and may cancel (then
nothing is written).

The same seed gives the same company. Every record passes the rules the screens apply (the
tests check that through the screens' own declarations).

A demo database is marked by the name of its branch MAIN (ending in ``(demo company)``): only
an empty database or a demo database is written to, and a demo database is emptied first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.ledger.demo.activities import add_activities
from app.ledger.demo.attributes import add_attributes
from app.ledger.demo.customers import CustomerWriter
from app.ledger.demo.names import location_code
from app.ledger.demo.reference import customer_classes, delivery_records
from app.ledger.demo.sales_team import add_salespersons
from app.ledger.demo.suppliers import add_suppliers
from app.ledger.demo.webhooks import add_webhook_history
from app.ledger.numbering import NumberingError
from app.ledger.setup import BRANCH, configure
from app.models import Base, Branch, StatementCycle
from app.models.database import Store

__all__ = [
    "DEFAULT_CUSTOMERS",
    "DEFAULT_SEED",
    "DEMO_MARK",
    "DemoCancelledError",
    "DemoError",
    "DemoSummary",
    "create_demo_company",
    "demo_database_path",
    "is_demo",
    "is_empty",
    "location_code",
]

DEMO_MARK = "(demo company)"
DEMO_COMPANY = "Nordlys Handel AS"
DEMO_FILE = "demo.sqlite"
DEFAULT_CUSTOMERS = 500
DEFAULT_SEED = 2024

# Called with (customers written, customers wanted); answering False cancels.
Progress = Callable[[int, int], bool | None]


class DemoError(Exception):
    """The demo company was not created; the message says why."""


class DemoCancelledError(DemoError):
    """The progress callback cancelled; nothing was written."""


@dataclass(frozen=True)
class DemoSummary:
    customers: int
    locations: int
    classes: tuple[str, ...]
    documents: int = 0
    suppliers: int = 0  # customers that are suppliers too


def demo_database_path() -> Path:
    """Where ``--demo`` keeps the demo company: ``demo.sqlite`` in the user data folder."""
    from app.paths import data_dir

    return data_dir() / DEMO_FILE


def is_demo(session: Session) -> bool:
    """Whether the database is a demo company (its branch MAIN carries the demo mark)."""
    name = session.scalar(select(Branch.name).where(Branch.branch_id == BRANCH))
    return bool(name) and str(name).endswith(DEMO_MARK)


# Tables every database is given rows in by its migrations (the SUBACCOUNT key of 0015): a
# database holding only those is still empty.
GIVEN_BY_MIGRATIONS = frozenset({"segmented_key", "key_segment"})


def is_empty(session: Session) -> bool:
    """No rows in any table of the ledger, beyond those every database is given."""
    return not any(
        session.scalar(select(func.count()).select_from(table))
        for table in _tables()
        if table.name not in GIVEN_BY_MIGRATIONS
    )


def create_demo_company(
    store: Store,
    *,
    customers: int = DEFAULT_CUSTOMERS,
    seed: int = DEFAULT_SEED,
    progress: Progress | None = None,
    replace: bool = False,
    base_currency: str = "NOK",
    country: str = "NO",
    language: str = "nb-NO",
    as_at: date | None = None,
) -> DemoSummary:
    """Make the demo company in one transaction, its documents covering the year up to
    ``as_at`` (today by default).

    Only into an empty database, or (``replace``) a demo database, which is emptied first;
    anything else raises DemoError and is left as it was.
    """
    if customers < 0:
        raise DemoError("The number of customers cannot be negative.")
    with store.transaction() as session:
        if not is_empty(session):
            if not (replace and is_demo(session)):
                where = store.engine.url.render_as_string(hide_password=True)
                raise DemoError(
                    f"The database {where} holds a ledger that is not an empty database or a "
                    "demo company, so the demo company was not made there; the database was "
                    "left as it is. Give the demo company a database of its own."
                )
            for table in reversed(_tables()):
                session.execute(delete(table))
        # An empty database keeps the rows its migrations gave it (configure finds the key).
        config = configure(
            session,
            base_currency=base_currency,
            country=country,
            language=language,
            branch_name=f"{DEMO_COMPANY} {DEMO_MARK}",
        )
        _report(progress, 0, customers)
        delivery = delivery_records(session, config)
        classes = customer_classes(session, config, delivery)
        add_salespersons(session, classes)
        add_attributes(session, classes)
        writer = CustomerWriter(session, config, classes, delivery, seed, as_at or date.today())
        try:
            writer.write(customers, lambda done: _report(progress, done, customers))
        except NumberingError as error:
            raise DemoError(str(error)) from error
        suppliers = add_suppliers(session, seed + 3)
        add_activities(session, seed + 5, as_at or date.today())
        add_webhook_history(session, seed + 11, as_at or date.today())
        _company_details(session, country)
        prepare_past_statements(session, as_at or date.today())
    return DemoSummary(
        customers, writer.locations, tuple(classes), writer.ledger.written, suppliers
    )


# The sender printed on the demo company's statements (valid Norwegian numbers).
NORWEGIAN_DETAILS = {
    "address_line_1": "Storgata 1",
    "postcode": "0155",
    "city": "Oslo",
    "organisation_no": "974 760 673",
    "vat_registration_id": "NO 974 760 673 MVA",
    "iban": "NO93 8601 1117 947",
    "bic": "DNBANOKKXXX",
    "contact_name": "Kundeservice",
    "phone": "+47 22 00 00 00",
    "email": "kundeservice@nordlys.example",
}
PAST_CYCLES = 3  # months of statements the demo company has prepared


def _company_details(session: Session, country: str) -> None:
    branch = session.scalars(select(Branch).where(Branch.branch_id == BRANCH)).one()
    branch.company_name = DEMO_COMPANY
    if country == "NO":
        for key, value in NORWEGIAN_DETAILS.items():
            setattr(branch, key, value)


def prepare_past_statements(session: Session, as_at: date, months: int = PAST_CYCLES) -> int:
    """Each statement cycle prepared at the ends of the last ``months`` whole months before
    ``as_at``, oldest first: the statement history is filled and Regenerate last statement
    works on any customer with documents. The number of statements made."""
    from app.ledger.statements.cycle import prepare_cycle

    ends = []
    first_of_month = as_at.replace(day=1)
    for _ in range(months):
        first_of_month = (first_of_month - timedelta(days=1)).replace(day=1)
        ends.append(_month_end(first_of_month))
    made = 0
    for cycle_id in session.scalars(select(StatementCycle.id).order_by(StatementCycle.id)):
        for day in sorted(ends):
            made += len(prepare_cycle(session, cycle_id, day).statement_ids)
    return made


def _month_end(day: date) -> date:
    following = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return following - timedelta(days=1)


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and progress(done, total) is False:
        raise DemoCancelledError("The demo company was cancelled; nothing was written.")


def _tables() -> list[Any]:
    return list(Base.metadata.sorted_tables)
