"""One builder turns a screen declaration into widgets: top part, tabs, sections, fields.

A tab's widgets are made the first time the tab is shown (``build_tab``): a screen opens with its
top part and first tab only, and a tab never looked at costs nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.ledger import catalogue
from app.ledger.records import column_length, related_model
from app.windows.framework.header import REQUIRED_COLOUR
from app.windows.framework.mnemonics import MENU_LETTERS, section_title, with_mnemonic
from app.windows.framework.spec import Action, Field, Grid, Kind, Screen, Section, Tab, snake
from app.windows.framework.widgets import create_editor

LookupFactory = Callable[[Field, QWidget | None], QWidget]
GridFactory = Callable[[Grid, QWidget | None], QWidget]
REQUIRED_MARK = f' <span style="color:{REQUIRED_COLOUR}">*</span>'


@dataclass
class Form:
    """The widgets of a screen, by field key: the top part's, and those of each tab built so
    far (``built``); ``tab_of`` says which tab holds every other field and grid."""

    top: QWidget
    tabs: QTabWidget
    editors: dict[str, QWidget] = field(default_factory=dict)
    rows: dict[str, list[QWidget]] = field(default_factory=dict)
    tab_pages: dict[str, QWidget] = field(default_factory=dict)
    tab_of: dict[str, int] = field(default_factory=dict)
    built: set[int] = field(default_factory=set)
    # The tab buttons that follow their action's condition (``Action.when_disabled``), by
    # object name, with their action and their tooltip while enabled.
    buttons: dict[str, tuple[QPushButton, Action, str]] = field(default_factory=dict)


def label_text(spec: Field) -> str:
    return spec.label + (REQUIRED_MARK if spec.required else "")


# The widest value a kind of field shows, sized for (the box scrolls for a wider one: nothing
# is cut, but an amount box no longer stretches across the column).
WIDEST: dict[Kind, str] = {
    Kind.MONEY: "-999 999 999 999.0000",
    Kind.DECIMAL: "-999 999 999.0000",
    Kind.PERCENT: "-100.000000",
    Kind.NUMBER: "-9 999 999 999",
    Kind.DATE: "30/12/2025",
    Kind.DATETIME: "30/12/2025 23:59",
    Kind.DURATION: "99 999:59",
}


def size_by_kind(editor: QWidget, spec: Field) -> None:
    """Amounts, numbers and dates as wide as their widest value; codes and text as the layout
    gives them."""
    widest = WIDEST.get(spec.kind)
    if widest is None:
        return
    # The calendar button, the frame and margins.
    room = 40 if spec.kind in (Kind.DATE, Kind.DATETIME) else 18
    editor.setMaximumWidth(editor.fontMetrics().horizontalAdvance(widest) + room)


def align_labels(labels: list[QLabel]) -> None:
    """The label column of the sections of one column of a tab starts their fields at one x."""
    shown = [label for label in labels if label.text()]
    if not shown:
        return
    widest = max(label.sizeHint().width() for label in shown)
    # Only labels with text: a section of check boxes alone keeps them at its left edge, where
    # their long captions fit the column.
    for label in shown:
        label.setMinimumWidth(widest)


class FormBuilder:
    def __init__(
        self,
        screen: Screen,
        lookups: LookupFactory,
        grids: GridFactory,
        bind: Callable[[Action], Callable[[], object]] | None = None,
    ) -> None:
        self.screen = screen
        self.lookups = lookups
        self.grids = grids
        self.bind = bind  # a section button's action, bound to the screen it runs on

    def build(self, parent: QWidget) -> Form:
        """The top part, and an empty page for each tab (named, so automation finds the tab);
        ``build_tab`` fills a page in."""
        form = Form(top=QWidget(parent), tabs=QTabWidget(parent))
        form.top.setObjectName("top_part")
        form.tabs.setObjectName("record_tabs")
        self._build_top(form)
        self.tab_letters: set[str] = set(MENU_LETTERS)
        for index, tab in enumerate(self.screen.tabs):
            page = QWidget()
            page.setObjectName(tab.object_name)
            if tab.help:
                page.setToolTip(tab.help)
            QVBoxLayout(page).setContentsMargins(0, 0, 0, 0)
            form.tabs.addTab(page, with_mnemonic(tab.title, self.tab_letters))
            form.tab_pages[tab.object_name] = page
            for section in tab.sections:
                form.tab_of.update(dict.fromkeys((spec.key for spec in section.fields), index))
            form.tab_of.update(dict.fromkeys((grid.key for grid in tab.grids), index))
        return form

    def build_tab(self, form: Form, index: int) -> list[str]:
        """Make the widgets of tab ``index`` (once); the keys of the editors made."""
        if index in form.built:
            return []
        form.built.add(index)
        before = set(form.editors)
        tab = self.screen.tabs[index]
        page = form.tabs.widget(index)
        layout = page.layout() if page is not None else None
        assert layout is not None
        content = self._build_tab(form, tab)
        layout.addWidget(content)
        # A child added to a page already on screen stays hidden until shown.
        content.show()
        return [key for key in form.editors if key not in before]

    def _editor(
        self, form: Form, spec: Field, parent: QWidget, section: str | None = None
    ) -> tuple[QWidget, QWidget]:
        if spec.max_length is None and spec.kind in (Kind.TEXT, Kind.MEMO) and not spec.read_only:
            spec = replace(spec, max_length=column_length(self.screen.model, spec.attribute))
        if not spec.help:
            # Tooltips are the seed's own words, looked up once by the element's name.
            spec = replace(spec, help=catalogue.help_text(self.screen.id, spec.label, section))
        # A setting nothing reads yet says what it waits for. Imported here: the table names
        # the ledger's readers, which a screen without such settings need not load.
        from app.ledger.setting_readers import waiting_note

        note = waiting_note(self.screen.model.__name__, spec.attribute)
        if note:
            spec = replace(spec, help=f"{spec.help}\n{note}".strip())
        editor = create_editor(spec, parent, self.lookups)
        size_by_kind(editor, spec)
        form.editors[spec.key] = editor
        # Check boxes carry their own label; the form's label cell stays empty for them.
        label = QLabel("" if spec.kind == Kind.CHECKBOX else label_text(spec), parent)
        label.setObjectName(f"label_{spec.key}")
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setBuddy(editor)
        if spec.help:
            label.setToolTip(spec.help)
        form.rows[spec.key] = [label, editor]
        return label, editor

    def _build_top(self, form: Form) -> None:
        grid = QGridLayout(form.top)
        grid.setContentsMargins(8, 8, 8, 4)
        per_column = max(1, (len(self.screen.top) + 2) // 3)
        for index, spec in enumerate(self.screen.top):
            label, editor = self._editor(form, spec, form.top)
            row, column = index % per_column, index // per_column
            grid.addWidget(label, row, column * 2)
            grid.addWidget(editor, row, column * 2 + 1)
        for column in range(3):
            grid.setColumnStretch(column * 2 + 1, 1)

    def _build_tab(self, form: Form, tab: Tab) -> QWidget:
        inner = QWidget()
        columns = QHBoxLayout()
        column_boxes = [QVBoxLayout(), QVBoxLayout()]
        for box in column_boxes:
            columns.addLayout(box, 1)
        labels: list[list[QLabel]] = [[], []]
        # Section letters differ from the tabs' (a hidden tab's sections take no keys).
        section_letters = set(getattr(self, "tab_letters", MENU_LETTERS))
        for section in tab.sections:
            column = min(section.column, 1)
            section_box = self._build_section(form, section, inner)
            if isinstance(section_box, QGroupBox) and section_box.title():
                section_box.setTitle(section_title(section_box.title(), section_letters))
            column_boxes[column].addWidget(section_box)
            labels[column] += [
                label
                for spec in section.fields
                if isinstance(label := form.rows[spec.key][0], QLabel)
            ]
        for column_labels in labels:
            align_labels(column_labels)
        for box in column_boxes:
            box.addStretch(1)
        inner_layout = QVBoxLayout(inner)
        inner_layout.addLayout(columns)
        if tab.buttons:
            inner_layout.addLayout(self._build_buttons(form, tab, inner))
        for grid in tab.grids:
            grid_box = self._build_grid(form, grid, inner)
            # A tab holding one grid of its own name is reached by the tab's letter.
            if (
                isinstance(grid_box, QGroupBox)
                and grid_box.title()
                and grid_box.title().casefold() != tab.title.casefold()
            ):
                grid_box.setTitle(section_title(grid_box.title(), section_letters))
            inner_layout.addWidget(grid_box, 1)
        scroll = QScrollArea()
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from field to field, not here
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        return scroll

    def _build_buttons(self, form: Form, tab: Tab, parent: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        for action in tab.buttons:
            button = QPushButton(action.label, parent)
            button.setObjectName(f"{tab.key}_{snake(action.label)}")
            tooltip = action.tooltip(self._button_help(tab, action.label))
            button.setToolTip(tooltip)
            if action.when_disabled:
                form.buttons[button.objectName()] = (button, action, tooltip)
            if action.items:
                button.setMenu(self._build_menu(action, button))
            elif not action.available:  # shown, disabled, its tooltip saying why
                button.setEnabled(False)
            elif self.bind is not None:
                handler = self.bind(action)
                button.clicked.connect(lambda _checked=False, handler=handler: handler())
            row.addWidget(button)
        row.addStretch(1)
        return row

    def _button_help(self, tab: Tab, label: str) -> str:
        """The seed's description of a tab's button: among the toolbar's commands, else among
        the buttons of the tab's grids."""
        found = catalogue.action_help(self.screen.id, label)
        return found or catalogue.button_help(self.screen.id, tab.title, label)

    def _build_menu(self, action: Action, button: QPushButton) -> QMenu:
        """The menu a tab button opens (Add activity's activity types), one command each."""
        menu = QMenu(button)
        menu.setObjectName(f"{button.objectName()}_menu")
        for item in action.items:
            command = menu.addAction(item.label)
            command.setObjectName(item.object_name)
            if item.help:
                command.setToolTip(item.help)
            if self.bind is not None and item.available:
                handler = self.bind(item)
                command.triggered.connect(lambda _checked=False, handler=handler: handler())
        menu.setToolTipsVisible(True)
        return menu

    def _build_grid(self, form: Form, grid: Grid, parent: QWidget) -> QWidget:
        child = self._row_model(grid)
        columns = tuple(
            replace(
                column,
                help=column.help or catalogue.column_help(self.screen.id, grid.title, column.label),
                max_length=column.max_length
                if column.max_length is not None or column.kind != Kind.TEXT
                else column_length(child, column.attribute),
            )
            for column in grid.columns
        )
        editor = self.grids(replace(grid, columns=columns), parent)
        box = QGroupBox(grid.title.upper(), parent)
        box.setObjectName(f"section_{grid.object_name}")
        if grid.help:
            box.setToolTip(grid.help)
        layout = QVBoxLayout(box)
        layout.addWidget(editor)
        form.editors[grid.key] = editor
        form.rows[grid.key] = [box]
        return box

    def _row_model(self, grid: Grid) -> type[Any]:
        """The model of a grid's rows; a detail grid's rows belong to its master's rows."""
        owner = grid.owner or self.screen.model
        if grid.master:
            owner = self._row_model(next(g for g in self.screen.grids() if g.key == grid.master))
        return related_model(owner, grid.key)

    def _build_section(self, form: Form, section: Section, parent: QWidget) -> QWidget:
        box = QGroupBox(section.title.upper() if section.title else "", parent)
        box.setObjectName(f"section_{section.key}" if section.key else "section")
        layout = QFormLayout(box)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        # Where the column is too narrow for a row (a long check box caption beside the label
        # column), the row goes below its label rather than out of sight to the right.
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for spec in section.fields:
            label, editor = self._editor(form, spec, box, section.title)
            layout.addRow(label, editor)
        for action in section.buttons:
            button = QPushButton(action.label, box)
            button.setObjectName(f"{section.key}_{snake(action.label)}")
            button.setToolTip(
                action.tooltip(catalogue.help_text(self.screen.id, action.label, section.title))
            )
            if not action.available:  # shown, disabled, its tooltip saying why
                button.setEnabled(False)
            elif self.bind is not None:
                handler = self.bind(action)
                button.clicked.connect(lambda _checked=False, handler=handler: handler())
            layout.addRow("", button)
        return box
