"""How fast statements are prepared, rendered, printed to PDF and regenerated.

    python bench/statements.py [--customers N] [--documents M] [--workers W]
                                (default 10,000 customers, 500,000 documents, 2 workers)

Makes a ledger in a temporary SQLite file (customers of one end-of-month cycle, half of them
balance brought forward, each with a year of invoices and the payments applied to them, the
last three invoices open, one of them part-paid),
then prints, side by side in one run:

- preparing the first cycle (a year unreported) and the next month's (statements, lines,
  stamps written), in seconds;
- rendering: statement pages per second against a bare reportlab canvas drawing the same text
  on as many pages (the issue's target: at least 0.7× the bare rate), for 500 of the month's
  statements (a few lines each) and 500 of the first cycle's (a year of movements: full pages);
- the whole cycle printed to PDF files (written atomically, readable by the user alone) with W
  worker processes, in seconds, from reading the statements to the last file; the checksums
  are not stored here;
- the whole cycle archived by the app's Print statements (app/ledger/statements/printing.py: W
  worker processes render, this one writes each PDF atomically and stores its checksum), in
  seconds;
- Regenerate last statement for one customer with its preview's first page rendered, in ms.

Nothing is asserted; the figures are for the README and the issue.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
AS_AT = date(2026, 3, 31)


def make_ledger(store: Any, customers: int, documents: int) -> int:
    """The customers and their documents; the cycle's id.

    Each customer has a year of monthly-ish invoices: the older ones closed by a payment
    applied to them in full, the last three open, the first of those part-paid (so a payment
    spans an open invoice): ``documents // customers`` documents each (at least five). The
    applications are written too: statements compute what was open as at their date from them,
    so without them every paid invoice and its payment would print as open."""
    from sqlalchemy import insert, select

    from app.models import (
        ArApplication,
        ArDocument,
        Customer,
        DocumentStatus,
        DocumentType,
        StatementCycle,
    )
    from app.models.options import StatementType

    pick = random.Random(14)
    # n invoices, n - 3 full payments and one part payment: 2n - 2 documents a customer.
    invoices = max(3, (max(5, documents // max(customers, 1)) + 2) // 2)
    with store.transaction() as session:
        cycle = StatementCycle(statement_cycle_id="EOM", description="End of month")
        session.add(cycle)
        session.flush()
        rows = [
            {
                "customer_no": f"C{n:06d}",
                "name": f"Kunde {n} AS",
                "statement_cycle_id": cycle.id,
                "statement_type": (
                    StatementType.BALANCE_BROUGHT_FORWARD if n % 2 else StatementType.OPEN_ITEM
                ),
                "print_statements": True,
            }
            for n in range(customers)
        ]
        session.execute(insert(Customer), rows)
        ids = list(session.scalars(select(Customer.id).order_by(Customer.id)))
        cycle_id = cycle.id
        batch: list[dict[str, Any]] = []
        paid: list[tuple[str, str, Decimal, date]] = []  # payment, invoice, amount, date
        number = 0
        for customer_id in ids:
            for k in range(invoices):
                number += 1
                day = AS_AT - timedelta(days=365 - k * 365 // invoices)
                amount = Decimal(pick.randrange(1_000, 200_000)) / 100
                is_open = k >= invoices - 3
                part = (amount / 2).quantize(Decimal("0.01")) if k == invoices - 3 else None
                batch.append(
                    {
                        "doc_type": DocumentType.INVOICE,
                        "ref_nbr": f"I{number:09d}",
                        "customer_id": customer_id,
                        "doc_date": day,
                        "due_date": day + timedelta(days=30),
                        "status": DocumentStatus.OPEN if is_open else DocumentStatus.CLOSED,
                        "released": True,
                        "amount": amount,
                        "balance": (amount - (part or 0)) if is_open else Decimal(0),
                        "description": f"Deliveries {day:%B}",
                    }
                )
                if not is_open or part is not None:
                    applied = part if part is not None else amount
                    on = day + timedelta(days=pick.randrange(10, 40))
                    batch.append(
                        {
                            "doc_type": DocumentType.PAYMENT,
                            "ref_nbr": f"P{number:09d}",
                            "customer_id": customer_id,
                            "doc_date": on,
                            "status": DocumentStatus.CLOSED,
                            "released": True,
                            "amount": applied,
                            "balance": Decimal(0),
                        }
                    )
                    paid.append((f"P{number:09d}", f"I{number:09d}", applied, on))
            if len(batch) > 50_000:
                session.execute(insert(ArDocument), batch)
                batch = []
        if batch:
            session.execute(insert(ArDocument), batch)
        id_of = {
            ref: key for ref, key in session.execute(select(ArDocument.ref_nbr, ArDocument.id))
        }
        session.execute(
            insert(ArApplication),
            [
                {
                    "credit_document_id": id_of[payment],
                    "debit_document_id": id_of[invoice],
                    "amount": amount,
                    "application_date": on,
                }
                for payment, invoice, amount, on in paid
            ],
        )
    return cycle_id


def bare_pages(texts: list[list[str]]) -> float:
    """Seconds for a bare canvas to draw ``texts`` (one list of strings per page)."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from app.reports.fonts import FONT  # the same page: in the font statements embed

    started = time.perf_counter()
    canvas = Canvas(io.BytesIO(), pagesize=A4, pageCompression=1, invariant=True)
    for page in texts:
        canvas.setFont(FONT, 8.5)
        y = 800.0
        for text in page:
            canvas.drawString(45, y, text)
            y -= 12.5
            if y < 50:
                y = 800.0
        canvas.showPage()
    canvas.save()
    return time.perf_counter() - started


