"""Shared fixtures: Qt runs offscreen; every test gets its own database file."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from app.models import Base
from app.models.database import Store


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'ledger.sqlite'}"


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    """A fresh, empty ledger database on a temporary file."""
    store = Store.from_url(database_url)
    Base.metadata.create_all(store.engine)
    yield store
    store.dispose()
