"""Engines and sessions: one SQLAlchemy URL in, a configured store out."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, unquote, urlsplit

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from app.models.lock import InstanceLock
from app.paths import default_database_path

if TYPE_CHECKING:
    # The ORM loads with the first session, not with the store: start-up needs neither.
    from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 5000
READ_ONLY_MESSAGE = (
    "The ledger file is read-only: nothing can be saved. Make the file writable (or copy it "
    "to a folder of your own) and start again to make changes."
)


class ReadOnlyStoreError(Exception):
    """A write asked of a store opened read-only; the message is meant for the user."""

    def __init__(self) -> None:
        super().__init__(READ_ONLY_MESSAGE)


def default_database_url() -> str:
    return f"sqlite:///{default_database_path()}"


def sqlite_path(url: str) -> Path | None:
    """The database file of a SQLite URL; None for in-memory databases and other dialects.

    ``sqlite:///file:ledger.sqlite?uri=true`` names the same file as ``sqlite:///ledger.sqlite``:
    the lock and the checks must find it either way.
    """
    parsed = make_url(url)
    database = parsed.database
    if parsed.get_backend_name() != "sqlite" or database in (None, "", ":memory:"):
        return None
    if str(parsed.query.get("uri", "")).lower() in ("true", "1") and database.startswith("file:"):
        parts = urlsplit(database)
        if parts.netloc not in ("", "localhost") or parse_qs(parts.query).get("mode") == ["memory"]:
            return None  # a remote or in-memory URI is no file of ours
        if parts.path in ("", ":memory:"):
            return None
        return Path(unquote(parts.path))
    return Path(database)


def _sqlite_casefold(value: object) -> object:
    return value.casefold() if isinstance(value, str) else value


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # DESIGN §3: integrity first. WAL lets the list windows read while a save writes.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()
    # SQLite's own lower()/LIKE fold ASCII only; search must also fold Ø, Å, Ä, É …
    dbapi_connection.create_function("casefold", 1, _sqlite_casefold, deterministic=True)


def _configure_read_only_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # No WAL or synchronous pragmas: they are for writing, and would want -wal/-shm files.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA query_only=ON")
    cursor.close()
    dbapi_connection.create_function("casefold", 1, _sqlite_casefold, deterministic=True)


def make_engine(url: str, *, read_only_uri: str | None = None, **kwargs: Any) -> Engine:
    """An engine for ``url``; with ``read_only_uri`` (a SQLite ``file:`` URI) every connection
    opens that instead, read-only, while the engine keeps ``url`` for what it shows."""
    # A failed statement's message (logged with its traceback) would otherwise carry the values
    # it bound: customer names, addresses, e-mails. The log keeps none (DESIGN §7).
    kwargs.setdefault("hide_parameters", True)
    if read_only_uri is not None:
        import sqlite3

        uri = read_only_uri
        engine = create_engine(
            url,
            creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False),
            **kwargs,
        )
        event.listen(engine, "connect", _configure_read_only_sqlite)
        return engine
    engine = create_engine(url, **kwargs)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _configure_sqlite)
    return engine


class Store:
    """The database the workstation works on: an engine and its session factory.

    Opened by ``app.models.startup.open_store`` it also holds the instance lock of a SQLite
    file, released by ``close()``.
    """

    def __init__(
        self, engine: Engine, *, lock: InstanceLock | None = None, read_only: bool = False
    ) -> None:
        self.engine = engine
        self.lock = lock
        # A read-only ledger file: screens disable saving, and transaction() refuses.
        self.read_only = read_only
        self._sessions: sessionmaker[Session] | None = None

    @property
    def sessions(self) -> sessionmaker[Session]:
        """The session factory, made on first use."""
        if self._sessions is None:
            from sqlalchemy.orm import sessionmaker

            self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        return self._sessions

    @classmethod
    def from_url(cls, url: str) -> Store:
        return cls(make_engine(url))

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A read session; nothing is committed."""
        with self.sessions() as session:
            yield session

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back entirely on error."""
        if self.read_only:
            raise ReadOnlyStoreError
        with self.sessions.begin() as session:
            yield session

    def close(self) -> None:
        """Close every connection and release the lock; safe to call more than once."""
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def dispose(self) -> None:
        """The same as close()."""
        self.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        _type: type[BaseException] | None,
        _value: BaseException | None,
        _traceback: TracebackType | None,
    ) -> None:
        self.close()
