"""Golden statements, computed by hand (DESIGN §5): open item, balance brought forward over
three cycles, a payment spanning buckets, Age credits on and off, multi-currency, a parent with
two consolidating children, branches, and Regenerate after a late payment."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.ledger.statements.cycle import (
    StatementError,
    latest_statements,
    prepare_cycle,
    regenerate_last,
    regenerate_reason,
)
from app.ledger.statements.proof import proof_sheet
from app.models import (
    PREFERENCES_ID,
    Branch,
    Currency,
    Customer,
    DocumentType,
    Preferences,
    Statement,
    StatementCycle,
    StatementStamp,
)
from app.models.database import Store
from app.models.options import StatementType
from tests.ledger.customer_documents import add_application, add_customer, add_document

INVOICE, CREDIT_NOTE, PAYMENT = DocumentType.INVOICE, DocumentType.CREDIT_NOTE, DocumentType.PAYMENT
D = date(2026, 3, 31)


def money(*values: str) -> tuple[Decimal, ...]:
    return tuple(Decimal(v) for v in values)


def cycle(session: Session, code: str = "EOM") -> StatementCycle:
    found = StatementCycle(statement_cycle_id=code, description="End of month")
    session.add(found)
    session.flush()
    return found


def customer(
    session: Session,
    number: str,
    of: StatementCycle | None,
    kind: StatementType = StatementType.OPEN_ITEM,
    **values: object,
) -> Customer:
    return add_customer(
        session,
        number,
        statement_cycle_id=of.id if of else None,
        statement_type=kind,
        **values,
    )


def set_preferences(session: Session, **values: object) -> None:
    preferences = session.get(Preferences, PREFERENCES_ID)
    if preferences is None:
        session.add(Preferences(id=PREFERENCES_ID, **values))
    else:
        for key, value in values.items():
            setattr(preferences, key, value)
    session.flush()


def prepared(session: Session, of: StatementCycle, day: date = D) -> list[Statement]:
    ids = prepare_cycle(session, of.id, day).statement_ids
    return list(session.scalars(select(Statement).where(Statement.id.in_(ids))))


def pdf_text(session: Session, statement: Statement) -> str:
    """The statement's PDF as text (pypdf), whitespace made single spaces."""
    import io

    from pypdf import PdfReader

    from app.ledger.statements.view import statement_views
    from app.reports.statement_pdf import render

    data = render(statement_views(session, [statement.id]))
    pages = PdfReader(io.BytesIO(data)).pages
    return " ".join(" ".join(page.extract_text().split()) for page in pages)


def only(statements: list[Statement]) -> Statement:
    assert len(statements) == 1, statements
    return statements[0]


def lines_of(statement: Statement) -> list[tuple[str, Decimal, Decimal, Decimal]]:
    return [(line.ref_nbr, line.debit, line.credit, line.balance) for line in statement.lines]


def open_item_documents(session: Session, owner: Customer) -> None:
    """Three invoices in three buckets, an unapplied payment, a closed pair, a later invoice
    and one on hold."""
    add_document(
        session,
        owner,
        INVOICE,
        "1000",
        ref_nbr="INV1",
        doc_date=date(2026, 1, 5),
        due_date=date(2026, 1, 20),
    )  # 70 days: 61-90
    add_document(
        session,
        owner,
        INVOICE,
        "500",
        ref_nbr="INV2",
        doc_date=date(2026, 2, 10),
        due_date=date(2026, 2, 25),
    )  # 34 days: 31-60
    add_document(
        session,
        owner,
        INVOICE,
        "300",
        ref_nbr="INV3",
        doc_date=date(2026, 3, 20),
        due_date=date(2026, 4, 4),
    )  # not due: Current
    add_document(session, owner, PAYMENT, "200", ref_nbr="PAY1", doc_date=date(2026, 3, 15))
    inv0 = add_document(
        session,
        owner,
        INVOICE,
        "100",
        balance="0",
        ref_nbr="INV0",
        doc_date=date(2025, 12, 1),
        due_date=date(2025, 12, 15),
    )
    pay0 = add_document(
        session, owner, PAYMENT, "100", balance="0", ref_nbr="PAY0", doc_date=date(2025, 12, 10)
    )
    add_application(session, pay0, inv0, "100", date(2025, 12, 10))
    add_document(session, owner, INVOICE, "700", ref_nbr="INV4", doc_date=date(2026, 4, 2))
    add_document(session, owner, INVOICE, "999", ref_nbr="HOLD", released=False,
                 doc_date=date(2026, 3, 1))  # fmt: skip


