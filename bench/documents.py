"""How fast the ledger answers with many documents (issue 13's speeds).

    python bench/documents.py [CUSTOMERS] [--documents N] [--runs R]
    (default 10,000 customers × 50 released documents = 500,000, 5 runs)

Builds a SQLite database the way start-up does in a temporary folder, bulk-inserts the customers
and their released invoices and payments (with the customers' stored balances), then prints the
median of the runs in ms:

- ``balances``: a customer's balance fields and first due date (``customer_balances``) — a
  customer in euros, whose documents are converted to kroner one by one at their own rates;
- ``auto_apply_1000``: a payment in euros applied automatically across 1,000 open invoices in
  euros of one customer, entered at other rates (each application's realised gain or loss
  computed; rolled back after each run);
- ``list_sort_name`` / ``list_sort_balance``: the first page of 200 of the customer list sorted by
  name and by balance (the stored balance).

Targets from the issue: balances under 50 ms, auto-apply under 200 ms, sorting by balance as
fast as by name. Nothing is asserted.
"""

from __future__ import annotations

import argparse
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
BATCH = 5_000
PAGE = 200
WIDE = 1_000  # the open invoices one payment is applied across
EURO_EVERY = 10  # every tenth customer is invoiced in euros (converted at each document's rate)


def populate(store: Any, customers: int, per_customer: int) -> tuple[int, int]:
    """Customers with released documents; the id of a customer with ``WIDE`` open invoices and
    of its payment covering them all."""
    from sqlalchemy import insert, select

    from app.ledger.demo.customers import store_balances
    from app.ledger.setup import set_up_company
    from app.models import ArDocument, Currency, Customer, DocumentStatus, DocumentType

    set_up_company(store, base_currency="NOK", country="NO", language="nb-NO")
    with store.session() as session:
        euro = session.scalars(select(Currency.id).where(Currency.currency_id == "EUR")).one()
    rng = random.Random(20261130)

    def in_euros(rate: str) -> dict[str, Any]:
        return {"currency_id": euro, "currency_rate": Decimal(rate)}

    today = date(2026, 3, 1)
    number = 0
    with store.transaction() as session:
        for start in range(0, customers, BATCH):
            size = min(BATCH, customers - start)
            ids = session.scalars(
                insert(Customer).returning(Customer.id, sort_by_parameter_order=True),
                [
                    {"customer_no": f"{10001 + start + n}", "name": f"Customer {start + n:06d}"}
                    for n in range(size)
                ],
            ).all()
            rows = []
            for index, customer_id in enumerate(ids, start=start):
                euros = index % EURO_EVERY == 0
                for _ in range(per_customer // 2):
                    number += 1
                    amount = Decimal(rng.randint(100, 500_000)) / 100
                    due = today - timedelta(days=rng.randint(-30, 300))
                    paid = rng.random() < 0.9
                    currency: dict[str, Any] = {"currency_id": None, "currency_rate": None}
                    if euros:
                        currency = in_euros(f"11.{rng.randint(1000, 9999)}")
                    rows.append(
                        {
                            "doc_type": DocumentType.INVOICE,
                            "ref_nbr": f"INV{number:09d}",
                            "customer_id": customer_id,
                            "doc_date": due - timedelta(days=30),
                            "due_date": due,
                            "status": DocumentStatus.CLOSED if paid else DocumentStatus.OPEN,
                            "released": True,
                            "amount": amount,
                            "balance": Decimal(0) if paid else amount,
                        }
                        | currency
                    )
                    rows.append(
                        {
                            "doc_type": DocumentType.PAYMENT,
                            "ref_nbr": f"PMT{number:09d}",
                            "customer_id": customer_id,
                            "doc_date": due,
                            "due_date": None,
                            "status": DocumentStatus.CLOSED,
                            "released": True,
                            "amount": amount if paid else Decimal(0),
                            "balance": Decimal(0),
                        }
                        | currency
                    )
            session.execute(insert(ArDocument), rows)
        wide = session.scalars(
            insert(Customer).returning(Customer.id),
            [{"customer_no": "WIDE", "name": "A customer with many open invoices"}],
        ).one()
        invoices = [
            {
                "doc_type": DocumentType.INVOICE,
                "ref_nbr": f"WIDE{n:06d}",
                "customer_id": wide,
                "doc_date": today - timedelta(days=WIDE - n),
                "due_date": today - timedelta(days=WIDE - n - 30),
                "status": DocumentStatus.OPEN,
                "released": True,
                "amount": Decimal("100.00"),
                "balance": Decimal("100.00"),
            }
            | in_euros(f"11.{5000 + n}")
            for n in range(WIDE)
        ]
        session.execute(insert(ArDocument), invoices)
        payment = session.scalars(
            insert(ArDocument).returning(ArDocument.id),
            [
                {
                    "doc_type": DocumentType.PAYMENT,
                    "ref_nbr": "WIDEPAY",
                    "customer_id": wide,
                    "doc_date": today,
                    "status": DocumentStatus.OPEN,
                    "released": True,
                    "amount": Decimal(100 * WIDE),
                    "balance": Decimal(100 * WIDE),
                }
                | in_euros("11.7")
            ],
        ).one()
        store_balances(session)
    return wide, payment


def median_ms(action: Callable[[], Any], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("customers", nargs="?", type=int, default=10_000)
    parser.add_argument("--documents", type=int, default=50, help="per customer")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))

    from sqlalchemy import select
    from sqlalchemy.sql.elements import Label

    from app.ledger.balances import customer_balances
    from app.ledger.customer_list import customer_list_query
    from app.ledger.documents.application import auto_apply
    from app.models import Customer
    from app.models.startup import open_store

    with tempfile.TemporaryDirectory() as folder:
        store = open_store(f"sqlite:///{Path(folder) / 'bench.sqlite'}", backup_dir=Path(folder))
        started = time.perf_counter()
        wide, payment = populate(store, args.customers, args.documents)
        print(f"customers            {args.customers:>10,}")
        print(f"documents            {args.customers * (args.documents // 2 * 2) + WIDE:>10,}")
        print(f"populate_s           {time.perf_counter() - started:10.1f}")

        with store.session() as session:
            # A customer in euros, from the middle of the ledger.
            middle = args.customers // 2 // EURO_EVERY * EURO_EVERY
            some = session.scalars(
                select(Customer.id).order_by(Customer.id).offset(middle).limit(1)
            ).one()

        def balances() -> None:
            with store.session() as session:
                customer_balances(session, some)

        def apply_wide() -> None:
            with store.session() as session:
                applied = auto_apply(session, payment)
                assert len(applied) == WIDE
                session.rollback()

        query = customer_list_query()

        def first_page(key: str) -> Callable[[], int]:
            column = query.selected_columns[key]
            order = column.element if isinstance(column, Label) else column

            def run() -> int:
                with store.session() as session:
                    return len(session.execute(query.order_by(order).limit(PAGE)).all())

            return run

        print(f"balances_ms          {median_ms(balances, args.runs):10.1f}   (target < 50)")
        print(f"auto_apply_1000_ms   {median_ms(apply_wide, args.runs):10.1f}   (target < 200)")
        print(f"list_sort_name_ms    {median_ms(first_page('customer_name'), args.runs):10.1f}")
        print(f"list_sort_balance_ms {median_ms(first_page('balance'), args.runs):10.1f}")
        store.dispose()
    _ = wide
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
