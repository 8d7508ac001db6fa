"""Payment application (seed: Payment application): a payment, prepayment or credit note
applied to the customer's open invoices, debit notes and overdue charges.

- By hand: an amount per document (``apply_amounts``), all or nothing.
- Automatically (``auto_apply``): to the oldest open documents first (by due date, then
  document date and number), overdue charges first when AR101000's Apply payments to overdue
  charges first is set, until the payment is used up.
- An application never exceeds either document's open balance; what is left of a payment stays
  open on it — money paid in advance, counted in the customer's prepayment balance.
- Reversing an application gives both documents back what it took (the row is kept, flagged and
  dated, so balances as at earlier dates stay true: app/ledger/documents/open_amounts.py).

Every command refreshes the customer's stored balance in the same transaction.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Table, bindparam, case, func, insert, select, update
from sqlalchemy.orm import Session

from app.ledger import webhooks  # also logs every status change of a notified customer
from app.ledger.balances import CREDIT_TYPES, DEBIT_TYPES, ZERO
from app.ledger.currency_rates import base_places, realised_gain_loss
from app.ledger.documents.errors import DocumentError
from app.ledger.documents.numbers import preferences
from app.ledger.documents.stored_balance import refresh_stored_balance
from app.models import ArApplication, ArDocument, DocumentStatus, DocumentType
from app.models.base import utcnow

# What a payment or credit note pays: the customer's debts with a due date.
PAYABLE_TYPES = (DocumentType.INVOICE, DocumentType.DEBIT_NOTE, DocumentType.OVERDUE_CHARGE)


def describe(document: ArDocument) -> str:
    return f"{document.doc_type.label} {document.ref_nbr}"


def _open(document: ArDocument) -> bool:
    return document.released and document.status == DocumentStatus.OPEN


def _settle(document: ArDocument, amount: Decimal) -> None:
    document.balance -= amount
    document.status = DocumentStatus.OPEN if document.balance else DocumentStatus.CLOSED


def applied_on(credit: ArDocument, debit: ArDocument, on: date | None) -> date:
    """An application is dated the later of the two documents' dates unless a date is given."""
    return on if on is not None else max(credit.doc_date, debit.doc_date)


def check_application(credit: ArDocument, debit: ArDocument, amount: Decimal) -> str | None:
    """Why ``amount`` of ``credit`` cannot be applied to ``debit``, or None."""
    if credit.doc_type not in CREDIT_TYPES:
        return f"{describe(credit)} cannot be applied: it is not a payment or credit."
    if debit.doc_type not in DEBIT_TYPES:
        return f"{describe(credit)} cannot be applied to {describe(debit)}: it is a credit too."
    if credit.customer_id != debit.customer_id:
        return f"{describe(debit)} is another customer's document."
    if credit.currency_id != debit.currency_id:
        # As in the product family, a payment pays documents of its own currency; where the
        # two were entered at different rates, the difference is a realised gain or loss.
        return (
            f"{describe(credit)} cannot be applied to {describe(debit)}: they are in different "
            "currencies (a payment or credit pays documents of its own currency)."
        )
    for document in (credit, debit):
        if not _open(document):
            return f"{describe(document)} is {document.status.label.lower()}, not open."
    if amount <= 0:
        return f"Amount to apply to {describe(debit)}: must be more than 0 (it is {amount})."
    for document in (credit, debit):
        if amount > document.balance:
            return (
                f"Amount to apply to {describe(debit)}: {_shown(amount)} is more than the balance "
                f"of {describe(document)} ({_shown(document.balance)})."
            )
    return None


def apply_amount(
    session: Session,
    credit: ArDocument,
    debit: ArDocument,
    amount: Decimal,
    *,
    on: date | None = None,
    refresh: bool = True,
) -> ArApplication:
    """Apply ``amount`` of ``credit`` to ``debit`` (DocumentError, nothing written, when it may
    not be)."""
    problem = check_application(credit, debit, amount)
    if problem:
        raise DocumentError(problem)
    application = ArApplication(
        credit_document_id=credit.id,
        debit_document_id=debit.id,
        amount=amount,
        realised_gain_loss=realised_gain_loss(
            amount, credit.currency_rate, debit.currency_rate, base_places(session)
        ),
        application_date=applied_on(credit, debit, on),
    )
    session.add(application)
    _settle(credit, amount)
    _settle(debit, amount)
    if refresh:
        refresh_stored_balance(session, [credit.customer_id])
    return application


