"""Credit verification of invoices by the customer's rule (issue 13 item 5) and the class's
missing-ID warnings."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from app.ledger.documents.credit_check import credit_problem
from app.ledger.documents.entry import DocumentService
from app.models import (
    PREFERENCES_ID,
    Customer,
    CustomerClass,
    DocumentStatus,
    DocumentType,
    Preferences,
)
from app.models.database import Store
from app.models.options import CreditVerification
from tests.ledger.documents import TODAY, customer, document, enter, released

T = DocumentType
R = CreditVerification
D = Decimal


def problem(store: Store, customer_id: int) -> str | None:
    with store.session() as session:
        return credit_problem(session, customer_id, TODAY)


def test_disabled_checks_nothing(store: Store, service: DocumentService) -> None:
    c = customer(store, credit_verification=R.DISABLED, credit_limit=D("10.00"))
    invoice = enter(service, c, T.INVOICE, "500.00", on=TODAY - timedelta(days=400))
    assert document(store, invoice).status == DocumentStatus.BALANCED
    assert service.warnings == []


def test_credit_limit_holds_the_invoice_over_it(store: Store, service: DocumentService) -> None:
    c = customer(store, credit_verification=R.CREDIT_LIMIT, credit_limit=D("100.00"))
    within = enter(service, c, T.INVOICE, "100.00")
    assert document(store, within).status == DocumentStatus.BALANCED
    over = enter(service, c, T.INVOICE, "0.01")
    assert document(store, over).status == DocumentStatus.ON_HOLD
    assert service.warnings == [
        "The document is on hold: the credit check failed — the credit limit of 100.00 is "
        "exceeded: the remaining credit limit is -0.01."
    ]


def test_without_hold_on_failed_credit_check_the_invoice_is_saved_with_a_warning(
    store: Store, service: DocumentService
) -> None:
    with store.transaction() as session:
        session.get_one(Preferences, PREFERENCES_ID).hold_document_on_failed_credit_check = False
    c = customer(store, credit_verification=R.CREDIT_LIMIT, credit_limit=D("100.00"))
    over = enter(service, c, T.INVOICE, "150.00")
    assert document(store, over).status == DocumentStatus.BALANCED
    assert service.warnings[0].startswith("The credit check failed — the credit limit of 100.00")


def test_amount_over_limit_of_the_class_is_allowed(store: Store, service: DocumentService) -> None:
    with store.transaction() as session:
        group = CustomerClass(class_id="MARGIN", amount_over_limit=D("60.00"))
        session.add(group)
        session.flush()
        class_id = group.id
    c = customer(
        store,
        credit_verification=R.CREDIT_LIMIT,
        credit_limit=D("100.00"),
        customer_class_id=class_id,
    )
    enter(service, c, T.INVOICE, "150.00")
    assert problem(store, c) is None
    enter(service, c, T.INVOICE, "10.01")
    assert "allowed over the limit: 60.00" in (problem(store, c) or "")


def test_days_past_due(store: Store, service: DocumentService) -> None:
    c = customer(store, credit_verification=R.DAYS_PAST_DUE, credit_days_past_due=30)
    released(service, c, T.INVOICE, "10.00", due_date=TODAY - timedelta(days=30))
    assert problem(store, c) is None
    released(service, c, T.INVOICE, "10.00", due_date=TODAY - timedelta(days=31))
    assert problem(store, c) == (
        "a document is 31 days past due (due 2026-02-28); credit days past due allows 30."
    )


def test_limit_and_days_past_due_checks_both(store: Store, service: DocumentService) -> None:
    c = customer(
        store,
        credit_verification=R.LIMIT_AND_DAYS_PAST_DUE,
        credit_limit=D("100.00"),
        credit_days_past_due=10,
    )
    released(service, c, T.INVOICE, "50.00", due_date=TODAY)
    assert problem(store, c) is None
    enter(service, c, T.INVOICE, "60.00")
    assert "credit limit of 100.00 is exceeded" in (problem(store, c) or "")
    other = customer(
        store,
        "10002",
        credit_verification=R.LIMIT_AND_DAYS_PAST_DUE,
        credit_limit=D("1000.00"),
        credit_days_past_due=10,
    )
    released(service, other, T.INVOICE, "50.00", due_date=TODAY - timedelta(days=11))
    assert "11 days past due" in (problem(store, other) or "")


def test_shared_credit_policy_applies_the_parents_policy(
    store: Store, service: DocumentService
) -> None:
    parent = customer(store, credit_verification=R.CREDIT_LIMIT, credit_limit=D("100.00"))
    child = customer(
        store,
        "10002",
        parent_account_id=parent,
        shared_credit_policy=True,
        credit_verification=R.DISABLED,
    )
    released(service, parent, T.INVOICE, "80.00")
    held = enter(service, child, T.INVOICE, "30.00")
    assert document(store, held).status == DocumentStatus.ON_HOLD
    assert "credit limit of 100.00" in service.warnings[0]
    with store.transaction() as session:
        session.get_one(Customer, child).shared_credit_policy = False
    assert problem(store, child) is None


def test_the_class_warns_of_a_missing_vat_registration_or_corporate_id(
    store: Store, service: DocumentService
) -> None:
    from app.models import Location

    with store.transaction() as session:
        group = CustomerClass(
            class_id="STRICT",
            warning_when_missing_vat_registration_id=True,
            warning_when_missing_corporate_id=True,
        )
        session.add(group)
        session.flush()
        class_id = group.id
    c = customer(store, customer_class_id=class_id)
    with store.transaction() as session:
        session.add(
            Location(customer_id=c, location_id="MAIN", is_default=True, corporate_id="9876")
        )
    enter(service, c, T.INVOICE, "10.00")
    assert service.warnings == ["Customer 10001 has no VAT registration ID."]
