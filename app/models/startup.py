"""Safe start-up: open the ledger database, creating or upgrading it, or refuse with a reason.

For a SQLite file (DESIGN §7), in this order:

1. refuse a network path (SQLite's locking is unreliable over NFS/SMB);
2. take the instance lock (``<database>.lock``), so one running Customer Ledger writes the file;
3. check the file without writing to it: the SQLite header, then ``PRAGMA quick_check`` over a
   read-only connection. A missing or 0-byte file is a new, empty ledger (SQLite itself treats a
   0-byte file as an empty database);
4. read its Alembic revision. A revision this version does not know means a newer Customer
   Ledger wrote it: refused, untouched. Tables without a revision: not a ledger, refused;
5. behind head: ask the pending revisions, still read-only, whether they can take its data
   (codes that differ only in case cannot become unique regardless of case); if not, refused,
   untouched, naming what is in the way;
6. behind head: back it up through SQLite's backup API into the backups folder, verify the
   backup, then upgrade to head in one transaction (a new database needs no backup);
7. check it again and hand out the Store, which releases the lock when closed.

Any refusal leaves the file's bytes as they were. Other databases (PostgreSQL) skip the file
steps, but newer revisions and data the upgrade cannot take are still refused, and older ones
upgraded in one transaction.
"""

from __future__ import annotations

import enum
import os
import re
import sqlite3
import sys
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from sqlalchemy import Connection, create_engine, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from app import APP_NAME, __version__
from app.logs import log
from app.models.backup import BackupError, backup_sqlite, read_only_uri
from app.models.database import Store, make_engine, sqlite_path
from app.models.lock import InstanceLock, LockHeldError
from app.models.migrations import (
    head_revision,
    known_revisions,
    upgrade_database,
    upgrade_in_transaction,
    upgrade_refusals,
)
from app.paths import create_private_file

SQLITE_HEADER = b"SQLite format 3\x00"
VERSION_TABLE = "alembic_version"
NETWORK_FILESYSTEMS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smb2",
        "smb3",
        "smbfs",
        "ncpfs",
        "afs",
        "9p",
        "ceph",
        "glusterfs",
        "lustre",
        "davfs",
        "fuse.sshfs",
        "fuse.davfs2",
        "fuse.glusterfs",
        "fuse.cephfs",
    }
)
MOUNTS_FILE = Path("/proc/mounts")
# Lets PostgreSQL workstations that start at the same moment upgrade one after the other.
PG_UPGRADE_LOCK_KEY = 0x4C_45_44_47  # "LEDG"


class RefusalReason(enum.Enum):
    NETWORK_PATH = "network path"
    MISSING_FOLDER = "missing folder"
    IN_USE = "in use"
    UNREADABLE = "unreadable"
    NOT_SQLITE = "not a SQLite database"
    DAMAGED = "damaged"
    NOT_A_LEDGER = "not a Customer Ledger database"
    NEWER_VERSION = "newer version"
    DATA_IN_THE_WAY = "data the upgrade cannot take"
    BACKUP_FAILED = "backup failed"
    UPGRADE_FAILED = "upgrade failed"
    UNAVAILABLE = "unavailable"
    READ_ONLY = "read-only"


class DatabaseRefusedError(Exception):
    """The database was not opened; the message says which, what is wrong and what to do."""

    def __init__(self, database: str, reason: RefusalReason, problem: str, advice: str) -> None:
        self.database = database
        self.reason = reason
        self.problem = problem
        self.advice = advice
        super().__init__(
            f"{APP_NAME} did not open the database {database}\n\n{problem}\n\n{advice}"
        )


def open_store(
    url: str, *, backup_dir: Path | None = None, script_location: Path | None = None
) -> Store:
    """Open (create, upgrade) the database at ``url`` or raise DatabaseRefusedError.

    ``backup_dir`` defaults to the user's backups folder (app.paths.backups_dir);
    ``script_location`` is another migrations folder, for tests.
    """
    path = sqlite_path(url)
    if path is None:
        return _open_server(url, script_location)
    return _open_sqlite_file(url, path, backup_dir, script_location)


