"""Backups of a SQLite ledger, taken through SQLite's backup API and verified before they count.

The copy is read from a read-only connection (it sees committed data, also what is still in the
WAL), written to a ``.partial`` file readable by the user alone, switched to a self-contained
rollback-journal file, checked with ``PRAGMA integrity_check`` and only then renamed into place.
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing, suppress
from datetime import datetime
from pathlib import Path

from app.paths import private_file_descriptor


class BackupError(Exception):
    """The backup could not be written or did not pass its check."""


def read_only_uri(path: Path, *, immutable: bool = False) -> str:
    """A URI that opens ``path`` read-only; SQLite then never writes to the database file.

    ``immutable`` also promises SQLite that no one writes it (a file marked read-only): then
    it creates no ``-wal``/``-shm`` beside it, which ``mode=ro`` alone does for a WAL file."""
    return path.resolve().as_uri() + ("?mode=ro&immutable=1" if immutable else "?mode=ro")


def backup_name(database: Path, revision: str | None, when: datetime) -> str:
    return f"{database.stem}-{when:%Y%m%d-%H%M%S}-rev{revision or 'none'}.sqlite"


def backup_sqlite(
    database: Path, backup_dir: Path, *, revision: str | None, when: datetime | None = None
) -> Path:
    """Copy ``database`` into ``backup_dir`` and verify the copy; returns the backup's path."""
    when = when or datetime.now()
    try:
        backup_dir.mkdir(parents=True, exist_ok=True)
        target, partial = reserve(backup_dir, backup_name(database, revision, when))
    except OSError as exc:
        raise BackupError(f"cannot write in {backup_dir}: {exc.strerror or exc}") from exc
    try:
        with (
            closing(sqlite3.connect(read_only_uri(database), uri=True)) as source,
            closing(sqlite3.connect(partial)) as copy,
        ):
            source.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal
            result = copy.execute("PRAGMA integrity_check").fetchall()
        if result != [("ok",)]:
            raise BackupError(f"the backup failed its integrity check: {result[:5]}")
        os.replace(partial, target)
        sync_folder(backup_dir)
    except sqlite3.Error as exc:
        with suppress(OSError):
            partial.unlink()
        raise BackupError(f"SQLite could not copy the database: {exc}") from exc
    except BaseException:
        with suppress(OSError):
            partial.unlink()
        raise
    return target


def verify_sqlite(path: Path) -> list[str]:
    """Problems ``PRAGMA integrity_check`` finds in the file (empty when it is sound)."""
    with closing(sqlite3.connect(read_only_uri(path), uri=True)) as connection:
        rows = connection.execute("PRAGMA integrity_check").fetchall()
    return [] if rows == [("ok",)] else [str(row[0]) for row in rows]


def reserve(folder: Path, name: str) -> tuple[Path, Path]:
    """A free backup name and its ``.partial`` file, created empty with owner-only permissions."""
    stem = name.removesuffix(".sqlite")
    for number in range(1, 1000):
        target = folder / (name if number == 1 else f"{stem}-{number}.sqlite")
        partial = target.with_name(target.name + ".partial")
        if target.exists():
            continue
        try:
            fd = os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        except FileExistsError:
            continue
        try:
            private_file_descriptor(fd)  # 0600 whatever the umask; SQLite keeps the mode
        finally:
            os.close(fd)
        return target, partial
    raise FileExistsError(f"no free backup name for {name} in {folder}")


def sync_folder(folder: Path) -> None:
    """Make the rename durable (POSIX; Windows has no directory handles for this)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
