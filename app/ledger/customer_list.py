"""The customers' list window (AR303000): one row per customer, filtered and sorted in SQL.

The list model (app/windows/framework/tablemodel.py) filters and sorts by the labelled
expressions of this query and pages by keyset, so every column is a plain SQL expression:
the city and country of the main address, the class code, and the balance as a correlated
scalar subquery over the customer's released open documents (app/ledger/balances.py). A
correlated subquery costs one index lookup (ar_document's customer and status) per row shown,
so the first page does not wait for the balances of all customers; a grouped subquery joined
in would sum every document of the ledger before showing any row (bench/customer_record.py
measures both).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, func, select, type_coerce

from app.ledger.balances import is_open, signed
from app.ledger.business_accounts import customer_type_column
from app.models import Address, ArDocument, Country, Customer, CustomerClass
from app.models.base import ExactDecimal


def balance_of_customer() -> ColumnElement[Any]:
    """The signed sum of a customer's released open documents, 0 without any."""
    summed = (
        select(func.sum(signed(ArDocument.balance)))
        # Customer and status: the documents' index, so each row costs one index range.
        .where(ArDocument.customer_id == Customer.id, is_open())
        .correlate(Customer)
        .scalar_subquery()
    )
    # Typed as the stored money, so filters and keyset bounds bind exact decimals.
    return type_coerce(func.coalesce(summed, 0), ExactDecimal())


def customer_list_query() -> Select[*tuple[Any, ...]]:
    """Labelled columns: id, customer_no, name, city, country, customer_class, account_type,
    status, balance."""
    # The main address: a customer's other addresses (invoice, locations) are not the list's.
    return (
        select(
            Customer.id.label("id"),
            Customer.customer_no.label("customer_no"),
            Customer.name.label("customer_name"),
            Address.city.label("city"),
            Country.country_id.label("country"),
            CustomerClass.class_id.label("customer_class"),
            # Customer, or Customer and supplier: one index lookup (supplier.customer_id) a row.
            customer_type_column().label("account_type"),
            Customer.status.label("status"),
            balance_of_customer().label("balance"),
        )
        .outerjoin(Address, Customer.main_address_id == Address.id)
        .outerjoin(Country, Address.country_id == Country.id)
        .outerjoin(CustomerClass, Customer.customer_class_id == CustomerClass.id)
    )