# --- SQLite files ------------------------------------------------------------------------------


@dataclass(frozen=True)
class DatabaseState:
    """What a read-only look at a database found."""

    new: bool  # missing, 0 bytes or without any table: a new ledger
    revisions: tuple[str, ...] = ()
    tables: tuple[str, ...] = field(default_factory=tuple)

    @property
    def revision(self) -> str | None:
        return self.revisions[0] if len(self.revisions) == 1 else None


def _open_sqlite_file(
    url: str, path: Path, backup_dir: Path | None, script_location: Path | None
) -> Store:
    where = str(path)
    if is_network_path(path):
        raise DatabaseRefusedError(
            where,
            RefusalReason.NETWORK_PATH,
            "The file is on a network drive. SQLite databases can be damaged when they are "
            "written over a network.",
            "Keep the ledger file on this computer's own disk, or use a database server "
            "(PostgreSQL).",
        )
    folder = path.absolute().parent
    if not folder.is_dir():
        raise DatabaseRefusedError(
            where,
            RefusalReason.MISSING_FOLDER,
            f"The folder {folder} does not exist.",
            "Check the path, or create the folder first.",
        )
    if path.exists() and not path.is_file():
        raise DatabaseRefusedError(
            where,
            RefusalReason.NOT_SQLITE,
            "This is a folder or a device, not a database file.",
            "Choose a ledger file, or a new file name to start an empty ledger.",
        )
    if is_read_only_file(path):
        return _open_read_only(url, path, script_location)
    lock = _take_lock(path)
    try:
        # A new ledger is made 0600 before SQLite opens it: SQLite would make it 0644 less
        # the umask, and gives its -wal and -shm the database file's mode (DESIGN §7).
        create_private_file(path)
        state = inspect_sqlite_file(path)
        revision = _check_revisions(where, state, script_location)
        head = head_revision(script_location)
        if state.new or revision != head:
            if not state.new:
                _refuse_data_in_the_way_of_sqlite(path, script_location)
            backup = None if state.new else _backup(path, revision, backup_dir)
            _upgrade_sqlite(url, where, backup, script_location)
            after = inspect_sqlite_file(path, damaged_advice=_restore_advice(backup))
            if after.revision != head:
                raise DatabaseRefusedError(
                    where,
                    RefusalReason.UPGRADE_FAILED,
                    f"After the upgrade the database is at revision {after.revision}, not {head}.",
                    _restore_advice(backup),
                )
        if (note := lock.takeover_note()) is not None:
            log.warning("%s: %s", where, note)
        return Store(make_engine(url), lock=lock)
    except BaseException:
        lock.release()
        raise


