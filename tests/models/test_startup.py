"""Start-up: a new database is created, an older one backed up and upgraded, anything unsound or
newer refused with its file left exactly as it was."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text

from app.models import Customer, CustomerClass, Location
from app.models.backup import verify_sqlite
from app.models.database import Store
from app.models.lock import lock_path
from app.models.migrations import head_revision
from app.models.startup import (
    DatabaseRefusedError,
    RefusalReason,
    _open_server,
    inspect_sqlite_file,
    open_store,
)
from tests.models.conftest import (
    MakeScripts,
    checkpoint,
    fingerprint,
    sqlite_columns,
    sqlite_rows,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "ledger.sqlite"


@pytest.fixture
def backups(tmp_path: Path) -> Path:
    return tmp_path / "backups"


def url_of(path: Path) -> str:
    return f"sqlite:///{path}"


def make_ledger(db: Path, backups: Path) -> None:
    """A ledger at head with a class, a customer and a location; closed cleanly."""
    with open_store(url_of(db), backup_dir=backups) as store, store.transaction() as session:
        retail = CustomerClass(class_id="RETAIL", description="Retail")
        customer = Customer(customer_no="C0001", name="Ålesund Fisk AS", customer_class=retail)
        session.add(Location(customer=customer, location_id="MAIN", location_name="Main"))
    checkpoint(db)


def assert_refused_untouched(
    db: Path, backups: Path, reason: RefusalReason, url: str | None = None
) -> DatabaseRefusedError:
    before = fingerprint(db)
    with pytest.raises(DatabaseRefusedError) as refused:
        open_store(url or url_of(db), backup_dir=backups)
    assert refused.value.reason is reason, refused.value
    assert fingerprint(db) == before, "a refused database must not change"
    assert str(db) in str(refused.value), "the message names the file"
    assert not lock_path(db).exists(), "a refusal releases the lock"
    assert not backups.exists() or not any(backups.iterdir()), "no backup of a refused file"
    return refused.value


# --- new and current databases --------------------------------------------------------------


def test_new_database_is_created_at_head_without_backup(db: Path, backups: Path) -> None:
    with open_store(url_of(db), backup_dir=backups) as store:
        assert lock_path(db).exists()
        with store.session() as session:
            assert session.scalars(select(CustomerClass)).all() == []
            foreign_keys = session.execute(text("PRAGMA foreign_keys")).scalar_one()
            journal = session.execute(text("PRAGMA journal_mode")).scalar_one()
    assert (foreign_keys, journal) == (1, "wal")
    assert sqlite_rows(db, "SELECT version_num FROM alembic_version") == [(head_revision(),)]
    assert not backups.exists()
    assert not lock_path(db).exists(), "closing the store releases the lock"


def test_zero_byte_file_is_a_new_database(db: Path, backups: Path) -> None:
    db.touch()
    open_store(url_of(db), backup_dir=backups).close()
    assert sqlite_rows(db, "SELECT version_num FROM alembic_version") == [(head_revision(),)]
    assert not backups.exists()


def test_database_at_head_opens_without_backup_and_keeps_its_data(db: Path, backups: Path) -> None:
    make_ledger(db, backups)
    with open_store(url_of(db), backup_dir=backups) as store, store.session() as session:
        assert session.scalars(select(Customer.name)).all() == ["Ålesund Fisk AS"]
    assert not backups.exists()


def test_database_written_after_a_crash_opens_with_its_last_save(db: Path, backups: Path) -> None:
    """A killed app leaves a stale lock and a WAL holding the last commit; both are handled."""
    make_ledger(db, backups)
    crash = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from app.models import CustomerClass\n"
        "from app.models.startup import open_store\n"
        "store = open_store(sys.argv[1], backup_dir=Path(sys.argv[2]))\n"
        "with store.transaction() as session:\n"
        "    session.add(CustomerClass(class_id='LASTSAVE'))\n"
        "os._exit(0)\n"
    )
    subprocess.run(
        [sys.executable, "-c", crash, url_of(db), str(backups)], cwd=ROOT, check=True, timeout=60
    )
    assert lock_path(db).exists(), "the crashed process left its lock"
    assert Path(f"{db}-wal").stat().st_size > 0, "the last save is still in the WAL"
    with open_store(url_of(db), backup_dir=backups) as store, store.session() as session:
        classes = session.scalars(select(CustomerClass.class_id).order_by(CustomerClass.id))
        assert classes.all() == ["RETAIL", "LASTSAVE"]


# --- upgrades ---------------------------------------------------------------------------------

ADD_NOTES = """
    # Rebuild the parents of other tables: with foreign keys on, dropping customer_class would
    # fail and dropping customer would cascade-delete its locations.
    with op.batch_alter_table("customer_class", recreate="always") as batch:
        batch.add_column(sa.Column("note", sa.String(50), nullable=True))
    with op.batch_alter_table("customer", recreate="always") as batch:
        batch.add_column(sa.Column("note", sa.String(50), nullable=True))
    op.execute("UPDATE customer_class SET note = 'upgraded'")
