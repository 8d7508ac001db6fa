"""Privacy (DESIGN §7, issue 18 item 6): the folders and files holding customer data are the
user's alone on POSIX (folders 0700, files 0600, whatever the umask), and no customer data
reaches the log. Windows sets ACLs instead of modes: tests/test_privacy_windows.py."""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
import subprocess
import sys
import traceback
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from app import APP_ID
from app.logs import LOG_FILE_NAME, PrivateRotatingFileHandler
from app.main import FIRST_RUN_ENV, QUIT_WHEN_READY_ENV
from app.models.backup import backup_sqlite
from app.models.database import Store
from app.models.startup import open_store
from app.paths import (
    backups_dir,
    data_dir,
    log_dir,
    make_user_folders_private,
    statements_dir,
)

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX modes (Windows: ACLs)")

ROOT = Path(__file__).resolve().parent.parent
WIDE_UMASK = 0o022  # the common default: files 0644, folders 0755 unless the app says otherwise


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def wide_umask() -> Iterator[None]:
    previous = os.umask(WIDE_UMASK)
    try:
        yield
    finally:
        os.umask(previous)


@pytest.fixture
def user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Data and log folders of platformdirs in tmp_path (it reads the XDG variables each time)."""
    for name in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        path = tmp_path / name.lower()
        path.mkdir(mode=0o755)
        monkeypatch.setenv(name, str(path))
    return tmp_path


def test_a_new_ledger_its_wal_shm_and_lock_are_the_users_alone(
    tmp_path: Path, wide_umask: None
) -> None:
    database = tmp_path / "ledger.sqlite"
    store = open_store(f"sqlite:///{database}", backup_dir=tmp_path / "backups")
    try:
        with store.transaction() as session:
            session.execute(text("SELECT 1"))
        beside = [database.with_name(database.name + end) for end in ("-wal", "-shm", ".lock")]
        assert {path.name: mode(path) for path in [database, *beside]} == {
            path.name: 0o600 for path in [database, *beside]
        }
    finally:
        store.close()


def test_a_backup_is_the_users_alone(store_file: Path, tmp_path: Path, wide_umask: None) -> None:
    backup = backup_sqlite(store_file, tmp_path / "backups", revision=None)
    assert mode(backup) == 0o600


@pytest.fixture
def store_file(tmp_path: Path) -> Path:
    database = tmp_path / "source.sqlite"
    with closing(sqlite3.connect(database)) as connection:
        connection.execute("CREATE TABLE t (x)")
        connection.commit()
    return database


def test_the_log_and_its_rotated_files_are_the_users_alone(
    tmp_path: Path, wide_umask: None
) -> None:
    older = tmp_path / "app.log"
    older.write_text("left by an earlier version\n")
    older.chmod(0o644)
    handler = PrivateRotatingFileHandler(older, maxBytes=200, backupCount=2, encoding="utf-8")
    try:
        for number in range(20):
            handler.emit(logging.makeLogRecord({"msg": f"line {number} " + "x" * 40}))
    finally:
        handler.close()
    files = sorted(tmp_path.glob("app.log*"))
    assert [path.name for path in files] == ["app.log", "app.log.1", "app.log.2"]
    assert [mode(path) for path in files] == [0o600] * 3


def test_the_app_folders_are_the_users_alone_and_the_users_own_folders_untouched(
    user_folders: Path, wide_umask: None
) -> None:
    folders = [data_dir(), backups_dir(), statements_dir(), log_dir()]
    own = {folder for path in folders for folder in [path, *path.parents] if APP_ID in folder.parts}
    assert {str(folder): mode(folder) for folder in own} == {str(folder): 0o700 for folder in own}
    assert mode(user_folders / "xdg_data_home") == 0o755  # the user's, not ours to change


def test_start_up_takes_others_permissions_off_what_an_earlier_version_left(
    user_folders: Path, wide_umask: None
) -> None:
    data = user_folders / "xdg_data_home" / APP_ID
    (data / "backups").mkdir(parents=True, mode=0o755)
    data.chmod(0o755)
    files = {
        data / "ledger.sqlite": 0o644,
        data / "ledger.sqlite-wal": 0o644,
        data / "demo.sqlite": 0o664,
        data / "backups" / "ledger-rev1.sqlite": 0o644,
        data / "read-only.sqlite": 0o444,
    }
    for path, wide in files.items():
        path.write_bytes(b"")
        path.chmod(wide)
    logs = user_folders / "xdg_state_home" / APP_ID / "log"
    logs.mkdir(parents=True, mode=0o755)
    (logs / LOG_FILE_NAME).write_text("")
    (logs / LOG_FILE_NAME).chmod(0o644)

    make_user_folders_private()

    assert mode(data) == mode(data / "backups") == mode(logs) == mode(logs.parent) == 0o700
    assert mode(logs / LOG_FILE_NAME) == 0o600
    assert {path.name: mode(path) for path in files} == {
        "ledger.sqlite": 0o600,
        "ledger.sqlite-wal": 0o600,
        "demo.sqlite": 0o600,
        "ledger-rev1.sqlite": 0o600,
        "read-only.sqlite": 0o400,  # only taken off, never added: read-only stays read-only
    }


SAVE_CUSTOMERS = """
import sys
from app.logs import setup_logging
from app.ledger.customers import CustomerService
from app.models import Customer
from app.models.startup import open_store
from sqlalchemy import select

