"""Every screen's own actions and section buttons are typed callables given the screen (no
method names looked up by string), and each runs on the screen it is shown on; one listed for a
later version has no handler at all (not a stub), only the reason it cannot be used yet."""

from __future__ import annotations

import importlib

import pytest
from pytestqt.qtbot import QtBot

from app.models.database import Store
from app.windows.framework.spec import Action, Screen
from app.windows.screens import SCREENS
from tests.screens.customer_record import Opener, create_customer, set_up


def declared(screen_id: str) -> Screen:
    info = next(info for info in SCREENS if info.id == screen_id)
    screen = importlib.import_module(f"app.windows.screens.{info.module}").SCREEN
    assert isinstance(screen, Screen)
    return screen


def actions_of(screen: Screen) -> list[Action]:
    buttons = [b for tab in screen.tabs for section in tab.sections for b in section.buttons]
    return [*screen.actions, *buttons]


@pytest.mark.parametrize("screen_id", [info.id for info in SCREENS])
def test_every_action_is_a_callable(screen_id: str) -> None:
    for action in actions_of(declared(screen_id)):
        if action.available:
            assert callable(action.handler) and not isinstance(action.handler, str), action.label
        else:  # listed for a later version: no handler at all, and the reason it is shown
            assert action.handler is None and action.unavailable.strip(), action.label


def test_an_action_runs_on_the_screen_it_is_shown_on(
    qtbot: QtBot, open_screen: Opener, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_up(store)
    first, second = open_screen("AR303000"), open_screen("AR303000")
    create_customer(qtbot, first, "Fjordkraft Handel AS")
    opened: list[str] = []
    monkeypatch.setattr(
        "app.windows.screens.customers.QDesktopServices.openUrl",
        lambda url: opened.append(url.toString()),
    )
    first.record.set_value("main_address_city", "Bergen")
    second.record.set_value("main_address_city", "Tromsø")
    first.action("view_on_map").trigger()
    assert len(opened) == 1 and "Bergen" in opened[0]
    second.action("view_on_map").trigger()
    assert len(opened) == 2 and "Troms" in opened[1]
