"""Bulk inserts for the demo company's largest tables, at the speed of the database driver.

SQLAlchemy prepares the parameters of an executemany row by row (about 20 µs a row); for the
hundreds of thousands of documents of a large demo company, the rows are converted here with
each column type's own bind processor (the same conversion, e.g. money to exact integers on
SQLite) and handed to the driver's executemany in one go. Column defaults (time stamps, version)
are filled as SQLAlchemy would.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.orm import Session


def insert_rows(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """INSERT ``rows`` (all with the same keys) into ``table``."""
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    keys = list(rows[0])
    defaults: dict[str, Any] = {}
    for column in table.columns:
        default = column.default
        if column.key in keys or default is None:
            continue
        if default.is_callable:
            defaults[column.key] = default.arg(None)  # type: ignore[attr-defined]
        elif default.is_scalar:
            defaults[column.key] = default.arg  # type: ignore[attr-defined]
    columns = keys + list(defaults)
    row_keys = set(keys)
    compiled = insert(table).compile(dialect=dialect, column_keys=columns)
    processors = {
        key: table.c[key].type.dialect_impl(dialect).bind_processor(dialect) for key in columns
    }
    names = list(compiled.positiontup or []) if compiled.positional else list(compiled.params)
    # Column by column: one processor over all the rows' values.
    converted: list[list[Any]] = []
    for name in names:
        values = [row[name] for row in rows] if name in row_keys else [defaults[name]] * len(rows)
        process = processors[name]
        if process is not None:
            # Each distinct value once (dates, statuses and zero balances repeat a lot).
            done = {value: process(value) for value in set(values) if value is not None}
            done[None] = None
            values = [done[value] for value in values]
        converted.append(values)
    parameters: list[Any] = list(zip(*converted, strict=True))
    if not compiled.positional:
        parameters = [dict(zip(names, values, strict=True)) for values in parameters]
    connection.exec_driver_sql(compiled.string, parameters)


def insert_rows_ids(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> list[int]:
    """INSERT ``rows`` as insert_rows does; their new ids, in the order of the rows.

    The demo writes alone into its own database in one transaction, so new rows take the ids
    after the highest one, in order (SQLite's rowids; on PostgreSQL the id sequence is first set
    to the highest id, since a sequence does not go back with a rolled-back or replaced demo);
    that is checked, not assumed.
    """
    if not rows:
        return []
    key = table.c.id
    before = session.scalar(select(func.max(key))) or 0
    if session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT setval(pg_get_serial_sequence(:table, 'id'), :value, :called)"),
            {"table": table.name, "value": max(before, 1), "called": before > 0},
        )
    insert_rows(session, table, rows)
    count, low, high = session.execute(
        select(func.count(), func.min(key), func.max(key)).where(key > before)
    ).one()
    if (count, low, high) != (len(rows), before + 1, before + len(rows)):
        raise RuntimeError(f"The new rows of {table.name} did not take consecutive ids.")
    return list(range(before + 1, before + 1 + len(rows)))
