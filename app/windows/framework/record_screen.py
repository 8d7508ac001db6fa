"""A record screen: top part, tabs, the standard record toolbar, and the list window.

Every screen of the product is one of these, made from its declaration (spec.py) and a
RecordService that holds its rules. The screen never writes to the store itself.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QMenu,
    QScrollArea,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import resources
from app.ledger import catalogue, currencies
from app.ledger.lookups import Descriptions, LookupSource, scoped
from app.ledger.records import (
    Direction,
    InUseError,
    InvalidInput,
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
from app.windows.framework.grid import GridEditor, lookup_code
from app.windows.framework.lookup import LookupEditor
from app.windows.framework.message_bar import MessageBar, Problem
from app.windows.framework.record_dialog import RecordDialog, reopen
from app.windows.framework.spec import Action, Field, Grid, Kind, Opens, Screen, snake, with_article
from app.windows.framework.widgets import DecimalEditor, as_editor, mark_invalid
from app.windows.navigation import Navigate, Target

if TYPE_CHECKING:
    from app.windows.framework.listwindow import ListWindow


@dataclass(frozen=True)
class StandardAction:
    name: str
    label: str
    shortcuts: tuple[str, ...]
    handler: Callable[[Any], object]  # given the screen
    record_only: bool = True  # hidden on single-record screens (preferences)
    icon: str = ""  # resources/icons/<theme>/<icon>.svg
    icon_only: bool = False  # the navigation arrows: the icon says it, the tooltip names it
    edits: bool = False  # edits the record: not on an inquiry's toolbar (Screen.inquiry)


class RecordScreen(QWidget):
    """The screen widget: its object name is the screen ID."""

    record_loaded = Signal(object)  # the record id, None for a new record
    saved = Signal(int)
    # What the last save or delete did, for the shell's status bar ("Saved customer 10002").
    status_message = Signal(str)

    # Copy/Paste works across records of the same screen, like the product family's Clipboard.
    _clipboard: ClassVar[dict[str, dict[str, Any]]] = {}

    def __init__(
        self,
        store: Store,
        screen: Screen,
        service: RecordService[Any],
        parent: QWidget | None = None,
        *,
        key_keys: tuple[str, ...] = (),
        single_record: bool = False,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.spec = screen
        self.service = service
        self.single_record = single_record
        self.key_keys = key_keys or service.key_keys
        self.setObjectName(screen.id)
        self.setWindowTitle(f"{screen.title} ({screen.id})")

        fields = screen.fields()
        self.fields: dict[str, Field] = {spec.key: spec for spec in fields}
        # Detail grids are not values of the record: their rows live inside the master's rows.
        masters = [grid.key for grid in screen.grids() if not grid.master]
        self._views = {grid.key for grid in screen.grids() if grid.view}
        self.record = RecordModel([spec.key for spec in fields] + masters, self)
        self.descriptions = Descriptions(store)
        # The top part now; each tab's widgets when the tab is first shown (_build_tab).
        self._builder = FormBuilder(screen, self._make_lookup, self._make_grid, self._bound)
        self.form = self._builder.build(self)
        self._when_built: dict[str, list[Callable[[QWidget], object]]] = {}
        self.binder = Binder(
            self.record,
            fields,
            self._bindable(list(self.form.editors)),
            self.form.rows,
            self,
            rules=screen.definition.on_change if screen.definition else (),
            advice=screen.definition.advice if screen.definition else (),
            grid_conditions={
                grid.key: grid.enabled_when for grid in screen.grids() if grid.enabled_when
            },
            service=service,
        )
        self.form.tabs.currentChanged.connect(self._build_tab)
        if screen.tabs:
            self._build_tab(self.form.tabs.currentIndex())
        self.actions_by_name: dict[str, QAction] = {}
        # Given by the shell (MainWindow): how this screen opens another one on a record.
        self.navigate: Navigate | None = None
        # One line under the toolbar (never moving the form); the whole message unfolds over
        # the form. ``message`` holds the whole text.
        self.message_bar = MessageBar(self)
        self.message: QLabel = self.message_bar.text
        self.message_bar.problem_chosen.connect(self.go_to_field)
        self.binder.advised.connect(self.show_message)

        self.pages = QStackedWidget(self)
        form_page = QWidget(self.pages)
        form_layout = QVBoxLayout(form_page)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.addWidget(self.form.top)
        form_layout.addWidget(self.form.tabs, 1)
        if not screen.tabs:  # a top part alone: no empty tab pane under it
            self.form.tabs.hide()
            form_layout.addStretch(1)
        self.pages.addWidget(form_page)
        self._list_window: ListWindow | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._build_toolbar())
        layout.addWidget(self.message_bar)
        layout.addWidget(self.pages, 1)

        for key in self.key_keys:
            editor = self.editor(key)
            if isinstance(editor, QLineEdit):
                editor.editingFinished.connect(self._key_entered)
            elif isinstance(editor, LookupEditor):
                editor.edited.connect(lambda _value: self._key_entered())
        self.record.dirty_changed.connect(self._update_title)
        self.record.dataChanged.connect(self._apply_tab_conditions)
        self.record.modelReset.connect(self._apply_tab_conditions)
        # Amounts in a currency the record names show its code when it is not the base one.
        self._priced = [spec for spec in fields if spec.currency and spec.currency in self.fields]
        self._base_currency: str | None = None
        if self._priced:
            with store.session() as session:
                self._base_currency = currencies.base_currency(session)
            self.record.dataChanged.connect(self._show_currencies)
            self.record.modelReset.connect(self._show_currencies)
        # View grids whose rows are another screen's records open them there (Tab.opens).
        for opens in screen.opens():
            self.when_built(opens.grid, partial(self._wire_opens, opens))
        self.wire()
        if store.read_only:  # a read-only ledger file: Save and Delete cannot be used
            for name in ("save", "delete"):
                if name in self.actions_by_name:
                    self.actions_by_name[name].setEnabled(False)
        self.new_record()

    def wire(self) -> None:
        """A screen's own handlers, connected before its first record is shown. Override
        where needed."""

    # -- building --------------------------------------------------------------------------

    def _bindable(self, keys: list[str]) -> dict[str, QWidget]:
        """The editors of record values (a detail grid's rows live in its master's rows)."""
        return {key: self.form.editors[key] for key in keys if key in self.record.keys}

    def _build_tab(self, index: int) -> None:
        """Make tab ``index``'s widgets the first time it is shown (or an editor of it is asked
        for), and tie them to the record as it is now."""
        if index < 0 or index in self.form.built:
            return
        keys = self._builder.build_tab(self.form, index)
        for key in keys:
            grid = next((g for g in self.spec.grids() if g.key == key and g.master), None)
            if grid is not None:
                master, detail = self.editor(grid.master), self.form.editors[key]
                assert isinstance(master, GridEditor) and isinstance(detail, GridEditor)
                master.link_detail(detail)
        self.binder.bind(self._bindable(keys), self.form.rows)
        if self.form.buttons:
            self._apply_button_conditions()
        if getattr(self, "_priced", None):
            self._show_currencies()
        for key in keys:
            for setup in self._when_built.pop(key, []):
                setup(self.form.editors[key])

    def when_built(self, key: str, setup: Callable[[QWidget], object]) -> None:
        """Run ``setup`` on the editor of ``key`` once it exists: now when its tab is built,
        else when the tab is (a grid's row rules, say, without building a tab no one opens)."""
        editor = self.form.editors.get(key)
        if editor is not None:
            setup(editor)
        elif key in self.form.tab_of:
            self._when_built.setdefault(key, []).append(setup)
        else:
            raise KeyError(key)

    def built_editor(self, key: str) -> QWidget | None:
        """The editor of ``key`` when its tab has been built, else None (nothing is built)."""
        return self.form.editors.get(key)

    def grid(self, key: str) -> GridEditor:
        """The grid of ``key`` (its tab built first when not yet)."""
        editor = self.editor(key)
        assert isinstance(editor, GridEditor)
        return editor

    def refresh_rows(self, key: str, rows_of: Callable[[int], list[dict[str, Any]]]) -> None:
        """Read a view grid's rows (other records': locations, contacts) again while it is
        shown, keeping the selected row; a view grid holds no unsaved change to lose."""
        editor = self.built_editor(key)
        record_id = self.record.record_id
        if not isinstance(editor, GridEditor) or not editor.isVisible() or record_id is None:
            return
        rows = rows_of(record_id)
        if rows != self.record.value(key):
            selected = editor.current_row()
            self.record.refresh(key, rows)
            self.select_row(key, selected["id"] if selected else None)

    def select_row(self, key: str, row_id: Any) -> None:
        """Select the row of a grid whose id is ``row_id`` (none when it is gone)."""
        grid = self.grid(key)
        for position, row in enumerate(self.record.value(key) or []):
            if row.get("id") == row_id:
                grid.view.selectRow(position)
                return

    # -- view grids opening their rows on another screen (Tab.opens) -------------------------

    def _wire_opens(self, opens: Opens, editor: QWidget) -> None:
        assert isinstance(editor, GridEditor)
        editor.row_opened.connect(partial(self._open_row_at, opens))

    def _open_row_at(self, opens: Opens, position: int) -> None:
        """A row double-clicked (or Enter on it) opens its record on its own screen."""
        row = self.grid(opens.grid).model.row(position)
        if row is not None:
            self.open_elsewhere(Target(opens.screen, record_id=row["id"]))

    def selected(self, opens: Opens) -> dict[str, Any] | None:
        """The row selected in the grid of ``opens``; None, said (and its tab shown) when no
        row is."""
        row = self.grid(opens.grid).current_row()
        if row is not None:
            return row
        noun = with_article(opens.noun)
        if len(self.spec.tabs) > 1:
            index = self.form.tab_of[opens.grid]
            self.form.tabs.setCurrentIndex(index)
            self.show_message(
                f"Select {noun} on the {self.spec.tabs[index].title} tab first.", error=True
            )
        else:  # the screen's only tab: nothing to name or show
            self.show_message(f"Select {noun} in the list first.", error=True)
        return None

    def view_elsewhere(self, opens: Opens) -> None:
        """The selected row on its own screen (View payment method, View document)."""
        row = self.selected(opens)
        if row is not None:
            self.open_elsewhere(Target(opens.screen, record_id=row["id"]))

    def add_elsewhere(self, opens: Opens) -> None:
        """The grid's screen on a new record of this saved one (Add location: a new location
        of the customer); a new record here is saved first by the user, as said."""
        record_id = self.record.record_id
        if record_id is None:
            self.show_message(
                f"Save the {self.service.noun} before adding {with_article(opens.noun)}.",
                error=True,
            )
            return
        if not opens.owner_key:
            raise ValueError(f"{opens.grid}: its rows are not added from {self.spec.id}")
        values: dict[str, Any] = {opens.owner_key: record_id}
        if opens.also is not None:
            values |= opens.also(self.service, record_id)
        self.open_elsewhere(Target(opens.screen, values=values))

    def _make_lookup(self, spec: Field, parent: QWidget | None) -> QWidget:
        if spec.lookup is not None and spec.lookup.within is not None:
            # Rows of the record shown only (this customer's locations), whichever it is now;
            # or of the record another field names (the document's customer's locations).
            owner = spec.lookup.within_key
            spec = replace(
                spec,
                lookup=scoped(
                    spec.lookup,
                    (lambda: self.record.value(owner)) if owner else lambda: self.record.record_id,
                ),
            )
        return LookupEditor(self.store, spec, parent, self.descriptions.get)

    def _make_grid(self, grid: Grid, parent: QWidget | None) -> QWidget:
        return GridEditor(
            grid,
            self._make_lookup,
            lookup_code(self.descriptions),
            lambda rows: self.service.new_row(grid.key, rows),
            parent,
            service=self.service,  # the grid's on-change rules are given the record's service
        )

    def _build_toolbar(self) -> QToolBar:
        toolbar = QToolBar(self)
        toolbar.setObjectName("record_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.setIconSize(QSize(16, 16))
        for standard in STANDARD_ACTIONS:
            if self.single_record and standard.record_only:
                continue
            if self.spec.inquiry and standard.edits:
                continue
            standard_action = self._add_action(
                toolbar,
                standard.name,
                standard.label,
                partial(standard.handler, self),
                standard.shortcuts,
            )
            if standard.icon:
                standard_action.setIcon(resources.icon(standard.icon))
            button = toolbar.widgetForAction(standard_action)
            if standard.icon_only and isinstance(button, QToolButton):
                button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        # The screen's own actions: on the toolbar, or in a menu button per menu (the seed's
        # Actions and Inquiries), in the order the screen declares them.
        menus: dict[str, list[Action]] = {}
        for action in self.spec.actions:
            if action.toolbar:
                self._add_own_action(toolbar, action)
            else:
                menus.setdefault(action.menu, []).append(action)
        for title, actions in menus.items():
            menu = QMenu(title, self)
            menu.setObjectName(f"{snake(title)}_menu")
            menu.setToolTipsVisible(True)  # a disabled command's tooltip says why
            for action in actions:
                menu.addAction(self._add_own_action(menu, action))
            button = QToolButton(toolbar)
            button.setObjectName(f"{snake(title)}_button")
            button.setText(title)
            button.setIcon(resources.icon("actions"))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setMenu(menu)
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            toolbar.addWidget(button)
        return toolbar

    def _add_own_action(self, container: QWidget, action: Action) -> QAction:
        """One of the screen's own actions; one not available yet is added disabled, with no
        handler, its tooltip saying why."""
        return self._add_action(
            container,
            action.object_name[7:],
            action.label,
            self._bound(action) if action.available else None,
            (action.shortcut,) if action.shortcut else (),
            action.tooltip(catalogue.action_help(self.spec.id, action.label)),
        )

    def _bound(self, action: Action) -> Callable[[], object]:
        """The action's handler, run on this screen."""
        handler = action.handler
        if handler is None:  # an unavailable action is never bound (Action.__post_init__)
            raise ValueError(f"{action.label} is not available: {action.unavailable}")
        return lambda: handler(self)

    def _add_action(
        self,
        container: QWidget,
        name: str,
        label: str,
        handler: Callable[[], object] | None,
        shortcuts: tuple[str, ...],
        help_text: str = "",
    ) -> QAction:
        action = QAction(label, self)
        action.setObjectName(f"action_{name}")
        if shortcuts:
            action.setShortcuts([QKeySequence(shortcut) for shortcut in shortcuts])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            label_with_keys = f"{label} ({shortcuts[0]})"
            action.setToolTip(
                f"{help_text}\n{label_with_keys}".strip() if help_text else label_with_keys
            )
        elif help_text:
            action.setToolTip(help_text)
        if handler is None:  # not available yet: disabled, and nothing to run if triggered
            action.setEnabled(False)
        else:
            action.triggered.connect(lambda _checked=False: handler())
        if isinstance(container, QToolBar):
            container.addAction(action)
        self.addAction(action)  # shortcuts work wherever the focus is inside this screen
        self.actions_by_name[name] = action
        return action

    def _apply_tab_conditions(self, *_args: Any) -> None:
        """Tabs shown and the screen's own actions enabled as their conditions say."""
        values = self.record.values()
        for index, tab in enumerate(self.spec.tabs):
            if tab.visible_when is not None:
                self.form.tabs.setTabVisible(index, bool(tab.visible_when(values)))
        for action in self.spec.actions:
            if action.enabled_when is not None and action.available:
                enabled = bool(action.enabled_when(values))
                self.actions_by_name[action.object_name[7:]].setEnabled(enabled)
        self._apply_button_conditions()

    def _apply_button_conditions(self) -> None:
        """Tab buttons that follow their condition, their tooltip saying why while disabled."""
        values = self.record.values()
        for button, action, tooltip in self.form.buttons.values():
            if action.enabled_when is not None:
                enabled = bool(action.enabled_when(values))
                button.setEnabled(enabled)
                button.setToolTip(tooltip if enabled else f"{tooltip}\n{action.when_disabled}")

    def _show_currencies(self, *_args: Any) -> None:
        for spec in self._priced:
            editor = self.form.editors.get(spec.key)
            if not isinstance(editor, DecimalEditor):
                continue
            currency = self.fields[spec.currency]
            value = self.record.value(spec.currency)
            code = ""
            if currency.lookup is not None and isinstance(value, int):
                choice = self.descriptions.get(currency.lookup, value)
                code = choice.code if choice is not None else ""
            elif isinstance(value, str):
                code = value
            editor.set_currency("" if code == self._base_currency else code)

    def action(self, name: str) -> QAction:
        return self.actions_by_name[name]

    def editor(self, key: str) -> QWidget:
        """The editor of a field or grid; one on a tab not shown yet is built first."""
        editor = self.form.editors.get(key)
        if editor is None:
            if key not in self.form.tab_of:
                raise KeyError(key)
            self._build_tab(self.form.tab_of[key])
            editor = self.form.editors[key]
        return editor

    # -- record life cycle -----------------------------------------------------------------

    def new_record(self) -> None:
        self._load_new(self.service.new_values())

    def _load_new(self, values: dict[str, Any]) -> None:
        for spec in self.fields.values():
            # A required option list shows its first option; the record must hold it too.
            if spec.kind == Kind.OPTION and spec.required and values.get(spec.key) is None:
                values[spec.key] = next(iter(spec.options)) if spec.options else None
        self.descriptions.load(self._referenced(values))
        self.record.load(values, None, None)
        self._after_load()

    def show_prefilled(self, values: dict[str, Any], unsaved: Mapping[str, Any]) -> bool:
        """A new record started from another record (Extend to supplier): ``values`` shown as
        read, so its save can check the other record still holds them, and ``unsaved`` set on
        top (it is not stored until saved). False when the user kept unsaved changes here."""
        if not self.confirm_close():
            return False
        self._load_new(values)
        for key, value in unsaved.items():
            self.record.set_value(key, value)
        self.pages.setCurrentIndex(0)
        self._focus_first()
        return True

    def values_to_save(self) -> dict[str, Any]:
        """What Save hands the service: the record's values. A screen adds what its record
        does not show (the account a new record is made for)."""
        return self.record.values()

    def load_record(self, record_id: int) -> None:
        values = self.service.load(record_id)
        self.descriptions.load(self._referenced(values))
        self.record.load(values, values["id"], values["version"])
        self._after_load()

    def _referenced(self, values: Mapping[str, Any]) -> list[tuple[LookupSource, Any]]:
        """Every (lookup, value) a record shows, in its fields and its grids' rows."""
        wanted = [
            (spec.lookup, values.get(key))
            for key, spec in self.fields.items()
            if spec.lookup is not None
        ]
        grids = {grid.key: grid for grid in self.spec.grids()}

        def rows_of(grid_key: str, rows: list[dict[str, Any]]) -> None:
            for row in rows:
                for column in grids[grid_key].columns:
                    source = column.lookup_for(row)
                    if source is not None:
                        wanted.append((source, row.get(column.key)))
                for detail in (g for g in grids.values() if g.master == grid_key):
                    rows_of(detail.key, row.get(detail.key) or [])

        for grid in grids.values():
            if not grid.master:
                rows_of(grid.key, values.get(grid.key) or [])
        return wanted

    def _after_load(self) -> None:
        self.clear_message()
        for key in self.key_keys:
            as_editor(self.editor(key)).set_read_only(not self.record.is_new)
        self._update_title()
        self.record_loaded.emit(self.record.record_id)

    def confirm_close(self) -> bool:
        """True when the screen may close or move to another record (saved or discarded):
        its own unsaved changes, then those of the small editors it opened (RecordDialog,
        about the record shown), each settled in turn — so quitting the app asks about them."""
        self.commit_pending_edits()
        if self.record.is_dirty:
            answer = dialogs.ask_unsaved(self, self._record_name())
            if answer == dialogs.Unsaved.SAVE:
                if not self.save():
                    return False
            elif answer != dialogs.Unsaved.DISCARD:
                return False
        return all(editor.settle() for editor in self.editors_open())

    def editors_open(self) -> list[RecordDialog]:
        """The small editors this screen opened that are still open."""
        return [editor for editor in self.findChildren(RecordDialog) if editor.isVisible()]

    def commit_pending_edits(self) -> None:
        """Take in a grid cell still being edited, so what the user typed is what is saved."""
        for editor in self.form.editors.values():
            if isinstance(editor, GridEditor):
                editor.commit_pending()

    def _refuse_read_only(self) -> bool:
        """True (and said) when the ledger file is read-only: nothing is written."""
        if not self.store.read_only:
            return False
        self.show_message(READ_ONLY_MESSAGE, error=True)
        return True

    def save(self) -> bool:
        if self._refuse_read_only():
            return False
        self.commit_pending_edits()
        values = self.values_to_save()
        self._clear_marks()
        try:
            record_id = self.service.save(
                self.record.record_id, values, self.record.version, self.record.loaded_values()
            )
        except ValidationError as error:
            self._show_field_errors(error)
            return False
        except StaleRecordError as error:
            self.show_message(str(error), error=True)
            if self.record.record_id is not None and dialogs.confirm(
                self,
                "Record changed",
                f"{error}\nReload the saved record? Your changes will be lost.",
            ):
                self._reload_or_new()
                self.show_message(f"{error}\nThe saved record was reloaded.", error=True)
            return False
        except RecordError as error:
            self.show_message(str(error), error=True)
            return False
        except Exception as error:  # a fault no rule foresaw: said here, not only logged
            self._show_unexpected("saved", error)
            return False
        self.load_record(record_id)
        self.show_message("Saved.")
        self.status_message.emit(f"Saved {self._record_name(sentence=False)}")
        self.saved.emit(record_id)
        return True

    def cancel(self) -> None:
        """Cancel (Esc): back to the record as saved (or a blank new one). Unsaved changes are
        asked about first, as Esc is easily pressed by accident: Save saves them, Cancel keeps
        them on screen. Without changes the record is only read again."""
        self.commit_pending_edits()
        if self.record.is_dirty:
            answer = dialogs.ask_unsaved(self, self._record_name())
            if answer == dialogs.Unsaved.CANCEL:
                return
            if answer == dialogs.Unsaved.SAVE:
                self.save()  # saved, it is shown as saved; refused, the edits stay with the problem
                return
        self._reload_or_new()

    def add_new(self) -> None:
        if self.confirm_close():
            self.new_record()
            self._focus_first()

    def delete(self) -> None:
        if self._refuse_read_only():
            return
        record_id = self.record.record_id
        if record_id is None:
            self.new_record()
            return
        if not dialogs.confirm(self, "Delete", f"Delete {self._record_name()}?"):
            return
        current = self.record.values()
        deleted = f"Deleted {self._record_name(sentence=False)}"
        try:
            self.service.delete(record_id)
        except InUseError as error:
            self.show_message(str(error), error=True)
            if error.can_deactivate:
                self._offer_deactivation(error)
            return
        except RecordError as error:
            self.show_message(str(error), error=True)
            return
        except Exception as error:  # a fault no rule foresaw: said here, not only logged
            self._show_unexpected("deleted", error)
            return
        following = self.service.neighbour(Direction.NEXT, current) or self.service.neighbour(
            Direction.PREVIOUS, current
        )
        if following is None or not self._open(following):
            self.new_record()
        self.show_message("Deleted.")
        self.status_message.emit(deleted)

    def _offer_deactivation(self, refusal: InUseError) -> None:
        """A record others refer to may retire instead: its Active box cleared and saved (only
        that, checked against the version shown), after the user agrees."""
        record_id = self.record.record_id
        assert record_id is not None
        lost = " Your unsaved changes are discarded." if self.record.is_dirty else ""
        question = f"{refusal}\n\nDeactivate it instead? It stays for what refers to it.{lost}"
        if not dialogs.confirm(self, "Deactivate instead", question):
            return
        try:
            self.service.deactivate(record_id, self.record.version)
        except RecordError as error:
            self.show_message(f"{refusal}\nIt was not deactivated: {error}", error=True)
            return
        if self._open(record_id):
            self.show_message(f"{refusal}\nIt was deactivated instead.")

    def copy_record(self) -> None:
        self._clipboard[self.spec.id] = self.record.values()
        self.show_message("Copied. Add new and Paste to create a record from it.")

    def paste_record(self) -> None:
        copied = self._clipboard.get(self.spec.id)
        keys = set(self.key_keys)
        only_keys_typed = self.record.is_new and set(self.record.changed_keys()) <= keys
        if copied is None or not (only_keys_typed or self.confirm_close()):
            return
        kept = {key: self.record.value(key) for key in keys} if self.record.is_new else {}
        self.new_record()
        # The copied values belong together: no on-change rule fills anything in over them.
        with self.binder.rules_paused():
            for key, value in copied.items():
                spec = self.fields.get(key)  # None for a grid: its rows are pasted too
                # A view grid's rows are other records' (the copied customer's locations).
                computed = (spec is not None and not spec.stored) or key in self._views
                if key in self.record.keys and key not in keys and not computed:
                    self.record.set_value(key, value)
            for key, value in kept.items():
                self.record.set_value(key, value)
        self._focus_first()

    def go_first(self) -> None:
        self._go(Direction.FIRST)

    def go_previous(self) -> None:
        self._go(Direction.PREVIOUS)

    def go_next(self) -> None:
        self._go(Direction.NEXT)

    def go_last(self) -> None:
        self._go(Direction.LAST)

    def _go(self, direction: Direction) -> None:
        current = None if self.record.is_new else self.record.values()
        target = self.service.neighbour(direction, current)
        if target is None or target == self.record.record_id:
            return
        if self.confirm_close():
            self._open(target)

    def open_elsewhere(self, target: Target) -> None:
        """Open another screen on a record, through the shell that hosts this screen."""
        if self.navigate is None:
            self.show_message(
                f"{target.screen_id} opens from the main window; this screen stands alone.",
                error=True,
            )
            return
        self.navigate(target)

    def show_target(self, target: Target) -> None:
        """Show what another screen asked for: a saved record, or a new one starting with the
        target's values (unsaved changes here are asked about first)."""
        if target.record_id is not None:
            self.open_record(target.record_id)
            return
        if not self.confirm_close():
            return
        self.new_record()
        for key, value in target.values.items():
            self.record.set_value(key, value)
        self.pages.setCurrentIndex(0)
        self._focus_first()

    def open_record(self, record_id: int) -> None:
        """Show the record with this id (asks about unsaved changes first)."""
        if record_id != self.record.record_id and not self.confirm_close():
            return
        if self._open(record_id):
            self.pages.setCurrentIndex(0)

    def _key_entered(self) -> None:
        """Typing the key of an existing record opens it, as in the product family."""
        if not self.record.is_new:
            return
        found = self.service.find(self.record.values())
        if found is None:
            return
        typed = {key: self.record.value(key) for key in self.key_keys}
        others_changed = [key for key in self.record.changed_keys() if key not in typed]
        if others_changed:
            answer = dialogs.ask_unsaved(self, self._record_name())
            if answer == dialogs.Unsaved.CANCEL:
                return
            if answer == dialogs.Unsaved.SAVE:
                return  # saving would clash with the existing key: the user must pick another
        self._open(found)

    def _reload_or_new(self) -> None:
        if self.record.record_id is None:
            self.new_record()
            return
        try:
            self.load_record(self.record.record_id)
        except StaleRecordError:
            self.new_record()
            self._record_gone()

    def _open(self, record_id: int) -> bool:
        """Show a record the user picked (a list row, Next, a typed key); False, said and the
        list refreshed, when it was deleted meanwhile (by another screen)."""
        try:
            self.load_record(record_id)
        except StaleRecordError:
            self._record_gone()
            return False
        return True

    def _record_gone(self) -> None:
        said = f"The {self.service.noun} no longer exists"
        if self._list_window is not None:
            self._list_window.refresh()
            said += "; the list was refreshed"
        self.show_message(f"{said}.", error=True)

    # -- list window -----------------------------------------------------------------------

    def show_list(self) -> None:
        """The list window of this screen's records (or back to the record when it is shown);
        opening a row shows that record."""
        if self.spec.list_query is None:
            return
        if self._list_window is not None and self.pages.currentWidget() is self._list_window:
            self.pages.setCurrentIndex(0)  # Ctrl+L again: back to the record
            return
        if self._list_window is None:
            from app.windows.framework.listwindow import ListWindow

            window = ListWindow(
                self.spec.id,
                self.store,
                self.spec.list_query(),
                "id",
                self.spec.list_columns,
                self.pages,
            )
            window.record_activated.connect(self.open_record)
            self.pages.addWidget(window)
            self._list_window = window
        else:
            self._list_window.refresh()
        self.pages.setCurrentWidget(self._list_window)

    @property
    def list_window(self) -> ListWindow | None:
        return self._list_window

    # -- messages --------------------------------------------------------------------------

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message_bar.show_text(text, error=error)

    def clear_message(self) -> None:
        self.message_bar.hide_line()
        self._clear_marks()

    def _show_unexpected(self, done: str, error: Exception) -> None:
        """An unexpected error of a save or delete, on the screen and in the log. The transaction
        was rolled back and the record keeps what the user typed, to correct and try again."""
        name = self._record_name()
        log.error("%s was not %s", name, done, exc_info=error)
        self.show_message(
            f"{name} was not {done}: {errors.what_failed(error)}\n"
            f"Nothing was {done}; what you typed is still here. {errors.where_logged()}",
            error=True,
        )

    def _show_field_errors(self, error: ValidationError) -> None:
        self.message_bar.show_problems(
            "The record was not saved:",
            [Problem(problem.key, str(problem)) for problem in error.errors],
        )
        # A field on a tab not shown yet is built, so its mark is there when the tab is.
        marked = {key: self.editor(key) for key in self._editor_keys(error)}
        for problem in error.errors:
            editor = marked.get(problem.key)
            if editor is not None:
                mark_invalid(getattr(editor, "line_edit", editor), True, str(problem))
        first = marked.get(error.errors[0].key) if error.errors else None
        if first is not None:
            self._reveal(first)
            first.setFocus()

    def _editor_keys(self, error: ValidationError) -> list[str]:
        """The problems' keys that have an editor on this screen (built or not)."""
        return [
            problem.key
            for problem in error.errors
            if problem.key in self.form.editors or problem.key in self.form.tab_of
        ]

    def _clear_marks(self) -> None:
        for key, editor in self.form.editors.items():
            if key in self.record.keys and not isinstance(self.record.value(key), InvalidInput):
                mark_invalid(getattr(editor, "line_edit", editor), False)

    def _reveal(self, widget: QWidget) -> None:
        """Show the tab holding ``widget`` and scroll its page to it."""
        for index in range(self.form.tabs.count()):
            page = self.form.tabs.widget(index)
            if page is not None and page.isAncestorOf(widget):
                self.form.tabs.setCurrentIndex(index)
                break
        parent = widget.parentWidget()
        while parent is not None and parent is not self:
            if isinstance(parent, QScrollArea):
                parent.ensureWidgetVisible(widget)
            parent = parent.parentWidget()

    def go_to_field(self, key: str) -> None:
        """Focus a field and bring it into view (a problem clicked in the message)."""
        if key not in self.form.editors and key not in self.form.tab_of:
            return
        editor = self.editor(key)
        self.pages.setCurrentIndex(0)
        self._reveal(editor)
        target = getattr(editor, "line_edit", editor)
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _focus_first(self) -> None:
        if self.spec.top:
            self.editor(self.spec.top[0].key).setFocus()

    def _record_name(self, *, sentence: bool = True) -> str:
        """``Customer class RETAIL`` (``customer class RETAIL`` inside a sentence); keys shown
        as typed (a lookup's code, not its id)."""
        keys = []
        for key in self.key_keys:
            editor = self.editor(key)
            line = getattr(editor, "line_edit", editor)
            keys.append(line.text() if isinstance(line, QLineEdit) else str(self.record.value(key)))
        named = " ".join(key for key in keys if key)
        noun = sentence_case(self.service.noun) if sentence else self.service.noun
        new = "The new" if sentence else "the new"
        return f"{noun} {named}" if named else f"{new} {self.service.noun}"

    def _update_title(self, *_args: Any) -> None:
        self.setWindowTitle(
            f"{self.spec.title} ({self.spec.id}){' *' if self.record.is_dirty else ''}"
        )

    @property
    def record_title(self) -> str:
        """The record as a user names it: ``Customer 10002``."""
        return self._record_name()

    @property
    def is_dirty(self) -> bool:
        return self.record.is_dirty

    # -- drafts (app/windows/drafts.py) ------------------------------------------------------

    def draft(self) -> Draft | None:
        """The unsaved input as a draft (only the values changed), or None when nothing is
        unsaved. A view grid's rows are other records' and never part of it."""
        changed = [key for key in self.record.changed_keys() if key not in self._views]
        editors = tuple(
            draft for editor in self.editors_open() if (draft := editor.draft()) is not None
        )
        if not changed and not editors:
            return None
        return Draft(
            screen_id=self.spec.id,
            record_id=self.record.record_id,
            version=self.record.version,
            basis=basis_of(self.record.loaded_values()),
            changes={key: self.record.value(key) for key in changed},
            saved_at=datetime.now(),
            title=self._record_name(),
            editors=editors,
        )

    def restore_draft(self, draft: Draft) -> None:
        """Show the record as saved now with the draft's changes typed over it (nothing is
        saved). A record deleted meanwhile comes back as a new one holding the changes."""
        if draft.record_id is None or not self._open(draft.record_id):
            self.new_record()
        # The changes belong together as typed: no on-change rule fills anything over them.
        with self.binder.rules_paused():
            for key, value in draft.changes.items():
                if key in self.record.keys:
                    self.record.set_value(key, value)
        moved_on = (
            draft.record_id is not None
            and bool(draft.changes)
            and basis_of(self.record.loaded_values()) != draft.basis
        )
        if draft.changes or not draft.editors:
            self.show_message(
                f"Unsaved input restored from {draft.saved_at:%Y-%m-%d %H:%M:%S}. Check it and "
                "save, or discard it with Cancel."
                + (
                    " The record was saved elsewhere since: your changes are shown over what "
                    "was saved."
                    if moved_on
                    else ""
                )
            )
        else:  # only an editor had unsaved input: it says so in its own window
            named = ", ".join(
                editor.title[:1].lower() + editor.title[1:] for editor in draft.editors
            )
            self.show_message(f"Unsaved input of {named} restored in its window.")
        # The editors it had open come back on the record, each with its own input.
        for editor in draft.editors:
            reopen(self.store, self, editor)


# Each handler calls the screen's method, so a screen that overrides one (preferences) is used.
STANDARD_ACTIONS: tuple[StandardAction, ...] = (
    StandardAction(
        "save",
        "Save",
        ("Ctrl+S",),
        lambda screen: screen.save(),
        record_only=False,
        icon="save",
        edits=True,
    ),
    StandardAction(
        "cancel",
        "Cancel",
        ("Esc",),
        lambda screen: screen.cancel(),
        record_only=False,
        icon="cancel",
        edits=True,
    ),
    StandardAction(
        "add_new",
        "Add new",
        ("Ctrl+N", "Ctrl+Ins"),
        lambda screen: screen.add_new(),
        icon="add",
        edits=True,
    ),
    StandardAction(
        "delete",
        "Delete",
        ("Ctrl+Del",),
        lambda screen: screen.delete(),
        icon="delete",
        edits=True,
    ),
    StandardAction(
        "copy",
        "Copy",
        ("Ctrl+Shift+C",),
        lambda screen: screen.copy_record(),
        icon="copy",
        icon_only=True,
        edits=True,
    ),
    StandardAction(
        "paste",
        "Paste",
        ("Ctrl+Shift+V",),
        lambda screen: screen.paste_record(),
        icon="paste",
        icon_only=True,
        edits=True,
    ),
    StandardAction(
        "first",
        "First",
        ("Ctrl+Home",),
        lambda screen: screen.go_first(),
        icon="first",
        icon_only=True,
    ),
    StandardAction(
        "previous",
        "Previous",
        ("PgUp",),
        lambda screen: screen.go_previous(),
        icon="previous",
        icon_only=True,
    ),
    StandardAction(
        "next", "Next", ("PgDown",), lambda screen: screen.go_next(), icon="next", icon_only=True
    ),
    StandardAction(
        "last", "Last", ("Ctrl+End",), lambda screen: screen.go_last(), icon="last", icon_only=True
    ),
    StandardAction(
        "list_window", "List window", ("Ctrl+L",), lambda screen: screen.show_list(), icon="list"
    ),
)