"""


def test_older_database_is_backed_up_then_upgraded(
    db: Path, backups: Path, make_scripts: MakeScripts
) -> None:
    make_ledger(db, backups)
    old_head = head_revision()
    scripts = make_scripts({"9001_add_notes": ADD_NOTES})

    store = open_store(url_of(db), backup_dir=backups, script_location=scripts)
    store.close()

    (backup,) = backups.iterdir()
    assert re.fullmatch(rf"ledger-\d{{8}}-\d{{6}}-rev{old_head}\.sqlite", backup.name)
    assert verify_sqlite(backup) == []
    assert sqlite_rows(backup, "SELECT version_num FROM alembic_version") == [(old_head,)]
    assert sqlite_rows(backup, "SELECT class_id FROM customer_class") == [("RETAIL",)]
    assert "note" not in sqlite_columns(backup, "customer_class"), "taken before the upgrade"
    assert backup.read_bytes()[18:20] == b"\x01\x01", "a self-contained file, not WAL mode"
    if os.name == "posix":
        assert backup.stat().st_mode & 0o777 == 0o600, "customer data: readable by the user alone"

    assert sqlite_rows(db, "SELECT version_num FROM alembic_version") == [("9001",)]
    assert sqlite_rows(db, "SELECT class_id, note FROM customer_class") == [("RETAIL", "upgraded")]
    assert sqlite_rows(db, "SELECT location_id FROM location") == [("MAIN",)], "no cascade"
    assert sqlite_rows(db, "PRAGMA foreign_key_check") == []

    # Once at head, the next start takes no further backup.
    open_store(url_of(db), backup_dir=backups, script_location=scripts).close()
    assert len(list(backups.iterdir())) == 1


def test_failed_upgrade_is_rolled_back_and_the_backup_kept(
    db: Path, backups: Path, make_scripts: MakeScripts
) -> None:
    make_ledger(db, backups)
    scripts = make_scripts(
        {
            "9001_half_done": """
                op.create_table("scratch", sa.Column("id", sa.Integer, primary_key=True))
                op.execute("DELETE FROM location")
                raise RuntimeError("migration bug")
            """
        }
    )
    with pytest.raises(DatabaseRefusedError) as refused:
        open_store(url_of(db), backup_dir=backups, script_location=scripts)
    assert refused.value.reason is RefusalReason.UPGRADE_FAILED
    assert "migration bug" in str(refused.value)
    (backup,) = backups.iterdir()
    assert str(backup) in str(refused.value)
    assert sqlite_rows(db, "SELECT version_num FROM alembic_version") == [(head_revision(),)]
    assert sqlite_rows(db, "SELECT location_id FROM location") == [("MAIN",)]
    assert "scratch" not in {row[0] for row in sqlite_rows(db, "SELECT name FROM sqlite_master")}
    assert not lock_path(db).exists()


def test_upgrade_that_breaks_foreign_keys_is_rolled_back(
    db: Path, backups: Path, make_scripts: MakeScripts
) -> None:
    make_ledger(db, backups)
    scripts = make_scripts({"9001_orphans": 'op.execute("DELETE FROM customer")'})
    with pytest.raises(DatabaseRefusedError) as refused:
        open_store(url_of(db), backup_dir=backups, script_location=scripts)
    assert refused.value.reason is RefusalReason.UPGRADE_FAILED
    assert "foreign keys" in str(refused.value)
    assert sqlite_rows(db, "SELECT customer_no FROM customer") == [("C0001",)]


# --- refusals: the file stays exactly as it was -----------------------------------------------


def test_database_from_a_newer_version_is_refused(db: Path, backups: Path) -> None:
    make_ledger(db, backups)
    with closing(sqlite3.connect(db)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'f00dcafe0001'")
        connection.commit()
    checkpoint(db)
    refused = assert_refused_untouched(db, backups, RefusalReason.NEWER_VERSION)
    assert "newer version of Customer Ledger" in str(refused)
    assert "f00dcafe0001" in str(refused)


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(os.urandom(8192), id="random-bytes"),
        pytest.param("Customer no;Name\nC0001;Ålesund Fisk AS\n".encode(), id="text-file"),
    ],
)
def test_file_that_is_not_sqlite_is_refused(db: Path, backups: Path, content: bytes) -> None:
    db.write_bytes(content)
    refused = assert_refused_untouched(db, backups, RefusalReason.NOT_SQLITE)
    assert "not a SQLite database" in refused.problem


def test_truncated_database_is_refused(db: Path, backups: Path) -> None:
    make_ledger(db, backups)
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2])
    refused = assert_refused_untouched(db, backups, RefusalReason.DAMAGED)
    assert "cut off" in refused.problem


def test_database_cut_mid_page_is_refused(db: Path, backups: Path) -> None:
    make_ledger(db, backups)
    data = db.read_bytes()
    db.write_bytes(data[:-100])
    assert_refused_untouched(db, backups, RefusalReason.DAMAGED)


def test_database_with_a_damaged_page_is_refused(db: Path, backups: Path) -> None:
    make_ledger(db, backups)
    data = bytearray(db.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for page in range(1, len(data) // page_size):  # every page but the first (the header)
        data[page * page_size : page * page_size + 64] = b"\xa5" * 64
    db.write_bytes(bytes(data))
    refused = assert_refused_untouched(db, backups, RefusalReason.DAMAGED)
    assert "backup" in refused.advice


def test_sqlite_database_of_another_program_is_refused(db: Path, backups: Path) -> None:
    with closing(sqlite3.connect(db)) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)")
        connection.commit()
    refused = assert_refused_untouched(db, backups, RefusalReason.NOT_A_LEDGER)
    assert "invoices" in refused.problem


def test_unreadable_file_is_refused(db: Path, backups: Path) -> None:
    if os.name != "posix" or os.geteuid() == 0:
        pytest.skip("needs file permissions that apply to this user (not root)")
    make_ledger(db, backups)
    db.chmod(0)
    before = (db.stat().st_mtime_ns, db.stat().st_size)
    try:
        with pytest.raises(DatabaseRefusedError) as refused:
            open_store(url_of(db), backup_dir=backups)
        assert refused.value.reason is RefusalReason.UNREADABLE
        assert (db.stat().st_mtime_ns, db.stat().st_size) == before
    finally:
        db.chmod(0o600)


def test_read_error_is_refused_as_unreadable(
    db: Path, backups: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same refusal where permissions cannot be tested (as root): reading fails."""
    make_ledger(db, backups)
    real_open = Path.open

    def failing_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == db:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)

    before = fingerprint(db)
    with monkeypatch.context() as patch, pytest.raises(DatabaseRefusedError) as refused:
        patch.setattr(Path, "open", failing_open)
        open_store(url_of(db), backup_dir=backups)
    assert refused.value.reason is RefusalReason.UNREADABLE
    assert "Permission denied" in refused.value.problem
    assert fingerprint(db) == before
    assert not lock_path(db).exists()


