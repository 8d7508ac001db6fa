"""Every setting accounted for (issue 17): each stored setting of the preferences and of a
customer class is read by a named ledger function — whose module names the setting — or waits
for a named feature the product does not have; the screens' tooltips say which."""

from __future__ import annotations

import inspect
from collections.abc import Mapping
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.ledger.setting_readers import (
    CLASS_IDENTITY,
    CUSTOMER_CLASS,
    FEATURES_NOT_BUILT,
    PREFERENCES,
    RECORD_COLUMNS,
    Entry,
    ReadBy,
    Waiting,
    waiting_note,
)
from app.models import CustomerClass, Preferences
from app.models.database import Store
from app.windows.screens import find_screen

TABLES: list[tuple[type, Mapping[str, Entry], tuple[str, ...]]] = [
    (Preferences, PREFERENCES, RECORD_COLUMNS),
    (CustomerClass, CUSTOMER_CLASS, RECORD_COLUMNS + CLASS_IDENTITY),
]


@pytest.mark.parametrize(("model", "table", "not_settings"), TABLES, ids=["AR101000", "AR201000"])
def test_every_stored_setting_has_one_line(
    model: type, table: Mapping[str, Entry], not_settings: tuple[str, ...]
) -> None:
    columns = {column.key for column in model.__table__.columns} - set(not_settings)  # type: ignore[attr-defined]
    assert sorted(columns - set(table)) == [], "settings without a line"
    assert sorted(set(table) - columns) == [], "lines without a setting"


@pytest.mark.parametrize(("model", "table", "not_settings"), TABLES, ids=["AR101000", "AR201000"])
def test_a_reader_s_module_names_the_setting_and_a_feature_is_not_built(
    model: type, table: Mapping[str, Entry], not_settings: tuple[str, ...]
) -> None:
    for attr, entry in table.items():
        if isinstance(entry, ReadBy):
            module = inspect.getmodule(entry.reader)
            assert module is not None and module.__name__.startswith("app.ledger."), attr
            assert attr in inspect.getsource(module), f"{attr}: {module.__name__} never names it"
            assert entry.does, attr
        else:
            assert isinstance(entry, Waiting)
            assert entry.feature in FEATURES_NOT_BUILT, attr


def test_no_screen_of_a_waiting_feature_exists() -> None:
    # Were one of these windows built, its settings would need their readers named instead.
    for window in ("AR521000", "AR202010", "AR505500", "AR202000", "CM506000"):
        assert find_screen(window) is None, window


def test_a_waiting_setting_says_so_in_its_tooltip(qtbot: QtBot, store: Store) -> None:
    from app.windows.framework.record_screen import RecordScreen

    info = find_screen("AR101000")
    assert info is not None
    screen = info.factory()(store, None)
    assert isinstance(screen, RecordScreen)
    qtbot.addWidget(screen)
    note = waiting_note("Preferences", "dunning_process")
    assert note == "Not used yet: kept for Prepare dunning letters (AR521000)."
    screen.editor("dunning_process")  # builds its tab
    label = screen.findChild(QLabel, "label_dunning_process")
    assert label is not None and note in label.toolTip()
    screen.editor("age_credits")
    read = screen.findChild(QLabel, "label_age_credits")
    assert read is not None and "Not used yet" not in read.toolTip()


# A setting its condition disables (greyed out on AR101000) keeps what was typed before, so a
# reader must not act on it then: the test proving it for each such setting that is read.
DISABLED_VALUE_IGNORED = {
    "rounding_precision": "tests/ledger/test_document_settings.py::"
    "test_the_rounding_rule_of_ar101000_rounds_invoice_totals",
    "statement_from_branch_id": "tests/ledger/statements/test_prepare.py::"
    "test_one_statement_per_branch_unless_consolidated_for_all_branches",
}


def test_every_read_setting_a_condition_disables_is_proven_ignored_while_disabled() -> None:
    from app.ledger.definitions.preferences import PREFERENCES as DEFINITION

    conditional = {
        spec.attr or spec.key
        for spec in DEFINITION.fields
        if spec.enabled_when is not None
        and isinstance(PREFERENCES.get(spec.attr or spec.key), ReadBy)
    }
    assert conditional == set(DISABLED_VALUE_IGNORED)
    root = Path(__file__).resolve().parents[2]
    for test in DISABLED_VALUE_IGNORED.values():
        file, name = test.split("::")
        assert f"def {name}(" in (root / file).read_text(encoding="utf-8"), test
