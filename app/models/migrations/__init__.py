"""Alembic migrations of the store: shipped inside the package, configured in code (no alembic.ini).

Start-up (``app.models.startup.open_store``) runs them on the user's database. Developers use the
same configuration through this package's command line, which takes Alembic's usual commands.

Adding a revision after changing the models is one command::

    python -m app.models.migrations revision --autogenerate -m "add statements"

It upgrades a scratch SQLite database to the current head, compares it with
``app.models.Base.metadata`` and writes ``versions/NNNN_add_statements.py`` with the next number
(nothing is written when the models did not change). Review the file before committing it: a new
NOT NULL column on a table that may hold rows needs a ``server_default``, and renames come out as
drop + add. SQLite changes run in batch mode (copy the table, drop, rename); start-up runs them
with foreign keys off, so rebuilding a parent table does not cascade-delete its children, and
checks the foreign keys before it commits.

Autogenerate does not see the unique ``lower(code)`` indexes (``unique_regardless_of_case``):
SQLite cannot reflect an index on an expression. Write those into the revision by hand (as 0003
does); ``model_changes`` compares them itself, so the test of models and migrations still names
one that is missing. A batch rebuild of a table (copy, drop, rename) loses them the same way:
create them again in the revision that rebuilds the table.

A revision that cannot take some data (codes that differ only in case, before 0003 makes them
unique regardless of case) defines ``refusal(connection)``, saying what is in the way or None.
Start-up asks every pending revision before it backs up or writes anything
(``upgrade_refusals``), and refuses the database untouched; the revision's ``upgrade`` refuses
too (``UpgradeRefusedError``) when it is run another way.

Other commands work the same way, e.g. ``python -m app.models.migrations history`` or
``python -m app.models.migrations upgrade head --sql -x url=postgresql://`` (the SQL for a server);
``-x url=...`` chooses a database instead of the scratch one.
"""

from __future__ import annotations

import re
import tempfile
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Column, Connection, Engine, MetaData, create_engine, event
from sqlalchemy.pool import NullPool
from sqlalchemy.schema import CreateIndex

from app.models.database import BUSY_TIMEOUT_MS

if TYPE_CHECKING:
    # Alembic (with mako and pygments) costs a quarter second to import; start-up needs it
    # only when the database must be upgraded, so it is imported where it is used.
    from alembic.autogenerate.api import AutogenContext
    from alembic.config import Config
    from alembic.operations.ops import MigrationScript
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

SCRIPT_LOCATION = Path(__file__).resolve().parent


class MigrationError(Exception):
    """A migration left the database in a state that must not be committed."""


class UpgradeRefusedError(MigrationError):
    """A revision cannot take the data the database holds; the message says what is in the way."""


def alembic_config(
    *,
    connection: Connection | None = None,
    url: str | None = None,
    script_location: Path | None = None,
) -> Config:
    """Alembic's configuration for this package; env.py migrates ``connection`` when given."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(script_location or SCRIPT_LOCATION))
    config.set_main_option("path_separator", "os")
    if url is not None:
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def script_directory(script_location: Path | None = None) -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(script_location=script_location))


# ``revision = "0002"`` or ``revision: str = "0002"``, as Alembic's templates write them.
_REVISION = re.compile(r"^revision(?::[^=]+)?\s*=\s*['\"]([^'\"]+)['\"]", re.MULTILINE)
_DOWN_REVISION = re.compile(
    r"^down_revision(?::[^=]+)?\s*=\s*(?:['\"]([^'\"]+)['\"]|None)", re.MULTILINE
)


def _revision_links(script_location: Path | None) -> dict[str, str | None]:
    """Each revision and the one it follows, read from the revision files' headers.

    Reading the two header lines instead of asking Alembic keeps start-up free of Alembic's
    import cost when the database is already current (the common case).
    """
    links: dict[str, str | None] = {}
    for script in sorted((script_location or SCRIPT_LOCATION).glob("versions/*.py")):
        text = script.read_text("utf-8")
        revision, down = _REVISION.search(text), _DOWN_REVISION.search(text)
        if revision is not None and down is not None:
            links[revision.group(1)] = down.group(1)
    return links


def head_revision(script_location: Path | None = None) -> str:
    """The newest revision this version of the app knows (the history is one straight line)."""
    links = _revision_links(script_location)
    heads = set(links) - {down for down in links.values() if down}
    if len(heads) != 1:
        raise MigrationError(f"the migrations folder has {len(heads)} heads, not one")
    return heads.pop()


def known_revisions(script_location: Path | None = None) -> frozenset[str]:
    return frozenset(_revision_links(script_location))


def migration_engine(url: str) -> Engine:
    """An engine for schema changes, one connection at a time.

    SQLite needs two things the app's engine does not do: foreign keys off (batch mode rebuilds a
    table by copy, drop and rename, and dropping a parent with foreign keys on deletes or blocks
    its children) and an explicit BEGIN, because the sqlite3 driver does not open a transaction
    for DDL by itself. With both, an upgrade is all or nothing.
    """
    engine = create_engine(url, poolclass=NullPool)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_migration_connect)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def _sqlite_migration_connect(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None  # the driver's own transaction handling is off
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=OFF")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def upgrade_in_transaction(
    connection: Connection, *, revision: str = "head", script_location: Path | None = None
) -> None:
    """Upgrade inside the caller's transaction; the caller commits or rolls back."""
    from alembic import command

    command.upgrade(
        alembic_config(connection=connection, script_location=script_location), revision
    )
    if connection.dialect.name == "sqlite":
        problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise MigrationError(f"the upgrade broke foreign keys: {problems[:5]}")


