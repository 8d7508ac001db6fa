"""Bad input never disappears (DESIGN.md §7), through the widgets of real screens: a number, a
date, a text or a bank detail a user types is refused with a message naming the field and the
rule, or taken exactly — never cut, rounded or dropped in silence, and nothing is stored."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.models import CashAccount, Customer, PaymentMethod, PaymentMethodDetail, StatementCycle
from app.models.database import Store
from app.models.options import CreditVerification
from app.windows.framework.grid import GridEditor
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.widgets import DateEditor
from tests.screens.customer_record import Opener, set_up
from tests.screens.helpers import choose_option, click_check, edit_cell, shown, trigger, type_into

MOST = "922 337 203 685 477.58"  # ExactDecimal's limit at two places


@pytest.fixture
def locale() -> Iterator[None]:
    """Each test sets the application's locale it needs; the one before is put back."""
    before = QLocale()
    yield
    QLocale.setDefault(before)


def use_locale(name: str) -> None:
    QLocale.setDefault(QLocale(name))


def customers(store: Store) -> list[Customer]:
    with store.session() as session:
        return list(session.scalars(select(Customer)))


def new_customer(qtbot: QtBot, open_screen: Opener, store: Store) -> RecordScreen:
    """AR303000 on a new customer checked against its credit limit and days past due."""
    set_up(store)
    screen = open_screen("AR303000")
    type_into(qtbot, screen, "customer_name", "Inntasting AS")
    choose_option(
        qtbot, screen, "credit_verification", CreditVerification.LIMIT_AND_DAYS_PAST_DUE.label
    )
    return screen


def refused(screen: RecordScreen, *lines: str) -> None:
    """Save; the screen names each field and rule, and the record stays unsaved."""
    trigger(screen, "save")
    message = screen.message.text()
    assert message.startswith("The record was not saved:"), message
    for line in lines:
        assert f"• {line}" in message, message
    assert screen.record.is_new


