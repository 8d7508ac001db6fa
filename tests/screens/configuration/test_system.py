"""Configuration screens of company-wide setup: number series, attributes, system email
accounts, reports, notification templates, report texts, restriction groups and employees."""

from __future__ import annotations

import importlib
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import (
    Attribute,
    AttributeValue,
    ClassAttribute,
    ClassMailing,
    ClassRecipient,
    Customer,
    CustomerClass,
    DefaultSource,
    DunningLevel,
    EmailAccount,
    Employee,
    NotificationTemplate,
    NumberSeries,
    Preferences,
    Report,
    ReportText,
    RestrictionGroup,
    Supplier,
)
from app.models.database import Store
from app.models.options import ContactType
from app.windows.framework.dialogs import Unsaved
from app.windows.framework.grid import GridEditor
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import snake
from app.windows.screens import find_screen
from tests.screens.configuration.harness import (
    Case,
    Opener,
    class_using,
)
from tests.screens.conftest import Answers
from tests.screens.helpers import choose_option, click_check, edit_cell, shown, trigger, type_into

# -- how the ledger uses each record -----------------------------------------------------------


def preferences_using(attr: str) -> Callable[[Session, int], None]:
    def use(session: Session, record_id: int) -> None:
        session.add(Preferences(id=1, **{attr: record_id}))

    return use


def default_source_using(attr: str) -> Callable[[Session, int], None]:
    """An AR101000 mailing that sends with the record."""

    def use(session: Session, record_id: int) -> None:
        session.add(Preferences(id=1))
        session.flush()
        session.add(DefaultSource(preferences_id=1, mailing_id="STATEMENT", **{attr: record_id}))

    return use


def _class(session: Session) -> CustomerClass:
    customer_class = CustomerClass(class_id="USES", description="Uses it")
    session.add(customer_class)
    session.flush()
    return customer_class


def class_mailing_using(attr: str) -> Callable[[Session, int], None]:
    """A customer class's mailing that sends with the record."""

    def use(session: Session, record_id: int) -> None:
        customer_class = _class(session)
        session.add(
            ClassMailing(
                customer_class_id=customer_class.id, mailing_id="INVOICE", **{attr: record_id}
            )
        )

    return use


def class_recipient_employee(session: Session, employee_id: int) -> None:
    customer_class = _class(session)
    mailing = ClassMailing(customer_class_id=customer_class.id, mailing_id="DUNNING")
    mailing.recipients.append(
        ClassRecipient(contact_type=ContactType.EMPLOYEE, employee_id=employee_id)
    )
    session.add(mailing)


def class_attribute(session: Session, attribute_id: int) -> None:
    customer_class = _class(session)
    session.add(ClassAttribute(customer_class_id=customer_class.id, attribute_id=attribute_id))


def dunning_level_text(session: Session, report_text_id: int) -> None:
    session.add(Preferences(id=1))
    session.flush()
    session.add(
        DunningLevel(preferences_id=1, dunning_letter_level=1, report_text_id=report_text_id)
    )


CASES = [
    Case(
        "CS201010",
        NumberSeries,
        {"number_series_id": "INVOICE", "description": "Invoices", "start_number": "INV000001"},
        ("last_number", "INV000005"),
        preferences_using("invoice_number_series_id"),
        "1 preferences",
    ),
    Case(
        "CS205000",
        Attribute,
        {"attribute_id": "SECTOR", "description": "Business sector"},
        ("entry_mask", "aaaa"),
        class_attribute,
        "1 class attribute",
    ),
    Case(
        "SM204002",
        EmailAccount,
        {
            "email_account_id": "SALES",
            "description": "Sales department",
            "email_address": "sales@example.com",
        },
        ("reply_to_address", "accounts@example.com"),
        class_mailing_using("email_account_id"),
        "1 class mailing",
    ),
    Case(
        "SM206000",
        Report,
        {"report_id": "AR641500", "name": "Customer statement"},
        ("name", "Customer statement, detailed"),
        default_source_using("report_id"),
        "1 default source",
    ),
    Case(
        "SM204003",
        NotificationTemplate,
        {
            "template_id": "STATEMENT",
            "description": "Statement e-mail",
            "subject": "Your statement",
        },
        ("body", "Please find your statement attached."),
        class_mailing_using("notification_template_id"),
        "1 class mailing",
    ),
    Case(
        "CS209000",
        ReportText,
        {"report_text_id": "DUNNING1", "description": "First reminder"},
        ("text", "According to our records, the invoices below are overdue."),
        dunning_level_text,
        "1 dunning level",
    ),
    Case(
        "SM201030",
        RestrictionGroup,
        {"group_id": "NORTH", "description": "Northern region"},
        ("description", "Northern region sales"),
        class_using("default_restriction_group_id"),
        "1 customer class",
    ),
    Case(
        "EP203000",
        Employee,
        {"employee_id": "EMP001", "name": "Kari Nordmann", "email": "kari@example.com"},
        ("email", "kari.nordmann@example.com"),
        class_recipient_employee,
        "1 class recipient",
    ),
]


