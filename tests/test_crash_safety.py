"""Crash safety, measured (issue 18 item 1): a process saving customers — main and invoice
address and contact, default location, mailing recipients, one transaction each, through the
customer's service as AR303000 saves — is killed (SIGKILL) at random moments, again and again
on the same ledger file. After every kill the file passes ``PRAGMA integrity_check`` and
``foreign_key_check``, every customer is entirely of one save (all its parts carry the same
generation), and every save the process reported done is there.

200 kills in CI (``CI`` set), 30 locally; the figures are printed. A kill may land anywhere:
while the worker opens the ledger (recovering the previous kill's WAL), inside a save, between
saves. POSIX only: the worker is a fork of the test process, so each kill costs no start-up.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import time
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from app.ledger.customers import CustomerService
from app.ledger.setup import set_up_company
from app.models.database import Store
from app.models.startup import open_store

KILLS = 200 if os.environ.get("CI") else 30
CUSTOMERS = 8
# Each worker's generations start here times its run: later saves carry larger numbers.
GENERATIONS_PER_RUN = 100_000

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="fork is POSIX only")


def parts(values: dict[str, Any]) -> dict[str, str | None]:
    """What one save writes to each part of the customer, to compare generations."""
    return {
        "customer": values.get("customer_name"),
        "main address": values.get("main_address_city"),
        "main contact": values.get("main_contact_attention"),
        "invoice address": values.get("invoice_address_city"),
        "default location": values.get("location_name"),
    }


def recipients_of(generation_no: int) -> int:
    """How many recipients a save gives the customer's first mailing: 1 to 3 by generation, so
    a mailing left by another save than the customer's name shows (in two cases of three)."""
    return generation_no % 3 + 1


def tagged_mailings(loaded: dict[str, Any], generation_no: int) -> list[dict[str, Any]]:
    mailings = [dict(row) for row in loaded["mailings"]]
    first = mailings[0]
    recipient = {key: value for key, value in first["recipients"][0].items() if key != "id"}
    first["recipients"] = [dict(recipient) for _ in range(recipients_of(generation_no))]
    return mailings


def generation(text: str | None) -> int:
    assert text is not None
    return int(text.split()[0].removeprefix("G"))


def save_forever(url: str, backups: Path, first_generation: int, report: int) -> None:
    """The worker: save the customers round and round, reporting each save once it returned."""
    store = open_store(url, backup_dir=backups)
    service = CustomerService(store)
    ids = {
        values["customer_no"]: values["id"]
        for values in (service.load(i) for i in _customer_ids(store))
    }
    generation_no = first_generation
    while True:
        for number in range(CUSTOMERS):
            generation_no += 1
            tag = f"G{generation_no}"
            customer_no = f"C{number:03d}"
            record_id = ids.get(customer_no)
            loaded = service.load(record_id) if record_id is not None else service.new_values()
            values = dict(loaded) | {
                "customer_no": customer_no,
                "customer_name": f"{tag} Kunde {number} AS",
                "main_address_city": f"{tag} Bergen",
                "main_contact_attention": f"{tag} Kari",
                "invoice_address_same_as_main": False,
                "invoice_address_city": f"{tag} Oslo",
                "location_name": f"{tag} Lager",
                "mailings": tagged_mailings(loaded, generation_no),
            }
            saved = service.save(
                record_id,
                values,
                loaded.get("version") if record_id is not None else None,
                loaded if record_id is not None else None,
            )
            ids[customer_no] = saved
            os.write(report, f"{customer_no} {generation_no}\n".encode())


def _customer_ids(store: Store) -> list[int]:
    from sqlalchemy import select

    from app.models import Customer

    with store.session() as session:
        return list(session.scalars(select(Customer.id)))


def run_and_kill(url: str, backups: Path, run: int, after: float) -> list[tuple[str, int]]:
    """Fork a worker, kill it ``after`` seconds later; the saves it reported done."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker: never returns into pytest
        os.close(read)
        try:
            save_forever(url, backups, run * GENERATIONS_PER_RUN, write)
        finally:
            os._exit(1)
    os.close(write)
    time.sleep(after)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    with os.fdopen(read, "rb") as pipe:
        lines = pipe.read().decode().splitlines()
    reported: list[tuple[str, int]] = []
    for line in lines:
        customer_no, generation_no = line.split()
        reported.append((customer_no, int(generation_no)))
    return reported


def check_file(path: Path) -> None:
    with closing(sqlite3.connect(path)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []


def test_a_ledger_killed_while_saving_is_whole_and_keeps_every_reported_save(
    tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    database, backups = tmp_path / "ledger.sqlite", tmp_path / "backups"
    url = f"sqlite:///{database}"
    with open_store(url, backup_dir=backups) as store:
        set_up_company(store, base_currency="NOK", country="NO", language="nb-NO")

    latest: dict[str, int] = {}  # the last reported save of each customer
    random_times = random.Random(20261130)
    saves = kills_mid_run = 0
    started = time.perf_counter()
    for run in range(1, KILLS + 1):
        reported = run_and_kill(url, backups, run, random_times.uniform(0.01, 0.6))
        saves += len(reported)
        kills_mid_run += bool(reported)
        for customer_no, generation_no in reported:
            latest[customer_no] = generation_no

        check_file(database)
        with open_store(url, backup_dir=backups) as store:  # recovers the WAL, as a restart
            service = CustomerService(store)
            loaded = [service.load(i) for i in _customer_ids(store)]
            stored = {values["customer_no"]: parts(values) for values in loaded}
            recipients = {
                values["customer_no"]: len(values["mailings"][0]["recipients"]) for values in loaded
            }
        for customer_no, by_part in stored.items():
            generations = {part: generation(text) for part, text in by_part.items()}
            assert len(set(generations.values())) == 1, (run, customer_no, generations)
            held = recipients[customer_no]
            assert held == recipients_of(generations["customer"]), (run, customer_no, held)
        for customer_no, generation_no in latest.items():
            assert customer_no in stored, (run, customer_no)
            # The stored save is the last reported one, or one that finished before the kill
            # without being reported yet — never an older one.
            assert generation(stored[customer_no]["customer"]) >= generation_no, (
                run,
                customer_no,
            )
    elapsed = time.perf_counter() - started
    assert saves > 0 and latest, "no save finished before a kill: the test proved nothing"
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    figures = (
        f"crash safety: {KILLS} kills in {elapsed:.1f} s, {saves} saves reported, "
        f"{kills_mid_run} kills after at least one save; every check passed"
    )
    assert capture is not None
    with capture.global_and_fixture_disabled():  # shown in the run's output, captured or not
        print(f"\n{figures}")
