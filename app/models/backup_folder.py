"""The backups folder of a SQLite ledger: which backups it holds, the daily backup, keeping the
last N, and restoring one in place of the ledger.

A backup is named ``<ledger>-<YYYYmmdd-HHMMSS>-rev<revision>[-n].sqlite`` (backup.py). The daily
backup is taken at the first start of a day (and before every upgrade, by startup.py); once a
new one is verified, only the newest ``keep`` of the ledger's backups are kept. A restore
verifies the backup, copies it beside the ledger and checks the copy, moves the ledger (with
its ``-wal`` and ``-shm``, so the set still opens) aside as ``<ledger>-before-restore-<time>``,
and only then puts the copy in its place. It needs the ledger closed: no connection open, and
the caller holding the lock or having released it.
"""

from __future__ import annotations

import os
import re
import sqlite3
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from app.models.backup import BackupError, backup_sqlite, read_only_uri, reserve, sync_folder
from app.models.backup import verify_sqlite as verify_backup

DEFAULT_KEEP = 10
_NAME = re.compile(r"^(?P<stem>.+)-(?P<when>\d{8}-\d{6})-rev(?P<revision>[^-]+)(?:-\d+)?\.sqlite$")
# The files SQLite keeps beside a ledger in WAL mode: moved with it, or the set would not open.
SIDE_FILES = ("-wal", "-shm")


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime
    revision: str  # the schema revision of the copy ("none" for an empty database)

    @property
    def size(self) -> int:
        return self.path.stat().st_size


def backups_of(database: Path, backup_dir: Path) -> list[Backup]:
    """The ledger's backups in the folder, newest first (other ledgers' are not its)."""
    if not backup_dir.is_dir():
        return []
    found: list[Backup] = []
    for path in backup_dir.glob("*.sqlite"):
        match = _NAME.match(path.name)
        if match is None or match["stem"] != database.stem:
            continue
        taken = datetime.strptime(match["when"], "%Y%m%d-%H%M%S")
        found.append(Backup(path, taken, match["revision"]))
    return sorted(found, key=lambda backup: (backup.taken, backup.path.name), reverse=True)


def keep_newest(database: Path, backup_dir: Path, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` backups of the ledger; the paths deleted."""
    if keep < 1:
        raise ValueError("at least one backup is kept")
    removed: list[Path] = []
    for backup in backups_of(database, backup_dir)[keep:]:
        with suppress(FileNotFoundError):
            backup.path.unlink()
            removed.append(backup.path)
    return removed


def daily_backup(
    database: Path,
    backup_dir: Path,
    *,
    revision: str | None,
    keep: int = DEFAULT_KEEP,
    today: date | None = None,
) -> Path | None:
    """The day's backup when the ledger has none from today yet (then the oldest beyond
    ``keep`` are deleted); None when today's exists. Raises BackupError when it fails."""
    today = today or date.today()
    if any(backup.taken.date() == today for backup in backups_of(database, backup_dir)):
        return None
    taken = backup_sqlite(database, backup_dir, revision=revision)
    keep_newest(database, backup_dir, keep)
    return taken


def latest_good(database: Path, backup_dir: Path) -> Backup | None:
    """The newest backup of the ledger that passes SQLite's integrity check."""
    for backup in backups_of(database, backup_dir):
        with suppress(sqlite3.Error):
            if not verify_backup(backup.path):
                return backup
    return None


def restore(backup: Path, database: Path, *, when: datetime | None = None) -> Path | None:
    """Put ``backup`` in place of the (closed) ledger; returns where the ledger was moved
    aside, or None when there was no ledger file. Nothing is changed when the backup fails
    its check or cannot be copied."""
    try:
        problems = verify_backup(backup)
    except sqlite3.Error as exc:
        raise BackupError(f"the backup {backup.name} cannot be read: {exc}") from exc
    if problems:
        raise BackupError(f"the backup {backup.name} failed its check: {'; '.join(problems[:3])}")
    folder = database.parent
    _target, partial = reserve(folder, f"{database.stem}.restoring.sqlite")
    try:
        with (
            closing(sqlite3.connect(read_only_uri(backup), uri=True)) as source,
            closing(sqlite3.connect(partial)) as copy,
        ):
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")
            result = copy.execute("PRAGMA integrity_check").fetchall()
        if result != [("ok",)]:
            raise BackupError(f"the restored copy failed its check: {result[:3]}")
    except BaseException as exc:
        with suppress(OSError):
            partial.unlink()
        if isinstance(exc, sqlite3.Error):
            raise BackupError(f"SQLite could not copy the backup: {exc}") from exc
        raise
    aside = _move_aside(database, when or datetime.now())
    try:
        os.replace(partial, database)
    except OSError:
        if aside is not None:  # the ledger goes back where it was: nothing changed
            _move_back(aside, database)
        with suppress(OSError):
            partial.unlink()
        raise
    sync_folder(folder)
    return aside


def _move_back(aside: Path, database: Path) -> None:
    os.replace(aside, database)
    for suffix in SIDE_FILES:
        side = aside.with_name(aside.name + suffix)
        if side.exists():
            os.replace(side, database.with_name(database.name + suffix))


def _move_aside(database: Path, when: datetime) -> Path | None:
    if not database.exists():
        return None
    aside = database.with_name(f"{database.stem}-before-restore-{when:%Y%m%d-%H%M%S}.sqlite")
    number = 1
    while aside.exists():
        number += 1
        aside = aside.with_name(
            f"{database.stem}-before-restore-{when:%Y%m%d-%H%M%S}-{number}.sqlite"
        )
    for suffix in SIDE_FILES:
        side = database.with_name(database.name + suffix)
        if side.exists():
            os.replace(side, aside.with_name(aside.name + suffix))
    os.replace(database, aside)
    return aside
