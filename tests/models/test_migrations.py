"""The migrations and the models agree, and a new revision comes out right by autogenerate."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Column, Integer, MetaData, String, Table, inspect

from app.models import Base
from app.models.base import ExactDecimal
from app.models.migrations import (
    ADD_REVISION_HINT,
    SCRIPT_LOCATION,
    alembic_config,
    head_revision,
    known_revisions,
    migration_engine,
    model_changes,
    upgrade_database,
)


def test_models_and_migrations_agree() -> None:
    found = model_changes()
    assert found == [], (
        f"The models changed without a migration. Add one with:\n    {ADD_REVISION_HINT}\n"
        f"Differences: {found}"
    )


def test_model_changes_sees_a_new_column_and_a_changed_type() -> None:
    metadata = MetaData(naming_convention=Base.metadata.naming_convention)
    for table in Base.metadata.tables.values():
        table.to_metadata(metadata)
    metadata.tables["customer"].append_column(Column("extra", String(20)))
    metadata.tables["customer_class"].c.description.type = String(100)
    kinds = [
        change[0] if isinstance(change, tuple) else change[0][0]
        for change in model_changes(metadata)
    ]
    assert "add_column" in kinds and "modify_type" in kinds


def test_history_is_one_numbered_line() -> None:
    revisions = known_revisions()
    assert all(rev.isdigit() and len(rev) == 4 for rev in revisions), revisions
    assert head_revision() == max(revisions)
    for path in (SCRIPT_LOCATION / "versions").glob("[0-9]*.py"):
        assert path.name.split("_", 1)[0] in revisions, f"{path.name} is not a revision"


def test_migrations_render_for_postgresql(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'ledger.sqlite'}"
    upgrade_database(url)
    engine = migration_engine(url)
    try:
        tables = inspect(engine).get_table_names()
    finally:
        engine.dispose()
    output = io.StringIO()
    config = alembic_config(url="postgresql://")
    config.output_buffer = output
    command.upgrade(config, "head", sql=True)
    sql = output.getvalue()
    assert "customer" in tables
    for table in tables:
        assert f"CREATE TABLE {table} (" in sql


@pytest.fixture
def money_metadata() -> MetaData:
    """The models plus a table of money columns, as a later model would add them."""
    metadata = MetaData(naming_convention=Base.metadata.naming_convention)
    for table in Base.metadata.tables.values():
        table.to_metadata(metadata)
    Table(
        "amounts",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("amount", ExactDecimal(4), nullable=False),
        Column("rate", ExactDecimal(6)),
    )
    return metadata


def test_autogenerate_writes_a_numbered_revision_that_imports_the_money_type(
    tmp_path: Path, money_metadata: MetaData
) -> None:
    scripts = tmp_path / "migrations"
    shutil.copytree(SCRIPT_LOCATION, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    url = f"sqlite:///{tmp_path / 'dev.sqlite'}"
    upgrade_database(url, script_location=scripts)

    engine = migration_engine(url)
    try:
        with engine.connect() as connection:
            config = alembic_config(connection=connection, script_location=scripts)
            config.attributes["target_metadata"] = money_metadata
            command.revision(config, message="add amounts", autogenerate=True)
    finally:
        engine.dispose()

    number = f"{int(head_revision()) + 1:04d}"
    written = scripts / "versions" / f"{number}_add_amounts.py"
    source = written.read_text()
    assert "from app.models.base import ExactDecimal" in source
    assert "ExactDecimal(4)" in source and "ExactDecimal(6)" in source
    assert head_revision(scripts) == number

    # The new revision brings a database to exactly the new metadata …
    assert model_changes(money_metadata, script_location=scripts) == []
    # … and gives PostgreSQL exact NUMERIC columns, not the integers SQLite stores.
    output = io.StringIO()
    config = alembic_config(url="postgresql://", script_location=scripts)
    config.output_buffer = output
    command.upgrade(config, "head", sql=True)
    assert "amount NUMERIC(19, 4) NOT NULL" in output.getvalue()
    assert "rate NUMERIC(19, 6)" in output.getvalue()


def test_autogenerate_without_changes_writes_nothing_when_asked(tmp_path: Path) -> None:
    scripts = tmp_path / "migrations"
    shutil.copytree(SCRIPT_LOCATION, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    url = f"sqlite:///{tmp_path / 'dev.sqlite'}"
    upgrade_database(url, script_location=scripts)
    before = sorted(p.name for p in (scripts / "versions").iterdir())
    engine = migration_engine(url)
    try:
        with engine.connect() as connection:
            config = alembic_config(connection=connection, script_location=scripts)
            config.attributes["skip_empty"] = True
            # The schema the migrations make, read back: no changes by construction.
            reflected = MetaData()
            reflected.reflect(connection)
            config.attributes["target_metadata"] = reflected
            command.revision(config, message="nothing", autogenerate=True)
    finally:
        engine.dispose()
    assert sorted(p.name for p in (scripts / "versions").iterdir()) == before


def test_env_is_inert_when_imported_as_a_module() -> None:
    import app.models.migrations.env  # noqa: F401  (tools walking the package must not break)


def test_a_revision_0001_database_keeps_its_customers_when_upgraded(tmp_path: Path) -> None:
    """Upgrading keeps every row and gives new NOT NULL columns the model's default."""
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = migration_engine(url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection=connection), "0001")
        connection.exec_driver_sql(
            "INSERT INTO customer (customer_no, name, status, created_at, modified_at, version) "
            "VALUES ('C001', 'Fjord Fisk AS', 'ACTIVE', '2026-01-01', '2026-01-01', 1)"
        )
    engine.dispose()

    upgrade_database(url)

    engine = migration_engine(url)
    with engine.connect() as connection:
        row = connection.exec_driver_sql(
            "SELECT name, apply_payments_automatically, invoice_address_same_as_main, "
            "credit_limit, credit_verification FROM customer WHERE customer_no = 'C001'"
        ).one()
    engine.dispose()
    assert tuple(row) == ("Fjord Fisk AS", 1, 1, 0, "DISABLED")
