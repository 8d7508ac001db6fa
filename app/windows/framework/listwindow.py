"""A screen's list window (DESIGN §2): its records in a table under a search line.

The search line has one cell per column, kept over its column while columns are resized,
moved or scrolled. White cells take typed text (for numbers ``>100``, ``100..200`` …) and
filter as you type; grey cells (option lists, check boxes) open a pop-up to pick values.
Filtering and sorting run in SQL (QueryTableModel), so the window opens and filters instantly
however many records there are.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.models.database import Store
from app.windows.framework.spec import Kind, ListColumn
from app.windows.framework.tablemodel import (
    NUMERIC_KINDS,
    PICKED_KINDS,
    FilterValue,
    ListSelect,
    QueryTableModel,
)

DEBOUNCE_MS = 150
TEXT_HELP = (
    "Type to search this column. Words separated by spaces: all of them, in any order; "
    "with %: the words in this order, % standing for any text."
)
NUMBER_HELP = "Type a number, >100, >=100, <5, <=5, =5, <>5 or a range 100..200."
PICK_HELP = "Click to choose the values to show."
GREY = "QToolButton { background: #e4e4e4; border: 1px solid #c4c4c4; text-align: left; }"
RED = "QLineEdit { background: #ffd6d6; }"


class ListWindow(QWidget):
    """The list of a screen's records; opening a row emits ``record_activated(key)``."""

    record_activated = Signal(int)

    def __init__(
        self,
        screen_id: str,
        store: Store,
        query: ListSelect,
        key: str,
        columns: tuple[ListColumn, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"list_{screen_id}")
        self._columns = columns
        self._model = QueryTableModel(store, query, columns, key, parent=self)

        self._table = QTableView(self)
        self._table.setObjectName("list_table")
        self._table.setModel(self._model)
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self._table.verticalHeader().hide()
        header = self._table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        for number, column in enumerate(columns):
            header.resizeSection(number, column.width)
        # No sort until a header is clicked: the records' own order, as the model starts.
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self._table.setSortingEnabled(True)

        # The search line: cells live in a strip clipped to the table's viewport, positioned
        # like the header sections, so they scroll and resize with their columns.
        self._search_line = QWidget(self)
        self._search_line.setObjectName("list_search_line")
        self._strip = QWidget(self._search_line)
        self._cells: dict[str, QLineEdit | QToolButton] = {}
        self._menus: dict[str, QMenu] = {}
        for column in columns:
            self._cells[column.key] = self._make_cell(column)
        self._search_line.setFixedHeight(
            max((c.sizeHint().height() for c in self._cells.values()), default=0)
        )

        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(DEBOUNCE_MS)
        self._typing.timeout.connect(self._apply)

        self._message = QLabel(self)
        self._message.setObjectName("list_message")
        self._message.setTextFormat(Qt.TextFormat.PlainText)
        self._message.setStyleSheet("color: #b00020;")
        self._message.setWordWrap(True)
        self._row_count = QLabel(self)
        self._row_count.setObjectName("list_row_count")

        footer = QHBoxLayout()
        footer.addWidget(self._message, 1)
        footer.addWidget(self._row_count, 0, Qt.AlignmentFlag.AlignRight)
        layout = QVBoxLayout(self)
        layout.setSpacing(0)
        layout.addWidget(self._search_line)
        layout.addWidget(self._table, 1)
        layout.addLayout(footer)

        header.sectionResized.connect(self._place_cells)
        header.sectionMoved.connect(self._place_cells)
        header.geometriesChanged.connect(self._place_cells)
        self._table.horizontalScrollBar().valueChanged.connect(self._place_cells)
        self._table.viewport().installEventFilter(self)
        self._table.installEventFilter(self)
        self._table.doubleClicked.connect(self._activate)
        self._model.modelReset.connect(self._after_query)
        self._model.rowsInserted.connect(self._show_row_count)
        self._after_query()

    # -- the public face ----------------------------------------------------------------------

    @property
    def model(self) -> QueryTableModel:
        return self._model

    @property
    def table(self) -> QTableView:
        return self._table

    def search_cell(self, key: str) -> QLineEdit | QToolButton:
        return self._cells[key]

    def refresh(self) -> None:
        """Read the records again, keeping the search line, the sort and the current record."""
        current = self.current_key()
        self._model.refresh()
        if current is not None:
            self.show_record(current)

    def current_key(self) -> int | None:
        index = self._table.currentIndex()
        return self._model.key_at(index.row()) if index.isValid() else None

    def show_record(self, key: int) -> bool:
        """Make record ``key`` the current row (fetching up to it); False when it is not listed."""
        row = self._model.row_of_key(key)
        if row is None:
            return False
        index = self._model.index(row, 0)
        self._table.setCurrentIndex(index)
        self._table.scrollTo(index)
        return True

    # -- the search line ----------------------------------------------------------------------

    def _make_cell(self, column: ListColumn) -> QLineEdit | QToolButton:
        cell: QLineEdit | QToolButton
        if column.kind in PICKED_KINDS:
            cell = QToolButton(self._strip)
            cell.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            cell.setStyleSheet(GREY)
            cell.setToolTip(PICK_HELP)
            menu = QMenu(cell)
            menu.setObjectName(f"search_{column.key}_menu")
            if column.kind is Kind.CHECKBOX:
                choices: list[tuple[object, str]] = [(True, "Yes"), (False, "No")]
            else:
                assert column.options is not None, f"option column {column.key} needs options"
                choices = list(column.options.choices())
            group = QActionGroup(menu)
            # One of yes/no, or neither; any set of options.
            group.setExclusionPolicy(
                QActionGroup.ExclusionPolicy.ExclusiveOptional
                if column.kind is Kind.CHECKBOX
                else QActionGroup.ExclusionPolicy.None_
            )
            for value, label in choices:
                action = QAction(label, menu)
                action.setCheckable(True)
                action.setData(value)
                group.addAction(action)
                menu.addAction(action)
            menu.triggered.connect(self._apply)
            cell.setMenu(menu)
            self._menus[column.key] = menu
        else:
            cell = QLineEdit(self._strip)
            cell.setToolTip(self._help(column))
            if column.kind in NUMERIC_KINDS:
                cell.setAlignment(Qt.AlignmentFlag.AlignRight)
            cell.textEdited.connect(self._typed)
            cell.returnPressed.connect(self._apply)
        cell.setObjectName(f"search_{column.key}")
        cell.setAccessibleName(f"Search {column.title}")
        return cell

    def _typed(self) -> None:
        self._typing.start()  # restarts: the query runs once typing pauses

    def _apply(self) -> None:
        self._typing.stop()
        values: dict[str, FilterValue] = {}
        for column in self._columns:
            cell = self._cells[column.key]
            if isinstance(cell, QLineEdit):
                values[column.key] = cell.text()
                continue
            picked = [a for a in self._menus[column.key].actions() if a.isChecked()]
            cell.setText(", ".join(a.text() for a in picked))
            if column.kind is Kind.CHECKBOX:
                values[column.key] = bool(picked[0].data()) if picked else None
            else:
                values[column.key] = frozenset(str(a.data()) for a in picked)
        self._model.set_filters(values)

    def _after_query(self) -> None:
        # A cell that cannot be read turns red and says why; the message repeats it below.
        errors = self._model.errors
        for column in self._columns:
            cell = self._cells[column.key]
            if isinstance(cell, QLineEdit):
                style = RED if column.key in errors else ""
                if cell.styleSheet() != style:  # re-styling costs; most queries change nothing
                    cell.setStyleSheet(style)
                cell.setToolTip(errors.get(column.key) or self._help(column))
        self._message.setText(self._model.last_error)
        self._show_row_count()

    @staticmethod
    def _help(column: ListColumn) -> str:
        return NUMBER_HELP if column.kind in NUMERIC_KINDS else TEXT_HELP

    def _show_row_count(self) -> None:
        rows = self._model.rowCount()
        more = "+" if self._model.canFetchMore(QModelIndex()) else ""
        self._row_count.setText(f"{rows}{more} {'row' if rows == 1 and not more else 'rows'}")

    def _place_cells(self) -> None:
        header = self._table.horizontalHeader()
        viewport = self._table.viewport()
        origin = QPoint(0, 0)
        left = viewport.mapTo(self, origin).x() - self._search_line.mapTo(self, origin).x()
        height = self._search_line.height()
        self._strip.setGeometry(left, 0, viewport.width(), height)
        for number, column in enumerate(self._columns):
            cell = self._cells[column.key]
            if header.isSectionHidden(number):
                cell.hide()
                continue
            x = header.sectionViewportPosition(number)
            cell.setGeometry(x, 0, header.sectionSize(number), height)
            cell.show()

    # -- events -------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_cells()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._place_cells()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._table.viewport() and event.type() == QEvent.Type.Resize:
            self._place_cells()
        elif (
            watched is self._table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self._table.currentIndex().isValid()
        ):
            self._activate(self._table.currentIndex())
            return True
        return super().eventFilter(watched, event)

    def _activate(self, index: QModelIndex) -> None:
        if index.isValid():
            self.record_activated.emit(self._model.key_at(index.row()))
