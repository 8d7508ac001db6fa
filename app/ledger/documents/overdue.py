"""Overdue charges: a document charging a customer interest on what it pays late.

For a customer with Apply overdue charges, the charge (AR204500) is its class's Overdue charge
ID — or its statement cycle's when AR101000 says Set default overdue charges by statement cycle.
Each released open invoice and debit note past its due date is charged its open balance × the
annual rate × the days past due / 365 (overdue charge documents too, when AR101000 says Calculate
on overdue charge documents: the charges compound); the fixed amount is added once, and a total
below the minimum amount becomes the minimum. The result is one released Overdue charge
document, numbered from AR101000's overdue charge series, one line per charged document, due at
once; the stored balance is refreshed in the same transaction. No charge when nothing is late.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.ledger.balances import ZERO
from app.ledger.documents.application import describe
from app.ledger.documents.errors import DocumentError
from app.ledger.documents.numbers import preferences, take_document_number
from app.ledger.documents.stored_balance import refresh_stored_balance
from app.models import (
    ArDocument,
    ArDocumentLine,
    Customer,
    DocumentStatus,
    DocumentType,
    OverdueCharge,
    StatementCycle,
)

CENT = Decimal("0.01")
YEAR_DAYS = Decimal(365)


def charge_of(session: Session, customer: Customer) -> OverdueCharge | None:
    """The overdue charge that applies to the customer (class or statement cycle)."""
    if preferences(session).overdue_charges_by_statement_cycle:
        cycle = (
            session.get(StatementCycle, customer.statement_cycle_id)
            if customer.statement_cycle_id
            else None
        )
        charge_id = cycle.overdue_charge_id if cycle is not None else None
    else:
        group = customer.customer_class
        charge_id = group.overdue_charge_id if group is not None else None
    return session.get(OverdueCharge, charge_id) if charge_id is not None else None


def calculate_overdue_charge(
    session: Session, customer_id: int, *, today: date
) -> ArDocument | None:
    """Charge the customer's overdue documents; the released charge, or None when nothing is
    late. DocumentError when the customer is not to be charged or has no overdue charge."""
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise DocumentError("The customer no longer exists.")
    if not customer.apply_overdue_charges:
        raise DocumentError(f"Customer {customer.customer_no} does not have Apply overdue charges.")
    charge = charge_of(session, customer)
    if charge is None:
        raise DocumentError(
            f"Customer {customer.customer_no} has no overdue charge: set Overdue charge ID on "
            "its customer class (or its statement cycle)."
        )
    charged = [DocumentType.INVOICE, DocumentType.DEBIT_NOTE]
    if preferences(session).calculate_on_overdue_charge_documents:
        charged.append(DocumentType.OVERDUE_CHARGE)
    late = session.scalars(
        select(ArDocument)
        .where(
            ArDocument.customer_id == customer_id,
            ArDocument.released.is_(True),
            ArDocument.status == DocumentStatus.OPEN,
            ArDocument.doc_type.in_(charged),
            ArDocument.balance > 0,
            ArDocument.due_date < today,
        )
        .order_by(ArDocument.due_date, ArDocument.ref_nbr)
    ).all()
    if not late:
        return None
    lines = []
    for number, document in enumerate(late, start=1):
        assert document.due_date is not None
        days = (today - document.due_date).days
        interest = (
            document.balance * charge.annual_rate_percent / 100 * days / YEAR_DAYS
        ).quantize(CENT, rounding=ROUND_HALF_UP)
        lines.append(
            ArDocumentLine(
                line_nbr=number,
                description=f"Overdue charge on {describe(document)}, {days} days past due",
                amount=interest,
            )
        )
    if charge.fixed_amount:
        lines.append(
            ArDocumentLine(
                line_nbr=len(lines) + 1,
                description="Fixed overdue charge",
                amount=charge.fixed_amount,
            )
        )
    total = sum((line.amount for line in lines), ZERO)
    if total < charge.minimum_amount:
        lines.append(
            ArDocumentLine(
                line_nbr=len(lines) + 1,
                description=f"Up to the minimum charge {charge.minimum_amount:.2f}",
                amount=charge.minimum_amount - total,
            )
        )
        total = charge.minimum_amount
    if total <= 0:
        return None
    ref_nbr, series = take_document_number(session, DocumentType.OVERDUE_CHARGE)
    document = ArDocument(
        doc_type=DocumentType.OVERDUE_CHARGE,
        ref_nbr=ref_nbr,
        number_series_id=series,
        customer_id=customer_id,
        currency_id=customer.currency_id,
        doc_date=today,
        due_date=today,
        status=DocumentStatus.OPEN,
        released=True,
        release_date=today,
        amount=total,
        balance=total,
        description=f"Overdue charge {charge.overdue_charge_id}",
        lines=lines,
    )
    session.add(document)
    refresh_stored_balance(session, [customer_id])
    return document
