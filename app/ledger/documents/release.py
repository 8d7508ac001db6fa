"""Release and void (seed: Workflow options).

Release makes a balanced document count: status Open (Closed at once when nothing is open),
its whole amount open, the customer's stored balance refreshed — one transaction. It is refused
for a document on hold, one whose lines do not add up to its control total (Validate document
totals on entry), a payment without its reference (Require payment reference on entry), and a
customer on hold or inactive. With Automatically post on release the document is marked posted
with a GL batch number from the batch series (there is no general ledger to post to; Post
summary gives one batch a day instead of one per document). A payment or prepayment of a
customer with Apply payments automatically is applied to the oldest open documents on release.

Released documents are never edited or deleted. Void takes a document out of the ledger: an
unreleased one simply (nothing counted yet); a released payment or credit after reversing its
applications (the documents it paid are open again); a released invoice only while nothing is
applied to it (else reverse the applications first, or correct it with a credit note).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.ledger.balances import CREDIT_TYPES, PREPAYMENT_TYPES, ZERO
from app.ledger.documents.application import (
    applications_of,
    auto_apply,
    describe,
    reverse_application,
)
from app.ledger.documents.errors import DocumentError
from app.ledger.documents.numbers import preferences, take_batch_number
from app.ledger.documents.stored_balance import refresh_stored_balance
from app.models import (
    ArDocument,
    Customer,
    CustomerStatus,
    DocumentStatus,
    DocumentType,
    Preferences,
)

# Types that take lines (the amount is their sum); the others have an amount of their own.
LINE_TYPES = frozenset(
    {
        DocumentType.INVOICE,
        DocumentType.DEBIT_NOTE,
        DocumentType.CREDIT_NOTE,
        DocumentType.OVERDUE_CHARGE,
    }
)
PAYMENT_TYPES = frozenset({DocumentType.PAYMENT, DocumentType.PREPAYMENT, DocumentType.REFUND})
# Documents a customer on Credit hold gets no more of.
CHARGE_TYPES = frozenset({DocumentType.INVOICE, DocumentType.DEBIT_NOTE})


# Documents the customer gets on paper or by e-mail (AR101000: Require invoice/note printing or
# emailing before release).
PRINTED_TYPES = frozenset({DocumentType.INVOICE, DocumentType.DEBIT_NOTE, DocumentType.CREDIT_NOTE})


def entry_status(prefs: Preferences, document: ArDocument) -> DocumentStatus:
    """The status of a document not yet released: On hold, Pending print, Pending email (what
    AR101000 requires before release) or Balanced."""
    if document.hold:
        return DocumentStatus.ON_HOLD
    if document.doc_type in PRINTED_TYPES:
        if prefs.require_printing_before_release and not document.printed:
            return DocumentStatus.PENDING_PRINT
        if prefs.require_emailing_before_release and not document.emailed:
            return DocumentStatus.PENDING_EMAIL
    return DocumentStatus.BALANCED


def customer_refusal(customer: Customer, doc_type: DocumentType) -> str | None:
    """Why no document of ``doc_type`` can be entered or released for the customer, or None."""
    name = f"Customer {customer.customer_no}"
    if customer.status == CustomerStatus.INACTIVE:
        return f"{name} is inactive: no documents can be entered or released for it."
    if customer.status == CustomerStatus.ON_HOLD:
        return f"{name} is on hold: no documents can be entered or released for it."
    if customer.status == CustomerStatus.CREDIT_HOLD and doc_type in CHARGE_TYPES:
        return f"{name} is on credit hold: it gets no new invoice or debit note."
    return None


def release_refusal(session: Session, document: ArDocument) -> str | None:
    """Why the document cannot be released now, or None."""
    what = describe(document)
    if document.status == DocumentStatus.VOIDED:
        return f"{what} is voided."
    if document.released:
        return f"{what} is released already."
    if document.hold:
        return f"{what} is on hold: clear Hold first."
    refusal = customer_refusal(document.customer, document.doc_type)
    if refusal:
        return refusal
    prefs = preferences(session)
    if document.doc_type in PRINTED_TYPES:
        if prefs.require_printing_before_release and not document.printed:
            return (
                f"{what} is not printed yet: print it first (AR101000: Require invoice/note "
                "printing before release)."
            )
        if prefs.require_emailing_before_release and not document.emailed:
            return (
                f"{what} is not e-mailed yet: e-mail it first (AR101000: Require invoice/note "
                "emailing before release)."
            )
    if document.amount <= 0:
        return f"{what} has no amount: a document is released for more than 0."
    if (
        prefs.validate_document_totals_on_entry
        and document.control_total is not None
        and document.control_total != document.amount
    ):
        return (
            f"{what} is out of balance: the control total {document.control_total:.2f} differs "
            f"from the document total {document.amount:.2f}."
        )
    if (
        prefs.require_payment_reference_on_entry
        and document.doc_type in PAYMENT_TYPES
        and not (document.payment_ref or "").strip()
    ):
        return f"{what}: Payment ref. is required (AR101000: Require payment reference on entry)."
    return None


def release(session: Session, document_id: int, *, today: date) -> ArDocument:
    """Release the document (DocumentError, nothing written, when it may not be)."""
    document = _get(session, document_id)
    refusal = release_refusal(session, document)
    if refusal:
        raise DocumentError(refusal)
    prefs = preferences(session)
    document.released = True
    document.release_date = today
    document.balance = document.amount
    document.status = DocumentStatus.OPEN
    if prefs.automatically_post_on_release:
        document.posted = True
        document.batch_nbr = _batch_number(
            session, today, summary=prefs.post_summary_when_updating_gl
        )
    session.flush()
    if document.doc_type in PREPAYMENT_TYPES and document.customer.apply_payments_automatically:
        auto_apply(session, document.id)
    refresh_stored_balance(session, [document.customer_id])
    return document


def _batch_number(session: Session, today: date, *, summary: bool) -> str:
    """One batch per release, or — with Post summary — the batch of today's earlier releases."""
    if summary:
        found = session.scalar(
            select(ArDocument.batch_nbr)
            .where(ArDocument.release_date == today, ArDocument.batch_nbr.is_not(None))
            .order_by(ArDocument.batch_nbr.desc())
            .limit(1)
        )
        if found:
            return found
    return take_batch_number(session)


def void(session: Session, document_id: int, *, today: date) -> ArDocument:
    """Void the document (see the module's rules)."""
    document = _get(session, document_id)
    what = describe(document)
    if document.status == DocumentStatus.VOIDED:
        raise DocumentError(f"{what} is voided already.")
    if document.released:
        applied = [a for a in applications_of(session, document.id) if not a.reversed]
        if applied and document.doc_type not in CREDIT_TYPES:
            raise DocumentError(
                f"{what} cannot be voided: {len(applied)} application(s) pay it. Reverse them "
                "first, or correct it with a credit note."
            )
        for application in applied:
            reverse_application(session, application.id, on=today)
    document.status = DocumentStatus.VOIDED
    document.void_date = today
    document.balance = ZERO
    refresh_stored_balance(session, [document.customer_id])
    return document


def _get(session: Session, document_id: int) -> ArDocument:
    document = session.get(ArDocument, document_id)
    if document is None:
        raise DocumentError("The document no longer exists.")
    return document
