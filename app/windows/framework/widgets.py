"""One editor class per field kind. Every editor speaks the same small protocol:

``value()`` / ``set_value(v)`` move a Python value (str, int, Decimal, bool, date, option
member, record id), ``edited`` fires only when the *user* changes it, and
``set_read_only(flag)`` locks it. Text that cannot be read (``12x`` in an amount) is passed on
as ``InvalidInput`` so the save can name the field, and the typed text is never thrown away.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any, Protocol, runtime_checkable

from PySide6.QtCore import QDate, QSignalBlocker, Qt, Signal, SignalInstance
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app.ledger.records import InvalidInput
from app.models.base import OptionEnum
from app.money import NotADecimalError, format_decimal, parse_decimal
from app.windows.framework.spec import Field, Kind


@runtime_checkable
class Editor(Protocol):
    """What every field editor speaks; ``editor()`` checks a widget is one."""

    edited: SignalInstance

    def value(self) -> Any: ...
    def set_value(self, value: Any) -> None: ...
    def set_read_only(self, read_only: bool) -> None: ...


def as_editor(widget: QWidget) -> Editor:
    """The widget as the field editor it is (every widget the builder makes for a field)."""
    assert isinstance(widget, Editor), f"{widget.objectName()} is not a field editor"
    return widget


# Drawn around a field with a problem (its own style sheet while it has one).
INVALID_STYLE = '*[invalid="true"] { border: 2px solid #c0392b; border-radius: 2px; }'


def mark_invalid(widget: QWidget, invalid: bool, problem: str = "") -> None:
    """Outline a field with a problem (``[invalid="true"]``); its tooltip says the problem
    while it has one, and the field's help again once it is gone."""
    if widget.property("help_tooltip") is None:
        widget.setProperty("help_tooltip", widget.toolTip())
    help_text = str(widget.property("help_tooltip"))
    widget.setToolTip(f"{problem}\n\n{help_text}".strip() if invalid and problem else help_text)
    if bool(widget.property("invalid")) == invalid:
        return
    widget.setProperty("invalid", invalid)
    # The outline is the field's own style sheet while it has a problem: a sheet on the whole
    # screen would have Qt restyle every field of it each time the screen is re-parented.
    widget.setStyleSheet(INVALID_STYLE if invalid else "")


