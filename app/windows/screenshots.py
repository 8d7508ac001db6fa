"""Every screen and tab of the main window at the sizes people use, for looking at the product
as a user does (tools/screenshots.py writes them as PNGs) and for checking that nothing on them
is cut off without a sign (``clipped_labels``, tests/screens/test_layout.py)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QGroupBox,
    QLabel,
    QScrollArea,
    QTableView,
    QTabWidget,
    QWidget,
)

from app.windows.framework.widgets import ElidedLabel
from app.windows.main_window import MainWindow
from app.windows.screens import SCREENS

SIZES = ((1280, 800), (1600, 1000))
# A large office screen: the form must use its width, not leave half of it empty.
WIDE = (1920, 1080)
USED_WIDTH = 0.9


@dataclass(frozen=True)
class Shot:
    screen_id: str
    tab: str  # the tab's object name, "" for a screen without tabs
    size: tuple[int, int]

    @property
    def name(self) -> str:
        tab = f"-{self.tab.removeprefix('tab_')}" if self.tab else ""
        return f"{self.screen_id}{tab}-{self.size[0]}x{self.size[1]}"


def walk(
    window: MainWindow,
    sizes: tuple[tuple[int, int], ...] = SIZES,
    screen_ids: list[str] | None = None,
) -> Iterator[Shot]:
    """Open each screen on its first record, show each of its visible tabs at each size, and
    yield while it is on screen; each screen is closed after."""
    app = QApplication.instance()
    assert app is not None
    for info in SCREENS:
        if screen_ids is not None and info.id not in screen_ids:
            continue
        screen = window.open_screen(info.id)
        go_first = getattr(screen, "go_first", None)
        if go_first is not None:
            go_first()
        tabs = screen.findChild(QTabWidget, "record_tabs")
        has_tabs = tabs is not None and tabs.count() > 0
        for index in range(tabs.count()) if tabs is not None and has_tabs else range(1):
            tab = ""
            if tabs is not None and has_tabs:
                if not tabs.isTabVisible(index):
                    continue
                tabs.setCurrentIndex(index)
                page = tabs.widget(index)
                tab = page.objectName() if page is not None else str(index)
            for size in sizes:
                window.resize(*size)
                app.processEvents()
                yield Shot(info.id, tab, size)
        window.close_screen(info.id)
        app.processEvents()


def plain_text(label: QLabel) -> str:
    text = label.text()
    if "<" in text and label.textFormat() != label.textFormat().PlainText:
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text


def clipped_labels(root: QWidget) -> list[str]:
    """The visible labels under ``root`` whose text is wider than the label, without an
    ellipsis showing it (an ElidedLabel elides and shows the whole text in its tooltip)."""
    found = []
    for label in root.findChildren(QLabel):
        if not label.isVisibleTo(root) or label.wordWrap() or isinstance(label, ElidedLabel):
            continue
        if getattr(label, "is_elided", None) is not None:  # draws its own ellipsis
            continue
        text = plain_text(label)
        if not text.strip() or (label.pixmap() is not None and not label.pixmap().isNull()):
            continue
        metrics = label.fontMetrics()
        needed = max(metrics.horizontalAdvance(line) for line in text.splitlines() or [""])
        room = label.contentsRect().width() - 2 * label.margin() - max(label.indent(), 0)
        if needed > room + 1:
            found.append(f"{label.objectName() or type(label).__name__} '{text}' ({needed}>{room})")
    return found


def scrolled_sideways(root: QWidget) -> list[str]:
    """The visible scrolling pages under ``root`` too narrow for their content: part of it is
    out of sight to the right (a form page should fit its width)."""
    found = []
    for area in root.findChildren(QScrollArea):
        if area.isVisibleTo(root) and area.horizontalScrollBar().maximum() > 0:
            inner = area.widget()
            name = inner.objectName() if inner is not None else ""
            parent = area.parentWidget()
            found.append(
                f"{parent.objectName() if parent is not None else ''}/{name} scrolls sideways "
                f"by {area.horizontalScrollBar().maximum()} px"
            )
    return found


def wasted_width(root: QWidget) -> list[str]:
    """The visible form pages under ``root`` whose sections, laid out in more than one column,
    leave more than a tenth of the page's width unused; and empty tab panes (a screen without
    tabs shows none)."""
    found = []
    for tabs in root.findChildren(QTabWidget):
        if tabs.isVisibleTo(root) and tabs.count() == 0:
            found.append(f"{tabs.objectName()}: an empty tab pane")
    for area in root.findChildren(QScrollArea):
        inner = area.widget()
        if inner is None or not area.isVisibleTo(root):
            continue
        boxes = [
            QRect(box.mapTo(inner, QPoint(0, 0)), box.size())
            for box in inner.findChildren(QGroupBox) + inner.findChildren(QTableView)
            if box.isVisibleTo(inner)
        ]
        if len({box.left() for box in boxes}) < 2:
            continue  # one column of sections: as wide as the fields need
        used = QRect()
        for box in boxes:
            used = used.united(box)
        if used.width() < USED_WIDTH * area.viewport().width():
            found.append(
                f"{inner.objectName()}: sections use {used.width()} of {area.viewport().width()} px"
            )
    return found
