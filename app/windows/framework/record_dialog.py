"""A small editor of one record in a dialog (an activity's Task, Event, Send, Activity windows).

Declared as a screen is (spec.Screen: a top part and tabs of sections arranging one definition's
fields), built by the one builder and bound by the one binder, saved through the record's
service: one transaction, the field-naming refusals of the engine, the version read checked.
Values the editor carries without showing them (the customer, the activity's type) are saved
with a new record. Save stores and closes; Delete asks first; closing with unsaved changes asks
Save / Discard / Cancel. Not modal: the screen that opened it stays usable, and hears
``saved`` and ``deleted``.

It is its screen's: the record screen that opened it (its parent) settles it before it closes
or shows another record — and so before the app quits — and drafts its unsaved input inside
its own draft (app/windows/drafts.py). After a crash the screen reopens it through the opener
its module registered for its screen ID (``reopened_by``), and types the draft over it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QVBoxLayout, QWidget

from app.ledger.lookups import Descriptions, LookupSource
from app.ledger.records import (
    RecordError,
    RecordService,
    StaleRecordError,
    ValidationError,
    sentence_case,
)
from app.logs import log
from app.models.database import READ_ONLY_MESSAGE, Store
from app.windows import errors
from app.windows.drafts import Draft, basis_of
from app.windows.framework import dialogs
from app.windows.framework.binder import Binder, RecordModel
from app.windows.framework.builder import FormBuilder
from app.windows.framework.lookup import LookupEditor
from app.windows.framework.message_bar import MessageBar, Problem
from app.windows.framework.spec import Field, Grid, Kind, Screen
from app.windows.framework.widgets import mark_invalid

# Reopens a drafted editor on its screen (the parent), for its draft to be typed over it.
Reopen = Callable[[Store, QWidget, Draft], "RecordDialog"]
_REOPEN: dict[str, Reopen] = {}


def reopened_by(screen_ids: Iterable[str], reopen: Reopen) -> None:
    """Declare how the editors of these screen IDs are opened again from their draft (the
    module that opens them knows whose record it is and who listens to its saves)."""
    for screen_id in screen_ids:
        _REOPEN[screen_id] = reopen


def reopen(store: Store, parent: QWidget, draft: Draft) -> RecordDialog | None:
    """The editor of ``draft`` open again with the draft typed over it; None (logged) when no
    opener is known or the record cannot be shown."""
    opener = _REOPEN.get(draft.screen_id)
    if opener is None:
        log.warning("no editor %s to restore a draft into", draft.screen_id)
        return None
    try:
        dialog = opener(store, parent, draft)
    except RecordError as error:
        log.warning("the draft of editor %s was not restored: %s", draft.screen_id, error)
        return None
    dialog.restore_draft(draft)
    return dialog


class RecordDialog(QDialog):
    """One record of ``screen``'s definition, edited in a dialog named by the screen's ID."""

    saved = Signal(int)
    deleted = Signal(int)

    def __init__(
        self,
        store: Store,
        screen: Screen,
        service: RecordService[Any],
        parent: QWidget | None = None,
        *,
        record_id: int | None = None,
        values: Mapping[str, Any] | None = None,
        carried: tuple[str, ...] = (),
        title: str = "",
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.spec = screen
        self.service = service
        self.carried = carried
        # The window's title: the screen's, or what the opener names it (``Phone call – …``).
        self.caption = title or f"{screen.title} ({screen.id})"
        self.setObjectName(screen.id)
        self.setWindowFlag(Qt.WindowType.Window)  # its own window, beside the main one
        fields = screen.fields()
        self.fields: dict[str, Field] = {spec.key: spec for spec in fields}
        # The carried values are the record's too (a field's condition may read them).
        keys = [spec.key for spec in fields]
        self.record = RecordModel(keys + [key for key in carried if key not in keys], self)
        self.descriptions = Descriptions(store)
        builder = FormBuilder(screen, self._make_lookup, self._no_grid)
        self.form = builder.build(self)
        for index in range(len(screen.tabs)):
            builder.build_tab(self.form, index)
        self.form.tabs.setTabBarAutoHide(True)  # one tab: only its page, no tab bar
        self.binder = Binder(
            self.record,
            fields,
            self.form.editors,
            self.form.rows,
            self,
            rules=screen.definition.on_change if screen.definition else (),
            service=service,
        )
        self.message_bar = MessageBar(self)
        self.message_bar.problem_chosen.connect(self.go_to_field)

        self.buttons = QDialogButtonBox(self)
        self.save_button = self._button("save", "Save", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setToolTip(str(screen.extra.get("save_help", "Save and close (Ctrl+S).")))
        self.delete_button = self._button(
            "delete", "Delete", QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.cancel_button = self._button(
            "cancel", "Cancel", QDialogButtonBox.ButtonRole.RejectRole
        )
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        self.cancel_button.clicked.connect(self.close)
        QShortcut(QKeySequence("Ctrl+S"), self, self.save)
        if screen.help:
            self.setWhatsThis(screen.help)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 8)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.form.top)
        layout.addWidget(self.form.tabs, 1)
        layout.addWidget(self.buttons)
        self.record.dirty_changed.connect(self._update_title)
        if record_id is not None:
            self.load_record(record_id)
        else:
            self._load_new(dict(values or {}))
        if store.read_only:
            self.save_button.setEnabled(False)
            self.delete_button.setEnabled(False)

    def _button(self, name: str, label: str, role: QDialogButtonBox.ButtonRole) -> QPushButton:
        button = QPushButton(label, self)
        button.setObjectName(f"action_{name}")
        button.setAutoDefault(False)
        self.buttons.addButton(button, role)
        return button

    def _make_lookup(self, spec: Field, parent: QWidget | None) -> QWidget:
        return LookupEditor(self.store, spec, parent, self.descriptions.get)

    @staticmethod
    def _no_grid(grid: Grid, _parent: QWidget | None) -> QWidget:
        raise ValueError(f"a record dialog arranges fields only, not the grid {grid.key}")

    # -- finding widgets (as on a record screen) -----------------------------------------------

    def editor(self, key: str) -> QWidget:
        return self.form.editors[key]

    def action(self, name: str) -> QPushButton:
        return {"save": self.save_button, "delete": self.delete_button}[name]

    @property
    def message(self) -> Any:
        return self.message_bar.text

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message_bar.show_text(text, error=error)

    def _reveal(self, widget: QWidget) -> None:
        for index in range(self.form.tabs.count()):
            page = self.form.tabs.widget(index)
            if page is not None and page.isAncestorOf(widget):
                self.form.tabs.setCurrentIndex(index)

    def go_to_field(self, key: str) -> None:
        editor = self.form.editors.get(key)
        if editor is not None:
            self._reveal(editor)
            getattr(editor, "line_edit", editor).setFocus(Qt.FocusReason.OtherFocusReason)

    # -- the record ----------------------------------------------------------------------------

    def _load_new(self, values: dict[str, Any]) -> None:
        values = self.service.new_values() | values
        for spec in self.fields.values():
            if spec.kind == Kind.OPTION and spec.required and values.get(spec.key) is None:
                values[spec.key] = next(iter(spec.options)) if spec.options else None
        self.descriptions.load(self._referenced(values))
        self.record.load(values, None, None)
        self._after_load()

    def load_record(self, record_id: int) -> None:
        values = self.service.load(record_id)
        self.descriptions.load(self._referenced(values))
        self.record.load(values, values["id"], values["version"])
        self._after_load()

    def _referenced(self, values: Mapping[str, Any]) -> list[tuple[LookupSource, Any]]:
        return [
            (spec.lookup, values.get(key))
            for key, spec in self.fields.items()
            if spec.lookup is not None
        ]

    def _after_load(self) -> None:
        self.message_bar.hide_line()
        self._clear_marks()
        self.delete_button.setVisible(not self.record.is_new)
        self._update_title()

    @property
    def record_name(self) -> str:
        """``The new task`` or ``Task 'Call about the invoice'``."""
        if self.record.is_new:
            return f"The new {self.spec.title.lower()}"
        summary = self.record.value("summary") if "summary" in self.record.keys else None
        return f"{self.spec.title} '{summary}'" if summary else sentence_case(self.spec.title)

    def _update_title(self, *_args: Any) -> None:
        dirty = " *" if self.record.is_dirty else ""
        self.setWindowTitle(f"{self.caption}{dirty}")

    # -- save, delete, close -------------------------------------------------------------------

    def save(self) -> bool:
        """Store the record (one transaction) and close; refused, the problems are named at
        their fields and everything typed stays."""
        if self.store.read_only:
            self.show_message(READ_ONLY_MESSAGE, error=True)
            return False
        values = self.record.values()
        loaded = self.record.loaded_values()
        self._clear_marks()
        try:
            record_id = self.service.save(
                self.record.record_id, values, self.record.version, loaded
            )
        except ValidationError as error:
            self._show_field_errors(error)
            return False
        except StaleRecordError as error:
            self.show_message(str(error), error=True)
            reload = f"{error}\nReload the saved record? Your changes will be lost."
            if self.record.record_id is not None and dialogs.confirm(
                self, "Record changed", reload
            ):
                self._reload()
                self.show_message(f"{error}\nThe saved record was reloaded.", error=True)
            return False
        except RecordError as error:
            self.show_message(str(error), error=True)
            return False
        except Exception as error:  # a fault no rule foresaw: said here, not only logged
            # Logged by number, never by what was typed (the log names no customer data).
            what = f"{self.service.noun} {self.record.record_id or '(new)'}"
            log.error("%s was not saved", what, exc_info=error)
            self.show_message(
                f"{self.record_name} was not saved: {errors.what_failed(error)}\n"
                f"Nothing was saved; what you typed is still here. {errors.where_logged()}",
                error=True,
            )
            return False
        self.record.load(self.record.values(), record_id, None)  # nothing unsaved now
        self.saved.emit(record_id)
        self.accept()
        return True

    def _reload(self) -> None:
        record_id = self.record.record_id
        if record_id is None:
            return
        try:
            self.load_record(record_id)
        except StaleRecordError:
            self.record.load(self.record.values(), None, None)
            self._after_load()
            self.show_message(f"The {self.service.noun} no longer exists.", error=True)

    def delete(self) -> None:
        record_id = self.record.record_id
        if record_id is None or self.store.read_only:
            return
        if not dialogs.confirm(self, "Delete", f"Delete {self.record_name}?"):
            return
        try:
            self.service.delete(record_id)
        except RecordError as error:
            self.show_message(str(error), error=True)
            return
        self.record.load(self.record.values(), None, None)
        self.deleted.emit(record_id)
        self.accept()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.confirm_close():
            event.accept()
        else:
            event.ignore()

    def reject(self) -> None:  # Esc
        if self.confirm_close():
            super().reject()

    def settle(self) -> bool:
        """Before the screen that opened it closes or shows another record: unsaved input is
        saved or discarded, and the editor closed (True), or kept on Cancel (False)."""
        if not self.isVisible():
            return True
        if not self.confirm_close():
            return False
        if self.isVisible():  # nothing unsaved, or discarded: closed without asking again
            self.record.load(self.record.loaded_values(), self.record.record_id, None)
            super().reject()
        return True

    def confirm_close(self) -> bool:
        """True when the editor may close: nothing unsaved, saved, or discarded."""
        if not self.record.is_dirty:
            return True
        answer = dialogs.ask_unsaved(self, self.record_name)
        if answer == dialogs.Unsaved.SAVE:
            return self.save()
        return answer == dialogs.Unsaved.DISCARD

    # -- drafts (app/windows/drafts.py) ------------------------------------------------------

    def draft(self) -> Draft | None:
        """The unsaved input of the open editor (the values changed, and the carried values a
        new record is made with), or None."""
        if not self.isVisible() or not self.record.is_dirty:
            return None
        changed = self.record.changed_keys()
        return Draft(
            screen_id=self.spec.id,
            record_id=self.record.record_id,
            version=self.record.version,
            basis=basis_of(self.record.loaded_values()),
            changes={key: self.record.value(key) for key in (*self.carried, *changed)},
            saved_at=datetime.now(),
            title=self.record_name,
        )

    def restore_draft(self, draft: Draft) -> None:
        """The draft's changes typed over the record as it is now (nothing is saved)."""
        with self.binder.rules_paused():  # as typed: no on-change rule fills over them
            for key, value in draft.changes.items():
                if key in self.record.keys and key not in self.carried:
                    self.record.set_value(key, value)
        said = (
            f"Unsaved input restored from {draft.saved_at:%Y-%m-%d %H:%M:%S}. Check it and "
            "save, or discard it with Cancel."
        )
        if draft.record_id is not None and self.record.record_id is None:
            said += f" The {self.service.noun} was deleted since: saving stores it again."
        elif draft.record_id is not None and basis_of(self.record.loaded_values()) != draft.basis:
            said += " It was saved elsewhere since: your changes are shown over what was saved."
        self.show_message(said)

    def _show_field_errors(self, error: ValidationError) -> None:
        self.message_bar.show_problems(
            f"The {self.service.noun} was not saved:",
            [Problem(problem.key, str(problem)) for problem in error.errors],
        )
        for problem in error.errors:
            editor = self.form.editors.get(problem.key)
            if editor is not None:
                mark_invalid(getattr(editor, "line_edit", editor), True, str(problem))
        first = next((p for p in error.errors if p.key in self.form.editors), None)
        if first is not None:
            self.go_to_field(first.key)

    def _clear_marks(self) -> None:
        for editor in self.form.editors.values():
            mark_invalid(getattr(editor, "line_edit", editor), False)
