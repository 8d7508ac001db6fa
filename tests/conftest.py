"""Shared fixtures: Qt runs offscreen; every test gets its own database file."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from app.models.database import Store
from app.models.startup import open_store


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'ledger.sqlite'}"


@pytest.fixture
def store(database_url: str, tmp_path: Path) -> Iterator[Store]:
    """A fresh, empty ledger database on a temporary file, made the way start-up makes it."""
    store = open_store(database_url, backup_dir=tmp_path / "backups")
    yield store
    store.dispose()
