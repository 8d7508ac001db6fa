"""Overdue charges: a document charging a customer interest on what it pays late.

For a customer with Apply overdue charges, the charge (AR204500) is its class's Overdue charge
ID — or its statement cycle's when AR101000 says Set default overdue charges by statement cycle.
Each released open invoice and debit note past its due date is charged its open balance × the
annual rate × the days past due / 365 (overdue charge documents too, when AR101000 says Calculate
on overdue charge documents: the charges compound) — from the customer's last overdue charge
when it was overdue by then, so no day is charged twice; the fixed amount is added once, and a total
below the minimum amount becomes the minimum. The result is one released Overdue charge
document, numbered from AR101000's overdue charge series, one line per charged document, due at
once; the stored balance is refreshed in the same transaction. No charge when nothing is late.

Calculate overdue charges (on Customer documents, AR301000) runs it for every customer with
Apply overdue charges: ``overdue_run`` says what it would create, ``create_overdue_charges``
creates exactly that in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.ledger.balances import ZERO
from app.ledger.currency_rates import RateMissingError, document_rate
from app.ledger.documents.application import describe
from app.ledger.documents.errors import DocumentError
from app.ledger.documents.numbers import preferences, take_document_number
from app.ledger.documents.stored_balance import refresh_stored_balance
from app.models import (
    ArDocument,
    ArDocumentLine,
    Currency,
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


@dataclass(frozen=True)
class OverdueProposal:
    """The overdue charge document a customer would get: what Calculate overdue charges shows
    before it creates anything."""

    customer_id: int
    customer_no: str
    customer_name: str
    charge_id: str  # the overdue charge (AR204500) that applies
    lines: tuple[tuple[str, Decimal], ...]  # description and amount, one per charged document
    total: Decimal
    currency: str


def propose_overdue_charge(
    session: Session, customer_id: int, *, today: date
) -> OverdueProposal | None:
    """What charging the customer's overdue documents would create; None when nothing is late
    (or the charge comes to nothing). DocumentError when the customer is not to be charged or
    has no overdue charge."""
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
            # A charge is in the customer's currency: documents in another one are named by
            # ``overdue_run`` as not charged rather than added up with these.
            ArDocument.currency_id.is_not_distinct_from(customer.currency_id),
        )
        .order_by(ArDocument.due_date, ArDocument.ref_nbr)
    ).all()
    # Days already charged are not charged again: a document overdue at the customer's last
    # charge is charged from that charge's date (running the calculation twice charges nothing).
    last_charged = session.scalar(
        select(func.max(ArDocument.doc_date)).where(
            ArDocument.customer_id == customer_id,
            ArDocument.doc_type == DocumentType.OVERDUE_CHARGE,
            ArDocument.status != DocumentStatus.VOIDED,
        )
    )
    lines: list[tuple[str, Decimal]] = []
    for document in late:
        assert document.due_date is not None
        since = max(document.due_date, last_charged) if last_charged else document.due_date
        days = (today - since).days
        if days <= 0:
            continue
        interest = (
            document.balance * charge.annual_rate_percent / 100 * days / YEAR_DAYS
        ).quantize(CENT, rounding=ROUND_HALF_UP)
        lines.append((f"Overdue charge on {describe(document)}, {days} days past due", interest))
    if not lines:
        return None
    if charge.fixed_amount:
        lines.append(("Fixed overdue charge", charge.fixed_amount))
    total = sum((amount for _text, amount in lines), ZERO)
    if total < charge.minimum_amount:
        lines.append(
            (f"Up to the minimum charge {charge.minimum_amount:.2f}", charge.minimum_amount - total)
        )
        total = charge.minimum_amount
    if total <= 0:
        return None
    try:
        # The charge is entered at today's rate, as any document in another currency.
        document_rate(session, customer.currency_id, customer.currency_rate_type_id, today)
    except RateMissingError as missing:
        raise DocumentError(f"Customer {customer.customer_no}: {missing}") from missing
    currency = session.get(Currency, customer.currency_id) if customer.currency_id else None
    return OverdueProposal(
        customer_id=customer_id,
        customer_no=customer.customer_no,
        customer_name=customer.name or "",
        charge_id=charge.overdue_charge_id,
        lines=tuple(lines),
        total=total,
        currency=currency.currency_id if currency is not None else "",
    )


def create_overdue_charge(
    session: Session, proposal: OverdueProposal, *, today: date
) -> ArDocument:
    """The released overdue charge document of ``proposal``, numbered from AR101000's overdue
    charge series; the customer's stored balance refreshed in the same transaction."""
    customer = session.get_one(Customer, proposal.customer_id)
    ref_nbr, series = take_document_number(session, DocumentType.OVERDUE_CHARGE)
    document = ArDocument(
        doc_type=DocumentType.OVERDUE_CHARGE,
        ref_nbr=ref_nbr,
        number_series_id=series,
        customer_id=customer.id,
        currency_id=customer.currency_id,
        currency_rate=document_rate(
            session, customer.currency_id, customer.currency_rate_type_id, today
        ),
        doc_date=today,
        due_date=today,
        status=DocumentStatus.OPEN,
        released=True,
        release_date=today,
        amount=proposal.total,
        balance=proposal.total,
        description=f"Overdue charge {proposal.charge_id}",
        lines=[
            ArDocumentLine(line_nbr=number, description=text, amount=amount)
            for number, (text, amount) in enumerate(proposal.lines, start=1)
        ],
    )
    session.add(document)
    refresh_stored_balance(session, [customer.id])
    return document


