"""Currency rates (CM301000) and balances in the base currency (issue 13): a document in another
currency takes the rate of its customer's rate type effective on its date, keeps it, and every
balance — AR303000's, the stored one the list sorts by, the balance as at a date, Aged
receivables and the credit check — adds the customer's currencies up in the base currency."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app.ledger.balances import customer_balances
from app.ledger.currency_rates import (
    CurrencyRatesService,
    effective_rate,
    realised_gain_loss,
    to_base,
)
from app.ledger.definitions.currency import CURRENCY_RATES
from app.ledger.documents.application import apply_amounts, auto_apply
from app.ledger.documents.credit_check import credit_problem
from app.ledger.documents.entry import DocumentService
from app.ledger.documents.opening_balances import import_file
from app.ledger.documents.overdue import create_overdue_charges, overdue_run
from app.ledger.documents.write_offs import write_off, write_off_balance
from app.ledger.records import RecordError, ValidationError
from app.ledger.statements.aged_receivables import aged_receivables
from app.models import (
    ArApplication,
    ArDocument,
    Currency,
    CurrencyRate,
    Customer,
    CustomerClass,
    DocumentType,
    OverdueCharge,
    StatementCycle,
)
from app.models.database import Store
from app.models.options import CreditVerification
from app.reports.tables_pdf import aged_receivables_pdf
from tests.ledger.documents import (
    TODAY,
    assert_stored_balance_true,
    document,
    enter,
    eur_customer,
    eur_rates,
    released,
    set_up,
)

T = DocumentType
D = Decimal


def test_a_rate_holds_from_its_effective_date_until_the_next(store: Store) -> None:
    set_up(store)
    found = eur_rates(store, (date(2026, 1, 1), "11.50"), (date(2026, 2, 1), "11.70"))
    with store.session() as session:

        def rate_on(day: date) -> Decimal | None:
            return effective_rate(session, found["EUR"], found["NOK"], found["SPOT"], day)

        assert rate_on(date(2025, 12, 31)) is None
        assert rate_on(date(2026, 1, 1)) == D("11.5")
        assert rate_on(date(2026, 1, 31)) == D("11.5")
        assert rate_on(date(2026, 2, 1)) == D("11.7")
        assert rate_on(date(2027, 1, 1)) == D("11.7")


def test_a_document_keeps_the_rate_effective_on_its_date(
    store: Store, service: DocumentService
) -> None:
    found = eur_rates(store, (date(2026, 1, 1), "11.50"), (date(2026, 2, 1), "11.70"))
    c = eur_customer(store)
    january = released(service, c, T.INVOICE, "100.00", currency=found["EUR"])
    february = released(service, c, T.INVOICE, "10.00", currency=found["EUR"], on=date(2026, 2, 10))
    assert document(store, january).currency_rate == D("11.5")
    assert document(store, january).rate_type_id == found["SPOT"]
    assert document(store, february).currency_rate == D("11.7")
    # A rate typed later for January does not move what was entered.
    eur_rates(store, (date(2026, 1, 10), "12.00"))
    assert document(store, january).currency_rate == D("11.5")
    # 100 × 11.50 + 10 × 11.70, in NOK.
    assert assert_stored_balance_true(store, c) == D("1267.00")


def test_a_document_in_the_base_currency_has_no_rate(
    store: Store, service: DocumentService
) -> None:
    eur_rates(store, (date(2026, 1, 1), "11.50"))
    c = eur_customer(store)
    invoice = released(service, c, T.INVOICE, "100.00")
    assert document(store, invoice).currency_rate is None
    with pytest.raises(ValidationError, match="Currency rate: a document in the base currency"):
        enter(service, c, T.INVOICE, "1.00", currency_rate=D("2"))


def test_without_a_rate_for_the_date_the_document_is_refused_naming_what_to_enter(
    store: Store, service: DocumentService
) -> None:
    found = eur_rates(store, (date(2026, 2, 1), "11.70"))
    c = eur_customer(store)
    with pytest.raises(ValidationError) as refused:
        enter(service, c, T.INVOICE, "100.00", currency=found["EUR"], on=date(2026, 1, 15))
    assert (
        "Currency rate: no SPOT rate of EUR in NOK is effective on 2026-01-15: enter one on "
        "Currency rates (CM301000)." in str(refused.value)
    )
    with store.transaction() as session:
        session.get_one(Customer, c).currency_rate_type_id = None
    with pytest.raises(ValidationError, match="needs a currency rate type"):
        enter(service, c, T.INVOICE, "100.00", currency=found["EUR"], on=date(2026, 2, 15))


def test_a_typed_rate_needs_enable_rate_override(store: Store, service: DocumentService) -> None:
    found = eur_rates(store, (date(2026, 1, 1), "11.50"))
    c = eur_customer(store)
    with pytest.raises(ValidationError) as refused:
        enter(service, c, T.INVOICE, "100.00", currency=found["EUR"], currency_rate=D("11.6"))
    assert (
        "Currency rate: must be the effective rate 11.50000000 (the SPOT rate on 2026-01-15): "
        "the customer does not have Enable rate override." in str(refused.value)
    )
    with pytest.raises(ValidationError, match="Currency rate: must be above 0"):
        enter(service, c, T.INVOICE, "100.00", currency=found["EUR"], currency_rate=D("0"))
    with store.transaction() as session:
        session.get_one(Customer, c).enable_rate_override = True
    invoice = released(
        service, c, T.INVOICE, "100.00", currency=found["EUR"], currency_rate=D("11.6")
    )
    assert document(store, invoice).currency_rate == D("11.6")
    # With the override, a typed rate stands in for a missing one too.
    early = released(
        service,
        c,
        T.INVOICE,
        "10.00",
        currency=found["EUR"],
        currency_rate=D("11.1"),
        on=date(2025, 6, 1),
    )
    assert document(store, early).currency_rate == D("11.1")
    assert assert_stored_balance_true(store, c) == D("1160.00") + D("111.00")


def test_balances_add_two_currencies_up_in_the_base_currency(
    store: Store, service: DocumentService
) -> None:
    found = eur_rates(store, (date(2026, 1, 1), "11.4567"))
    c = eur_customer(store, apply_payments_automatically=False)
    released(service, c, T.INVOICE, "100.00")
    released(service, c, T.INVOICE, "10.01", currency=found["EUR"])  # 114.681567 → 114.68
    released(service, c, T.INVOICE, "0.01", currency=found["EUR"])  # 0.114567 → 0.11
    released(service, c, T.PREPAYMENT, "1.00", currency=found["EUR"])  # 11.4567 → 11.46
    enter(service, c, T.INVOICE, "2.00", currency=found["EUR"])  # unreleased: 22.91
    with store.session() as session:
        shown = customer_balances(session, c)
    # Each document converted and rounded on its own, then added up.
    assert shown.balance == D("100.00") + D("114.68") + D("0.11") - D("11.46")
    assert shown.prepayment_balance == D("11.46")
    assert shown.unreleased_balance == D("22.91")
    assert assert_stored_balance_true(store, c) == shown.balance
    with store.transaction() as session:
        cycle = StatementCycle(statement_cycle_id="M", description="Monthly")
        session.add(cycle)
        session.flush()
        aged = aged_receivables(session, cycle.id, TODAY)
    (row,) = aged.rows
    assert row.total == shown.balance
    assert aged.totals[0] + sum(aged.totals[1:]) == shown.balance
    # The report says which currency its amounts are in.
    assert aged.currency == "NOK"
    text = PdfReader(io.BytesIO(aged_receivables_pdf(aged))).pages[0].extract_text()
    assert "As at 2026-03-31; amounts in NOK" in " ".join(text.split())


def test_the_credit_check_counts_foreign_documents_in_the_base_currency(
    store: Store, service: DocumentService
) -> None:
    found = eur_rates(store, (date(2026, 1, 1), "10"))
    c = eur_customer(
        store, credit_verification=CreditVerification.CREDIT_LIMIT, credit_limit=D("1000.00")
    )
    released(service, c, T.INVOICE, "90.00", currency=found["EUR"])  # 900 NOK
    with store.session() as session:
        assert customer_balances(session, c).remaining_credit_limit == D("100.00")
        assert credit_problem(session, c, TODAY) is None
    enter(service, c, T.INVOICE, "20.00", currency=found["EUR"])  # 200 NOK more, unreleased
    assert any("credit check failed" in warning for warning in service.warnings)
    with store.session() as session:
        assert customer_balances(session, c).remaining_credit_limit == D("-100.00")
        assert credit_problem(session, c, TODAY)


def test_applying_documents_entered_at_different_rates_realises_a_gain_or_loss(
    store: Store, service: DocumentService
) -> None:
    found = eur_rates(store, (date(2026, 1, 1), "11.50"), (date(2026, 2, 1), "11.70"))
    c = eur_customer(store, apply_payments_automatically=False)
    invoice = released(service, c, T.INVOICE, "100.00", currency=found["EUR"])
    payment = released(service, c, T.PAYMENT, "100.00", currency=found["EUR"], on=date(2026, 2, 5))
    # Nothing is owed in euros, but the payment was worth 20 kroner more than the invoice.
    assert assert_stored_balance_true(store, c) == D("-20.00")
    with store.transaction() as session:
        apply_amounts(session, payment, {invoice: D("100.00")})
    with store.session() as session:
        (application,) = session.scalars(select(ArApplication)).all()
        assert application.realised_gain_loss == D("20.00")
    assert assert_stored_balance_true(store, c) == D("0.00")

    # Automatic application records it too; a loss is negative.
    later = released(service, c, T.INVOICE, "50.00", currency=found["EUR"], on=date(2026, 2, 2))
    eur_rates(store, (date(2026, 3, 1), "11.00"))
    cheap = released(service, c, T.PAYMENT, "50.00", currency=found["EUR"], on=date(2026, 3, 2))
    with store.transaction() as session:
        auto_apply(session, cheap)
        applied = session.scalars(
            select(ArApplication).where(ArApplication.debit_document_id == later)
        ).one()
        assert applied.realised_gain_loss == D("-35.00")
    assert document(store, later).balance == D("0")
    assert assert_stored_balance_true(store, c) == D("0.00")


def test_conversion_rounds_each_amount_half_up_to_the_base_decimals() -> None:
    assert to_base(D("10.01"), D("11.4567"), 2) == D("114.68")
    assert to_base(D("0.5"), D("1.01"), 0) == D("1")
    assert to_base(D("12.34"), None, 2) == D("12.34")
    assert realised_gain_loss(D("10"), None, None, 2) == D("0")
    assert realised_gain_loss(D("10"), D("2"), D("1.5"), 2) == D("5.00")


def test_currency_rates_are_checked_when_saved(store: Store) -> None:
    set_up(store)
    found = eur_rates(store)
    rates = CurrencyRatesService(
        store, Currency, CURRENCY_RATES.rules(), "currency_id", noun="currency"
    )

    def row(rate: str, day: date = date(2026, 1, 1), to: str = "NOK") -> dict[str, object]:
        return {
            "currency_rate_type": found["SPOT"],
            "to_currency": found[to],
            "currency_effective_date": day,
            "currency_rate": D(rate),
        }

    def save(*rows: dict[str, object]) -> None:
        loaded = rates.load(found["EUR"])
        rates.save(found["EUR"], loaded | {"rates": list(rows)}, loaded["version"], loaded)

    with pytest.raises(ValidationError, match="row 1, Currency rate: must be above 0"):
        save(row("0"))
    with pytest.raises(ValidationError, match="row 2: a rate of this rate type and currency"):
        save(row("11.5"), row("11.6"))
    with pytest.raises(ValidationError, match="a currency has no rate in itself"):
        save(row("1", to="EUR"))
    with pytest.raises(ValidationError, match=r"Currency rate.*decimal"):
        save(row("11.123456789"))
    save(row("11.5"), row("11.6", date(2026, 2, 1)))
    with store.session() as session:
        kept = session.scalars(select(CurrencyRate).order_by(CurrencyRate.effective_date)).all()
        assert [(r.rate, r.reciprocal_rate) for r in kept] == [
            (D("11.5"), D("0.08695652")),
            (D("11.6"), D("0.08620690")),
        ]


def test_a_write_off_limit_is_in_the_base_currency_and_takes_the_documents_rate(
    store: Store, service: DocumentService
) -> None:
    found = eur_rates(store, (date(2026, 1, 1), "11.50"), (date(2026, 3, 1), "12.00"))
    c = eur_customer(store, enable_write_offs=True, write_off_limit=D("50.00"))
    small = released(service, c, T.INVOICE, "3.00", currency=found["EUR"])  # 34.50 NOK
    large = released(service, c, T.INVOICE, "5.00", currency=found["EUR"])  # 57.50 NOK
    assert assert_stored_balance_true(store, c) == D("92.00")
    with store.transaction() as session, pytest.raises(RecordError) as refused:
        write_off(session, large, today=TODAY)
    assert "its balance 5.00 (57.50 in the base currency) is over the write-off limit 50.00" in (
        str(refused.value)
    )
    with store.transaction() as session:
        (written,) = write_off_balance(session, c, today=TODAY)  # the small one only
        assert (written.amount, written.currency_rate) == (D("3.00"), D("11.5"))
        (application,) = session.scalars(select(ArApplication)).all()
        assert application.debit_document_id == small
        assert application.realised_gain_loss == D("0")
    assert assert_stored_balance_true(store, c) == D("57.50")


def test_an_overdue_charge_is_in_the_customers_currency_at_todays_rate(
    store: Store, service: DocumentService
) -> None:
    found = eur_rates(store, (date(2026, 1, 1), "11.50"), (date(2026, 3, 1), "12.00"))
    with store.transaction() as session:
        charge = OverdueCharge(
            overdue_charge_id="LATE",
            description="Late payment interest",
            annual_rate_percent=D("36.5"),
            minimum_amount=D("0"),
            fixed_amount=D("0"),
        )
        group = CustomerClass(class_id="CHARGED")
        session.add_all([charge, group])
        session.flush()
        group.overdue_charge_id = charge.id
        group_id = group.id
    euro_customer = eur_customer(
        store,
        "20002",
        currency_id=found["EUR"],
        customer_class_id=group_id,
        apply_overdue_charges=True,
        apply_payments_automatically=False,
    )
    released(
        service,
        euro_customer,
        T.INVOICE,
        "1000.00",
        currency=found["EUR"],
        due_date=date(2026, 3, 21),
    )
    krone_customer = eur_customer(
        store, "20003", customer_class_id=group_id, apply_overdue_charges=True
    )
    released(service, krone_customer, T.INVOICE, "100.00", due_date=date(2026, 3, 21))
    released(
        service,
        krone_customer,
        T.INVOICE,
        "50.00",
        currency=found["EUR"],
        due_date=date(2026, 3, 1),
    )
    with store.transaction() as session:
        run = overdue_run(session, today=TODAY)
        # The krone customer's euro invoice is named, not added to its krone charge.
        assert run.refused == (
            "Customer 20003: 1 overdue document(s) in EUR are not charged — an overdue charge "
            "is in the customer's own currency.",
        )
        by_customer = {p.customer_no: p for p in run.proposals}
        assert (by_customer["20002"].total, by_customer["20002"].currency) == (D("10.00"), "EUR")
        assert (by_customer["20003"].total, by_customer["20003"].currency) == (D("1.00"), "NOK")
        made = create_overdue_charges(session, run, today=TODAY)
        rates = {document.customer_id: document.currency_rate for document in made}
    assert rates == {euro_customer: D("12"), krone_customer: None}
    # 1000 EUR at 11.50 and the 10 EUR charge at 12.00, in NOK.
    assert assert_stored_balance_true(store, euro_customer) == D("11500.00") + D("120.00")


def test_opening_balances_in_another_currency_take_the_rate_of_their_date(
    store: Store, tmp_path: Path
) -> None:
    set_up(store)
    found = eur_rates(store, (date(2025, 12, 1), "11.25"))
    c = eur_customer(store, "20004", currency_id=found["EUR"])
    path = tmp_path / "open.csv"
    header = "Customer;Type;Date;Due date;Amount;Description\n"
    path.write_text(header + "20004;Invoice;2025-11-20;;100.00;Before any rate\n", encoding="utf-8")
    report = import_file(store, path)
    assert not report.imported
    assert (
        "Date: no SPOT rate of EUR in NOK is effective on 2025-11-20: enter one on Currency "
        "rates (CM301000)." in str(report.rows[0])
    )
    path.write_text(header + "20004;Invoice;2025-12-20;;100.00;Old system\n", encoding="utf-8")
    report = import_file(store, path)
    assert report.imported, report.summary()
    with store.session() as session:
        (imported,) = session.scalars(select(ArDocument)).all()
        assert imported.currency_rate == D("11.25")
    assert assert_stored_balance_true(store, c) == D("1125.00")


def test_another_rate_type_needs_enable_rate_override(
    store: Store, service: DocumentService
) -> None:
    eur_rates(store, (date(2026, 1, 1), "11.50"))
    found = eur_rates(store, (date(2026, 1, 1), "11.20"), rate_type="BANK")
    c = eur_customer(store)
    with pytest.raises(ValidationError) as refused:
        enter(service, c, T.INVOICE, "10.00", currency=found["EUR"], rate_type=found["BANK"])
    assert (
        "Currency rate type: must be the customer's rate type: the customer does not have "
        "Enable rate override." in str(refused.value)
    )
    with store.transaction() as session:
        session.get_one(Customer, c).enable_rate_override = True
    banked = released(
        service, c, T.INVOICE, "10.00", currency=found["EUR"], rate_type=found["BANK"]
    )
    spot = released(service, c, T.INVOICE, "10.00", currency=found["EUR"])
    assert (document(store, banked).rate_type_id, document(store, banked).currency_rate) == (
        found["BANK"],
        D("11.2"),
    )
    assert (document(store, spot).rate_type_id, document(store, spot).currency_rate) == (
        found["SPOT"],
        D("11.5"),
    )
    # The screen's rule fills in the rate of the rate type chosen.
    assert service_rate(service, c, found, "BANK") == D("11.2")
    assert service_rate(service, c, found, "SPOT") == D("11.5")


def service_rate(service: DocumentService, c: int, found: dict[str, int], kind: str) -> object:
    from app.ledger.documents.entry import currency_changed

    values = {
        "customer": c,
        "doc_date": date(2026, 1, 15),
        "currency": found["EUR"],
        "rate_type": found[kind],
    }
    return currency_changed(values, service)["currency_rate"]


def test_a_first_new_rate_takes_ar101000s_default_rate_type_and_the_next_the_last_ones(
    store: Store,
) -> None:
    from app.models import PREFERENCES_ID, Preferences

    set_up(store)
    found = eur_rates(store, rate_type="BANK")
    rates = CurrencyRatesService(
        store, Currency, CURRENCY_RATES.rules(), "currency_id", noun="currency"
    )
    first = rates.new_row("rates", [])
    assert (first["currency_rate_type"], first["to_currency"]) == (found["SPOT"], found["NOK"])
    with store.transaction() as session:
        session.get_one(Preferences, PREFERENCES_ID).default_rate_type_id = found["BANK"]
    assert rates.new_row("rates", [])["currency_rate_type"] == found["BANK"]
    typed = {"currency_rate_type": found["SPOT"], "to_currency": found["EUR"]}
    following = rates.new_row("rates", [typed])
    assert (following["currency_rate_type"], following["to_currency"]) == (
        found["SPOT"],
        found["EUR"],
    )


def test_the_same_currency_on_two_screens_never_undoes_the_other(store: Store) -> None:
    """CM202000 and CM301000 (or two CM301000s) open on EUR: a save of one never silently undoes
    what the other saved — it keeps it, or is refused as stale."""
    from app.ledger.currencies import CurrencyService
    from app.ledger.definitions.currency import CURRENCY
    from app.ledger.records import StaleRecordError

    set_up(store)
    found = eur_rates(store)
    currencies = CurrencyService(store, Currency, CURRENCY.rules(), "currency_id", noun="currency")
    rates = CurrencyRatesService(
        store, Currency, CURRENCY_RATES.rules(), "currency_id", noun="currency"
    )
    eur = found["EUR"]

    def rate_row(day: date) -> dict[str, object]:
        return {
            "currency_rate_type": found["SPOT"],
            "to_currency": found["NOK"],
            "currency_effective_date": day,
            "currency_rate": D("11.5"),
        }

    def kept() -> tuple[list[date], str | None, str]:
        with store.session() as session:
            days = [r.effective_date for r in session.scalars(select(CurrencyRate))]
            currency = session.get_one(Currency, eur)
            return days, currency.symbol, currency.description

    on_cm202000, on_cm301000, other_cm301000 = (
        currencies.load(eur),
        rates.load(eur),
        rates.load(eur),
    )
    rates.save(
        eur, on_cm301000 | {"rates": [rate_row(date(2026, 1, 1))]}, on_cm301000["version"],
        on_cm301000,
    )  # fmt: skip
    # A second CM301000 opened before the first saved: refused, the first one's rate kept.
    with pytest.raises(StaleRecordError, match="Currency rates: rows were added or removed"):
        rates.save(
            eur,
            other_cm301000 | {"rates": [rate_row(date(2026, 2, 1))]},
            other_cm301000["version"],
            other_cm301000,
        )
    # The symbol saved on a CM202000 opened before the rates were: both kept.
    currencies.save(eur, on_cm202000 | {"symbol": "E"}, on_cm202000["version"], on_cm202000)
    assert kept() == ([date(2026, 1, 1)], "E", "Euro")
    # The description changed on CM202000, then a CM301000 opened before saves: refused.
    on_cm301000, on_cm202000 = rates.load(eur), currencies.load(eur)
    currencies.save(
        eur, on_cm202000 | {"description": "Euro (EMU)"}, on_cm202000["version"], on_cm202000
    )
    with pytest.raises(StaleRecordError):
        rates.save(eur, on_cm301000 | {"rates": []}, on_cm301000["version"], on_cm301000)
    assert kept() == ([date(2026, 1, 1)], "E", "Euro (EMU)")


def test_a_document_opened_before_a_new_rate_is_told_the_rate_now_effective(
    store: Store, service: DocumentService
) -> None:
    """AR301000 holds an unreleased euro invoice while CM301000 enters a rate for its date: its
    next save is refused naming the rate now in force, and saved once that is taken."""
    found = eur_rates(store, (date(2026, 1, 1), "11.50"))
    c = eur_customer(store)
    invoice = enter(service, c, T.INVOICE, "100.00", currency=found["EUR"])
    on_screen = service.load(invoice)
    assert on_screen["currency_rate"] == D("11.5")
    eur_rates(store, (date(2026, 1, 10), "11.60"))  # typed on CM301000 meanwhile
    edited = on_screen | {"description": "Deliveries January"}
    with pytest.raises(ValidationError) as refused:
        service.save(invoice, edited, on_screen["version"], on_screen)
    assert "must be the effective rate 11.60000000 (the SPOT rate on 2026-01-15)" in str(
        refused.value
    )
    assert document(store, invoice).currency_rate == D("11.5")  # nothing written
    service.save(invoice, edited | {"currency_rate": D("11.6")}, on_screen["version"], on_screen)
    assert (document(store, invoice).currency_rate, document(store, invoice).description) == (
        D("11.6"),
        "Deliveries January",
    )
