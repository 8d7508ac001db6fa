"""The backups folder: the daily backup, keeping the last N, the latest good backup, and a
restore that keeps the ledger it replaces."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from app.models.backup import BackupError, backup_sqlite
from app.models.backup_folder import (
    backups_of,
    daily_backup,
    keep_newest,
    latest_good,
    restore,
)
from tests.models.conftest import sqlite_rows


def ledger(path: Path, *names: str) -> Path:
    """A small WAL-mode database holding ``names`` (committed, partly still in the WAL)."""
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("CREATE TABLE IF NOT EXISTS customer (name TEXT)")
        connection.execute("DELETE FROM customer")
        connection.executemany("INSERT INTO customer VALUES (?)", [(name,) for name in names])
        connection.commit()
    return path


def crashed_ledger(path: Path, *names: str) -> Path:
    """The ledger as a crash leaves it: the last saves still in its ``-wal`` file (copied
    while a connection was open, before any checkpoint)."""
    live = path.with_name("live.sqlite")
    with closing(sqlite3.connect(live)) as connection:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("PRAGMA wal_autocheckpoint=0")
        connection.execute("CREATE TABLE IF NOT EXISTS customer (name TEXT)")
        connection.executemany("INSERT INTO customer VALUES (?)", [(name,) for name in names])
        connection.commit()
        for suffix in ("", "-wal", "-shm"):
            shutil.copyfile(f"{live}{suffix}", f"{path}{suffix}")
    live.unlink()
    return path


def names(path: Path) -> list[str]:
    return [str(row[0]) for row in sqlite_rows(path, "SELECT name FROM customer ORDER BY name")]


def test_one_backup_a_day_and_only_the_newest_kept(tmp_path: Path) -> None:
    database = ledger(tmp_path / "ledger.sqlite", "Fjord Fisk AS")
    backups = tmp_path / "backups"
    first = daily_backup(database, backups, revision="0009", keep=2)
    assert first is not None and names(first) == ["Fjord Fisk AS"]
    assert daily_backup(database, backups, revision="0009", keep=2) is None  # today's exists

    # Backups of earlier days (named by when they were taken), then two more days.
    for days in (3, 2):
        backup_sqlite(
            database, backups, revision="0009", when=datetime.now() - timedelta(days=days)
        )
    assert len(backups_of(database, backups)) == 3
    tomorrow = date.today() + timedelta(days=1)
    second = daily_backup(database, backups, revision="0009", keep=2, today=tomorrow)
    assert second is not None
    kept = backups_of(database, backups)
    assert [backup.path for backup in kept] == sorted(
        [first, second], key=lambda p: p.name, reverse=True
    )
    assert all(backup.revision == "0009" for backup in kept)


def test_another_ledger_s_backups_are_not_counted_or_deleted(tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    mine = ledger(tmp_path / "ledger.sqlite", "A")
    demo = ledger(tmp_path / "demo.sqlite", "B")
    theirs = backup_sqlite(demo, backups, revision="0009")
    backup_sqlite(mine, backups, revision="0009")
    backup_sqlite(mine, backups, revision="0009", when=datetime(2026, 1, 1))
    assert [b.path.name.split("-")[0] for b in backups_of(mine, backups)] == ["ledger", "ledger"]
    keep_newest(mine, backups, 1)
    assert theirs.exists() and len(backups_of(mine, backups)) == 1
    with pytest.raises(ValueError):
        keep_newest(mine, backups, 0)


def test_restore_puts_the_backup_in_place_and_keeps_the_ledger_aside(tmp_path: Path) -> None:
    database = ledger(tmp_path / "ledger.sqlite", "Fjord Fisk AS")
    backup = backup_sqlite(database, tmp_path / "backups", revision="0009")
    database.unlink()
    crashed_ledger(database, "Vestland Bygg AS", "Nordlys AS")  # saved after the backup
    assert Path(f"{database}-wal").stat().st_size > 0

    aside = restore(backup, database, when=datetime(2026, 11, 30, 12, 0, 0))
    assert names(database) == ["Fjord Fisk AS"]
    # The replaced ledger, with its WAL, opens as it was: nothing the user typed is gone.
    assert aside is not None and aside.name == "ledger-before-restore-20261130-120000.sqlite"
    assert names(aside) == ["Nordlys AS", "Vestland Bygg AS"]
    assert not Path(f"{database}-wal").exists()  # the old WAL went aside with its ledger
    assert names(backup) == ["Fjord Fisk AS"]  # the backup itself is left as it was
    assert not list(tmp_path.glob("*.partial"))


def test_a_damaged_backup_is_refused_and_the_ledger_left_untouched(tmp_path: Path) -> None:
    database = ledger(tmp_path / "ledger.sqlite", "Fjord Fisk AS")
    damaged = tmp_path / "backups" / "ledger-20261130-120000-rev0009.sqlite"
    damaged.parent.mkdir()
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    with pytest.raises(BackupError, match=r"ledger-20261130-120000-rev0009\.sqlite"):
        restore(damaged, database)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backups", "ledger.sqlite"]
    assert names(database) == ["Fjord Fisk AS"]


def test_the_latest_good_backup_skips_a_damaged_newer_one(tmp_path: Path) -> None:
    database = ledger(tmp_path / "ledger.sqlite", "Fjord Fisk AS")
    backups = tmp_path / "backups"
    good = backup_sqlite(database, backups, revision="0009", when=datetime(2026, 11, 1))
    newer = backup_sqlite(database, backups, revision="0009", when=datetime(2026, 11, 2))
    newer.write_bytes(newer.read_bytes()[:100] + b"\x00" * 3000)
    found = latest_good(database, backups)
    assert found is not None and found.path == good
    assert latest_good(tmp_path / "other.sqlite", backups) is None