def paste(qtbot: QtBot, line: QLineEdit, text: str) -> None:
    """Select everything in a field and paste ``text`` over it with Ctrl+V."""
    QGuiApplication.clipboard().setText(text)
    line.setFocus()
    line.selectAll()
    qtbot.keyClick(line, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


# -- amounts ---------------------------------------------------------------------------------


def test_an_amount_beyond_what_the_ledger_stores_is_refused_with_the_field_named(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = new_customer(qtbot, open_screen, store)
    type_into(qtbot, screen, "credit_limit", "1" + "0" * 30)
    click_check(qtbot, screen, "enable_write_offs")
    type_into(qtbot, screen, "write_off_limit", "100 000 000 000 000 000 000")
    refused(
        screen,
        f"Credit limit: at most {MOST} (the largest amount the ledger stores).",
        f"Write-off limit: at most {MOST} (the largest amount the ledger stores).",
    )
    assert customers(store) == []
    # The largest amount itself is taken.
    type_into(qtbot, screen, "credit_limit", MOST)
    type_into(qtbot, screen, "write_off_limit", "5")
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()
    [customer] = customers(store)
    assert customer.credit_limit == Decimal(MOST.replace(" ", ""))


def test_an_amount_in_exponent_notation_is_refused(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = new_customer(qtbot, open_screen, store)
    type_into(qtbot, screen, "credit_limit", "1e30")
    assert shown(screen, "credit_limit") == "1e30"  # kept as typed, framed red
    assert screen.editor("credit_limit").property("invalid")
    refused(screen, "Credit limit: '1e30' is written with an exponent: type the number in full")
    assert customers(store) == []


@pytest.mark.usefixtures("locale")
def test_an_ambiguous_amount_is_refused_with_how_to_type_it(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    use_locale("en_GB")
    screen = new_customer(qtbot, open_screen, store)
    type_into(qtbot, screen, "credit_limit", "1,500")
    assert shown(screen, "credit_limit") == "1,500"  # neither 1.50 nor 1500.00
    refused(screen, "Credit limit: '1,500' could mean 1500 or 1.5: type 1500 or 1.5 to say which.")
    assert customers(store) == []
    type_into(qtbot, screen, "credit_limit", "1,500.50")
    assert shown(screen, "credit_limit") == "1,500.50"  # as an English user writes it
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()
    assert [c.credit_limit for c in customers(store)] == [Decimal("1500.50")]


@pytest.mark.usefixtures("locale")
def test_a_nordic_user_types_amounts_the_nordic_way(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    use_locale("nb_NO")
    screen = new_customer(qtbot, open_screen, store)
    type_into(qtbot, screen, "credit_limit", "1.500")  # grouped the Danish way, or 1,5?
    refused(screen, "Credit limit: '1.500' could mean 1500 or 1,5: type 1500 or 1,5 to say which.")
    type_into(qtbot, screen, "credit_limit", "1\u00a0500,50")
    assert screen.record.value("credit_limit") == Decimal("1500.50")
    type_into(qtbot, screen, "credit_days_past_due", "1 500")
    assert screen.record.value("credit_days_past_due") == 1500
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()
    [customer] = customers(store)
    assert (customer.credit_limit, customer.credit_days_past_due) == (Decimal("1500.50"), 1500)


def test_more_decimals_than_the_field_has_are_refused_never_rounded(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = new_customer(qtbot, open_screen, store)
    type_into(qtbot, screen, "credit_limit", "0.00005")
    assert shown(screen, "credit_limit") == "0.00005"  # shown as it is held, not as 0.00
    assert screen.record.value("credit_limit") == Decimal("0.00005")
    refused(screen, "Credit limit: at most 2 decimals (this has 5).")
    assert customers(store) == []
    type_into(qtbot, screen, "credit_limit", "12.5")
    assert shown(screen, "credit_limit") == "12.50"  # tidied to the field's places, exactly


# -- whole numbers and negatives -------------------------------------------------------------


def test_a_negative_or_broken_whole_number_is_shown_and_refused_not_swallowed(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = new_customer(qtbot, open_screen, store)
    type_into(qtbot, screen, "credit_days_past_due", "-5")
    assert shown(screen, "credit_days_past_due") == "-5"  # every keystroke taken
    type_into(qtbot, screen, "credit_limit", "-100")
    refused(
        screen,
        "Credit limit: cannot be negative.",
        "Credit days past due: cannot be negative.",
    )
    type_into(qtbot, screen, "credit_limit", "100")
    type_into(qtbot, screen, "credit_days_past_due", "2.5")
    assert shown(screen, "credit_days_past_due") == "2.5"
    refused(screen, "Credit days past due: '2.5' is not a whole number: type it without decimals.")
    type_into(qtbot, screen, "credit_days_past_due", "99999999999")
    refused(
        screen,
        "Credit days past due: at most 2 147 483 647 (the largest number the ledger stores).",
    )
    type_into(qtbot, screen, "credit_days_past_due", "12x")
    refused(screen, "Credit days past due: '12x' is not a number.")
    assert customers(store) == []


# -- text longer than its column -------------------------------------------------------------


def test_typing_stops_at_the_limit_but_a_longer_paste_is_kept_and_refused(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = new_customer(qtbot, open_screen, store)
    name = screen.editor("customer_name")
    assert isinstance(name, QLineEdit)
    type_into(qtbot, screen, "customer_name", "N" * 260)
    assert name.text() == "N" * 255  # the column holds 255: typing stops there
    assert not name.property("invalid")

    long_text = "Langt navn AS " * 25  # 350 characters
    paste(qtbot, name, long_text)
    qtbot.keyClick(name, Qt.Key.Key_Tab)
    assert name.text() == long_text  # not cut to 255 as QLineEdit's max length would
    assert screen.record.value("customer_name") == long_text
    assert name.property("invalid")  # shown at once
    assert "at most 255 characters (this has 350)" in name.toolTip()
    refused(screen, "Customer name: at most 255 characters (this has 349).")  # trimmed on save
    assert customers(store) == []


def test_a_longer_paste_into_a_grid_cell_is_kept_and_refused(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = open_screen("CA204000")
    type_into(qtbot, screen, "payment_method_id", "DD")
    type_into(qtbot, screen, "description", "Direct debit")
    grid = screen.editor("details")
    assert isinstance(grid, GridEditor)
    qtbot.mouseClick(grid.add_button, Qt.MouseButton.LeftButton)
    edit_cell(qtbot, screen, "details", 0, "description", "Account")
    edit_cell(qtbot, screen, "details", 0, "detail_id", "X" * 12, press_return=False)
    cell = QGuiApplication.focusObject()
    assert isinstance(cell, QLineEdit)
    assert cell.text() == "X" * 10  # detail IDs hold 10 characters: typing stops there
    paste(qtbot, cell, "ACCOUNT_NUMBER")
    qtbot.keyClick(cell, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: grid.delegate.open_editor is None)
    assert screen.record.value("details")[0]["detail_id"] == "ACCOUNT_NUMBER"
    refused(screen, "Payment method details, row 1, ID: at most 10 characters (this has 14).")


# -- dates -----------------------------------------------------------------------------------


def test_a_date_typed_into_an_empty_date_field_is_taken(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = open_screen("AR202800")
    type_into(qtbot, screen, "statement_cycle_id", "MONTHLY")
    type_into(qtbot, screen, "description", "Monthly")
    assert shown(screen, "next_statement_date") == ""
    type_into(qtbot, screen, "next_statement_date", "2025-02-30")
    assert shown(screen, "next_statement_date") == "2025-02-30"  # kept, framed red
    trigger(screen, "save")
    assert (
        "• Next statement date: '2025-02-30' is not a date of the calendar (like 2025-03-31)."
        in screen.message.text()
    )
    type_into(qtbot, screen, "next_statement_date", "2025-03-31")
    assert screen.record.value("next_statement_date") == date(2025, 3, 31)
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()
    with store.session() as session:
        cycle = session.scalars(select(StatementCycle)).one()
        assert cycle.next_statement_date == date(2025, 3, 31)

    # Emptied again: no date.
    type_into(qtbot, screen, "next_statement_date", "")
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()
    with store.session() as session:
        assert session.scalars(select(StatementCycle)).one().next_statement_date is None


@pytest.mark.usefixtures("locale")
def test_a_date_in_the_users_own_format_or_picked_from_the_calendar(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    use_locale("nb_NO")
    screen = open_screen("AR202800")
    type_into(qtbot, screen, "next_statement_date", "30.04.2025")
    assert shown(screen, "next_statement_date") == "30.04.2025"  # the Norwegian way
    assert screen.record.value("next_statement_date") == date(2025, 4, 30)
    editor = screen.editor("next_statement_date")
    assert isinstance(editor, DateEditor)
    editor.calendar_action.trigger()
    assert editor.calendar is not None and editor.calendar.isVisible()
    assert editor.calendar.selectedDate().toPython() == date(2025, 4, 30)
    editor.calendar.clicked.emit(editor.calendar.selectedDate().addDays(1))
    assert not editor.calendar.isVisible()
    assert shown(screen, "next_statement_date") == "01.05.2025"
    assert screen.record.value("next_statement_date") == date(2025, 5, 1)


# -- bank details ----------------------------------------------------------------------------


def test_a_direct_debit_iban_is_checked_as_an_iban(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up(store)
    screen = open_screen("AR303000")
    type_into(qtbot, screen, "customer_name", "Trekk AS")
    type_into(qtbot, screen, "default_payment_method", "DIRDEBIT")
    details = "default_payment_method.details"
    edit_cell(qtbot, screen, details, 0, "value", "M-2025-1")  # Mandate reference
    edit_cell(qtbot, screen, details, 1, "value", "NO00BAD")  # IBAN
    refused(
        screen,
        "Payment method details, IBAN: 'NO00BAD' is not a valid IBAN: an IBAN of Norway has "
        "15 characters (this has 7).",
    )
    assert customers(store) == []
    edit_cell(qtbot, screen, details, 1, "value", "NO93 8601 1117 947")
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()
    [customer] = customers(store)
    with store.session() as session:
        [method] = session.get(Customer, customer.id).payment_methods  # type: ignore[union-attr]
        assert sorted(detail.value or "" for detail in method.details) == [
            "M-2025-1",
            "NO93 8601 1117 947",
        ]


def test_a_bic_is_checked_as_a_bic(qtbot: QtBot, open_screen: Opener, store: Store) -> None:
    set_up(store)
    with store.transaction() as session:
        cash_account = session.scalars(select(CashAccount)).first()
        assert cash_account is not None
        session.add(
            PaymentMethod(
                payment_method_id="SEPA",
                description="SEPA transfer",
                cash_account_id=cash_account.id,
                details=[
                    PaymentMethodDetail(detail_id="SWIFT", description="SWIFT/BIC", sort_order=1),
                ],
            )
        )
    screen = open_screen("AR303000")
    type_into(qtbot, screen, "customer_name", "Utland GmbH")
    type_into(qtbot, screen, "default_payment_method", "SEPA")
    edit_cell(qtbot, screen, "default_payment_method.details", 0, "value", "DEUTDEF")
    refused(
        screen,
        "Payment method details, SWIFT/BIC: 'DEUTDEF' is not a valid BIC: a BIC has 8 or 11 "
        "letters and digits (like DNBANOKKXXX).",
    )
    assert customers(store) == []
    edit_cell(qtbot, screen, "default_payment_method.details", 0, "value", "DEUTDEFF")
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()
