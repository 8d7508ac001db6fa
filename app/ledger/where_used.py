"""Where a record is used: every row that refers to it through a foreign key.

A record in use cannot be deleted; the message says where it is used, so the user knows what
to change first. Derived from the schema itself, so a new reference is covered the day its
foreign key is declared.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, func, inspect, select
from sqlalchemy.orm import Session

from app.models import Base  # every model's table, however few were used yet

# Tables whose name is not the user's word for what they hold.
NOUNS = {
    "ar_document": "ledger document",
    "ar_document_line": "ledger document line",
    "ar_application": "payment application",
    "customer_recipient": "mailing recipient",
}


@dataclass(frozen=True)
class Use:
    table: str
    column: str
    count: int

    @property
    def what(self) -> str:
        noun = NOUNS.get(self.table) or self.table.replace("_", " ")
        return f"{self.count} {noun}" + ("" if self.count == 1 else _plural_suffix(noun))


def _plural_suffix(noun: str) -> str:
    return "es" if noun.endswith(("s", "x", "ch", "sh")) else "s"


def _is_owned(table: Table, referred: Table) -> bool:
    """Child rows deleted with their parent (ON DELETE CASCADE) are part of it, not uses."""
    return any(
        fk.ondelete == "CASCADE" and fk.column.table is referred for fk in table.foreign_keys
    )


def uses_of(session: Session, record: Any) -> list[Use]:
    """The rows referring to ``record``, by table and column, most first."""
    referred: Table = inspect(type(record)).local_table
    key = inspect(record).identity
    if key is None:
        return []
    found: list[Use] = []
    for table in Base.metadata.sorted_tables:
        if _is_owned(table, referred):
            continue
        for fk in table.foreign_keys:
            if fk.column.table is not referred:
                continue
            count = session.scalar(
                select(func.count()).select_from(table).where(fk.parent == key[0])
            )
            if count:
                found.append(Use(table.name, fk.parent.name, int(count)))
    return sorted(found, key=lambda use: -use.count)


def in_use_message(what: str, uses: list[Use]) -> str | None:
    """``Payment terms 30D cannot be deleted: it is used by 3 customers and 1 customer class.``"""
    if not uses:
        return None
    parts = [use.what for use in uses]
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"{what} cannot be deleted: it is used by {listed}."
