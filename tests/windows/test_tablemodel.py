"""QueryTableModel: filtering and sorting in SQL, lazy pages, Qt's model contract.

The list query and data helpers here are shared with test_listwindow.py.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import Select, insert, select, type_coerce

from app.models import Customer, CustomerClass, CustomerStatus
from app.models.base import ExactDecimal
from app.models.database import Store
from app.windows.framework.spec import Kind, ListColumn
from app.windows.framework.tablemodel import QueryTableModel

# -- a realistic list query: customers joined to their class --------------------------------

COLUMNS = (
    ListColumn("customer_no", "Customer ID"),
    ListColumn("name", "Customer name", width=200),
    ListColumn("status", "Status", Kind.OPTION, CustomerStatus),
    ListColumn("customer_class", "Customer class"),
    ListColumn("balance", "Balance", Kind.MONEY),
    ListColumn("has_class", "Has class", Kind.CHECKBOX),
)

# (customer_no, name, status, class)
CUSTOMERS = [
    ("C001", "Nordic Trading AS", "ACTIVE", "WHOLESALE"),
    ("C002", "Trading Nordic Oy", "ON_HOLD", "RETAIL"),
    ("C003", "Nord Øst Trading", "ACTIVE", None),
    ("C004", "Bergen Fisk & Trading", "INACTIVE", "WHOLESALE"),
    ("C005", None, "ACTIVE", "RETAIL"),
    ("C006", "Ålesund Bakeri", "CREDIT_HOLD", None),
]


def customer_query() -> Select[*tuple[Any, ...]]:
    """Every customer with its class; "balance" stands in for a money column (id × 125.00)."""
    return select(
        Customer.id.label("id"),
        Customer.customer_no.label("customer_no"),
        Customer.name.label("name"),
        Customer.status.label("status"),
        CustomerClass.class_id.label("customer_class"),
        type_coerce(Customer.id * 1_250_000, ExactDecimal()).label("balance"),
        Customer.customer_class_id.is_not(None).label("has_class"),
    ).outerjoin(CustomerClass, Customer.customer_class_id == CustomerClass.id)


def add_customers(store: Store, rows: list[tuple[str, str | None, str, str | None]]) -> None:
    with store.transaction() as session:
        classes = {c.class_id: c.id for c in session.scalars(select(CustomerClass))}
        for class_id in sorted({row[3] for row in rows if row[3] and row[3] not in classes}):
            created = CustomerClass(class_id=class_id, description=class_id.title())
            session.add(created)
            session.flush()
            classes[class_id] = created.id
        session.execute(
            insert(Customer),
            [
                {
                    "customer_no": number,
                    "name": name,
                    "status": CustomerStatus[status],
                    "customer_class_id": classes[cls] if cls else None,
                }
                for number, name, status, cls in rows
            ],
        )


def add_many(store: Store, count: int, start: int = 1) -> None:
    add_customers(
        store,
        [(f"N{n:06d}", f"Customer {n:06d}", "ACTIVE", None) for n in range(start, start + count)],
    )


# -- tests --------------------------------------------------------------------------------


@pytest.fixture
def model(store: Store) -> QueryTableModel:
    add_customers(store, CUSTOMERS)
    return QueryTableModel(store, customer_query(), COLUMNS, key="id")


def column(model: QueryTableModel, key: str) -> list[Any]:
    number = model.column_of(key)
    return [model.index(row, number).data() for row in range(model.rowCount())]


def fetch_all(model: QueryTableModel) -> None:
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())


def test_passes_the_model_tester(model: QueryTableModel, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(model)
    qtmodeltester.check(model, force_py=True)


def test_passes_the_model_tester_with_pages_to_fetch(
    store: Store, qtmodeltester: ModelTester
) -> None:
    add_customers(store, CUSTOMERS)
    model = QueryTableModel(store, customer_query(), COLUMNS, page_size=4)
    assert model.canFetchMore(QModelIndex())
    qtmodeltester.check(model)


def test_rows_in_key_order_until_sorted(model: QueryTableModel) -> None:
    assert column(model, "customer_no") == [f"C00{n}" for n in range(1, 7)]
    assert [model.key_at(row) for row in range(6)] == [1, 2, 3, 4, 5, 6]
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Customer name"


def test_display_formats_money_options_and_check_boxes(model: QueryTableModel) -> None:
    balance = model.index(1, model.column_of("balance"))
    assert balance.data() == "250.00"
    alignment = balance.data(Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & Qt.AlignmentFlag.AlignRight
    assert model.index(1, model.column_of("status")).data() == "On hold"
    has_class = model.column_of("has_class")
    assert model.index(0, has_class).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.index(2, has_class).data(Qt.ItemDataRole.CheckStateRole) == (
        Qt.CheckState.Unchecked
    )
    assert model.index(4, model.column_of("name")).data() == ""  # no name
    assert model.index(0, model.column_of("customer_class")).data() == "WHOLESALE"


def test_text_filters_follow_the_seed(model: QueryTableModel) -> None:
    model.set_filter("name", "nordic trading")
    assert column(model, "customer_no") == ["C001", "C002"]
    model.set_filter("name", "nordic%trading")
    assert column(model, "customer_no") == ["C001"]
    model.set_filter("name", "ÅLESUND")
    assert column(model, "customer_no") == ["C006"]
    model.set_filter("name", "")
    assert model.rowCount() == 6


def test_filters_combine_across_columns_including_the_joined_class(
    model: QueryTableModel,
) -> None:
    model.set_filters({"name": "trading", "customer_class": "whole"})
    assert column(model, "customer_no") == ["C001", "C004"]
    model.set_filter("balance", ">300")
    assert column(model, "customer_no") == ["C004"]


def test_option_and_check_box_filters(model: QueryTableModel) -> None:
    model.set_filter("status", frozenset({"ACTIVE", "ON_HOLD"}))
    assert column(model, "customer_no") == ["C001", "C002", "C003", "C005"]
    model.set_filter("has_class", False)
    assert column(model, "customer_no") == ["C003"]
    model.set_filters({"status": None, "has_class": None})
    assert model.rowCount() == 6


def test_money_filter_and_an_unreadable_one(model: QueryTableModel, qtbot: QtBot) -> None:
    model.set_filter("balance", "250..500")
    assert column(model, "balance") == ["250.00", "375.00", "500.00"]
    with qtbot.waitSignal(model.search_error) as signal:
        model.set_filter("balance", ">abc")
    assert signal.args == [model.last_error]
    assert model.last_error.startswith("Balance:")
    assert "100..200" in model.last_error
    assert set(model.errors) == {"balance"}
    assert model.rowCount() == 6  # the unreadable cell is ignored, not an empty list
    model.set_filter("name", "trading")
    assert model.rowCount() == 4  # other cells still filter
    with qtbot.waitSignal(model.search_error) as signal:
        model.set_filter("balance", "<=375")
    assert signal.args == [""]
    assert model.errors == {}
    assert column(model, "customer_no") == ["C001", "C002", "C003"]


def test_wrong_filter_types_are_refused(model: QueryTableModel) -> None:
    with pytest.raises(TypeError):
        model.set_filter("status", "ACTIVE")
    with pytest.raises(TypeError):
        model.set_filter("name", frozenset({"x"}))
    with pytest.raises(KeyError):
        model.set_filter("nope", "x")


def test_sort_in_sql_with_empty_values_first(model: QueryTableModel) -> None:
    model.sort(model.column_of("name"), Qt.SortOrder.AscendingOrder)
    assert column(model, "customer_no") == ["C005", "C004", "C003", "C001", "C002", "C006"]
    model.sort(model.column_of("name"), Qt.SortOrder.DescendingOrder)
    assert column(model, "customer_no") == ["C006", "C002", "C001", "C003", "C004", "C005"]
    model.sort(-1)
    assert column(model, "customer_no") == [f"C00{n}" for n in range(1, 7)]


@pytest.mark.parametrize("order", [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder])
@pytest.mark.parametrize(
    "key", ["customer_class", "status", "balance", "name", "has_class", "customer_no"]
)
def test_pages_follow_the_sort_exactly(store: Store, key: str, order: Qt.SortOrder) -> None:
    """Small pages over ties and empty values: every row once, in the order one query gives."""
    add_customers(
        store, CUSTOMERS * 1 + [(f"D{n}", f"Dup {n % 2}", "ACTIVE", None) for n in range(7)]
    )
    add_customers(store, [(f"E{n}", "Nordic Trading AS", "ON_HOLD", "RETAIL") for n in range(5)])
    whole = QueryTableModel(store, customer_query(), COLUMNS, page_size=1000)
    paged = QueryTableModel(store, customer_query(), COLUMNS, page_size=2)
    for model in (whole, paged):
        model.sort(model.column_of(key), order)
        fetch_all(model)
    keys = [paged.key_at(row) for row in range(paged.rowCount())]
    assert keys == [whole.key_at(row) for row in range(whole.rowCount())]
    assert sorted(keys) == list(range(1, 19))


def test_rows_load_a_page_at_a_time(store: Store, qtbot: QtBot) -> None:
    add_many(store, 450)
    model = QueryTableModel(store, customer_query(), COLUMNS)
    assert model.rowCount() == 200
    assert model.canFetchMore(QModelIndex())
    with qtbot.waitSignal(model.rowsInserted):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 400
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 450
    assert not model.canFetchMore(QModelIndex())
    assert model.index(449, 0).data() == "N000450"


def test_row_of_key_fetches_up_to_the_record(store: Store) -> None:
    add_many(store, 1000)
    model = QueryTableModel(store, customer_query(), COLUMNS)
    assert model.row_of_key(3) == 2
    assert model.rowCount() == 200
    assert model.row_of_key(650) == 649
    assert model.rowCount() == 1000  # fetched in steps of ten pages
    model.set_filter("name", "00001")  # 1, 10..19
    assert model.rowCount() == 11
    assert model.row_of_key(650) is None
    assert model.row_of_key(15) == 6


def test_row_of_key_does_not_fetch_for_a_filtered_out_record(store: Store) -> None:
    add_many(store, 1000)
    model = QueryTableModel(store, customer_query(), COLUMNS)
    model.set_filter("name", "1")
    assert model.canFetchMore(QModelIndex())
    assert model.row_of_key(5) is None
    assert model.rowCount() == 200


def test_refresh_keeps_filters_sort_and_loaded_rows(store: Store) -> None:
    add_many(store, 500)
    model = QueryTableModel(store, customer_query(), COLUMNS)
    model.set_filter("name", "customer")
    model.sort(model.column_of("name"), Qt.SortOrder.DescendingOrder)
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 400
    add_many(store, 1, start=999)
    add_customers(store, [("X1", "Someone else", "ACTIVE", None)])
    model.refresh()
    assert model.rowCount() == 400
    assert model.index(0, model.column_of("name")).data() == "Customer 000999"
    assert model.sort_column == model.column_of("name")
    assert model.filter_value("name") == "customer"
