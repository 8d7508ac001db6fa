"""How fast one customer record opens and saves among many, and how its list window queries.

    python bench/customer_record.py [COUNT] [--runs N]      (default 100000 customers, 7 runs)

Builds a SQLite database the way start-up does (migrations, first-run setup) in a temporary
folder and bulk-inserts COUNT customers with the DEFAULT class's values, a main address and
contact (invoice ones shared, Same as main), a MAIN location sharing them, and two ledger
documents each (an open invoice, a payment); the timed customer also has 50 locations, 100
contact persons, 200 activities and 3 salespersons (issue 11's benchmark: opening and saving it
under 100 ms each). Then times, as the median of the runs in ms:

- ``service_load``: ``CustomerService(store).load(id)`` (the customer's whole definition);
- ``service_save``: saving those values with a changed name, checked against what was read;
- ``balances``: ``customer_balances`` of that customer, of a parent account with 500 child
  accounts and of one of its children sharing its credit policy;
- ``screen_load`` / ``screen_save``: the same through the Qt screen (``create_screen(store)``,
  ``load_record`` and ``save``, events processed), offscreen unless a display is set, with the
  Locations, Contacts and Activities tabs built (their 50, 100 and 200 rows shown);
- ``activity_save``: one of its activities saved in its editor's service (one transaction,
  checked against the version read), and ``activities_refresh``: the Activities rows read again
  after an editor saved;
- the list window's query (app/ledger/customer_list.py), first page of 200 as the list model
  asks for it: unfiltered, a filter on city, on balance, sorted by balance — with the balance
  stored per customer (the query's, app/ledger/documents/stored_balance.py) and, for
  comparison, as a grouped subquery over the documents joined in.

The screen grows: whatever AR303000 declares is what is loaded and saved. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BATCH = 10_000
PAGE = 200
CHILDREN = 500  # child accounts of the first customer
CITIES = {
    "NO": ["Oslo", "Bergen", "Trondheim", "Stavanger", "Tromsø", "Ålesund", "Bodø", "Drammen"],
    "SE": ["Stockholm", "Göteborg", "Malmö", "Uppsala", "Västerås", "Örebro", "Linköping"],
    "DK": ["København", "Aarhus", "Odense", "Aalborg", "Esbjerg"],
    "FI": ["Helsinki", "Espoo", "Tampere", "Oulu", "Turku"],
    "NL": ["Amsterdam", "Rotterdam", "Utrecht", "Eindhoven", "Groningen"],
}
WORDS = ["Nordic", "Fjord", "Bygg", "Fisk", "Handel", "Data", "Marine", "Energi", "Transport"]
FORMS = ["AS", "AB", "ApS", "Oy", "B.V."]


def populate(store: Any, count: int) -> None:
    """The first-run setup, then ``count`` customers with their parts, in bulk."""
    from sqlalchemy import insert, select, update

    from app.ledger.setup import set_up_company
    from app.models import (
        Address,
        ArDocument,
        Contact,
        Country,
        Customer,
        CustomerClass,
        DocumentStatus,
        DocumentType,
        Location,
    )
    from app.models.location import MAIN_LOCATION_ID

    set_up_company(store, base_currency="NOK", country="NO", language="nb-NO")
    rng = random.Random(20260201)
    with store.transaction() as session:
        default = session.scalars(
            select(CustomerClass).where(CustomerClass.class_id == "DEFAULT")
        ).one()
        # A customer and its MAIN location take the class's values, as a new customer does.
        from_class = _class_values(default, Customer)
        location_from_class = _class_values(default, Location)
        countries = {
            code: country_id
            for code, country_id in session.execute(
                select(Country.country_id, Country.id).where(Country.country_id.in_(list(CITIES)))
            )
        }
        today = date(2026, 3, 1)
        for start in range(0, count, BATCH):
            size = min(BATCH, count - start)
            places = [rng.choice(list(CITIES)) for _ in range(size)]
            address_ids = session.scalars(
                insert(Address).returning(Address.id, sort_by_parameter_order=True),
                [
                    {
                        "address_1": f"{rng.choice(WORDS)}gata {rng.randint(1, 200)}",
                        "postcode": f"{rng.randint(1000, 9999)}",
                        "city": rng.choice(CITIES[country]),
                        "country_id": countries[country],
                    }
                    for country in places
                ],
            ).all()
            contact_ids = session.scalars(
                insert(Contact).returning(Contact.id, sort_by_parameter_order=True),
                [
                    {"attention": "Regnskap", "email": f"post{start + n}@example.com"}
                    for n in range(size)
                ],
            ).all()
            names = [f"{' '.join(rng.sample(WORDS, 2))} {rng.choice(FORMS)}" for _ in range(size)]
            customer_ids = session.scalars(
                insert(Customer).returning(Customer.id, sort_by_parameter_order=True),
                [
                    from_class
                    | {
                        "customer_no": f"{10001 + start + n}",
                        "name": names[n],
                        "customer_class_id": default.id,
                        "main_address_id": address_ids[n],
                        "main_contact_id": contact_ids[n],
                        "invoice_address_id": address_ids[n],
                        "invoice_contact_id": contact_ids[n],
                    }
                    for n in range(size)
                ],
            ).all()
            session.execute(
                insert(Location),
                [
                    location_from_class
                    | {
                        "customer_id": customer_ids[n],
                        "location_id": MAIN_LOCATION_ID,
                        "location_name": names[n],
                        "is_default": True,
                        "address_id": address_ids[n],
                        "contact_id": contact_ids[n],
                    }
                    for n in range(size)
                ],
            )
            documents = []
            for n, customer_id in enumerate(customer_ids):
                amount = Decimal(rng.randint(100, 500_000)) / 100
                paid = rng.choice([Decimal(0), amount / 2, amount])
                number = start + n
                due = today - timedelta(days=rng.randint(-30, 90))
                documents.append(
                    {
                        "doc_type": DocumentType.INVOICE,
                        "ref_nbr": f"INV{number:08d}",
                        "customer_id": customer_id,
                        "doc_date": due - timedelta(days=30),
                        "due_date": due,
                        "status": DocumentStatus.OPEN,
                        "released": True,
                        "amount": amount,
                        "balance": amount - paid,
                    }
                )
                documents.append(
                    {
                        "doc_type": DocumentType.PAYMENT,
                        "ref_nbr": f"PMT{number:08d}",
                        "customer_id": customer_id,
                        "doc_date": due,
                        "status": DocumentStatus.CLOSED,
                        "released": True,
                        "amount": paid,
                        "balance": Decimal(0),
                    }
                )
            session.execute(insert(ArDocument), documents)
        # Each customer's stored balance, as the ledger keeps it with every release.
        from app.ledger.demo.customers import store_balances

        store_balances(session)
        # One parent account with child accounts, half of them sharing its credit policy.
        parent_id = session.scalar(select(Customer.id).order_by(Customer.id).limit(1))
        for child_id in range(parent_id + 1, parent_id + 1 + min(CHILDREN, count - 1)):
            session.execute(
                update(Customer)
                .where(Customer.id == child_id)
                .values(
                    parent_account_id=parent_id,
                    consolidate_balance=True,
                    shared_credit_policy=child_id % 2 == 0,
                )
            )


CONTACTS = 100  # contact persons of the timed customer
SALESPERSONS = 3  # and its salespersons (one the default)
LOCATIONS = 50  # its locations, MAIN among them
ACTIVITIES = 200  # its activities (tasks, events, e-mails, notes …)


def add_locations_and_activities(store: Any, customer_id: int) -> None:
    """The timed customer's further locations (copies of MAIN sharing its address and contact)
    and its activities, a few of each type, one a day back from the benchmark's date."""
    from datetime import datetime

    from sqlalchemy import insert, select

    from app.models import Activity, ActivityStatus, ActivityType, Location

    with store.transaction() as session:
        main = session.scalars(select(Location).where(Location.customer_id == customer_id)).one()
        columns = set(Location.__table__.columns.keys()) - {"id", "created_at", "modified_at"}
        row = {name: getattr(main, name) for name in columns}
        session.execute(
            insert(Location),
            [
                row
                | {
                    "location_id": f"LOC{n:02d}",
                    "location_name": f"Branch office {n}",
                    "is_default": False,
                    "is_main": False,
                    "version": 1,
                }
                for n in range(1, LOCATIONS)
            ],
        )
        kinds = list(ActivityType)
        start = datetime(2026, 3, 1, 10, 0)
        session.execute(
            insert(Activity),
            [
                {
                    "customer_id": customer_id,
                    "activity_type": kinds[n % len(kinds)],
                    "summary": f"Activity {n}",
                    "status": ActivityStatus.COMPLETED,
                    "start_at": start - timedelta(days=n),
                    "time_spent": 5 * (n % 12),
                    "created_by": "bench",
                    "email_to": "post@example.com" if n % len(kinds) == 2 else None,  # e-mails
                }
                for n in range(ACTIVITIES)
            ],
        )


