"""The suppliers' list window (AP303000): one row per supplier, filtered and sorted in SQL, as
the customers' list (app/ledger/customer_list.py): the city and country of the main address,
the class code and the account type (Supplier, or Customer and supplier while linked)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, select

from app.ledger.business_accounts import supplier_type_column
from app.models import Address, Country, Supplier, SupplierClass


def supplier_list_query() -> Select[*tuple[Any, ...]]:
    """Labelled columns: id, supplier_no, supplier_name, city, country, supplier_class,
    account_type, status."""
    return (
        select(
            Supplier.id.label("id"),
            Supplier.supplier_no.label("supplier_no"),
            Supplier.name.label("supplier_name"),
            Address.city.label("city"),
            Country.country_id.label("country"),
            SupplierClass.class_id.label("supplier_class"),
            supplier_type_column().label("account_type"),
            Supplier.status.label("status"),
        )
        .outerjoin(Address, Supplier.main_address_id == Address.id)
        .outerjoin(Country, Address.country_id == Country.id)
        .outerjoin(SupplierClass, Supplier.supplier_class_id == SupplierClass.id)
    )
