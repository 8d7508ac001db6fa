"""Screens as data (DESIGN.md §2): the arrangement one builder turns into widgets.

A screen places the fields of its record's definition (app/ledger) into a top part, tabs,
sections and grids, like a Tryton view; nothing here says what a field means. No Qt here either,
so tests read a screen's declaration without a display.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select

# A field's meaning is the ledger's (app/ledger/fields.py); a screen arranges its fields.
from app.ledger.fields import Condition, Definition, Field, Grid, Kind, Values, snake
from app.models.base import OptionEnum

__all__ = [
    "LATER_VERSION",
    "Action",
    "Condition",
    "Field",
    "Grid",
    "Handler",
    "Kind",
    "ListColumn",
    "Opens",
    "RowSelect",
    "Screen",
    "Section",
    "Tab",
    "Values",
    "snake",
]

# A list window's query: any number of labelled columns.
RowSelect = Select[*tuple[Any, ...]]


# An action's handler: a callable given the screen widget it runs on (typed, found by reference,
# not by a method name), so a screen's own action needs no subclass.
Handler = Callable[[Any], object]


# What a command that is listed but not built yet says about itself.
LATER_VERSION = "Not available yet: comes with a later version."


@dataclass(frozen=True)
class Action:
    """A screen's own action, shown in its ``menu`` (Actions, Inquiries, …) or on the toolbar
    when ``toolbar``.

    An action the seed lists but this version does not do yet has no handler and says why in
    ``unavailable``: it is shown disabled with that reason, never as a stub that seems to work.
    """

    label: str
    handler: Handler | None = None
    shortcut: str = ""
    toolbar: bool = False
    enabled_when: Condition | None = None
    help: str = ""
    menu: str = "Actions"
    unavailable: str = ""
    # A tab button that opens a menu of these (Add activity: one per activity type) instead of
    # running a handler of its own (tab buttons only: the toolbar and menus run handlers).
    items: tuple[Action, ...] = ()
    # What a tab button's tooltip adds while ``enabled_when`` keeps it disabled ("Save the
    # customer first."); given, the button follows ``enabled_when`` instead of saying so when
    # clicked.
    when_disabled: str = ""

    def __post_init__(self) -> None:
        if self.items:
            if self.handler is not None or self.unavailable:
                raise ValueError(f"action {self.label!r} opens a menu: no handler of its own")
            return
        # Either it works or it says why not: no do-nothing handler, no silent missing one.
        if (self.handler is None) != bool(self.unavailable):
            raise ValueError(
                f"action {self.label!r} needs a handler or a reason it is unavailable, not both"
            )

    @classmethod
    def later(cls, label: str, menu: str = "Actions", reason: str = LATER_VERSION) -> Action:
        """A command listed in its menu, disabled until the version that brings it."""
        return cls(label, menu=menu, unavailable=reason)

    @property
    def available(self) -> bool:
        return not self.unavailable

    @property
    def object_name(self) -> str:
        return "action_" + snake(self.label)

    def tooltip(self, described: str) -> str:
        """The tooltip from what the action does (``help``, else ``described``, the seed's
        words), followed by why it cannot be used yet when it cannot."""
        text = self.help or described
        return f"{text}\n{self.unavailable}".strip() if self.unavailable else text


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


def with_article(noun: str) -> str:
    """``a location``, ``an invoice``."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


@dataclass(frozen=True)
class Opens:
    """A view grid whose rows are records of another screen (a customer's locations are
    CR303010's): the engine opens a row there on a double-click or Enter, and gives the
    screen's actions the rest — ``add`` (that screen on a new record of this one) and ``view``
    (the selected row there).

    ``grid`` is the grid's key; ``screen`` the other screen's ID; ``noun`` a row in the user's
    words (the messages name it). ``owner_key`` is the other screen's field naming this
    record, set on a new row by ``add`` ("" when rows are not added from here); ``also`` gives
    further values of a new row from the screen's service and this record's id (a supplier's
    contact belongs to its account's customer too).
    """

    grid: str
    screen: str
    noun: str
    owner_key: str = ""
    also: Callable[[Any, int], Values] | None = None

    def add(self, screen: Any) -> None:
        """Handler of an Add action: the other screen on a new row of this saved record."""
        screen.add_elsewhere(self)

    def view(self, screen: Any) -> None:
        """Handler of a View action: the selected row on the other screen."""
        screen.view_elsewhere(self)


@dataclass(frozen=True)
class Tab:
    title: str
    sections: tuple[Section, ...] = ()
    grids: tuple[Grid, ...] = ()
    visible_when: Condition | None = None
    help: str = ""
    # Buttons above the tab's grid (the seed's Add location and Set as default above Locations),
    # named ``<tab>_<button>``.
    buttons: tuple[Action, ...] = ()
    # The tab's view grid whose rows open on another screen (Locations on CR303010).
    opens: Opens | None = None

    def __post_init__(self) -> None:
        if self.opens is None:
            return
        grid = next((grid for grid in self.grids if grid.key == self.opens.grid), None)
        # Only a view grid's rows are other records (an edited grid's Enter edits its cell).
        if grid is None or not grid.view:
            raise ValueError(
                f"tab {self.title!r} opens the rows of {self.opens.grid!r}: not a view grid of it"
            )

    @property
    def object_name(self) -> str:
        return "tab_" + snake(self.title)

    @property
    def key(self) -> str:
        return snake(self.title)


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
    # The record's definition, whose on-change rules the screen runs (app/ledger/definitions).
    definition: Definition | None = None
    # An inquiry (Customer details) shows records and saves nothing: its toolbar has no Save,
    # Cancel, Add new, Delete, Copy or Paste, only finding and browsing.
    inquiry: bool = False

    def fields(self) -> list[Field]:
        """Every field of the screen, top part first, in the order they appear."""
        found = list(self.top)
        for tab in self.tabs:
            for section in tab.sections:
                found.extend(section.fields)
        return found

    def grids(self) -> list[Grid]:
        return [grid for tab in self.tabs for grid in tab.grids]

    def opens(self) -> list[Opens]:
        """The view grids whose rows open on other screens."""
        return [tab.opens for tab in self.tabs if tab.opens is not None]

    def field(self, key: str) -> Field:
        for candidate in self.fields():
            if candidate.key == key:
                return candidate
        raise KeyError(key)