def is_read_only_file(path: Path) -> bool:
    """A file this user may not write, or marked read-only for everyone (which root, who may
    write anything, should respect too)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return path.is_file() and (not os.access(path, os.W_OK) or not mode & 0o222)


def _open_read_only(url: str, path: Path, script_location: Path | None) -> Store:
    """A read-only ledger opens read-only: no lock, no -wal/-shm beside it, nothing saved.

    Immutable, unless a -wal left by a crash still holds committed pages SQLite must read."""
    where = str(path)
    wal = path.with_name(path.name + "-wal")
    immutable = not (wal.exists() and wal.stat().st_size > 0)
    state = inspect_sqlite_file(path, immutable=immutable)
    revision = _check_revisions(where, state, script_location)
    if state.new or revision != head_revision(script_location):
        raise DatabaseRefusedError(
            where,
            RefusalReason.READ_ONLY,
            "The file is read-only, and it needs to be "
            + ("set up" if state.new else "upgraded")
            + " before it can be opened.",
            "Make the file writable and start again. The file was not changed.",
        )
    log.info("%s is read-only: opened read-only, nothing can be saved", where)
    engine = make_engine(url, read_only_uri=read_only_uri(path, immutable=immutable))
    return Store(engine, read_only=True)


def _take_lock(path: Path) -> InstanceLock:
    try:
        return InstanceLock.acquire(path)
    except LockHeldError as held:
        owner = held.owner
        holder = f"(pid {owner.pid} on {owner.host})" if owner else ""
        raise DatabaseRefusedError(
            str(path),
            RefusalReason.IN_USE,
            f"The database is in use by another running {APP_NAME} {holder}".rstrip() + ".",
            f"Close the other {APP_NAME} window and try again. If it is not running any more, "
            f"delete the lock file {held.path}.",
        ) from held
    except OSError as exc:
        raise DatabaseRefusedError(
            str(path),
            RefusalReason.UNREADABLE,
            f"The lock file next to the database could not be created: {exc.strerror or exc}.",
            "Check that you may write in the database's folder.",
        ) from exc


DAMAGED_ADVICE = (
    "Open a backup of the ledger instead (the backups folder holds the copies taken before "
    "upgrades). The damaged file was not changed."
)


def inspect_sqlite_file(
    path: Path, *, damaged_advice: str = DAMAGED_ADVICE, immutable: bool = False
) -> DatabaseState:
    """Check a SQLite file without writing to it; raise DatabaseRefusedError when it is unsound."""
    where = str(path)

    def damaged(problem: str) -> DatabaseRefusedError:
        return DatabaseRefusedError(where, RefusalReason.DAMAGED, problem, damaged_advice)

    try:
        size = path.stat().st_size
        if size == 0:
            return DatabaseState(new=True)
        with path.open("rb") as file:
            header = file.read(100)
    except FileNotFoundError:
        return DatabaseState(new=True)
    except OSError as exc:
        raise DatabaseRefusedError(
            where,
            RefusalReason.UNREADABLE,
            f"The file cannot be read: {exc.strerror or exc}.",
            "Check that the file exists and that you may read and write it.",
        ) from exc
    if not header.startswith(SQLITE_HEADER):
        raise DatabaseRefusedError(
            where,
            RefusalReason.NOT_SQLITE,
            "The file is not a SQLite database (it is another kind of file, or its beginning "
            "is damaged).",
            "Choose a ledger file, or a new file name to start an empty ledger. The file was "
            "not changed.",
        )
    problem = _header_problem(path, header, size)
    if problem:
        raise damaged(problem)
    try:
        uri = read_only_uri(path, immutable=immutable)
        with closing(sqlite3.connect(uri, uri=True)) as connection:
            rows = connection.execute("PRAGMA quick_check").fetchall()
            if rows != [("ok",)]:
                found = "; ".join(str(row[0]) for row in rows[:5])
                raise damaged(f"SQLite's check found damage: {found}.")
            tables = tuple(
                str(name)
                for (name,) in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                    "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
                )
            )
            revisions: tuple[str, ...] = ()
            if VERSION_TABLE in tables:
                revisions = tuple(
                    str(rev)
                    for (rev,) in connection.execute(f"SELECT version_num FROM {VERSION_TABLE}")
                )
    except sqlite3.OperationalError as exc:
        raise DatabaseRefusedError(
            where,
            RefusalReason.UNREADABLE,
            f"SQLite could not read the file: {exc}.",
            "Check that you may read the file and that no other program holds it.",
        ) from exc
    except sqlite3.DatabaseError as exc:
        raise damaged(f"SQLite could not read the file: {exc}.") from exc
    user_tables = tuple(name for name in tables if name != VERSION_TABLE)
    return DatabaseState(new=not user_tables, revisions=revisions, tables=user_tables)


def _header_problem(path: Path, header: bytes, size: int) -> str | None:
    """A truncated file, told from its header (only when no WAL may still hold pages)."""
    if len(header) < 100:
        return "The file is shorter than a SQLite header: it was cut off."
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return "The file's header is damaged (impossible page size)."
    wal = path.with_name(path.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return None  # a checkpoint may be half done; the WAL completes the file
    pages = int.from_bytes(header[28:32], "big")
    header_size_valid = header[24:28] == header[92:96]
    if size % page_size or (header_size_valid and pages and size < pages * page_size):
        return "The file is shorter than its header says: it was cut off (truncated)."
    return None


def _check_revisions(where: str, state: DatabaseState, script_location: Path | None) -> str | None:
    """The database's revision, after refusing what this version cannot open."""
    _refuse_unknown(where, state.revisions, script_location)
    if len(state.revisions) > 1:
        raise DatabaseRefusedError(
            where,
            RefusalReason.NOT_A_LEDGER,
            f"The database records several revisions ({', '.join(state.revisions)}); "
            f"{APP_NAME}'s history has one line.",
            "Open a backup of the ledger instead.",
        )
    if not state.revisions and not state.new:
        shown = ", ".join(state.tables[:5]) + (" …" if len(state.tables) > 5 else "")
        raise DatabaseRefusedError(
            where,
            RefusalReason.NOT_A_LEDGER,
            f"The database is not a {APP_NAME} database: it holds tables ({shown}) but no "
            f"{APP_NAME} revision.",
            f"Choose a {APP_NAME} file, or a new file name to start an empty ledger. The file "
            "was not changed.",
        )
    return state.revision