setup_logging()
store = open_store("sqlite:///" + sys.argv[1])
service = CustomerService(store)
with store.session() as session:
    first = session.scalars(select(Customer.id).order_by(Customer.id)).first()
loaded = service.load(first)
changed = dict(
    loaded,
    customer_name="Hemmelig Kunde Ærlig AS",
    main_contact_email="hemmelig.kunde@example.com",
    main_address_address_1="Hemmeligveien 7",
)
service.save(first, changed, loaded=loaded)
service.save(None, service.new_values() | {"customer_no": "PRIV1", "customer_name": "Lønn Og Co"})
store.close()
print("SAVED")
"""


def test_a_demo_session_leaves_no_customer_data_in_the_log_and_keeps_its_files_private(
    user_folders: Path,
) -> None:
    env = dict(os.environ)
    for name in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        env[name] = str(user_folders / name.lower())
    env |= {"QT_QPA_PLATFORM": "offscreen", QUIT_WHEN_READY_ENV: "1", FIRST_RUN_ENV: "skip"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.pop("CUSTOMER_LEDGER_DATABASE", None)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, *args],
            cwd=ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
            umask=WIDE_UMASK,
        )

    made = run("-m", "app", "--demo", "--customers", "40")
    assert made.returncode == 0, made.stderr
    demo = user_folders / "xdg_data_home" / APP_ID / "demo.sqlite"
    saved = run("-c", SAVE_CUSTOMERS, str(demo))
    assert "SAVED" in saved.stdout, saved.stderr
    opened = run("-m", "app", "--database", str(demo))
    assert opened.returncode == 0, opened.stderr

    with closing(sqlite3.connect(demo)) as connection:
        private = {
            str(value)
            for query in (
                "SELECT name FROM customer",
                "SELECT address_1 FROM address UNION SELECT address_2 FROM address",
                "SELECT email FROM contact UNION SELECT attention FROM contact",
                "SELECT phone_1 FROM contact",
            )
            for (value,) in connection.execute(query)
            if value and len(str(value)) >= 5
        }
    assert {
        "Hemmelig Kunde Ærlig AS",
        "Lønn Og Co",
        "hemmelig.kunde@example.com",
        "Hemmeligveien 7",
    } <= private
    assert len(private) > 100, "the demo company should have given plenty to look for"
    log = user_folders / "xdg_state_home" / APP_ID / "log" / LOG_FILE_NAME
    logged = log.read_text()
    assert "demo" in logged and "starting on" in logged  # the session was logged
    assert sorted(value for value in private if value in logged) == []

    folder = demo.parent
    assert mode(folder) == mode(log.parent) == 0o700
    assert {path.name: mode(path) for path in [demo, log]} == {demo.name: 0o600, log.name: 0o600}
    assert [path.name for path in folder.iterdir() if mode(path) & 0o077] == []


def test_a_failed_statement_logs_no_values_it_bound(store: Store) -> None:
    """An unexpected save error is logged with its traceback; SQLAlchemy's message would
    name every value bound to the statement unless the engine hides them."""
    with pytest.raises(SQLAlchemyError) as failed, store.transaction() as session:
        session.execute(
            text("INSERT INTO no_such_table VALUES (:name)"), {"name": "Hemmelig Kunde AS"}
        )
    assert "no_such_table" in str(failed.value)
    assert "Hemmelig" not in str(failed.value)
    assert "Hemmelig" not in "".join(traceback.format_exception(failed.value))
