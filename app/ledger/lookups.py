"""Lookups: find the record a user means by the code they type, and suggest codes as they type.

Queries are limited and indexed so a lookup over thousands of customers answers instantly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, or_, select

from app.ledger.search import fold
from app.models.database import Store

SUGGESTIONS = 20


@dataclass(frozen=True)
class LookupSource:
    """Where a lookup selects from: the referenced model, the code a user types, its description."""

    model: type[Any]
    code: str
    description: str | None = None
    value: str = "id"
    title: str = ""
    # Extra condition, e.g. active records only (inactive customers are not offered).
    where: Callable[[], ColumnElement[bool]] | None = None
    # What a code not in the list means where it is no mistake (a new record the screen saves,
    # like a new CID configuration): shown instead of "not found", without the error mark.
    new_code: str = ""


@dataclass(frozen=True)
class Choice:
    value: Any
    code: str
    description: str

    @property
    def text(self) -> str:
        return f"{self.code} – {self.description}" if self.description else self.code


def _select(source: LookupSource) -> Select[Any]:
    model: Any = source.model
    description = getattr(model, source.description) if source.description else None
    columns = [getattr(model, source.value), getattr(model, source.code)]
    if description is not None:
        columns.append(description)
    stmt = select(*columns)
    if source.where is not None:
        stmt = stmt.where(source.where())
    return stmt


def _choice(row: Any) -> Choice:
    return Choice(row[0], str(row[1]), str(row[2] or "") if len(row) > 2 else "")


def by_code(store: Store, source: LookupSource, code: str) -> Choice | None:
    """The selectable record whose code is ``code`` (case-insensitive)."""
    column: Any = getattr(source.model, source.code)
    wanted = code.strip()
    if not wanted:
        return None
    with store.session() as session:
        row = session.execute(_select(source).where(column == wanted)).first()
        if row is None:
            row = session.execute(
                _select(source).where(fold(column) == wanted.casefold()).limit(1)
            ).first()
    return _choice(row) if row is not None else None


def by_value(store: Store, source: LookupSource, value: Any) -> Choice | None:
    """The record a stored value refers to; found even if no longer selectable (e.g. inactive)."""
    if value is None:
        return None
    column: Any = getattr(source.model, source.value)
    with store.session() as session:
        plain = _select(LookupSource(source.model, source.code, source.description, source.value))
        row = session.execute(plain.where(column == value)).first()
    return _choice(row) if row is not None else None


def suggest(
    store: Store, source: LookupSource, text: str, limit: int = SUGGESTIONS
) -> list[Choice]:
    """Selectable records whose code starts with, or whose description contains, ``text``."""
    model: Any = source.model
    code: Any = getattr(model, source.code)
    folded = text.strip().casefold()
    conditions: list[ColumnElement[bool]] = [fold(code).startswith(folded, autoescape=True)]
    if source.description:
        description: Any = getattr(model, source.description)
        conditions.append(fold(description).contains(folded, autoescape=True))
    stmt = _select(source).order_by(code).limit(limit)
    if folded:
        stmt = stmt.where(or_(*conditions))
    with store.session() as session:
        return [_choice(row) for row in session.execute(stmt)]
