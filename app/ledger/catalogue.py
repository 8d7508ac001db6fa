"""The seeds' catalogue of every element of the four screens (``catalogue.json``, a copy of
``shared/screens.json``): help texts come from here, so no description is typed twice.

Qt-free, in the ledger: a record's definition takes its fields' help from the seed's words.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def _windows() -> dict[str, Any]:
    text = resources.files("app.ledger").joinpath("catalogue.json").read_text("utf-8")
    return {window["id"]: window for window in json.loads(text)["windows"]}


def window(screen_id: str) -> dict[str, Any]:
    found: dict[str, Any] = _windows()[screen_id]
    return found


def elements(screen_id: str) -> list[tuple[str, str, dict[str, Any]]]:
    """Every (tab title, section title, element) of a screen; the top part has tab ``""``."""
    return list(_elements(screen_id))


@cache
def _elements(screen_id: str) -> tuple[tuple[str, str, dict[str, Any]], ...]:
    # Listed once per screen: building a screen asks for every field's help.
    found: dict[str, Any] = _windows().get(screen_id, {})
    listed = [("", "", element) for element in found.get("top", [])]
    for tab in found.get("tabs", []):
        for section in tab.get("sections", []):
            listed.extend((tab["title"], section["title"], e) for e in section["elements"])
    return tuple(listed)


def help_text(screen_id: str, name: str, section: str | None = None) -> str:
    """The seed's description of an element (and its rule), preferring the given section."""
    candidates = [
        element
        for _tab, title, element in _elements(screen_id)
        if element["name"] == name and (section is None or title.casefold() == section.casefold())
    ]
    if not candidates and section is not None:
        return help_text(screen_id, name)
    if not candidates:
        return ""
    element = candidates[0]
    rule = element.get("rule")
    return str(element["description"]) + (f"\n\n{rule}" if rule else "")


def column_help(screen_id: str, grid_title: str, name: str) -> str:
    """The seed's description of a grid column."""
    found: dict[str, Any] = _windows().get(screen_id, {})
    for tab in found.get("tabs", []):
        for grid in tab.get("grids", []):
            if grid.get("title") != grid_title:
                continue
            for column in grid.get("columns", []):
                if column["name"] == name:
                    rule = column.get("rule")
                    return str(column["description"]) + (f"\n\n{rule}" if rule else "")
    return ""


def action_help(screen_id: str, name: str) -> str:
    """The seed's description of a toolbar action."""
    for entry in _windows().get(screen_id, {}).get("toolbar", []):
        if isinstance(entry, dict) and entry.get("name") == name:
            return str(entry.get("description", ""))
    return ""


def button_help(screen_id: str, tab_title: str, name: str) -> str:
    """The seed's description of a button above a tab's grid (Add task on Activities)."""
    found: dict[str, Any] = _windows().get(screen_id, {})
    for tab in found.get("tabs", []):
        if tab.get("title") != tab_title:
            continue
        for grid in tab.get("grids", []):
            described = grid.get("button_descriptions") or {}
            if name in described:
                return str(described[name])
    return ""
