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
    workstation.use_branch(workstation.MAIN_BRANCH)
    yield
    workstation.use_branch(workstation.MAIN_BRANCH)


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


# -- PostgreSQL: the ledger's tests once more on a real server (issue 18 item 9) -------------

POSTGRESQL_OPTION = "--postgresql"
POSTGRESQL_ENV = "CUSTOMER_LEDGER_TEST_POSTGRESQL"
# The tests that run on both stores when a server is given: the ledger's rules and services.
ON_BOTH = ("tests/ledger/", "tests/test_money_properties.py")
SQLITE, POSTGRESQL = "sqlite", "postgresql"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        POSTGRESQL_OPTION,
        default=os.environ.get(POSTGRESQL_ENV) or None,
        metavar="URL",
        help="also run the ledger's tests on this PostgreSQL server (a psycopg URL of a role "
        f"that may create databases); default: ${POSTGRESQL_ENV}",
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    server = metafunc.config.getoption(POSTGRESQL_OPTION)
    where = Path(str(metafunc.definition.path)).as_posix()
    if server and "store" in metafunc.fixturenames and any(part in where for part in ON_BOTH):
        metafunc.parametrize("backend", [SQLITE, POSTGRESQL], indirect=True)


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """Which store a test's ``store`` is on: SQLite unless parametrized for both."""
    return str(getattr(request, "param", SQLITE))


@pytest.fixture(scope="session")
def postgresql_database(request: pytest.FixtureRequest) -> Iterator[str]:
    """One database on the server, migrated the way start-up migrates one, emptied before each
    test (TRUNCATE … RESTART IDENTITY: far faster than a database per test); dropped at the end
    of the run."""
    server = request.config.getoption(POSTGRESQL_OPTION)
    assert server, "no PostgreSQL server given"
    name = f"ledger_tests_{os.getpid()}"
    _postgresql_admin(server, f'DROP DATABASE IF EXISTS "{name}"')
    _postgresql_admin(server, f'CREATE DATABASE "{name}"')
    url = _on_database(server, name)
    open_store(url).close()
    yield url
    _postgresql_admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _on_database(server: str, name: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(server).set(database=name).render_as_string(hide_password=False)


def _postgresql_admin(server: str, statement: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as connection:
            connection.execute(text(statement))
    finally:
        engine.dispose()


def _emptied(url: str) -> None:
    from sqlalchemy import create_engine, inspect, text

    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            tables = [
                name for name in inspect(connection).get_table_names() if name != "alembic_version"
            ]
            listed = ", ".join(f'"{name}"' for name in tables)
            connection.execute(text(f"TRUNCATE TABLE {listed} RESTART IDENTITY CASCADE"))
            # What the migrations give every new database, as a SQLite test's fresh file has it.
            for statement in GIVEN_BY_MIGRATIONS:
                connection.execute(text(statement))
    finally:
        engine.dispose()


# The rows the migrations insert (0015: the SUBACCOUNT key, one segment of 3 on an empty
# ledger), restored after each PostgreSQL test's TRUNCATE.
GIVEN_BY_MIGRATIONS = (
    "INSERT INTO segmented_key (key_id, description, created_at, modified_at, version) "
    "VALUES ('SUBACCOUNT', 'Subaccount', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)",
    "INSERT INTO key_segment (segmented_key_id, segment_number, description, length) "
    "SELECT id, 1, 'Subaccount', 3 FROM segmented_key WHERE key_id = 'SUBACCOUNT'",
)


@pytest.fixture
def store(
    backend: str, database_url: str, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[Store]:
    """A fresh, empty ledger database opened the way start-up opens it: a temporary SQLite file,
    or (``backend`` postgresql) a database of its own on the server given."""
    if backend == POSTGRESQL:
        url = request.getfixturevalue("postgresql_database")
        _emptied(url)
        store = open_store(url)
        yield store
        store.dispose()
        return
    shutil.copyfile(request.getfixturevalue("migrated_template"), tmp_path / "ledger.sqlite")
    store = open_store(database_url, backup_dir=tmp_path / "backups")
    yield store
    store.dispose()
