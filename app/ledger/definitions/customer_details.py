"""Customer details (AR402000): a read-only inquiry of one customer's documents with their
balances, and the customer's balances (app/ledger/balances.py). Nothing on it is saved: the
documents are entered on AR301000, the customer edited on AR303000."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.ledger.balances import customer_balances, sign
from app.ledger.currency_rates import base_places, to_base
from app.ledger.fields import Definition, Field, Grid, Kind
from app.ledger.records import FieldError, RecordService, ScreenRules, ValidationError
from app.models import ArDocument, Currency, Customer, DocumentStatus, DocumentType
from app.models.database import Store

DOCUMENTS = "documents"

FIELDS: tuple[Field, ...] = (
    Field("customer_no", "Customer", Kind.TEXT, required=True),
    Field("customer_name", "Customer name", Kind.TEXT, attr="name", read_only=True),
    Field("balance", "Balance", Kind.MONEY, read_only=True),
    Field("prepayment_balance", "Prepayment balance", Kind.MONEY, read_only=True),
    Field("unreleased_balance", "Unreleased balance", Kind.MONEY, read_only=True),
    Field("first_due_date", "First due date", Kind.DATE, read_only=True),
)

DOCUMENTS_GRID = Grid(
    "Documents",
    DOCUMENTS,
    (
        Field("doc_type", "Type", Kind.OPTION, options=DocumentType, read_only=True),
        Field("ref_nbr", "Reference no.", Kind.TEXT, read_only=True),
        Field("doc_date", "Date", Kind.DATE, read_only=True),
        Field("due_date", "Due date", Kind.DATE, read_only=True),
        Field("status", "Status", Kind.OPTION, options=DocumentStatus, read_only=True),
        Field(
            "currency",
            "Currency",
            Kind.TEXT,
            read_only=True,
            help="The currency of the document's amount and balance.",
        ),
        Field("amount", "Amount", Kind.MONEY, read_only=True),
        Field("balance", "Balance", Kind.MONEY, read_only=True),
        Field(
            "signed_balance",
            "Balance (signed)",
            Kind.MONEY,
            read_only=True,
            help="What the document adds to the customer's balance, in the base currency (a "
            "document in another currency at the rate it was entered at): a credit is negative.",
        ),
        Field("description", "Description", Kind.TEXT, read_only=True),
    ),
    view=True,
    help="Every document of the customer, newest first, with what is still open of it.",
)

CUSTOMER_DETAILS = Definition("customer details", Customer, FIELDS, grids=(DOCUMENTS_GRID,))


class CustomerDetailsService(RecordService[Customer]):
    """Reads a customer with its documents; refuses to save or delete (an inquiry)."""

    noun = "customer"

    def __init__(self, store: Store, rules: ScreenRules | None = None) -> None:
        super().__init__(store, Customer, rules or CUSTOMER_DETAILS.rules(), ("customer_no",))

    def values_of(self, session: Session, record: Customer) -> dict[str, Any]:
        values = super().values_of(session, record)
        figures = asdict(customer_balances(session, record.id))
        values |= {key: figures[key] for key in FIELDS_FROM_BALANCES}
        values[DOCUMENTS] = documents_of(session, record.id)
        return values

    def save(
        self,
        record_id: int | None,
        values: Mapping[str, Any],
        version: int | None = None,
        loaded: Mapping[str, Any] | None = None,
    ) -> int:
        raise ValidationError(
            [
                FieldError(
                    "customer_no",
                    "Customer",
                    "Customer details is an inquiry: nothing on it is saved. Edit the customer "
                    "on Customers (AR303000) and its documents on Customer documents "
                    "(AR301000).",
                )
            ]
        )

    def delete_refusal(self, session: Session, record: Customer) -> str | None:
        return "Customer details is an inquiry: delete the customer on Customers (AR303000)."


FIELDS_FROM_BALANCES = ("balance", "prepayment_balance", "unreleased_balance", "first_due_date")


def documents_of(session: Session, customer_id: int) -> list[dict[str, Any]]:
    """The customer's documents, newest first, as the Documents grid shows them."""
    documents = session.scalars(
        select(ArDocument)
        .where(ArDocument.customer_id == customer_id)
        .order_by(ArDocument.doc_date.desc(), ArDocument.ref_nbr.desc())
    )
    codes = {
        row.id: row.currency_id
        for row in session.execute(select(Currency.id, Currency.currency_id))
    }
    places = base_places(session)
    return [
        {
            "id": document.id,
            "doc_type": document.doc_type,
            "ref_nbr": document.ref_nbr,
            "doc_date": document.doc_date,
            "due_date": document.due_date,
            "status": document.status,
            "currency": codes.get(document.currency_id, ""),
            "amount": document.amount,
            "balance": document.balance,
            "signed_balance": sign(document.doc_type)
            * to_base(document.balance, document.currency_rate, places)
            if document.released and document.status == DocumentStatus.OPEN
            else document.balance * 0,
            "description": document.description,
        }
        for document in documents
    ]
