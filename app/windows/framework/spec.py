"""Screens as data (DESIGN.md §2): the declarations one builder turns into widgets.

Nothing here imports Qt, so a screen's declaration can be read by tests and the ledger rules.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import Enum, auto
from typing import Any

from sqlalchemy import Select

from app.ledger.lookups import LookupSource
from app.models.base import OptionEnum

Values = Mapping[str, Any]
# A list window's query: any number of labelled columns.
RowSelect = Select[*tuple[Any, ...]]
Condition = Callable[[Values], bool]


def snake(text: str) -> str:
    """Object-name form of a seed's name: ``Statement cycle ID`` → ``statement_cycle_id``."""
    words = re.sub(r"[^0-9a-zA-Z]+", " ", text.replace("%", " percent ")).split()
    return "_".join(words).lower()


class Kind(Enum):
    TEXT = auto()
    MEMO = auto()  # several lines of text, no length limit (e-mail bodies, report texts)
    NUMBER = auto()
    DECIMAL = auto()
    MONEY = auto()
    PERCENT = auto()
    DATE = auto()
    CHECKBOX = auto()
    OPTION = auto()
    LOOKUP = auto()
    READONLY = auto()


@dataclass(frozen=True)
class Field:
    key: str
    label: str
    kind: Kind
    attr: str = ""  # model attribute; the key when empty
    required: bool = False
    max_length: int | None = None  # taken from the model column when not given
    options: type[OptionEnum] | None = None
    lookup: LookupSource | None = None
    visible_when: Condition | None = None
    enabled_when: Condition | None = None
    help: str = ""  # the seed's description, shown as tooltip
    read_only: bool = False
    places: int = 2

    @property
    def attribute(self) -> str:
        return self.attr or self.key


@dataclass(frozen=True)
class Action:
    """A screen's own action, shown in its Actions menu (or on the toolbar when ``toolbar``)."""

    label: str
    handler: str  # method name on the screen widget
    shortcut: str = ""
    toolbar: bool = False
    enabled_when: Condition | None = None
    help: str = ""

    @property
    def object_name(self) -> str:
        return "action_" + snake(self.label)


@dataclass(frozen=True)
class Section:
    title: str
    fields: tuple[Field, ...]
    column: int = 0  # sections flow into two columns on wide tabs
    # Buttons at the foot of the section (View on map under an address).
    buttons: tuple[Action, ...] = ()

    @property
    def key(self) -> str:
        return snake(self.title)


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
    # Row attributes saved with each row without a column (see GridRule.carried).
    carried: tuple[str, ...] = ()
    # The rows come from elsewhere (a payment method's details): no adding or deleting.
    fixed_rows: bool = False
    # The model whose relationship ``key`` holds the rows, when it is not the screen's model:
    # rows of another record the screen edits too (the elements of a picked CID configuration).
    owner: type[Any] | None = None

    @property
    def object_name(self) -> str:
        return "grid_" + snake(self.title)


@dataclass(frozen=True)
class Tab:
    title: str
    sections: tuple[Section, ...] = ()
    grids: tuple[Grid, ...] = ()
    visible_when: Condition | None = None
    help: str = ""

    @property
    def object_name(self) -> str:
        return "tab_" + snake(self.title)


@dataclass(frozen=True)
class ListColumn:
    """A column of a list window: ``key`` names a labelled column of the screen's list query."""

    key: str
    title: str
    kind: Kind = Kind.TEXT
    options: type[OptionEnum] | None = None
    width: int = 120


@dataclass(frozen=True)
class Screen:
    id: str
    title: str
    model: type[Any]
    top: tuple[Field, ...]
    tabs: tuple[Tab, ...] = ()
    actions: tuple[Action, ...] = ()
    list_columns: tuple[ListColumn, ...] = ()
    help: str = ""
    # The list window's query: labelled columns named by list_columns, plus the record ``id``.
    list_query: Callable[[], RowSelect] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def fields(self) -> list[Field]:
        """Every field of the screen, top part first, in the order they appear."""
        found = list(self.top)
        for tab in self.tabs:
            for section in tab.sections:
                found.extend(section.fields)
        return found

    def grids(self) -> list[Grid]:
        return [grid for tab in self.tabs for grid in tab.grids]

    def field(self, key: str) -> Field:
        for candidate in self.fields():
            if candidate.key == key:
                return candidate
        raise KeyError(key)
