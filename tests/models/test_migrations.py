"""The migrations and the models agree, and a new revision comes out right by autogenerate."""

from __future__ import annotations

import io
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Column, Index, Integer, MetaData, String, Table, func, inspect

from app.models import Base
from app.models.base import ExactDecimal
from app.models.lock import lock_path
from app.models.migrations import (
    ADD_REVISION_HINT,
    SCRIPT_LOCATION,
    UpgradeRefusedError,
    alembic_config,
    expression_indexes_unreflected,
    head_revision,
    known_revisions,
    migration_engine,
    model_changes,
    upgrade_database,
)
from app.models.startup import DatabaseRefusedError, RefusalReason, _open_server, open_store
from tests.models.conftest import checkpoint, fingerprint, sqlite_rows


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
            # The schema the migrations make, read back: no changes by construction (SQLite
            # cannot read back the lower(code) indexes; autogenerate does not compare them).
            reflected = MetaData()
            with expression_indexes_unreflected():
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


# --- 0003: codes unique regardless of case ------------------------------------------------------

STAMP = "'2026-01-01', '2026-01-01', 1"  # created_at, modified_at, version
CLASHING_ROWS = (
    f"INSERT INTO customer (id, customer_no, name, status, created_at, modified_at, version) "
    f"VALUES (1, 'ABC1', 'Fjord Fisk AS', 'ACTIVE', {STAMP}), "
    f"(2, 'abc1', 'Fjord Fisk igjen', 'ACTIVE', {STAMP}), "
    f"(3, 'C002', 'Vestland Bygg AS', 'ACTIVE', {STAMP})",
    # MAIN and main of one customer clash; main of another customer does not.
    f"INSERT INTO location (customer_id, location_id, active, is_default, created_at, "
    f"modified_at, version) VALUES (3, 'MAIN', 1, 1, {STAMP}), (3, 'main', 1, 0, {STAMP}), "
    f"(1, 'main', 1, 1, {STAMP})",
    f"INSERT INTO payment_terms (terms_id, description, due_date_type, due_days, "
    f"discount_days, cash_discount_percent, created_at, modified_at, version) "
    f"VALUES ('30D', '30 days', 'FIXED_NUMBER_OF_DAYS', 30, 0, 0, {STAMP}), "
    f"('30d', '30 days again', 'FIXED_NUMBER_OF_DAYS', 30, 0, 0, {STAMP})",
    f"INSERT INTO vat_zone (vat_zone_id, description, created_at, modified_at, version) "
    f"VALUES ('EU', 'European Union', {STAMP}), ('DOMESTIC', 'Domestic', {STAMP})",
)
CLASHES = (
    "  customer.customer_no: ABC1, abc1\n",
    "  location.location_id of customer C002: MAIN, main\n",
    "  payment_terms.terms_id: 30D, 30d\n",
)


def a_revision_0002_database(path: Path, *statements: str) -> str:
    """A database as the previous version left it, holding the rows ``statements`` insert."""
    url = f"sqlite:///{path}"
    engine = migration_engine(url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection=connection), "0002")
        for statement in statements:
            connection.exec_driver_sql(statement)
    engine.dispose()
    checkpoint(path)
    return url


def test_a_revision_0002_database_with_codes_clashing_by_case_is_refused_untouched(
    tmp_path: Path,
) -> None:
    db = tmp_path / "old.db"
    url = a_revision_0002_database(db, *CLASHING_ROWS)
    before = fingerprint(db)
    backups = tmp_path / "backups"

    with pytest.raises(DatabaseRefusedError) as refused:
        open_store(url, backup_dir=backups)

    assert refused.value.reason is RefusalReason.DATA_IN_THE_WAY
    message = str(refused.value)
    for clash in CLASHES:
        assert clash in message + "\n", message
    assert "vat_zone" not in message and "C002: main" not in message
    assert "Change ID" in message and "The database was not changed." in message
    assert fingerprint(db).sha256 == before.sha256
    assert fingerprint(db) == before
    assert not backups.exists(), "nothing to restore: no backup taken"
    assert not lock_path(db).exists()
    assert sqlite_rows(db, "SELECT version_num FROM alembic_version") == [("0002",)]


def test_the_server_path_refuses_clashing_codes_too(tmp_path: Path) -> None:
    """PostgreSQL's steps (no file checks, lock or backup), run on a SQLite file."""
    db = tmp_path / "server.db"
    url = a_revision_0002_database(db, *CLASHING_ROWS)
    with pytest.raises(DatabaseRefusedError) as refused:
        _open_server(url, None)
    assert refused.value.reason is RefusalReason.DATA_IN_THE_WAY
    assert CLASHES[0] in str(refused.value)
    assert sqlite_rows(db, "SELECT version_num FROM alembic_version") == [("0002",)]