def upgrade_database(url: str, *, script_location: Path | None = None) -> None:
    """Upgrade the database at ``url`` to head in one transaction."""
    engine = migration_engine(url)
    try:
        with engine.begin() as connection:
            upgrade_in_transaction(connection, script_location=script_location)
    finally:
        engine.dispose()


def upgrade_refusals(connection: Connection, *, script_location: Path | None = None) -> list[str]:
    """What the revisions the database still lacks cannot take, in their order (each pending
    revision's ``refusal(connection)``); empty when the upgrade may run. Reads only."""
    from alembic.runtime.migration import MigrationContext

    current = MigrationContext.configure(connection).get_current_revision()
    pending = script_directory(script_location).iterate_revisions("head", current)
    found: list[str] = []
    for script in reversed(list(pending)):
        refusal = getattr(script.module, "refusal", None)
        problem = refusal(connection) if refusal is not None else None
        if problem:
            found.append(problem)
    return found


@contextmanager
def expression_indexes_unreflected() -> Iterator[None]:
    """Quiet SQLAlchemy's and Alembic's warnings that SQLite's ``lower(code)`` indexes cannot be
    reflected or compared: ``model_changes`` compares them itself."""
    with warnings.catch_warnings():
        warnings.filterwarnings(
            "ignore", message="Skipped unsupported reflection of expression-based index"
        )
        warnings.filterwarnings(
            "ignore", message="autogenerate skipping metadata-specified expression-based index"
        )
        yield


def model_changes(
    metadata: MetaData | None = None, *, script_location: Path | None = None
) -> list[Any]:
    """How the models differ from the migrations' head: what autogenerate would write now, and
    the expression indexes it cannot see (``expression_index_changes``).

    Empty when they agree. Compared on a scratch SQLite database upgraded to head.
    """
    if metadata is None:
        from app.models import Base

        metadata = Base.metadata
    with tempfile.TemporaryDirectory() as scratch:
        url = f"sqlite:///{Path(scratch) / 'scratch.sqlite'}"
        upgrade_database(url, script_location=script_location)
        engine = migration_engine(url)
        try:
            with engine.connect() as connection, expression_indexes_unreflected():
                from alembic.autogenerate import compare_metadata
                from alembic.runtime.migration import MigrationContext

                context = MigrationContext.configure(connection, opts={"compare_type": True})
                found = list(compare_metadata(context, metadata))
                return found + expression_index_changes(connection, metadata)
        finally:
            engine.dispose()


def expression_index_changes(connection: Connection, metadata: MetaData) -> list[Any]:
    """The indexes on expressions (``lower(code)``) that differ between ``metadata`` and a SQLite
    database, compared by their SQL: ``("add_index", table, name)`` for one the database lacks,
    ``("remove_index", table, name)`` for one the models do not declare, ``("modify_index",
    table, name, in_database, in_models)`` for one made differently."""
    declared = {
        index.name: (
            table.name,
            _index_sql(str(CreateIndex(index).compile(dialect=connection.dialect))),
        )
        for table in metadata.tables.values()
        for index in table.indexes
        if index.name and not all(isinstance(part, Column) for part in index.expressions)
    }
    found = {}
    listed = connection.exec_driver_sql(
        "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
    )
    for name, table, sql in listed.all():
        parts = connection.exec_driver_sql(f"PRAGMA index_info('{name}')").all()
        if any(part[1] == -2 for part in parts):  # -2: the index part is an expression
            found[name] = (table, _index_sql(sql))
    changes: list[Any] = []
    for name, (table, sql) in sorted(declared.items()):
        if name not in found:
            changes.append(("add_index", table, name))
        elif found[name][1] != sql:
            changes.append(("modify_index", table, name, found[name][1], sql))
    for name, (table, _sql) in sorted(found.items()):
        if name not in declared:
            changes.append(("remove_index", table, name))
    return changes


def _index_sql(sql: str) -> str:
    """CREATE INDEX text as SQLite keeps it, without what does not change its meaning."""
    return re.sub(r"\s+", " ", sql.replace('"', "")).strip().lower()


ADD_REVISION_HINT = 'python -m app.models.migrations revision --autogenerate -m "what changed"'


# --- autogenerate hooks (used by env.py) ---------------------------------------------------------


def render_item(kind: str, obj: Any, autogen_context: AutogenContext) -> str | bool:
    """Render the money type importably, with its scale (its repr would drop the scale)."""
    # Imported here: start-up reads this package's revisions without loading the ORM.
    from app.models.base import ExactDecimal

    if kind == "type" and isinstance(obj, ExactDecimal):
        autogen_context.imports.add("from app.models.base import ExactDecimal")
        return f"ExactDecimal({obj.scale})"
    return False


def next_revision_id(script_location: Path | None = None) -> str:
    """Revisions are numbered 0001, 0002 … so the files sort in the order they apply."""
    numbers = [int(rev) for rev in known_revisions(script_location) if rev.isdigit()]
    return f"{max(numbers, default=0) + 1:04d}"


def process_revision_directives(
    context: MigrationContext, _revision: Any, directives: list[MigrationScript]
) -> None:
    """Number new revisions; with ``skip_empty`` set, write nothing when the models match."""
    config = context.config
    if not directives or config is None:
        return
    script = directives[0]
    location = Path(str(config.get_main_option("script_location")))
    script.rev_id = next_revision_id(location)
    upgrade_ops = script.upgrade_ops
    if config.attributes.get("skip_empty") and upgrade_ops is not None and upgrade_ops.is_empty():
        directives[:] = []
        print("No changes between the models and the migrations; no revision written.")
