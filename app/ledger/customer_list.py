"""The customers' list window (AR303000): one row per customer, filtered and sorted in SQL.

The list model (app/windows/framework/tablemodel.py) filters and sorts by the labelled
expressions of this query and pages by keyset, so every column is a plain SQL expression:
the city and country of the main address, the class code, and the balance: the customer's
stored balance (``customer_balance``, kept with every release and application by
app/ledger/documents/stored_balance.py), joined by primary key, so sorting and filtering by
balance reads one indexed column instead of summing documents for every row.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, func, select, type_coerce

from app.ledger.business_accounts import customer_type_column
from app.models import Address, Country, Customer, CustomerBalance, CustomerClass
from app.models.base import ExactDecimal


def balance_of_customer() -> ColumnElement[Any]:
    """The customer's stored balance, 0 before its first released document."""
    # Typed as the stored money, so filters and keyset bounds bind exact decimals.
    return type_coerce(func.coalesce(CustomerBalance.balance, 0), ExactDecimal())


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
        .outerjoin(CustomerBalance, CustomerBalance.customer_id == Customer.id)
    )