def _refuse_unknown(where: str, revisions: tuple[str, ...], script_location: Path | None) -> None:
    unknown = [rev for rev in revisions if rev not in known_revisions(script_location)]
    if unknown:
        raise DatabaseRefusedError(
            where,
            RefusalReason.NEWER_VERSION,
            f"The database was written by a newer version of {APP_NAME} (database revision "
            f"{', '.join(unknown)}; this version, {__version__}, knows revisions up to "
            f"{head_revision(script_location)}).",
            f"Install the newer version of {APP_NAME} to open it. The database was not changed.",
        )


def _refuse_data_in_the_way(
    where: str, connection: Connection, script_location: Path | None
) -> None:
    """Refuse a database holding data a pending revision cannot take, naming it."""
    problems = upgrade_refusals(connection, script_location=script_location)
    if problems:
        raise DatabaseRefusedError(
            where,
            RefusalReason.DATA_IN_THE_WAY,
            "\n\n".join(problems),
            f"Change what is named above with the version of {APP_NAME} that wrote the "
            "database, then start this version again. The database was not changed.",
        )


def _refuse_data_in_the_way_of_sqlite(path: Path, script_location: Path | None) -> None:
    """The same, asked over a read-only connection: nothing is written before the backup."""
    uri = read_only_uri(path)
    engine = create_engine(
        "sqlite://", creator=lambda: sqlite3.connect(uri, uri=True), poolclass=NullPool
    )
    try:
        with engine.connect() as connection:
            _refuse_data_in_the_way(str(path), connection, script_location)
    finally:
        engine.dispose()


def _backup(path: Path, revision: str | None, backup_dir: Path | None) -> Path:
    if backup_dir is None:
        from app.paths import backups_dir

        backup_dir = backups_dir()
    try:
        return backup_sqlite(path, backup_dir, revision=revision)
    except BackupError as exc:
        raise DatabaseRefusedError(
            str(path),
            RefusalReason.BACKUP_FAILED,
            f"The database needs an upgrade, and the backup taken before it failed: {exc}.",
            "Free some disk space or check the backups folder, then start again. The database "
            "was not changed.",
        ) from exc


def _upgrade_sqlite(
    url: str, where: str, backup: Path | None, script_location: Path | None
) -> None:
    try:
        upgrade_database(url, script_location=script_location)
    except Exception as exc:
        raise DatabaseRefusedError(
            where,
            RefusalReason.UPGRADE_FAILED,
            f"The upgrade of the database failed and was rolled back: {exc}",
            "The database was left as it was"
            + (f"; a verified backup is at {backup}." if backup else ".")
            + f" Report this to {APP_NAME}'s support.",
        ) from exc


