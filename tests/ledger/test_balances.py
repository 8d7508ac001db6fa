"""Customer balances (AR303000 top part and Credit verification rules) from ledger documents."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.ledger.balances import (
    CREDIT_TYPES,
    DEBIT_TYPES,
    CustomerBalances,
    customer_balances,
    sign,
)
from app.models import DocumentStatus, DocumentType
from app.models.database import Store
from tests.ledger.customer_documents import add_customer, add_document

T = DocumentType


def balances_of(store: Store, customer_id: int) -> CustomerBalances:
    with store.session() as session:
        return customer_balances(session, customer_id)


def test_every_document_type_has_a_side() -> None:
    assert set(DocumentType) == DEBIT_TYPES | CREDIT_TYPES
    assert not DEBIT_TYPES & CREDIT_TYPES
    assert [sign(t) for t in (T.INVOICE, T.DEBIT_NOTE, T.OVERDUE_CHARGE)] == [1, 1, 1]
    assert [sign(t) for t in (T.CREDIT_NOTE, T.PAYMENT, T.PREPAYMENT)] == [-1, -1, -1]


def test_a_customer_without_documents_has_zero_balances(store: Store) -> None:
    with store.transaction() as session:
        customer_id = add_customer(session, "10001", credit_limit=Decimal("5000")).id
    balances = balances_of(store, customer_id)
    assert balances == CustomerBalances(
        balance=Decimal(0),
        prepayment_balance=Decimal(0),
        consolidated_balance=None,
        retained_balance=Decimal(0),
        unreleased_balance=Decimal(0),
        balance_of_open_orders=Decimal(0),
        remaining_credit_limit=Decimal(5000),
        first_due_date=None,
    )
    assert all(
        isinstance(value, Decimal)
        for value in (balances.balance, balances.prepayment_balance, balances.retained_balance)
    )


def test_balance_is_invoices_less_credits_payments_and_prepayments(store: Store) -> None:
    with store.transaction() as session:
        customer = add_customer(session, "10001")
        add_document(session, customer, T.INVOICE, "1000.00")
        add_document(session, customer, T.DEBIT_NOTE, "200.00")
        add_document(session, customer, T.OVERDUE_CHARGE, "50.25")
        add_document(session, customer, T.CREDIT_NOTE, "300.00")
        add_document(session, customer, T.PAYMENT, "500.00", balance="100.00")  # 400 applied
        add_document(session, customer, T.PREPAYMENT, "400.00")
        customer_id = customer.id
    balances = balances_of(store, customer_id)
    assert balances.balance == Decimal("450.25")
    assert isinstance(balances.balance, Decimal)
    # Unapplied payments and prepayments, as the amount paid in advance.
    assert balances.prepayment_balance == Decimal("500.00")
    assert balances.consolidated_balance is None  # not a parent account


def test_only_the_open_part_of_released_open_documents_counts(store: Store) -> None:
    with store.transaction() as session:
        customer = add_customer(session, "10001")
        add_document(session, customer, T.INVOICE, "1000.00", balance="250.00")
        add_document(
            session, customer, T.INVOICE, "700.00", balance="0", status=DocumentStatus.CLOSED
        )
        add_document(session, customer, T.INVOICE, "999.00", status=DocumentStatus.VOIDED)
        add_document(session, customer, T.INVOICE, "80.00", released=False)
        customer_id = customer.id
    balances = balances_of(store, customer_id)
    assert balances.balance == Decimal("250.00")
    assert balances.unreleased_balance == Decimal("80.00")


def test_write_offs_and_refunds_land_on_their_side(store: Store) -> None:
    with store.transaction() as session:
        customer = add_customer(session, "10001")
        add_document(session, customer, T.INVOICE, "100.00")
        add_document(session, customer, T.BALANCE_WRITE_OFF, "3.00")  # a small debt written off
        add_document(session, customer, T.CREDIT_WRITE_OFF, "2.00")  # a small credit written off
        add_document(session, customer, T.REFUND, "40.00")  # money paid back adds to the debt
        customer_id = customer.id
    assert balances_of(store, customer_id).balance == Decimal("139.00")


def test_unreleased_balance_is_signed_and_leaves_out_voided_documents(store: Store) -> None:
    with store.transaction() as session:
        customer = add_customer(session, "10001")
        add_document(session, customer, T.INVOICE, "300.00", released=False)
        add_document(
            session,
            customer,
            T.CREDIT_NOTE,
            "100.00",
            released=False,
            status=DocumentStatus.BALANCED,
        )
        add_document(
            session, customer, T.INVOICE, "5000.00", released=False, status=DocumentStatus.VOIDED
        )
        customer_id = customer.id
    balances = balances_of(store, customer_id)
    assert balances.unreleased_balance == Decimal("200.00")
    assert balances.balance == Decimal(0)


def test_remaining_credit_limit_takes_off_balance_and_unreleased_documents(store: Store) -> None:
    with store.transaction() as session:
        customer = add_customer(session, "10001", credit_limit=Decimal("10000"))
        add_document(session, customer, T.INVOICE, "2500.00")
        add_document(session, customer, T.PAYMENT, "500.00")
        add_document(session, customer, T.INVOICE, "1000.00", released=False)
        customer_id = customer.id
    balances = balances_of(store, customer_id)
    assert balances.remaining_credit_limit == Decimal("7000.00")
    assert balances.balance_of_open_orders == Decimal(0)  # no sales orders in this product


def test_over_the_credit_limit_the_remaining_limit_is_negative(store: Store) -> None:
    with store.transaction() as session:
        customer = add_customer(session, "10001", credit_limit=Decimal("1000"))
        add_document(session, customer, T.INVOICE, "1250.50")
        customer_id = customer.id
    assert balances_of(store, customer_id).remaining_credit_limit == Decimal("-250.50")


def test_first_due_date_is_that_of_the_earliest_open_invoice(store: Store) -> None:
    with store.transaction() as session:
        customer = add_customer(session, "10001")
        add_document(session, customer, T.INVOICE, "100.00", due_date=date(2026, 3, 1))
        add_document(session, customer, T.DEBIT_NOTE, "100.00", due_date=date(2026, 2, 20))
        # Paid, closed, unreleased and credit documents have nothing due.
        add_document(session, customer, T.INVOICE, "100.00", balance="0", due_date=date(2026, 1, 1))
        add_document(
            session,
            customer,
            T.INVOICE,
            "100.00",
            balance="0",
            status=DocumentStatus.CLOSED,
            due_date=date(2026, 1, 2),
        )
        add_document(
            session, customer, T.INVOICE, "100.00", released=False, due_date=date(2026, 1, 3)
        )
        add_document(session, customer, T.CREDIT_NOTE, "50.00", due_date=date(2026, 1, 4))
        customer_id = customer.id
    assert balances_of(store, customer_id).first_due_date == date(2026, 2, 20)


def test_a_parent_account_consolidates_the_children_with_consolidate_balance(
    store: Store,
) -> None:
    with store.transaction() as session:
        parent = add_customer(session, "10001", "Nordlys Holding AS")
        consolidating = add_customer(
            session, "10002", parent_account_id=parent.id, consolidate_balance=True
        )
        separate = add_customer(session, "10003", parent_account_id=parent.id)
        add_document(session, parent, T.INVOICE, "1000.00", due_date=date(2026, 4, 1))
        add_document(session, consolidating, T.INVOICE, "300.00", due_date=date(2026, 3, 15))
        add_document(session, consolidating, T.PREPAYMENT, "50.00")
        add_document(session, separate, T.INVOICE, "700.00", due_date=date(2026, 2, 1))
        add_document(session, parent, T.INVOICE, "10.00", released=False)
        add_document(session, consolidating, T.INVOICE, "20.00", released=False)
        add_document(session, separate, T.INVOICE, "40.00", released=False)
        ids = parent.id, consolidating.id, separate.id
    parent_balances = balances_of(store, ids[0])
    assert parent_balances.balance == Decimal("1000.00")  # its own documents
    assert parent_balances.consolidated_balance == Decimal("1250.00")  # 1000 + 300 − 50
    # The seed: a parent's unreleased balance and first due date cover all its children.
    assert parent_balances.unreleased_balance == Decimal("70.00")
    assert parent_balances.first_due_date == date(2026, 2, 1)

    child = balances_of(store, ids[1])
    assert child.balance == Decimal("250.00")
    assert child.consolidated_balance is None  # only a parent account shows it
    assert child.unreleased_balance == Decimal("20.00")  # a child's own
    assert child.first_due_date == date(2026, 3, 15)


def test_a_parent_without_consolidating_children_consolidates_only_itself(store: Store) -> None:
    with store.transaction() as session:
        parent = add_customer(session, "10001")
        child = add_customer(session, "10002", parent_account_id=parent.id)
        add_document(session, parent, T.INVOICE, "100.00")
        add_document(session, child, T.INVOICE, "900.00")
        parent_id = parent.id
    assert balances_of(store, parent_id).consolidated_balance == Decimal("100.00")


def test_a_shared_credit_policy_uses_the_parents_limit_for_the_whole_group(store: Store) -> None:
    with store.transaction() as session:
        parent = add_customer(session, "10001", credit_limit=Decimal("10000"))
        sharing = add_customer(
            session,
            "10002",
            parent_account_id=parent.id,
            consolidate_balance=True,
            shared_credit_policy=True,
            credit_limit=Decimal("500"),  # not used while the policy is shared
        )
        own_policy = add_customer(
            session,
            "10003",
            parent_account_id=parent.id,
            consolidate_balance=True,
            credit_limit=Decimal("2000"),
        )
        add_document(session, parent, T.INVOICE, "1000.00")
        add_document(session, sharing, T.INVOICE, "3000.00")
        add_document(session, sharing, T.INVOICE, "500.00", released=False)
        add_document(session, own_policy, T.INVOICE, "1500.00")
        ids = parent.id, sharing.id, own_policy.id
    # 10000 − (1000 + 3000 + 500): the child with its own policy does not count.
    assert balances_of(store, ids[0]).remaining_credit_limit == Decimal("5500.00")
    assert balances_of(store, ids[1]).remaining_credit_limit == Decimal("5500.00")
    assert balances_of(store, ids[2]).remaining_credit_limit == Decimal("500.00")


def test_an_unknown_customer_has_no_balances(store: Store) -> None:
    balances = balances_of(store, 999)
    assert balances.balance == Decimal(0)
    assert balances.consolidated_balance is None