# -- number series -----------------------------------------------------------------------------


def new_series(
    qtbot: QtBot, open_screen: Opener, series_id: str = "INVOICE", **typed: str
) -> RecordScreen:
    """A series typed in CS201010 (not yet saved): start INV000001 unless given."""
    screen = open_screen("CS201010")
    type_into(qtbot, screen, "number_series_id", series_id)
    type_into(qtbot, screen, "description", "Series")
    type_into(qtbot, screen, "start_number", typed.pop("start_number", "INV000001"))
    for key, text in typed.items():
        type_into(qtbot, screen, key, text)
    return screen


def refused(screen: RecordScreen, message: str) -> None:
    trigger(screen, "save")
    assert message in screen.message.text(), screen.message.text()
    assert screen.record.is_new


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (
            {"start_number": "INV"},
            "Start number: 'INV' must end in digits, which count up (like INV000001).",
        ),
        (
            {"end_number": "INV99"},
            "End number: must be a number of the series: 'INV' then 6 digits, like INV000001.",
        ),
        (
            {"end_number": "ABC999999"},
            "End number: must be a number of the series: 'INV' then 6 digits",
        ),
        (
            {"start_number": "INV000100", "end_number": "INV000099"},
            "End number: must not be below the start number INV000100.",
        ),
        (
            {"last_number": "INVOICE7"},
            "Last number: must be a number of the series: 'INV' then 6 digits",
        ),
        (
            {"start_number": "INV000100", "last_number": "INV000050"},
            "Last number: must be from the start number INV000100 or later (this is INV000050).",
        ),
        (
            {"end_number": "INV000010", "last_number": "INV000011"},
            "Last number: must be from the start number INV000001 to INV000010 "
            "(this is INV000011).",
        ),
        ({"numbering_step": "0"}, "Numbering step: at least 1."),
        ({"numbering_step": ""}, "Numbering step: a value is required."),
    ],
    ids=[
        "start-without-digits",
        "end-other-width",
        "end-other-prefix",
        "end-below-start",
        "last-other-form",
        "last-below-start",
        "last-past-end",
        "step-zero",
        "step-blank",
    ],
)
def test_number_series_rules_name_the_field(
    qtbot: QtBot, open_screen: Opener, store: Store, typed: dict[str, str], message: str
) -> None:
    screen = new_series(qtbot, open_screen, **typed)
    refused(screen, message)
    with store.session() as session:
        assert session.scalars(select(NumberSeries)).all() == []


