"""What a record's fields mean, declared once and Qt-free (DESIGN.md §2), like Tryton's fields.

A ``Definition`` holds every attribute a screen, an import, the demo or a test may set on one
record: label (the seed's name), kind, required, length, bounds and decimal places, option list,
lookup source, visible/enabled conditions, validators, and the on-change rules with the values
they depend on. The record's service validates any values against it; screens only arrange its
keys into a top part, tabs, sections and grids (app/windows/framework/spec.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum, auto
from typing import Any

from app.ledger.lookups import LookupSource
from app.ledger.records import ScreenRules, rules_of
from app.models.base import OptionEnum

Values = Mapping[str, Any]
Condition = Callable[[Values], bool]
# A field's own check of a value already read: the problem in words, or None.
Validator = Callable[[Any], str | None]


class Kind(Enum):
    TEXT = auto()
    MEMO = auto()  # several lines of text, no length limit (e-mail bodies, report texts)
    NUMBER = auto()
    DECIMAL = auto()
    MONEY = auto()
    PERCENT = auto()
    DATE = auto()
    DATETIME = auto()  # a date and a time of day, to the minute (an activity's start)
    DURATION = auto()  # whole minutes, shown and typed as h:mm (time spent)
    CHECKBOX = auto()
    OPTION = auto()
    LOOKUP = auto()


NUMERIC_KINDS = frozenset({Kind.NUMBER, Kind.DURATION, Kind.DECIMAL, Kind.MONEY, Kind.PERCENT})


@dataclass(frozen=True)
class Field:
    """One attribute of a record and everything its value must satisfy."""

    key: str
    label: str
    kind: Kind
    attr: str = ""  # model attribute (a dotted path into a related record); the key when empty
    required: bool = False
    max_length: int | None = None  # taken from the model column when not given
    options: type[OptionEnum] | None = None
    # The options a user may pick, when not all of ``options`` (a class's recipients offer four
    # of the six contact types); the ledger refuses the others.
    offered: tuple[OptionEnum, ...] = ()
    lookup: LookupSource | None = None
    # A grid column whose lookup depends on its row (a recipient's Contact ID: an employee, or a
    # contact of this customer): given the row's values, its source; ``lookup`` otherwise.
    lookup_by: Callable[[Values], LookupSource | None] | None = None
    visible_when: Condition | None = None
    enabled_when: Condition | None = None
    help: str = ""  # the seed's description, shown as tooltip
    read_only: bool = False  # computed or shown only: never written by a save
    places: int = 2
    # An amount in a currency the record names: the key of its currency field (a lookup of
    # currencies). Shown with the code beside it when that is not the base currency; an amount
    # without one is in the base currency.
    currency: str = ""
    # Bounds of a number: a limit, a number of days, a fee or a percentage is never negative.
    minimum: Decimal | int | None = None
    maximum: Decimal | int | None = None
    validators: tuple[Validator, ...] = ()

    @property
    def attribute(self) -> str:
        return self.attr or self.key

    def lookup_for(self, row: Values) -> LookupSource | None:
        """The lookup of the cell in ``row`` (the field's own, unless it depends on the row)."""
        return self.lookup_by(row) if self.lookup_by is not None else self.lookup

    @property
    def choices(self) -> tuple[OptionEnum, ...]:
        """The options offered, in their order."""
        return self.offered or (tuple(self.options) if self.options is not None else ())

    @property
    def stored(self) -> bool:
        return not self.read_only

    @property
    def decimals(self) -> int | None:
        """The decimals a value may have: ``places`` for an amount, none for a whole number,
        None for a field that holds no number."""
        if self.kind in (Kind.NUMBER, Kind.DURATION):
            return 0
        return self.places if self.kind in NUMERIC_KINDS else None


# An on-change rule: the record's values (the changed field and those it depends on) and the
# record's service (for rules that read the store) → the values it fills in.
ChangeRule = Callable[[Values, Any], Mapping[str, Any] | None]


@dataclass(frozen=True)
class OnChange:
    """What changing ``field`` fills in, reading only ``depends`` (Tryton's
    ``@fields.depends``)."""

    field: str
    depends: tuple[str, ...]
    rule: ChangeRule

    def run(self, values: Values, service: Any) -> Mapping[str, Any] | None:
        seen = {key: values.get(key) for key in (self.field, *self.depends)}
        return self.rule(seen, service)


# An advice's rule: the values as edited and as loaded → a warning in words, or None.
AdviceRule = Callable[[Values, Values], str | None]


@dataclass(frozen=True)
class Advice:
    """A warning shown when one of ``depends`` is changed and ``rule`` finds something the user
    should know — the value is allowed, but the seed advises against it (invoices both printed
    and e-mailed; switching the dunning process back to By customer). The rule is given the
    values as edited and as last loaded or saved."""

    depends: tuple[str, ...]
    rule: AdviceRule

    def run(self, values: Values, loaded: Values) -> str | None:
        return self.rule(values, loaded)


@dataclass(frozen=True)
class Grid:
    """A table of child rows, edited with the record and saved in the same transaction.

    ``key`` is the record's relationship holding the rows; ``order_by`` the column the rows
    are shown in.
    """

    title: str
    key: str
    columns: tuple[Field, ...]
    order_by: str = "id"
    help: str = ""
    # A detail grid shows the rows of the row selected in its master grid (``master`` is the
    # master grid's key), like the Recipients of the selected mailing.
    master: str = ""
    # Row attributes saved with each row without a column (what a row stands for).
    carried: tuple[str, ...] = ()
    # The rows come from elsewhere (a payment method's details): no adding or deleting.
    fixed_rows: bool = False
    # The model whose relationship ``key`` holds the rows, when it is not the record's model:
    # rows of another record the screen edits too (the elements of a picked CID configuration).
    owner: type[Any] | None = None
    # What editing a cell fills in on its row: each rule is given the row's values (the edited
    # column and those it depends on) and the record's service.
    on_change: tuple[OnChange, ...] = ()
    # Rows of other records, only shown (a customer's locations): the record's service reads
    # them with the record and its save never writes them; they are edited on their own screen.
    view: bool = False
    # When the rows may be edited, given the record's values (an active CID configuration's
    # elements are locked); always when None.
    enabled_when: Condition | None = None
    # A check box column only one row may have ticked (the default salesperson): ticking it on
    # one row clears it on the others. The record's service still checks the rows it is given.
    single_mark: str = ""
    # Columns a new row of a detail grid starts with from the selected row of its master grid
    # (a recipient added to a mailing takes the mailing's Format: the seeds' "format used if the
    # recipient has no other preferences").
    from_master: tuple[str, ...] = ()

    @property
    def object_name(self) -> str:
        return "grid_" + snake(self.title)

    def column(self, key: str) -> Field:
        return next(column for column in self.columns if column.key == key)

    def rules_for(self, key: str) -> list[OnChange]:
        return [rule for rule in self.on_change if rule.field == key]


@dataclass(frozen=True)
class Definition:
    """Every field and grid of one record, its on-change rules and its advice."""

    name: str  # the record in the user's words: "customer"
    model: type[Any]
    fields: tuple[Field, ...]
    grids: tuple[Grid, ...] = ()
    on_change: tuple[OnChange, ...] = ()
    advice: tuple[Advice, ...] = ()
    _by_key: dict[str, Field] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for spec in self.fields:
            if spec.key in self._by_key:
                raise ValueError(f"{self.name}: field {spec.key} is defined twice")
            self._by_key[spec.key] = spec

    def field(self, key: str) -> Field:
        return self._by_key[key]

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def pick(self, *keys: str) -> tuple[Field, ...]:
        """The fields a screen section arranges, in the order given."""
        return tuple(self._by_key[key] for key in keys)

    def grid(self, key: str) -> Grid:
        return next(grid for grid in self.grids if grid.key == key)

    def rules_for(self, key: str) -> list[OnChange]:
        return [rule for rule in self.on_change if rule.field == key]

    def rules(self) -> ScreenRules:
        """What the record's service validates and stores: every field and grid."""
        return rules_of(self.fields, self.grids)


def snake(text: str) -> str:
    """Object-name form of a seed's name: ``Statement cycle ID`` → ``statement_cycle_id``."""
    words = re.sub(r"[^0-9a-zA-Z]+", " ", text.replace("%", " percent ")).split()
    return "_".join(words).lower()