def test_an_open_item_statement_lists_open_documents_aged_by_due_date(store: Store) -> None:
    with store.transaction() as session:
        eom = cycle(session)
        owner = customer(session, "C1", eom)
        open_item_documents(session, owner)
        statement = only(prepared(session, eom))
        assert lines_of(statement) == [
            ("INV1", Decimal(1000), 0, Decimal(1000)),
            ("INV2", Decimal(500), 0, Decimal(1500)),
            ("PAY1", 0, Decimal(200), Decimal(1300)),
            ("INV3", Decimal(300), 0, Decimal(1600)),
        ]
        assert statement.closing_balance == Decimal("1600")
        # Age credits cleared (the default): the open payment is a current document.
        assert statement.ageing == money("100", "0", "500", "1000", "0")
        assert statement.ledger_balance == Decimal("1600")
        assert statement.age_labels.split("\t") == [
            "Current", "1-30 days", "31-60 days", "61-90 days", "Over 90 days"
        ]  # fmt: skip
        assert all(row.ok for row in proof_sheet(session, [statement.id]))


def test_age_credits_ages_an_open_payment_by_its_own_date(store: Store) -> None:
    with store.transaction() as session:
        set_preferences(session, age_credits=True)
        eom = cycle(session)
        open_item_documents(session, customer(session, "C1", eom))
        statement = only(prepared(session, eom))
        # PAY1 of 15 March is 16 days old on 31 March: 1-30 days.
        assert statement.ageing == money("300", "-200", "500", "1000", "0")
        assert statement.closing_balance == Decimal("1600")


def test_ageing_by_document_date_uses_the_document_date(store: Store) -> None:
    with store.transaction() as session:
        eom = cycle(session)
        eom.age_based_on = eom.age_based_on.DOCUMENT_DATE
        open_item_documents(session, customer(session, "C1", eom))
        statement = only(prepared(session, eom))
        # INV1 85 days, INV2 49, INV3 11, PAY1 current (Age credits cleared).
        assert statement.ageing == money("-200", "300", "500", "1000", "0")


def test_a_payment_spanning_buckets_leaves_what_it_did_not_pay(store: Store) -> None:
    with store.transaction() as session:
        eom = cycle(session)
        owner = customer(session, "C1", eom)
        inv1 = add_document(
            session,
            owner,
            INVOICE,
            "1000",
            balance="0",
            ref_nbr="INV1",
            doc_date=date(2026, 1, 5),
            due_date=date(2026, 1, 20),
        )
        inv2 = add_document(
            session,
            owner,
            INVOICE,
            "500",
            balance="300",
            ref_nbr="INV2",
            doc_date=date(2026, 2, 10),
            due_date=date(2026, 2, 25),
        )
        add_document(
            session,
            owner,
            INVOICE,
            "300",
            ref_nbr="INV3",
            doc_date=date(2026, 3, 20),
            due_date=date(2026, 4, 4),
        )
        # 1000 of 61-90 days and 200 of 31-60 days paid.
        pay1 = add_document(session, owner, PAYMENT, "1200", balance="0", ref_nbr="PAY1",
                            doc_date=date(2026, 3, 25))  # fmt: skip
        add_application(session, pay1, inv1, "1000", date(2026, 3, 25))
        add_application(session, pay1, inv2, "200", date(2026, 3, 25))
        statement = only(prepared(session, eom))
        assert lines_of(statement) == [
            ("INV2", Decimal(300), 0, Decimal(300)),
            ("INV3", Decimal(300), 0, Decimal(600)),
        ]
        assert statement.ageing == money("300", "0", "300", "0", "0")
        assert statement.closing_balance == statement.ledger_balance == Decimal(600)