def test_the_revision_itself_refuses_clashing_codes_and_changes_nothing(tmp_path: Path) -> None:
    """Run another way than start-up (the migrations' command line), 0003 refuses too."""
    db = tmp_path / "old.db"
    url = a_revision_0002_database(db, *CLASHING_ROWS)
    before = fingerprint(db)
    with pytest.raises(UpgradeRefusedError) as refused:
        upgrade_database(url)
    for clash in CLASHES:
        assert clash in str(refused.value) + "\n"
    checkpoint(db)
    assert fingerprint(db).sha256 == before.sha256
    assert sqlite_rows(db, "SELECT version_num FROM alembic_version") == [("0002",)]


def test_the_refusal_lists_twenty_clashes_and_counts_the_rest(tmp_path: Path) -> None:
    rows = ", ".join(f"('K{n}', 'ACTIVE', {STAMP}), ('k{n}', 'ACTIVE', {STAMP})" for n in range(25))
    url = a_revision_0002_database(
        tmp_path / "old.db",
        "INSERT INTO customer (customer_no, status, created_at, modified_at, version) "
        f"VALUES {rows}",
    )
    with pytest.raises(UpgradeRefusedError) as refused:
        upgrade_database(url)
    assert str(refused.value).count("customer.customer_no: ") == 20
    assert "… and 5 more" in str(refused.value)


def test_a_revision_0002_database_without_clashes_gets_the_indexes(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    url = a_revision_0002_database(db, *CLASHING_ROWS[:2])  # no clash left after the fix below
    with closing(sqlite3.connect(db)) as connection:
        connection.execute("UPDATE customer SET customer_no = 'abc2' WHERE id = 2")
        connection.execute("UPDATE location SET location_id = 'SOUTH' WHERE location_id = 'main'")
        connection.commit()

    open_store(url, backup_dir=tmp_path / "backups").close()

    assert sqlite_rows(db, "SELECT version_num FROM alembic_version") == [(head_revision(),)]
    with closing(sqlite3.connect(db)) as connection:
        for refused in (
            f"INSERT INTO customer (customer_no, status, created_at, modified_at, version) "
            f"VALUES ('Abc2', 'ACTIVE', {STAMP})",
            f"INSERT INTO location (customer_id, location_id, active, is_default, created_at, "
            f"modified_at, version) VALUES (3, 'South', 1, 0, {STAMP})",
        ):
            with pytest.raises(sqlite3.IntegrityError, match="UNIQUE constraint failed"):
                connection.execute(refused)
        # Within another customer the same location ID is fine.
        connection.execute(
            "INSERT INTO location (customer_id, location_id, active, is_default, created_at, "
            f"modified_at, version) VALUES (2, 'South', 1, 0, {STAMP})"
        )


def test_model_changes_sees_a_lower_code_index_missing_extra_or_different() -> None:
    """Autogenerate cannot compare indexes on lower(code) on SQLite; model_changes does."""
    metadata = MetaData(naming_convention=Base.metadata.naming_convention)
    for table in Base.metadata.tables.values():
        table.to_metadata(metadata)
    customer, location = metadata.tables["customer"], metadata.tables["location"]
    # The models lose the customer number's index, make the location ID's another way and
    # declare one on the class description that no migration makes.
    for table in (customer, location):
        table.indexes -= {index for index in table.indexes if str(index.name).startswith("uq_")}
    Index("uq_location_lower_location_id", func.lower(location.c.location_id), unique=True)
    Index(
        "uq_customer_class_lower_description",
        func.lower(metadata.tables["customer_class"].c.description),
        unique=True,
    )
    changes = model_changes(metadata)
    assert changes == [
        ("add_index", "customer_class", "uq_customer_class_lower_description"),
        (
            "modify_index",
            "location",
            "uq_location_lower_location_id",
            "create unique index uq_location_lower_location_id on location "
            "(customer_id, lower(location_id))",
            "create unique index uq_location_lower_location_id on location (lower(location_id))",
        ),
        ("remove_index", "customer", "uq_customer_lower_customer_no"),
    ]


def test_every_unique_code_is_unique_regardless_of_case() -> None:
    """A record's code column (unique on its own, or a location ID per customer) has its
    lower(code) index, so a new reference table cannot forget it."""
    indexed = {
        (table.name, tuple(str(part) for part in index.expressions))
        for table in Base.metadata.tables.values()
        for index in table.indexes
        if index.unique
    }
    codes = [
        (table.name, (f"lower({table.name}.{column.name})",))
        for table in Base.metadata.tables.values()
        for column in table.columns
        if column.unique and isinstance(column.type, String)
    ]
    # 34, the supplier number and supplier class ID (issue 15), the segmented key ID (issue 17)
    assert len(codes) == 37
    for code in [*codes, ("location", ("location.customer_id", "lower(location.location_id)"))]:
        assert code in indexed, code


# --- 0004: the main location marked in the store -------------------------------------------------


def test_a_revision_0003_database_gets_each_customer_s_main_location_marked(
    tmp_path: Path,
) -> None:
    """MAIN (in any case) is the main location; without one, the default; else the first."""
    db = tmp_path / "old.db"
    url = f"sqlite:///{db}"
    engine = migration_engine(url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection=connection), "0003")
        connection.exec_driver_sql(
            "INSERT INTO customer (id, customer_no, name, status, created_at, modified_at, "
            f"version) VALUES (1, 'C001', 'Fjord Fisk AS', 'ACTIVE', {STAMP}), "
            f"(2, 'C002', 'Vestland Bygg AS', 'ACTIVE', {STAMP}), "
            f"(3, 'C003', 'Nordlys AS', 'ACTIVE', {STAMP}), "
            f"(4, 'C004', 'Tom AS', 'ACTIVE', {STAMP})"
        )
        connection.exec_driver_sql(
            "INSERT INTO location (customer_id, location_id, active, is_default, created_at, "
            f"modified_at, version) VALUES (1, 'OSLO', 1, 1, {STAMP}), (1, 'main', 1, 0, {STAMP}), "
            f"(2, 'NORTH', 1, 0, {STAMP}), (2, 'SOUTH', 1, 1, {STAMP}), "
            f"(3, 'FIRST', 1, 0, {STAMP}), (3, 'SECOND', 1, 0, {STAMP})"
        )
    engine.dispose()
    checkpoint(db)

    open_store(url, backup_dir=tmp_path / "backups").close()

    assert sqlite_rows(db, "SELECT version_num FROM alembic_version") == [(head_revision(),)]
    assert sqlite_rows(
        db, "SELECT customer_id, location_id FROM location WHERE is_main ORDER BY customer_id"
    ) == [(1, "main"), (2, "SOUTH"), (3, "FIRST")]
    assert sqlite_rows(db, "SELECT count(*) FROM location") == [(6,)]
    # The index on lower(location_id) survived the table's rebuild.
    with closing(sqlite3.connect(db)) as connection, pytest.raises(sqlite3.IntegrityError):
        connection.execute(
            "INSERT INTO location (customer_id, location_id, active, is_default, is_main, "
            f"created_at, modified_at, version) VALUES (2, 'south', 1, 0, 0, {STAMP})"
        )


