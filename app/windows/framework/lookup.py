"""The lookup editor: type a code (suggestions appear as you type) or pick from the selector."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.ledger import lookups
from app.ledger.lookups import Choice, LookupSource
from app.ledger.records import InvalidInput
from app.models.database import Store
from app.windows.framework.spec import Field
from app.windows.framework.widgets import ElidedLabel, mark_invalid, show_read_only

Describe = Callable[[LookupSource, Any], Choice | None]


class LookupEditor(QWidget):
    """Stores the referenced record's id; shows its code and description."""

    edited = Signal(object)

    def __init__(
        self,
        store: Store,
        spec: Field,
        parent: QWidget | None = None,
        describe: Describe | None = None,
    ) -> None:
        super().__init__(parent)
        if spec.lookup is None:
            raise ValueError(f"lookup field {spec.key} declares no source")
        self.store = store
        # How a stored value gets its code and description: the screen's per-load cache.
        self.describe: Describe = describe or partial(lookups.by_value, store)
        self.source: LookupSource = spec.lookup
        self.label = spec.label
        self._value: Any = None
        self._choices: list[Choice] = []

        self.line_edit = QLineEdit(self)
        self.line_edit.setObjectName(f"{spec.key}_code")
        self.select_button = QToolButton(self)
        self.select_button.setObjectName(f"{spec.key}_select")
        self.select_button.setText("…")
        self.select_button.setToolTip(f"Select {spec.label.lower()} from the list (F4)")
        self.select_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.description = ElidedLabel(self)
        self.description.setObjectName(f"{spec.key}_description")
        # A long description is elided ("…", whole in its tooltip) rather than squeezing the
        # code out of sight.
        self.description.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line_edit, 2)
        layout.addWidget(self.select_button)
        layout.addWidget(self.description, 3)
        self.setFocusProxy(self.line_edit)

        self._suggestions = QStringListModel(self)
        self.completer = QCompleter(self._suggestions, self)
        # The store already filtered; the completer only shows what it was given.
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.line_edit.setCompleter(self.completer)

        self.line_edit.textEdited.connect(self._suggest)
        self.line_edit.editingFinished.connect(self._resolve_typed)
        # QLineEdit skips editingFinished when focus leaves while the suggestions are shown.
        self.line_edit.installEventFilter(self)
        self.completer.activated.connect(self._pick_suggestion)
        self.select_button.clicked.connect(self.open_selector)

    # -- Editor protocol -------------------------------------------------------------------

    def value(self) -> Any:
        return self._value

    def set_value(self, value: Any) -> None:
        self._value = value
        if isinstance(value, InvalidInput):
            self.line_edit.setText(value.text)
            self.description.clear()
        else:
            choice = self.describe(self.source, value)
            self.line_edit.setText(choice.code if choice else "")
            self.description.setText(choice.description if choice else "")
        self.line_edit.setCursorPosition(0)
        mark_invalid(self.line_edit, isinstance(value, InvalidInput))

    def set_read_only(self, read_only: bool) -> None:
        self.line_edit.setReadOnly(read_only)
        self.select_button.setEnabled(not read_only)
        self.select_button.setVisible(not read_only)  # nothing to choose: no button to offer
        show_read_only(self.line_edit, read_only)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.line_edit
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_F4
            and not self.line_edit.isReadOnly()
        ):
            self.open_selector()  # F4, as in the product family
            return True
        if (
            watched is self.line_edit
            and isinstance(event, QFocusEvent)
            and event.type() == QEvent.Type.FocusOut
            and event.reason() != Qt.FocusReason.PopupFocusReason  # the suggestions opening
        ):
            popup = self.completer.popup()
            if popup is not None and popup.isVisible():
                popup.hide()
            self._resolve_typed()
        return super().eventFilter(watched, event)

    # -- choosing --------------------------------------------------------------------------

    def choose(self, choice: Choice | None) -> None:
        """Select ``choice`` as if the user had picked it."""
        value = choice.value if choice else None
        self.line_edit.setText(choice.code if choice else "")
        self.description.setText(choice.description if choice else "")
        mark_invalid(self.line_edit, False)
        if value != self._value:
            self._value = value
            self.edited.emit(value)

    def _suggest(self, text: str) -> None:
        self._choices = lookups.suggest(self.store, self.source, text)
        texts = [choice.text for choice in self._choices]
        self._suggestions.setStringList(texts)
        # The pop-up as wide as its longest entry (at least the code box), not cut at the box.
        popup = self.completer.popup()
        if popup is not None and texts:
            widest = max(popup.fontMetrics().horizontalAdvance(text) for text in texts)
            popup.setMinimumWidth(widest + popup.verticalScrollBar().sizeHint().width() + 24)

    def _pick_suggestion(self, text: str) -> None:
        for choice in self._choices:
            if choice.text == text:
                self.choose(choice)
                return

    def _resolve_typed(self) -> None:
        text = self.line_edit.text().strip()
        current = None
        if not isinstance(self._value, InvalidInput):
            current = lookups.by_value(self.store, self.source, self._value)
        if current is not None and text == current.code:
            return
        if not text:
            self.choose(None)
            return
        choice = lookups.by_code(self.store, self.source, text)
        if choice is not None:
            self.choose(choice)
            return
        invalid = InvalidInput(text, f"'{text}' is not in the list of {self.source.title}.")
        self.description.setText(self.source.new_code or "not found")
        mark_invalid(self.line_edit, not self.source.new_code, invalid.reason)
        if invalid != self._value:
            self._value = invalid
            self.edited.emit(invalid)

    def open_selector(self) -> None:
        current = None if isinstance(self._value, InvalidInput) else self._value
        dialog = LookupDialog(self.store, self.source, self, current)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.selected is not None:
            self.choose(dialog.selected)
        self.line_edit.setFocus()