def test_balance_brought_forward_over_three_cycles(store: Store) -> None:
    with store.transaction() as session:
        eom = cycle(session)
        owner = customer(session, "C1", eom, StatementType.BALANCE_BROUGHT_FORWARD)
        # As entered by the end of March: INV1 paid 600 by PAY1 and 400 by PAY2, which also
        # paid INV2; INV3 still open.
        inv1 = add_document(
            session,
            owner,
            INVOICE,
            "1000",
            balance="0",
            ref_nbr="INV1",
            doc_date=date(2026, 1, 5),
            due_date=date(2026, 1, 20),
        )
        pay1 = add_document(
            session, owner, PAYMENT, "600", balance="0", ref_nbr="PAY1", doc_date=date(2026, 2, 10)
        )
        add_application(session, pay1, inv1, "600", date(2026, 2, 10))
        inv2 = add_document(
            session,
            owner,
            INVOICE,
            "500",
            balance="0",
            ref_nbr="INV2",
            doc_date=date(2026, 2, 20),
            due_date=date(2026, 3, 7),
        )
        pay2 = add_document(
            session, owner, PAYMENT, "900", balance="0", ref_nbr="PAY2", doc_date=date(2026, 3, 12)
        )
        add_application(session, pay2, inv1, "400", date(2026, 3, 12))
        add_application(session, pay2, inv2, "500", date(2026, 3, 12))
        add_document(session, owner, INVOICE, "250", ref_nbr="INV3",
                     doc_date=date(2026, 3, 25), due_date=date(2026, 4, 9))  # fmt: skip

        january = only(prepared(session, eom, date(2026, 1, 31)))
        assert january.opening_balance == 0
        assert lines_of(january) == [("INV1", Decimal(1000), 0, Decimal(1000))]
        assert january.closing_balance == Decimal(1000)
        assert january.ageing == money("0", "1000", "0", "0", "0")  # 11 days past due

        february = only(prepared(session, eom, date(2026, 2, 28)))
        assert february.opening_balance == Decimal(1000)  # January's closing
        assert lines_of(february) == [  # INV1 is not listed again
            ("PAY1", 0, Decimal(600), Decimal(400)),
            ("INV2", Decimal(500), 0, Decimal(900)),
        ]
        assert february.closing_balance == Decimal(900)
        # As at 28 February: 400 of INV1 (39 days past due) and INV2 (not due).
        assert february.ageing == money("500", "0", "400", "0", "0")

        march = only(prepared(session, eom, date(2026, 3, 31)))
        printed = pdf_text(session, march)
        assert march.opening_balance == Decimal(900)
        assert lines_of(march) == [
            ("PAY2", 0, Decimal(900), Decimal(0)),
            ("INV3", Decimal(250), 0, Decimal(250)),
        ]
        assert march.ageing == money("250", "0", "0", "0", "0")
        # On paper: brought forward, the movements with their running balance, the closing
        # balance (the ledger's as at 31 March, to the cent) and the ageing.
        for expected in (
            "Balance brought forward 900.00",
            "PAY2 900.00 0.00",
            "INV3 09/04/2026 250.00 250.00",  # no document language: en-GB
            "Closing balance 250.00 900.00 250.00",
            "Current 250.00 1-30 days 0.00",
        ):
            assert expected in printed, (expected, printed)
        rows = proof_sheet(session, [january.id, february.id, march.id])
        assert [row.problems for row in rows] == [(), (), ()]
        assert session.scalar(select(StatementCycle.last_statement_date)) == D
        assert session.scalar(select(StatementCycle.next_statement_date)) == date(2026, 4, 30)


def test_a_cycle_is_not_prepared_twice_for_a_date(store: Store) -> None:
    with store.transaction() as session:
        eom = cycle(session)
        add_document(session, customer(session, "C1", eom), INVOICE, "10")
        prepared(session, eom)
        with pytest.raises(StatementError, match="last prepared on 2026-03-31"):
            prepare_cycle(session, eom.id, D)


