"""The flows every configuration screen passes, for every Case the screen modules declare:
create, edit and delete; delete refused while in use; duplicate and malformed codes refused;
the saved record in the list window. And every configuration screen has a Case."""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from pytestqt.qtbot import QtBot

import tests.screens.configuration as package
from app.models.database import Store
from app.windows.screens import CONFIGURATION, SCREENS
from tests.screens.configuration.harness import (
    Case,
    Opener,
    create_edit_and_delete,
    duplicate_or_malformed_code_is_refused,
    list_window_lists_the_saved_record,
    record_in_use_cannot_be_deleted,
)
from tests.screens.conftest import Answers


def _all_cases() -> list[Case]:
    cases: list[Case] = []
    for module in pkgutil.iter_modules(package.__path__):
        if module.name.startswith("test_") and module.name != "test_flows":
            found = importlib.import_module(f"{package.__name__}.{module.name}")
            cases.extend(getattr(found, "CASES", []))
    return cases


CASES = _all_cases()
IDS = [case.screen_id for case in CASES]
USED = [case for case in CASES if case.use is not None]


def test_every_configuration_screen_has_a_case() -> None:
    wanted = {info.id for info in SCREENS if info.group == CONFIGURATION}
    assert sorted(wanted - set(IDS)) == []


def test_every_configuration_screen_declares_a_use() -> None:
    """Delete refused while in use is tested on every screen (shipping zones, FOB points and
    warehouses through a customer location's shipping instructions)."""
    assert [case.screen_id for case in CASES if case.use is None] == []


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_create_edit_and_delete(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers, case: Case
) -> None:
    create_edit_and_delete(qtbot, open_screen, store, answers, case)


@pytest.mark.parametrize("case", USED, ids=[case.screen_id for case in USED])
def test_a_record_in_use_cannot_be_deleted(
    qtbot: QtBot, open_screen: Opener, store: Store, case: Case
) -> None:
    record_in_use_cannot_be_deleted(qtbot, open_screen, store, case)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_a_duplicate_or_malformed_code_is_refused(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers, case: Case
) -> None:
    duplicate_or_malformed_code_is_refused(qtbot, open_screen, store, answers, case)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_the_list_window_lists_the_saved_record(
    qtbot: QtBot, open_screen: Opener, store: Store, case: Case
) -> None:
    list_window_lists_the_saved_record(qtbot, open_screen, store, case)
