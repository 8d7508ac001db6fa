"""Currency rates as a user meets them (issue 13): rates typed on CM301000, a document in another
currency taking its rate on AR301000, and the customer's balance on AR303000 in the base
currency."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.models import ArDocument, CurrencyRate, Customer, Location
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from tests.ledger.documents import eur_rates, ids, set_up
from tests.screens.configuration.test_geography_and_accounting import add_row
from tests.screens.helpers import choose_option, edit_cell, shown, trigger, type_into

Opener = Callable[[str], RecordScreen]


@pytest.fixture(autouse=True)
def company(store: Store) -> None:
    set_up(store)


def test_rates_are_typed_on_currency_rates_with_their_reciprocal(
    qtbot: QtBot, store: Store, open_screen: Opener
) -> None:
    eur_rates(store)  # EUR and the SPOT rate type, no rates yet
    screen = open_screen("CM301000")
    type_into(qtbot, screen, "currency_id", "EUR")
    assert shown(screen, "description") == "Euro"
    found = ids(store)
    grid = screen.grid("rates")
    for row, (day, rate) in enumerate([("2026-01-01", "11.5"), ("2026-02-01", "11.7")]):
        add_row(qtbot, screen, "rates")
        # A new rate is into the base currency by AR101000's Default rate type (SPOT).
        new = grid.model.row(row)
        assert new is not None
        assert (new["currency_rate_type"], new["to_currency"]) == (found["SPOT"], found["NOK"])
        edit_cell(qtbot, screen, "rates", row, "currency_effective_date", day)
        edit_cell(qtbot, screen, "rates", row, "currency_rate", rate)
    assert grid.model.row(0)["reciprocal_rate"] == Decimal("0.08695652")
    trigger(screen, "save")
    assert screen.message.text() == "Saved."
    with store.session() as session:
        kept = session.scalars(select(CurrencyRate).order_by(CurrencyRate.effective_date)).all()
        assert [(r.effective_date, r.rate) for r in kept] == [
            (date(2026, 1, 1), Decimal("11.5")),
            (date(2026, 2, 1), Decimal("11.7")),
        ]

    # The same day twice is refused, naming the grid and the row; nothing is written.
    add_row(qtbot, screen, "rates")
    edit_cell(qtbot, screen, "rates", 2, "currency_rate_type", "SPOT")  # typed: the same
    edit_cell(qtbot, screen, "rates", 2, "currency_effective_date", "2026-02-01")
    edit_cell(qtbot, screen, "rates", 2, "currency_rate", "12")
    trigger(screen, "save")
    assert "Currency rates: row 3: a rate of this rate type and currency is already effective" in (
        screen.message.text()
    )
    with store.session() as session:
        assert len(session.scalars(select(CurrencyRate)).all()) == 2


def test_a_document_in_euros_takes_the_rate_of_its_date_and_the_balance_is_in_kroner(
    qtbot: QtBot, store: Store, open_screen: Opener
) -> None:
    found = eur_rates(store, (date(2026, 1, 1), "11.50"), (date(2026, 2, 1), "11.70"))
    with store.transaction() as session:
        nordic = Customer(
            customer_no="10001",
            name="Nordic Trading AS",
            currency_id=found["NOK"],
            enable_currency_override=True,
            currency_rate_type_id=found["SPOT"],
        )
        session.add(nordic)
        session.flush()
        session.add(
            Location(customer_id=nordic.id, location_id="MAIN", is_default=True, is_main=True)
        )
    screen = open_screen("AR301000")
    trigger(screen, "add_new")
    choose_option(qtbot, screen, "doc_type", "Payment")
    type_into(qtbot, screen, "doc_date", "2026-01-20")
    type_into(qtbot, screen, "customer", "10001")
    assert screen.record.value("currency_rate") is None  # in kroner: no rate
    type_into(qtbot, screen, "currency", "EUR")
    assert screen.record.value("currency_rate") == Decimal("11.5")
    type_into(qtbot, screen, "doc_date", "2026-02-10")
    assert screen.record.value("currency_rate") == Decimal("11.7")
    # Another rate than the effective one: refused, the customer has no Enable rate override.
    type_into(qtbot, screen, "currency_rate", "12")
    type_into(qtbot, screen, "payment_ref", "BANK-1")
    type_into(qtbot, screen, "amount", "100")
    trigger(screen, "save")
    assert "Currency rate: must be the effective rate 11.70000000" in screen.message.text()
    type_into(qtbot, screen, "currency_rate", "11.7")
    trigger(screen, "save")
    assert screen.message.text() == "Saved."
    trigger(screen, "release")
    with store.session() as session:
        payment = session.scalars(select(ArDocument)).one()
        assert (payment.currency_id, payment.currency_rate) == (found["EUR"], Decimal("11.7"))

    customers = open_screen("AR303000")
    type_into(qtbot, customers, "customer_no", "10001")
    # 100 EUR paid in advance at 11.70 is 1 170 kroner, shown without a currency code.
    assert customers.record.value("balance") == Decimal("-1170.00")
    assert customers.record.value("prepayment_balance") == Decimal("1170.00")
    code = customers.editor("balance").findChild(QLabel, "currency_code")
    assert code is None or not code.isVisible()
    # The invoice screen shows the euro amount with its code.
    amount_code = screen.editor("amount").findChild(QLabel, "currency_code")
    assert amount_code is not None and amount_code.text() == "EUR"

    # Customer details lists the payment in euros, adding it up in kroner.
    details = open_screen("AR402000")
    type_into(qtbot, details, "customer_no", "10001")
    (row,) = details.record.value("documents")
    assert (row["currency"], row["balance"], row["signed_balance"]) == (
        "EUR",
        Decimal("100.00"),
        Decimal("-1170.00"),
    )
    assert details.record.value("balance") == Decimal("-1170.00")

    # Aged receivables adds it up in kroner too, and says so.
    from PySide6.QtCore import QDate

    from app.windows.statements.aged import AgedReceivablesWindow

    aged = AgedReceivablesWindow(store, show_pdf=lambda _data, _title: None)
    qtbot.addWidget(aged)
    aged.as_at.setDate(QDate(2026, 3, 31))
    aged.refresh()
    total = aged.table.item(aged.table.rowCount() - 1, aged.table.columnCount() - 1)
    assert total is not None and total.text() == "-1,170.00"
    assert aged.message.text() == "1 customer(s) with open documents; amounts in NOK."
