"""The record being edited, as a one-row Qt item model, and the binder that ties it to widgets.

The model holds the draft: every value the user typed, readable or not, plus what was loaded,
so it knows which fields are unsaved. The binder moves values both ways, re-evaluates the
fields' visible/enabled conditions, and runs the screen's on-change rules (a class change
filling in the class's values, say).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import date, time
from decimal import Decimal
from enum import Enum
from typing import Any, TypeVar, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QWidget

from app.ledger.fields import Advice
from app.ledger.fields import OnChange as ChangeRule
from app.ledger.records import PARTS, InvalidInput
from app.windows.framework.spec import Field
from app.windows.framework.widgets import Editor, as_editor

ModelIndex = QModelIndex | QPersistentModelIndex
OnChange = Callable[[Any], Mapping[str, Any] | None]
T = TypeVar("T")
# Values nothing changes in place: shared by a copy, not copied.
_IMMUTABLE = (str, int, float, Decimal, date, time, Enum, InvalidInput, type(None))


def copied(value: T) -> T:
    """A copy of a record's value whose lists and dicts (grids' rows, detail rows) are its own,
    as ``copy.deepcopy`` gives, at a fraction of its cost: a customer's hundreds of rows of
    locations, contacts and activities are copied with every load."""
    found: Any
    if isinstance(value, list):
        found = [copied(item) for item in value]
    elif isinstance(value, dict):
        found = {key: copied(item) for key, item in value.items()}
    elif isinstance(value, _IMMUTABLE):
        return value
    else:
        found = copy.deepcopy(value)
    return cast(T, found)


class RecordModel(QAbstractTableModel):
    """One row: the record; one column per field key."""

    dirty_changed = Signal(bool)

    def __init__(self, keys: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.keys = keys
        self._column = {key: column for column, key in enumerate(keys)}
        self._values: dict[str, Any] = dict.fromkeys(keys)
        self._loaded: dict[str, Any] = dict.fromkeys(keys)
        self.record_id: int | None = None
        self.version: int | None = None
        # Identity and version of the related rows as read (records.PARTS): checked on save.
        self.parts: dict[str, Any] = {}
        self._was_dirty = False

    # -- Qt model --------------------------------------------------------------------------

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else 1

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.keys)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.EditRole,
        ):
            return None
        value = self._values[self.keys[index.column()]]
        return value if role == Qt.ItemDataRole.EditRole else _display(value)

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        key = self.keys[index.column()]
        if self._values[key] == value and type(self._values[key]) is type(value):
            return False
        self._values[key] = value
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.EditRole])
        self._notify_dirty()
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.keys[section]
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    # -- record API ------------------------------------------------------------------------

    def load(self, values: Mapping[str, Any], record_id: int | None, version: int | None) -> None:
        """Show a record (or a new one) as saved: nothing unsaved afterwards."""
        self.beginResetModel()
        self._values = {key: values.get(key) for key in self.keys}
        self._loaded = copied(self._values)  # grids' rows are lists: keep their own copy
        self.record_id = record_id
        self.version = version
        self.parts = dict(values.get(PARTS) or {})
        self.endResetModel()
        self._notify_dirty()

    def value(self, key: str) -> Any:
        return self._values[key]

    def refresh(self, key: str, value: Any) -> None:
        """Show ``value`` as read now (a view grid's rows, read again): nothing unsaved."""
        self._loaded[key] = copied(value)
        self.set_value(key, value)

    def set_value(self, key: str, value: Any) -> bool:
        return self.setData(self.index(0, self._column[key]), value)

    def values(self) -> dict[str, Any]:
        return dict(self._values)

    def changed_keys(self) -> list[str]:
        return [key for key in self.keys if self._values[key] != self._loaded[key]]

    def loaded_value(self, key: str) -> Any:
        return self._loaded[key]

    def loaded_values(self) -> dict[str, Any]:
        """The record as it was read, with its parts' stamps: what a save is checked against."""
        return copied(self._loaded) | {PARTS: dict(self.parts)}

    @property
    def is_new(self) -> bool:
        return self.record_id is None

    @property
    def is_dirty(self) -> bool:
        return bool(self.changed_keys())

    def key_of(self, index: ModelIndex) -> str:
        return self.keys[index.column()]

    def _notify_dirty(self) -> None:
        dirty = self.is_dirty
        if dirty != self._was_dirty:
            self._was_dirty = dirty
            self.dirty_changed.emit(dirty)


def _display(value: Any) -> Any:
    """A value as text (Qt's DisplayRole holds text): an option's label, a lookup's id …"""
    label = getattr(value, "label", None)
    if label is not None:
        return label
    return value if value is None or isinstance(value, str) else str(value)


class Binder(QObject):
    """Keeps editors and the record model in step and applies the fields' conditions."""

    # A definition's advice, in words, after the user changed a field it depends on.
    advised = Signal(str)

    def __init__(
        self,
        model: RecordModel,
        fields: list[Field],
        editors: Mapping[str, QWidget],
        rows: Mapping[str, list[QWidget]],
        parent: QObject | None = None,
        *,
        rules: Sequence[ChangeRule] = (),
        advice: Sequence[Advice] = (),
        grid_conditions: Mapping[str, Callable[[Mapping[str, Any]], bool]] | None = None,
        service: object = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        # The definition's on-change rules (given the record's service), by the field they
        # follow; then the screen's own handlers (a question, a narrowed lookup) in on_change.
        self.rules: dict[str, list[ChangeRule]] = {}
        for rule in rules:
            self.rules.setdefault(rule.field, []).append(rule)
        self.advice: dict[str, list[Advice]] = {}
        for item in advice:
            for key in item.depends:
                self.advice.setdefault(key, []).append(item)
        # Grids editable only under a condition of the record's values, by grid key.
        self.grid_conditions = dict(grid_conditions or {})
        self.service = service
        self.fields = {spec.key: spec for spec in fields}
        # The editors built so far: a tab's join when it is first shown (bind).
        self.editors: dict[str, QWidget] = {}
        self._field_editors: dict[str, Editor] = {}  # the same, checked once (as_editor)
        self.rows: dict[str, list[QWidget]] = {}  # a field's label and editor, shown together
        self.on_change: dict[str, OnChange] = {}
        self._pushing = False
        self._rules_paused = False
        self._connect(editors, rows)
        model.dataChanged.connect(self._model_changed)
        model.modelReset.connect(self.push_all)

    def bind(self, editors: Mapping[str, QWidget], rows: Mapping[str, list[QWidget]]) -> None:
        """Tie editors built later (a tab's, when first shown) to the record: they show its
        values as they are now (on-change rules may have set them meanwhile) and follow the
        fields' conditions."""
        self._connect(editors, rows)
        for key in editors:
            self._push(key)
        self.apply_conditions()

    def _connect(self, editors: Mapping[str, QWidget], rows: Mapping[str, list[QWidget]]) -> None:
        for key, editor in editors.items():
            self.editors[key] = editor
            self._field_editors[key] = field_editor = as_editor(editor)
            field_editor.edited.connect(lambda value, key=key: self._edited(key, value))
        self.rows.update(rows)

    def push_all(self) -> None:
        for key in self.editors:
            self._push(key)
        self.apply_conditions()

    def _push(self, key: str) -> None:
        self._pushing = True
        try:
            self._field_editors[key].set_value(self.model.value(key))
        finally:
            self._pushing = False

    def _edited(self, key: str, value: Any) -> None:
        if self._pushing:
            return
        self.model.set_value(key, value)

    def _model_changed(
        self, top_left: QModelIndex, _bottom_right: QModelIndex, _roles: Any = None
    ) -> None:
        key = self.model.key_of(top_left)
        editor = self._field_editors.get(key)
        if editor is not None and editor.value() != self.model.value(key):
            self._push(key)
        if not self._pushing and not self._rules_paused:
            for rule in self.rules.get(key, []):
                for other, value in (rule.run(self.model.values(), self.service) or {}).items():
                    self.model.set_value(other, value)
            handler = self.on_change.get(key)
            if handler is not None:
                for other, value in (handler(self.model.value(key)) or {}).items():
                    self.model.set_value(other, value)
            self._advise(key)
        self.apply_conditions()

    def _advise(self, key: str) -> None:
        """The advice depending on ``key``, once the user's change and its rules are in."""
        for item in self.advice.get(key, []):
            text = item.run(self.model.values(), self.model.loaded_values())
            if text:
                self.advised.emit(text)

    @contextmanager
    def rules_paused(self) -> Iterator[None]:
        """Set values that already belong together (a pasted record) without the on-change
        rules filling anything in over them."""
        self._rules_paused = True
        try:
            yield
        finally:
            self._rules_paused = False

    def apply_conditions(self) -> None:
        values = self.model.values()
        for key, condition in self.grid_conditions.items():
            grid = self.editors.get(key)
            if grid is not None:
                grid.setEnabled(bool(condition(values)))
        for key, spec in self.fields.items():
            if spec.visible_when is not None:
                visible = bool(spec.visible_when(values))
                for widget in self.rows.get(key, []):
                    widget.setVisible(visible)
            if spec.enabled_when is not None and key in self.editors:
                enabled = bool(spec.enabled_when(values))
                for widget in self.rows.get(key, []):
                    widget.setEnabled(enabled)
