"""Customer documents: entry, numbering, release, void, the customer's status (issue 13)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.ledger.documents.entry import DocumentService
from app.ledger.records import RecordError, ValidationError
from app.models import (
    PREFERENCES_ID,
    CustomerStatus,
    DocumentStatus,
    DocumentType,
    NumberSeries,
    Preferences,
)
from app.models.database import Store
from tests.ledger.documents import (
    assert_stored_balance_true,
    customer,
    document,
    enter,
    released,
)

T = DocumentType


def set_preferences(store: Store, **values: object) -> None:
    with store.transaction() as session:
        prefs = session.get_one(Preferences, PREFERENCES_ID)
        for key, value in values.items():
            setattr(prefs, key, value)


def test_each_type_is_numbered_from_its_own_series(store: Store, service: DocumentService) -> None:
    c = customer(store)
    numbers = [
        document(store, enter(service, c, doc_type, "10.00")).ref_nbr
        for doc_type in (T.INVOICE, T.INVOICE, T.CREDIT_NOTE, T.DEBIT_NOTE, T.PAYMENT)
    ]
    assert numbers == ["INV000001", "INV000002", "CN000001", "DN000001", "PMT000001"]


def test_changing_the_invoice_series_numbers_invoices_from_the_new_one(
    store: Store, service: DocumentService
) -> None:
    c = customer(store)
    with store.transaction() as session:
        series = NumberSeries(series_id="NEWINV", description="New", start_number="N-0001")
        session.add(series)
        session.flush()
        session.get_one(Preferences, PREFERENCES_ID).invoice_number_series_id = series.id
    assert document(store, enter(service, c, T.INVOICE, "1.00")).ref_nbr == "N-0001"


def test_a_series_shared_by_two_types_never_gives_a_number_twice(
    store: Store, service: DocumentService
) -> None:
    with store.transaction() as session:
        prefs = session.get_one(Preferences, PREFERENCES_ID)
        prefs.debit_note_number_series_id = prefs.invoice_number_series_id
    c = customer(store)
    numbers = [
        document(store, enter(service, c, t, "5.00")).ref_nbr
        for t in (T.INVOICE, T.DEBIT_NOTE, T.INVOICE)
    ]
    assert numbers == ["INV000001", "INV000002", "INV000003"]


def test_amount_is_the_sum_of_the_lines_and_release_opens_it(
    store: Store, service: DocumentService
) -> None:
    c = customer(store)
    invoice = enter(service, c, T.INVOICE, "100.00", "25.50")
    assert document(store, invoice).amount == Decimal("125.50")
    assert document(store, invoice).status == DocumentStatus.BALANCED
    assert assert_stored_balance_true(store, c) == 0  # not released: not in the balance
    service.release(invoice)
    done = document(store, invoice)
    assert (done.status, done.released, done.balance) == (
        DocumentStatus.OPEN,
        True,
        Decimal("125.50"),
    )
    assert assert_stored_balance_true(store, c) == Decimal("125.50")


def test_hold_documents_on_entry(store: Store, service: DocumentService) -> None:
    c = customer(store)
    set_preferences(store, hold_documents_on_entry=True)
    held = enter(service, c, T.INVOICE, "10.00")
    assert document(store, held).status == DocumentStatus.ON_HOLD
    with pytest.raises(RecordError, match="on hold: clear Hold first"):
        service.release(held)
    set_preferences(store, hold_documents_on_entry=False)
    assert document(store, enter(service, c, T.INVOICE, "10.00")).status == DocumentStatus.BALANCED


def test_validate_document_totals_on_entry(store: Store, service: DocumentService) -> None:
    c = customer(store)
    first = enter(service, c, T.INVOICE, "10.00", control_total=Decimal("12.00"))
    service.release(first)  # the setting is off: the control total is not checked
    set_preferences(store, validate_document_totals_on_entry=True)
    second = enter(service, c, T.INVOICE, "10.00", control_total=Decimal("12.00"))
    with pytest.raises(RecordError, match=r"out of balance: the control total 12\.00"):
        service.release(second)
    assert not document(store, second).released


def test_require_payment_reference_on_entry(store: Store, service: DocumentService) -> None:
    c = customer(store)
    payment = enter(service, c, T.PAYMENT, "10.00", payment_ref=None)
    with pytest.raises(RecordError, match=r"Payment ref\. is required"):
        service.release(payment)
    set_preferences(store, require_payment_reference_on_entry=False)
    service.release(payment)
    assert document(store, payment).released


@pytest.mark.parametrize(
    ("status", "reason"),
    [(CustomerStatus.ON_HOLD, "is on hold"), (CustomerStatus.INACTIVE, "is inactive")],
)
def test_a_customer_on_hold_or_inactive_gets_no_document(
    store: Store, service: DocumentService, status: CustomerStatus, reason: str
) -> None:
    c = customer(store)
    waiting = enter(service, c, T.INVOICE, "10.00")
    from app.models import Customer

    with store.transaction() as session:
        session.get_one(Customer, c).status = status
    with pytest.raises(ValidationError, match=f"Customer 10001 {reason}"):
        enter(service, c, T.PAYMENT, "10.00")
    with pytest.raises(RecordError, match=f"Customer 10001 {reason}"):
        service.release(waiting)


def test_a_customer_on_credit_hold_gets_no_invoice_but_pays(
    store: Store, service: DocumentService
) -> None:
    c = customer(store, status=CustomerStatus.CREDIT_HOLD)
    with pytest.raises(ValidationError, match="on credit hold: it gets no new invoice"):
        enter(service, c, T.INVOICE, "10.00")
    released(service, c, T.PAYMENT, "10.00")
    assert assert_stored_balance_true(store, c) == Decimal("-10.00")


def test_a_released_document_is_neither_changed_nor_deleted(
    store: Store, service: DocumentService
) -> None:
    c = customer(store)
    invoice = released(service, c, T.INVOICE, "10.00")
    loaded = service.load(invoice)
    with pytest.raises(ValidationError, match="released document cannot be changed"):
        service.save(invoice, loaded | {"description": "Changed"}, loaded["version"], loaded)
    with pytest.raises(RecordError, match="is released: it cannot be deleted"):
        service.delete(invoice)


def test_another_currency_only_with_currency_override(
    store: Store, service: DocumentService
) -> None:
    from app.models import Currency, CurrencyRate, Customer, RateType

    with store.transaction() as session:
        nok = session.scalars(
            __import__("sqlalchemy").select(Currency.id).where(Currency.currency_id == "NOK")
        ).one()
        eur = Currency(currency_id="XTS", description="Test currency")
        spot = RateType(rate_type_id="TEST", description="Test rate")
        session.add_all([eur, spot])
        session.flush()
        eur_id = eur.id
        # Another currency needs a rate to the base one (tests/ledger/test_currency_rates.py).
        session.add(
            CurrencyRate(
                currency_id=eur_id,
                rate_type_id=spot.id,
                to_currency_id=nok,
                effective_date=date(2026, 1, 1),
                rate=Decimal("2"),
            )
        )
        spot_id = spot.id
    c = customer(store, currency_id=nok, currency_rate_type_id=spot_id)
    with pytest.raises(ValidationError, match="Currency: must be the customer's currency"):
        enter(service, c, T.INVOICE, "10.00", currency=eur_id)
    with store.transaction() as session:
        session.get_one(Customer, c).enable_currency_override = True
    assert (
        document(store, enter(service, c, T.INVOICE, "10.00", currency=eur_id)).currency_id
        == eur_id
    )
    assert document(store, enter(service, c, T.INVOICE, "10.00")).currency_id == nok


def test_due_and_cash_discount_dates_come_from_the_payment_terms(
    store: Store, service: DocumentService
) -> None:
    from sqlalchemy import select

    from app.models import PaymentTerms

    with store.transaction() as session:
        terms = PaymentTerms(
            terms_id="T30D10", description="30 days, 2% in 10", due_days=30, discount_days=10
        )
        session.add(terms)
        session.flush()
        terms_id = terms.id
        assert session.scalars(select(PaymentTerms)).all()
    c = customer(store, terms_id=terms_id)
    invoice = document(store, enter(service, c, T.INVOICE, "10.00", on=date(2026, 1, 15)))
    assert (invoice.due_date, invoice.cash_discount_date) == (date(2026, 2, 14), date(2026, 1, 25))


def test_void_an_unreleased_document(store: Store, service: DocumentService) -> None:
    c = customer(store)
    draft = enter(service, c, T.INVOICE, "10.00")
    service.void(draft)
    assert document(store, draft).status == DocumentStatus.VOIDED
    with pytest.raises(RecordError, match="voided"):
        service.release(draft)
    assert assert_stored_balance_true(store, c) == 0


def test_automatically_post_on_release_and_post_summary(
    store: Store, service: DocumentService
) -> None:
    c = customer(store)
    first = document(store, released(service, c, T.INVOICE, "1.00"))
    second = document(store, released(service, c, T.INVOICE, "2.00"))
    assert (first.posted, first.batch_nbr, second.batch_nbr) == (True, "ARB000001", "ARB000002")
    set_preferences(store, post_summary_when_updating_gl=True)
    third = document(store, released(service, c, T.INVOICE, "3.00"))
    assert third.batch_nbr == "ARB000002"  # today's batch
    set_preferences(store, automatically_post_on_release=False)
    fourth = document(store, released(service, c, T.INVOICE, "4.00"))
    assert (fourth.posted, fourth.batch_nbr) == (False, None)
