"""Lookups: find the record a user means by the code they type, and suggest codes as they type.

Queries are limited and indexed so a lookup over thousands of customers answers instantly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    and_,
    cast,
    literal,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import Session

from app.ledger.records import InvalidInput
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
    # Rows of the record a screen shows only (the locations of this customer): given the shown
    # record's id (None for a new record), the condition they meet. A screen narrows the lookup
    # with ``scoped``; the ledger checks the value against the record all the same.
    within: Callable[[Any], ColumnElement[bool]] | None = None
    # The key of another field of the record whose value ``within`` is given instead of the
    # record's id (a document's Location within the document's Customer). Empty: the id. The
    # record's service refuses a value outside it (records.RecordService.validate).
    within_key: str = ""
    # What tells records with like descriptions apart in the selector (a customer's city, a
    # class's currency): a column title and a (correlated) column expression of the model.
    identify_title: str = ""
    identify: Callable[[], ColumnElement[Any]] | None = None


@dataclass(frozen=True)
class Choice:
    value: Any
    code: str
    description: str
    identity: str = ""  # the source's identifying column, where the selector asked for it

    @property
    def text(self) -> str:
        return f"{self.code} – {self.description}" if self.description else self.code


def scoped(source: LookupSource, record_id: Callable[[], Any]) -> LookupSource:
    """``source`` offering only the rows of the record ``record_id()`` names, as it is when the
    lookup is asked (the record a screen shows changes under its editors). For a source with a
    ``within_key``, ``record_id()`` gives that field's value instead."""
    within, where = source.within, source.where
    if within is None:
        return source

    def condition() -> ColumnElement[bool]:
        owner = record_id()
        # An owner typed but unreadable (a customer not found) offers nothing.
        shown = within(None if isinstance(owner, InvalidInput) else owner)
        return shown if where is None else and_(where(), shown)

    return replace(source, where=condition, within=None)


def within_problem(session: Session, source: LookupSource, value: Any, owner: Any) -> str | None:
    """Why ``value`` is not one of the rows ``source`` offers within ``owner`` (the value of
    its ``within_key`` field), in words for the user; None when it is."""
    if source.within is None or value is None or isinstance(value, InvalidInput):
        return None
    if owner is None or isinstance(owner, InvalidInput):
        return None  # the owning field is required or refused on its own
    column: Any = getattr(source.model, source.value)
    found = session.scalar(select(column).where(column == value, source.within(owner)))
    if found is not None:
        return None
    return f"must be one of the {source.title or 'offered records'}."


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


def _plain(source: LookupSource) -> LookupSource:
    """What identifies a lookup's descriptions: its model and columns (not its condition: a
    stored value is described even if it is no longer selectable)."""
    return LookupSource(source.model, source.code, source.description, source.value)


class Descriptions:
    """The codes and descriptions of the values a loaded record refers to, read in one query
    per load (``load``), so showing a record or painting a grid cell asks the store nothing."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._known: dict[tuple[LookupSource, Any], Choice | None] = {}
        self.queries = 0  # how many times the store was asked (for tests and benchmarks)

    def load(self, wanted: Iterable[tuple[LookupSource, Any]]) -> None:
        """Forget what was known and read every wanted (source, value) in one UNION query."""
        by_source: dict[LookupSource, set[Any]] = {}
        for source, value in wanted:
            if value is not None and not isinstance(value, InvalidInput):
                by_source.setdefault(_plain(source), set()).add(value)
        self._known = {
            (source, value): None for source, values in by_source.items() for value in values
        }
        if not by_source:
            return
        parts = []
        for index, (source, values) in enumerate(by_source.items()):
            model: Any = source.model
            description = getattr(model, source.description) if source.description else None
            parts.append(
                select(
                    literal(index).label("source"),
                    cast(getattr(model, source.value), String).label("value"),
                    cast(getattr(model, source.code), String).label("code"),
                    cast(description if description is not None else literal(""), String).label(
                        "description"
                    ),
                ).where(getattr(model, source.value).in_(values))
            )
        sources = list(by_source)
        with self.store.session() as session:
            rows = session.execute(union_all(*parts)).all()
        self.queries += 1
        found = {(sources[row.source], row.value): row for row in rows}
        for source, value in self._known:
            row = found.get((source, str(value)))
            if row is not None:
                self._known[(source, value)] = Choice(value, row.code, row.description or "")

    def get(self, source: LookupSource, value: Any) -> Choice | None:
        """The value's code and description; read (and kept) when the load did not have it."""
        if value is None:
            return None
        key = (_plain(source), value)
        if key not in self._known:
            self._known[key] = by_value(self.store, source, value)
            self.queries += 1
        return self._known[key]


def selector_rows(store: Store, source: LookupSource, text: str, limit: int = 200) -> list[Choice]:
    """The selector's rows: as ``suggest``, with the source's identifying column."""
    if source.identify is None:
        return suggest(store, source, text, limit)
    model: Any = source.model
    code: Any = getattr(model, source.code)
    identify = source.identify().label("identity")
    folded = text.strip().casefold()
    conditions: list[ColumnElement[bool]] = [fold(code).startswith(folded, autoescape=True)]
    if source.description:
        description: Any = getattr(model, source.description)
        conditions.append(fold(description).contains(folded, autoescape=True))
    stmt = _select(source).add_columns(identify).order_by(code).limit(limit)
    if folded:
        stmt = stmt.where(or_(*conditions))
    with store.session() as session:
        return [
            Choice(
                row[0],
                str(row[1]),
                str(row[2] or "") if source.description else "",
                str(row[-1] or ""),
            )
            for row in session.execute(stmt)
        ]
