"""Entering, releasing and applying customer documents through the ledger's services, for the
document tests (tests/ledger/test_documents*.py, tests/screens/test_documents_screen.py)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select

from app.ledger.balances import customer_balances
from app.ledger.documents.entry import DocumentService
from app.ledger.documents.open_amounts import balance_as_at
from app.ledger.documents.stored_balance import balance_from_documents, stored_balance
from app.ledger.setup import set_up_company
from app.models import (
    PREFERENCES_ID,
    ArDocument,
    Currency,
    CurrencyRate,
    DocumentType,
    Preferences,
    RateType,
)
from app.models.database import Store
from tests.ledger.customer_documents import add_customer

TODAY = date(2026, 3, 31)


def set_up(store: Store, **preferences: Any) -> None:
    """First-run setup, documents released at once (no hold on entry) unless told."""
    set_up_company(store, base_currency="NOK", country="NO", language="nb-NO")
    settings = {"hold_documents_on_entry": False} | preferences
    with store.transaction() as session:
        prefs = session.get_one(Preferences, PREFERENCES_ID)
        for key, value in settings.items():
            setattr(prefs, key, value)


def customer(store: Store, number: str = "10001", **values: Any) -> int:
    with store.transaction() as session:
        return add_customer(session, number, **values).id


def enter(
    service: DocumentService,
    customer_id: int,
    doc_type: DocumentType,
    *amounts: str,
    on: date = date(2026, 1, 15),
    **values: Any,
) -> int:
    """A document of the customer: an invoice or note with one line per amount, a payment of
    the (one) amount."""
    record: dict[str, Any] = {"doc_type": doc_type, "customer": customer_id, "doc_date": on}
    if doc_type in (DocumentType.PAYMENT, DocumentType.PREPAYMENT, DocumentType.REFUND):
        record["amount"] = Decimal(amounts[0])
        record.setdefault("payment_ref", "BANK-1")
    else:
        record["lines"] = [
            {"description": f"Line {n}", "account": None, "vat_category": None, "amount": a}
            for n, a in enumerate((Decimal(amount) for amount in amounts), start=1)
        ]
    record.update(values)
    return service.save(None, record)


def released(
    service: DocumentService, customer_id: int, doc_type: DocumentType, *amounts: str, **kw: Any
) -> int:
    document_id = enter(service, customer_id, doc_type, *amounts, **kw)
    service.release(document_id)
    return document_id


def document(store: Store, document_id: int) -> ArDocument:
    with store.session() as session:
        return session.get_one(ArDocument, document_id)


def assert_stored_balance_true(store: Store, customer_id: int) -> Decimal:
    """The stored balance is the sum of the documents, the balance AR303000 shows and the
    balance as at today by the applications; the figure."""
    with store.session() as session:
        stored = stored_balance(session, customer_id)
        assert stored == balance_from_documents(session, customer_id)
        assert stored == customer_balances(session, customer_id).balance
        assert stored == balance_as_at(session, customer_id, date(2099, 1, 1))
        open_docs = session.scalars(
            select(ArDocument).where(ArDocument.customer_id == customer_id)
        ).all()
        assert all(d.balance >= 0 for d in open_docs)
    return stored


def ids(store: Store) -> dict[str, int]:
    with store.session() as session:
        found = {c.currency_id: c.id for c in session.scalars(select(Currency))}
        found |= {r.rate_type_id: r.id for r in session.scalars(select(RateType))}
        return found


def eur_rates(store: Store, *rates: tuple[date, str], rate_type: str = "SPOT") -> dict[str, int]:
    """EUR with ``rates`` in NOK by the rate type (the company's base currency is NOK)."""
    with store.transaction() as session:
        eur = session.scalar(select(Currency).where(Currency.currency_id == "EUR"))
        if eur is None:
            eur = Currency(currency_id="EUR", description="Euro", decimal_places=2)
            session.add(eur)
        kind = session.scalar(select(RateType).where(RateType.rate_type_id == rate_type))
        if kind is None:
            kind = RateType(rate_type_id=rate_type, description=rate_type.title())
            session.add(kind)
        session.flush()
        nok = session.scalar(select(Currency.id).where(Currency.currency_id == "NOK"))
        assert nok is not None
        for day, rate in rates:
            session.add(
                CurrencyRate(
                    currency_id=eur.id,
                    rate_type_id=kind.id,
                    to_currency_id=nok,
                    effective_date=day,
                    rate=Decimal(rate),
                )
            )
    return ids(store)


def eur_customer(store: Store, number: str = "20001", **values: object) -> int:
    """A customer in NOK (unless ``values`` name another currency) who may be invoiced in
    EUR, converted by SPOT rates."""
    found = ids(store)
    settings: dict[str, object] = {
        "currency_id": found["NOK"],
        "enable_currency_override": True,
        "currency_rate_type_id": found["SPOT"],
    }
    return customer(store, number, **(settings | values))
