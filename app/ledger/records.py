"""Saving, loading and deleting one master record: the rules every record screen shares.

A screen hands in values keyed by field key; this module validates them (required, length,
uniqueness, typed-but-unreadable input), writes them in one transaction and refuses a stale
save instead of overwriting someone else's. Screen-specific rules subclass RecordService.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from decimal import ROUND_DOWN, Decimal
from enum import Enum
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Integer,
    Select,
    SmallInteger,
    String,
    UniqueConstraint,
    and_,
    func,
    inspect,
    or_,
    select,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.ledger.where_used import in_use_message, uses_of
from app.models.base import ExactDecimal, MasterRecord
from app.models.database import Store
from app.money import decimals_of, quantum

if TYPE_CHECKING:
    from app.ledger.fields import Field, Grid
    from app.ledger.lookups import LookupSource

M = TypeVar("M", bound=MasterRecord)  # the record's model
ACTIVE = "active"  # the column of a record's Active box

# The values key under which a loaded record carries the identity and version of each related
# row its fields reach (``default_location`` → (id, version)): what a save checks them against.
PARTS = "parts"
PartStamp = tuple[int | None, int | None]
# The values key under which a save tells the record's rules which grids hold the rows as read
# (so the save leaves them as they are): a rule spanning other records' rows (one default
# salesperson per customer) checks only rows the save writes, never rows read before another
# screen changed them.
UNCHANGED_GRIDS = "unchanged_grids"


@dataclass(frozen=True)
class InvalidInput:
    """What a user typed into a field that could not be read (kept, so nothing typed is lost)."""

    text: str
    reason: str


@dataclass(frozen=True)
class FieldRule:
    """What the ledger needs to know of a field to validate and store it."""

    key: str
    attr: str
    label: str
    required: bool = False
    max_length: int | None = None
    stored: bool = True  # False for computed, read-only fields
    minimum: Decimal | int | None = None
    maximum: Decimal | int | None = None
    validators: tuple[Callable[[Any], str | None], ...] = ()
    # The decimals a number may have (0: a whole number); None for other values.
    places: int | None = None
    # The largest number (either side of zero) the field's column holds: taken from the model,
    # as the length of text is, so a value beyond it is refused before the database sees it.
    capacity: Decimal | int | None = None
    # A lookup narrowed by another field of the record (a document's Location within its
    # Customer): a value outside it is refused, naming the field.
    within: LookupSource | None = None


@dataclass(frozen=True)
class GridRule:
    """A grid of child rows: ``key`` is the record's relationship holding them."""

    key: str
    label: str
    columns: tuple[FieldRule, ...]
    order_by: str = "id"
    # Grids of each row's own children (a mailing's recipients), kept in the row under their key.
    details: tuple[GridRule, ...] = ()
    # Row attributes kept and saved with each row without a column of their own (what a row
    # stands for, like the payment method detail a value is for).
    carried: tuple[str, ...] = ()


@dataclass(frozen=True)
class ScreenRules:
    """Everything the ledger needs of one screen's declaration."""

    fields: tuple[FieldRule, ...]
    grids: tuple[GridRule, ...] = ()


def rule_of(spec: Field) -> FieldRule:
    return FieldRule(
        key=spec.key,
        attr=spec.attribute,
        label=spec.label,
        required=spec.required,
        max_length=spec.max_length,
        stored=spec.stored,
        minimum=spec.minimum,
        maximum=spec.maximum,
        validators=spec.validators,
        places=spec.decimals,
        within=spec.lookup if spec.lookup is not None and spec.lookup.within_key else None,
    )


def rules_of(fields: Iterable[Field], grids: Iterable[Grid]) -> ScreenRules:
    """What the ledger needs of a record's fields and grids, from their one definition; a
    detail grid's rows live inside its master's rows."""
    grids = list(grids)

    def grid_rule(grid: Grid) -> GridRule:
        return GridRule(
            grid.key,
            grid.title,
            tuple(rule_of(column) for column in grid.columns),
            grid.order_by,
            details=tuple(grid_rule(d) for d in grids if d.master == grid.key),
            carried=grid.carried,
        )

    return ScreenRules(
        fields=tuple(rule_of(spec) for spec in fields),
        # A view grid's rows are other records': neither validated nor saved with this one.
        grids=tuple(grid_rule(grid) for grid in grids if not grid.master and not grid.view),
    )


@dataclass(frozen=True)
class FieldError:
    key: str
    label: str
    rule: str

    def __str__(self) -> str:
        return f"{self.label}: {self.rule}"


@dataclass(frozen=True)
class SavedChange:
    """What one save changed of one field or grid: its value before and after (a grid's rows).
    A new record's changes are its values (``old`` None)."""

    key: str
    label: str
    old: Any
    new: Any