def test_the_next_number_is_shown_as_the_numbers_are_typed(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    screen = new_series(qtbot, open_screen)
    assert shown(screen, "next_number") == "INV000001"  # none given yet: the start number
    type_into(qtbot, screen, "last_number", "INV000009")
    assert shown(screen, "next_number") == "INV000010"
    type_into(qtbot, screen, "numbering_step", "5")
    assert shown(screen, "next_number") == "INV000014"
    trigger(screen, "save")
    assert screen.message.text() == "Saved."
    assert shown(screen, "next_number") == "INV000014"  # computed again from the saved series
    assert not screen.is_dirty

    type_into(qtbot, screen, "end_number", "INV000012")
    assert shown(screen, "next_number") == "(used up)"
    trigger(screen, "save")  # a used-up series may be saved: raising the end number fixes it
    assert screen.message.text() == "Saved."
    assert shown(screen, "next_number") == "(used up)"

    click_check(qtbot, screen, "manual_numbering")
    assert shown(screen, "next_number") == ""  # users type every number themselves
    answers.unsaved = Unsaved.DISCARD  # Cancel asks first; discarded here
    trigger(screen, "cancel")
    assert shown(screen, "next_number") == "(used up)"
    with store.session() as session:
        saved = session.scalars(select(NumberSeries)).one()
        assert (saved.last_number, saved.numbering_step, saved.end_number) == (
            "INV000009",
            5,
            "INV000012",
        )


def test_a_read_only_next_number_is_never_stored_or_typed(
    qtbot: QtBot, open_screen: Opener
) -> None:
    screen = open_screen("CS201010")
    editor = screen.editor("next_number")
    assert isinstance(editor, QLineEdit)
    assert editor.isReadOnly()
    assert screen.service.rules["next_number"].stored is False


def add_customers(store: Store, *numbers: str) -> None:
    with store.transaction() as session:
        session.add_all(
            Customer(customer_no=number, name=f"Customer {number}") for number in numbers
        )


def test_the_customer_series_may_not_give_a_number_a_customer_has(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    add_customers(store, "10001", "10002", "10003", "10004", "20001")
    screen = new_series(qtbot, open_screen, "CUSTOMER", start_number="10001", last_number="10002")
    refused(
        screen,
        "Last number: the next number 10003 is already used by a customer; set the last number "
        "past the numbers in use: 10004 gives the next number 10005.",
    )
    # With nothing given yet, the start number is the next number.
    type_into(qtbot, screen, "last_number", "")
    refused(
        screen,
        "Last number: the next number 10001 is already used by a customer; set the last number "
        "past the numbers in use: 10004 gives the next number 10005.",
    )
    # Counting by 2 from 10001, 10003 is taken and 10005 is free.
    type_into(qtbot, screen, "last_number", "10001")
    type_into(qtbot, screen, "numbering_step", "2")
    refused(screen, "the next number 10003 is already used by a customer")
    assert "10003 gives the next number 10005." in screen.message.text()

    type_into(qtbot, screen, "last_number", "10003")
    trigger(screen, "save")
    assert screen.message.text() == "Saved."
    assert shown(screen, "next_number") == "10005"

    type_into(qtbot, screen, "last_number", "10001")
    trigger(screen, "save")
    assert "the next number 10003 is already used by a customer" in screen.message.text()
    # Manual numbering gives no numbers, so none can collide.
    click_check(qtbot, screen, "manual_numbering")
    trigger(screen, "save")
    assert screen.message.text() == "Saved."


def test_the_customer_series_may_not_give_a_number_a_supplier_has(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    """Customers and suppliers share one space of account numbers (AP303000 numbers new
    suppliers from the CUSTOMER series too)."""
    add_customers(store, "10002")
    with store.transaction() as session:
        session.add_all(Supplier(supplier_no=number) for number in ("10001", "10003"))
    screen = new_series(qtbot, open_screen, "CUSTOMER", start_number="10001")
    refused(
        screen,
        "Last number: the next number 10001 is already used by a supplier; set the last number "
        "past the numbers in use: 10003 gives the next number 10004.",
    )
    type_into(qtbot, screen, "last_number", "10003")
    trigger(screen, "save")
    assert screen.message.text() == "Saved."
    assert shown(screen, "next_number") == "10004"


def test_other_series_may_give_numbers_customers_have(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    add_customers(store, "10001")
    screen = new_series(qtbot, open_screen, "PAYMENT", start_number="10001")
    trigger(screen, "save")
    assert screen.message.text() == "Saved."


def test_a_collision_looks_for_a_free_number_within_the_series(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    # c0007 takes C0007 too (numbers are unique regardless of case): C0008 is the first free.
    add_customers(store, "C0005", "C0006", "c0007", "C0099")
    screen = new_series(
        qtbot,
        open_screen,
        "CUSTOMER",
        start_number="C0001",
        end_number="C0050",
        last_number="C0004",
    )
    refused(
        screen,
        "Last number: the next number C0005 is already used by a customer; set the last number "
        "past the numbers in use: C0007 gives the next number C0008.",
    )
    type_into(qtbot, screen, "end_number", "C0007")
    refused(
        screen,
        "Last number: the next number C0005 is already used by a customer, and no later number "
        "of the series is free up to the end number C0007; raise the end number or start the "
        "series anew.",
    )


# -- attributes --------------------------------------------------------------------------------


def values_grid(screen: RecordScreen) -> GridEditor:
    grid = screen.editor("values")
    assert isinstance(grid, GridEditor)
    return grid


def add_value(qtbot: QtBot, screen: RecordScreen, value_id: str, description: str) -> None:
    grid = values_grid(screen)
    screen._reveal(grid)
    qtbot.mouseClick(grid.add_button, Qt.MouseButton.LeftButton)
    row = grid.model.rowCount() - 1
    edit_cell(qtbot, screen, "values", row, "value_id", value_id)
    edit_cell(qtbot, screen, "values", row, "description", description)


def toggle_disabled(qtbot: QtBot, screen: RecordScreen, row: int) -> None:
    """Select the Disabled cell and press Space, as a user ticks a grid check box."""
    grid = values_grid(screen)
    column = [spec.key for spec in grid.model.columns].index("disabled")
    grid.view.setCurrentIndex(grid.model.index(row, column))
    grid.view.setFocus()
    qtbot.keyClick(grid.view, Qt.Key.Key_Space)


def new_attribute(qtbot: QtBot, open_screen: Opener, control_type: str) -> RecordScreen:
    screen = open_screen("CS205000")
    type_into(qtbot, screen, "attribute_id", "COLOUR")
    type_into(qtbot, screen, "description", "Colour")
    choose_option(qtbot, screen, "control_type", control_type)
    return screen


@pytest.mark.parametrize("control_type", ["Combo", "Multi select combo"])
def test_a_combo_attribute_needs_values(
    qtbot: QtBot, open_screen: Opener, store: Store, control_type: str
) -> None:
    screen = new_attribute(qtbot, open_screen, control_type)
    refused(
        screen,
        f"Values: a {control_type} attribute is answered by picking a value: add at least one "
        "value that is not disabled.",
    )
    add_value(qtbot, screen, "RED", "Red")
    toggle_disabled(qtbot, screen, 0)
    assert values_grid(screen).value()[0]["disabled"] is True
    refused(screen, "Values: a")  # a disabled value is not offered

    add_value(qtbot, screen, "BLUE", "Blue")
    trigger(screen, "save")
    assert screen.message.text() == "Saved."
    with store.session() as session:
        saved = session.scalars(select(Attribute)).one()
        assert [(v.value_id, v.sort_order, v.disabled) for v in saved.values] == [
            ("RED", 1, True),
            ("BLUE", 2, False),
        ]


def test_other_control_types_need_no_values(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = new_attribute(qtbot, open_screen, "Check field")
    trigger(screen, "save")
    assert screen.message.text() == "Saved."


def test_duplicate_value_ids_are_refused(qtbot: QtBot, open_screen: Opener, store: Store) -> None:
    screen = new_attribute(qtbot, open_screen, "Combo")
    add_value(qtbot, screen, "RED", "Red")
    add_value(qtbot, screen, "BLUE", "Blue")
    add_value(qtbot, screen, "red", "Red again")
    refused(screen, "Values, row 3, Value ID: 'red' is already in row 1.")
    assert [row["sort_order"] for row in values_grid(screen).value()] == [1, 2, 3]

    edit_cell(qtbot, screen, "values", 2, "value_id", "GREEN")
    trigger(screen, "save")
    assert screen.message.text() == "Saved."
    with store.session() as session:
        assert session.scalars(
            select(AttributeValue.value_id).order_by(AttributeValue.sort_order)
        ).all() == ["RED", "BLUE", "GREEN"]


def test_a_value_needs_its_id_and_description(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = new_attribute(qtbot, open_screen, "Combo")
    grid = values_grid(screen)
    screen._reveal(grid)
    qtbot.mouseClick(grid.add_button, Qt.MouseButton.LeftButton)
    refused(screen, "Values, row 1, Value ID: a value is required.")
    assert "Values, row 1, Description: a value is required." in screen.message.text()


def test_the_entry_mask_is_for_text_attributes(qtbot: QtBot, open_screen: Opener) -> None:
    screen = new_attribute(qtbot, open_screen, "Text")
    assert screen.editor("entry_mask").isEnabled()
    choose_option(qtbot, screen, "control_type", "Combo")
    assert not screen.editor("entry_mask").isEnabled()


def test_the_description_holds_50_characters(qtbot: QtBot, open_screen: Opener) -> None:
    screen = open_screen("CS205000")
    editor = screen.editor("description")
    assert isinstance(editor, QLineEdit)
    assert editor.maxLength() == 50
    assert screen.service.rules["description"].max_length == 50


# -- e-mail addresses --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("screen_id", "typed", "key", "text", "label"),
    [
        (
            "SM204002",
            {"email_account_id": "SALES", "description": "Sales"},
            "email_address",
            "sales.example.com",
            "Email address",
        ),
        (
            "SM204002",
            {
                "email_account_id": "SALES",
                "description": "Sales",
                "email_address": "sales@example.com",
            },
            "reply_to_address",
            "replies@example",
            "Reply-to address",
        ),
        (
            "EP203000",
            {"employee_id": "EMP001", "name": "Kari Nordmann"},
            "email",
            "kari nordmann@example.com",
            "Email",
        ),
    ],
    ids=["email-address", "reply-to", "employee-email"],
)
def test_email_addresses_are_validated_naming_the_field(
    qtbot: QtBot,
    open_screen: Opener,
    store: Store,
    screen_id: str,
    typed: dict[str, str],
    key: str,
    text: str,
    label: str,
) -> None:
    screen = open_screen(screen_id)
    for field, value in typed.items():
        type_into(qtbot, screen, field, value)
    type_into(qtbot, screen, key, text)
    refused(screen, f"{label}: '{text}' is not an e-mail address")
    type_into(qtbot, screen, key, "kari.nordmann+ledger@example.no")
    trigger(screen, "save")
    assert screen.message.text() == "Saved."


def test_an_email_account_needs_its_address(qtbot: QtBot, open_screen: Opener) -> None:
    screen = open_screen("SM204002")
    type_into(qtbot, screen, "email_account_id", "SALES")
    type_into(qtbot, screen, "description", "Sales")
    refused(screen, "Email address: a value is required.")


# -- long texts --------------------------------------------------------------------------------


def test_line_breaks_in_a_template_body_survive_editing(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    body = "Dear customer,\n\nplease find your statement attached.\nKind regards"
    with store.transaction() as session:
        session.add(
            NotificationTemplate(template_id="STATEMENT", description="Statement", body=body)
        )
    screen = open_screen("SM204003")
    trigger(screen, "first")
    type_into(qtbot, screen, "subject", "Your statement")
    trigger(screen, "save")
    assert screen.message.text() == "Saved."
    with store.session() as session:
        saved = session.scalars(select(NotificationTemplate)).one()
        assert (saved.subject, saved.body) == ("Your statement", body)


# -- list windows ------------------------------------------------------------------------------


IDS = [case.screen_id for case in CASES]


@pytest.mark.parametrize("screen_id", IDS)
def test_every_screen_has_a_list_window(qtbot: QtBot, open_screen: Opener, screen_id: str) -> None:
    screen = open_screen(screen_id)
    trigger(screen, "list_window")
    window = screen.list_window
    assert window is not None
    assert window.objectName() == f"list_{screen_id}"
    for column in screen.spec.list_columns:
        assert window.findChild(QWidget, f"search_{column.key}") is not None, column.key


def test_field_keys_are_their_labels_and_every_field_has_help() -> None:
    for screen_id in IDS:
        info = find_screen(screen_id)
        assert info is not None
        spec = importlib.import_module(f"app.windows.screens.{info.module}").SCREEN
        for field in spec.fields():
            assert field.key == snake(field.label), (screen_id, field.key)
            assert field.help, (screen_id, field.key)
        for grid in spec.grids():
            for column in grid.columns:
                assert column.key == snake(column.label), (screen_id, column.key)
                assert column.help, (screen_id, column.key)


def test_a_long_several_line_text_is_typed_and_kept_whole(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    from app.models import ReportText

    screen = open_screen("CS209000")
    type_into(qtbot, screen, "report_text_id", "DUN1")
    type_into(qtbot, screen, "description", "First reminder")
    body = screen.editor("text")
    body.setFocus()
    qtbot.keyClicks(body, "Dear customer,")
    qtbot.keyClick(body, Qt.Key.Key_Return)
    qtbot.keyClicks(body, "please pay.")
    trigger(screen, "save")
    with store.session() as session:
        assert session.scalars(select(ReportText.text)).one() == "Dear customer,\nplease pay."

    long_text = "x" * 40_000  # more than a one-line box would hold
    with store.transaction() as session:
        session.scalars(select(ReportText)).one().text = long_text
    trigger(screen, "cancel")
    type_into(qtbot, screen, "description", "First reminder, long")
    trigger(screen, "save")
    with store.session() as session:
        assert session.scalars(select(ReportText.text)).one() == long_text