def test_only_the_cycle_s_customers_get_statements(store: Store) -> None:
    with store.transaction() as session:
        eom, weekly = cycle(session), cycle(session, "WEEK")
        add_document(session, customer(session, "C1", eom), INVOICE, "10")
        add_document(session, customer(session, "C2", weekly), INVOICE, "20")
        add_document(session, customer(session, "C3", None), INVOICE, "30")
        statement = only(prepared(session, eom))
        assert statement.closing_balance == Decimal(10)


def currencies(session: Session) -> tuple[Currency, Currency]:
    krone = Currency(currency_id="NOK", description="Krone")
    euro = Currency(currency_id="EUR", description="Euro")
    session.add_all([krone, euro])
    session.flush()
    return krone, euro


def test_multi_currency_statements_make_one_statement_per_currency(store: Store) -> None:
    with store.transaction() as session:
        eom = cycle(session)
        krone, euro = currencies(session)
        many = customer(session, "C1", eom, multi_currency_statements=True, currency_id=krone.id)
        single = customer(session, "C2", eom, currency_id=krone.id)
        for owner in (many, single):
            add_document(session, owner, INVOICE, "100", currency_id=krone.id)
            add_document(session, owner, INVOICE, "40", currency_id=euro.id)
        statements = prepared(session, eom)
        got = {(s.customer_id, s.currency_id): s.closing_balance for s in statements}
        assert got == {
            (many.id, krone.id): Decimal(100),
            (many.id, euro.id): Decimal(40),
            # Without the setting: one statement in the customer's currency.
            (single.id, krone.id): Decimal(140),
        }


def test_a_parent_s_statement_holds_its_consolidating_children(store: Store) -> None:
    with store.transaction() as session:
        eom = cycle(session)
        parent = customer(session, "P", eom)
        first = customer(
            session, "K1", None, parent_account_id=parent.id, consolidate_statements=True
        )
        second = customer(
            session, "K2", eom, parent_account_id=parent.id, consolidate_statements=True
        )
        own = customer(session, "K3", eom, parent_account_id=parent.id)  # fmt: skip
        add_document(session, parent, INVOICE, "100", ref_nbr="P1", doc_date=date(2026, 3, 1))
        add_document(session, first, INVOICE, "200", ref_nbr="K11", doc_date=date(2026, 3, 2))
        add_document(session, second, INVOICE, "300", ref_nbr="K21", doc_date=date(2026, 3, 3))
        add_document(session, own, INVOICE, "50", ref_nbr="K31", doc_date=date(2026, 3, 4))
        statements = prepared(session, eom)
        by_customer = {s.customer_id: s for s in statements}
        assert set(by_customer) == {parent.id, own.id}
        on_parent = by_customer[parent.id]
        assert [(line.ref_nbr, line.customer_id) for line in on_parent.lines] == [
            ("P1", parent.id), ("K11", first.id), ("K21", second.id)
        ]  # fmt: skip
        assert on_parent.closing_balance == on_parent.ledger_balance == Decimal(600)
        printed = pdf_text(session, on_parent)
        # A child account's document says whose it is.
        assert "K11 K1:" in printed and "K21 K2:" in printed
        assert "P1 100.00 100.00" in printed  # its own, without a prefix
        assert by_customer[own.id].closing_balance == Decimal(50)
        assert regenerate_reason(session, first.id) == (
            "The customer's documents are on its parent account's statements."
        )


def branches(session: Session) -> tuple[Branch, Branch]:
    north = Branch(branch_id="NORTH", name="North")
    south = Branch(branch_id="SOUTH", name="South")
    session.add_all([north, south])
    session.flush()
    return north, south


