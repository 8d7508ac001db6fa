"""The customers' list window query: its columns, and filters and sorting the way the list
model applies them (search-line conditions on the labelled expressions, keyset bounds)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import ColumnElement, literal, tuple_
from sqlalchemy.sql.elements import Label

from app.ledger.customer_list import customer_list_query
from app.ledger.search import number_condition, option_condition, text_condition
from app.models import (
    Address,
    Country,
    CustomerClass,
    CustomerStatus,
    DocumentType,
    Supplier,
)
from app.models.database import Store
from tests.ledger.customer_documents import add_customer, add_document

T = DocumentType


def expr(key: str) -> ColumnElement[Any]:
    """The expression behind a labelled column, as the list model filters and sorts by it."""
    column = customer_list_query().selected_columns[key]
    return column.element if isinstance(column, Label) else column


def listed(store: Store, *conditions: ColumnElement[bool], order: str = "id") -> list[Any]:
    query = customer_list_query().where(*conditions).order_by(expr(order), expr("id"))
    with store.session() as session:
        return [row._asdict() for row in session.execute(query)]


@pytest.fixture
def customers(store: Store) -> None:
    with store.transaction() as session:
        norway = Country(country_id="NO", name="Norway")
        sweden = Country(country_id="SE", name="Sweden")
        retail = CustomerClass(class_id="RETAIL", description="Retail")
        fjord = add_customer(
            session,
            "10001",
            "Fjord Fisk AS",
            main_address=Address(city="Tromsø", country=norway),
            # The invoice address is not the list's city.
            invoice_address=Address(city="Oslo", country=norway),
            customer_class=retail,
        )
        add_document(session, fjord, T.INVOICE, "1000.00")
        add_document(session, fjord, T.PAYMENT, "250.50")
        add_document(session, fjord, T.INVOICE, "99.00", released=False)
        vast = add_customer(
            session,
            "10002",
            "Västkusten Bygg AB",
            main_address=Address(city="Göteborg", country=sweden),
            status=CustomerStatus.ON_HOLD,
        )
        add_document(session, vast, T.CREDIT_NOTE, "40.00")
        # A supplier too (issue 15): its account type says so.
        session.add(Supplier(supplier_no="10002", name="Västkusten Bygg AB", customer=vast))
        add_customer(session, "10003", "Bare Kunde")  # no address, class or documents


def test_the_columns_the_list_window_shows(store: Store, customers: None) -> None:
    assert list(customer_list_query().selected_columns.keys()) == [
        "id",
        "customer_no",
        "customer_name",
        "city",
        "country",
        "customer_class",
        "account_type",
        "status",
        "balance",
    ]
    rows = listed(store)
    assert [{k: v for k, v in row.items() if k != "id"} for row in rows] == [
        {
            "customer_no": "10001",
            "customer_name": "Fjord Fisk AS",
            "city": "Tromsø",
            "country": "NO",
            "customer_class": "RETAIL",
            "account_type": "CUSTOMER",
            "status": CustomerStatus.ACTIVE,
            "balance": Decimal("749.50"),
        },
        {
            "customer_no": "10002",
            "customer_name": "Västkusten Bygg AB",
            "city": "Göteborg",
            "country": "SE",
            "customer_class": None,
            "account_type": "CUSTOMER_AND_SUPPLIER",
            "status": CustomerStatus.ON_HOLD,
            "balance": Decimal("-40.00"),
        },
        {
            "customer_no": "10003",
            "customer_name": "Bare Kunde",
            "city": None,
            "country": None,
            "customer_class": None,
            "account_type": "CUSTOMER",
            "status": CustomerStatus.ACTIVE,
            "balance": Decimal("0"),
        },
    ]
    assert all(isinstance(row["balance"], Decimal) for row in rows)


def numbers(rows: list[Any]) -> list[str]:
    return [row["customer_no"] for row in rows]


def test_search_cells_filter_by_city_country_class_and_status(
    store: Store, customers: None
) -> None:
    def by(key: str, text: str) -> list[str]:
        condition = text_condition(expr(key), text)
        assert condition is not None
        return numbers(listed(store, condition))

    assert by("city", "tromsø") == ["10001"]
    assert by("city", "OSLO") == []  # the invoice address is not searched
    assert by("city", "göte") == ["10002"]
    assert by("country", "se") == ["10002"]
    assert by("customer_class", "retail") == ["10001"]
    on_hold = option_condition(expr("status"), {"ON_HOLD"})
    assert on_hold is not None
    assert numbers(listed(store, on_hold)) == ["10002"]


def test_balance_filters_as_a_number_and_counts_customers_without_documents_as_zero(
    store: Store, customers: None
) -> None:
    def by(text: str) -> list[str]:
        condition = number_condition(expr("balance"), text, "Balance")
        assert condition is not None
        return numbers(listed(store, condition))

    assert by(">100") == ["10001"]
    assert by("749.50") == ["10001"]
    assert by("<0") == ["10002"]
    assert by("0") == ["10003"]
    assert by("-50..0") == ["10002", "10003"]


def test_sorted_by_balance_pages_follow_by_keyset(store: Store, customers: None) -> None:
    assert numbers(listed(store, order="balance")) == ["10002", "10003", "10001"]
    first = listed(store, order="balance")[0]
    # The next page starts after the last row shown, as the list model asks for it.
    after = tuple_(expr("balance"), expr("id")) > tuple_(
        literal(first["balance"], expr("balance").type), literal(first["id"])
    )
    assert numbers(listed(store, after, order="balance")) == ["10003", "10001"]
