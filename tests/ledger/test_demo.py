"""Demo company: deterministic, plausible, fast to make; only into an empty or demo database."""

from __future__ import annotations

import shutil
import sys
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app.ledger.accounting import iban_problem
from app.ledger.balances import ZERO, customer_balances, sign
from app.ledger.currency_rates import effective_rate, realised_gain_loss, to_base
from app.ledger.demo import (
    DEMO_MARK,
    DemoCancelledError,
    DemoError,
    create_demo_company,
    demo_database_path,
    is_demo,
    location_code,
)
from app.ledger.documents.open_amounts import open_amount_as_at
from app.ledger.documents.stored_balance import balance_from_documents, stored_balance
from app.ledger.payment_methods import bic_problem
from app.ledger.setup import set_up_company
from app.models import (
    ArApplication,
    ArDocument,
    Base,
    Branch,
    Currency,
    Customer,
    CustomerClass,
    CustomerPaymentMethod,
    CustomerStatus,
    DocumentStatus,
    DocumentType,
    Location,
    NumberSeries,
    PaymentTerms,
    Preferences,
    Supplier,
)
from app.models.database import Store
from app.models.options import ExportType
from app.models.startup import open_store

STAMPS = {"created_at", "modified_at"}


@pytest.fixture
def other_store(tmp_path: Path, migrated_template: Path) -> Iterator[Store]:
    """A second empty ledger, to compare two runs."""
    path = tmp_path / "other.sqlite"
    shutil.copyfile(migrated_template, path)
    store = open_store(f"sqlite:///{path}", backup_dir=tmp_path / "backups")
    yield store
    store.dispose()


