"""Fixtures of the ledger's document tests."""

from __future__ import annotations

import pytest

from app.ledger.documents.entry import DocumentService
from app.models.database import Store
from tests.ledger.documents import TODAY, set_up


@pytest.fixture
def service(store: Store) -> DocumentService:
    """The documents' service of a company set up (documents released at once), on TODAY.
    A test module with another service of its own declares its own ``service``."""
    set_up(store)
    return DocumentService(store, today=lambda: TODAY)