def test_one_statement_per_branch_unless_consolidated_for_all_branches(store: Store) -> None:
    """(Named in tests/ledger/test_setting_readers.py: a disabled value ignored.)"""
    with store.transaction() as session:
        north, south = branches(session)
        eom = cycle(session)
        owner = customer(session, "C1", eom)
        add_document(session, owner, INVOICE, "100", branch_id=north.id)
        add_document(session, owner, INVOICE, "30", branch_id=south.id)
        # Statement from branch is disabled without the consolidation: it changes nothing.
        set_preferences(session, statement_from_branch_id=south.id)
        statements = prepared(session, eom, date(2026, 2, 28))
        assert {s.branch_id: s.closing_balance for s in statements} == {
            north.id: Decimal(100),
            south.id: Decimal(30),
        }
    with store.transaction() as session:
        set_preferences(
            session, consolidate_statements_for_all_branches=True, statement_from_branch_id=south.id
        )
        statement = only(prepared(session, session.get_one(StatementCycle, eom.id)))
        assert (statement.branch_id, statement.closing_balance) == (south.id, Decimal(130))


def test_regenerate_after_a_late_payment_keeps_the_opening_and_the_earlier_revision(
    store: Store,
) -> None:
    with store.transaction() as session:
        eom = cycle(session)
        owner = customer(session, "C1", eom, StatementType.BALANCE_BROUGHT_FORWARD)
        inv1 = add_document(session, owner, INVOICE, "800", ref_nbr="INV1",
                            doc_date=date(2026, 1, 5), due_date=date(2026, 1, 20))  # fmt: skip
        prepared(session, eom, date(2026, 1, 31))
        add_document(session, owner, INVOICE, "1000", ref_nbr="INV2",
                     doc_date=date(2026, 2, 5), due_date=date(2026, 2, 20))  # fmt: skip
        first = only(prepared(session, eom, date(2026, 2, 28)))
        first_id = first.id
        assert (first.opening_balance, first.closing_balance) == (Decimal(800), Decimal(1800))
        # A payment of 27 February entered after the statements were prepared.
        pay1 = add_document(session, owner, PAYMENT, "600", balance="0", ref_nbr="PAY1",
                            doc_date=date(2026, 2, 27))  # fmt: skip
        inv1.balance = Decimal(200)  # applied to the oldest invoice
        add_application(session, pay1, inv1, "600", date(2026, 2, 27))
        session.flush()
        new_ids = regenerate_last(session, owner.id)
        again = only(list(session.scalars(select(Statement).where(Statement.id.in_(new_ids)))))
        assert again.statement_date == date(2026, 2, 28)
        assert again.revision == 2 and again.current
        assert again.opening_balance == Decimal(800)  # the same opening balance
        assert lines_of(again) == [
            ("INV2", Decimal(1000), 0, Decimal(1800)),
            ("PAY1", 0, Decimal(600), Decimal(1200)),
        ]
        assert again.closing_balance == again.ledger_balance == Decimal(1200)
        assert "PAY1 600.00 1,200.00" in pdf_text(session, again)
        # 200 left of INV1 (39 days past due), INV2 8 days past due.
        assert again.ageing == money("0", "1000", "200", "0", "0")
        earlier = session.get_one(Statement, first_id)
        assert (earlier.revision, earlier.current) == (1, False)
        assert latest_statements(session, owner.id) == [again]
        stamped = session.scalars(
            select(StatementStamp.statement_id).where(StatementStamp.statement_id == first_id)
        ).all()
        assert stamped == []  # the earlier revision's stamps were cleared
        assert all(row.ok for row in proof_sheet(session, new_ids))


def test_regenerate_needs_a_statement(store: Store) -> None:
    with store.transaction() as session:
        owner = customer(session, "C1", cycle(session))
        assert regenerate_reason(session, owner.id) == (
            "The customer has no statement yet: statements are made by Prepare statements."
        )
        with pytest.raises(StatementError):
            regenerate_last(session, owner.id)


def test_the_proof_sheet_flags_an_opening_that_is_not_the_previous_closing(store: Store) -> None:
    with store.transaction() as session:
        eom = cycle(session)
        owner = customer(session, "C1", eom, StatementType.BALANCE_BROUGHT_FORWARD)
        add_document(session, owner, INVOICE, "100", doc_date=date(2026, 1, 10))
        january = only(prepared(session, eom, date(2026, 1, 31)))
        add_document(session, owner, INVOICE, "50", doc_date=date(2026, 2, 10))
        february = only(prepared(session, eom, date(2026, 2, 28)))
        january.closing_balance = Decimal("90")  # as if January had printed 90
        session.flush()
        (row,) = proof_sheet(session, [february.id])
        assert row.problems == (
            "opening balance 100.00 is not the previous statement's closing balance 90.00",
        )


