"""Customers and ledger documents written straight to the store, for the ledger's own tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from itertools import count
from typing import Any

from sqlalchemy.orm import Session

from app.ledger.documents.stored_balance import refresh_stored_balance
from app.models import ArApplication, ArDocument, Customer, DocumentStatus, DocumentType

_refs = count(1)


def add_customer(session: Session, customer_no: str, name: str = "", **values: Any) -> Customer:
    customer = Customer(customer_no=customer_no, name=name or f"Customer {customer_no}", **values)
    session.add(customer)
    session.flush()
    return customer


def add_document(
    session: Session,
    customer: Customer,
    doc_type: DocumentType,
    amount: str,
    *,
    balance: str | None = None,
    released: bool = True,
    status: DocumentStatus | None = None,
    due_date: date | None = None,
    doc_date: date = date(2026, 1, 15),
    ref_nbr: str | None = None,
    **values: Any,
) -> ArDocument:
    """A document of ``amount``; released ones are Open with the whole amount open unless
    ``balance`` says what is left, unreleased ones On hold."""
    if status is None:
        status = DocumentStatus.OPEN if released else DocumentStatus.ON_HOLD
    document = ArDocument(
        doc_type=doc_type,
        ref_nbr=ref_nbr or f"DOC{next(_refs):06d}",
        customer_id=customer.id,
        doc_date=doc_date,
        due_date=due_date,
        status=status,
        released=released,
        amount=Decimal(amount),
        balance=Decimal(amount if balance is None else balance),
        **values,  # branch_id, currency_id, description …
    )
    session.add(document)
    session.flush()
    # Written straight to the store, the document keeps the customer's stored balance true, as
    # the ledger's own commands do.
    refresh_stored_balance(session, [customer.id])
    return document


def add_application(
    session: Session, credit: ArDocument, debit: ArDocument, amount: str, on: date
) -> ArApplication:
    """``credit`` (a payment, a credit note) applied to ``debit`` for ``amount`` on ``on``, as
    the ledger records it — the documents' balances are given by the test, as it says them."""
    application = ArApplication(
        credit_document_id=credit.id,
        debit_document_id=debit.id,
        amount=Decimal(amount),
        application_date=on,
    )
    session.add(application)
    session.flush()
    return application
