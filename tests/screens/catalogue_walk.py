"""Walk the seeds' catalogue (shared/screens.json) against a screen's declaration.

Every element a seed names for a screen must be on it: a field in the section of the same title
(in the tab of the same title), a column of the grid of the same title, or an action (in the menu
the seed lists it in). Tests call ``missing_elements`` and expect an empty list; the list names
what is missing, so a failure reads as a to-do list.
"""

from __future__ import annotations

from dataclasses import replace

from app.ledger import catalogue
from app.windows.framework.spec import Field, Screen, Section


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def _labels(fields: tuple[Field, ...] | list[Field]) -> set[str]:
    return {_fold(field.label) for field in fields}


def missing_elements(screen: Screen, buttons: dict[str, str] | None = None) -> list[str]:
    """The catalogued elements of ``screen.id`` the declaration lacks, as ``tab › section › name``.

    ``buttons`` maps a catalogued button element (kind ``button``, like View on map in an
    address section) to the action handling it, since buttons are actions, not fields.
    """
    window = catalogue.window(screen.id)
    buttons = buttons or {}
    actions = {_fold(action.label) for action in screen.actions}
    missing: list[str] = []

    for element in window.get("top", []):
        if _fold(element["name"]) not in _labels(screen.top):
            missing.append(f"top › {element['name']}")

    tabs = {_fold(tab.title): tab for tab in screen.tabs}
    for tab_entry in window.get("tabs", []):
        tab = tabs.get(_fold(tab_entry["title"]))
        if tab is None:
            missing.append(f"tab {tab_entry['title']}")
            continue
        # A seed's section may be declared as several (flowed into both columns).
        sections: dict[str, Section] = {}
        for declared in tab.sections:
            found = sections.get(_fold(declared.title))
            sections[_fold(declared.title)] = (
                replace(
                    found,
                    fields=found.fields + declared.fields,
                    buttons=found.buttons + declared.buttons,
                )
                if found
                else declared
            )
        for section_entry in tab_entry.get("sections", []):
            where = f"{tab_entry['title']} › {section_entry['title']}"
            section = sections.get(_fold(section_entry["title"]))
            if section is None:
                missing.append(f"section {where}")
                continue
            labels = _labels(section.fields)
            section_buttons = {_fold(button.label) for button in section.buttons}
            for element in section_entry["elements"]:
                name = element["name"]
                if element.get("kind") == "button":
                    if _fold(name) not in section_buttons and name not in buttons:
                        missing.append(f"{where} › {name} (button)")
                elif _fold(name) not in labels:
                    missing.append(f"{where} › {name}")
        grids = {_fold(grid.title): grid for grid in tab.grids}
        for grid_entry in tab_entry.get("grids", []):
            where = f"{tab_entry['title']} › {grid_entry['title']}"
            grid = grids.get(_fold(grid_entry["title"]))
            if grid is None:
                missing.append(f"grid {where}")
                continue
            labels = _labels(grid.columns)
            missing.extend(
                f"{where} › {column['name']}"
                for column in grid_entry.get("columns", [])
                if _fold(column["name"]) not in labels
            )

    # A command the seed lists in a menu (Actions, Inquiries) must be in that menu of the screen;
    # the menu itself is there when a command is in it.
    in_menus = {
        (_fold(action.menu), _fold(action.label)) for action in screen.actions if not action.toolbar
    }
    menus = {menu for menu, _label in in_menus}
    for entry in window.get("toolbar", []):
        name = entry["name"] if isinstance(entry, dict) else str(entry)
        menu = entry.get("menu") if isinstance(entry, dict) else None
        if menu:
            found = (_fold(menu), _fold(name)) in in_menus
        else:
            found = _fold(name) in actions or _fold(name) in menus or name in buttons
        if not found:
            missing.append(f"toolbar › {name}")
    return missing


def options_of(screen_id: str, tab: str, section: str, name: str) -> list[str]:
    """The option labels the catalogue lists for an element (empty when the seed lost them)."""
    for tab_title, section_title, element in catalogue.elements(screen_id):
        if (_fold(tab_title), _fold(section_title), _fold(element["name"])) == (
            _fold(tab),
            _fold(section),
            _fold(name),
        ):
            options: list[str] = element.get("options") or []
            return options
    return []