def test_aged_receivables_age_every_customer_as_statements_do(store: Store) -> None:
    from app.ledger.statements.aged_receivables import aged_receivables

    with store.transaction() as session:
        eom = cycle(session)
        open_item_documents(session, customer(session, "C1", eom))
        other = customer(session, "C2", None)
        add_document(session, other, INVOICE, "50", doc_date=date(2025, 10, 1),
                     due_date=date(2025, 10, 31))  # fmt: skip
        customer(session, "C3", None)  # nothing open: not listed
        report = aged_receivables(session, eom.id, D)
        assert [(row.customer_no, row.buckets) for row in report.rows] == [
            ("C1", money("100", "0", "500", "1000", "0")),
            ("C2", money("0", "0", "0", "0", "50")),  # 151 days past due
        ]
        assert report.totals == money("100", "0", "500", "1000", "50")
        assert report.rows[0].overdue == Decimal(1500)


def test_the_statement_type_decides_what_the_statement_lists(store: Store) -> None:
    """The same ledger on two customers, one of each type, after a first statement."""
    with store.transaction() as session:
        eom = cycle(session)
        kinds = (StatementType.OPEN_ITEM, StatementType.BALANCE_BROUGHT_FORWARD)
        owners = [customer(session, f"C{n}", eom, kind) for n, kind in enumerate(kinds)]
        for owner in owners:
            invoice = add_document(
                session,
                owner,
                INVOICE,
                "400",
                balance="100",
                ref_nbr=f"A{owner.id}",
                doc_date=date(2026, 1, 10),
                due_date=date(2026, 2, 10),
            )
            payment = add_document(session, owner, PAYMENT, "300", balance="0",
                                   ref_nbr=f"P{owner.id}", doc_date=date(2026, 2, 20))  # fmt: skip
            add_application(session, payment, invoice, "300", date(2026, 2, 20))
        prepared(session, eom, date(2026, 1, 31))
        by_type = {s.statement_type: s for s in prepared(session, eom, date(2026, 2, 28))}
        open_item = by_type[StatementType.OPEN_ITEM]
        forward = by_type[StatementType.BALANCE_BROUGHT_FORWARD]
        assert lines_of(open_item) == [(f"A{owners[0].id}", Decimal(100), 0, Decimal(100))]
        assert lines_of(forward) == [(f"P{owners[1].id}", 0, Decimal(300), Decimal(100))]
        assert forward.opening_balance == Decimal(400)
        assert open_item.closing_balance == forward.closing_balance == Decimal(100)


def test_an_application_made_after_the_statement_date_leaves_both_open_then(
    store: Store,
) -> None:
    """A payment on account on 20 January, applied to the invoice on 10 February: on the
    statement of 31 January both are open — what was true then, whatever was applied since."""
    with store.transaction() as session:
        eom = cycle(session)
        owner = customer(session, "C1", eom)
        invoice = add_document(session, owner, INVOICE, "1000", balance="0", ref_nbr="INV1",
                               doc_date=date(2026, 1, 5), due_date=date(2026, 1, 20))  # fmt: skip
        payment = add_document(session, owner, PAYMENT, "1000", balance="0", ref_nbr="PAY1",
                               doc_date=date(2026, 1, 20))  # fmt: skip
        add_application(session, payment, invoice, "1000", date(2026, 2, 10))
        january = only(prepared(session, eom, date(2026, 1, 31)))
        assert lines_of(january) == [
            ("INV1", Decimal(1000), 0, Decimal(1000)),
            ("PAY1", 0, Decimal(1000), Decimal(0)),
        ]
        assert january.closing_balance == january.ledger_balance == Decimal(0)
        # By February nothing is open and nothing moved since: no statement is made.
        assert prepared(session, eom, date(2026, 2, 28)) == []
