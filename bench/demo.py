"""How fast the demo company is made.

    python bench/demo.py [COUNT] [--runs N]      (default 10000 customers, 3 runs)

Each run makes the demo company (``create_demo_company``) in a new SQLite file in a temporary
folder, opened the way start-up opens it, and prints:

- the first-run setup part (countries, currencies … the DEFAULT class), in seconds;
- the customers part (classes, delivery records, customers with their addresses, contacts,
  locations, payment methods and a year of documents), in seconds;
- customers per second, of the customers part and of the whole run.

The best run is summarised last. The issue's target: at least 1,000 customers/s with their
locations and contacts (here with their documents too). Nothing is asserted.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_once(count: int, folder: Path) -> tuple[float, float, int, int]:
    """(setup seconds, customers seconds, locations, documents) of one demo company."""
    from app.ledger.demo import create_demo_company
    from app.models.startup import open_store

    store = open_store(f"sqlite:///{folder / 'demo.sqlite'}", backup_dir=folder)
    marks: list[float] = []
    try:
        started = time.perf_counter()

        def progress(done: int, _total: int) -> None:
            if done == 0:
                marks.append(time.perf_counter())

        summary = create_demo_company(store, customers=count, progress=progress)
        ended = time.perf_counter()
    finally:
        store.close()
    return marks[0] - started, ended - marks[0], summary.locations, summary.documents


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", nargs="?", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    # Load the libraries once, outside the timings (as a running app has them).
    import faker  # noqa: F401
    import pycountry  # noqa: F401

    import app.models  # noqa: F401

    best: tuple[float, float, int, int] | None = None
    for run in range(1, args.runs + 1):
        with tempfile.TemporaryDirectory(prefix="demo-bench-") as folder:
            setup_s, customers_s, locations, documents = run_once(args.count, Path(folder))
        total = setup_s + customers_s
        print(
            f"run {run}: {args.count} customers, {locations} locations, {documents} documents: "
            f"setup {setup_s:.2f} s, "
            f"customers {customers_s:.2f} s ({args.count / customers_s:,.0f} customers/s), "
            f"whole {total:.2f} s ({args.count / total:,.0f} customers/s)"
        )
        if best is None or total < best[0] + best[1]:
            best = (setup_s, customers_s, locations, documents)
    assert best is not None
    setup_s, customers_s, _locations, _documents = best
    print(
        f"best: {args.count / customers_s:,.0f} customers/s with their locations, contacts and "
        "documents "
        f"({args.count / (setup_s + customers_s):,.0f} customers/s including first-run setup; "
        "target 1,000)"
    )


if __name__ == "__main__":
    main()
