"""The demo company's suppliers: some customers are suppliers too (issue 15).

A share of the active customers (those with a web domain: companies, not people) is extended to
a supplier as Extend to supplier would: the same number and name, the same main address and
contact rows, the default location's VAT zone, the document language and the attributes'
values, the DEFAULT supplier class's currency, payment settings and accounts, and an IBAN of the
customer's country. (Their contact persons are the customers': nothing to copy.) Drawn
from a random source of its own, so the customers stay what the same seed always gave.
"""

from __future__ import annotations

import random
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.ledger.demo.bulk import insert_rows
from app.ledger.demo.identifiers import Identifiers
from app.ledger.suppliers import FROM_CLASS, default_supplier_class
from app.models import (
    Address,
    Contact,
    Country,
    Customer,
    CustomerAttribute,
    CustomerStatus,
    Location,
    Supplier,
    SupplierAttribute,
    SupplierStatus,
)

# The share of active companies that are suppliers too.
SUPPLIERS = 0.08
# The IBAN countries the demo's identifiers know.
IBAN_COUNTRIES = frozenset({"NO", "SE", "DK", "FI", "NL"})


def add_suppliers(session: Session, seed: int) -> int:
    """Extend a share of the active companies to suppliers; how many were."""
    default = default_supplier_class(session)
    if default is None:
        return 0
    pick = random.Random(seed)
    ids = Identifiers(random.Random(seed + 1))
    rows = session.execute(
        select(
            Customer.id,
            Customer.customer_no,
            Customer.name,
            Customer.main_address_id,
            Customer.main_contact_id,
            Customer.document_language_id,
            Location.vat_zone_id,
            Country.country_id,
        )
        .join(Location, (Location.customer_id == Customer.id) & Location.is_default.is_(True))
        .join(Address, Address.id == Customer.main_address_id)
        .join(Country, Country.id == Address.country_id)
        .join(Contact, Contact.id == Customer.main_contact_id)
        .where(Customer.status == CustomerStatus.ACTIVE, Contact.web.is_not(None))
        .order_by(Customer.id)
    ).all()
    from_class = {attr: getattr(default, attr) for attr in FROM_CLASS}
    suppliers: list[dict[str, Any]] = []
    for customer in rows:
        if pick.random() >= SUPPLIERS:
            continue
        country = customer.country_id
        suppliers.append(
            from_class
            | {
                "supplier_no": customer.customer_no,
                "name": customer.name,
                "status": SupplierStatus.ACTIVE,
                "supplier_class_id": default.id,
                "customer_id": customer.id,
                "main_address_id": customer.main_address_id,
                "main_contact_id": customer.main_contact_id,
                "vat_zone_id": customer.vat_zone_id,
                "document_language_id": customer.document_language_id,
                "iban": ids.iban(country) if country in IBAN_COUNTRIES else None,
            }
        )
    insert_rows(session, Supplier.__table__, suppliers)  # type: ignore[arg-type]
    # The customers' attributes, copied as Extend to supplier copies them.
    session.execute(
        insert(SupplierAttribute).from_select(
            ["supplier_id", "attribute_id", "value"],
            select(Supplier.id, CustomerAttribute.attribute_id, CustomerAttribute.value)
            .join(CustomerAttribute, CustomerAttribute.customer_id == Supplier.customer_id)
            .order_by(Supplier.id, CustomerAttribute.id),
        )
    )
    return len(suppliers)