def apply_amounts(
    session: Session,
    credit_id: int,
    amounts: Mapping[int, Decimal],
    *,
    on: date | None = None,
) -> list[ArApplication]:
    """Apply the payment or credit ``credit_id`` by hand: ``amounts`` maps each debit document's
    id to the amount applied to it. All or nothing: one refused amount refuses them all."""
    credit = _get(session, credit_id)
    applications = []
    for debit_id, amount in amounts.items():
        if amount == 0:
            continue
        applications.append(
            apply_amount(session, credit, _get(session, debit_id), amount, on=on, refresh=False)
        )
    refresh_stored_balance(session, [credit.customer_id])
    return applications


@dataclass(frozen=True)
class Applied:
    """One application an automatic application made."""

    debit_document_id: int
    amount: Decimal


def auto_apply(session: Session, credit_id: int, *, on: date | None = None) -> list[Applied]:
    """Apply what is open of the payment or credit ``credit_id`` to the customer's open
    documents of its currency, oldest first (overdue charges first when AR101000 says so), until
    either runs out. What is left stays open on the payment.

    Written in bulk (one INSERT of the applications, one UPDATE of the documents it pays),
    so a payment spread over a thousand invoices is applied in a blink."""
    credit = _get(session, credit_id)
    if credit.doc_type not in CREDIT_TYPES or not _open(credit):
        raise DocumentError(f"{describe(credit)} is not an open payment or credit to apply.")
    order: list[Any] = []
    if preferences(session).apply_payments_to_overdue_charges_first:
        order.append(case((ArDocument.doc_type == DocumentType.OVERDUE_CHARGE, 0), else_=1))
    order += [
        case((ArDocument.due_date.is_(None), ArDocument.doc_date), else_=ArDocument.due_date),
        ArDocument.doc_date,
        ArDocument.ref_nbr,
    ]
    session.flush()
    candidates = session.execute(
        select(ArDocument.id, ArDocument.balance, ArDocument.doc_date, ArDocument.currency_rate)
        .where(
            ArDocument.customer_id == credit.customer_id,
            # Documents of the payment's own currency (check_application says why).
            ArDocument.currency_id.is_not_distinct_from(credit.currency_id),
            ArDocument.released.is_(True),
            ArDocument.status == DocumentStatus.OPEN,
            ArDocument.doc_type.in_(PAYABLE_TYPES),
            ArDocument.balance > 0,
        )
        .order_by(*order)
    )
    left = credit.balance
    applied: list[Applied] = []
    applications: list[dict[str, Any]] = []
    settled: list[dict[str, Any]] = []
    places = base_places(session)
    for debit_id, balance, doc_date, debit_rate in candidates:
        if left <= 0:
            break
        amount = min(left, balance)
        left -= amount
        applied.append(Applied(debit_id, amount))
        applications.append(
            {
                "credit_document_id": credit.id,
                "debit_document_id": debit_id,
                "amount": amount,
                "realised_gain_loss": realised_gain_loss(
                    amount, credit.currency_rate, debit_rate, places
                ),
                "application_date": on if on is not None else max(credit.doc_date, doc_date),
                "reversed": False,
                "created_at": utcnow(),
            }
        )
        rest = balance - amount
        settled.append(
            {
                "doc": debit_id,
                "new_balance": rest,
                "new_status": DocumentStatus.OPEN if rest else DocumentStatus.CLOSED,
            }
        )
    if not applied:
        return []
    session.execute(insert(cast(Table, ArApplication.__table__)), applications)
    table = cast(Table, ArDocument.__table__)
    session.execute(
        update(table)
        .where(table.c.id == bindparam("doc"))
        .values(
            balance=bindparam("new_balance"),
            status=bindparam("new_status"),
            version=table.c.version + 1,
            modified_at=utcnow(),
        ),
        settled,
    )
    # Closed in bulk: the change log does not see it through the ORM.
    webhooks.bulk_status_changed(
        session, [(row["doc"], DocumentStatus.OPEN, row["new_status"]) for row in settled]
    )
    # Documents of this session read before the bulk UPDATE are read again when next used.
    touched = {row["doc"] for row in settled}
    for held in list(session.identity_map.values()):
        if isinstance(held, ArDocument) and held.id in touched:
            session.expire(held)
    credit.balance = left
    credit.status = DocumentStatus.OPEN if left else DocumentStatus.CLOSED
    refresh_stored_balance(session, [credit.customer_id])
    return applied


