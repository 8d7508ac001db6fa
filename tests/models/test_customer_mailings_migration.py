"""Migration 0011: existing customers get copies of their class's mailings with the recipients
(To unless Bcc), not Overridden, so statements sent by e-mail go where they went before; a
customer without a class gets none."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command

from app.models.migrations import alembic_config, migration_engine

INSERTS = """
INSERT INTO class_mailing (id, customer_class_id, mailing_id, format, active)
VALUES (1, 1, 'STATEMENT', 'PDF', 1), (2, 1, 'INVOICE', 'HTML', 0);
INSERT INTO class_recipient (id, class_mailing_id, contact_type, format, active, bcc)
VALUES (1, 1, 'INVOICING', 'PDF', 1, 0), (2, 1, 'PRIMARY', 'EXCEL', 1, 1),
       (3, 2, 'SHIPPING', 'HTML', 0, 0);
INSERT INTO customer (id, customer_no, name, status, customer_class_id, created_at, modified_at,
    version)
VALUES (1, '10001', 'Of the class', 'ACTIVE', 1, '2026-01-01', '2026-01-01', 1),
       (2, '10002', 'Without a class', 'ACTIVE', NULL, '2026-01-01', '2026-01-01', 1);
"""


def _insert_class(connection: sa.Connection) -> None:
    """Class 1, MAILED, with every column a value (whatever columns 0010 has)."""
    values: dict[str, object] = {"id": 1, "class_id": "MAILED", "description": "Mailed"}
    for column in connection.execute(sa.text("PRAGMA table_info(customer_class)")).all():
        if column.name in values or not column.notnull:
            continue
        kind = column.type.upper()
        values[column.name] = (
            "2026-01-01"
            if "DATE" in kind
            else 1
            if column.name == "version"
            else "X"
            if "CHAR" in kind
            else 0
        )
    names = ", ".join(values)
    marks = ", ".join(f":{name}" for name in values)
    connection.execute(sa.text(f"INSERT INTO customer_class ({names}) VALUES ({marks})"), values)


def test_existing_customers_get_their_classs_mailings(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'ledger.sqlite'}"
    engine = migration_engine(url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection=connection), "0010")
        _insert_class(connection)
        for statement in INSERTS.strip().split(";"):
            if statement.strip():
                connection.execute(sa.text(statement))
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection=connection), "0011")
    with engine.connect() as connection:
        mailings = connection.execute(
            sa.text(
                "SELECT id, customer_id, mailing_id, format, active, overridden "
                "FROM customer_mailing ORDER BY id"
            )
        ).all()
        recipients = connection.execute(
            sa.text(
                'SELECT customer_mailing_id, contact_type, format, active, "to", bcc '
                "FROM customer_recipient ORDER BY id"
            )
        ).all()
    engine.dispose()
    assert [
        (m.customer_id, m.mailing_id, m.format, bool(m.active), bool(m.overridden))
        for m in mailings
    ] == [
        (1, "STATEMENT", "PDF", True, False),
        (1, "INVOICE", "HTML", False, False),
    ]
    statement, invoice = (m.id for m in mailings)
    assert [
        (r.customer_mailing_id, r.contact_type, r.format, bool(r.active), bool(r.to), bool(r.bcc))
        for r in recipients
    ] == [
        (statement, "INVOICING", "PDF", True, True, False),
        (statement, "PRIMARY", "EXCEL", True, False, True),
        (invoice, "SHIPPING", "HTML", False, True, False),
    ]