def add_people(store: Any, customer_id: int) -> None:
    """The timed customer's contact persons and salespersons (Contacts and Salespersons tabs)."""
    from sqlalchemy import insert, select

    from app.models import ContactPerson, CustomerSalesperson, Location, Salesperson

    with store.transaction() as session:
        session.execute(
            insert(ContactPerson),
            [
                {
                    "contact_id": n + 1,
                    "customer_id": customer_id,
                    "is_default": n == 0,
                    "first_name": f"Person{n}",
                    "last_name": f"Contact{n:03d}",
                    "email": f"person{n}@example.com",
                }
                for n in range(CONTACTS)
            ],
        )
        main = session.scalar(select(Location.id).where(Location.customer_id == customer_id))
        for n in range(SALESPERSONS):
            salesperson = Salesperson(salesperson_id=f"SP{n}", name=f"Salesperson {n}")
            session.add(salesperson)
            session.flush()
            session.add(
                CustomerSalesperson(
                    customer_id=customer_id,
                    salesperson_id=salesperson.id,
                    location_id=main,
                    is_default=n == 0,
                )
            )


def _class_values(customer_class: Any, model: Any) -> dict[str, Any]:
    """The class's values of the columns ``model`` shares with it by name."""
    shared = set(model.__table__.columns.keys()) & set(
        type(customer_class).__table__.columns.keys()
    )
    shared -= {"id", "version", "created_at", "modified_at"}
    return {name: getattr(customer_class, name) for name in shared}


