"""Customer ledger preferences (AR101000): the one preferences record of the company."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.models import (
    Branch,
    CidConfiguration,
    CustomerClass,
    DefaultSource,
    DunningLevel,
    Employee,
    NonStockItem,
    NumberSeries,
    PaymentMethod,
    Preferences,
    RateType,
    ReasonCode,
    Report,
)
from app.models.cid import CidStatus
from app.models.database import Store
from app.models.options import ContactType
from app.models.reference.system import ReasonCodeUsage
from app.windows.framework.grid import GridEditor
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Kind
from app.windows.screens.preferences import SCREEN
from tests.screens.catalogue_walk import missing_elements
from tests.screens.helpers import (
    choose_option,
    click_check,
    edit_cell,
    shown,
    trigger,
    type_into,
)

Opener = Callable[[str], RecordScreen]


def edit_lookup_cell(
    qtbot: QtBot, screen: RecordScreen, grid_key: str, row: int, column: str, code: str
) -> None:
    """Type a code into a lookup cell; its suggestions popup leaves the window inactive
    offscreen, so the window is activated again for the next edit."""
    edit_cell(qtbot, screen, grid_key, row, column, code)
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)


def test_preferences_are_one_record_saved_and_reopened(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    with store.transaction() as session:
        session.add(CustomerClass(class_id="DEFAULT", description="Default class"))
    screen = open_screen("AR101000")
    assert "add_new" not in screen.actions_by_name  # a single record: no Add new, no browsing
    assert shown(screen, "automatically_post_on_release") is True  # the product's default
    type_into(qtbot, screen, "default_customer_class_id", "DEFAULT")
    click_check(qtbot, screen, "activate_migration_mode")
    trigger(screen, "save")
    trigger(screen, "save")  # saving again updates the same record

    with store.session() as session:
        saved = session.scalars(select(Preferences)).one()
        assert saved.default_customer_class is not None
        assert saved.default_customer_class.class_id == "DEFAULT"
        assert saved.activate_migration_mode is True

    reopened = open_screen("AR101000")
    assert shown(reopened, "default_customer_class_id") == "DEFAULT"
    assert shown(reopened, "activate_migration_mode") is True


def test_dunning_levels_are_added_numbered_and_saved(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = open_screen("AR101000")
    grid = screen.editor("dunning_levels")
    assert isinstance(grid, GridEditor)
    qtbot.mouseClick(grid.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(grid.add_button, Qt.MouseButton.LeftButton)
    assert [row["dunning_letter_level"] for row in grid.value()] == [1, 2]
    assert screen.is_dirty

    edit_cell(qtbot, screen, "dunning_levels", 0, "days_past_due", "10")
    edit_cell(qtbot, screen, "dunning_levels", 1, "days_past_due", "30")
    edit_cell(qtbot, screen, "dunning_levels", 1, "dunning_fee", "65,50")
    # Save clicked while the last cell is still being edited: what was typed is saved.
    edit_cell(
        qtbot, screen, "dunning_levels", 1, "description", "Second reminder", press_return=False
    )
    trigger(screen, "save")
    assert screen.message.text() == "Saved."

    with store.session() as session:
        levels = session.scalars(select(DunningLevel).order_by(DunningLevel.id)).all()
        assert [
            (x.dunning_letter_level, x.days_past_due, x.dunning_fee, x.description) for x in levels
        ] == [
            (1, 10, Decimal("0.0000"), None),
            (2, 30, Decimal("65.5000"), "Second reminder"),
        ]
    assert grid.model.index(1, 4).data() == "65.50"

    # Deleting the first row leaves a gap: refused, with the rule named.
    grid.view.setCurrentIndex(grid.model.index(0, 0))
    qtbot.mouseClick(grid.delete_button, Qt.MouseButton.LeftButton)
    trigger(screen, "save")
    assert "Dunning levels, Dunning letter level: levels must be numbered 1, 2, 3" in (
        screen.message.text()
    )
    with store.session() as session:
        assert len(session.scalars(select(DunningLevel)).all()) == 2

    trigger(screen, "cancel")
    assert len(grid.value()) == 2


def test_unreadable_fee_and_falling_days_are_named(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = open_screen("AR101000")
    grid = screen.editor("dunning_levels")
    assert isinstance(grid, GridEditor)
    qtbot.mouseClick(grid.add_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(grid.add_button, Qt.MouseButton.LeftButton)
    edit_cell(qtbot, screen, "dunning_levels", 0, "days_past_due", "30")
    edit_cell(qtbot, screen, "dunning_levels", 1, "days_past_due", "20")
    edit_cell(qtbot, screen, "dunning_levels", 0, "dunning_fee", "12x")
    trigger(screen, "save")
    message = screen.message.text()
    assert "Dunning levels, row 1, Dunning fee: '12x' is not a number." in message
    trigger(screen, "save")
    edit_cell(qtbot, screen, "dunning_levels", 0, "dunning_fee", "12")
    trigger(screen, "save")
    assert (
        "Dunning levels, row 2, Days past due: must be more than the previous level's 30 days."
        in (screen.message.text())
    )
    with store.session() as session:
        assert session.scalars(select(DunningLevel)).all() == []


def test_recipients_belong_to_the_selected_mailing(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    with store.transaction() as session:
        session.add(Employee(employee_id="EMP01", name="Kari Nordmann"))
        session.add(Report(report_id="AR641000", name="Invoice/note"))
    screen = open_screen("AR101000")
    sources = screen.editor("default_sources")
    recipients = screen.editor("recipients")
    assert isinstance(sources, GridEditor) and isinstance(recipients, GridEditor)
    assert not recipients.add_button.isEnabled()  # no mailing selected yet

    qtbot.mouseClick(sources.add_button, Qt.MouseButton.LeftButton)
    edit_cell(qtbot, screen, "default_sources", 0, "mailing_id", "INVOICE")
    edit_lookup_cell(qtbot, screen, "default_sources", 0, "report", "AR641000")
    qtbot.mouseClick(sources.add_button, Qt.MouseButton.LeftButton)
    edit_cell(qtbot, screen, "default_sources", 1, "mailing_id", "STATEMENT")
    edit_lookup_cell(qtbot, screen, "default_sources", 1, "report", "AR641000")

    # STATEMENT is the current mailing: its recipients are an employee and a Bcc copy.
    qtbot.mouseClick(recipients.add_button, Qt.MouseButton.LeftButton)
    recipients.model.setData(recipients.model.index(0, 0), ContactType.EMPLOYEE)
    edit_cell(qtbot, screen, "recipients", 0, "contact_id", "EMP01")
    qtbot.mouseClick(recipients.add_button, Qt.MouseButton.LeftButton)
    recipients.model.setData(
        recipients.model.index(1, 4), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    sources.view.setCurrentIndex(sources.model.index(0, 0))  # INVOICE has none
    assert recipients.model.rowCount() == 0
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()

    with store.session() as session:
        saved = {
            source.mailing_id: [
                (r.contact_type, r.employee_id is not None, r.bcc) for r in source.recipients
            ]
            for source in session.scalars(select(DefaultSource))
        }
    assert saved == {
        "INVOICE": [],
        "STATEMENT": [(ContactType.EMPLOYEE, True, False), (ContactType.PRIMARY, False, True)],
    }
    # Reopened, the recipients follow the selected mailing again.
    reopened = open_screen("AR101000")
    again_sources = reopened.editor("default_sources")
    again = reopened.editor("recipients")
    assert isinstance(again_sources, GridEditor) and isinstance(again, GridEditor)
    again_sources.view.setCurrentIndex(again_sources.model.index(1, 0))
    assert again.model.rowCount() == 2
    assert again.model.index(0, 1).data() == "EMP01"


# -- every element, saved --------------------------------------------------------------------


def test_every_catalogued_element_is_on_the_screen() -> None:
    assert missing_elements(SCREEN) == []


def add_lookup_records(store: Store) -> dict[str, str]:
    """One record for each lookup of the screen; the code to type, by field key."""
    codes: dict[str, str] = {}
    with store.transaction() as session:
        for spec in SCREEN.fields():
            if spec.kind != Kind.LOOKUP or spec.key == "select_configuration":
                continue
            if spec.lookup is not None and spec.lookup.model is NumberSeries:
                code = f"S{len(codes)}"
                session.add(NumberSeries(series_id=code, description=spec.label, start_number="1"))
                codes[spec.key] = code
        session.add_all(
            [
                CustomerClass(class_id="RETAIL", description="Retail customers"),
                PaymentMethod(payment_method_id="AUTO", description="Direct debit"),
                PaymentMethod(payment_method_id="MANUAL", description="Bank transfer"),
                Branch(branch_id="OSLO", name="Oslo branch"),
                Branch(branch_id="BERGEN", name="Bergen branch"),
                ReasonCode(
                    reason_code_id="BALWO",
                    description="Balance write-off",
                    usage=ReasonCodeUsage.BALANCE_WRITE_OFF,
                ),
                ReasonCode(
                    reason_code_id="CREDWO",
                    description="Credit write-off",
                    usage=ReasonCodeUsage.CREDIT_WRITE_OFF,
                ),
                RateType(rate_type_id="SPOT", description="Spot rate"),
                NonStockItem(item_id="DUNFEE", description="Dunning fee"),
                CidConfiguration(configuration_id="KID", description="KID"),
            ]
        )
    return codes | {
        "default_customer_class_id": "RETAIL",
        "automatic_payment_method": "AUTO",
        "manual_payment_method": "MANUAL",
        "statement_from_branch": "OSLO",
        "dunning_letter_from_branch": "BERGEN",
        "reason_code_balance_write_off": "BALWO",
        "reason_code_credit_write_off": "CREDWO",
        "default_rate_type": "SPOT",
        "dunning_fee_item": "DUNFEE",
        "select_configuration": "KID",
        "branch": "OSLO",
        "payment_method": "MANUAL",
    }


def test_every_field_is_set_saved_and_reopened(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    codes = add_lookup_records(store)
    screen = open_screen("AR101000")
    expected: dict[str, object] = {}
    # In declaration order a field's condition is met before the field (Rounding rule before
    # Rounding precision, Select configuration before the configuration's settings …).
    for number, spec in enumerate(SCREEN.fields()):
        editor = screen.editor(spec.key)
        assert editor.isEnabled(), f"{spec.key} is not enabled"
        if spec.kind == Kind.CHECKBOX:
            expected[spec.key] = not shown(screen, spec.key)
            click_check(qtbot, screen, spec.key)
        elif spec.kind == Kind.OPTION:
            assert spec.options is not None
            label = list(spec.options)[-1].label  # the last option: never the default
            choose_option(qtbot, screen, spec.key, label)
            expected[spec.key] = label
        elif spec.kind == Kind.LOOKUP:
            type_into(qtbot, screen, spec.key, codes[spec.key])
            expected[spec.key] = codes[spec.key]
        elif spec.kind == Kind.NUMBER:
            type_into(qtbot, screen, spec.key, str(number))
            expected[spec.key] = str(number)
        else:
            assert spec.kind == Kind.TEXT, spec.key
            text = "LLI" if spec.key == "combine_sales_sub_from" else f"T{number}"
            type_into(qtbot, screen, spec.key, text)
            expected[spec.key] = text
    assert {shown(screen, key) == value for key, value in expected.items()} == {True}
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()

    reopened = open_screen("AR101000")
    assert {key: shown(reopened, key) for key in expected} == expected
    with store.session() as session:
        preferences = session.scalars(select(Preferences)).one()
        assert preferences.statement_from_branch_id is not None
        assert preferences.number_of_months > 0
        configuration = session.scalars(select(CidConfiguration)).one()
        assert configuration.status == CidStatus.EDITING
        assert configuration.amount_weight is not None