class LookupDialog(QDialog):
    """The selector: the records a lookup may refer to in columns (code, description, and what
    identifies one where the source names it), a search line as in list windows, the current
    value highlighted; OK, Enter or a double-click chooses, Cancel or Esc leaves it as it was."""

    def __init__(
        self,
        store: Store,
        source: LookupSource,
        parent: QWidget | None = None,
        current: Any = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lookup_dialog")
        self.setWindowTitle(f"Select – {source.title}")
        self.selected: Choice | None = None
        self.store = store
        self.source = source
        self.current = current
        self._choices: list[Choice] = []
        self.search = QLineEdit(self)
        self.search.setObjectName("lookup_search")
        self.search.setPlaceholderText("Search code or description")
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        headers = ["Code", "Description"] + ([source.identify_title] if source.identify else [])
        self.results = QTableWidget(0, len(headers), self)
        self.results.setObjectName("lookup_results")
        self.results.setHorizontalHeaderLabels(headers)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setTabKeyNavigation(False)
        self.results.verticalHeader().setVisible(False)
        self.results.horizontalHeader().setStretchLastSection(True)
        self.results.installEventFilter(self)
        self.results.cellDoubleClicked.connect(lambda _row, _column: self.accept())
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.setObjectName("lookup_buttons")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        layout.addWidget(self.buttons)
        self.search.textChanged.connect(self._refresh)
        self.results.itemSelectionChanged.connect(self._enable_ok)
        self.resize(640, 440)
        self._refresh("")
        self.search.setFocus()

    @property
    def choices(self) -> list[Choice]:
        return list(self._choices)

    def current_choice(self) -> Choice | None:
        row = self.results.currentRow()
        selected = self.results.selectionModel().hasSelection()
        return self._choices[row] if selected and 0 <= row < len(self._choices) else None

    def _refresh(self, text: str) -> None:
        self._choices = lookups.selector_rows(self.store, self.source, text)
        self.results.setRowCount(len(self._choices))
        highlighted = -1
        for row, choice in enumerate(self._choices):
            cells = [choice.code, choice.description]
            if self.source.identify is not None:
                cells.append(choice.identity)
            for column, text_ in enumerate(cells):
                item = QTableWidgetItem(text_)
                if choice.value == self.current:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.results.setItem(row, column, item)
            if choice.value == self.current:
                highlighted = row
        self.results.resizeColumnsToContents()
        row = highlighted if highlighted >= 0 else (0 if self._choices else -1)
        if row >= 0:
            self.results.selectRow(row)
            self.results.scrollTo(self.results.model().index(row, 0))
        self._enable_ok()

    def _enable_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(self.current_choice() is not None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up/Down in the search line move through the rows; Enter anywhere chooses."""
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.accept()
                return True
            if watched is self.search and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                step = 1 if event.key() == Qt.Key.Key_Down else -1
                row = max(0, min(self.results.currentRow() + step, len(self._choices) - 1))
                if self._choices:
                    self.results.selectRow(row)
                return True
        return super().eventFilter(watched, event)

    def accept(self) -> None:
        choice = self.current_choice()
        if choice is None:
            return  # nothing to choose (no row matches the search)
        self.selected = choice
        super().accept()
