"""Amounts and dates on screen as the user's locale writes them: thousands grouped, its decimal
mark, its date order; every decimal kept (what is shown is what is stored) and what is shown
reads back as typed; an amount not in the base currency shows its currency code."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.ledger.customer_classes import CustomerClassService
from app.ledger.fields import Definition
from app.ledger.setup import set_up_company
from app.ledger.sources import CURRENCIES
from app.models import CustomerClass
from app.models.database import Store
from app.models.options import CreditVerification
from app.money import parse_decimal
from app.windows.framework.formats import amount_text, date_text, decimal_mark
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Field, Kind, Screen
from app.windows.framework.widgets import DecimalEditor, read_date
from tests.screens.customer_record import Opener, set_up
from tests.screens.helpers import choose_option, shown, type_into

LOCALES = ("nb_NO", "en_US", "en_GB", "de_DE", "de_CH", "fr_FR", "sv_SE", "C")
AMOUNTS = [
    Decimal(text)
    for text in (
        "224163.59",
        "0.00",
        "-1234567.5",
        "1.125",
        "1234.125",
        "999.99",
        "1000",
        "12.3456",
        "922337203685477.58",
        "-0.01",
    )
]


@pytest.fixture
def locale() -> Iterator[None]:
    before = QLocale()
    yield
    QLocale.setDefault(before)


def test_amounts_are_grouped_with_the_locales_marks() -> None:
    amount = Decimal("224163.59")
    assert amount_text(amount, 2, QLocale("nb_NO")) == "224\u00a0163,59"
    assert amount_text(amount, 2, QLocale("en_US")) == "224,163.59"
    assert amount_text(amount, 2, QLocale("de_DE")) == "224.163,59"
    assert amount_text(amount, 2, QLocale("de_CH")) == "224'163.59"
    assert amount_text(amount, 2, QLocale("C")) == "224163.59"  # no locale chosen: plain
    assert amount_text(Decimal("12.3456"), 2, QLocale("en_US")) == "12.3456"  # never rounded


@pytest.mark.parametrize("name", LOCALES)
def test_every_shown_amount_reads_back_to_the_same_value(name: str) -> None:
    locale = QLocale(name)
    for amount in AMOUNTS:
        for places in (0, 2, 4):
            text = amount_text(amount, places, locale)
            assert parse_decimal(text, decimal_mark(locale)) == amount, (name, amount, text)


@pytest.mark.parametrize("name", LOCALES)
def test_every_shown_date_reads_back(name: str) -> None:
    locale = QLocale(name)
    for day in (date(2025, 3, 31), date(1999, 12, 1), date(2030, 1, 9)):
        assert read_date(date_text(day, locale), locale) == day


def test_dates_follow_the_locales_order_with_the_year_in_full() -> None:
    day = date(2025, 3, 31)
    assert date_text(day, QLocale("nb_NO")) == "31.03.2025"
    assert date_text(day, QLocale("en_US")) == "3/31/2025"
    assert date_text(day, QLocale("C")) == "2025-03-31"


@pytest.mark.usefixtures("locale")
def test_a_norwegian_user_sees_grouped_amounts_and_types_them_back(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    QLocale.setDefault(QLocale("nb_NO"))
    set_up(store)
    screen = open_screen("AR303000")
    choose_option(
        qtbot, screen, "credit_verification", CreditVerification.LIMIT_AND_DAYS_PAST_DUE.label
    )
    type_into(qtbot, screen, "credit_limit", "224163.59")
    assert shown(screen, "credit_limit") == "224\u00a0163,59"
    assert screen.record.value("credit_limit") == Decimal("224163.59")
    type_into(qtbot, screen, "credit_limit", shown(screen, "credit_limit"))  # typed back as shown
    assert screen.record.value("credit_limit") == Decimal("224163.59")
    type_into(qtbot, screen, "credit_limit", "1.500")  # still refused: 1500 or 1,5?
    assert "could mean" in str(screen.record.value("credit_limit"))


# A class narrowed to a currency and an amount in it.
PRICED_CLASS = Definition(
    "customer class",
    CustomerClass,
    (
        Field("class_id", "Class ID", Kind.TEXT, required=True),
        Field("currency_id", "Currency ID", Kind.LOOKUP, lookup=CURRENCIES),
        Field("credit_limit", "Credit limit", Kind.MONEY, currency="currency_id"),
        Field("overdue_limit", "Amount over limit", Kind.MONEY, attr="amount_over_limit"),
    ),
)
PRICED = Screen(
    id="AR201000",
    title="Customer classes",
    model=CustomerClass,
    top=PRICED_CLASS.pick("class_id", "currency_id", "credit_limit", "overdue_limit"),
    definition=PRICED_CLASS,
)


def test_an_amount_in_another_currency_than_the_base_shows_its_code(
    qtbot: QtBot, store: Store
) -> None:
    set_up_company(store, base_currency="NOK", country="NO", language="nb-NO")
    assert PRICED.definition is not None
    screen = RecordScreen(store, PRICED, CustomerClassService(store, PRICED.definition.rules()))
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    limit, other = screen.editor("credit_limit"), screen.editor("overdue_limit")
    assert isinstance(limit, DecimalEditor) and isinstance(other, DecimalEditor)
    assert limit.currency == ""

    type_into(qtbot, screen, "currency_id", "EUR")
    assert limit.currency == "EUR"
    assert other.currency == ""  # in the base currency: no code
    type_into(qtbot, screen, "credit_limit", "1000")
    assert limit.text() == "1000.00"  # the code is beside the amount, not in its text
    assert limit.value() == Decimal("1000")
    label = limit.findChild(QLabel, "currency_code")
    assert label is not None and label.isVisible()

    type_into(qtbot, screen, "currency_id", "NOK")
    assert limit.currency == ""


def test_a_customer_s_balances_are_in_the_base_currency_whatever_its_own(
    qtbot: QtBot, store: Store, open_screen: Opener
) -> None:
    from sqlalchemy import select

    from app.models import Currency, Customer

    set_up(store)
    with store.transaction() as session:
        euro = session.scalars(select(Currency.id).where(Currency.currency_id == "EUR")).one()
        krone = session.scalars(select(Currency.id).where(Currency.currency_id == "NOK")).one()
        abroad = Customer(customer_no="20001", name="Hamburg Handel GmbH", currency_id=euro)
        home = Customer(customer_no="20002", name="Bergen Fisk AS", currency_id=krone)
        session.add_all([abroad, home])
        session.flush()
        ids = abroad.id, home.id
    screen = open_screen("AR303000")
    # Balances add a customer's documents up in the base currency (each converted at its rate:
    # tests/screens/test_currency_rates.py), so they show no code, even for a euro customer.
    for customer_id in ids:
        screen.load_record(customer_id)
        for key in (
            "balance",
            "prepayment_balance",
            "unreleased_balance",
            "balance_of_open_orders",
        ):
            editor = screen.editor(key)
            assert isinstance(editor, DecimalEditor)
            assert editor.currency == "", key