def test_folder_instead_of_a_file_is_refused(tmp_path: Path, backups: Path) -> None:
    folder = tmp_path / "ledger.sqlite"
    folder.mkdir()
    with pytest.raises(DatabaseRefusedError) as refused:
        open_store(url_of(folder), backup_dir=backups)
    assert refused.value.reason is RefusalReason.NOT_SQLITE


def test_missing_folder_is_refused_not_created(tmp_path: Path, backups: Path) -> None:
    db = tmp_path / "typo" / "ledger.sqlite"
    with pytest.raises(DatabaseRefusedError) as refused:
        open_store(url_of(db), backup_dir=backups)
    assert refused.value.reason is RefusalReason.MISSING_FOLDER
    assert not db.parent.exists()


def test_failed_backup_refuses_the_upgrade_and_leaves_the_database(
    db: Path, tmp_path: Path, make_scripts: MakeScripts
) -> None:
    make_ledger(db, tmp_path / "unused")
    not_a_folder = tmp_path / "backups-file"
    not_a_folder.write_text("a file where the backups folder should be")
    scripts = make_scripts({"9001_add_notes": ADD_NOTES})
    before = fingerprint(db)
    with pytest.raises(DatabaseRefusedError) as refused:
        open_store(url_of(db), backup_dir=not_a_folder, script_location=scripts)
    assert refused.value.reason is RefusalReason.BACKUP_FAILED
    assert fingerprint(db) == before
    assert not lock_path(db).exists()


