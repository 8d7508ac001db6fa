"""Migration 0015: an existing database gets the SUBACCOUNT key with one segment as long as its
longest subaccount ID, so the IDs it holds keep their form; one without subaccounts gets the
3 of a new company's "000"."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command

from app.models.migrations import alembic_config, migration_engine


@pytest.mark.parametrize(("codes", "length"), [(("000", "DEPT1"), 5), ((), 3)])
def test_the_subaccount_key_fits_the_subaccounts_there(
    tmp_path: Path, codes: tuple[str, ...], length: int
) -> None:
    url = f"sqlite:///{tmp_path / 'ledger.sqlite'}"
    engine = migration_engine(url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection=connection), "0014")
        for number, code in enumerate(codes, start=1):
            connection.execute(
                sa.text(
                    "INSERT INTO subaccount (id, subaccount_id, description, active, created_at, "
                    "modified_at, version) VALUES (:id, :code, :code, 1, '2026-01-01', "
                    "'2026-01-01', 1)"
                ),
                {"id": number, "code": code},
            )
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection=connection), "0015")
    with engine.connect() as connection:
        rows = connection.execute(
            sa.text(
                "SELECT k.key_id, s.segment_number, s.length FROM segmented_key k "
                "JOIN key_segment s ON s.segmented_key_id = k.id"
            )
        ).all()
    engine.dispose()
    assert [tuple(row) for row in rows] == [("SUBACCOUNT", 1, length)]


def test_the_postgresql_tests_start_from_what_the_migrations_give(tmp_path: Path) -> None:
    """tests/conftest.py restores the migrations' rows after each TRUNCATE: the same rows a
    fresh file gets."""
    from sqlalchemy import text

    from app.models.startup import open_store
    from tests.conftest import GIVEN_BY_MIGRATIONS

    with open_store(f"sqlite:///{tmp_path / 'fresh.sqlite'}", backup_dir=tmp_path) as store:
        with store.engine.connect() as connection:
            fresh = connection.execute(
                text(
                    "SELECT key_id, segment_number, key_segment.description, length "
                    "FROM segmented_key JOIN key_segment "
                    "ON key_segment.segmented_key_id = segmented_key.id"
                )
            ).all()
        with store.engine.begin() as connection:
            connection.execute(text("DELETE FROM key_segment"))
            connection.execute(text("DELETE FROM segmented_key"))
            for statement in GIVEN_BY_MIGRATIONS:
                connection.execute(text(statement))
            restored = connection.execute(
                text(
                    "SELECT key_id, segment_number, key_segment.description, length "
                    "FROM segmented_key JOIN key_segment "
                    "ON key_segment.segmented_key_id = segmented_key.id"
                )
            ).all()
    assert restored == fresh == [("SUBACCOUNT", 1, "Subaccount", 3)]
