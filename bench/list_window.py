"""How the customers' list window copes with many records.

    python bench/list_window.py [COUNT]      (default 100000 customers)

Builds a SQLite database of COUNT customers in a temporary folder, then times, through the
window's own widgets (offscreen unless a display is set):

- opening the list window until its first page is shown;
- typing a one-word, a two-word and a %-pattern filter in the name cell and pressing Enter;
- sorting by name (header click), ascending and descending, and fetching the next page;
- scrolling deep: fetching pages until row 10,000 of the sorted list is loaded.

Each action runs a few times; the first and the best time are printed in milliseconds,
with the rows then loaded (``200+``: more pages to fetch). Nothing is asserted.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RUNS = 3
WORDS = [
    "Nordic", "Bergen", "Øst", "Fjord", "Trading", "Fisk", "Bakeri", "Consulting", "Bygg",
    "Elektro", "Transport", "Ålesund", "Holding", "Service", "Sjø", "Tre", "Data", "Regnskap",
    "Maskin", "Handel", "Invest", "Eiendom", "Marine", "Design", "Møbler", "Energi",
]  # fmt: skip
SUFFIXES = ["AS", "Oy", "AB", "ApS", "ASA", "ehf"]


def populate(url: str, count: int) -> None:
    from sqlalchemy import insert

    from app.models import Base, Customer, CustomerClass, CustomerStatus
    from app.models.database import Store

    store = Store.from_url(url)
    Base.metadata.create_all(store.engine)
    rng = random.Random(20260101)
    statuses = list(CustomerStatus)
    with store.transaction() as session:
        classes = [CustomerClass(class_id=f"CLASS{n}", description=f"Class {n}") for n in range(8)]
        session.add_all(classes)
        session.flush()
        class_ids = [c.id for c in classes] + [None]
        chunk = 20_000
        for start in range(0, count, chunk):
            rows: list[dict[str, Any]] = []
            for n in range(start, min(count, start + chunk)):
                name = " ".join(rng.sample(WORDS, rng.randint(1, 3)))
                rows.append(
                    {
                        "customer_no": f"{n + 10000:08d}",
                        "name": f"{name} {rng.choice(SUFFIXES)}",
                        "status": rng.choices(statuses, weights=[80, 5, 5, 8, 2])[0],
                        "customer_class_id": rng.choice(class_ids),
                    }
                )
            session.execute(insert(Customer), rows)
    store.dispose()


def main(argv: list[str]) -> int:
    count = int(argv[0]) if argv else 100_000
    os.environ.setdefault(
        "QT_QPA_PLATFORM",
        "xcb" if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY") else "offscreen",
    )
    sys.path.insert(0, str(ROOT))

    from PySide6.QtCore import (
        QMessageLogContext,
        QModelIndex,
        Qt,
        QtMsgType,
        qInstallMessageHandler,
    )
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit
    from sqlalchemy import select, type_coerce

    from app.models import Customer, CustomerClass, CustomerStatus
    from app.models.base import ExactDecimal
    from app.models.database import Store
    from app.windows.framework.listwindow import ListWindow
    from app.windows.framework.spec import Kind, ListColumn

    def quiet(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if "propagateSizeHints" not in message:  # offscreen plugin's harmless note
            print(message, file=sys.stderr)

    qInstallMessageHandler(quiet)
    app = QApplication(sys.argv[:1])
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.sqlite'}"
        started = time.perf_counter()
        populate(url, count)
        print(f"customers            {count:>10,}")
        print(f"populate_s           {time.perf_counter() - started:10.1f}")
        store = Store.from_url(url)

        query = select(
            Customer.id.label("id"),
            Customer.customer_no.label("customer_no"),
            Customer.name.label("name"),
            Customer.status.label("status"),
            CustomerClass.class_id.label("customer_class"),
            type_coerce(Customer.id * 1_250_000, ExactDecimal()).label("balance"),
        ).outerjoin(CustomerClass, Customer.customer_class_id == CustomerClass.id)
        columns = (
            ListColumn("customer_no", "Customer ID"),
            ListColumn("name", "Customer name", width=240),
            ListColumn("status", "Status", Kind.OPTION, CustomerStatus),
            ListColumn("customer_class", "Customer class"),
            ListColumn("balance", "Balance", Kind.MONEY),
        )

        def timed(
            label: str,
            action: Callable[[], Any],
            rows: Callable[[], str],
            setup: Callable[[], Any] = lambda: None,
            note: str = "",
        ) -> None:
            times = []
            for _ in range(RUNS):
                setup()  # untimed: back to the state the action starts from
                app.processEvents()
                before = time.perf_counter()
                action()
                app.processEvents()  # the table repaints
                times.append((time.perf_counter() - before) * 1000)
            first, best = times[0], min(times)
            print(f"{label:<20} {first:8.1f} {best:8.1f}   {rows():<11} {note}".rstrip())

        window: ListWindow | None = None

        def open_window() -> None:
            nonlocal window
            if window is not None:
                window.close()
                window.deleteLater()
            window = ListWindow("AR303000", store, query, "id", columns)
            window.resize(1200, 800)
            window.show()

        def rows() -> str:
            assert window is not None
            more = "+" if window.model.canFetchMore(QModelIndex()) else ""
            return f"{window.model.rowCount()}{more}"

        print(f"{'':<20} {'first':>8} {'best':>8}   (ms, of {RUNS} runs)   rows shown")
        timed("open", open_window, rows, note="first page shown")
        assert window is not None
        shown = window
        name = shown.findChild(QLineEdit, "search_name")
        assert name is not None

        def press_enter() -> None:
            QTest.keyClick(name, Qt.Key.Key_Return)

        def unfiltered() -> None:
            name.clear()
            press_enter()

        for label, text in [
            ("filter_one_word", "trading"),
            ("filter_two_words", "nordic trading"),
            ("filter_percent", "nord%trading"),
            ("filter_rare", "fjord bakeri ehf"),
            ("filter_no_match", "zzz"),
        ]:

            def setup(text: str = text) -> None:
                unfiltered()
                name.setText(text)

            timed(label, press_enter, rows, setup, f"name {text!r}")
        unfiltered()

        column = shown.model.column_of("name")
        table = shown.table

        def sort_by(number: int, order: Qt.SortOrder) -> Callable[[], None]:
            return lambda: table.sortByColumn(number, order)

        unsorted = sort_by(-1, Qt.SortOrder.AscendingOrder)
        timed("sort_name_asc", sort_by(column, Qt.SortOrder.AscendingOrder), rows, unsorted)
        timed("sort_name_desc", sort_by(column, Qt.SortOrder.DescendingOrder), rows, unsorted)

        def first_page() -> None:
            unsorted()
            table.sortByColumn(column, Qt.SortOrder.AscendingOrder)

        def fetch_page() -> None:
            shown.model.fetchMore(QModelIndex())

        def fetch_to_10000() -> None:
            while shown.model.rowCount() < 10_000 and shown.model.canFetchMore(QModelIndex()):
                shown.model.fetchMore(QModelIndex())

        timed("fetch_next_page", fetch_page, rows, first_page, "sorted by name")
        timed("scroll_to_10000", fetch_to_10000, rows, first_page, "sorted by name, pages of 200")
        name.setText("trading")
        press_enter()
        descending = sort_by(column, Qt.SortOrder.DescendingOrder)
        timed("filtered_sort_desc", descending, rows, unsorted, "name 'trading', by name")
        shown.close()
        store.dispose()
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
