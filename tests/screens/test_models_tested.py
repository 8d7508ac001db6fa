"""Every table model a screen edits through passes Qt's model tester: the one-row record model
and the grid models, loaded with a real record and after edits (DESIGN.md §8)."""

from __future__ import annotations

from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from app.models.database import Store
from app.windows.framework.grid import GridEditor
from tests.screens.customer_record import Opener, create_customer, description, set_up
from tests.screens.helpers import type_into


def test_the_customer_record_model_passes(
    qtbot: QtBot, open_screen: Opener, store: Store, qtmodeltester: ModelTester
) -> None:
    set_up(store)
    screen = open_screen("AR303000")
    qtmodeltester.check(screen.record, force_py=True)  # a new record
    create_customer(qtbot, screen, "Fjordkraft Handel AS")
    qtmodeltester.check(screen.record, force_py=True)  # a saved one
    type_into(qtbot, screen, "default_payment_method", "CARD")  # fills the details grid
    qtmodeltester.check(screen.record, force_py=True)
    details = screen.editor("default_payment_method.details")
    assert isinstance(details, GridEditor)
    assert details.model.rowCount() == 2
    qtmodeltester.check(details.model, force_py=True)


def test_the_class_grid_models_pass(
    qtbot: QtBot, open_screen: Opener, store: Store, qtmodeltester: ModelTester
) -> None:
    set_up(store)
    screen = open_screen("AR201000")
    type_into(qtbot, screen, "class_id", "DEFAULT")  # the default class, with its mailings
    assert screen.record.record_id is not None
    for grid in screen.spec.grids():
        editor = screen.editor(grid.key)
        assert isinstance(editor, GridEditor)
        qtmodeltester.check(editor.model, force_py=True)
    mailings = screen.editor("mailings")
    assert isinstance(mailings, GridEditor) and mailings.model.rowCount() > 0


def test_a_record_reads_its_lookups_descriptions_in_one_query(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up(store)
    screen = open_screen("AR303000")
    number = create_customer(qtbot, screen, "Fjordkraft Handel AS")
    type_into(qtbot, screen, "default_payment_method", "CARD")
    screen.save()
    before = screen.descriptions.queries
    screen.load_record(screen.record.record_id or 0)
    assert screen.descriptions.queries == before + 1  # the whole record: one query
    details = screen.editor("default_payment_method.details")
    assert isinstance(details, GridEditor)
    details.view.viewport().repaint()
    qtbot.wait(10)
    assert screen.descriptions.queries == before + 1  # painting asks the store nothing
    assert description(screen, "customer_class") == "Default customer class"
    assert number


def test_the_customer_tabs_and_payment_method_models_pass(
    qtbot: QtBot, open_screen: Opener, store: Store, qtmodeltester: ModelTester
) -> None:
    set_up(store)
    customers = open_screen("AR303000")
    parent = create_customer(qtbot, customers, "Konsern AS")
    create_customer(qtbot, customers, "Datter AS")
    type_into(qtbot, customers, "parent_account", parent)
    customers.save()
    mandates = customers.editor("mandates")
    assert isinstance(mandates, GridEditor)
    mandates.add_row()
    qtmodeltester.check(mandates.model, force_py=True)
    parent_id = customers.service.find({"customer_no": parent})
    assert parent_id is not None
    customers.load_record(parent_id)  # the parent: both views hold rows
    for key in ("payment_methods", "child_accounts"):
        grid = customers.editor(key)
        assert isinstance(grid, GridEditor) and grid.model.rowCount() == 1, key
        qtmodeltester.check(grid.model, force_py=True)

    methods = open_screen("AR303010")
    qtmodeltester.check(methods.record, force_py=True)  # a new record
    type_into(qtbot, methods, "customer", parent)
    type_into(qtbot, methods, "payment_method", "CARD")  # fills the details grid
    qtmodeltester.check(methods.record, force_py=True)
    details = methods.editor("details")
    assert isinstance(details, GridEditor) and details.model.rowCount() == 2
    qtmodeltester.check(details.model, force_py=True)
