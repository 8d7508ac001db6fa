"""Grids: child rows edited in place, with Add row / Delete row.

The whole grid is one value of the record (a list of row dicts), so unsaved-changes tracking,
Cancel and the one-transaction save work for rows exactly as for fields. Cells are edited by
the same editor classes as form fields, through one delegate.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import resources
from app.ledger.lookups import Descriptions
from app.ledger.records import InvalidInput
from app.models.base import OptionEnum
from app.windows.framework.binder import copied
from app.windows.framework.formats import amount_text, date_text, datetime_text, duration_text
from app.windows.framework.header import REQUIRED_SUFFIX, RequiredMarkHeader
from app.windows.framework.spec import Field, Grid, Kind
from app.windows.framework.widgets import as_editor, create_editor

ModelIndex = QModelIndex | QPersistentModelIndex
Row = dict[str, Any]
LookupFactory = Callable[[Field, QWidget | None], QWidget]
CodeOf = Callable[[Field, Any], str]
# A cell's on-change rule: given the edited row, the other cells it changes (or None).
RowRule = Callable[[Row], Mapping[str, Any] | None]


# A grid shows this many rows at least, and grows with its rows up to MAX_ROWS.
MIN_ROWS = 3
MAX_ROWS = 10
# The rows beyond those shown a column is sized by (Qt reads every cell of 1000 rows by default:
# a customer's 200 activities took most of the time its screen took to open).
SIZED_ROWS = 50
SERVED_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.CheckStateRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ToolTipRole,
    }
)


class GridModel(QAbstractTableModel):
    """The rows of a grid; edits change the rows and emit ``rows_edited``."""

    rows_edited = Signal()

    def __init__(
        self,
        grid: Grid,
        code_of: CodeOf,
        parent: QObject | None = None,
        *,
        service: object = None,
    ) -> None:
        super().__init__(parent)
        self.grid = grid
        self.columns = list(grid.columns)
        self.code_of = code_of
        self._rows: list[Row] = []
        # The grid's on-change rules (its definition's, given the record's service) run when a
        # user edits a cell; then the screen's own handlers, like Binder.on_change for fields.
        self.service = service
        self.on_change: dict[str, RowRule] = {}

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        spec = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return spec.label + (REQUIRED_SUFFIX if spec.required else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return spec.help or None
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        spec = self.columns[index.column()]
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if spec.enabled_when is not None and not spec.enabled_when(self._rows[index.row()]):
            return Qt.ItemFlag.ItemIsSelectable  # greyed out, like a disabled field
        if not spec.stored:
            return flags
        if spec.kind == Kind.CHECKBOX:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        return flags | Qt.ItemFlag.ItemIsEditable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Asked of every cell in many roles (fonts, colours, size hints …) when a grid sizes
        # its columns: those it does not serve are answered first.
        if role not in SERVED_ROLES or not index.isValid():
            return None
        spec = self.columns[index.column()]
        value = self._rows[index.row()].get(spec.key)
        if role == Qt.ItemDataRole.EditRole:
            return value
        if spec.kind == Kind.CHECKBOX:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(self.column_at(index), value)
        if role == Qt.ItemDataRole.TextAlignmentRole and spec.kind in (
            Kind.NUMBER,
            Kind.DURATION,
            Kind.DECIMAL,
            Kind.MONEY,
            Kind.PERCENT,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(value, InvalidInput):
            return value.reason
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        spec = self.columns[index.column()]
        if spec.kind == Kind.CHECKBOX and role == Qt.ItemDataRole.CheckStateRole:
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        row = self._rows[index.row()]
        if row.get(spec.key) == value and type(row.get(spec.key)) is type(value):
            return False
        row[spec.key] = value
        updates: dict[str, Any] = {}
        for change in self.grid.rules_for(spec.key):
            updates |= change.run(copy.deepcopy(row | updates), self.service) or {}
        handler = self.on_change.get(spec.key)
        if handler is not None:
            updates |= handler(copy.deepcopy(row | updates)) or {}
        row.update(updates)
        if updates:
            last = self.index(index.row(), len(self.columns) - 1)
            self.dataChanged.emit(self.index(index.row(), 0), last)
        else:
            self.dataChanged.emit(index, index)
        if spec.key == self.grid.single_mark and value:
            self._clear_mark(index.row())
        self.rows_edited.emit()
        return True

    def _clear_mark(self, kept: int) -> None:
        """The grid's single mark moved to row ``kept``: cleared on every other row."""
        key = self.grid.single_mark
        column = next(n for n, spec in enumerate(self.columns) if spec.key == key)
        for position, other in enumerate(self._rows):
            if position != kept and other.get(key):
                other[key] = False
                cell = self.index(position, column)
                self.dataChanged.emit(cell, cell)

    def _display(self, spec: Field, value: Any) -> Any:
        if value is None:
            return ""
        if isinstance(value, InvalidInput):
            return value.text
        if isinstance(value, OptionEnum):
            return value.label
        if isinstance(value, Decimal):
            return amount_text(value, spec.places)
        if isinstance(value, datetime):
            return datetime_text(value)
        if isinstance(value, date):
            return date_text(value)
        if spec.kind == Kind.DURATION and isinstance(value, int):
            return duration_text(value)
        if spec.kind == Kind.LOOKUP:
            return self.code_of(spec, value)
        return str(value)

    def column_at(self, index: ModelIndex) -> Field:
        """The cell's column; a lookup depending on its row, with the row's source."""
        spec = self.columns[index.column()]
        if spec.lookup_by is None or not 0 <= index.row() < len(self._rows):
            return spec
        return replace(spec, lookup=spec.lookup_for(self._rows[index.row()]), lookup_by=None)

    # -- rows --------------------------------------------------------------------------------

    def rows(self) -> list[Row]:
        # Deep copies: a row holds its detail rows, and the record compares old and new values.
        return copied(self._rows)

    def set_rows(self, rows: list[Row] | None) -> None:
        self.beginResetModel()
        self._rows = copied(rows or [])
        self.endResetModel()

    def row(self, position: int) -> Row | None:
        return self._rows[position] if 0 <= position < len(self._rows) else None

    def set_detail(self, position: int, key: str, rows: list[Row]) -> None:
        """Replace the detail rows (e.g. recipients) of one row."""
        if 0 <= position < len(self._rows) and self._rows[position].get(key) != rows:
            self._rows[position][key] = copied(rows)
            self.rows_edited.emit()

    def add_row(self, row: Row) -> int:
        position = len(self._rows)
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.append(dict(row))
        self.endInsertRows()
        self.rows_edited.emit()
        return position

    def remove_row(self, position: int) -> None:
        if not 0 <= position < len(self._rows):
            return
        self.beginRemoveRows(QModelIndex(), position, position)
        del self._rows[position]
        self.endRemoveRows()
        self.rows_edited.emit()


