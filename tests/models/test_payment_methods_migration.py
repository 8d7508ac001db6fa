"""Migration 0010: the customer's default payment method, a row of customer_payment_method
already, stays that row with its details; the rows become versioned, and each customer ends with
exactly one default (the oldest of two marked keeps it; one with none marked gets its oldest
active one)."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command

from app.models.migrations import alembic_config, migration_engine

INSERTS = """
INSERT INTO customer (id, customer_no, name, status, created_at, modified_at, version)
VALUES (1, '10001', 'One default', 'ACTIVE', '2026-01-01', '2026-01-01', 1),
       (2, '10002', 'Two marked', 'ACTIVE', '2026-01-01', '2026-01-01', 1),
       (3, '10003', 'None marked', 'ACTIVE', '2026-01-01', '2026-01-01', 1);
INSERT INTO customer_payment_method (id, customer_id, description, active, is_default, override)
VALUES (1, 1, 'Company card', 1, 1, 0),
       (2, 2, 'First', 1, 1, 0), (3, 2, 'Second', 1, 1, 0),
       (4, 3, 'Inactive', 0, 0, 0), (5, 3, 'Active', 1, 0, 0), (6, 3, 'Later', 1, 0, 0);
"""


def test_the_default_payment_method_is_kept_and_one_default_per_customer(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'ledger.sqlite'}"
    engine = migration_engine(url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection=connection), "0009")
        # Fill the columns the rows need, whatever their defaults (status as stored names).
        for statement in INSERTS.strip().split(";"):
            if statement.strip():
                connection.execute(sa.text(statement))
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection=connection), "0010")
    with engine.connect() as connection:
        rows = connection.execute(
            sa.text(
                "SELECT id, customer_id, description, is_default, version, created_at "
                "FROM customer_payment_method ORDER BY id"
            )
        ).all()
        # The database itself keeps one default per customer.
        try:
            connection.execute(
                sa.text(
                    "INSERT INTO customer_payment_method (customer_id, active, is_default, "
                    "override, created_at, modified_at, version) "
                    "VALUES (1, 1, 1, 0, '2026-01-01', '2026-01-01', 1)"
                )
            )
        except sa.exc.IntegrityError:
            refused = True
        else:
            refused = False
    engine.dispose()
    assert refused, "a second default payment method was stored"
    assert [(r.id, r.customer_id, r.description, bool(r.is_default)) for r in rows] == [
        (1, 1, "Company card", True),  # the existing default: the same row, nothing lost
        (2, 2, "First", True),
        (3, 2, "Second", False),
        (4, 3, "Inactive", False),
        (5, 3, "Active", True),
        (6, 3, "Later", False),
    ]
    assert {r.version for r in rows} == {1}
    assert all(r.created_at is not None for r in rows)