def _restore_advice(backup: Path | None) -> str:
    if backup is None:
        return "Start again with a new file name; nothing was stored in this one yet."
    return f"Restore the verified backup taken just before the upgrade: {backup}."


# --- network paths -----------------------------------------------------------------------------


def is_network_path(path: Path, *, mounts: str | None = None) -> bool:
    """Whether ``path`` lies on a network share: a UNC path, a remote drive, or an NFS/SMB mount.

    ``mounts`` is the text of /proc/mounts (read from MOUNTS_FILE when None, on Linux).
    """
    text = str(path)
    if text.startswith(("\\\\", "//")) and not text.startswith(("\\\\?\\", "\\\\.\\")):
        return True
    if sys.platform == "win32":
        return _windows_remote_drive(path)
    if mounts is None:
        try:
            mounts = MOUNTS_FILE.read_text()
        except OSError:
            return False
    fstype = mount_fstype(Path(_real(path)), mounts)
    return fstype is not None and (fstype in NETWORK_FILESYSTEMS or fstype.startswith("nfs"))


def mount_fstype(path: Path, mounts: str) -> str | None:
    """The filesystem type of the mount holding ``path``: the longest matching mount point."""
    best: tuple[int, str] | None = None
    target = PurePath(path)
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = PurePath(_unescape_mount(fields[1]))
        if (target == point or point in target.parents) and (
            best is None or len(point.parts) >= best[0]
        ):
            best = (len(point.parts), fields[2])
    return None if best is None else best[1]


def _unescape_mount(field_text: str) -> str:
    """/proc/mounts writes space, tab, newline and backslash as octal escapes."""
    return re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), field_text)


def _real(path: Path) -> str:
    """The resolved path (symlinks followed; a file that does not exist yet is fine)."""
    return os.path.realpath(path)


def _windows_remote_drive(path: Path) -> bool:
    if sys.platform != "win32":
        raise NotImplementedError
    import ctypes

    drive_remote = 4
    root = Path(path).absolute().anchor
    return bool(root) and ctypes.windll.kernel32.GetDriveTypeW(root) == drive_remote


# --- other databases (PostgreSQL) --------------------------------------------------------------


def _open_server(url: str, script_location: Path | None) -> Store:
    where = make_url(url).render_as_string(hide_password=True)
    engine = make_engine(url)
    try:
        with engine.begin() as connection:
            if connection.dialect.name == "postgresql":
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({PG_UPGRADE_LOCK_KEY})")
            revisions, tables = _server_state(connection)
            state = DatabaseState(new=not tables, revisions=revisions, tables=tables)
            revision = _check_revisions(where, state, script_location)
            if state.new or revision != head_revision(script_location):
                if not state.new:
                    _refuse_data_in_the_way(where, connection, script_location)
                upgrade_in_transaction(connection, script_location=script_location)
    except DatabaseRefusedError:
        engine.dispose()
        raise
    except SQLAlchemyError as exc:
        engine.dispose()
        raise DatabaseRefusedError(
            where,
            RefusalReason.UNAVAILABLE,
            f"The database could not be opened or upgraded: {exc}",
            "Check the address, the user name and that the database server is running. "
            "Nothing was changed.",
        ) from exc
    except BaseException:
        engine.dispose()
        raise
    return Store(engine)


def _server_state(connection: Connection) -> tuple[tuple[str, ...], tuple[str, ...]]:
    from alembic.runtime.migration import MigrationContext

    revisions = MigrationContext.configure(connection).get_current_heads()
    names = inspect(connection).get_table_names() + inspect(connection).get_view_names()
    tables = tuple(sorted(name for name in names if name != VERSION_TABLE))
    return tuple(revisions), tables