def calculate_overdue_charge(
    session: Session, customer_id: int, *, today: date
) -> ArDocument | None:
    """Charge the customer's overdue documents; the released charge, or None when nothing is
    late. DocumentError when the customer is not to be charged or has no overdue charge."""
    proposal = propose_overdue_charge(session, customer_id, today=today)
    return create_overdue_charge(session, proposal, today=today) if proposal else None


@dataclass(frozen=True)
class OverdueRun:
    """Calculate overdue charges over every customer with Apply overdue charges: the charges
    it would create, and the customers it cannot charge with the reason."""

    proposals: tuple[OverdueProposal, ...]
    refused: tuple[str, ...]

    @property
    def total(self) -> Decimal:
        return sum((proposal.total for proposal in self.proposals), ZERO)


def overdue_run(session: Session, *, today: date) -> OverdueRun:
    """What Calculate overdue charges would create today, customer by customer (by number)."""
    proposals, refused = [], []
    customers = session.scalars(
        select(Customer.id)
        .where(Customer.apply_overdue_charges.is_(True))
        .order_by(Customer.customer_no)
    ).all()
    for customer_id in customers:
        try:
            proposal = propose_overdue_charge(session, customer_id, today=today)
        except DocumentError as error:
            refused.append(str(error))
            continue
        if proposal is not None:
            proposals.append(proposal)
        refused.extend(_other_currencies(session, customer_id, today))
    return OverdueRun(tuple(proposals), tuple(refused))


def _other_currencies(session: Session, customer_id: int, today: date) -> list[str]:
    """The customer's overdue documents in another currency than its own, which its charge
    (in its own currency) does not count: named, so none is left out in silence."""
    customer = session.get_one(Customer, customer_id)
    rows = session.execute(
        select(Currency.currency_id, func.count())
        .select_from(ArDocument)
        .join(Currency, Currency.id == ArDocument.currency_id)
        .where(
            ArDocument.customer_id == customer_id,
            ArDocument.released.is_(True),
            ArDocument.status == DocumentStatus.OPEN,
            ArDocument.doc_type.in_([DocumentType.INVOICE, DocumentType.DEBIT_NOTE]),
            ArDocument.balance > 0,
            ArDocument.due_date < today,
            ArDocument.currency_id.is_distinct_from(customer.currency_id),
        )
        .group_by(Currency.currency_id)
        .order_by(Currency.currency_id)
    ).all()
    return [
        f"Customer {customer.customer_no}: {count} overdue document(s) in {code} are not "
        "charged — an overdue charge is in the customer's own currency."
        for code, count in rows
    ]


def create_overdue_charges(session: Session, shown: OverdueRun, *, today: date) -> list[ArDocument]:
    """Create the charges ``shown`` to the user, in the caller's one transaction — refused
    (DocumentError, nothing created) when the ledger changed since, so what is created is what
    was shown."""
    now = overdue_run(session, today=today)
    if now.proposals != shown.proposals:
        raise DocumentError(
            "The overdue documents changed since the charges were calculated (a payment, a "
            "release or a customer's settings): nothing was created. Calculate them again."
        )
    return [create_overdue_charge(session, proposal, today=today) for proposal in now.proposals]
