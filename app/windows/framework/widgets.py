"""One editor class per field kind. Every editor speaks the same small protocol:

``value()`` / ``set_value(v)`` move a Python value (str, int, Decimal, bool, date, option
member, record id), ``edited`` fires only when the *user* changes it, and
``set_read_only(flag)`` locks it. Text that cannot be read (``12x`` in an amount, ``1,500``,
``2025-02-30``) is passed on as ``InvalidInput`` so the save can name the field, and the typed
text is never thrown away, cut or rounded (DESIGN.md §7). Numbers are read by the user's decimal
mark (the application's QLocale) through ``app.money``, the one place that decides them.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any, Protocol, runtime_checkable

from PySide6.QtCore import QDate, QLocale, QSignalBlocker, QSize, Qt, Signal, SignalInstance
from PySide6.QtGui import (
    QClipboard,
    QContextMenuEvent,
    QDropEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from app import resources
from app.ledger.records import InvalidInput
from app.models.base import OptionEnum
from app.money import parse_decimal, parse_whole
from app.windows.framework.formats import (
    amount_text,
    date_format,
    date_text,
    datetime_text,
    decimal_mark,
    duration_text,
)
from app.windows.framework.spec import Field, Kind

# QLineEdit's own default limit (32767) would cut a long paste in silence; the field's limit is
# the column's, checked by the ledger, so the line edit itself takes any length.
UNLIMITED = 2**31 - 1


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


def show_read_only(widget: QWidget, read_only: bool) -> None:
    """A read-only field is drawn flat (``[readOnly="true"]`` in the application style sheet)
    and left out of the Tab order; a click still focuses it, to select and copy its text."""
    widget.setFocusPolicy(Qt.FocusPolicy.ClickFocus if read_only else Qt.FocusPolicy.StrongFocus)
    if widget.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
        # Style sheet property selectors are matched when a widget is polished.
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def show_problem(widget: QWidget, problem: str | None, help_text: str) -> None:
    """Frame a field red and say why in its tooltip, as soon as the user leaves it; the save
    then refuses it with the field named."""
    mark_invalid(widget, problem is not None)
    widget.setToolTip(problem or help_text)


def typed_beyond(limit: int | None, length: int, selected: int, event: QKeyEvent) -> bool:
    """Whether a keystroke would make a text longer than ``limit``: typing stops there, as in
    any length-limited field."""
    typed = event.text()
    if not limit or not typed or not typed.isprintable():
        return False
    after = length - selected + len(typed)
    return after > limit and after > length


class TextEditor(QLineEdit):
    """Text up to its column's length. Typing stops at the limit (QLineEdit's max length), but
    that limit would also cut a longer text pasted, dropped or shown in silence: for those it
    is lifted while the text is too long, so the whole text reaches the record, is framed red at
    once, and the save refuses it with the field named."""

    edited = Signal(object)

    def __init__(self, spec: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._limit = spec.max_length
        self._help = spec.help
        self.setMaxLength(self._limit or UNLIMITED)
        self.textEdited.connect(lambda _text: self.edited.emit(self.value()))
        self.textChanged.connect(self._check_length)

    def _make_room(self, incoming: str, replaced: int | None = None) -> None:
        """Lift the limit when ``incoming`` (over the selection, or ``replaced`` characters)
        would not fit: it is taken whole, never cut."""
        kept = len(self.text()) - (len(self.selectedText()) if replaced is None else replaced)
        if not self._limit or kept + len(incoming) <= self._limit:
            return
        # Setting the max length sets the text again, which loses the selection the incoming
        # text is to replace: keep it.
        start, cursor = self.selectionStart(), self.cursorPosition()
        selected = len(self.selectedText())
        self.setMaxLength(UNLIMITED)
        if not selected:
            self.setCursorPosition(cursor)
        elif cursor == start:  # selected backwards: the cursor stays where it was
            self.setSelection(start + selected, -selected)
        else:
            self.setSelection(start, selected)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Paste) and not self.isReadOnly():
            self._make_room(QGuiApplication.clipboard().text())
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.createStandardContextMenu()
        for action in menu.actions():
            if action.objectName() == "edit-paste":
                action.triggered.disconnect()
                action.triggered.connect(self._paste_whole)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def _paste_whole(self) -> None:
        self._make_room(QGuiApplication.clipboard().text())
        self.paste()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        # A middle click pastes the selection clipboard (X11).
        if event.button() == Qt.MouseButton.MiddleButton and not self.isReadOnly():
            self._make_room(QGuiApplication.clipboard().text(QClipboard.Mode.Selection))
        super().mouseReleaseEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        if event.mimeData().hasText() and not self.isReadOnly():
            self._make_room(event.mimeData().text(), replaced=0)
        super().dropEvent(event)

    def _check_length(self, text: str) -> None:
        if self._limit is None:
            return
        if len(text) > self._limit:
            problem = f"at most {self._limit} characters (this has {len(text)})."
            show_problem(self, problem, self._help)
        elif self.maxLength() != self._limit:
            # Fits again: typing stops at the limit again, and the length is no longer flagged
            # (a mark the save put for another rule stays until the next save).
            self.setMaxLength(self._limit)
            show_problem(self, None, self._help)

    def value(self) -> str | None:
        return self.text() or None

    def set_value(self, value: Any) -> None:
        text = "" if value is None else str(value)
        self._make_room(text, replaced=len(self.text()))
        self.setText(text)
        self.setCursorPosition(0)

    def set_read_only(self, read_only: bool) -> None:
        self.setReadOnly(read_only)
        show_read_only(self, read_only)


class MemoEditor(QPlainTextEdit):
    """Several lines of text; unlike a line edit it never cuts a long stored text."""

    edited = Signal(object)

    def __init__(self, spec: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setMinimumHeight(120)
        self._limit = spec.max_length
        self._pushing = False
        self.textChanged.connect(self._changed)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        selected = len(self.textCursor().selectedText())
        if typed_beyond(self._limit, len(self.toPlainText()), selected, event):
            event.accept()
            return
        super().keyPressEvent(event)

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
        show_read_only(self, read_only)


class _TypedEditor(QLineEdit):
    """A line edit whose text is read as a value (a number, a date): typed freely — no
    keystroke is swallowed — read on every keystroke, tidied when the user leaves it; text that
    does not read is kept, framed red with the reason in the tooltip, and passed on as
    ``InvalidInput``."""

    edited = Signal(object)

    def __init__(self, spec: Field, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._help = spec.help
        self.setMaxLength(UNLIMITED)
        self.textEdited.connect(lambda _text: self.edited.emit(self.value()))
        self.editingFinished.connect(self._tidy)

    def read(self, text: str) -> Any:
        """The value of non-blank text; raises ValueError (the reason) when it has none."""
        raise NotImplementedError

    def shown(self, value: Any) -> str:
        return str(value)

    def value(self) -> Any:
        text = self.text()
        if not text.strip():
            return None
        try:
            return self.read(text)
        except ValueError as error:
            return InvalidInput(text, str(error))

    def set_value(self, value: Any) -> None:
        if isinstance(value, InvalidInput):
            self.setText(value.text)
        else:
            self.setText("" if value is None else self.shown(value))
        self._show(value)

    def _tidy(self) -> None:
        value = self.value()
        self._show(value)
        if value is not None and not isinstance(value, InvalidInput):
            self.setText(self.shown(value))  # what is stored, exactly: never rounded

    def _show(self, value: Any) -> None:
        show_problem(self, value.reason if isinstance(value, InvalidInput) else None, self._help)

    def set_read_only(self, read_only: bool) -> None:
        self.setReadOnly(read_only)
        show_read_only(self, read_only)


class NumberEditor(_TypedEditor):
    """Whole numbers (days, sort orders). A minus sign, a grouping space, a decimal typed by
    mistake are all taken in as typed: the value or the reason it is refused, never a swallowed
    keystroke."""

    def __init__(self, spec: Field, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)

    def read(self, text: str) -> int:
        return parse_whole(text, decimal_mark())


class DecimalEditor(_TypedEditor):
    """Money, percent and other decimals, shown with the field's places (and every further
    decimal the value has: what is shown is what is stored)."""

    def __init__(self, spec: Field, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self._places = spec.places
        self._currency: QLabel | None = None
        self.setAlignment(Qt.AlignmentFlag.AlignRight)

    def read(self, text: str) -> Decimal:
        return parse_decimal(text, decimal_mark())

    @property
    def currency(self) -> str:
        """The currency code shown beside the amount ("" for the base currency)."""
        return self._currency.text() if self._currency is not None else ""

    def set_currency(self, code: str) -> None:
        """Show ``code`` at the right end of the box (an amount not in the base currency)."""
        if not code and self._currency is None:
            return
        if self._currency is None:
            self._currency = QLabel(self)
            self._currency.setObjectName("currency_code")
            self._currency.setEnabled(False)  # drawn as a hint, in the readable grey
        self._currency.setText(code)
        self._currency.setVisible(bool(code))
        room = self._currency.sizeHint().width() + 6 if code else 0
        self.setTextMargins(0, 0, room, 0)
        self._place_currency()

    def _place_currency(self) -> None:
        if self._currency is not None:
            hint = self._currency.sizeHint()
            self._currency.setGeometry(
                self.width() - hint.width() - 6, 0, hint.width(), self.height()
            )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_currency()

    def shown(self, value: Any) -> str:
        return amount_text(value, self._places)


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
        for member in spec.choices:
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


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def read_date(text: str, locale: QLocale | None = None) -> date:
    """A typed date: ``2025-03-31`` (as dates are shown), or the user's own short format with
    the year in full (``31.03.2025``). A two-digit year is refused rather than given a century."""
    typed = text.strip()
    example = "like 2025-03-31"
    if _ISO_DATE.fullmatch(typed):
        try:
            return date.fromisoformat(typed)
        except ValueError:
            raise ValueError(f"'{typed}' is not a date of the calendar ({example}).") from None
    locale = locale or QLocale()
    found = locale.toDate(typed, date_format(locale))
    if found.isValid():
        return date(found.year(), found.month(), found.day())
    raise ValueError(f"'{typed}' is not a date: type it as yyyy-mm-dd ({example}).")


class DateEditor(_TypedEditor):
    """A date, typed or picked from the calendar (the arrow at the right); empty is no date.

    A line edit rather than QDateEdit: QDateEdit has no empty state (a special minimum date
    stood for it, into which nothing typed ever took), and it silently corrects what it cannot
    read. Here a typed date is taken as typed, or kept and refused with the reason.
    """

    def __init__(self, spec: Field, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.setPlaceholderText("yyyy-mm-dd")
        self.calendar_action = self.addAction(
            resources.icon("calendar"), QLineEdit.ActionPosition.TrailingPosition
        )
        self.calendar_action.setObjectName(f"{spec.key}_calendar")
        self.calendar_action.setToolTip("Pick the date from a calendar")
        self.calendar_action.triggered.connect(self.open_calendar)
        self.calendar: QCalendarWidget | None = None

    def read(self, text: str) -> date:
        return read_date(text)

    def shown(self, value: Any) -> str:
        return date_text(value) if isinstance(value, date) else str(value)

    def set_read_only(self, read_only: bool) -> None:
        self.setReadOnly(read_only)
        self.calendar_action.setEnabled(not read_only)
        self.calendar_action.setVisible(not read_only)  # no drop-down arrow on a fixed date
        show_read_only(self, read_only)

    def open_calendar(self) -> None:
        """The calendar below the field, on the date shown (today when there is none)."""
        if self.calendar is None:
            self.calendar = QCalendarWidget(self)
            self.calendar.setObjectName(f"{self.objectName()}_calendar_popup")
            self.calendar.setWindowFlags(Qt.WindowType.Popup)
            self.calendar.clicked.connect(self.pick)
            self.calendar.activated.connect(self.pick)
        current = self.value()
        with QSignalBlocker(self.calendar):
            self.calendar.setSelectedDate(
                QDate(current.year, current.month, current.day)
                if isinstance(current, date)
                else QDate.currentDate()
            )
        self.calendar.move(self.mapToGlobal(self.rect().bottomLeft()))
        self.calendar.show()

    def pick(self, picked: QDate) -> None:
        """Take the date picked in the calendar, as typed."""
        if self.calendar is not None:
            self.calendar.hide()
        value = date(picked.year(), picked.month(), picked.day())
        self.setText(self.shown(value))
        self._show(value)
        self.edited.emit(value)


_TIME = re.compile(r"([0-9]{1,2})[:.]([0-9]{2})")


def read_datetime(text: str, locale: QLocale | None = None) -> datetime:
    """A typed date and time: a date as ``read_date`` reads it, then the time of day as
    ``hh:mm`` (``2025-03-31 14:30``); a date alone is the start of that day."""
    typed = text.strip()
    day_text, _space, time_text = typed.rpartition(" ")
    if not day_text:  # one word: a date without a time
        return datetime.combine(read_date(typed, locale), time())
    found = _TIME.fullmatch(time_text)
    if found is None:
        raise ValueError(f"'{time_text}' is not a time of day: type it as hh:mm (like 14:30).")
    hour, minute = int(found[1]), int(found[2])
    if hour > 23 or minute > 59:
        raise ValueError(f"'{time_text}' is not a time of day (00:00 to 23:59).")
    return datetime.combine(read_date(day_text, locale), time(hour, minute))


_DURATION = re.compile(r"(-?)(?:([0-9]+)[:.]([0-9]{2})|([0-9]+))")


def read_duration(text: str) -> int:
    """Whole minutes from ``h:mm`` (``1:30``) or a number of minutes (``90``); a negative one
    is read as typed (the field's rule refuses it, naming the field)."""
    found = _DURATION.fullmatch(text.strip().replace(" ", ""))
    if found is None:
        raise ValueError(f"'{text.strip()}' is not a time: type hours and minutes as h:mm.")
    sign = -1 if found[1] else 1
    if found[4] is not None:
        return sign * int(found[4])
    minutes = int(found[3])
    if minutes > 59:
        raise ValueError(f"'{text.strip()}' has more than 59 minutes: type it as h:mm.")
    return sign * (int(found[2]) * 60 + minutes)


class DateTimeEditor(DateEditor):
    """A date and a time of day, typed (``yyyy-mm-dd hh:mm``) or the date picked from the
    calendar (keeping the time shown)."""

    def __init__(self, spec: Field, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.setPlaceholderText("yyyy-mm-dd hh:mm")

    def read(self, text: str) -> datetime:
        return read_datetime(text)

    def shown(self, value: Any) -> str:
        return datetime_text(value) if isinstance(value, datetime) else str(value)

    def pick(self, picked: QDate) -> None:
        if self.calendar is not None:
            self.calendar.hide()
        current = self.value()
        at = current.time() if isinstance(current, datetime) else time()
        value = datetime.combine(date(picked.year(), picked.month(), picked.day()), at)
        self.setText(self.shown(value))
        self._show(value)
        self.edited.emit(value)


class DurationEditor(_TypedEditor):
    """A time spent, in whole minutes, typed and shown as ``h:mm`` (``90`` reads as 1:30)."""

    def __init__(self, spec: Field, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.setPlaceholderText("h:mm")
        self.setAlignment(Qt.AlignmentFlag.AlignRight)

    def read(self, text: str) -> int:
        return read_duration(text)

    def shown(self, value: Any) -> str:
        return duration_text(value) if isinstance(value, int) else str(value)


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
    elif kind == Kind.DATETIME:
        editor = DateTimeEditor(spec, parent)
    elif kind == Kind.DURATION:
        editor = DurationEditor(spec, parent)
    else:
        assert kind == Kind.DATE, kind
        editor = DateEditor(spec, parent)
    if spec.read_only:
        as_editor(editor).set_read_only(True)
    editor.setObjectName(spec.key)
    if spec.help:
        editor.setToolTip(spec.help)
        editor.setWhatsThis(spec.help)
    return editor


class ElidedLabel(QLabel):
    """A one-line label that never cuts its text silently: too long for its width, it is drawn
    with "…" and the whole text is its tooltip. ``text()`` is always the whole text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # names and descriptions, never markup

    def shown(self) -> str:
        """The text as drawn."""
        return self.fontMetrics().elidedText(
            self.text(), Qt.TextElideMode.ElideRight, self.contentsRect().width()
        )

    @property
    def is_elided(self) -> bool:
        return self.shown() != self.text()

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        painter.drawText(self.contentsRect(), int(align), self.shown())
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._tooltip()

    def setText(self, text: str) -> None:
        super().setText(text)
        self._tooltip()

    def _tooltip(self) -> None:
        self.setToolTip(self.text() if self.is_elided else "")