class FieldDelegate(QStyledItemDelegate):
    """Edits a cell with the editor class of its column's kind."""

    def __init__(self, columns: list[Field], lookups: LookupFactory, parent: QObject) -> None:
        super().__init__(parent)
        self.columns = columns
        self.lookups = lookups
        self.open_editor: QWidget | None = None

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> QWidget:
        model = index.model()
        spec = (
            model.column_at(index) if isinstance(model, GridModel) else self.columns[index.column()]
        )
        editor = create_editor(spec, parent, self.lookups)
        editor.setAutoFillBackground(True)
        self.open_editor = editor
        editor.destroyed.connect(self._forget)
        return editor

    def _forget(self) -> None:
        self.open_editor = None

    def commit_open_editor(self) -> None:
        """Write what is typed in an open cell to the model (Save clicked mid-edit)."""
        editor = self.open_editor
        if editor is not None:
            self.commitData.emit(editor)
            self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
            self.open_editor = None

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        as_editor(editor).set_value(index.data(Qt.ItemDataRole.EditRole))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        model.setData(index, as_editor(editor).value(), Qt.ItemDataRole.EditRole)


class GridEditor(QWidget):
    """A grid as one field of the record: ``value()`` is its rows."""

    edited = Signal(object)
    # A row opened (double-click or Enter) in a view grid: its position.
    row_opened = Signal(int)

    def __init__(
        self,
        grid: Grid,
        lookups_factory: LookupFactory,
        code_of: CodeOf,
        new_row: Callable[[list[Row]], Row],
        parent: QWidget | None = None,
        *,
        service: object = None,
    ) -> None:
        super().__init__(parent)
        self.grid = grid
        self.setObjectName(grid.object_name)
        self.model = GridModel(grid, code_of, self, service=service)
        self.new_row = new_row
        # The selected row of the master grid (a detail grid's; set by ``link_detail``).
        self.master_row: Callable[[], Row | None] = lambda: None
        self._read_only = False
        self._sized = False  # columns sized to the rows shown (on first showing)
        self.view = QTableView(self)
        self.view.setObjectName(f"{grid.object_name}_table")
        self.view.setHorizontalHeader(RequiredMarkHeader(self.view))
        self.view.setModel(self.model)
        self.delegate = FieldDelegate(self.model.columns, lookups_factory, self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Columns as wide as their headers and contents; the last is not stretched to the edge.
        self.view.horizontalHeader().setStretchLastSection(False)
        self.view.horizontalHeader().setResizeContentsPrecision(SIZED_ROWS)
        self.view.verticalHeader().setVisible(False)
        self.add_button = self._button("add", "Add row", "Add row", "add")
        self.delete_button = self._button(
            "delete", "Delete the selected row", "Delete row", "delete"
        )
        self.add_button.clicked.connect(self.add_row)
        self.delete_button.clicked.connect(self.delete_selected_row)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if not grid.fixed_rows and not grid.view:
            layout.addLayout(buttons)
        else:
            self.add_button.hide()
            self.delete_button.hide()
        layout.addWidget(self.view)
        self._fit_rows()
        self.model.rowsInserted.connect(lambda *_args: self._fit_rows())
        self.model.rows_edited.connect(lambda: self.edited.emit(self.value()))
        if grid.view:
            # Other records' rows: opened on their own screen, never edited here.
            self.set_read_only(True)
            self.view.activated.connect(lambda index: self.row_opened.emit(index.row()))

    def _button(self, name: str, tip: str, text: str, icon: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(f"{self.grid.object_name}_{name}")
        button.setText(text)
        button.setIcon(resources.icon(icon))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setToolTip(tip)
        return button

    def _fit_rows(self) -> None:
        """As tall as its rows within reason: at least MIN_ROWS, at most MAX_ROWS (then it
        scrolls), so a grid in a scrolling page is not a 70 px slot."""
        rows = max(MIN_ROWS, min(self.model.rowCount(), MAX_ROWS))
        height = (
            self.view.horizontalHeader().sizeHint().height()
            + rows * self.view.verticalHeader().defaultSectionSize()
            + 2 * self.view.frameWidth()
            + self.view.horizontalScrollBar().sizeHint().height()
        )
        self.view.setMinimumHeight(height)

    # -- Editor protocol ---------------------------------------------------------------------

    def value(self) -> list[Row]:
        return self.model.rows()

    def set_value(self, value: Any) -> None:
        self.model.set_rows(value if isinstance(value, list) else [])
        # Wide enough for the headers and what the rows hold (codes are short; names are not):
        # now when shown, else when next shown (a record's other tabs are not looked at).
        self._sized = False
        if self.isVisible():
            self._size_columns()
        self._fit_rows()

    def _size_columns(self) -> None:
        self.view.resizeColumnsToContents()
        self._sized = True

    def showEvent(self, event: QShowEvent) -> None:
        if not self._sized:
            self._size_columns()
        super().showEvent(event)

    def set_read_only(self, read_only: bool) -> None:
        read_only = read_only or self.grid.view
        self._read_only = read_only
        self.add_button.setEnabled(not read_only)
        self.delete_button.setEnabled(not read_only)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers
            if read_only
            else QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )

    def commit_pending(self) -> None:
        self.delegate.commit_open_editor()

    def current_position(self) -> int:
        return self.view.currentIndex().row() if self.view.currentIndex().isValid() else -1

    def current_row(self) -> Row | None:
        """The selected row, as shown."""
        return self.model.row(self.current_position())

    def link_detail(self, detail: GridEditor) -> None:
        """Show in ``detail`` the detail rows of this grid's current row, and keep them there."""
        key = detail.grid.key

        def show_current() -> None:
            row = self.model.row(self.current_position())
            detail.set_value(row.get(key, []) if row is not None else [])
            detail.set_read_only(row is None or self._read_only)

        def take_edits(rows: list[Row]) -> None:
            self.model.set_detail(self.current_position(), key, rows)

        def row_changed(top_left: QModelIndex, *_args: Any) -> None:
            # An on-change rule may have filled in the current row's detail rows.
            if top_left.row() == self.current_position():
                row = self.model.row(top_left.row())
                if row is not None and row.get(key, []) != detail.value():
                    detail.set_value(row.get(key, []))

        self.view.selectionModel().currentRowChanged.connect(lambda *_: show_current())
        self.model.dataChanged.connect(row_changed)
        self.model.modelReset.connect(self._select_first_row)
        self.model.rowsInserted.connect(lambda *_: show_current())
        self.model.rowsRemoved.connect(lambda *_: show_current())
        detail.edited.connect(take_edits)
        detail.master_row = self.current_row
        show_current()

    def _select_first_row(self) -> None:
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 0))
        else:
            self.view.setCurrentIndex(QModelIndex())

    # -- rows ----------------------------------------------------------------------------------

    def add_row(self) -> None:
        row = self.new_row(self.model.rows())
        master = self.master_row()
        if master is not None:
            row |= {k: master[k] for k in self.grid.from_master if master.get(k) is not None}
        position = self.model.add_row(row)
        first_editable = next(
            (
                column
                for column, spec in enumerate(self.model.columns)
                if spec.stored and spec.kind != Kind.CHECKBOX
            ),
            0,
        )
        index = self.model.index(position, first_editable)
        self.view.setCurrentIndex(index)
        self.view.setFocus()

    def delete_selected_row(self) -> None:
        current = self.view.currentIndex()
        if current.isValid():
            self.model.remove_row(current.row())


def lookup_code(descriptions: Descriptions) -> CodeOf:
    """How a grid shows a lookup cell: the referenced record's code, from the screen's per-load
    descriptions (painting a cell asks the store nothing)."""

    def code_of(spec: Field, value: Any) -> str:
        if spec.lookup is None:
            return str(value)
        choice = descriptions.get(spec.lookup, value)
        return choice.code if choice else ""

    return code_of


def set_row_rule(column: str, rule: RowRule, editor: QWidget) -> None:
    """Run ``rule`` when a user edits ``column`` of the grid ``editor`` (for
    ``RecordScreen.when_built``: a grid's rule is set when its tab is first built)."""
    assert isinstance(editor, GridEditor)
    editor.model.on_change[column] = rule