class ChangeLog(Protocol):
    """Where a service's saves, deletes and deactivations are logged, in their transaction (a
    customer's locations, contacts and payment methods: the customer's webhook change log,
    app/ledger/webhooks.py ``PartLog``)."""

    def saved(
        self, session: Session, record: Any, changes: list[SavedChange], *, is_new: bool
    ) -> None: ...

    def deleted(self, session: Session, record: Any, removed: list[SavedChange]) -> None: ...


class RecordError(Exception):
    """A save or delete the ledger refused; the message is meant for the user."""


class ValidationError(RecordError):
    def __init__(self, errors: Iterable[FieldError]) -> None:
        self.errors = list(errors)
        super().__init__("\n".join(str(error) for error in self.errors))


class StaleRecordError(RecordError):
    """The record changed (or was deleted) since it was read."""


class InUseError(RecordError):
    """A delete refused because other records refer to this one (the message names them);
    ``can_deactivate`` when the record has an Active box to clear instead."""

    def __init__(self, message: str, *, can_deactivate: bool) -> None:
        super().__init__(message)
        self.can_deactivate = can_deactivate


class Direction(Enum):
    FIRST = "first"
    PREVIOUS = "previous"
    NEXT = "next"
    LAST = "last"


def is_blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class RecordService(Generic[M]):
    """Generic record rules for ``model``; ``key_rules`` identify a record the way a user does
    (Customer no.; Customer + Location ID), in the order records are browsed."""

    noun = "record"
    # Whether a save hands ``saved_changes`` what it changed (a change log reads them).
    logs_changes = False
    # The log the generic hook writes every save, delete and deactivation to (set by a
    # service of records that belong to another's change log); None: only ``saved_changes``.
    change_log: ChangeLog | None = None

    def __init__(
        self,
        store: Store,
        model: type[M],
        rules: ScreenRules,
        key_keys: tuple[str, ...],
    ) -> None:
        self.store = store
        self.model = model
        self.rules = {rule.key: self._with_column(model, rule) for rule in rules.fields}
        self._row_models: dict[str, type[Any]] = {}
        self._all_grids: dict[str, GridRule] = {}
        self.grids = {grid.key: self._prepared(model, grid) for grid in rules.grids}
        self.key_keys = key_keys
        # Every related row a field or grid reaches (``default_location``,
        # ``default_location.address``), outermost first: what a save checks is unchanged.
        attrs = [rule.attr for rule in self.rules.values() if rule.stored] + list(self.grids)
        self._part_paths = sorted(
            {
                ".".join(attr.split(".")[:n])
                for attr in attrs
                for n in range(1, attr.count(".") + 1)
            },
            key=lambda path: (path.count("."), path),
        )

    # -- reading -------------------------------------------------------------------------------

    def new_values(self) -> dict[str, Any]:
        """The values a new record starts with: the model's column defaults."""
        values: dict[str, Any] = {}
        for rule in self.rules.values():
            column = column_of(self.model, rule.attr)
            default = column.default if column is not None else None
            arg = getattr(default, "arg", None)
            values[rule.key] = arg if default is not None and not callable(arg) else None
        for grid in self.grids:
            values[grid] = []
        return values

    def new_row(self, grid_key: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
        """A new grid row: the row model's column defaults. Override for numbering."""
        table = inspect(self._row_models[grid_key]).local_table
        grid = self._all_grids[grid_key]
        row: dict[str, Any] = {}
        for rule in grid.columns:
            column = table.columns.get(rule.attr)
            default = column.default if column is not None else None
            arg = getattr(default, "arg", None)
            row[rule.key] = arg if default is not None and not callable(arg) else None
        for detail in grid.details:
            row[detail.key] = []
        return row

    def load(self, record_id: int) -> dict[str, Any]:
        with self.store.session() as session:
            record = session.get(self.model, record_id)
            if record is None:
                raise StaleRecordError(f"The {self.noun} no longer exists.")
            return self.values_of(session, record)

    def values_of(self, session: Session, record: M) -> dict[str, Any]:
        values = {rule.key: value_at(record, rule.attr) for rule in self.rules.values()}
        for grid in self.grids.values():
            values[grid.key] = _rows_of(record, grid)
        values["id"] = record.id
        values["version"] = record.version
        values[PARTS] = self.parts_of(record)
        return values

    def parts_of(self, record: M) -> dict[str, PartStamp]:
        """The identity and version of every related row the fields reach, as read now."""
        stamps: dict[str, PartStamp] = {}
        for path in self._part_paths:
            row = value_at(record, path)
            stamps[path] = (
                (row.id, getattr(row, "version", None)) if row is not None else (None, None)
            )
        return stamps

    def find(self, key_values: Mapping[str, Any]) -> int | None:
        """The id of the record a user identifies by its key fields, if it exists; a code typed
        in another case finds the stored one (codes are unique regardless of case)."""
        if any(is_blank(key_values.get(key)) for key in self.key_keys):
            return None
        model: Any = self.model
        with self.store.session() as session:
            found: int | None = session.scalar(select(model.id).where(*self._same_key(key_values)))
            return found

    def _same_key(self, key_values: Mapping[str, Any]) -> list[ColumnElement[bool]]:
        """Conditions for the record with these key values: a text key compared by lower(),
        as the database's unique index on lower(code) compares it (and so uses it)."""
        conditions = []
        for key in self.key_keys:
            column = getattr(self.model, self.rules[key].attr)
            value = key_values.get(key)
            if isinstance(value, str):
                conditions.append(func.lower(column) == func.lower(value.strip()))
            else:
                conditions.append(column == value)
        return conditions

    def neighbour(self, direction: Direction, current: Mapping[str, Any] | None) -> int | None:
        """Browse in key order: the first/previous/next/last record from the current one."""
        model: Any = self.model
        columns = [getattr(model, self.rules[key].attr) for key in self.key_keys]
        stmt: Select[Any] = select(model.id)
        backwards = direction in (Direction.LAST, Direction.PREVIOUS)
        relative = direction in (Direction.NEXT, Direction.PREVIOUS)
        if (
            relative
            and current is not None
            and not any(is_blank(current.get(key)) for key in self.key_keys)
        ):
            stmt = stmt.where(_beyond(columns, [current[key] for key in self.key_keys], backwards))
        order = [column.desc() for column in columns] if backwards else columns
        with self.store.session() as session:
            found: int | None = session.scalar(stmt.order_by(*order).limit(1))
            return found

    # -- validating ----------------------------------------------------------------------------

    def validate(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        errors: list[FieldError] = []
        for rule in self.rules.values():
            problem = _problem(rule, values.get(rule.key))
            if problem:
                errors.append(FieldError(rule.key, rule.label, problem))
        for grid in self.grids.values():
            errors.extend(_row_errors(grid, values.get(grid.key) or [], grid.key, ""))
        if not errors:
            errors.extend(self._within_errors(session, values))
            errors.extend(self._unique_key_errors(session, record_id, values))
            errors.extend(self.check(session, record_id, values))
        return errors

    def _within_errors(self, session: Session, values: Mapping[str, Any]) -> list[FieldError]:
        """Values of lookups narrowed by another field, outside what that field allows."""
        from app.ledger.lookups import within_problem  # lookups reads this module

        errors = []
        for rule in self.rules.values():
            source = rule.within
            if source is None or rule.key not in values or source.within_key not in values:
                continue
            problem = within_problem(session, source, values[rule.key], values[source.within_key])
            if problem:
                errors.append(FieldError(rule.key, rule.label, problem))
        return errors

    def check(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        """Rules of one screen, run after the generic ones pass. Override where needed."""
        return []

    # -- writing -------------------------------------------------------------------------------

    def save(
        self,
        record_id: int | None,
        values: Mapping[str, Any],
        version: int | None = None,
        loaded: Mapping[str, Any] | None = None,
    ) -> int:
        """Validate and store ``values`` in one transaction; the id of the saved record.

        ``loaded`` is the record as the screen read it (``load``'s values): then only what
        differs from it is written, and every row written must still be as it was read.
        """
        # Text is stored trimmed, blank as nothing: validate what will be stored.
        values = {key: _stored(value) for key, value in values.items()}
        if record_id is not None and loaded is not None:
            values[UNCHANGED_GRIDS] = frozenset(
                key
                for key in self.grids
                if key in values and _stored_deep(values[key]) == _stored_deep(loaded.get(key))
            )
        try:
            with self.store.transaction() as session:
                errors = self.validate(session, record_id, values)
                if errors:
                    raise ValidationError(errors)
                saved_id: int = self.write(session, record_id, values, version, loaded).id
            return saved_id
        except StaleDataError as exc:
            raise StaleRecordError(f"The {self.noun} was changed by someone else.") from exc
        except IntegrityError as exc:
            if self._refused_key(exc):
                # Another screen saved the same code since this save checked it.
                raise ValidationError([self._key_used(values)]) from exc
            raise RecordError(f"The {self.noun} was not saved: {exc.orig}") from exc

    def write(
        self,
        session: Session,
        record_id: int | None,
        values: Mapping[str, Any],
        version: int | None = None,
        loaded: Mapping[str, Any] | None = None,
    ) -> M:
        """Store validated ``values`` in the caller's transaction: the record and its grids' rows.

        ``save`` calls it; another service calls it to save a record its screen edits too (the
        CID configuration picked on AR101000) in the same transaction as its own record.
        """
        values = {key: _stored(value) for key, value in values.items()}
        if record_id is None:
            record = self.model()
            session.add(record)
        else:
            found = session.get(self.model, record_id)
            if found is None:
                raise StaleRecordError(f"The {self.noun} was deleted by someone else.")
            record = found
            if version is not None and record.version != version:
                raise StaleRecordError(
                    f"The {self.noun} was changed by someone else since you opened it."
                )
        is_new = record_id is None
        written = self._written_keys(values, None if is_new else loaded)
        if not is_new and loaded is not None:
            self._check_unchanged(session, record, written, loaded)
        before = self._before(record, written) if self._logging and not is_new else {}
        self.before_fields(session, record, values, is_new=is_new, written=written)
        for rule in self.rules.values():
            if rule.stored and rule.key in written and self.writes(rule.key, values):
                self._assign(session, record, rule.attr, values[rule.key])
        for grid in self.grids.values():
            if grid.key in written and self.writes(grid.key, values):
                read = None if is_new or loaded is None else loaded.get(grid.key)
                self._save_rows(session, record, grid, values[grid.key], read)
        self.before_save(session, record, values, is_new=is_new)
        session.flush()
        self.after_save(session, record, values, is_new=is_new)
        if self._logging:
            self.saved_changes(
                session, record, self._changes(before, values, written, is_new), is_new=is_new
            )
        return record

    @property
    def _logging(self) -> bool:
        return self.logs_changes or self.change_log is not None

    def _before(self, record: M, written: frozenset[str]) -> dict[str, Any]:
        """The stored values of the fields and grids a save is about to write."""
        before: dict[str, Any] = {}
        for key in written:
            rule = self.rules.get(key)
            if rule is not None and rule.stored:
                before[key] = value_at(record, rule.attr)
            elif key in self.grids:
                before[key] = _rows_of(record, self.grids[key])
        return before

    def _changes(
        self,
        before: Mapping[str, Any],
        values: Mapping[str, Any],
        written: frozenset[str],
        is_new: bool,
    ) -> list[SavedChange]:
        """What the save changed, in the record's field order: a new record's every value,
        else each written value that differs from the one stored before."""
        found: list[SavedChange] = []
        for key, label in [(r.key, r.label) for r in self.rules.values() if r.stored] + [
            (g.key, g.label) for g in self.grids.values()
        ]:
            if key not in written:
                continue
            new, old = values.get(key), before.get(key)
            if is_new and (is_blank(new) or new == []):
                continue
            if not is_new and _stored_deep(old) == _stored_deep(new):
                continue
            found.append(SavedChange(key, label, old, new))
        return found

    def saved_changes(
        self, session: Session, record: M, changes: list[SavedChange], *, is_new: bool
    ) -> None:
        """What a save changed, in its transaction (when ``logs_changes`` or a
        ``change_log``): written to the change log; override to keep them otherwise (the
        customers' own change log)."""
        if self.change_log is not None:
            self.change_log.saved(session, record, changes, is_new=is_new)

    def _removed(self, record: M) -> list[SavedChange]:
        """What a delete removes: every stored value and grid the record holds (``new`` None),
        in the record's field order."""
        found: list[SavedChange] = []
        for rule in self.rules.values():
            value = value_at(record, rule.attr) if rule.stored else None
            if not is_blank(value):
                found.append(SavedChange(rule.key, rule.label, value, None))
        for grid in self.grids.values():
            rows = _rows_of(record, grid)
            if rows:
                found.append(SavedChange(grid.key, grid.label, rows, None))
        return found

    def _written_keys(
        self, values: Mapping[str, Any], loaded: Mapping[str, Any] | None
    ) -> frozenset[str]:
        """The fields and grids a save writes: all of a new record's, else those the user
        changed (a save never rewrites what it did not change)."""
        keys = [key for key in values if key in self.rules or key in self.grids]
        if loaded is None:
            return frozenset(keys)
        return frozenset(
            key for key in keys if _stored_deep(values[key]) != _stored_deep(loaded.get(key))
        )

    # -- stale parts ---------------------------------------------------------------------------

    def _check_unchanged(
        self, session: Session, record: M, written: frozenset[str], loaded: Mapping[str, Any]
    ) -> None:
        """Refuse the save when a row it writes is no longer as the screen read it: another
        related row now (another default location), a newer version, or another value."""
        stamps: Mapping[str, PartStamp] = loaded.get(PARTS) or {}
        paths = [self.rules[key].attr if key in self.rules else key for key in written]
        for path in self._part_paths:
            if not any(attr.startswith(path + ".") for attr in paths) or path not in stamps:
                continue
            read_id, read_version = stamps[path]
            row = value_at(record, path)
            if (row.id if row is not None else None) != read_id:
                raise StaleRecordError(self.part_changed(path, row, replaced=True))
            if row is not None and read_version is not None and row.version != read_version:
                raise StaleRecordError(self.part_changed(path, row, replaced=False))
        for key in written:
            rule = self.rules.get(key)
            if rule is not None and rule.stored and "." in rule.attr:
                owner_path = rule.attr.rsplit(".", 1)[0]
                if stamps.get(owner_path, (None, None))[1] is not None:
                    continue  # a versioned row: its version was checked above
                now = value_at(record, rule.attr)
                if _stored(now) != _stored_deep(loaded.get(key)):
                    raise StaleRecordError(
                        f"{rule.label} was changed elsewhere since you opened this {self.noun} "
                        f"(it is now {_shown(now)}); nothing was saved."
                    )
            elif key in self.grids:
                self._check_rows(record, self.grids[key], loaded.get(key) or [])

    def _check_rows(self, owner: Any, grid: GridRule, read: list[dict[str, Any]]) -> None:
        """A grid's rows in the store must be the ones read, with the values read, for the rows
        the user changed."""
        current = {child.id: child for child in value_at(owner, grid.key) or []}
        read_by_id = {row["id"]: row for row in read if row.get("id") is not None}
        if set(current) != set(read_by_id):
            raise StaleRecordError(
                f"{grid.label}: rows were added or removed elsewhere since you opened this "
                f"{self.noun}; nothing was saved."
            )
        for row_id, row in read_by_id.items():
            child = current[row_id]
            for column in grid.columns:
                if column.stored and _stored(getattr(child, column.attr)) != _stored(
                    row.get(column.key)
                ):
                    raise StaleRecordError(
                        f"{grid.label}, {column.label} was changed elsewhere since you opened "
                        f"this {self.noun}; nothing was saved."
                    )
            for detail in grid.details:
                self._check_rows(child, detail, row.get(detail.key) or [])

    def part_changed(self, path: str, row: Any, *, replaced: bool) -> str:
        """The message for a related row changed elsewhere (``replaced``: another row is there
        now). Override to name it the user's way."""
        name = path.replace(".", " ").replace("_", " ")
        return (
            f"The {name} of this {self.noun} was changed elsewhere since you opened it; "
            "nothing was saved."
        )

    def before_fields(
        self,
        session: Session,
        record: M,
        values: Mapping[str, Any],
        *,
        is_new: bool,
        written: frozenset[str],
    ) -> None:
        """Arrange the record's parts before the fields in ``written`` are written (share or
        unshare an address). Override where needed."""

    def writes(self, key: str, values: Mapping[str, Any]) -> bool:
        """Whether the field's value is written; False for a field showing a shared part."""
        return True

    def part(self, session: Session, owner: Any, name: str) -> Any:
        """The related record ``owner.name`` a dotted field writes into, made when missing.
        Override for parts that are found another way (the default location)."""
        found = getattr(owner, name)
        if found is None:
            found = inspect(type(owner)).relationships[name].mapper.class_()
            setattr(owner, name, found)
        return found

    def _assign(self, session: Session, record: Any, path: str, value: Any) -> None:
        *parts, last = path.split(".")
        target = record
        for name in parts:
            target = self.part(session, target, name)
        setattr(target, last, value)

    def before_save(
        self, session: Session, record: M, values: Mapping[str, Any], *, is_new: bool
    ) -> None:
        """Derived values to set before the record is written. Override where needed."""

    def after_save(
        self, session: Session, record: M, values: Mapping[str, Any], *, is_new: bool
    ) -> None:
        """Related records to write in the same transaction. Override where needed."""

    def delete(self, record_id: int) -> None:
        what = sentence_case(f"the {self.noun}")
        try:
            with self.store.transaction() as session:
                record = session.get(self.model, record_id)
                if record is None:
                    return
                what = self.describe(record)
                self._refuse_delete(session, record)
                if self.change_log is not None:  # logged in the delete's own transaction
                    self.change_log.deleted(session, record, self._removed(record))
                session.delete(record)
                session.flush()
        except IntegrityError as exc:
            # A reference no count of where it is used sees (a row deleted with this one that
            # others refer to): refused all the same, in words, never the database's error.
            raise RecordError(
                f"{what} cannot be deleted: other records still refer to it."
            ) from exc

    def _refuse_delete(self, session: Session, record: M) -> None:
        """The ledger's own rule (``delete_refusal``) first; then, for every record, the rows
        that still refer to it, named as where_used names them — also where the own rule has
        nothing to say about them (a location used by documents)."""
        reason = self.delete_refusal(session, record)
        in_use = in_use_message(self.describe(record), uses_of(session, record))
        if reason and reason != in_use:  # a rule of its own (the default location)
            raise RecordError(reason)
        if in_use:
            raise InUseError(in_use, can_deactivate=self.can_deactivate(record))

    def can_deactivate(self, record: M) -> bool:
        """Whether the record has an Active box that is ticked: in use, it may retire instead."""
        return self._has_active_box() and bool(getattr(record, ACTIVE))

    def _has_active_box(self) -> bool:
        return ACTIVE in inspect(self.model).local_table.columns

    def deactivate(self, record_id: int, version: int | None) -> None:
        """Clear the record's Active box (instead of deleting it): one transaction, refused when
        the record changed or went since ``version`` was read."""
        try:
            with self.store.transaction() as session:
                record: Any = session.get(self.model, record_id)
                if record is None:
                    raise StaleRecordError(f"The {self.noun} was deleted by someone else.")
                if version is not None and record.version != version:
                    raise StaleRecordError(
                        f"The {self.noun} was changed by someone else since you opened it."
                    )
                if not self._has_active_box():
                    raise RecordError(f"The {self.noun} has no Active box.")
                was_active = bool(record.active)
                record.active = False
                if self._logging and was_active:  # a change like a save's: logged with it
                    rule = self.rules.get(ACTIVE)
                    label = rule.label if rule is not None else "Active"
                    session.flush()
                    self.saved_changes(
                        session, record, [SavedChange(ACTIVE, label, True, False)], is_new=False
                    )
        except StaleDataError as exc:
            raise StaleRecordError(f"The {self.noun} was changed by someone else.") from exc

    def delete_refusal(self, session: Session, record: M) -> str | None:
        """Why ``record`` cannot be deleted (the message names where it is used), or None."""
        return in_use_message(self.describe(record), uses_of(session, record))

    def describe(self, record: M) -> str:
        """How the user names a record: ``Customer class RETAIL``."""
        codes = [str(getattr(record, self.rules[key].attr)) for key in self.key_keys]
        return " ".join([sentence_case(self.noun), *codes])

    # -- helpers -------------------------------------------------------------------------------

    def _prepared(self, owner: type[Any], grid: GridRule) -> GridRule:
        """The grid with its row model found and text lengths taken from that model."""
        row_model: type[Any] = related_model(owner, grid.key)
        self._row_models[grid.key] = row_model
        prepared = replace(
            grid,
            columns=tuple(self._with_column(row_model, c) for c in grid.columns),
            details=tuple(self._prepared(row_model, detail) for detail in grid.details),
        )
        self._all_grids[grid.key] = prepared
        return prepared

    def _save_rows(
        self,
        session: Session,
        owner: Any,
        grid: GridRule,
        rows: list[dict[str, Any]],
        read: list[dict[str, Any]] | None = None,
    ) -> None:
        """Make the owner's child rows what the grid shows: update, add, remove (and the same
        for each row's detail rows). A row as it was ``read`` is left as it is."""
        # Nothing is flushed half-made: deleting a removed row cascades to its detail rows and
        # may load them, and that load's autoflush would delete the row (an orphan by then)
        # before session.delete registers it — the flush then fails on a row already gone.
        with session.no_autoflush:
            self._write_rows(session, owner, grid, rows, read)

    def _write_rows(
        self,
        session: Session,
        owner: Any,
        grid: GridRule,
        rows: list[dict[str, Any]],
        read: list[dict[str, Any]] | None,
    ) -> None:
        *parts, last = grid.key.split(".")
        for name in parts:
            owner = self.part(session, owner, name)
        collection = getattr(owner, last)
        existing = {child.id: child for child in collection}
        read_by_id = {row.get("id"): row for row in read or [] if row.get("id") is not None}
        kept: set[int] = set()
        row_model = self._row_models[grid.key]
        for row in rows:
            child = existing.get(row.get("id")) if row.get("id") is not None else None
            if child is None:
                child = row_model()
                collection.append(child)
            else:
                kept.add(child.id)
                if _stored_deep(read_by_id.get(child.id)) == _stored_deep(row):
                    continue  # unchanged: not rewritten
            for column in grid.columns:
                if column.stored and column.key in row:
                    setattr(child, column.attr, _stored(row[column.key]))
            for attr in grid.carried:
                if attr in row:
                    setattr(child, attr, row[attr])
            for detail in grid.details:
                if detail.key in row:
                    previous = read_by_id.get(child.id, {}).get(detail.key) if read else None
                    self._write_rows(session, child, detail, row[detail.key], previous)
        for child_id, child in existing.items():
            if child_id not in kept:
                collection.remove(child)
                session.delete(child)

    @staticmethod
    def _with_column(model: type[Any], rule: FieldRule) -> FieldRule:
        """The rule with what its column holds: the length of text, the size and decimals of
        a number (the column keeps no more decimals than it can store unrounded)."""
        if not rule.stored:
            return rule
        if rule.max_length is None:
            length = column_length(model, rule.attr)
            rule = replace(rule, max_length=length) if length else rule
        capacity, scale = column_capacity(model, rule.attr)
        if capacity is not None and scale is not None:
            places = scale if rule.places is None else min(rule.places, scale)
            rule = replace(rule, capacity=capacity, places=places)
        return rule

    def _unique_key_errors(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        if not self.key_keys:
            return []
        model: Any = self.model
        code = getattr(model, self.rules[self.key_keys[-1]].attr)
        stmt = select(code).where(*self._same_key(values)).limit(1)
        if record_id is not None:
            stmt = stmt.where(model.id != record_id)
        held = session.scalar(stmt)
        return [] if held is None else [self._key_used(values, held)]

    def _key_used(self, values: Mapping[str, Any], held: Any = None) -> FieldError:
        """The refusal of a key another record has, naming the field (and the code as stored
        when it was typed in another case)."""
        last = self.rules[self.key_keys[-1]]
        typed = values.get(last.key)
        if held is None:  # the database refused it: the stored code is not at hand
            stored = " (codes are unique regardless of case)"
        elif held != typed:
            stored = f", as '{held}' (codes are unique regardless of case)"
        else:
            stored = ""
        return FieldError(
            last.key, last.label, f"'{typed}' is already used by another {self.noun}{stored}."
        )

    def _refused_key(self, error: IntegrityError) -> bool:
        """Whether the database refused the record's code as another record's: the driver's
        message names its unique index or constraint (PostgreSQL), or the index or the column
        (SQLite), never in words for the user."""
        if not self.key_keys:
            return False
        table = inspect(self.model).local_table
        code = column_of(self.model, self.rules[self.key_keys[-1]].attr)
        names = {f"{table.name}.{code.name}"}
        for unique in [*table.indexes, *table.constraints]:
            is_unique = isinstance(unique, UniqueConstraint) or getattr(unique, "unique", False)
            if is_unique and unique.name and any(part is code for part in unique.columns):
                names.add(str(unique.name))
        text = str(error.orig)
        return any(re.search(rf"\b{re.escape(name)}\b", text) for name in names)


def sentence_case(text: str) -> str:
    """``VAT zone`` → ``VAT zone``, ``payment terms`` → ``Payment terms`` (str.capitalize would
    lower the rest)."""
    return text[:1].upper() + text[1:]


def column_length(model: type[Any], attr: str) -> int | None:
    """The length limit of a model's text column: the one place a field's limit is declared."""
    column = column_of(model, attr)
    if column is not None and isinstance(column.type, String):
        return column.type.length
    return None


# The whole numbers an integer column holds on every dialect (PostgreSQL's INTEGER is 32-bit).
_INTEGER_BITS = ((BigInteger, 63), (SmallInteger, 15), (Integer, 31))


def column_capacity(model: type[Any], attr: str) -> tuple[Decimal | int | None, int | None]:
    """The largest number a model's numeric column holds (either side of zero) and the decimals
    it keeps; (None, None) for other columns."""
    column = column_of(model, attr)
    kind = column.type if column is not None else None
    if isinstance(kind, ExactDecimal):
        return kind.limit, kind.scale
    for integer, bits in _INTEGER_BITS:
        if isinstance(kind, integer):
            return 2**bits - 1, 0
    return None, None


def related_model(model: type[Any], path: str) -> type[Any]:
    """The model a relationship path (``default_payment_method.details``) leads to."""
    for name in path.split("."):
        model = inspect(model).relationships[name].mapper.class_
    return model


def column_of(model: type[Any], path: str) -> Any:
    """The table column a field's attribute names; a dotted path (``main_address.city``) goes
    through the model's relationships. None for a computed value."""
    *parts, last = path.split(".")
    for name in parts:
        relationship = inspect(model).relationships.get(name)
        if relationship is None:
            return None
        model = relationship.mapper.class_
    return inspect(model).local_table.columns.get(last)


def value_at(record: Any, path: str) -> Any:
    """A field's value read along its attribute path; None where a part is missing."""
    value = record
    for name in path.split("."):
        if value is None:
            return None
        value = getattr(value, name, None)
    return value


def count_where(session: Session, model: Any, *conditions: Any) -> int:
    return int(session.scalar(select(func.count()).select_from(model).where(*conditions)) or 0)


def _beyond(columns: list[Any], values: list[Any], backwards: bool) -> Any:
    """Row-value comparison (a, b) > (x, y), spelled out so every dialect accepts it."""
    terms = []
    for index, column in enumerate(columns):
        equal_before = [columns[i] == values[i] for i in range(index)]
        step = column < values[index] if backwards else column > values[index]
        terms.append(and_(*equal_before, step))
    return or_(*terms)


def _problem(rule: FieldRule, value: Any) -> str | None:
    """What is wrong with one value of a field, in words for the user; None when it is fine."""
    if not rule.stored:
        return None
    if isinstance(value, InvalidInput):
        return value.reason
    if rule.required and is_blank(value):
        return "a value is required."
    if rule.max_length and isinstance(value, str) and len(value) > rule.max_length:
        return f"at most {rule.max_length} characters (this has {len(value)})."
    if isinstance(value, int | Decimal) and not isinstance(value, bool):
        problem = _number_problem(rule, value)
        if problem:
            return problem
    if not is_blank(value):
        for validator in rule.validators:
            problem = validator(value)
            if problem:
                return problem
    return None


def _number_problem(rule: FieldRule, value: int | Decimal) -> str | None:
    """What is wrong with a number: its bounds, what its column holds, its decimals."""
    if isinstance(value, Decimal) and not value.is_finite():
        return f"'{value}' is not a number."
    if rule.minimum is not None and value < rule.minimum:
        return "cannot be negative." if rule.minimum == 0 else f"at least {rule.minimum}."
    if rule.maximum is not None and value > rule.maximum:
        return f"at most {rule.maximum}."
    if rule.capacity is not None and not -rule.capacity <= value <= rule.capacity:
        # Shown at the field's places, rounded towards zero, so the bound itself is accepted.
        places = rule.places or 0
        bound = Decimal(rule.capacity).quantize(quantum(places), rounding=ROUND_DOWN)
        what = "amount" if places else "number"
        largest = f"{bound:,.{places}f}".replace(",", " ")
        return (
            f"at least -{largest} (the largest {what} the ledger stores)."
            if value < 0
            else f"at most {largest} (the largest {what} the ledger stores)."
        )
    if rule.places is not None and decimals_of(value) > rule.places:
        if rule.places == 0:
            return f"a whole number, without decimals (not {value})."
        return f"at most {rule.places} decimals (this has {decimals_of(value)})."
    return None


def _rows_of(owner: Any, grid: GridRule) -> list[dict[str, Any]]:
    """A grid's rows as the screen holds them, detail rows inside their row."""
    children = sorted(
        value_at(owner, grid.key) or [], key=lambda child: _sort_key(getattr(child, grid.order_by))
    )
    rows = []
    for child in children:
        row = {"id": child.id} | {c.key: getattr(child, c.attr) for c in grid.columns}
        row |= {attr: getattr(child, attr) for attr in grid.carried}
        for detail in grid.details:
            row[detail.key] = _rows_of(child, detail)
        rows.append(row)
    return rows


def _row_errors(
    grid: GridRule, rows: list[dict[str, Any]], key: str, within: str
) -> list[FieldError]:
    """Every problem in a grid's rows: ``Mailings, row 2, Recipients, row 1, Contact ID: …``."""
    errors: list[FieldError] = []
    for number, row in enumerate(rows, start=1):
        where = f"{within}{grid.label}, row {number}"
        for column in grid.columns:
            problem = _problem(column, row.get(column.key))
            if problem:
                errors.append(FieldError(key, f"{where}, {column.label}", problem))
        for detail in grid.details:
            errors.extend(_row_errors(detail, row.get(detail.key) or [], key, f"{where}, "))
    return errors


def _sort_key(value: Any) -> tuple[bool, Any]:
    return (value is None, value)


def _stored_deep(value: Any) -> Any:
    """``_stored`` through grid rows too, so loaded rows compare with rows about to be saved."""
    if isinstance(value, list):
        return [_stored_deep(item) for item in value]
    if isinstance(value, dict):
        return {key: _stored_deep(item) for key, item in value.items()}
    return _stored(value)


def _shown(value: Any) -> str:
    return "empty" if is_blank(value) else f"'{value}'"


def _stored(value: Any) -> Any:
    if isinstance(value, str):
        stripped = value.strip()
        return stripped or None
    return value
