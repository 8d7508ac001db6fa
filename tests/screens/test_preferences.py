"""Customer ledger preferences (AR101000): the one preferences record of the company."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.ledger import catalogue
from app.ledger.records import ValidationError
from app.ledger.setup import set_up_company
from app.models import (
    ArDocument,
    Branch,
    CidConfiguration,
    Customer,
    CustomerClass,
    DefaultSource,
    DunningLevel,
    Employee,
    KeySegment,
    NonStockItem,
    NumberSeries,
    PaymentMethod,
    Preferences,
    RateType,
    ReasonCode,
    Report,
    SegmentedKey,
)
from app.models.cid import CidElementKind, CidStatus
from app.models.database import Store
from app.models.document import DocumentType
from app.models.options import ContactType
from app.models.preferences import RetentionType
from app.models.reference.system import ReasonCodeUsage
from app.windows.framework.dialogs import Unsaved
from app.windows.framework.grid import GridEditor
from app.windows.framework.lookup import LookupEditor
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Kind
from app.windows.screens.preferences import SCREEN
from tests.screens.catalogue_walk import missing_elements, options_of
from tests.screens.conftest import Answers
from tests.screens.helpers import (
    activate,
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
    """Type a code into a lookup cell."""
    edit_cell(qtbot, screen, grid_key, row, column, code)
    activate(screen)


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
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
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

    answers.unsaved = Unsaved.DISCARD  # Cancel asks first; discarded here
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
    subaccount_segments(store, 1, 1, 1)  # three segments: three source letters (LLI)
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


# -- rules: refused with the field named, nothing half-saved --------------------------------


def subaccount_segments(store: Store, *lengths: int) -> None:
    """Give the SUBACCOUNT key (CS202000) segments of these lengths."""
    with store.transaction() as session:
        key = session.scalars(select(SegmentedKey)).one()
        key.segments = [
            KeySegment(segment_number=number, length=length)
            for number, length in enumerate(lengths, start=1)
        ]


def saved_preferences(store: Store) -> None:
    """Preferences saved once, with a CID configuration to pick."""
    with store.transaction() as session:
        session.add(Preferences(id=1))
        session.add(CidConfiguration(configuration_id="KID1", description="Customer no. KID"))
        session.add(CidConfiguration(configuration_id="KID2", description="Invoice no. KID"))
        session.add(Report(report_id="AR641000", name="Invoice/note"))
        session.add(Employee(employee_id="EMP01", name="Kari Nordmann"))


def refused(screen: RecordScreen, *messages: str) -> None:
    trigger(screen, "save")
    text = screen.message.text()
    assert text.startswith("The record was not saved:"), text
    for message in messages:
        assert message in text, text


def cid_description(store: Store, configuration_id: str) -> str | None:
    with store.session() as session:
        return session.scalars(
            select(CidConfiguration.description).where(
                CidConfiguration.configuration_id == configuration_id
            )
        ).one()


def test_a_mailing_needs_a_report_or_a_notification_template(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    saved_preferences(store)
    screen = open_screen("AR101000")
    assert shown(screen, "select_configuration") == "KID1"
    type_into(qtbot, screen, "description", "Changed with a bad mailing")
    sources = screen.editor("default_sources")
    assert isinstance(sources, GridEditor)
    qtbot.mouseClick(sources.add_button, Qt.MouseButton.LeftButton)
    edit_cell(qtbot, screen, "default_sources", 0, "mailing_id", "INVOICE")
    refused(
        screen,
        "Default sources, row 1, Report: a mailing needs a report or a notification template.",
    )
    with store.session() as session:
        assert session.scalars(select(DefaultSource)).all() == []
    assert cid_description(store, "KID1") == "Customer no. KID"  # not half-saved

    edit_lookup_cell(qtbot, screen, "default_sources", 0, "report", "AR641000")
    qtbot.mouseClick(sources.add_button, Qt.MouseButton.LeftButton)
    edit_cell(qtbot, screen, "default_sources", 1, "mailing_id", "invoice")
    edit_lookup_cell(qtbot, screen, "default_sources", 1, "report", "AR641000")
    refused(
        screen, "Default sources, row 2, Mailing ID: 'invoice' is already the mailing of row 1."
    )
    qtbot.mouseClick(sources.delete_button, Qt.MouseButton.LeftButton)
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()
    assert cid_description(store, "KID1") == "Changed with a bad mailing"


def test_contact_id_is_only_for_employee_recipients(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    saved_preferences(store)
    screen = open_screen("AR101000")
    sources = screen.editor("default_sources")
    recipients = screen.editor("recipients")
    assert isinstance(sources, GridEditor) and isinstance(recipients, GridEditor)
    qtbot.mouseClick(sources.add_button, Qt.MouseButton.LeftButton)
    edit_cell(qtbot, screen, "default_sources", 0, "mailing_id", "STATEMENT")
    edit_lookup_cell(qtbot, screen, "default_sources", 0, "report", "AR641000")
    qtbot.mouseClick(recipients.add_button, Qt.MouseButton.LeftButton)
    contact_id = recipients.model.index(0, 1)
    # A Primary recipient is the customer's own contact: its Contact ID cell is greyed out.
    assert not recipients.model.flags(contact_id) & Qt.ItemFlag.ItemIsEditable

    recipients.model.setData(recipients.model.index(0, 0), ContactType.EMPLOYEE)
    assert recipients.model.flags(contact_id) & Qt.ItemFlag.ItemIsEditable
    refused(
        screen,
        "Default sources, row 1, Default recipients, row 1, Contact ID: select the employee who "
        "receives the mailing.",
    )
    edit_lookup_cell(qtbot, screen, "recipients", 0, "contact_id", "EMP01")
    # Choosing another type clears the employee; one typed in anyway is refused by the rule.
    recipients.model.setData(recipients.model.index(0, 0), ContactType.INVOICING)
    assert recipients.model.index(0, 1).data() == ""
    employee = recipients.model.row(0)
    assert employee is not None
    with store.session() as session:
        emp01 = session.scalars(select(Employee.id)).one()
    recipients.model.setData(contact_id, emp01)
    refused(
        screen,
        "Default sources, row 1, Default recipients, row 1, Contact ID: can be specified only "
        "for the Employee contact type.",
    )
    with store.session() as session:
        assert session.scalars(select(DefaultSource)).all() == []


def test_fixed_number_of_months_needs_the_number(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    saved_preferences(store)
    subaccount_segments(store, 1, 1, 1)  # three segments: three source letters (LLI)
    screen = open_screen("AR101000")
    assert shown(screen, "retention_type") == "Fixed number of months"  # the product's default
    type_into(qtbot, screen, "number_of_months", "")
    refused(
        screen,
        "Number of months: a number is required with Fixed number of months (0 keeps the "
        "history forever).",
    )
    type_into(qtbot, screen, "number_of_months", "-3")
    refused(screen, "Number of months: cannot be negative.")
    choose_option(qtbot, screen, "retention_type", "Last price")
    assert not screen.editor("number_of_months").isEnabled()
    type_into(qtbot, screen, "combine_sales_sub_from", "LXZ")
    refused(
        screen,
        "Combine sales sub. from: use one letter per segment: B Branch, L Customer location, "
        "I Stock item, E Employee ('XZ' is not a source).",
    )
    with store.session() as session:
        assert session.get(Preferences, 1).retention_type == RetentionType.FIXED_NUMBER_OF_MONTHS  # type: ignore[union-attr]
    type_into(qtbot, screen, "combine_sales_sub_from", "lli")
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()
    assert shown(screen, "combine_sales_sub_from") == "LLI"


def test_combine_sales_sub_from_gives_one_letter_per_segment_of_the_subaccount(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    saved_preferences(store)
    screen = open_screen("AR101000")  # the SUBACCOUNT key every company has: one segment
    type_into(qtbot, screen, "combine_sales_sub_from", "LI")
    refused(
        screen,
        "• Combine sales sub. from: the subaccount has 1 segment: give one source letter for "
        "each (this has 2).",
    )
    subaccount_segments(store, 2, 3)  # CS202000 changed meanwhile: read at the save
    type_into(qtbot, screen, "combine_sales_sub_from", "LLI")
    refused(
        screen,
        "• Combine sales sub. from: the subaccount has 2 segments: give one source letter for "
        "each (this has 3).",
    )
    with store.session() as session:
        assert session.get(Preferences, 1).combine_sales_sub_from is None  # type: ignore[union-attr]
    type_into(qtbot, screen, "combine_sales_sub_from", "li")
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()
    assert shown(screen, "combine_sales_sub_from") == "LI"


# -- CID configuration --------------------------------------------------------------------


def add_element(
    qtbot: QtBot, screen: RecordScreen, element: CidElementKind, positions: str, fixed: str = ""
) -> None:
    grid = screen.editor("elements")
    assert isinstance(grid, GridEditor)
    activate(screen)
    qtbot.mouseClick(grid.add_button, Qt.MouseButton.LeftButton)
    row = grid.model.rowCount() - 1
    grid.model.setData(grid.model.index(row, 0), element)
    if fixed:
        edit_cell(qtbot, screen, "elements", row, "fixed_value", fixed)
    edit_cell(qtbot, screen, "elements", row, "number_of_positions", positions)


def test_a_picked_cid_configuration_is_edited_and_saved_with_the_preferences(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    saved_preferences(store)
    screen = open_screen("AR101000")
    assert shown(screen, "select_configuration") == "KID1"  # the first one is shown
    type_into(qtbot, screen, "select_configuration", "KID2")
    assert shown(screen, "description") == "Invoice no. KID"
    type_into(qtbot, screen, "digit_counter", "12")
    type_into(qtbot, screen, "reference_modulus", "MOD10")
    add_element(qtbot, screen, CidElementKind.FIXED_VALUE, "2", fixed="99")
    add_element(qtbot, screen, CidElementKind.INVOICE_NO, "8")
    add_element(qtbot, screen, CidElementKind.CHECK_DIGIT, "1")
    # Activated once its format is done: an active configuration's format is locked.
    choose_option(qtbot, screen, "status", "Active")
    assert not screen.editor("reference_modulus").isEnabled()
    click_check(qtbot, screen, "age_credits")  # a preference saved in the same transaction
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()
    assert shown(screen, "select_configuration") == "KID2"  # still the one being edited

    with store.session() as session:
        kid2 = session.scalars(
            select(CidConfiguration).where(CidConfiguration.configuration_id == "KID2")
        ).one()
        assert (kid2.status, kid2.digit_counter, kid2.reference_modulus) == (
            CidStatus.ACTIVE,
            12,
            "MOD10",
        )
        assert [
            (e.sort_order, e.element, e.fixed_value, e.number_of_positions) for e in kid2.elements
        ] == [
            (1, CidElementKind.FIXED_VALUE, "99", 2),
            (2, CidElementKind.INVOICE_NO, None, 8),
            (3, CidElementKind.CHECK_DIGIT, None, 1),
        ]
        assert session.get(Preferences, 1).age_credits is True  # type: ignore[union-attr]
    assert cid_description(store, "KID1") == "Customer no. KID"

    # Deleting an element and picking back and forth shows what was saved; the elements of an
    # active configuration are locked until it is set to Editing.
    grid = screen.editor("elements")
    assert isinstance(grid, GridEditor)
    assert not grid.isEnabled()
    choose_option(qtbot, screen, "status", "Editing")
    assert grid.isEnabled()
    grid.view.setCurrentIndex(grid.model.index(0, 0))
    qtbot.mouseClick(grid.delete_button, Qt.MouseButton.LeftButton)
    trigger(screen, "save")
    type_into(qtbot, screen, "select_configuration", "KID1")
    assert grid.model.rowCount() == 0
    type_into(qtbot, screen, "select_configuration", "KID2")
    assert [grid.model.index(row, 0).data() for row in range(grid.model.rowCount())] == [
        "Invoice no.",
        "Check digit",
    ]


def test_a_new_cid_configuration_is_typed_into_select_configuration(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    saved_preferences(store)
    screen = open_screen("AR101000")
    type_into(qtbot, screen, "select_configuration", "KID 3")
    refused(screen, "Select configuration: use letters, digits, - and _ only")
    type_into(qtbot, screen, "select_configuration", "KID3")
    picker = screen.editor("select_configuration")
    assert isinstance(picker, LookupEditor)
    assert picker.description.text() == "new configuration, saved with the preferences"
    assert shown(screen, "description") == ""  # a new one starts from the defaults
    assert shown(screen, "status") == "Inactive"
    type_into(qtbot, screen, "description", "Norwegian KID")
    add_element(qtbot, screen, CidElementKind.CUSTOMER_NO, "6")
    type_into(qtbot, screen, "digit_counter", "")
    click_check(qtbot, screen, "age_credits")
    refused(screen, "Digit counter: a value is required.")
    with store.session() as session:  # nothing half-saved
        assert len(session.scalars(select(CidConfiguration)).all()) == 2
        assert session.get(Preferences, 1).age_credits is False  # type: ignore[union-attr]
    type_into(qtbot, screen, "digit_counter", "10")
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()
    assert cid_description(store, "KID3") == "Norwegian KID"
    assert picker.description.text() == "Norwegian KID"

    # Without a configuration the settings are greyed out and elements have nowhere to go.
    type_into(qtbot, screen, "select_configuration", "")
    assert not screen.editor("description").isEnabled()
    assert not screen.editor("elements").isEnabled()
    element = {"element": CidElementKind.CUSTOMER_NO, "number_of_positions": 6}
    with pytest.raises(ValidationError) as refused_elements:  # values from elsewhere than here
        screen.service.save(
            screen.record.record_id,
            screen.record.values() | {"elements": [element]},
            screen.record.version,
            screen.record.loaded_values(),
        )
    assert "Configuration elements: select a configuration, or type a new ID" in str(
        refused_elements.value
    )


# -- option lists ---------------------------------------------------------------------------


def test_option_lists_hold_the_catalogues_options_and_lost_ones_say_where_they_came_from(
    open_screen: Opener,
) -> None:
    screen = open_screen("AR101000")
    for tab, section, element in catalogue.elements("AR101000"):
        if element["kind"] != "option":
            continue
        key = next(f.key for f in SCREEN.fields() if f.label == element["name"])
        combo = screen.editor(key)
        assert isinstance(combo, QComboBox)
        shown_options = [combo.itemText(i) for i in range(combo.count()) if combo.itemText(i)]
        wanted = options_of("AR101000", tab, section, element["name"])
        if wanted:
            assert shown_options == wanted, key
        else:
            assert shown_options, key
            assert "completed as the product family has it" in combo.toolTip(), key
    for tab in catalogue.window("AR101000")["tabs"]:
        for grid_entry in tab["grids"]:
            grid = next(g for g in SCREEN.grids() if g.title == grid_entry["title"])
            for column in grid_entry["columns"]:
                if column["kind"] != "option":
                    continue
                spec = next(c for c in grid.columns if c.label == column["name"])
                assert spec.options is not None
                labels = [option.label for option in spec.options]
                if column["options"]:
                    assert labels == column["options"], spec.key
                else:
                    assert "completed as the product family has it" in spec.help, spec.key


# -- number series in use -------------------------------------------------------------------


def test_a_number_series_in_use_cannot_be_changed(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    with store.transaction() as session:
        invoice, spare = (
            NumberSeries(series_id=code, description=code, start_number="000001")
            for code in ("INVOICE", "SPARE")
        )
        customer = Customer(customer_no="10001", name="Nordic Trading AS")
        session.add_all([invoice, spare, customer])
        session.flush()
        session.add(
            Preferences(
                id=1, invoice_number_series_id=invoice.id, payment_number_series_id=invoice.id
            )
        )
        # The payment series shares INVOICE: a payment numbered from it locks it (an invoice
        # alone would not: each setting is locked by its own documents).
        session.add_all(
            ArDocument(
                doc_type=doc_type,
                ref_nbr=ref_nbr,
                number_series_id=invoice.id,
                customer_id=customer.id,
                doc_date=date(2026, 1, 15),
            )
            for doc_type, ref_nbr in [
                (DocumentType.INVOICE, "000123"),
                (DocumentType.PAYMENT, "000124"),
            ]
        )
    screen = open_screen("AR101000")
    type_into(qtbot, screen, "invoice_number_series", "SPARE")
    type_into(qtbot, screen, "payment_number_series", "SPARE")
    type_into(qtbot, screen, "general_ledger_batch_number_series", "SPARE")  # not locked
    refused(
        screen,
        "Invoice number series: cannot be changed once documents use it (invoice 000123 was "
        "numbered from INVOICE).",
        "Payment number series: cannot be changed once documents use it",
    )
    with store.session() as session:
        assert session.get(Preferences, 1).gl_batch_number_series_id is None  # type: ignore[union-attr]
    type_into(qtbot, screen, "invoice_number_series", "INVOICE")
    type_into(qtbot, screen, "payment_number_series", "INVOICE")
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()
    # A series not yet set may be set; the unused one may be swapped freely.
    type_into(qtbot, screen, "debit_note_number_series", "SPARE")
    trigger(screen, "save")
    type_into(qtbot, screen, "debit_note_number_series", "INVOICE")
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()


def test_a_series_shared_by_two_settings_can_be_moved_back(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    # Issue 17: once the debit note series pointed at ARINVOICE, the invoices numbered from
    # ARINVOICE refused moving it back to ARDEBIT.
    set_up_company(store, base_currency="NOK", country="NO", language="nb-NO")
    with store.transaction() as session:
        customer = Customer(customer_no="10001", name="Nordic Trading AS")
        session.add(customer)
        session.flush()
        session.add(
            ArDocument(
                doc_type=DocumentType.INVOICE,
                ref_nbr="INV000001",
                number_series_id=session.scalars(
                    select(NumberSeries.id).where(NumberSeries.series_id == "ARINVOICE")
                ).one(),
                customer_id=customer.id,
                doc_date=date(2026, 1, 15),
            )
        )

    def debit_series() -> str:
        with store.session() as session:
            preferences = session.get_one(Preferences, 1)
            series = session.get_one(NumberSeries, preferences.debit_note_number_series_id)
            return series.series_id

    screen = open_screen("AR101000")
    type_into(qtbot, screen, "debit_note_number_series", "ARINVOICE")  # no debit notes yet
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()
    assert debit_series() == "ARINVOICE"
    type_into(qtbot, screen, "debit_note_number_series", "ARDEBIT")
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()
    assert debit_series() == "ARDEBIT"
    type_into(qtbot, screen, "invoice_number_series", "ARDEBIT")  # its own invoice locks it
    refused(
        screen,
        "Invoice number series: cannot be changed once documents use it (invoice INV000001 was "
        "numbered from ARINVOICE).",
    )


def test_switching_dunning_from_by_document_to_by_customer_warns_as_the_seed_advises(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up_company(store, base_currency="NOK", country="NO", language="nb-NO")
    screen = open_screen("AR101000")
    choose_option(qtbot, screen, "dunning_process", "By document")
    assert "not recommended" not in screen.message.text()  # the switch the seed allows
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()

    choose_option(qtbot, screen, "dunning_process", "By customer")
    assert screen.message.isVisible()
    assert (
        "Dunning process: switching from By document to By customer is not recommended"
        in screen.message.text()
    )
    # A warning, not a refusal: the user may still save the switch.
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()


def test_quantity_discounts_apply_to_a_unit_of_measure(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up_company(store, base_currency="NOK", country="NO", language="nb-NO")
    screen = open_screen("AR101000")
    editor = screen.editor("apply_quantity_discounts_to")
    assert isinstance(editor, QComboBox)
    assert [editor.itemText(i) for i in range(editor.count())] == ["Document line UOM", "Base UOM"]
    choose_option(qtbot, screen, "apply_quantity_discounts_to", "Base UOM")
    trigger(screen, "save")
    with store.session() as session:
        saved = session.scalars(select(Preferences)).one()
        assert saved.apply_quantity_discounts_to.label == "Base UOM"


def test_an_active_cid_configuration_s_format_is_changed_only_through_editing(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    saved_preferences(store)
    with store.transaction() as session:
        kid1 = session.scalars(
            select(CidConfiguration).where(CidConfiguration.configuration_id == "KID1")
        ).one()
        kid1.status, kid1.reference_modulus = CidStatus.ACTIVE, "MOD10"
    screen = open_screen("AR101000")
    assert shown(screen, "select_configuration") == "KID1"
    for key in ("reference_modulus", "digit_counter", "display_mask", "elements"):
        assert not screen.editor(key).isEnabled(), key
    assert screen.editor("description").isEnabled()  # not part of the format

    # A save that changes the format anyway (an import, another screen's values) is refused.
    values = screen.record.values() | {"reference_modulus": "MOD11"}
    with pytest.raises(ValidationError) as refused:
        screen.service.save(
            screen.record.record_id, values, screen.record.version, screen.record.loaded_values()
        )
    assert "CID configuration KID1 is Active, so its format cannot be changed" in str(refused.value)

    choose_option(qtbot, screen, "status", "Editing")
    assert screen.editor("reference_modulus").isEnabled()
    type_into(qtbot, screen, "reference_modulus", "MOD11")
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()
    assert cid_description(store, "KID1") == "Customer no. KID"
    with store.session() as session:
        kid1 = session.scalars(
            select(CidConfiguration).where(CidConfiguration.configuration_id == "KID1")
        ).one()
        assert (kid1.status, kid1.reference_modulus) == (CidStatus.EDITING, "MOD11")
