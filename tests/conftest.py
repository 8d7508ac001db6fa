"""Shared fixtures: Qt runs offscreen; every test gets its own database file."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests (and the app processes they start) keep their data, settings and logs out of the
# user's own folders (platformdirs reads these on Linux).
os.environ["CUSTOMER_LEDGER_TEST_HOME"] = tempfile.mkdtemp(prefix="customer-ledger-tests-")
os.environ["XDG_DATA_HOME"] = os.environ["CUSTOMER_LEDGER_TEST_HOME"] + "/data"
os.environ["XDG_STATE_HOME"] = os.environ["CUSTOMER_LEDGER_TEST_HOME"] + "/state"
os.environ["XDG_CONFIG_HOME"] = os.environ["CUSTOMER_LEDGER_TEST_HOME"] + "/config"

import pytest

from app.ledger import workstation
from app.models.database import Store
from app.models.migrations import ADD_REVISION_HINT, model_changes
from app.models.startup import open_store

# tests/windows/test_errors.py runs a suite of one test to prove the guards below.
pytest_plugins = ("pytester",)

NO_CAPTURE = "qt_no_exception_capture"


def pytest_configure(config: pytest.Config) -> None:
    # DESIGN §8: an exception escaping a slot fails the test. pytest-qt captures it around
    # every test unless told not to; the suite never tells it so.
    if config.getini(NO_CAPTURE):
        raise pytest.UsageError(f"{NO_CAPTURE} is set: errors in Qt slots would pass unseen")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.get_closest_marker(NO_CAPTURE):
            raise pytest.UsageError(
                f"{item.nodeid} is marked {NO_CAPTURE}: errors in its Qt slots would pass unseen"
            )


@pytest.fixture(autouse=True)
def _workstation_branch_reset() -> Iterator[None]:
    """The workstation's branch is the process's choice: each test starts without one."""
    workstation.choose_branch(None)
    yield
    workstation.choose_branch(None)


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One database made the way start-up makes it, copied for each test (migrating per test
    would cost more than most tests). Models without their migration fail here, with the fix."""
    changes = model_changes()
    if changes:
        pytest.fail(
            f"The models differ from the migrations: {changes[:3]} … Add a revision: "
            f"{ADD_REVISION_HINT}",
            pytrace=False,
        )
    folder = tmp_path_factory.mktemp("template")
    template = folder / "ledger.sqlite"
    open_store(f"sqlite:///{template}", backup_dir=folder / "backups").close()
    return template


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'ledger.sqlite'}"


@pytest.fixture
def store(database_url: str, tmp_path: Path, migrated_template: Path) -> Iterator[Store]:
    """A fresh, empty ledger database on a temporary file, opened the way start-up opens it."""
    shutil.copyfile(migrated_template, tmp_path / "ledger.sqlite")
    store = open_store(database_url, backup_dir=tmp_path / "backups")
    yield store
    store.dispose()
