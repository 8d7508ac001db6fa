"""The customers' list query in the list windows' model: search cells, sorting by balance and
keyset pages over the real columns (city, country, class, status, balance)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from app.ledger.customer_list import customer_list_query
from app.models import Address, Country, CustomerClass, CustomerStatus, DocumentType
from app.models.database import Store
from app.windows.framework.spec import Kind, ListColumn
from app.windows.framework.tablemodel import QueryTableModel
from tests.ledger.customer_documents import add_customer, add_document

COLUMNS = (
    ListColumn("customer_no", "Customer no."),
    ListColumn("customer_name", "Customer name"),
    ListColumn("city", "City"),
    ListColumn("country", "Country"),
    ListColumn("customer_class", "Customer class"),
    ListColumn("status", "Status", Kind.OPTION, CustomerStatus),
    ListColumn("balance", "Balance", Kind.MONEY),
)
# (number, city, country, invoice amounts, payment)
CUSTOMERS = [
    ("10001", "Bergen", "NO", ["100.00"], None),
    ("10002", "Oslo", "NO", ["2500.00", "250.00"], "50.00"),
    ("10003", "Bergen", "NO", [], None),
    ("10004", "Malmö", "SE", [], "75.50"),
    ("10005", None, None, ["100.00"], None),
    ("10006", "Bergen", "SE", ["999.99"], "999.99"),
]


@pytest.fixture
def model(store: Store) -> QueryTableModel:
    with store.transaction() as session:
        countries = {code: Country(country_id=code, name=code) for code in ("NO", "SE")}
        retail = CustomerClass(class_id="RETAIL", description="Retail")
        for number, city, country, invoices, payment in CUSTOMERS:
            address = Address(city=city, country=countries.get(country or ""))
            customer = add_customer(
                session, number, main_address=address if city else None, customer_class=retail
            )
            for amount in invoices:
                add_document(session, customer, DocumentType.INVOICE, amount)
            if payment:
                add_document(session, customer, DocumentType.PAYMENT, payment)
    return QueryTableModel(store, customer_list_query(), COLUMNS, key="id", page_size=2)


def column(model: QueryTableModel, key: str) -> list[Any]:
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    number = model.column_of(key)
    return [model.data(model.index(row, number)) for row in range(model.rowCount())]


def test_passes_the_model_tester(model: QueryTableModel, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(model)


def test_balances_are_shown_signed(model: QueryTableModel) -> None:
    assert column(model, "balance") == ["100.00", "2700.00", "0.00", "-75.50", "100.00", "0.00"]


def test_search_cells_filter_city_country_and_balance(model: QueryTableModel) -> None:
    model.set_filter("city", "bergen")
    assert column(model, "customer_no") == ["10001", "10003", "10006"]
    model.set_filter("country", "se")
    assert column(model, "customer_no") == ["10006"]
    model.set_filters({"city": None, "country": None, "balance": ">=100"})
    assert column(model, "customer_no") == ["10001", "10002", "10005"]
    model.set_filter("balance", "<0")
    assert column(model, "customer_no") == ["10004"]
    assert model.last_error == ""


def test_sorted_by_balance_over_pages(model: QueryTableModel) -> None:
    number = model.column_of("balance")
    model.sort(number, Qt.SortOrder.DescendingOrder)
    # Ties follow the record order backwards too (the list model's keyset order).
    assert column(model, "customer_no") == ["10002", "10005", "10001", "10006", "10003", "10004"]
    model.sort(number, Qt.SortOrder.AscendingOrder)
    balances = [Decimal(text) for text in column(model, "balance")]
    assert balances == sorted(balances)