def reverse_application(session: Session, application_id: int, *, on: date) -> None:
    """Undo an application from ``on``: both documents get back what it took."""
    application = session.get(ArApplication, application_id)
    if application is None:
        raise DocumentError("The application no longer exists.")
    if application.reversed:
        raise DocumentError(
            f"The application of {describe(application.credit_document)} to "
            f"{describe(application.debit_document)} was reversed already."
        )
    for document in (application.credit_document, application.debit_document):
        if document.status == DocumentStatus.VOIDED:
            raise DocumentError(f"{describe(document)} is voided.")
    application.reversed = True
    application.reversal_date = on
    for document in (application.credit_document, application.debit_document):
        _settle(document, -application.amount)
    refresh_stored_balance(session, [application.credit_document.customer_id])


def applications_of(session: Session, document_id: int) -> list[ArApplication]:
    """The applications a document is part of (either side), oldest first."""
    return list(
        session.scalars(
            select(ArApplication)
            .where(
                (ArApplication.credit_document_id == document_id)
                | (ArApplication.debit_document_id == document_id)
            )
            .order_by(ArApplication.id)
        )
    )


def open_credits(session: Session, customer_id: int) -> list[ArDocument]:
    """The customer's released payments and credits with something left to apply."""
    return list(
        session.scalars(
            select(ArDocument)
            .where(
                ArDocument.customer_id == customer_id,
                ArDocument.released.is_(True),
                ArDocument.status == DocumentStatus.OPEN,
                ArDocument.doc_type.in_(CREDIT_TYPES),
                ArDocument.balance > ZERO,
            )
            .order_by(ArDocument.doc_date, ArDocument.ref_nbr)
        )
    )


def _shown(amount: Decimal) -> str:
    """An amount as the ledger shows money: two decimals, or more when it has more."""
    return f"{amount:.2f}" if amount == round(amount, 2) else f"{amount.normalize():f}"


def _get(session: Session, document_id: int) -> ArDocument:
    document = session.get(ArDocument, document_id)
    if document is None:
        raise DocumentError("The document no longer exists.")
    return document


def _other_document(session: Session, document: ArDocument, ref_nbr: str) -> ArDocument:
    """The customer's document numbered ``ref_nbr`` (any case) on the other side of the ledger."""
    other_side = DEBIT_TYPES if document.doc_type in CREDIT_TYPES else CREDIT_TYPES
    found = session.scalars(
        select(ArDocument).where(
            ArDocument.customer_id == document.customer_id,
            func.lower(ArDocument.ref_nbr) == ref_nbr.strip().lower(),
            ArDocument.doc_type.in_(other_side),
        )
    ).first()
    if found is None:
        raise DocumentError(
            f"The customer has no document {ref_nbr.strip()} to apply {describe(document)} to."
        )
    return found


def apply_to_reference(
    session: Session,
    credit_id: int,
    ref_nbr: str,
    amount: Decimal | None = None,
    *,
    on: date | None = None,
) -> ArApplication:
    """Apply the payment or credit by hand to the customer's document numbered ``ref_nbr``:
    ``amount``, or (None) as much as both balances allow."""
    credit = _get(session, credit_id)
    debit = _other_document(session, credit, ref_nbr)
    if amount is None:
        amount = min(credit.balance, debit.balance)
    return apply_amount(session, credit, debit, amount, on=on)


def reverse_with_reference(session: Session, document_id: int, ref_nbr: str, *, on: date) -> int:
    """Reverse every application in force between the document and the customer's document
    numbered ``ref_nbr``; how many were reversed."""
    document = _get(session, document_id)
    other = _other_document(session, document, ref_nbr)
    between = [
        application
        for application in applications_of(session, document.id)
        if not application.reversed
        and other.id in (application.credit_document_id, application.debit_document_id)
    ]
    if not between:
        raise DocumentError(f"{describe(document)} is not applied to {describe(other)}.")
    for application in between:
        reverse_application(session, application.id, on=on)
    return len(between)