def test_quantity_discount_settings_keep_their_meaning_across_revision_0009(
    tmp_path: Path,
) -> None:
    """ "Total item quantity" (stored ITEM_QUANTITY) becomes "Base UOM" (BASE_UOM), and
    "Document line" becomes "Document line UOM"; downgrading gives the old names back."""
    db = tmp_path / "old.db"
    url = f"sqlite:///{db}"
    engine = migration_engine(url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection=connection), "0004")
        columns = [row[1] for row in connection.exec_driver_sql("PRAGMA table_info(preferences)")]
        # Every other NOT NULL column takes its type's zero: only the one column matters here.
        notnull = {
            row[1]: row[2]
            for row in connection.exec_driver_sql("PRAGMA table_info(preferences)")
            if row[3] and row[1] not in {"id", "apply_quantity_discounts_to"}
        }
        assert "apply_quantity_discounts_to" in columns
        values = {
            name: (
                "2026-01-01 00:00:00"
                if "TIME" in kind.upper()
                else ("X" if "CHAR" in kind.upper() else 0)
            )
            for name, kind in notnull.items()
        }
        names = ", ".join(["id", "apply_quantity_discounts_to", *values])
        marks = ", ".join(["?"] * (len(values) + 2))
        connection.exec_driver_sql(
            f"INSERT INTO preferences ({names}) VALUES ({marks})",
            (1, "ITEM_QUANTITY", *values.values()),
        )
        command.upgrade(alembic_config(connection=connection), "0009")
        assert connection.exec_driver_sql(
            "SELECT apply_quantity_discounts_to FROM preferences"
        ).all() == [("BASE_UOM",)]
        command.downgrade(alembic_config(connection=connection), "0004")
        assert connection.exec_driver_sql(
            "SELECT apply_quantity_discounts_to FROM preferences"
        ).all() == [("ITEM_QUANTITY",)]
    engine.dispose()
