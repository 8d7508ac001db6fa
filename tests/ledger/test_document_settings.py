"""AR101000 and AR201000 settings the documents honour (issue 13): rounding of invoice totals,
the currency's decimals, the payment methods of new payments and refunds, overdue charges from
the class's or the statement cycle's Overdue charge ID."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.ledger.documents.entry import DocumentService
from app.ledger.documents.overdue import calculate_overdue_charge
from app.ledger.documents.rounding import rounded_total
from app.ledger.records import RecordError, ValidationError
from app.models import (
    PREFERENCES_ID,
    Currency,
    CurrencyRate,
    CustomerClass,
    DocumentType,
    OverdueCharge,
    Preferences,
    RateType,
    StatementCycle,
)
from app.models.database import Store
from app.models.preferences import RoundingPrecision, RoundingRule
from tests.ledger.documents import (
    TODAY,
    assert_stored_balance_true,
    customer,
    document,
    enter,
    released,
)

T = DocumentType
D = Decimal


def set_preferences(store: Store, **values: object) -> None:
    with store.transaction() as session:
        prefs = session.get_one(Preferences, PREFERENCES_ID)
        for key, value in values.items():
            setattr(prefs, key, value)


@pytest.mark.parametrize(
    ("rule", "precision", "total", "expected"),
    [
        (RoundingRule.USE_CURRENCY_PRECISION, None, "10.41", "10.41"),
        (RoundingRule.NEAREST, RoundingPrecision.P1_00, "10.49", "10.00"),
        (RoundingRule.NEAREST, RoundingPrecision.P1_00, "10.50", "11.00"),
        (RoundingRule.UP, RoundingPrecision.P0_05, "10.41", "10.45"),
        (RoundingRule.DOWN, RoundingPrecision.P0_10, "10.49", "10.40"),
        (RoundingRule.NEAREST, RoundingPrecision.P10_00, "104.99", "100.00"),
    ],
)
def test_rounding_rules(
    rule: RoundingRule, precision: RoundingPrecision | None, total: str, expected: str
) -> None:
    assert rounded_total(D(total), rule, precision, 2) == D(expected)


def test_the_rounding_rule_of_ar101000_rounds_invoice_totals(
    store: Store, service: DocumentService
) -> None:
    c = customer(store)
    assert document(store, enter(service, c, T.INVOICE, "10.20", "0.21")).amount == D("10.41")
    # Rounding precision is disabled under Use currency precision: a value left in it is ignored.
    set_preferences(store, rounding_precision=RoundingPrecision.P1_00)
    assert document(store, enter(service, c, T.INVOICE, "10.20", "0.21")).amount == D("10.41")
    set_preferences(
        store,
        rounding_rule_for_invoices=RoundingRule.UP,
        rounding_precision=RoundingPrecision.P0_50,
    )
    assert document(store, enter(service, c, T.INVOICE, "10.20", "0.21")).amount == D("10.50")


def test_amounts_keep_to_the_currencys_decimals(store: Store, service: DocumentService) -> None:
    with store.transaction() as session:
        yen = Currency(currency_id="JPY", description="Yen", decimal_places=0)
        spot = RateType(rate_type_id="YEN", description="Yen rate")
        session.add_all([yen, spot])
        session.flush()
        yen_id, spot_id = yen.id, spot.id
        nok = session.scalars(select(Currency.id).where(Currency.currency_id == "NOK")).one()
        # A document in another currency than the base one needs its rate.
        session.add(
            CurrencyRate(
                currency_id=yen_id,
                rate_type_id=spot_id,
                to_currency_id=nok,
                effective_date=date(2026, 1, 1),
                rate=D("0.0712"),
            )
        )
    c = customer(store, currency_id=yen_id, currency_rate_type_id=spot_id)
    with pytest.raises(ValidationError, match=r"line 1, Amount: 10\.50 has more decimals than JPY"):
        enter(service, c, T.INVOICE, "10.50", currency=yen_id)
    assert document(store, enter(service, c, T.INVOICE, "10", currency=yen_id)).amount == D(10)


def test_new_payments_and_refunds_take_the_payment_methods_of_ar101000(
    store: Store, service: DocumentService
) -> None:
    c = customer(store)
    with store.session() as session:
        prefs = session.get_one(Preferences, PREFERENCES_ID)
        manual, automatic = prefs.manual_payment_method_id, prefs.automatic_payment_method_id
    assert manual != automatic
    assert service.new_for(c, T.PAYMENT)["payment_method"] == manual
    assert service.new_for(c, T.REFUND)["payment_method"] == automatic
    assert document(store, enter(service, c, T.PAYMENT, "5.00")).payment_method_id == manual
    set_preferences(store, manual_payment_method_id=automatic)
    assert service.new_for(c, T.PAYMENT)["payment_method"] == automatic


def overdue_class(store: Store, rate: str, *, minimum: str = "0", fixed: str = "0") -> int:
    with store.transaction() as session:
        charge = OverdueCharge(
            overdue_charge_id="LATE",
            description="Late payment interest",
            annual_rate_percent=D(rate),
            minimum_amount=D(minimum),
            fixed_amount=D(fixed),
        )
        group = CustomerClass(class_id="CHARGED")
        session.add_all([charge, group])
        session.flush()
        group.overdue_charge_id = charge.id
        return group.id


def test_overdue_charges_from_the_class_for_overdue_invoices(
    store: Store, service: DocumentService
) -> None:
    group = overdue_class(store, "36.5", fixed="5.00")
    c = customer(store, customer_class_id=group, apply_payments_automatically=False)
    released(service, c, T.INVOICE, "1000.00", due_date=date(2026, 3, 21))  # 10 days late
    released(service, c, T.INVOICE, "500.00", due_date=date(2026, 4, 30))  # not due
    with store.transaction() as session, pytest.raises(RecordError, match="Apply overdue charges"):
        calculate_overdue_charge(session, c, today=TODAY)
    from app.models import Customer

    with store.transaction() as session:
        session.get_one(Customer, c).apply_overdue_charges = True
    with store.transaction() as session:
        charge = calculate_overdue_charge(session, c, today=TODAY)
        assert charge is not None
        figures = (charge.ref_nbr, charge.amount, [line.amount for line in charge.lines])
    # 1000 × 36.5 % × 10 / 365 = 10.00, and the fixed 5.00.
    assert figures == ("OC000001", D("15.00"), [D("10.00"), D("5.00")])
    assert assert_stored_balance_true(store, c) == D("1515.00")


def test_overdue_charges_by_statement_cycle_and_the_minimum(
    store: Store, service: DocumentService
) -> None:
    group = overdue_class(store, "0")  # the class charges nothing
    with store.transaction() as session:
        steep = OverdueCharge(
            overdue_charge_id="CYCLE",
            description="Cycle charge",
            annual_rate_percent=D("10"),
            minimum_amount=D("25.00"),
        )
        session.add(steep)
        session.flush()
        cycle = session.scalars(select(StatementCycle)).first()
        assert cycle is not None
        cycle.overdue_charge_id = steep.id
        cycle_id = cycle.id
    c = customer(
        store,
        customer_class_id=group,
        statement_cycle_id=cycle_id,
        apply_overdue_charges=True,
        apply_payments_automatically=False,
    )
    released(service, c, T.INVOICE, "100.00", due_date=date(2026, 3, 1))
    with store.transaction() as session:
        assert calculate_overdue_charge(session, c, today=TODAY) is None  # 0 % of the class
    set_preferences(store, overdue_charges_by_statement_cycle=True)
    with store.transaction() as session:
        charge = calculate_overdue_charge(session, c, today=TODAY)
        assert charge is not None
        assert charge.amount == D("25.00")  # 0.82 of interest, raised to the minimum


def test_an_overdue_charge_is_paid_like_an_invoice(store: Store, service: DocumentService) -> None:
    group = overdue_class(store, "36.5")
    c = customer(store, customer_class_id=group, apply_overdue_charges=True)
    invoice = released(service, c, T.INVOICE, "1000.00", due_date=date(2026, 3, 21))
    with store.transaction() as session:
        charge = calculate_overdue_charge(session, c, today=TODAY)
        assert charge is not None
        charge_id = charge.id
    set_preferences(store, apply_payments_to_overdue_charges_first=True)
    released(service, c, T.PAYMENT, "10.00")
    assert [document(store, i).balance for i in (charge_id, invoice)] == [D("0.00"), D("1000.00")]


def test_no_day_is_charged_twice(store: Store, service: DocumentService) -> None:
    """A second run the same day charges nothing; a later one only the days since the last."""
    from app.ledger.documents.overdue import overdue_run

    group = overdue_class(store, "36.5")
    c = customer(store, customer_class_id=group, apply_overdue_charges=True)
    released(service, c, T.INVOICE, "1000.00", due_date=date(2026, 3, 21))
    with store.transaction() as session:
        first = calculate_overdue_charge(session, c, today=TODAY)
        assert first is not None and first.amount == D("10.00")  # 10 days
    with store.transaction() as session:
        assert calculate_overdue_charge(session, c, today=TODAY) is None
        assert overdue_run(session, today=TODAY).proposals == ()
    with store.transaction() as session:
        later = calculate_overdue_charge(session, c, today=date(2026, 4, 10))
        assert later is not None
        assert [line.amount for line in later.lines] == [D("10.00")]  # 31 Mar → 10 Apr