def test_inspection_reads_without_writing(db: Path, backups: Path) -> None:
    make_ledger(db, backups)
    before = fingerprint(db)
    state = inspect_sqlite_file(db)
    assert (state.new, state.revision) == (False, head_revision())
    assert "customer" in state.tables
    assert fingerprint(db) == before


# --- the server path (PostgreSQL) -------------------------------------------------------------


def test_server_path_creates_upgrades_and_refuses_newer(
    tmp_path: Path, make_scripts: MakeScripts
) -> None:
    """The steps PostgreSQL takes (no file checks, lock or backup), run on a SQLite file."""
    url = url_of(tmp_path / "server.sqlite")
    store = _open_server(url, None)
    with store.transaction() as session:
        session.add(CustomerClass(class_id="RETAIL"))
    store.close()

    scripts = make_scripts({"9001_add_notes": ADD_NOTES})
    store = _open_server(url, scripts)
    with store.session() as session:
        assert session.execute(text("SELECT class_id, note FROM customer_class")).all() == [
            ("RETAIL", "upgraded")
        ]
    store.close()

    with pytest.raises(DatabaseRefusedError) as refused:
        _open_server(url, None)  # this "version" only knows up to the real head
    assert refused.value.reason is RefusalReason.NEWER_VERSION


def test_in_memory_database_is_created_at_head() -> None:
    store = open_store("sqlite://")
    try:
        assert isinstance(store, Store)
        with store.session() as session:
            version = session.execute(text("SELECT version_num FROM alembic_version")).scalar()
        assert version == head_revision()
    finally:
        store.close()


# --- read-only files ----------------------------------------------------------------------------


def test_read_only_file_opens_read_only_and_leaves_nothing_beside_it(
    db: Path, backups: Path
) -> None:
    from app.models.database import ReadOnlyStoreError

    make_ledger(db, backups)
    db.chmod(0o444)
    before = fingerprint(db)
    try:
        store = open_store(url_of(db), backup_dir=backups)
        try:
            assert store.read_only
            with store.session() as session:
                assert session.scalars(select(Customer.name)).all() == ["Ålesund Fisk AS"]
                with pytest.raises(Exception, match="readonly"):
                    session.execute(text("DELETE FROM location"))
            with pytest.raises(ReadOnlyStoreError, match="nothing can be saved"):
                store.transaction().__enter__()
            assert sorted(path.name for path in db.parent.iterdir() if path.is_file()) == [
                "ledger.sqlite"
            ], "no .lock, -wal or -shm beside a read-only file"
        finally:
            store.close()
        assert sorted(path.name for path in db.parent.iterdir() if path.is_file()) == [
            "ledger.sqlite"
        ]
        assert fingerprint(db) == before
    finally:
        db.chmod(0o600)


def test_read_only_file_that_needs_an_upgrade_is_refused_untouched(
    db: Path, backups: Path, make_scripts: MakeScripts
) -> None:
    make_ledger(db, backups)
    scripts = make_scripts({"9001_later": ""})
    db.chmod(0o444)
    before = fingerprint(db)
    try:
        with pytest.raises(DatabaseRefusedError) as refused:
            open_store(url_of(db), backup_dir=backups, script_location=scripts)
        assert refused.value.reason is RefusalReason.READ_ONLY
        assert "read-only" in str(refused.value)
        assert fingerprint(db) == before
        assert not lock_path(db).exists()
    finally:
        db.chmod(0o600)
