"""Statement PDFs read back with pypdf: what a customer gets on paper."""

from __future__ import annotations

import io
import stat
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy.orm import Session

from app.ledger.statements.archive import ArchiveError, archived_pdf
from app.ledger.statements.cycle import prepare_cycle
from app.ledger.statements.view import statement_views
from app.models import (
    Address,
    Branch,
    Contact,
    Country,
    Currency,
    DocumentType,
    Language,
    StatementCycle,
)
from app.models.database import Store
from app.models.options import StatementType
from app.reports.statement_pdf import render
from tests.ledger.customer_documents import add_customer, add_document

D = date(2026, 3, 31)


def text_of(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def a_company(session: Session, country: str = "NO") -> Branch:
    land = Country(country_id=country, name="Norway" if country == "NO" else "United States")
    session.add(land)
    session.flush()
    branch = Branch(
        branch_id="HQ",
        name="Head office",
        country_id=land.id,
        company_name="Nordlys Handel AS",
        address_line_1="Storgata 1",
        postcode="0155",
        city="Oslo",
        organisation_no="974 760 673",
        vat_registration_id="NO 974 760 673 MVA",
        iban="NO93 8601 1117 947",
        bic="DNBANOKKXXX",
        contact_name="Kari Nordmann",
    )
    session.add(branch)
    session.flush()
    return branch


def hostile_customer(session: Session, kind: StatementType, branch: Branch) -> int:
    eom = StatementCycle(statement_cycle_id="EOM", description="End of month")
    norsk = Language(locale_id="nb-NO", description="Norsk bokmål")
    krone = Currency(currency_id="NOK", description="Krone")
    address = Address(address_1="<b>Gate</b> & 7", postcode="5003", city="Bergen")
    contact = Contact(company_name="Smith & <Sons>", attention="Ola & <i>Nordmann</i>")
    session.add_all([eom, norsk, krone, address, contact])
    session.flush()
    owner = add_customer(
        session,
        "C100",
        "Smith & <Sons>",
        statement_cycle_id=eom.id,
        statement_type=kind,
        document_language_id=norsk.id,
        currency_id=krone.id,
        main_address_id=address.id,
        main_contact_id=contact.id,
    )
    return owner.id


def add_invoices(session: Session, customer_id: int, count: int, branch: Branch) -> None:
    from app.models import Customer

    owner = session.get_one(Customer, customer_id)
    for n in range(count):
        add_document(
            session,
            owner,
            DocumentType.INVOICE,
            "1234.5",
            ref_nbr=f"INV{n:04d}",
            doc_date=date(2026, 3, 1),
            due_date=date(2026, 3, 15),
            branch_id=branch.id,
            description=f"Deliveries <{n}> & more",
        )


def test_a_statement_prints_company_customer_lines_and_ageing(store: Store) -> None:
    with store.transaction() as session:
        branch = a_company(session)
        customer_id = hostile_customer(session, StatementType.OPEN_ITEM, branch)
        add_invoices(session, customer_id, 2, branch)
        cycle_id = session.query(StatementCycle.id).scalar()
        (statement_id,) = prepare_cycle(session, cycle_id, D).statement_ids
        data = render(statement_views(session, [statement_id]))
    (page,) = text_of(data)
    page = " ".join(page.split())  # a label and its value are read as two lines
    for expected in (
        "Nordlys Handel AS",
        "Org. no. 974 760 673",
        "VAT NO 974 760 673 MVA",
        "IBAN NO93 8601 1117 947",
        "BIC DNBANOKKXXX",
        "Smith & <Sons>",  # printed literally, not read as markup
        "Attn: Ola & <i>Nordmann</i>",
        "<b>Gate</b> & 7",
        "5003 Bergen",
        "Customer no. C100",
        "Statement date 31.03.2026",  # the customer's document language (nb-NO)
        "Currency NOK",
        "Statement type Open item",
        "Deliveries <1> & more",
        "1 234,50",
        "Closing balance",
        "2 469,00",
        # The cycle's labels over the ageing: due 15 March, 16 days past due on 31 March.
        "Current 0,00 1-30 days 2 469,00 31-60 days 0,00 61-90 days 0,00 Over 90 days 0,00",
        "Page 1 of 1",
    ):
        assert expected in page, (expected, page)


def test_a_long_statement_carries_its_balance_forward_page_to_page(store: Store) -> None:
    with store.transaction() as session:
        branch = a_company(session)
        customer_id = hostile_customer(session, StatementType.BALANCE_BROUGHT_FORWARD, branch)
        add_invoices(session, customer_id, 90, branch)
        cycle_id = session.query(StatementCycle.id).scalar()
        (statement_id,) = prepare_cycle(session, cycle_id, D).statement_ids
        (view,) = statement_views(session, [statement_id])
    pages = text_of(render([view]))
    assert len(pages) == 3
    assert [f"Page {n} of 3" in page for n, page in enumerate(pages, start=1)] == [True] * 3
    assert "Balance brought forward" in pages[0]
    # What page 1 carries forward, page 2 starts with.
    printed = [line for line in pages[0].splitlines() if line.startswith("Carried forward")]
    carried = printed[-1]
    assert carried in pages[1].splitlines()
    assert "Closing balance" in pages[2] and "Closing balance" not in pages[0]
    total = Decimal("1234.5") * 90
    assert view.closing_balance == total
    assert "111 105,00" in pages[2]


def test_letter_paper_where_the_company_s_country_uses_it(store: Store) -> None:
    with store.transaction() as session:
        branch = a_company(session, "US")
        customer_id = hostile_customer(session, StatementType.OPEN_ITEM, branch)
        add_invoices(session, customer_id, 1, branch)
        cycle_id = session.query(StatementCycle.id).scalar()
        (statement_id,) = prepare_cycle(session, cycle_id, D).statement_ids
        data = render(statement_views(session, [statement_id]))
    box = PdfReader(io.BytesIO(data)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_a_pdf_is_archived_private_with_its_checksum_and_reopened_exactly(
    store: Store, tmp_path: Path
) -> None:
    with store.transaction() as session:
        branch = a_company(session)
        customer_id = hostile_customer(session, StatementType.OPEN_ITEM, branch)
        add_invoices(session, customer_id, 1, branch)
        cycle_id = session.query(StatementCycle.id).scalar()
        (statement_id,) = prepare_cycle(session, cycle_id, D).statement_ids
        path, data = archived_pdf(session, statement_id, tmp_path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary left
    with store.transaction() as session:
        again_path, again = archived_pdf(session, statement_id, tmp_path)
    assert (again_path, again) == (path, data)
    path.write_bytes(data + b"%changed\n")
    with store.transaction() as session, pytest.raises(ArchiveError, match="has changed"):
        archived_pdf(session, statement_id, tmp_path)


def test_the_company_s_logo_is_printed(store: Store, tmp_path: Path) -> None:
    from PySide6.QtGui import QColor, QImage

    logo = tmp_path / "logo.png"
    image = QImage(120, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("navy"))
    assert image.save(str(logo))
    with store.transaction() as session:
        branch = a_company(session)
        branch.logo_path = str(logo)
        customer_id = hostile_customer(session, StatementType.OPEN_ITEM, branch)
        add_invoices(session, customer_id, 1, branch)
        cycle_id = session.query(StatementCycle.id).scalar()
        (statement_id,) = prepare_cycle(session, cycle_id, D).statement_ids
        data = render(statement_views(session, [statement_id]))
    page = PdfReader(io.BytesIO(data)).pages[0]
    assert len(page.images) == 1
