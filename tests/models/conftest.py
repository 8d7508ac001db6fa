"""Helpers for the store's lifecycle tests: file fingerprints and migration folders with extra
revisions (the honest way to have a database that is older than head)."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import textwrap
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.models.migrations import SCRIPT_LOCATION


@dataclass(frozen=True)
class Fingerprint:
    sha256: str
    mtime_ns: int
    size: int


def fingerprint(path: Path) -> Fingerprint:
    data = path.read_bytes()
    return Fingerprint(hashlib.sha256(data).hexdigest(), path.stat().st_mtime_ns, len(data))


def sqlite_rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    """Rows from a read-only look at a database file."""
    with closing(sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)) as connection:
        return connection.execute(sql).fetchall()


def sqlite_columns(path: Path, table: str) -> list[str]:
    return [str(row[1]) for row in sqlite_rows(path, f"PRAGMA table_info({table})")]


def checkpoint(path: Path) -> None:
    """Fold the WAL into the file, so the file alone holds everything (as after a clean exit)."""
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


MakeScripts = Callable[[dict[str, str]], Path]


@pytest.fixture
def make_scripts(tmp_path: Path) -> MakeScripts:
    """A copy of the app's migrations plus the given revisions (file name → upgrade() body)."""
    counter = iter(range(1, 1000))

    def make(revisions: dict[str, str]) -> Path:
        target = tmp_path / f"migrations-{next(counter)}"
        shutil.copytree(SCRIPT_LOCATION, target, ignore=shutil.ignore_patterns("__pycache__"))
        previous = max(p.name.split("_", 1)[0] for p in (target / "versions").glob("[0-9]*.py"))
        for name, body in revisions.items():
            revision = name.split("_", 1)[0]
            source = (
                "import sqlalchemy as sa\n"
                "from alembic import op\n\n"
                f"revision = {revision!r}\n"
                f"down_revision = {previous!r}\n"
                "branch_labels = None\n"
                "depends_on = None\n\n\n"
                "def upgrade() -> None:\n"
                + textwrap.indent(textwrap.dedent(body).strip() or "pass", "    ")
                + "\n\n\ndef downgrade() -> None:\n    pass\n"
            )
            (target / "versions" / f"{name}.py").write_text(source)
            previous = revision
        return target

    return make
