"""The record screen's message line: one line of fixed height under the toolbar, so a message
never moves the form. A refused save reads "3 problems — Customer name: a value is required …";
clicking the line (or Alt+Down on it) unfolds the whole message over the form, and clicking a
problem there jumps to its field. Colours come from the style sheet
(``QFrame#message_bar[kind="error"]``...).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app import resources

KEY_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class Problem:
    """A field's problem as shown: its field's key (to jump to) and "Label: rule"."""

    key: str
    text: str


def restyle(widget: QWidget) -> None:
    """Style sheet selectors on a dynamic property are applied again after it changes."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)


class MessageBar(QFrame):
    """The one-line message strip (always its height, empty when there is nothing to say) and
    its unfolded details, drawn over the form of ``host`` below the strip."""

    problem_chosen = Signal(str)  # the key of the field whose problem was clicked

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.setObjectName("message_bar")
        self.setProperty("kind", "none")
        self._host = host
        self._full = ""
        self._problems: list[Problem] = []

        self.icon = QLabel(self)
        self.icon.setFixedSize(16, 16)
        self.summary = SummaryLine(self)
        self.summary.clicked.connect(self.toggle)
        line = QHBoxLayout(self)
        line.setContentsMargins(6, 0, 6, 0)
        line.addWidget(self.icon)
        line.addWidget(self.summary, 1)
        self.setFixedHeight(self.summary.sizeHint().height() + 6)
        # ``text`` is the label tests and callers read: the whole message, shown as one line.
        self.text = self.summary

        # The unfolded message: a child of the host, over the form, not in any layout.
        self.details = QFrame(host)
        self.details.setObjectName("message_details")
        self.details.setFrameShape(QFrame.Shape.StyledPanel)
        self.details.setAutoFillBackground(True)
        self.full_text = QLabel(self.details)
        self.full_text.setObjectName("message_full")
        # Messages quote what users typed: shown literally, never as markup.
        self.full_text.setTextFormat(Qt.TextFormat.PlainText)
        self.full_text.setWordWrap(True)
        self.full_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem_list = QListWidget(self.details)
        self.problem_list.setObjectName("problem_list")
        self.problem_list.itemActivated.connect(self._chosen)
        self.problem_list.itemClicked.connect(self._chosen)
        column = QVBoxLayout(self.details)
        column.setContentsMargins(8, 6, 8, 8)
        column.addWidget(self.full_text)
        column.addWidget(self.problem_list)
        self.details.hide()
        self.hide_line()
        host.installEventFilter(self)

    # -- what is said ----------------------------------------------------------------------

    def show_text(self, text: str, *, error: bool) -> None:
        """A message; its first line is the strip, the rest unfolds."""
        self._problems = []
        self._say(text, "error" if error else "info")

    def show_problems(self, heading: str, problems: list[Problem]) -> None:
        """A refused save's problems, each once (a shared address's problem is reported by each
        section showing it), the count and the first in the strip."""
        unique: dict[str, Problem] = {}
        for problem in problems:
            unique.setdefault(problem.text, problem)
        self._problems = list(unique.values())
        lines = "\n".join(f"• {problem.text}" for problem in problems)
        self._say(f"{heading}\n{lines}", "error")

    def hide_line(self) -> None:
        self._full = ""
        self._problems = []
        self.summary.clear()
        self.summary.setProperty("error", False)
        self.summary.setToolTip("")
        self.summary.hide()
        self.full_text.clear()
        self.problem_list.clear()
        self.icon.clear()
        self._set_kind("none")
        self.collapse()

    def _say(self, text: str, kind: str) -> None:
        self._full = text
        self.summary.line = self.line
        self.summary.setText(text)
        self.summary.setProperty("error", kind == "error")
        self.full_text.setText(text)
        self.problem_list.clear()
        for problem in self._problems:
            item = QListWidgetItem(problem.text, self.problem_list)
            item.setData(KEY_ROLE, problem.key)
            item.setToolTip(f"Go to {problem.text.split(':', 1)[0]}")
        self.problem_list.setVisible(bool(self._problems))
        self.full_text.setVisible(not self._problems)
        self.summary.setToolTip("Click to see the whole message" if self.can_expand else "")
        self.summary.setCursor(
            Qt.CursorShape.PointingHandCursor if self.can_expand else Qt.CursorShape.ArrowCursor
        )
        self.summary.show()
        self._set_kind(kind)
        self._draw_icon()
        self.collapse()

    def _draw_icon(self) -> None:
        """The problem sign beside an error (a pixmap: drawn again when the scheme changes)."""
        if self.property("kind") == "error":
            self.icon.setPixmap(resources.icon("problem").pixmap(16, 16))
        else:
            self.icon.clear()

    def changeEvent(self, event: QEvent) -> None:
        # A change of the system's light or dark scheme gives the application a new palette.
        if event.type() == QEvent.Type.PaletteChange:
            self._draw_icon()
        super().changeEvent(event)

    @property
    def line(self) -> str:
        """The strip's text before eliding."""
        if self._problems:
            count = len(self._problems)
            noun = "problem" if count == 1 else "problems"
            more = " …" if count > 1 else ""
            return f"{count} {noun} — {self._problems[0].text}{more}"
        first, _, rest = self._full.partition("\n")
        return f"{first} …" if rest.strip() else first

    @property
    def can_expand(self) -> bool:
        return bool(self._problems) or "\n" in self._full.strip()

    @property
    def kind(self) -> str:
        return str(self.property("kind"))

    def _set_kind(self, kind: str) -> None:
        if self.property("kind") != kind:
            self.setProperty("kind", kind)
            self.details.setProperty("kind", kind)
            restyle(self)
            restyle(self.details)

    # -- unfolding -------------------------------------------------------------------------

    @property
    def expanded(self) -> bool:
        return not self.details.isHidden()

    def toggle(self) -> None:
        if self.expanded:
            self.collapse()
        elif self.can_expand or self.summary.is_elided:
            self.expand()

    def expand(self) -> None:
        self._place_details()
        self.details.show()
        self.details.raise_()
        if self._problems:
            self.problem_list.setCurrentRow(0)
            self.problem_list.setFocus()

    def collapse(self) -> None:
        self.details.hide()

    def _place_details(self) -> None:
        top = self.geometry().bottom() + 1
        width = self._host.width()
        self.details.setFixedWidth(width)
        if self._problems:
            rows = self.problem_list.sizeHintForRow(0) * min(len(self._problems), 12)
            self.problem_list.setFixedHeight(rows + 2 * self.problem_list.frameWidth() + 4)
        self.details.adjustSize()
        height = min(self.details.sizeHint().height(), max(80, self._host.height() // 2))
        self.details.setGeometry(0, top, width, height)

    def _chosen(self, item: QListWidgetItem) -> None:
        self.collapse()
        self.problem_chosen.emit(str(item.data(KEY_ROLE)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._host and event.type() == QEvent.Type.Resize and self.expanded:
            self._place_details()
        return False


class SummaryLine(QLabel):
    """The message strip's label: holds the whole message (``text()``) and draws one line of it,
    ``line``, elided with "…" to its width; a click or Enter/Space unfolds the rest."""

    clicked = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("record_message")
        self.setTextFormat(Qt.TextFormat.PlainText)  # what users typed, never markup
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.line = ""

    @property
    def shown(self) -> str:
        """The line as drawn."""
        return self.fontMetrics().elidedText(
            self.line, Qt.TextElideMode.ElideRight, self.contentsRect().width()
        )

    @property
    def is_elided(self) -> bool:
        return self.shown != self.line

    def sizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance(self.line), self.fontMetrics().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.fontMetrics().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(
            self.contentsRect(),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            self.shown,
        )
        painter.end()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)
