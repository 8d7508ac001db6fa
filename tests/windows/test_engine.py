"""The screen engine itself: declarations become widgets with the seed's help, conditions
follow the values, and the lookup selector picks a record."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from app.ledger.customer_classes import CustomerClassService
from app.ledger.fields import Definition
from app.ledger.lookups import by_code
from app.ledger.sources import CUSTOMER_CLASSES
from app.models import CustomerClass
from app.models.database import Store
from app.windows.framework.lookup import LookupDialog, LookupEditor
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Field, Kind, Screen
from app.windows.screens import customers
from tests.factories import customer_class
from tests.screens.helpers import type_into

# A class narrowed to two fields, with conditions of their own.
GUARDED_CLASS = Definition(
    "customer class",
    CustomerClass,
    (
        Field("class_id", "Class ID", Kind.TEXT, required=True),
        # Enabled only once there is a class ID; shown only for classes starting with X.
        Field(
            "description",
            "Description",
            Kind.TEXT,
            enabled_when=lambda values: bool(values.get("class_id")),
            visible_when=lambda values: not str(values.get("class_id") or "").startswith("X"),
        ),
    ),
)
GUARDED = Screen(
    id="AR201000",
    title="Customer classes",
    model=CustomerClass,
    top=GUARDED_CLASS.pick("class_id", "description"),
    definition=GUARDED_CLASS,
)


def make(qtbot: QtBot, store: Store, spec: Screen) -> RecordScreen:
    assert spec.definition is not None
    screen = RecordScreen(store, spec, CustomerClassService(store, spec.definition.rules()))
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    return screen


def test_enabled_and_visible_conditions_follow_the_values(qtbot: QtBot, store: Store) -> None:
    screen = make(qtbot, store, GUARDED)
    description = screen.editor("description")
    assert not description.isEnabled()
    type_into(qtbot, screen, "class_id", "RETAIL")
    assert description.isEnabled() and description.isVisible()
    type_into(qtbot, screen, "class_id", "XPORT")
    assert not description.isVisible()
    label = screen.findChild(QLabel, "label_description")
    assert label is not None and not label.isVisible()


def test_tooltips_are_the_seed_descriptions(qtbot: QtBot, store: Store) -> None:
    screen = make(qtbot, store, GUARDED)
    assert screen.editor("class_id").toolTip().startswith("The unique identifier of the class.")
    assert "up to 10 characters" in screen.editor("class_id").toolTip()


def test_required_fields_are_marked(qtbot: QtBot, store: Store) -> None:
    screen = make(qtbot, store, GUARDED)
    required = screen.findChild(QLabel, "label_class_id")
    optional = screen.findChild(QLabel, "label_description")
    assert required is not None and optional is not None
    assert "*" in required.text() and "*" not in optional.text()


def test_balance_appears_only_for_an_existing_customer(qtbot: QtBot, store: Store) -> None:
    with store.transaction() as session:
        customer_class(session, "DOMESTIC", "Domestic")
    screen = customers.create_screen(store)
    qtbot.addWidget(screen)
    screen.show()
    assert not screen.editor("balance").isVisible()
    screen.record.set_value("customer_no", "1")
    screen.record.set_value("customer_name", "Fjordkraft Handel AS")
    lookup = screen.editor("customer_class")
    assert isinstance(lookup, LookupEditor)
    lookup.choose(by_code(store, CUSTOMER_CLASSES, "DOMESTIC"))
    assert screen.save()
    assert screen.editor("balance").isVisible()


def test_selector_lists_and_picks_a_record(qtbot: QtBot, store: Store) -> None:
    with store.transaction() as session:
        customer_class(session, "DOMESTIC", "Domestic customers")
        customer_class(session, "EXPORT", "Export customers")
    screen = customers.create_screen(store)
    qtbot.addWidget(screen)
    lookup = screen.editor("customer_class")
    assert isinstance(lookup, LookupEditor)

    def pick() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, LookupDialog)
        qtbot.keyClicks(dialog.search, "export")
        results = dialog.findChild(QTableWidget, "lookup_results")
        assert results is not None and results.rowCount() == 1
        results.selectRow(0)
        qtbot.keyClick(results, Qt.Key.Key_Return)

    QTimer.singleShot(0, pick)
    qtbot.mouseClick(lookup.select_button, Qt.MouseButton.LeftButton)
    assert lookup.line_edit.text() == "EXPORT"
    assert lookup.description.text() == "Export customers"
    assert screen.record.value("customer_class") is not None
    assert screen.is_dirty


def test_tab_visibility_and_required_option_start_value(qtbot: QtBot, store: Store) -> None:
    from app.ledger.fields import Definition
    from app.windows.framework.spec import Section, Tab

    tabbed = Definition(
        "customer class",
        CustomerClass,
        (
            Field("class_id", "Class ID", Kind.TEXT, required=True),
            Field("description", "Description", Kind.TEXT),
            Field(
                "apply_overdue_charges",
                "Apply overdue charges",
                Kind.CHECKBOX,
                visible_when=lambda values: not str(values.get("class_id") or "").startswith("X"),
            ),
        ),
    )
    spec = Screen(
        id="AR201000",
        title="Customer classes",
        model=CustomerClass,
        top=tabbed.pick("class_id"),
        tabs=(
            Tab("First", sections=(Section("Names", tabbed.pick("description")),)),
            Tab("Later", sections=(Section("Charges", tabbed.pick("apply_overdue_charges")),)),
        ),
        definition=tabbed,
    )
    screen = make(qtbot, store, spec)
    assert screen.findChild(QLabel, "label_description") is not None
    assert screen.findChild(QWidget, "apply_overdue_charges") is None
    type_into(qtbot, screen, "class_id", "XPORT")
    screen.record.set_value("apply_overdue_charges", True)
    screen.form.tabs.setCurrentIndex(1)
    box = screen.findChild(QCheckBox, "apply_overdue_charges")
    assert box is not None and box.isChecked()
    assert not box.isVisible()  # the condition holds from the moment the tab is built
    type_into(qtbot, screen, "class_id", "RETAIL")
    assert box.isVisible()
    box.click()
    assert screen.record.value("apply_overdue_charges") is False  # bound both ways
