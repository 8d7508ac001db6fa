"""Write-offs of small balances and credits (seed: Write-off methods; AR303000's Write-off
balance action).

A customer with Enable write-offs may have an open document whose balance is at most its
Write-off limit (in the base currency; a document in another currency at its rate) written
off: a debt by a Balance write-off, a credit (payment, prepayment,
credit note) by a Credit write-off. The write-off is a released document of its own, numbered
from AR101000's write-off series, with AR101000's reason code for its kind, applied to the
document it writes off, so both close. One transaction, the stored balance refreshed.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.ledger.balances import CREDIT_TYPES
from app.ledger.currency_rates import base_places, to_base
from app.ledger.documents.application import apply_amount, describe
from app.ledger.documents.errors import DocumentError
from app.ledger.documents.numbers import preferences, take_document_number
from app.ledger.documents.stored_balance import refresh_stored_balance
from app.models import ArDocument, Customer, DocumentStatus, DocumentType


def write_off_problem(customer: Customer, document: ArDocument, base_places: int = 2) -> str | None:
    """Why the document's balance cannot be written off, or None. The limit is in the base
    currency: a document in another currency is compared at the rate it was entered at."""
    if not customer.enable_write_offs:
        return f"Customer {customer.customer_no} does not have Enable write-offs set."
    if not document.released or document.status != DocumentStatus.OPEN:
        return f"{describe(document)} is not open."
    if document.doc_type in (DocumentType.BALANCE_WRITE_OFF, DocumentType.CREDIT_WRITE_OFF):
        return f"{describe(document)} is a write-off itself."
    worth = to_base(document.balance, document.currency_rate, base_places)
    if worth > customer.write_off_limit:
        converted = f" ({worth:.2f} in the base currency)" if document.currency_rate else ""
        return (
            f"{describe(document)}: its balance {document.balance:.2f}{converted} is over the "
            f"write-off limit {customer.write_off_limit:.2f}."
        )
    return None


def write_off(session: Session, document_id: int, *, today: date) -> ArDocument:
    """Write off what is open of the document; the write-off document."""
    document = session.get(ArDocument, document_id)
    if document is None:
        raise DocumentError("The document no longer exists.")
    customer = document.customer
    problem = write_off_problem(customer, document, base_places(session))
    if problem:
        raise DocumentError(problem)
    credit = document.doc_type in CREDIT_TYPES
    prefs = preferences(session)
    if credit:
        kind, reason = DocumentType.CREDIT_WRITE_OFF, prefs.reason_code_credit_write_off_id
        setting = "Reason code for credit write-off"
    else:
        kind, reason = DocumentType.BALANCE_WRITE_OFF, prefs.reason_code_balance_write_off_id
        setting = "Reason code for balance write-off"
    if reason is None:
        raise DocumentError(f"Set {setting} in Customer ledger preferences (AR101000) first.")
    number, series = take_document_number(session, kind)
    amount = document.balance
    written = ArDocument(
        doc_type=kind,
        ref_nbr=number,
        number_series_id=series,
        customer_id=customer.id,
        branch_id=document.branch_id,
        currency_id=document.currency_id,
        # At the written-off document's own rate: writing it off gains or loses nothing.
        currency_rate=document.currency_rate,
        rate_type_id=document.rate_type_id,
        doc_date=today,
        status=DocumentStatus.OPEN,
        released=True,
        release_date=today,
        amount=amount,
        balance=amount,
        reason_code_id=reason,
        description=f"Write-off of {describe(document)}",
    )
    session.add(written)
    session.flush()
    if credit:
        apply_amount(session, document, written, amount, on=today, refresh=False)
    else:
        apply_amount(session, written, document, amount, on=today, refresh=False)
    refresh_stored_balance(session, [customer.id])
    return written


def write_off_balance(session: Session, customer_id: int, *, today: date) -> list[ArDocument]:
    """AR303000's Write-off balance: every open document of the customer under its limit."""
    customer = session.get(Customer, customer_id)
    if customer is None:
        raise DocumentError("The customer no longer exists.")
    if not customer.enable_write_offs:
        raise DocumentError(f"Customer {customer.customer_no} does not have Enable write-offs set.")
    candidates = session.scalars(
        select(ArDocument)
        .where(
            ArDocument.customer_id == customer_id,
            ArDocument.released.is_(True),
            ArDocument.status == DocumentStatus.OPEN,
            ArDocument.balance > 0,
            ArDocument.doc_type.not_in(
                (DocumentType.BALANCE_WRITE_OFF, DocumentType.CREDIT_WRITE_OFF)
            ),
        )
        .order_by(ArDocument.doc_date, ArDocument.ref_nbr)
    ).all()
    # Within the limit in the base currency (the customer's few open documents, converted).
    places = base_places(session)
    candidates = [d for d in candidates if write_off_problem(customer, d, places) is None]
    if not candidates:
        raise DocumentError(
            f"Customer {customer.customer_no} has no open document with a balance within its "
            f"write-off limit of {customer.write_off_limit:.2f}."
        )
    return [write_off(session, document.id, today=today) for document in candidates]
