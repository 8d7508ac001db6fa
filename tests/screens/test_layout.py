"""Layout a user reads all day: every screen and tab at 1280×800 and 1600×1000 without a label
cut off unseen (screenshots written as tools/screenshots.py writes them), descriptions elided
with "…" and whole in the tooltip, label columns aligned across sections, amount boxes sized
for amounts."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from app.models import CustomerClass
from app.models.database import Store
from app.windows.framework.dialogs import Unsaved
from app.windows.framework.lookup import LookupEditor
from app.windows.framework.widgets import ElidedLabel
from app.windows.main_window import MainWindow
from app.windows.screenshots import (
    SIZES,
    WIDE,
    clipped_labels,
    scrolled_sideways,
    walk,
    wasted_width,
)
from tests.screens.conftest import Answers
from tests.screens.customer_record import Opener, set_up
from tests.screens.helpers import type_into


@pytest.fixture
def window(qtbot: QtBot, store: Store, tmp_path: Path, answers: Answers) -> Iterator[MainWindow]:
    answers.unsaved = Unsaved.DISCARD  # closing the window after a test typed something
    set_up(store)
    with store.transaction() as session:
        session.add(
            CustomerClass(
                class_id="LONG",
                description="Balance and credit write-offs for customers abroad, reviewed monthly",
            )
        )
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    main = MainWindow(store, settings=settings)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main


def test_no_label_on_any_screen_or_tab_is_cut_off_and_no_page_scrolls_sideways(
    window: MainWindow, tmp_path: Path
) -> None:
    out = Path(os.environ.get("SCREENSHOTS_DIR", tmp_path / "shots"))
    out.mkdir(parents=True, exist_ok=True)
    clipped: list[str] = []
    shots = 0
    for shot in walk(window):
        assert window.width() == shot.size[0]
        window.grab().save(str(out / f"{shot.name}.png"))
        clipped += [f"{shot.name}: {label}" for label in clipped_labels(window)]
        clipped += [f"{shot.name}: {page}" for page in scrolled_sideways(window)]
        shots += 1
    assert clipped == []
    assert shots >= 2 * 40  # every screen, every tab, both sizes
    assert {size for size in SIZES} == {(1280, 800), (1600, 1000)}


def test_at_1920_by_1080_every_screen_uses_the_width_and_shows_no_empty_pane(
    window: MainWindow, tmp_path: Path
) -> None:
    out = Path(os.environ.get("SCREENSHOTS_DIR", tmp_path / "shots"))
    out.mkdir(parents=True, exist_ok=True)
    wasted: list[str] = []
    shots = 0
    for shot in walk(window, sizes=(WIDE,)):
        window.grab().save(str(out / f"{shot.name}.png"))
        wasted += [f"{shot.name}: {problem}" for problem in wasted_width(window)]
        shots += 1
    assert wasted == []
    assert shots >= 40


def test_the_clipping_check_finds_a_cut_label_and_spares_an_elided_one(qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    cut = QLabel("Norwegian Bokmål (Norway)", root)
    cut.setObjectName("cut")
    cut.setGeometry(0, 0, 40, 20)
    elided = ElidedLabel(root)
    elided.setText("Norwegian Bokmål (Norway)")
    elided.setGeometry(0, 30, 40, 20)
    root.show()
    found = clipped_labels(root)
    assert len(found) == 1 and found[0].startswith("cut 'Norwegian Bokmål (Norway)'")
    assert elided.is_elided and elided.shown().endswith("…")
    assert elided.toolTip() == "Norwegian Bokmål (Norway)"


def test_a_long_description_is_elided_and_whole_in_its_tooltip(
    qtbot: QtBot, window: MainWindow
) -> None:
    screen = window.open_screen("AR303000")
    window.resize(1280, 800)
    type_into(qtbot, screen, "customer_class", "LONG")  # type: ignore[arg-type]
    editor = screen.editor("customer_class")  # type: ignore[attr-defined]
    assert isinstance(editor, LookupEditor)
    description = editor.description
    assert isinstance(description, ElidedLabel)
    whole = "Balance and credit write-offs for customers abroad, reviewed monthly"
    assert description.text() == whole
    assert description.is_elided
    assert description.shown().endswith("…")
    assert description.toolTip() == whole
    type_into(qtbot, screen, "customer_class", "DEFAULT")  # type: ignore[arg-type]
    assert not description.is_elided
    assert description.shown() == description.text()
    assert description.toolTip() == ""  # nothing hidden, nothing to repeat


def test_label_columns_line_up_across_sections_and_amounts_are_sized_for_amounts(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up(store)
    screen = open_screen("AR303000")
    screen.resize(1280, 800)

    def left(key: str) -> int:
        editor = screen.editor(key)
        line = editor.line_edit if isinstance(editor, LookupEditor) else editor
        return line.mapTo(screen, QPoint(0, 0)).x()

    # Main address and Main contact (left column), a short label and a long one.
    assert left("main_address_address_1") == left("main_contact_company_name")
    # Financial settings (right column): lookups and an amount start at one x.
    assert left("customer_class") == left("write_off_limit")
    amount = screen.editor("write_off_limit")
    assert amount.width() < 200
    assert amount.width() > amount.fontMetrics().horizontalAdvance("999 999 999.00")


def test_a_grid_is_sized_to_its_rows_with_buttons_that_say_what_they_do(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    from app.windows.framework.grid import MIN_ROWS, GridEditor

    set_up(store)
    screen = open_screen("CA204000")
    grid = screen.editor("details")
    assert isinstance(grid, GridEditor)
    row = grid.view.verticalHeader().defaultSectionSize()
    assert grid.view.minimumHeight() >= MIN_ROWS * row  # never a 70 px slot
    assert not grid.view.horizontalHeader().stretchLastSection()
    for button in (grid.add_button, grid.delete_button):
        assert button.text() in ("Add row", "Delete row")
        assert not button.icon().isNull()


def test_the_record_toolbar_fits_at_1280_by_800(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtWidgets import QToolBar, QToolButton

    screen = window.open_screen("AR303000")
    window.resize(1280, 800)
    toolbar = screen.findChild(QToolBar, "record_toolbar")
    assert toolbar is not None
    qtbot.waitUntil(lambda: toolbar.width() > 900)
    more = toolbar.findChild(QToolButton, "qt_toolbar_ext_button")
    assert more is None or not more.isVisible()  # nothing hidden behind »
    inquiries = toolbar.findChild(QToolButton, "inquiries_button")
    assert inquiries is not None and inquiries.isVisible()