def median_ms(
    action: Callable[[], Any], runs: int, setup: Callable[[], Any] = lambda: None
) -> float:
    times = []
    for _ in range(runs):
        setup()
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def grouped_list_query() -> Any:
    """The list query with the balance as a grouped subquery joined in, for comparison."""
    from sqlalchemy import func, select, type_coerce

    from app.ledger.balances import is_open, signed
    from app.ledger.customer_list import customer_list_query
    from app.models import ArDocument, Customer
    from app.models.base import ExactDecimal

    sums = (
        select(ArDocument.customer_id, func.sum(signed(ArDocument.balance)).label("balance"))
        .where(is_open())
        .group_by(ArDocument.customer_id)
        .subquery()
    )
    query = customer_list_query()
    columns = [c for c in query.selected_columns if c.key != "balance"]
    balance = type_coerce(func.coalesce(sums.c.balance, 0), ExactDecimal()).label("balance")
    return query.with_only_columns(*columns, balance).outerjoin(
        sums, sums.c.customer_id == Customer.id
    )


def list_figures(store: Any, runs: int) -> None:
    from sqlalchemy.sql.elements import Label

    from app.ledger.customer_list import customer_list_query
    from app.ledger.search import number_condition, text_condition

    def expr(query: Any, key: str) -> Any:
        column = query.selected_columns[key]
        return column.element if isinstance(column, Label) else column

    def first_page(query: Any, where: Any = None, order: str | None = None) -> Callable[[], int]:
        def run() -> int:
            statement = query if where is None else query.where(where(query))
            by = [expr(query, order)] if order else []
            statement = statement.order_by(*by, expr(query, "id")).limit(PAGE + 1)
            with store.session() as session:
                return len(session.execute(statement).all())

        return run

    def city(query: Any) -> Any:
        return text_condition(expr(query, "city"), "bergen")

    def balance(query: Any) -> Any:
        return number_condition(expr(query, "balance"), ">4000", "Balance")

    for label, query in (("stored", customer_list_query()), ("grouped", grouped_list_query())):
        for case, run in (
            ("first_page", first_page(query)),
            ("filter_city", first_page(query, city)),
            ("filter_balance", first_page(query, balance)),
            ("sort_balance", first_page(query, order="balance")),
        ):
            rows = run()
            print(f"list_{case:<16} {label:<11} {median_ms(run, runs):8.1f}   rows {rows}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    os.environ.setdefault(
        "QT_QPA_PLATFORM",
        "xcb" if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") else "offscreen",
    )
    sys.path.insert(0, str(ROOT))

    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from app.ledger.balances import customer_balances
    from app.ledger.customers import CustomerService
    from app.ledger.records import RecordError
    from app.models.startup import open_store
    from app.windows.screens.customers import SCREEN, create_screen

    def quiet(_kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if "propagateSizeHints" not in message:  # the offscreen plugin's harmless note
            print(message, file=sys.stderr)

    qInstallMessageHandler(quiet)
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(f"sqlite:///{Path(folder) / 'bench.sqlite'}", backup_dir=Path(folder))
        started = time.perf_counter()
        populate(store, args.count)
        print(f"customers            {args.count:>10,}")
        print(f"populate_s           {time.perf_counter() - started:10.1f}")
        fields = [spec.key for spec in SCREEN.fields()]
        print(f"screen_fields        {len(fields):>10}   (AR303000 as declared now)")
        print(f"{'':<20} {'median ms':>10}   of {args.runs} runs")

        service = CustomerService(store)
        customer_id = args.count // 2
        add_people(store, customer_id)
        add_locations_and_activities(store, customer_id)
        print(
            f"timed_customer       {LOCATIONS:>10} locations, {CONTACTS} contacts, "
            f"{ACTIVITIES} activities, {SALESPERSONS} salespersons"
        )
        print(
            f"service_load         {median_ms(lambda: service.load(customer_id), args.runs):10.1f}"
        )

        names = iter(range(10**6))
        loaded: dict[str, Any] = {}
        read: dict[str, Any] = {}  # as read: what the save checks every part against

        def reload() -> None:
            read.clear()
            read.update(service.load(customer_id))
            loaded.clear()
            loaded.update(read, customer_name=f"Benchmark {next(names)} AS")

        def save() -> None:
            service.save(customer_id, loaded, loaded["version"], read)

        try:
            print(f"service_save         {median_ms(save, args.runs, reload):10.1f}")
        except RecordError as error:
            print(f"service_save         refused: {error}")

        def balances_of(of_id: int) -> Callable[[], Any]:
            def run() -> Any:
                with store.session() as session:
                    return customer_balances(session, of_id)

            return run

        print(f"balances             {median_ms(balances_of(customer_id), args.runs):10.1f}")
        parent = balances_of(1)
        print(f"balances_parent      {median_ms(parent, args.runs):10.1f}   ({CHILDREN} children)")
        print(
            f"balances_child       {median_ms(balances_of(2), args.runs):10.1f}   (sharing credit)"
        )

        from app.ledger.activities import ActivityService

        activities = ActivityService(store)
        activity_id = service.load(customer_id)["activities"][0]["id"]
        activity: dict[str, Any] = {}
        activity_read: dict[str, Any] = {}

        def reread_activity() -> None:
            activity_read.clear()
            activity_read.update(activities.load(activity_id))
            activity.clear()
            activity.update(activity_read, summary=f"Benchmark {next(names)}")

        def save_activity() -> None:
            activities.save(activity_id, activity, activity["version"], activity_read)

        print(f"activity_save        {median_ms(save_activity, args.runs, reread_activity):10.1f}")
        refresh = median_ms(lambda: service.activity_rows(customer_id), args.runs)
        print(f"activities_refresh   {refresh:10.1f}")

        screen = create_screen(store)
        screen.resize(1200, 900)
        screen.show()
        app.processEvents()
        # The tabs with the customer's many rows built, as a user who looked at them has.
        for key in ("locations", "contacts", "activities"):
            screen.editor(key)

        def screen_load() -> None:
            screen.load_record(customer_id)
            app.processEvents()

        print(f"screen_load          {median_ms(screen_load, args.runs):10.1f}")

        def edit() -> None:
            screen.load_record(customer_id)
            screen.record.set_value("customer_name", f"Benchmark {next(names)} AS")
            app.processEvents()

        saved: list[bool] = []

        def screen_save() -> None:
            saved.append(screen.save())
            app.processEvents()

        print(f"screen_save          {median_ms(screen_save, args.runs, edit):10.1f}", end="")
        print("" if all(saved) else f"   refused: {screen.message.text()}")
        screen.close()
        # Qt deletes the widgets while the interpreter still runs (not at its exit).
        screen.deleteLater()
        app.processEvents()

        list_figures(store, args.runs)
        store.close()
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
