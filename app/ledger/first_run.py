"""Whether a ledger database still needs its first-run setup (app.ledger.setup makes it).

Start-up asks this before the main window shows, so it reads the table with one plain query
instead of through the ORM, whose mapping of every model would cost more than the rest of
start-up. A test holds the names here equal to the model's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import column, select, table

if TYPE_CHECKING:
    from app.models.database import Store

# app.models.preferences: Preferences.__tablename__ and PREFERENCES_ID, its one record.
PREFERENCES_TABLE = "preferences"
PREFERENCES_ID = 1


def first_run_needed(store: Store) -> bool:
    """True while the database has no preferences record: nothing has been set up yet."""
    preferences = table(PREFERENCES_TABLE, column("id"))
    with store.engine.connect() as connection:
        found = connection.execute(
            select(preferences.c.id).where(preferences.c.id == PREFERENCES_ID)
        ).first()
    return found is None
