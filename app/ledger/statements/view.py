"""A stored statement as it is printed: plain data read from the store, so the PDF renderer
(app/reports/statement_pdf.py) needs no session and no ORM."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.ledger.statements.source import id_chunks
from app.models import (
    Address,
    Branch,
    Contact,
    Country,
    Currency,
    Customer,
    Language,
    Statement,
    StatementLine,
)


@dataclass(frozen=True)
class Company:
    """The sender: the branch's company details."""

    name: str
    address: tuple[str, ...]
    country_code: str | None
    organisation_no: str | None
    vat_registration_id: str | None
    iban: str | None
    bic: str | None
    contact: str | None
    phone: str | None
    email: str | None
    logo_path: str | None


@dataclass(frozen=True)
class PrintedLine:
    doc_date: date
    doc_type: str
    ref_nbr: str
    description: str
    due_date: date | None
    debit: Decimal
    credit: Decimal
    balance: Decimal
    customer_no: str  # the account's, shown when it is not the statement customer's


@dataclass(frozen=True)
class StatementView:
    statement_id: int
    revision: int
    company: Company
    customer_no: str
    customer_name: str
    address: tuple[str, ...]  # the invoice address (the main one when Same as main)
    attention: str | None
    statement_date: date
    statement_type: str
    balance_forward: bool
    currency: str
    locale: str  # the customer's document language, e.g. nb-NO
    opening_balance: Decimal
    closing_balance: Decimal
    ageing: tuple[Decimal, ...]
    labels: tuple[str, ...]
    lines: tuple[PrintedLine, ...]


NO_COMPANY = Company("", (), None, None, None, None, None, None, None, None, None)


def _address_lines(address: Address | None, country: str | None = None) -> tuple[str, ...]:
    if address is None:
        return ()
    town = " ".join(part for part in (address.postcode, address.city) if part)
    parts = (address.address_1, address.address_2, address.address_3, town, country)
    return tuple(part for part in parts if part)


def company_details(session: Session, branch_id: int | None) -> Company:
    """The branch's company details, as statements and invoices print them (none: blank)."""
    branch = session.get(Branch, branch_id) if branch_id is not None else None
    if branch is None:
        return NO_COMPANY
    country = session.get(Country, branch.country_id) if branch.country_id else None
    town = " ".join(part for part in (branch.postcode, branch.city) if part)
    address = tuple(part for part in (branch.address_line_1, branch.address_line_2, town) if part)
    return Company(
        name=branch.company_name or branch.name,
        address=address,
        country_code=country.country_id if country else None,
        organisation_no=branch.organisation_no,
        vat_registration_id=branch.vat_registration_id,
        iban=branch.iban,
        bic=branch.bic,
        contact=branch.contact_name,
        phone=branch.phone,
        email=branch.email,
        logo_path=branch.logo_path,
    )


def _lines(session: Session, statements: Mapping[int, Statement]) -> dict[int, list[Any]]:
    """Each statement's lines in order, as plain rows: a cycle prints tens of thousands, and
    the ORM's objects (identity map, change tracking) took most of the time of reading them."""
    found: dict[int, list[Any]] = defaultdict(list)
    for chunk in id_chunks(statements):
        rows = session.execute(
            select(
                StatementLine.statement_id,
                StatementLine.doc_date,
                StatementLine.doc_type,
                StatementLine.ref_nbr,
                StatementLine.description,
                StatementLine.due_date,
                StatementLine.debit,
                StatementLine.credit,
                StatementLine.balance,
                StatementLine.customer_id,
            )
            .where(StatementLine.statement_id.in_(chunk))
            .order_by(StatementLine.statement_id, StatementLine.line_no)
        )
        for row in rows:
            found[row.statement_id].append(row)
    return found


def statement_views(session: Session, statement_ids: Collection[int]) -> list[StatementView]:
    """The printable form of each statement, in the order of ``statement_ids``."""
    statements = {
        s.id: s
        for s in session.scalars(select(Statement).where(Statement.id.in_(list(statement_ids))))
    }
    lines = _lines(session, statements)
    customer_ids = {s.customer_id for s in statements.values()}
    customer_ids |= {line.customer_id for rows in lines.values() for line in rows}
    customers = {
        c.id: c
        for c in session.scalars(
            select(Customer)
            .where(Customer.id.in_(customer_ids))
            .options(
                selectinload(Customer.main_address),
                selectinload(Customer.invoice_address),
                selectinload(Customer.main_contact),
                selectinload(Customer.invoice_contact),
            )
        )
    }
    currencies = dict(session.execute(select(Currency.id, Currency.currency_id)).all())
    languages = dict(session.execute(select(Language.id, Language.locale_id)).all())
    countries = dict(session.execute(select(Country.id, Country.name)).all())
    companies: dict[int | None, Company] = {}
    views = []
    for statement_id in statement_ids:
        s = statements.get(statement_id)
        if s is None:
            continue
        customer = customers[s.customer_id]
        if s.branch_id not in companies:
            companies[s.branch_id] = company_details(session, s.branch_id)
        address = customer.invoice_address or customer.main_address
        contact: Contact | None = customer.invoice_contact or customer.main_contact
        country = countries.get(address.country_id) if address and address.country_id else None
        currency = currencies.get(s.currency_id) if s.currency_id else None
        views.append(
            StatementView(
                statement_id=s.id,
                revision=s.revision,
                company=companies[s.branch_id],
                customer_no=customer.customer_no,
                customer_name=customer.name or "",
                address=_address_lines(address, country),
                attention=contact.attention if contact else None,
                statement_date=s.statement_date,
                statement_type=s.statement_type.label,
                balance_forward=s.statement_type.name == "BALANCE_BROUGHT_FORWARD",
                currency=currency or "",
                locale=languages.get(customer.document_language_id or 0, "en-GB"),
                opening_balance=s.opening_balance,
                closing_balance=s.closing_balance,
                ageing=s.ageing,
                labels=tuple(s.age_labels.split("\t")),
                lines=tuple(
                    PrintedLine(
                        doc_date=line.doc_date,
                        doc_type=line.doc_type,
                        ref_nbr=line.ref_nbr,
                        description=line.description or "",
                        due_date=line.due_date,
                        debit=line.debit,
                        credit=line.credit,
                        balance=line.balance,
                        customer_no=customers[line.customer_id].customer_no,
                    )
                    for line in lines.get(s.id, ())
                ),
            )
        )
    return views