def render_rates(sample: list[Any]) -> tuple[float, float]:
    """Pages a second of statements and of a bare canvas drawing the same pages' text, best of
    three each, taken in turn (the machine is shared)."""
    import io

    from pypdf import PdfReader

    from app.reports.statement_pdf import render

    ours = bare = float("inf")
    texts: list[list[str]] = []
    for _ in range(3):
        started = time.perf_counter()
        data = render(sample)
        ours = min(ours, time.perf_counter() - started)
        if not texts:
            pages = PdfReader(io.BytesIO(data)).pages
            texts = [page.extract_text().splitlines() for page in pages]
        bare = min(bare, bare_pages(texts))
    return len(texts) / ours, len(texts) / bare


def _render_chunk(args: tuple[list[Any], str]) -> int:
    from app.ledger.statements.archive import write_private
    from app.reports.statement_pdf import render

    views, folder = args
    for view in views:
        write_private(Path(folder) / f"{view.customer_no}-{view.statement_id}.pdf", render([view]))
    return len(views)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=10_000)
    parser.add_argument("--documents", type=int, default=500_000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))

    from sqlalchemy import func, select

    from app.ledger.statements.archive import archived_pdf
    from app.ledger.statements.cycle import prepare_cycle, regenerate_last
    from app.ledger.statements.printing import archive_statements
    from app.ledger.statements.view import statement_views
    from app.models import ArDocument, Statement
    from app.models.startup import open_store

    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        store = open_store(f"sqlite:///{folder / 'ledger.sqlite'}", backup_dir=folder)
        try:
            started = time.perf_counter()
            cycle_id = make_ledger(store, args.customers, args.documents)
            with store.session() as session:
                count = session.scalar(select(func.count()).select_from(ArDocument))
            print(
                f"ledger: {args.customers:,} customers, {count:,} documents "
                f"({time.perf_counter() - started:.1f} s to make)"
            )

            # The first cycle reports a whole year (nothing was reported yet); a month later
            # only the month's documents and what is open: the run of every month end.
            started = time.perf_counter()
            with store.transaction() as session:
                first = prepare_cycle(session, cycle_id, AS_AT - timedelta(days=31)).statement_ids
            prepare = time.perf_counter() - started
            print(f"prepare first cycle: {len(first):,} statements in {prepare:.2f} s")
            started = time.perf_counter()
            with store.transaction() as session:
                ids = prepare_cycle(session, cycle_id, AS_AT).statement_ids
            prepare = time.perf_counter() - started
            print(f"prepare next cycle: {len(ids):,} statements in {prepare:.2f} s (target < 10 s)")

            started = time.perf_counter()
            with store.session() as session:
                views = statement_views(session, ids)
            reading = time.perf_counter() - started
            with store.session() as session:
                year = statement_views(session, first[: min(len(first), 500)])
            # The month's statements (a few lines each) and the first cycle's (a year of
            # movements on the balance-brought-forward ones: full pages).
            for name, sample in (("month", views[: min(len(views), 500)]), ("year", year)):
                rate, bare_rate = render_rates(sample)
                print(
                    f"render ({name}): {rate:.0f} pages/s, bare canvas {bare_rate:.0f} pages/s "
                    f"({rate / bare_rate:.2f}x; target >= 0.7x)"
                )
            print(f"reading {len(views):,} statements for print: {reading:.2f} s")

            out = folder / "printed"
            out.mkdir()
            started = time.perf_counter()
            chunks = [(views[i :: args.workers], str(out)) for i in range(args.workers)]
            with multiprocessing.get_context("spawn").Pool(args.workers) as pool:
                written = sum(pool.map(_render_chunk, chunks))
            whole = time.perf_counter() - started + reading
            print(
                f"print cycle to PDF: {written:,} files with {args.workers} workers in "
                f"{whole:.1f} s (target < 60 s)"
            )

            # The app's Print statements (app/ledger/statements/printing.py): workers render,
            # this process writes each file atomically and stores its checksum.
            started = time.perf_counter()
            archived = archive_statements(store, ids, folder / "archive", workers=args.workers)
            whole = time.perf_counter() - started
            print(
                f"Print statements' archiving: {archived:,} statements with {args.workers} "
                f"workers in {whole:.1f} s (target < 60 s)"
            )

            with store.session() as session:
                customer_id = session.scalar(select(Statement.customer_id).limit(1))
            assert customer_id is not None
            import os

            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
            from PySide6.QtWidgets import QApplication

            from app.windows.statements.preview import StatementPreview

            application = QApplication.instance() or QApplication([])
            started = time.perf_counter()
            with store.transaction() as session:
                new_ids = regenerate_last(session, customer_id)
                _path, pdf = archived_pdf(session, new_ids[0], folder)
            preview = StatementPreview(pdf, "Statement")
            preview.show()
            application.processEvents()
            regenerate = time.perf_counter() - started
            preview.done(0)
            print(f"regenerate last statement with preview: {regenerate * 1000:.0f} ms (< 300)")
        finally:
            store.close()


if __name__ == "__main__":
    main()