class TextEditor(QLineEdit):
    edited = Signal(object)

    def __init__(self, spec: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if spec.max_length:
            self.setMaxLength(spec.max_length)
        self.textEdited.connect(lambda _text: self.edited.emit(self.value()))

    def value(self) -> str | None:
        return self.text() or None

    def set_value(self, value: Any) -> None:
        self.setText("" if value is None else str(value))
        self.setCursorPosition(0)

    def set_read_only(self, read_only: bool) -> None:
        self.setReadOnly(read_only)


class MemoEditor(QPlainTextEdit):
    """Several lines of text; unlike a line edit it never cuts a long stored text."""

    edited = Signal(object)

    def __init__(self, spec: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setMinimumHeight(120)
        self._pushing = False
        self.textChanged.connect(self._changed)

    def _changed(self) -> None:
        if not self._pushing:
            self.edited.emit(self.value())

    def value(self) -> str | None:
        return self.toPlainText() or None

    def set_value(self, value: Any) -> None:
        self._pushing = True
        try:
            self.setPlainText("" if value is None else str(value))
        finally:
            self._pushing = False

    def set_read_only(self, read_only: bool) -> None:
        self.setReadOnly(read_only)


class NumberEditor(QLineEdit):
    edited = Signal(object)

    def __init__(self, spec: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setValidator(QIntValidator(-999_999_999, 999_999_999, self))
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.textEdited.connect(lambda _text: self.edited.emit(self.value()))

    def value(self) -> int | None:
        text = self.text().strip()
        return int(text) if text and text != "-" else None

    def set_value(self, value: Any) -> None:
        self.setText("" if value is None else str(value))

    def set_read_only(self, read_only: bool) -> None:
        self.setReadOnly(read_only)


class DecimalEditor(QLineEdit):
    """Money, percent and other decimals: typed freely, read on every keystroke, shown rounded."""

    edited = Signal(object)

    def __init__(self, spec: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._places = spec.places
        self._label = spec.label
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.textEdited.connect(lambda _text: self.edited.emit(self.value()))
        self.editingFinished.connect(self._tidy)

    def value(self) -> Decimal | InvalidInput | None:
        text = self.text()
        if not text.strip():
            return None
        try:
            return parse_decimal(text)
        except NotADecimalError:
            return InvalidInput(text, f"'{text}' is not a number.")

    def set_value(self, value: Any) -> None:
        if isinstance(value, InvalidInput):
            self.setText(value.text)
        else:
            self.setText(format_decimal(value, self._places))
        mark_invalid(self, isinstance(value, InvalidInput))

    def _tidy(self) -> None:
        value = self.value()
        mark_invalid(self, isinstance(value, InvalidInput))
        if isinstance(value, Decimal):
            self.setText(format_decimal(value, self._places))

    def set_read_only(self, read_only: bool) -> None:
        self.setReadOnly(read_only)


class CheckEditor(QCheckBox):
    edited = Signal(object)

    def __init__(self, spec: Field, parent: QWidget | None = None) -> None:
        super().__init__(spec.label, parent)
        # clicked, not toggled: only the user's own clicks count as edits.
        self.clicked.connect(lambda checked: self.edited.emit(bool(checked)))

    def value(self) -> bool:
        return self.isChecked()

    def set_value(self, value: Any) -> None:
        self.setChecked(bool(value))

    def set_read_only(self, read_only: bool) -> None:
        self.setEnabled(not read_only)


class OptionEditor(QComboBox):
    edited = Signal(object)

    def __init__(self, spec: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if spec.options is None:
            raise ValueError(f"option field {spec.key} declares no options")
        self._options: type[OptionEnum] = spec.options
        if not spec.required:
            self.addItem("", None)
        for member in spec.options:
            self.addItem(member.label, member.name)
        self.activated.connect(lambda _index: self.edited.emit(self.value()))

    def value(self) -> OptionEnum | None:
        name = self.currentData()
        return self._options[name] if name else None

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self):
            name = value.name if isinstance(value, OptionEnum) else value
            self.setCurrentIndex(max(self.findData(name), 0))

    def set_read_only(self, read_only: bool) -> None:
        self.setEnabled(not read_only)


class DateEditor(QDateEdit):
    """A date that may be empty: the minimum date stands for 'no date' and shows blank."""

    edited = Signal(object)
    _EMPTY = QDate(1900, 1, 1)

    def __init__(self, spec: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setMinimumDate(self._EMPTY)
        self.setSpecialValueText(" ")
        self.setDate(self._EMPTY)
        self.setDisplayFormat("yyyy-MM-dd")
        self.userDateChanged.connect(lambda _d: self.edited.emit(self.value()))

    def value(self) -> date | None:
        current = self.date()
        if current == self._EMPTY:
            return None
        return date(current.year(), current.month(), current.day())

    def set_value(self, value: Any) -> None:
        with QSignalBlocker(self):
            if isinstance(value, date):
                self.setDate(QDate(value.year, value.month, value.day))
            else:
                self.setDate(self._EMPTY)

    def set_read_only(self, read_only: bool) -> None:
        self.setReadOnly(read_only)


class ReadOnlyEditor(QLineEdit):
    """Computed values (balances, dates): shown, never typed."""

    edited = Signal(object)

    def __init__(self, spec: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._places = spec.places
        self.setReadOnly(True)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self._value: Any = None

    def value(self) -> Any:
        return self._value

    def set_value(self, value: Any) -> None:
        self._value = value
        if isinstance(value, Decimal):
            self.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.setText(format_decimal(value, self._places))
        elif isinstance(value, OptionEnum):
            self.setText(value.label)
        else:
            self.setText("" if value is None else str(value))

    def set_read_only(self, read_only: bool) -> None:
        """Always read-only."""


def create_editor(spec: Field, parent: QWidget | None, lookups: Any = None) -> QWidget:
    """The editor for a field's kind; lookups need the store and are made by ``lookups``."""
    kind = spec.kind
    editor: QWidget
    if kind == Kind.LOOKUP:
        if lookups is None:
            raise ValueError(f"lookup field {spec.key} needs a lookup factory")
        editor = lookups(spec, parent)
    elif kind == Kind.TEXT:
        editor = TextEditor(spec, parent)
    elif kind == Kind.MEMO:
        editor = MemoEditor(spec, parent)
    elif kind == Kind.NUMBER:
        editor = NumberEditor(spec, parent)
    elif kind in (Kind.DECIMAL, Kind.MONEY, Kind.PERCENT):
        editor = DecimalEditor(spec, parent)
    elif kind == Kind.CHECKBOX:
        editor = CheckEditor(spec, parent)
    elif kind == Kind.OPTION:
        editor = OptionEditor(spec, parent)
    elif kind == Kind.DATE:
        editor = DateEditor(spec, parent)
    else:
        editor = ReadOnlyEditor(spec, parent)
    if spec.read_only:
        as_editor(editor).set_read_only(True)
    editor.setObjectName(spec.key)
    if spec.help:
        editor.setToolTip(spec.help)
        editor.setWhatsThis(spec.help)
    return editor
