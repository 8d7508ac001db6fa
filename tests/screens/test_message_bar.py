"""Problems visible where they are: a refused save is one line with a count that unfolds on a
click, never moving the form; a problem clicked there jumps to its field (even on another tab,
scrolled into view); the colours are the style sheet's."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from app.models.database import Store
from app.windows.framework.lookup import LookupEditor
from app.windows.framework.record_screen import RecordScreen
from app.windows.style import apply_look
from tests.screens.customer_record import Opener, set_up
from tests.screens.helpers import trigger, type_into


def line_of(screen: RecordScreen, key: str) -> QWidget:
    editor = screen.editor(key)
    return editor.line_edit if isinstance(editor, LookupEditor) else editor


def refuse_two(qtbot: QtBot, screen: RecordScreen) -> None:
    """A blank name (top part) and no customer class (General information tab)."""
    type_into(qtbot, screen, "customer_name", "   ")
    type_into(qtbot, screen, "customer_class", "")
    trigger(screen, "save")


def test_a_refused_save_is_one_line_with_a_count_that_does_not_move_the_form(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up(store)
    screen = open_screen("AR303000")
    bar = screen.message_bar
    name = line_of(screen, "customer_name")
    where_before = name.mapTo(screen, QPoint(0, 0))
    height_before = bar.height()

    refuse_two(qtbot, screen)

    assert bar.kind == "error"
    line = screen.message_bar.summary.shown
    assert line.startswith("2 problems — Customer name: a value is required"), line
    assert line.endswith("…")
    # The whole message stays readable (and selectable) in the unfolded part.
    assert screen.message.text().startswith("The record was not saved:\n• Customer name")
    assert name.mapTo(screen, QPoint(0, 0)) == where_before
    assert bar.height() == height_before
    assert not bar.expanded


def test_clicking_the_line_unfolds_the_problems_and_a_problem_jumps_to_its_field(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up(store)
    screen = open_screen("AR303000")
    refuse_two(qtbot, screen)
    bar = screen.message_bar
    screen.form.tabs.setCurrentIndex(1)  # the user looks at another tab meanwhile
    name = line_of(screen, "customer_name")
    where_before = name.mapTo(screen, QPoint(0, 0))

    qtbot.mouseClick(bar.summary, Qt.MouseButton.LeftButton)
    assert bar.expanded
    assert bar.details.isVisible()
    assert name.mapTo(screen, QPoint(0, 0)) == where_before  # drawn over the form
    problems = [bar.problem_list.item(row).text() for row in range(bar.problem_list.count())]
    assert problems[0] == "Customer name: a value is required."
    assert problems[1] == "Customer class: a value is required.", problems

    postcode_row = 1
    item = bar.problem_list.item(postcode_row)
    rect = bar.problem_list.visualItemRect(item)
    qtbot.mouseClick(bar.problem_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())

    postcode = line_of(screen, "customer_class")
    assert not bar.expanded
    assert screen.form.tabs.currentWidget().isAncestorOf(postcode)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is postcode)
    assert isinstance(postcode, QLineEdit)
    assert postcode.visibleRegion().boundingRect().height() > 0  # scrolled into view

    qtbot.mouseClick(bar.summary, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(bar.summary, Qt.MouseButton.LeftButton)  # a second click folds it
    assert not bar.expanded


def test_a_message_without_problems_is_one_line_and_a_saved_record_clears_the_colour(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up(store)
    screen = open_screen("AR303000")
    screen.show_message("First line of a long explanation\nand its second line", error=True)
    assert screen.message_bar.summary.shown == "First line of a long explanation …"
    qtbot.mouseClick(screen.message_bar.summary, Qt.MouseButton.LeftButton)
    assert screen.message_bar.full_text.text().endswith("and its second line")

    type_into(qtbot, screen, "customer_name", "Fjordkraft Handel AS")
    trigger(screen, "save")
    assert screen.message.text() == "Saved."
    assert screen.message_bar.kind == "info"
    assert not screen.message_bar.expanded


def test_the_message_colours_come_from_the_style_sheet(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_look(app)
    set_up(store)
    screen = open_screen("AR303000")
    refuse_two(qtbot, screen)
    image = screen.message_bar.grab().toImage()
    assert image.pixelColor(image.width() - 3, image.height() // 2) == QColor("#fdecea")
    trigger(screen, "cancel")
