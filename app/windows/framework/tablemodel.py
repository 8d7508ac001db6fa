"""A read-only table over a query: filtered and sorted in SQL, fetched a page at a time.

The list windows (DESIGN §2) show every record of a screen. Loading them all would make a list
of a million customers slow to open, so the model keeps only the rows the view has asked for
and adds a page when the view scrolls to the end (``canFetchMore``/``fetchMore``).

Pages follow each other by keyset (``WHERE (sort, key) > (last sort, last key)``) rather than
OFFSET, so the hundredth page costs what the first does and rows never repeat or go missing
while scrolling. The record key breaks ties in the sort, which makes the order total.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from sqlalchemy import ColumnElement, Select, and_, literal, or_, select, tuple_
from sqlalchemy.sql.elements import Label

from app.ledger.search import (
    SearchSyntaxError,
    checkbox_condition,
    number_condition,
    option_condition,
    text_condition,
)
from app.models.database import Store
from app.windows.framework.formats import amount_text, date_text, decimal_mark
from app.windows.framework.spec import Kind, ListColumn

ListSelect = Select[*tuple[Any, ...]]
# What a search cell holds: typed text, picked option names, or yes/no/any for a check box.
FilterValue = str | frozenset[str] | bool | None
Index = QModelIndex | QPersistentModelIndex

PAGE_SIZE = 200
NUMERIC_KINDS = frozenset({Kind.NUMBER, Kind.DECIMAL, Kind.MONEY, Kind.PERCENT})
# Kinds searched by what the cell shows, with the seed's space / % rules.
TEXT_KINDS = frozenset({Kind.TEXT, Kind.LOOKUP, Kind.DATE})
PICKED_KINDS = frozenset({Kind.OPTION, Kind.CHECKBOX})
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CELL_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)
SERVED_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.CheckStateRole,
        Qt.ItemDataRole.UserRole,
    }
)


def _unlabelled(expr: ColumnElement[Any]) -> ColumnElement[Any]:
    # WHERE and ORDER BY need the expression itself; a label only names it in the SELECT list.
    while isinstance(expr, Label):
        expr = expr.element
    return expr


def display_text(column: ListColumn, value: Any) -> str:
    """What a cell shows for a stored value."""
    if value is None:
        return ""
    if column.kind in (Kind.DECIMAL, Kind.MONEY, Kind.PERCENT):
        return amount_text(value if isinstance(value, Decimal) else Decimal(value))
    if isinstance(value, Enum):
        return str(getattr(value, "label", value.value))
    if (
        column.options is not None
        and isinstance(value, str)
        and value in column.options.__members__
    ):
        return column.options[value].label
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return date_text(value)
    if column.kind is Kind.CHECKBOX:
        return ""  # shown as a check state
    return str(value)


class QueryTableModel(QAbstractTableModel):
    """Rows of ``query``, whose selected columns are labelled by the columns' keys and ``key``.

    ``key`` labels the record id a row opens; it need not be one of the visible columns.
    """

    # The message of the first search cell that cannot be read; "" once every cell reads.
    search_error = Signal(str)

    def __init__(
        self,
        store: Store,
        query: ListSelect,
        columns: tuple[ListColumn, ...],
        key: str = "id",
        page_size: int = PAGE_SIZE,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._query = query
        self._columns = columns
        self._page_size = page_size
        selected = query.selected_columns
        labels = list(selected.keys())
        missing = [k for k in (*(c.key for c in columns), key) if k not in labels]
        if missing:
            raise KeyError(f"the list query has no column labelled {', '.join(missing)}")
        self._exprs = {c.key: _unlabelled(selected[c.key]) for c in columns}
        self._key_expr = _unlabelled(selected[key])
        # Row tuples hold the visible columns in order, then the key.
        self._positions = [labels.index(c.key) for c in columns] + [labels.index(key)]
        self._filters: dict[str, FilterValue] = {}
        self._errors: dict[str, str] = {}
        self._last_error = ""
        self._sort_column = -1
        self._sort_order = Qt.SortOrder.AscendingOrder
        self._statement: ListSelect = query
        self._rows: list[tuple[Any, ...]] = []
        self._row_of: dict[int, int] = {}
        self._more = False
        self._requery(self._page_size)

    # -- the public face ----------------------------------------------------------------------

    @property
    def columns(self) -> tuple[ListColumn, ...]:
        return self._columns

    @property
    def last_error(self) -> str:
        return self._last_error

    @property
    def errors(self) -> Mapping[str, str]:
        """Column key → message, for each search cell that cannot be read (and is ignored)."""
        return dict(self._errors)

    @property
    def sort_column(self) -> int:
        return self._sort_column

    @property
    def sort_order(self) -> Qt.SortOrder:
        return self._sort_order

    def column_of(self, key: str) -> int:
        for number, column in enumerate(self._columns):
            if column.key == key:
                return number
        raise KeyError(key)

    def filter_value(self, key: str) -> FilterValue:
        self.column_of(key)
        return self._filters.get(key)

    def set_filter(self, key: str, value: FilterValue) -> None:
        """Filter one column: text for text/number columns, option names, or yes/no/any."""
        self.set_filters({key: value})

    def set_filters(self, values: Mapping[str, FilterValue]) -> None:
        """Filter several columns with one query; unchanged values cost nothing."""
        # Every value is checked before any is taken, so a refused one changes nothing.
        normals = {
            key: self._normalised(self._columns[self.column_of(key)].kind, value)
            for key, value in values.items()
        }
        changed = False
        for key, normal in normals.items():
            if self._filters.get(key) != normal:
                changed = True
                if normal is None:
                    self._filters.pop(key, None)
                else:
                    self._filters[key] = normal
        if changed:
            self._requery(self._page_size)

    def refresh(self) -> None:
        """Read again (records may have changed), keeping filters, sort and the rows loaded."""
        self._requery(max(self._page_size, len(self._rows)))

    def key_at(self, row: int) -> int:
        return int(self._rows[row][-1])

    def row_of_key(self, key: int) -> int | None:
        """The row showing record ``key``, fetching pages up to it; None when filtered out."""
        if key in self._row_of:
            return self._row_of[key]
        if not self._more:
            return None
        probe = select(self._statement.where(self._key_expr == key).order_by(None).exists())
        with self._store.session() as session:
            if not session.scalar(probe):
                return None
        while self._more and key not in self._row_of:
            self._fetch(self._page_size * 10)  # bigger steps: the record is known to be there
        return self._row_of.get(key)

    # -- Qt's model interface -----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The view asks each cell for a dozen roles on every paint; most are answered here.
        if role not in SERVED_ROLES or not index.isValid() or index.row() >= len(self._rows):
            return None
        column = self._columns[index.column()]
        value = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return display_text(column, value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind in NUMERIC_KINDS:
            return RIGHT
        if role == Qt.ItemDataRole.CheckStateRole and column.kind is Kind.CHECKBOX:
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.UserRole:
            return value
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            column = self._columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return column.title
            if role == Qt.ItemDataRole.TextAlignmentRole and column.kind in NUMERIC_KINDS:
                return RIGHT
            return None
        return super().headerData(section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        return CELL_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index) -> None:
        if not parent.isValid():
            self._fetch(self._page_size)

    def _fetch(self, count: int) -> None:
        if not self._more:
            return
        rows = self._load(count, after=self._rows[-1] if self._rows else None)
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._append(rows)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL; a column outside the table means the records' own (key) order."""
        column = column if 0 <= column < len(self._columns) else -1
        if (column, order) == (self._sort_column, self._sort_order):
            return
        self._sort_column, self._sort_order = column, order
        self._requery(self._page_size)

    # -- querying -----------------------------------------------------------------------------

    @staticmethod
    def _normalised(kind: Kind, value: FilterValue) -> FilterValue:
        if kind is Kind.OPTION:
            if value is None:
                return None
            if isinstance(value, str | bool):
                raise TypeError("an option filter is a set of option names")
            return frozenset(value) or None
        if kind is Kind.CHECKBOX:
            if not (value is None or isinstance(value, bool)):
                raise TypeError("a check box filter is True, False or None")
            return value
        if value is None:
            return None
        if not isinstance(value, str):
            raise TypeError("a text or number filter is the text typed")
        return value if value.strip() else None

    def _conditions(self) -> tuple[list[ColumnElement[bool]], dict[str, str]]:
        conditions: list[ColumnElement[bool]] = []
        errors: dict[str, str] = {}
        for column in self._columns:
            value = self._filters.get(column.key)
            if value is None:
                continue
            expr = self._exprs[column.key]
            condition: ColumnElement[bool] | None
            try:
                if column.kind is Kind.OPTION:
                    assert isinstance(value, frozenset)
                    condition = option_condition(expr, value)
                elif column.kind is Kind.CHECKBOX:
                    assert isinstance(value, bool)
                    condition = checkbox_condition(expr, value)
                elif column.kind in NUMERIC_KINDS:
                    assert isinstance(value, str)
                    whole = column.kind is Kind.NUMBER
                    condition = number_condition(expr, value, column.title, whole, decimal_mark())
                else:
                    assert isinstance(value, str)
                    condition = text_condition(expr, value)
            except SearchSyntaxError as error:
                # The cell is ignored until it reads; the other cells still filter.
                errors[column.key] = str(error)
                continue
            if condition is not None:
                conditions.append(condition)
        return conditions, errors

    def _sort_expr(self) -> ColumnElement[Any] | None:
        if self._sort_column < 0:
            return None
        return self._exprs[self._columns[self._sort_column].key]

    def _ordered(self, statement: ListSelect) -> ListSelect:
        sort = self._sort_expr()
        key = self._key_expr
        if sort is None:
            return statement.order_by(None).order_by(key.asc())
        ascending = self._sort_order == Qt.SortOrder.AscendingOrder
        if self._store.engine.dialect.name == "sqlite":
            # SQLite already sorts empty values first ascending, last descending; spelling it
            # out would stop it walking an index in order.
            by = sort.asc() if ascending else sort.desc()
        else:
            by = sort.asc().nulls_first() if ascending else sort.desc().nulls_last()
        return statement.order_by(None).order_by(by, key.asc() if ascending else key.desc())

    def _after(self, row: tuple[Any, ...]) -> ColumnElement[bool]:
        """Rows after ``row`` in the current order: the keyset condition for the next page."""
        key_value = literal(row[-1], self._key_expr.type)
        key = self._key_expr
        sort = self._sort_expr()
        if sort is None:
            return key > key_value
        value = row[self._sort_column]
        # Empty values sort first ascending and last descending (see _ordered).
        if self._sort_order == Qt.SortOrder.AscendingOrder:
            if value is None:
                return or_(sort.is_not(None), and_(sort.is_(None), key > key_value))
            return tuple_(sort, key) > tuple_(literal(value, sort.type), key_value)
        if value is None:
            return and_(sort.is_(None), key < key_value)
        return or_(tuple_(sort, key) < tuple_(literal(value, sort.type), key_value), sort.is_(None))

    def _load(self, count: int, after: tuple[Any, ...] | None = None) -> list[tuple[Any, ...]]:
        """Up to ``count`` rows after ``after``; notes whether more follow."""
        statement = self._statement
        if after is not None:
            statement = statement.where(self._after(after))
        # One row more than asked tells whether another page exists without another query.
        with self._store.session() as session:
            result = session.execute(statement.limit(count + 1)).all()
        self._more = len(result) > count
        return [tuple(row[p] for p in self._positions) for row in result[:count]]

    def _append(self, rows: Collection[tuple[Any, ...]]) -> None:
        for row in rows:
            self._row_of[int(row[-1])] = len(self._rows)
            self._rows.append(row)

    def _requery(self, count: int) -> None:
        conditions, errors = self._conditions()
        statement = self._query.where(*conditions) if conditions else self._query
        self._statement = self._ordered(statement)
        rows = self._load(count)
        # Errors are set before the reset, so views reading them on modelReset see them.
        message = next(iter(errors.values()), "")
        changed = message != self._last_error
        self._errors, self._last_error = errors, message
        self.beginResetModel()
        self._rows = []
        self._row_of = {}
        self._append(rows)
        self.endResetModel()
        if changed:
            self.search_error.emit(message)
