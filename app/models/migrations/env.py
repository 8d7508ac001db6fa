"""Alembic's environment: migrates the connection start-up hands in, or the configured URL.

Alembic runs this file as a script; importing it as a module (a tool walking the package) does
nothing. To add a revision: ``python -m app.models.migrations revision --autogenerate -m "…"``.
"""

from __future__ import annotations

from typing import Any

from alembic import context
from sqlalchemy import Connection

from app.models import Base
from app.models.migrations import (
    MigrationError,
    expression_indexes_unreflected,
    migration_engine,
    process_revision_directives,
    render_item,
)


def _options() -> dict[str, Any]:
    return {
        # The models; a test may compare other metadata through config.attributes.
        "target_metadata": context.config.attributes.get("target_metadata", Base.metadata),
        "render_as_batch": True,  # SQLite alters tables by copy-and-rename
        "compare_type": True,
        "render_item": render_item,
        "process_revision_directives": process_revision_directives,
    }


def _url() -> str:
    url = context.get_x_argument(as_dictionary=True).get("url")
    url = url or context.config.get_main_option("sqlalchemy.url")
    if not url:
        raise MigrationError("no database: pass a connection or a URL (-x url=...)")
    return url


def run_offline() -> None:
    """Write the SQL instead of running it (``--sql``)."""
    context.configure(url=_url(), literal_binds=True, **_options())
    with context.begin_transaction():
        context.run_migrations()


def run_on(connection: Connection) -> None:
    context.configure(connection=connection, **_options())
    # Autogenerate cannot compare the lower(code) indexes on SQLite and would warn each time;
    # model_changes compares them (and notices one a batch rebuild lost).
    with context.begin_transaction(), expression_indexes_unreflected():
        context.run_migrations()


def run_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        run_on(connection)
        return
    engine = migration_engine(_url())
    try:
        with engine.begin() as own_connection:
            run_on(own_connection)
    finally:
        engine.dispose()


if __name__ != "app.models.migrations.env":
    if context.is_offline_mode():
        run_offline()
    else:
        run_online()
