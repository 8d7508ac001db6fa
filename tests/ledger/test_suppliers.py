"""Suppliers and Extend to supplier, through the services: one business account, two sides.

Customers and suppliers share one space of numbers; a customer extended to a supplier shares
its number, name, main address and contact (one row each); Change ID and delete on either side
keep the account whole or leave the other side standing.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import func, select

from app.ledger.change_id import ChangeIdError, change_customer_no, change_supplier_no
from app.ledger.customers import EXTENDS_SUPPLIER, CustomerService
from app.ledger.records import RecordError, StaleRecordError, ValidationError
from app.ledger.setup import set_up_company
from app.ledger.suppliers import EXTENDS_CUSTOMER, SupplierService
from app.models import (
    Address,
    BusinessAccountType,
    Contact,
    Customer,
    Language,
    Supplier,
    SupplierClass,
    VatZone,
)
from app.models.database import Store


@pytest.fixture
def customers(store: Store) -> CustomerService:
    set_up_company(store, base_currency="NOK", country="NO", language="nb-NO")
    return CustomerService(store)


@pytest.fixture
def suppliers(store: Store, customers: CustomerService) -> SupplierService:
    return SupplierService(store)


def new_customer(customers: CustomerService, name: str, **values: Any) -> int:
    typed = customers.new_values() | {"customer_name": name} | values
    return customers.save(None, typed)


def extend(
    suppliers: SupplierService, customer_id: int, **changed: Any
) -> tuple[dict[str, Any], int]:
    """Extend to supplier and save the new supplier (as read, plus ``changed``)."""
    read = suppliers.extension_values(customer_id)
    values = read | changed | {EXTENDS_CUSTOMER: customer_id}
    return read, suppliers.save(None, values, None, read)


def row(store: Store, model: Any, record_id: int) -> Any:
    with store.session() as session:
        found = session.get(model, record_id)
        assert found is not None
        session.expunge(found)
        return found


def test_first_run_sets_up_a_default_supplier_class_with_currency_and_payment(
    store: Store, suppliers: SupplierService
) -> None:
    values = suppliers.new_values()
    with store.session() as session:
        default = session.scalars(select(SupplierClass)).one()
        assert (default.class_id, default.is_default) == ("DEFAULT", True)
        assert default.currency_id is not None and default.payment_method_id is not None
        assert default.supplier_ledger_account_id is not None
        assert default.expense_account_id is not None
    assert values["supplier_class"] == default.id
    assert values["currency_id"] == default.currency_id
    assert values["terms"] == default.terms_id
    assert values["payment_method"] == default.payment_method_id
    assert values["supplier_ledger_account"] == default.supplier_ledger_account_id
    assert values["expense_account"] == default.expense_account_id


def test_extend_prefills_from_the_customer_and_stores_nothing_until_saved(
    store: Store, customers: CustomerService, suppliers: SupplierService
) -> None:
    with store.session() as session:
        eu = session.scalars(select(VatZone).where(VatZone.vat_zone_id == "EU")).one().id
        english = session.scalars(select(Language).where(Language.locale_id == "en-GB")).one().id
    customer_id = new_customer(
        customers,
        "Fjordkraft Handel AS",
        main_address_city="Bergen",
        main_contact_email="post@fjordkraft.no",
        vat_zone=eu,
        document_language=english,
    )
    number = customers.load(customer_id)["customer_no"]

    values = suppliers.extension_values(customer_id)

    assert values["supplier_no"] == number
    assert values["supplier_name"] == "Fjordkraft Handel AS"
    assert values["main_address_city"] == "Bergen"
    assert values["main_contact_email"] == "post@fjordkraft.no"
    assert values["vat_zone"] == eu  # the default location's
    assert values["document_language"] == english
    assert values["currency_id"] is not None  # the default supplier class's
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(Supplier)) == 0
    assert customers.load(customer_id)["account_type"] == BusinessAccountType.CUSTOMER


def test_a_saved_extension_is_one_account_sharing_address_and_contact_rows(
    store: Store, customers: CustomerService, suppliers: SupplierService
) -> None:
    customer_id = new_customer(customers, "Fjordkraft Handel AS", main_address_city="Bergen")
    _read, supplier_id = extend(suppliers, customer_id, iban="NO93 8601 1117 947")

    supplier = row(store, Supplier, supplier_id)
    customer = row(store, Customer, customer_id)
    assert supplier.customer_id == customer_id
    assert supplier.supplier_no == customer.customer_no
    assert supplier.main_address_id == customer.main_address_id is not None
    assert supplier.main_contact_id == customer.main_contact_id is not None
    assert supplier.iban == "NO93 8601 1117 947"
    assert customers.load(customer_id)["account_type"] == BusinessAccountType.CUSTOMER_AND_SUPPLIER
    assert suppliers.load(supplier_id)["account_type"] == BusinessAccountType.CUSTOMER_AND_SUPPLIER
    with pytest.raises(RecordError, match="is a supplier already"):
        suppliers.extension_values(customer_id)


def test_the_shared_address_changed_from_either_side_shows_on_both(
    store: Store, customers: CustomerService, suppliers: SupplierService
) -> None:
    customer_id = new_customer(customers, "Fjordkraft Handel AS", main_address_city="Bergen")
    _read, supplier_id = extend(suppliers, customer_id)

    read = suppliers.load(supplier_id)
    suppliers.save(supplier_id, read | {"main_address_city": "Voss"}, read["version"], read)
    assert customers.load(customer_id)["main_address_city"] == "Voss"

    read = customers.load(customer_id)
    customers.save(customer_id, read | {"main_address_city": "Odda"}, read["version"], read)
    assert suppliers.load(supplier_id)["main_address_city"] == "Odda"
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(Address)) == 1


def test_a_stale_shared_address_is_refused_on_either_side(
    store: Store, customers: CustomerService, suppliers: SupplierService
) -> None:
    customer_id = new_customer(customers, "Fjordkraft Handel AS", main_address_city="Bergen")
    _read, supplier_id = extend(suppliers, customer_id)
    on_customer = customers.load(customer_id)
    on_supplier = suppliers.load(supplier_id)

    suppliers.save(
        supplier_id,
        on_supplier | {"main_address_city": "Voss"},
        on_supplier["version"],
        on_supplier,
    )
    with pytest.raises(StaleRecordError, match="City was changed elsewhere"):
        customers.save(
            customer_id,
            on_customer | {"main_address_city": "Odda"},
            on_customer["version"],
            on_customer,
        )
    assert suppliers.load(supplier_id)["main_address_city"] == "Voss"


def test_a_stale_prefill_is_refused_and_nothing_is_stored(
    store: Store, customers: CustomerService, suppliers: SupplierService
) -> None:
    customer_id = new_customer(customers, "Fjordkraft Handel AS", main_address_city="Bergen")
    read = suppliers.extension_values(customer_id)
    loaded = customers.load(customer_id)
    customers.save(customer_id, loaded | {"main_address_city": "Voss"}, loaded["version"], loaded)

    with pytest.raises(StaleRecordError, match="main address was changed on another screen"):
        suppliers.save(None, read | {EXTENDS_CUSTOMER: customer_id}, None, read)
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(Supplier)) == 0


def test_the_name_saved_on_either_side_is_the_accounts(
    store: Store, customers: CustomerService, suppliers: SupplierService
) -> None:
    customer_id = new_customer(customers, "Fjordkraft Handel AS")
    _read, supplier_id = extend(suppliers, customer_id)
    read = suppliers.load(supplier_id)
    suppliers.save(supplier_id, read | {"supplier_name": "Fjordkraft AS"}, read["version"], read)
    assert customers.load(customer_id)["customer_name"] == "Fjordkraft AS"
    read = customers.load(customer_id)
    customers.save(customer_id, read | {"customer_name": "Fjordkraft ASA"}, read["version"], read)
    assert suppliers.load(supplier_id)["supplier_name"] == "Fjordkraft ASA"


def test_numbers_are_one_space_for_customers_and_suppliers(
    store: Store, customers: CustomerService, suppliers: SupplierService
) -> None:
    customer_id = new_customer(customers, "Fjordkraft Handel AS")
    number = customers.load(customer_id)["customer_no"]
    new = suppliers.new_values() | {"supplier_name": "Bergen Papir AS"}

    with pytest.raises(ValidationError, match=f"'{number.lower()}' is already used by customer"):
        suppliers.save(None, new | {"supplier_no": number.lower()})
    # Without a number, the supplier takes the next number no account holds.
    supplier_id = suppliers.save(None, new)
    supplier_no = suppliers.load(supplier_id)["supplier_no"]
    assert supplier_no not in (None, number)
    with pytest.raises(ValidationError, match="is already used by supplier"):
        new_customer(customers, "Vestland Bygg AS", customer_no=supplier_no)
    # And the next customer skips the supplier's number.
    following = customers.load(new_customer(customers, "Vestland Bygg AS"))["customer_no"]
    assert following not in (number, supplier_no)


def test_extend_to_customer_from_a_new_supplier(
    store: Store, customers: CustomerService, suppliers: SupplierService
) -> None:
    new = suppliers.new_values() | {
        "supplier_name": "Bergen Papir AS",
        "main_address_city": "Bergen",
        "main_contact_phone_1": "55 00 00 00",
    }
    supplier_id = suppliers.save(None, new)
    supplier = suppliers.load(supplier_id)
    assert supplier["account_type"] == BusinessAccountType.SUPPLIER

    read = customers.extension_values(supplier_id)
    assert read["customer_no"] == supplier["supplier_no"]
    assert read["customer_name"] == "Bergen Papir AS"
    assert read["main_address_city"] == "Bergen"
    assert read["invoice_address_city"] == "Bergen"  # Same as main shows the main one
    customer_id = customers.save(None, read | {EXTENDS_SUPPLIER: supplier_id}, None, read)

    customer = row(store, Customer, customer_id)
    linked = row(store, Supplier, supplier_id)
    assert linked.customer_id == customer_id
    assert customer.customer_no == linked.supplier_no
    assert customer.main_address_id == linked.main_address_id
    assert customer.invoice_address_id == linked.main_address_id  # Same as main: shared
    assert customer.main_contact_id == linked.main_contact_id
    assert customers.load(customer_id)["account_type"] == BusinessAccountType.CUSTOMER_AND_SUPPLIER
    with pytest.raises(RecordError, match="is a customer already"):
        customers.extension_values(supplier_id)


def test_change_id_on_either_side_renumbers_both(
    store: Store, customers: CustomerService, suppliers: SupplierService
) -> None:
    customer_id = new_customer(customers, "Fjordkraft Handel AS")
    _read, supplier_id = extend(suppliers, customer_id)
    other = suppliers.save(None, suppliers.new_values() | {"supplier_name": "Bergen Papir AS"})
    taken = suppliers.load(other)["supplier_no"]

    change_customer_no(store, customer_id, "FJORD", row(store, Customer, customer_id).version)
    assert row(store, Supplier, supplier_id).supplier_no == "FJORD"

    change_supplier_no(store, supplier_id, "KRAFT", row(store, Supplier, supplier_id).version)
    assert row(store, Customer, customer_id).customer_no == "KRAFT"

    with pytest.raises(ChangeIdError, match=f"is already used by supplier {taken}"):
        change_customer_no(store, customer_id, taken, row(store, Customer, customer_id).version)
    # A case change of the account's own number is its own.
    change_supplier_no(store, supplier_id, "kraft", row(store, Supplier, supplier_id).version)
    assert row(store, Customer, customer_id).customer_no == "kraft"


def test_deleting_either_side_leaves_the_other_with_the_shared_rows(
    store: Store, customers: CustomerService, suppliers: SupplierService
) -> None:
    customer_id = new_customer(customers, "Fjordkraft Handel AS", main_address_city="Bergen")
    _read, supplier_id = extend(suppliers, customer_id)

    suppliers.delete(supplier_id)
    assert customers.load(customer_id)["main_address_city"] == "Bergen"
    assert customers.load(customer_id)["account_type"] == BusinessAccountType.CUSTOMER

    _read, supplier_id = extend(suppliers, customer_id)
    customers.delete(customer_id)
    supplier = suppliers.load(supplier_id)
    assert supplier["main_address_city"] == "Bergen"
    assert supplier["account_type"] == BusinessAccountType.SUPPLIER

    suppliers.delete(supplier_id)
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(Address)) == 0
        assert session.scalar(select(func.count()).select_from(Contact)) == 0


def test_a_number_another_account_holds_is_refused_once_naming_the_holder(
    store: Store, customers: CustomerService, suppliers: SupplierService
) -> None:
    new = suppliers.new_values() | {"supplier_name": "Bergen Papir AS", "supplier_no": "BP1"}
    suppliers.save(None, new)
    with pytest.raises(ValidationError) as twice:
        suppliers.save(None, new | {"supplier_no": "bp1"})
    assert [str(error) for error in twice.value.errors] == [
        "Supplier no.: 'bp1' is already used by another supplier, as 'BP1' (codes are unique "
        "regardless of case)."
    ]
    with pytest.raises(ValidationError) as customer:
        new_customer(customers, "Bergen Papir AS", customer_no="bp1")
    assert [str(error) for error in customer.value.errors] == [
        "Customer no.: 'bp1' is already used by supplier BP1 Bergen Papir AS."
    ]
