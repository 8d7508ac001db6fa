"""Payment application, reversal, void, write-offs, the stored balance and open amounts as at
a date (issue 13 items 2, 3, 7)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.ledger.balances import customer_balances
from app.ledger.documents.application import (
    applications_of,
    apply_amounts,
    auto_apply,
    reverse_application,
)
from app.ledger.documents.entry import DocumentService
from app.ledger.documents.open_amounts import balance_as_at, open_amount_as_at
from app.ledger.documents.write_offs import write_off, write_off_balance
from app.ledger.records import RecordError
from app.models import (
    PREFERENCES_ID,
    ArApplication,
    Customer,
    DocumentStatus,
    DocumentType,
    Preferences,
    ReasonCode,
)
from app.models.database import Store
from tests.ledger.documents import (
    TODAY,
    assert_stored_balance_true,
    customer,
    document,
    eur_customer,
    eur_rates,
    released,
)

T = DocumentType
D = Decimal


def manual_customer(store: Store, **values: object) -> int:
    """A customer who applies payments by hand."""
    return customer(store, apply_payments_automatically=False, **values)


def apply(store: Store, credit: int, amounts: dict[int, str], on: date | None = None) -> None:
    with store.transaction() as session:
        apply_amounts(session, credit, {k: D(v) for k, v in amounts.items()}, on=on)


def balances(store: Store, *ids: int) -> list[Decimal]:
    return [document(store, i).balance for i in ids]


def test_manual_application_takes_from_both_balances(
    store: Store, service: DocumentService
) -> None:
    c = manual_customer(store)
    first = released(service, c, T.INVOICE, "100.00")
    second = released(service, c, T.INVOICE, "50.00")
    payment = released(service, c, T.PAYMENT, "120.00")
    assert assert_stored_balance_true(store, c) == D("30.00")
    apply(store, payment, {first: "100.00", second: "15.00"})
    assert balances(store, first, second, payment) == [D("0.00"), D("35.00"), D("5.00")]
    assert document(store, first).status == DocumentStatus.CLOSED
    assert document(store, payment).status == DocumentStatus.OPEN
    # The remainder of the payment is money paid in advance.
    with store.session() as session:
        figures = customer_balances(session, c)
    assert (figures.balance, figures.prepayment_balance) == (D("30.00"), D("5.00"))
    assert assert_stored_balance_true(store, c) == D("30.00")


def test_an_application_never_exceeds_either_balance_and_is_all_or_nothing(
    store: Store, service: DocumentService
) -> None:
    c = manual_customer(store)
    invoice = released(service, c, T.INVOICE, "100.00")
    other = released(service, c, T.INVOICE, "100.00")
    payment = released(service, c, T.PAYMENT, "60.00")
    with pytest.raises(RecordError, match=r"70\.00 is more than the balance of Payment PMT000001"):
        apply(store, payment, {invoice: "70.00"})
    with pytest.raises(RecordError, match="more than the balance of Invoice INV000001"):
        apply(store, released(service, c, T.PAYMENT, "500.00"), {invoice: "101.00"})
    with pytest.raises(RecordError, match="balance of Payment PMT000001"):
        apply(store, payment, {invoice: "50.00", other: "20.00"})  # 70 of 60 in all
    assert balances(store, invoice, other, payment) == [D("100.00"), D("100.00"), D("60.00")]
    with store.session() as session:
        assert applications_of(session, payment) == []


def test_automatic_application_pays_the_oldest_documents_first(
    store: Store, service: DocumentService
) -> None:
    c = customer(store)  # Apply payments automatically (the default)
    newer = released(service, c, T.INVOICE, "40.00", on=date(2026, 2, 1))
    oldest = released(service, c, T.INVOICE, "30.00", on=date(2026, 1, 1))
    middle = released(service, c, T.DEBIT_NOTE, "50.00", on=date(2026, 1, 10))
    payment = released(service, c, T.PAYMENT, "60.00", on=date(2026, 2, 5))  # applied on release
    assert balances(store, oldest, middle, newer, payment) == [
        D("0.00"),
        D("20.00"),
        D("40.00"),
        D("0.00"),
    ]
    assert document(store, payment).status == DocumentStatus.CLOSED
    # More than is owed: the rest stays open on the payment.
    extra = released(service, c, T.PAYMENT, "100.00", on=date(2026, 2, 6))
    assert balances(store, middle, newer, extra) == [D("0.00"), D("0.00"), D("40.00")]
    assert assert_stored_balance_true(store, c) == D("-40.00")


def test_overdue_charges_first_when_ar101000_says_so(
    store: Store, service: DocumentService
) -> None:
    c = manual_customer(store)
    with store.transaction() as session:
        from tests.ledger.customer_documents import add_document

        owner = session.get_one(Customer, c)
        charge = add_document(
            session, owner, T.OVERDUE_CHARGE, "10.00", doc_date=date(2026, 3, 1)
        ).id
    invoice = released(service, c, T.INVOICE, "100.00", on=date(2026, 1, 1))
    first = released(service, c, T.PAYMENT, "10.00")
    with store.transaction() as session:
        auto_apply(session, first)
    assert balances(store, invoice, charge) == [D("90.00"), D("10.00")]  # oldest first
    with store.transaction() as session:
        session.get_one(Preferences, PREFERENCES_ID).apply_payments_to_overdue_charges_first = True
    second = released(service, c, T.PAYMENT, "10.00")
    with store.transaction() as session:
        auto_apply(session, second)
    assert balances(store, invoice, charge) == [D("90.00"), D("0.00")]
    assert assert_stored_balance_true(store, c) == D("90.00")


def test_reversing_an_application_restores_both_balances_and_history_stays_true(
    store: Store, service: DocumentService
) -> None:
    c = manual_customer(store)
    invoice = released(service, c, T.INVOICE, "100.00", on=date(2026, 1, 1))
    payment = released(service, c, T.PAYMENT, "100.00", on=date(2026, 1, 20))
    apply(store, payment, {invoice: "100.00"}, on=date(2026, 1, 20))
    assert assert_stored_balance_true(store, c) == 0
    with store.transaction() as session:
        application_id = session.query(ArApplication.id).scalar()
        reverse_application(session, application_id, on=date(2026, 2, 10))
    assert balances(store, invoice, payment) == [D("100.00"), D("100.00")]
    assert assert_stored_balance_true(store, c) == 0  # +100 and -100 open again
    with store.transaction() as session, pytest.raises(RecordError, match="reversed already"):
        reverse_application(session, application_id, on=date(2026, 2, 10))
    with store.session() as session:
        # Before the payment; after it, applied; after the reversal, both open again.
        assert open_amount_as_at(session, [c], date(2026, 1, 10)) == {invoice: D("100.00")}
        assert open_amount_as_at(session, [c], date(2026, 1, 31)) == {}
        assert open_amount_as_at(session, [c], date(2026, 2, 10)) == {
            invoice: D("100.00"),
            payment: D("100.00"),
        }
        assert balance_as_at(session, c, date(2026, 1, 10)) == D("100.00")
        assert balance_as_at(session, c, date(2026, 1, 31)) == 0


def test_voiding_a_payment_reverses_its_applications(
    store: Store, service: DocumentService
) -> None:
    c = customer(store)
    invoice = released(service, c, T.INVOICE, "100.00", on=date(2026, 1, 1))
    payment = released(service, c, T.PAYMENT, "80.00", on=date(2026, 1, 10))
    assert balances(store, invoice) == [D("20.00")]
    with pytest.raises(RecordError, match="cannot be voided: 1 application"):
        service.void(invoice)
    service.void(payment)
    assert balances(store, invoice, payment) == [D("100.00"), D("0.00")]
    assert document(store, payment).status == DocumentStatus.VOIDED
    assert assert_stored_balance_true(store, c) == D("100.00")
    with store.session() as session:
        # Before the void (dated today) the payment still counted.
        assert balance_as_at(session, c, date(2026, 1, 15)) == D("20.00")


def test_stored_balance_equals_the_documents_after_every_kind_of_change(
    store: Store, service: DocumentService
) -> None:
    c = manual_customer(store, enable_write_offs=True, write_off_limit=D("5.00"))
    steps = []
    invoice = released(service, c, T.INVOICE, "100.00")
    steps.append(assert_stored_balance_true(store, c))
    note = released(service, c, T.CREDIT_NOTE, "10.00")
    steps.append(assert_stored_balance_true(store, c))
    debit = released(service, c, T.DEBIT_NOTE, "20.00")
    steps.append(assert_stored_balance_true(store, c))
    payment = released(service, c, T.PAYMENT, "107.00")
    steps.append(assert_stored_balance_true(store, c))
    prepayment = released(service, c, T.PREPAYMENT, "30.00")
    steps.append(assert_stored_balance_true(store, c))
    apply(store, note, {invoice: "10.00"})
    steps.append(assert_stored_balance_true(store, c))
    apply(store, payment, {invoice: "87.00", debit: "20.00"})
    steps.append(assert_stored_balance_true(store, c))
    with store.transaction() as session:
        write_off(session, invoice, today=TODAY)  # the 3.00 left
    steps.append(assert_stored_balance_true(store, c))
    with store.transaction() as session:
        last = applications_of(session, payment)[-1].id
        reverse_application(session, last, on=TODAY)
    steps.append(assert_stored_balance_true(store, c))
    service.void(prepayment)
    steps.append(assert_stored_balance_true(store, c))
    refund = released(service, c, T.REFUND, "20.00")
    apply(store, payment, {refund: "20.00"})
    steps.append(assert_stored_balance_true(store, c))
    assert steps == [
        D("100.00"),
        D("90.00"),
        D("110.00"),
        D("3.00"),
        D("-27.00"),
        D("-27.00"),
        D("-27.00"),
        D("-30.00"),
        D("-30.00"),
        D("0.00"),
        D("20.00"),  # the debit note, open again; the refund used up the payment
    ]
    assert balances(store, debit, payment, refund) == [D("20.00"), D("0.00"), D("0.00")]


def test_write_offs_within_the_limit_with_the_reason_codes_of_ar101000(
    store: Store, service: DocumentService
) -> None:
    c = manual_customer(store)
    invoice = released(service, c, T.INVOICE, "100.00")
    payment = released(service, c, T.PAYMENT, "98.00")
    apply(store, payment, {invoice: "98.00"})
    with store.transaction() as session, pytest.raises(RecordError, match="Enable write-offs"):
        write_off(session, invoice, today=TODAY)
    with store.transaction() as session:
        owner = session.get_one(Customer, c)
        owner.enable_write_offs, owner.write_off_limit = True, D("1.50")
    with store.transaction() as session, pytest.raises(RecordError, match="over the write-off"):
        write_off(session, invoice, today=TODAY)
    with store.transaction() as session:
        session.get_one(Customer, c).write_off_limit = D("2.00")
        reason = ReasonCode(
            reason_code_id="SMALLDEBT", description="Small", usage="BALANCE_WRITE_OFF"
        )
        session.add(reason)
        session.flush()
        session.get_one(Preferences, PREFERENCES_ID).reason_code_balance_write_off_id = reason.id
        reason_id = reason.id
    with store.transaction() as session:
        written = write_off(session, invoice, today=TODAY)
        number, kind, code = written.ref_nbr, written.doc_type, written.reason_code_id
    assert (number, kind, code) == ("WO000001", T.BALANCE_WRITE_OFF, reason_id)
    assert document(store, invoice).status == DocumentStatus.CLOSED
    assert assert_stored_balance_true(store, c) == 0


def test_write_off_balance_writes_off_small_credits_too(
    store: Store, service: DocumentService
) -> None:
    c = manual_customer(store, enable_write_offs=True, write_off_limit=D("5.00"))
    small = released(service, c, T.INVOICE, "4.00")
    large = released(service, c, T.INVOICE, "400.00")
    credit = released(service, c, T.PAYMENT, "3.00")
    with store.transaction() as session:
        kinds = [w.doc_type for w in write_off_balance(session, c, today=TODAY)]
    assert kinds == [T.BALANCE_WRITE_OFF, T.CREDIT_WRITE_OFF]
    assert balances(store, small, large, credit) == [D("0.00"), D("400.00"), D("0.00")]
    assert assert_stored_balance_true(store, c) == D("400.00")
    with store.transaction() as session, pytest.raises(RecordError, match="no open document"):
        write_off_balance(session, c, today=TODAY)


def test_a_payment_pays_only_documents_of_its_own_currency(
    store: Store, service: DocumentService
) -> None:
    euro = eur_rates(store, (date(2026, 1, 1), "11.50"))["EUR"]
    c = eur_customer(store, apply_payments_automatically=False)
    krone_invoice = released(service, c, T.INVOICE, "100.00")
    euro_invoice = released(service, c, T.INVOICE, "40.00", currency=euro)
    euro_payment = released(service, c, T.PAYMENT, "60.00", currency=euro)
    with pytest.raises(RecordError, match="different currencies"):
        apply(store, euro_payment, {krone_invoice: "10.00"})
    assert balances(store, krone_invoice, euro_payment) == [D("100.00"), D("60.00")]
    with store.transaction() as session:
        applied = auto_apply(session, euro_payment)
    # Only the euro invoice, though the krone invoice is as old: 20 EUR stays unapplied.
    assert [(a.debit_document_id, a.amount) for a in applied] == [(euro_invoice, D("40.00"))]
    assert balances(store, krone_invoice, euro_invoice, euro_payment) == [
        D("100.00"),
        D("0.00"),
        D("20.00"),
    ]
