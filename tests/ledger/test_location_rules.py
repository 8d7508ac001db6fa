"""Customer locations without Qt: a new location's defaults, Same as default location as a live
link (``accounts_of``), export type resolution, and the main and default location's protections.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from app.ledger import workstation
from app.ledger.customers import CustomerService
from app.ledger.locations import (
    LocationService,
    accounts_of,
    suggested,
    workstation_branch_of,
)
from app.ledger.records import RecordError, ValidationError
from app.ledger.setup import set_up_company
from app.models import (
    Branch,
    Customer,
    CustomerClass,
    GlAccount,
    Location,
    VatCategory,
    VatZone,
)
from app.models.database import Store
from app.models.options import ExportType


@pytest.fixture(autouse=True)
def company(store: Store) -> None:
    set_up_company(store, base_currency="NOK", country="NO", language="nb-NO")


def new_customer(store: Store, name: str = "Fjordkraft Handel AS", **values: Any) -> int:
    service = CustomerService(store)
    return service.save(None, service.new_values() | {"customer_name": name} | values)


def location_named(store: Store, customer_id: int, location_id: str) -> Location:
    with store.session() as session:
        found = session.scalars(
            select(Location).where(
                Location.customer_id == customer_id, Location.location_id == location_id
            )
        ).one()
        session.expunge(found)
        return found


def add_location(store: Store, customer_id: int, location_id: str, **values: Any) -> int:
    service = LocationService(store)
    typed = service.new_location_values(customer_id) | {"location_id": location_id} | values
    return service.save(None, typed)


def test_a_customer_s_first_save_makes_its_main_location(store: Store) -> None:
    customer = new_customer(store)
    main = location_named(store, customer, "MAIN")
    assert main.is_main and main.is_default and main.sales_account_id is not None


def test_a_new_location_shares_the_main_address_and_takes_the_default_location_s_settings(
    store: Store,
) -> None:
    customer = new_customer(store, main_address_city="Bergen", main_contact_email="a@fjord.no")
    service = LocationService(store)
    main_id = service.main_location_of(customer)
    assert main_id is not None
    main_values = service.load(main_id)
    main_values |= {"lead_time_days": 3, "saturday_delivery": True}
    service.save(main_id, main_values, main_values["version"], service.load(main_id))

    values = service.new_location_values(customer)
    assert values["location_address_same_as_main"] and values["location_contact_same_as_main"]
    assert values["location_address_city"] == "Bergen"
    assert values["location_contact_email"] == "a@fjord.no"
    assert values["lead_time_days"] == 3 and values["saturday_delivery"] is True
    assert values["same_as_default_location"] is True
    assert values["sales_account"] == main_values["sales_account"]
    assert values["export_type"] == ExportType.DOMESTIC

    oslo = add_location(store, customer, "OSLO")
    with store.session() as session:
        stored = session.get(Location, oslo)
        customer_row = session.get(Customer, customer)
        assert stored is not None and customer_row is not None
        # The shared row itself, not a copy of it.
        assert stored.address_id == customer_row.main_address_id
        assert stored.contact_id == customer_row.main_contact_id
        assert not stored.is_main and not stored.is_default


def test_a_new_location_of_an_eu_class_customer_is_eu(store: Store) -> None:
    with store.transaction() as session:
        default = session.scalars(select(CustomerClass)).one()
        session.add(
            CustomerClass(
                class_id="EU",
                description="EU customers",
                export_type=ExportType.EU,
                sales_account_id=default.sales_account_id,
                sales_sub_id=default.sales_sub_id,
                sales_eu_account_id=default.sales_eu_account_id,
            )
        )
    with store.session() as session:
        eu_class = session.scalar(select(CustomerClass.id).where(CustomerClass.class_id == "EU"))
    customer = new_customer(store, customer_class=eu_class)
    assert location_named(store, customer, "MAIN").export_type == ExportType.EU
    assert LocationService(store).new_location_values(customer)["export_type"] == ExportType.EU
    add_location(store, customer, "BERLIN")
    assert location_named(store, customer, "BERLIN").export_type == ExportType.EU


def test_the_first_location_id_comes_from_the_branch_where_the_class_says_so(
    store: Store,
) -> None:
    with store.transaction() as session:
        session.add(Branch(branch_id="BERGEN", name="Bergen office"))
        session.scalars(select(CustomerClass)).one().default_location_id_from_branch = True
    with store.session() as session:  # as File › Current branch takes it: any case
        workstation.use_branch(workstation_branch_of(session, "bergen"))
    customer = new_customer(store)
    assert location_named(store, customer, "BERGEN").is_main


def test_without_default_location_id_from_branch_the_first_location_is_main(
    store: Store,
) -> None:
    with store.transaction() as session:
        session.add(Branch(branch_id="BERGEN", name="Bergen office"))
    workstation.use_branch("BERGEN")
    assert location_named(store, new_customer(store), "MAIN").is_main


def test_same_as_default_location_follows_the_default_also_after_set_as_default(
    store: Store,
) -> None:
    customer = new_customer(store)
    service = LocationService(store)
    with store.session() as session:
        accounts = session.scalars(select(GlAccount.id).order_by(GlAccount.id)).all()
    own, theirs = accounts[-1], accounts[-2]

    oslo = add_location(store, customer, "OSLO")
    bergen = add_location(
        store, customer, "BERGEN", same_as_default_location=False, sales_account=own
    )
    main = location_named(store, customer, "MAIN")
    with store.session() as session:
        located = session.get(Location, oslo)
        assert located is not None
        assert accounts_of(session, located).sales_account_id == main.sales_account_id

    # The default location's accounts change: OSLO uses the new ones (a live link).
    main_values = service.load(main.id)
    service.save(main.id, main_values | {"sales_account": theirs}, main_values["version"])
    with store.session() as session:
        located = session.get(Location, oslo)
        assert located is not None
        assert accounts_of(session, located).sales_account_id == theirs

    # Set as default moves the mark: OSLO now uses BERGEN's accounts.
    service.set_as_default(bergen)
    with store.session() as session:
        located = session.get(Location, oslo)
        assert located is not None
        assert accounts_of(session, located).sales_account_id == own
    assert service.load(oslo)["sales_account"] == own  # shown as used


def test_set_as_default_gives_a_sharing_location_the_accounts_as_its_own(store: Store) -> None:
    customer = new_customer(store)
    service = LocationService(store)
    oslo = add_location(store, customer, "OSLO")
    main = location_named(store, customer, "MAIN")
    service.set_as_default(oslo)
    now = location_named(store, customer, "OSLO")
    assert now.is_default and not now.same_as_default_location
    assert (now.sales_account_id, now.sales_sub_id) == (main.sales_account_id, main.sales_sub_id)


def test_a_location_without_the_accounts_the_default_needs_is_refused(store: Store) -> None:
    customer = new_customer(store)
    with pytest.raises(ValidationError, match="Sales account: a value is required"):
        add_location(store, customer, "BARE", same_as_default_location=False, sales_account=None)


EXPECTED = {
    ExportType.DOMESTIC: ("sales_account_id", "STANDARD"),
    ExportType.DOMESTIC_EXEMPT_VAT: ("sales_non_taxable_account_id", "EXEMPT"),
    ExportType.EU: ("sales_eu_account_id", "EXEMPT"),
    ExportType.EXPORT: ("sales_export_account_id", "EXEMPT"),
}


@pytest.mark.parametrize("export_type", list(ExportType))
def test_an_export_type_implies_its_sales_account_and_vat_category(
    store: Store, export_type: ExportType
) -> None:
    customer = new_customer(store)
    location_id = add_location(store, customer, "SITE", export_type=export_type)
    column, category = EXPECTED[export_type]
    with store.session() as session:
        location = session.get(Location, location_id)
        assert location is not None
        found = suggested(session, location)
        assert found.sales_account_id == getattr(accounts_of(session, location), column)
        assert found.sales_account_id is not None
        zone_default = {
            zone.vat_zone_id: zone.default_vat_category_id
            for zone in session.scalars(select(VatZone))
        }
        expected_category = session.scalar(
            select(VatCategory.id).where(VatCategory.vat_category_id == category)
        )
        assert found.vat_category_id == expected_category
        if export_type == ExportType.EU:
            assert found.vat_category_id == zone_default["EU"]
    values = LocationService(store).load(location_id)
    assert values["suggested_sales_account"] == found.sales_account_id
    assert values["suggested_vat_category"] == found.vat_category_id


def test_the_main_location_cannot_be_renamed_deleted_or_deactivated(store: Store) -> None:
    customer = new_customer(store)
    service = LocationService(store)
    oslo = add_location(store, customer, "OSLO")
    service.set_as_default(oslo)  # MAIN is now only the main location
    main = location_named(store, customer, "MAIN")
    values = service.load(main.id)

    with pytest.raises(ValidationError, match="main location: its ID cannot be changed"):
        service.save(main.id, values | {"location_id": "HQ"}, values["version"])
    with pytest.raises(ValidationError, match="cannot be deactivated: it is the customer's main"):
        service.save(main.id, values | {"active": False}, values["version"])
    with pytest.raises(RecordError, match="cannot be deleted: it is the customer's main"):
        service.delete(main.id)
    with pytest.raises(RecordError, match="main location"):
        service.deactivate(main.id, values["version"])
    assert location_named(store, customer, "MAIN").active


def test_the_default_location_cannot_be_deactivated(store: Store) -> None:
    customer = new_customer(store)
    service = LocationService(store)
    oslo = add_location(store, customer, "OSLO")
    service.set_as_default(oslo)
    values = service.load(oslo)
    with pytest.raises(ValidationError, match="default location and cannot be deactivated"):
        service.save(oslo, values | {"active": False}, values["version"])
    with pytest.raises(RecordError, match="default location and cannot be deleted"):
        service.delete(oslo)
    # Another location may retire.
    bergen = add_location(store, customer, "BERGEN")
    values = service.load(bergen)
    service.save(bergen, values | {"active": False}, values["version"])
    assert not location_named(store, customer, "BERGEN").active