def dump(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in key order, without the time stamps."""
    tables: dict[str, list[tuple[Any, ...]]] = {}
    with store.session() as session:
        for table in Base.metadata.sorted_tables:
            columns = [column for column in table.columns if column.key not in STAMPS]
            rows = session.execute(select(*columns).order_by(*table.primary_key.columns))
            tables[table.name] = [tuple(row) for row in rows]
    return tables


def counts(store: Store) -> dict[str, int]:
    return {name: len(rows) for name, rows in dump(store).items()}


def test_the_same_seed_makes_the_same_company(store: Store, other_store: Store) -> None:
    create_demo_company(store, customers=300, seed=7)
    create_demo_company(other_store, customers=300, seed=7)
    first, second = dump(store), dump(other_store)
    assert first == second
    assert len(first["customer"]) == 300


def test_another_seed_makes_another_company(store: Store, other_store: Store) -> None:
    create_demo_company(store, customers=50, seed=1)
    create_demo_company(other_store, customers=50, seed=2)
    with store.session() as one, other_store.session() as two:
        names = select(Customer.name).order_by(Customer.id)
        assert one.scalars(names).all() != two.scalars(names).all()


def test_a_plausible_company(store: Store) -> None:
    summary = create_demo_company(store, customers=400, seed=3)
    assert summary.customers == 400
    assert summary.classes == ("DOMESTIC", "KEYACCT", "EU", "EXPORT", "USD")
    with store.session() as session:
        customers = session.scalars(select(Customer).order_by(Customer.id)).all()
        numbers = [customer.customer_no for customer in customers]
        assert numbers == [str(number) for number in range(10001, 10401)]
        series = session.scalars(
            select(NumberSeries).where(NumberSeries.series_id == "CUSTOMER")
        ).one()
        assert series.last_number == "10400"  # the next customer saved gets 10401

        statuses = Counter(customer.status for customer in customers)
        assert statuses[CustomerStatus.ACTIVE] > 0.8 * 400
        assert len(statuses) > 1
        by_class = Counter(
            customer.customer_class.class_id for customer in customers if customer.customer_class
        )
        assert set(by_class) == {"DOMESTIC", "KEYACCT", "EU", "EXPORT", "USD"}
        assert all(customer.name for customer in customers)
        assert any(not name.isascii() for name in (c.name or "" for c in customers))  # æøåäö

        classes = {c.class_id: c for c in session.scalars(select(CustomerClass))}
        assert {"DEFAULT", "DOMESTIC", "EU", "EXPORT", "USD", "KEYACCT"} == set(classes)
        currency = dict(session.execute(select(Currency.id, Currency.currency_id)).all())
        assert currency[classes["USD"].currency_id] == "USD"
        assert currency[classes["EU"].currency_id] == "EUR"
        assert currency[classes["DOMESTIC"].currency_id] == "NOK"
        assert classes["EU"].export_type is ExportType.EU
        assert classes["EXPORT"].export_type is ExportType.EXPORT
        assert all(len(c.mailings) == 4 for c in classes.values())

        defaults = session.execute(
            select(Location.customer_id, Location.location_id).where(Location.is_default)
        ).all()
        assert sorted(customer_id for customer_id, _ in defaults) == [c.id for c in customers]
        assert {location_id for _, location_id in defaults} == {"MAIN"}
        per_customer = Counter(session.scalars(select(Location.customer_id)))
        with_more = sum(1 for count in per_customer.values() if count > 1)
        assert 0.1 * 400 < with_more < 0.4 * 400
        assert summary.locations == sum(per_customer.values())

        branch = session.scalars(select(Branch).where(Branch.branch_id == "MAIN")).one()
        assert branch.name.endswith(DEMO_MARK)
        assert is_demo(session)


def test_progress_is_reported_and_can_cancel(store: Store) -> None:
    heard: list[tuple[int, int]] = []
    create_demo_company(store, customers=1200, progress=lambda *step: heard.append(step))
    assert heard[0] == (0, 1200) and heard[-1] == (1200, 1200)
    assert [done for done, _ in heard] == sorted(done for done, _ in heard)
    assert len(heard) > 2

    def cancel(done: int, _total: int) -> bool:
        return done == 0

    with pytest.raises(DemoCancelledError):
        create_demo_company(store, customers=1200, progress=cancel, replace=True)
    with store.session() as session:
        # Cancelled inside the transaction: the earlier demo is as it was.
        assert session.scalar(select(func.count()).select_from(Customer)) == 1200


def test_an_earlier_demo_is_replaced_only_when_asked(store: Store) -> None:
    create_demo_company(store, customers=20, seed=1)
    with pytest.raises(DemoError, match="not an empty database or a demo company"):
        create_demo_company(store, customers=20, seed=1)
    create_demo_company(store, customers=30, seed=2, replace=True)
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(Customer)) == 30
        assert session.scalar(select(func.min(Customer.customer_no))) == "10001"


def test_a_ledger_that_is_no_demo_is_left_alone(store: Store) -> None:
    set_up_company(store, base_currency="NOK", country="NO", language="nb-NO")
    with store.transaction() as session:
        session.add(Customer(customer_no="1", name="A real customer"))
    before = dump(store)
    with pytest.raises(DemoError, match="left as it is"):
        create_demo_company(store, customers=10, replace=True)
    assert dump(store) == before


def test_no_customers_still_makes_the_company(store: Store) -> None:
    summary = create_demo_company(store, customers=0)
    assert (summary.customers, summary.locations) == (0, 0)
    assert counts(store)["customer_class"] == 6
    with pytest.raises(DemoError, match="cannot be negative"):
        create_demo_company(store, customers=-1, replace=True)


def test_location_codes_from_place_names() -> None:
    assert location_code("Tromsø") == "TROMSO"
    assert location_code("Ærøskøbing") == "AEROSKOBIN"
    assert location_code("Kongens Lyngby") == "KONGENSLYN"
    assert location_code("Västerås") == "VASTERAS"
    assert location_code("'s-Hertogenbosch") == "SHERTOGENB"
    assert location_code("???") == "LOC"
    assert location_code("Bergen", {"BERGEN"}) == "BERGEN2"
    assert location_code("Kristiansand", {"KRISTIANSA", "KRISTIANS2"}) == "KRISTIANS3"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG folders are Linux's")
def test_the_demo_database_lives_in_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert demo_database_path() == tmp_path / "customer-ledger" / "demo.sqlite"


# -- what a user looking at the demo company notices ---------------------------------------------

AS_AT = date(2026, 3, 15)


def test_each_customer_has_its_main_location_with_its_address(store: Store) -> None:
    create_demo_company(store, customers=300, seed=5, as_at=AS_AT)
    with store.session() as session:
        customers = session.scalars(select(Customer).order_by(Customer.id)).all()
        own_invoice_address = own_location_address = 0
        for customer in customers:
            main = customer.default_location
            assert main is not None and main.location_id == "MAIN", customer
            # Marked as the main location in the store, the only one of the customer.
            assert [
                location.location_id for location in customer.locations if location.is_main
            ] == ["MAIN"]
            # Same as main: the very same address and contact records, not copies.
            assert main.address_same_as_main and main.address is customer.main_address
            assert main.contact_same_as_main and main.contact is customer.main_contact
            assert customer.main_address is not None and customer.main_address.city
            assert customer.main_contact is not None and customer.main_contact.email
            if customer.invoice_address_same_as_main:
                assert customer.invoice_address is customer.main_address
            else:
                own_invoice_address += 1
                assert customer.invoice_address is not customer.main_address
            for location in customer.locations:
                if location is not main:
                    assert not location.address_same_as_main
                    assert location.address is not customer.main_address
                    own_location_address += 1
            assert main.sales_account_id is not None
            assert customer.cash_discount_account_id is not None
            assert customer.customer_class is not None
            assert main.vat_zone_id == customer.customer_class.vat_zone_id
            defaults = [m for m in customer.payment_methods if m.is_default]
            assert len(defaults) == 1, customer
        assert own_invoice_address > 0 and own_location_address > 0
        assert session.scalar(
            select(func.count())
            .select_from(Location)
            .where(Location.shipping_zone_id.is_not(None), Location.warehouse_id.is_not(None))
        ) == len(session.scalars(select(Location)).all())


def test_direct_debit_customers_have_a_mandate_and_an_iban(store: Store) -> None:
    create_demo_company(store, customers=300, seed=5, as_at=AS_AT)
    with store.session() as session:
        methods = session.scalars(
            select(CustomerPaymentMethod).where(CustomerPaymentMethod.is_default)
        ).all()
        direct_debits = [m for m in methods if m.details]
        assert direct_debits
        for method in direct_debits:
            values = {d.payment_method_detail.detail_id: d.value for d in method.details}
            assert values["MANDATE"]
            assert iban_problem(values["IBAN"]) is None


def test_direct_debit_customers_signed_the_mandate_their_method_names(store: Store) -> None:
    create_demo_company(store, customers=300, seed=5, as_at=AS_AT)
    with store.session() as session:
        customers = session.scalars(select(Customer)).all()
        with_mandates = [c for c in customers if c.mandates]
        assert with_mandates
        for customer in customers:
            direct_debit = [m for m in customer.payment_methods if m.details]
            assert bool(direct_debit) == bool(customer.mandates), customer.customer_no
            # Exactly one default payment method each.
            assert [m.is_default for m in customer.payment_methods].count(True) == 1
        for customer in with_mandates:
            [mandate] = customer.mandates
            [method] = [m for m in customer.payment_methods if m.details]
            values = {d.payment_method_detail.detail_id: d.value for d in method.details}
            assert (mandate.mandate_id, mandate.iban) == (values["MANDATE"], values["IBAN"])
            assert mandate.is_default and mandate.date_of_signature == AS_AT - timedelta(days=365)
            assert bic_problem(mandate.bic or "") is None


def test_finnish_companies_have_finvoice_ids(store: Store) -> None:
    create_demo_company(store, customers=300, seed=5, as_at=AS_AT)
    with store.session() as session:
        finnish = session.scalars(
            select(Customer).where(Customer.finvoice_contract_id.is_not(None))
        ).all()
        assert finnish
        for customer in finnish:
            assert customer.finvoice_contract_id.startswith("0037")  # type: ignore[union-attr]
            assert len(customer.finvoice_contract_id or "") == 12
            assert customer.finvoice_intermediator_id == "NDEAFIHH"


def test_a_parent_account_has_child_accounts(store: Store) -> None:
    create_demo_company(store, customers=500, seed=5, as_at=AS_AT)
    with store.session() as session:
        children = session.scalars(
            select(Customer).where(Customer.parent_account_id.is_not(None))
        ).all()
        assert children
        parents = {child.parent_account_id for child in children}
        for child in children:
            parent = child.parent_account
            assert parent is not None and parent.parent_account_id is None
            assert child.name.startswith(parent.name or "")
            assert not child.shared_credit_policy or child.consolidate_balance
        parent_id = next(iter(parents))
        assert customer_balances(session, parent_id).consolidated_balance is not None


def test_a_year_of_documents_adds_up_to_each_balance(store: Store) -> None:
    create_demo_company(store, customers=300, seed=5, as_at=AS_AT)
    with store.session() as session:
        documents = session.scalars(select(ArDocument)).all()
        types = Counter(document.doc_type for document in documents)
        assert types[DocumentType.INVOICE] > 5 * 300
        assert types[DocumentType.PAYMENT] > 0 and types[DocumentType.CREDIT_NOTE] > 0
        assert all(AS_AT - timedelta(days=365) <= d.doc_date <= AS_AT for d in documents)

        owed: dict[int, Decimal] = {}
        open_: dict[int, Decimal] = {}
        in_base: dict[int, Decimal] = {}
        for document in documents:
            assert ZERO <= document.balance <= document.amount
            assert (document.balance == 0) == (document.status is DocumentStatus.CLOSED)
            if not document.released:
                continue
            owed[document.customer_id] = (
                owed.get(document.customer_id, ZERO) + sign(document.doc_type) * document.amount
            )
            open_[document.customer_id] = (
                open_.get(document.customer_id, ZERO) + sign(document.doc_type) * document.balance
            )
            converted = to_base(document.balance, document.currency_rate, 2)
            in_base[document.customer_id] = (
                in_base.get(document.customer_id, ZERO) + sign(document.doc_type) * converted
            )
        # Every payment and credit note is applied to the customer's own documents: what was
        # invoiced less what was paid and credited is what is still open.
        assert owed == open_
        # The balance is in kroner: euro and dollar documents at the rate of their month.
        for customer_id, balance in in_base.items():
            assert customer_balances(session, customer_id).balance == balance
            assert stored_balance(session, customer_id) == balance
        nok = session.scalars(select(Currency.id).where(Currency.currency_id == "NOK")).one()
        foreign = [d for d in documents if d.currency_rate is not None]
        assert foreign and all(d.currency_id != nok for d in foreign)
        assert all(d.currency_id in (nok, None) for d in documents if d.currency_rate is None)
        for document in foreign[:50]:
            assert document.currency_rate == effective_rate(
                session, document.currency_id, nok, document.rate_type_id, document.doc_date
            )
        # A euro payment of a euro invoice of another month gains or loses by their rates.
        rate_of = {d.id: d.currency_rate for d in documents}
        applied = session.scalars(select(ArApplication)).all()
        assert all(
            a.realised_gain_loss
            == realised_gain_loss(
                a.amount, rate_of[a.credit_document_id], rate_of[a.debit_document_id], 2
            )
            for a in applied
        )
        assert any(a.realised_gain_loss > 0 for a in applied)
        assert any(a.realised_gain_loss < 0 for a in applied)

        invoices = [d for d in documents if d.doc_type is DocumentType.INVOICE and d.released]
        closed = sum(1 for d in invoices if d.status is DocumentStatus.CLOSED)
        overdue = [d for d in invoices if d.balance and d.due_date and d.due_date < AS_AT]
        assert closed > 0.6 * len(invoices)
        assert overdue
        terms = {
            c.id: c.customer_class.terms_id
            for c in session.scalars(select(Customer))
            if c.customer_class
        }
        due_days = dict(session.execute(select(PaymentTerms.id, PaymentTerms.due_days)).all())
        for invoice in invoices:
            assert invoice.due_date == invoice.doc_date + timedelta(
                days=due_days[terms[invoice.customer_id]]
            )


def test_the_applications_explain_every_open_balance_and_the_stored_balances(
    store: Store,
) -> None:
    """What is open of each demo document follows from its applications, as for documents
    entered by hand, so statements as at any date are true; the stored balances add up."""
    create_demo_company(store, customers=200, seed=7, as_at=AS_AT)
    with store.session() as session:
        documents = session.scalars(select(ArDocument).where(ArDocument.released)).all()
        customer_ids = {d.customer_id for d in documents}
        assert session.scalar(select(func.count()).select_from(ArApplication)) > len(customer_ids)
        open_now = open_amount_as_at(session, customer_ids, AS_AT)
        assert open_now == {d.id: d.balance for d in documents if d.balance}
        for customer_id in customer_ids:
            assert stored_balance(session, customer_id) == balance_from_documents(
                session, customer_id
            )
        # A year ago nothing was open yet; half a year ago less than all.
        assert open_amount_as_at(session, customer_ids, AS_AT - timedelta(days=366)) == {}
        then = open_amount_as_at(session, customer_ids, AS_AT - timedelta(days=180))
        assert then and set(then) != set(open_now)


def test_documents_are_numbered_from_the_preferences_series(store: Store) -> None:
    create_demo_company(store, customers=300, seed=5, as_at=AS_AT)
    with store.session() as session:
        preferences = session.scalars(select(Preferences)).one()
        for doc_type, series_id in (
            (DocumentType.INVOICE, preferences.invoice_number_series_id),
            (DocumentType.CREDIT_NOTE, preferences.credit_note_number_series_id),
            (DocumentType.PAYMENT, preferences.payment_number_series_id),
        ):
            series = session.get_one(NumberSeries, series_id)
            rows = session.execute(
                select(ArDocument.ref_nbr, ArDocument.number_series_id, ArDocument.doc_date)
                .where(ArDocument.doc_type == doc_type)
                .order_by(ArDocument.ref_nbr)
            ).all()
            assert {series_id} == {row.number_series_id for row in rows}
            assert rows[0].ref_nbr == series.start_number
            assert series.last_number == rows[-1].ref_nbr  # the next document follows on
            # In date order (one batch of customers here).
            assert [row.doc_date for row in rows] == sorted(row.doc_date for row in rows)


def test_some_customers_are_suppliers_too_sharing_number_name_and_address(store: Store) -> None:
    summary = create_demo_company(store, customers=300, seed=5, as_at=AS_AT)
    with store.session() as session:
        suppliers = session.scalars(select(Supplier)).all()
        assert summary.suppliers == len(suppliers)
        assert 5 <= len(suppliers) < 60  # some, not most
        for supplier in suppliers:
            customer = supplier.customer
            assert customer is not None
            assert (supplier.supplier_no, supplier.name) == (customer.customer_no, customer.name)
            assert supplier.main_address_id == customer.main_address_id
            assert supplier.main_contact_id == customer.main_contact_id
            assert supplier.supplier_class is not None and supplier.currency_id is not None
            assert supplier.iban is not None and iban_problem(supplier.iban) is None
            # The customer's attributes, copied (the supplier's own rows).
            assert [(a.attribute_id, a.value) for a in supplier.attributes] == [
                (a.attribute_id, a.value) for a in sorted(customer.attributes, key=lambda a: a.id)
            ]
        assert any(supplier.attributes for supplier in suppliers)


def test_past_statement_cycles_are_prepared_and_every_one_adds_up(store: Store) -> None:
    from app.ledger.statements.cycle import latest_statements, regenerate_last
    from app.ledger.statements.proof import proof_sheet
    from app.models import Statement

    create_demo_company(store, customers=80, seed=7, as_at=AS_AT)
    with store.session() as session:
        statements = session.scalars(select(Statement)).all()
        dates = sorted({s.statement_date for s in statements})
        assert len(dates) == 3 and dates[-1] < AS_AT.replace(day=1)
        rows = proof_sheet(session, [s.id for s in statements])
        assert [row for row in rows if not row.ok] == []
        with_documents = set(session.scalars(select(ArDocument.customer_id).distinct()))
        consolidated = set(
            session.scalars(
                select(Customer.id).where(
                    Customer.consolidate_statements.is_(True),
                    Customer.parent_account_id.is_not(None),
                )
            )
        )
        # Every customer with documents has a statement (or is on its parent's).
        with_statements = {s.customer_id for s in statements}
        assert with_documents - consolidated <= with_statements
    # Regenerate last statement works for a customer with documents (and statements).
    customer_id = min(with_documents & {s.customer_id for s in statements})
    with store.transaction() as session:
        before = latest_statements(session, customer_id)
        ids = regenerate_last(session, customer_id)
        assert ids and all(
            s.revision == 2 for s in session.scalars(select(Statement).where(Statement.id.in_(ids)))
        )
        assert {s.closing_balance for s in before} == {
            s.closing_balance for s in latest_statements(session, customer_id)
        }
