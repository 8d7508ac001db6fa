"""What the Customers (AR303000) flows share: a company as first-run setup leaves it plus the
reference data the customer's lookups select from, and ways to read what was stored."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.ledger.setup import set_up_company
from app.models import (
    Carrier,
    CashAccount,
    Customer,
    FobPoint,
    Location,
    PaymentMethod,
    PaymentMethodDetail,
    PriceClass,
    RateType,
    ShippingTerms,
    ShippingZone,
    StatementCycle,
    Subaccount,
    Warehouse,
)
from app.models.database import Store
from app.windows.framework.lookup import LookupEditor
from app.windows.framework.record_screen import RecordScreen
from tests.screens.helpers import trigger, type_into

Opener = Callable[[str], RecordScreen]


def set_up(store: Store) -> None:
    """First-run setup (the DEFAULT class, the CUSTOMER series, payment methods …) plus two of
    each reference record the Delivery settings select from, and a payment method whose details
    the customer must give (one of them required)."""
    set_up_company(store, base_currency="NOK", country="NO", language="nb-NO")
    with store.transaction() as session:
        cash_account = session.scalars(select(CashAccount)).first()
        assert cash_account is not None
        session.add_all(
            [
                Carrier(carrier_id="POSTEN", description="Posten Norge"),
                Carrier(carrier_id="BRING", description="Bring Cargo"),
                ShippingTerms(shipping_terms_id="FOB", description="Free on board"),
                ShippingTerms(shipping_terms_id="EXW", description="Ex works"),
                ShippingZone(shipping_zone_id="SOUTH", description="Southern Norway"),
                ShippingZone(shipping_zone_id="NORTH", description="Northern Norway"),
                FobPoint(fob_point_id="ORIGIN", description="At origin"),
                FobPoint(fob_point_id="DEST", description="At destination"),
                Warehouse(warehouse_id="OSLO", description="Oslo warehouse"),
                Warehouse(warehouse_id="BERGEN", description="Bergen warehouse"),
                PriceClass(price_class_id="RETAIL", description="Retail prices"),
                PriceClass(price_class_id="TRADE", description="Trade prices"),
                Subaccount(subaccount_id="100", description="Sales department"),
                RateType(rate_type_id="BANK", description="Bank rate"),
                StatementCycle(statement_cycle_id="MID", description="Mid-month"),
                CashAccount(
                    cash_account_id="CARDS",
                    description="Card settlements",
                    gl_account_id=cash_account.gl_account_id,
                    currency_id=cash_account.currency_id,
                ),
                PaymentMethod(
                    payment_method_id="CARD",
                    description="Payment card",
                    cash_account_id=cash_account.id,
                    details=[
                        PaymentMethodDetail(
                            detail_id="HOLDER", description="Card holder", sort_order=2
                        ),
                        PaymentMethodDetail(
                            detail_id="NUMBER",
                            description="Card number",
                            required=True,
                            sort_order=1,
                        ),
                    ],
                ),
            ]
        )


def customer_named(session: Session, customer_no: str) -> Customer:
    return session.scalars(select(Customer).where(Customer.customer_no == customer_no)).one()


def locations_of(session: Session, customer_no: str) -> list[Location]:
    return list(customer_named(session, customer_no).locations)


def description(screen: RecordScreen, key: str) -> str:
    """What a lookup shows next to its code (a country's name, a class's description)."""
    editor = screen.editor(key)
    assert isinstance(editor, LookupEditor)
    return editor.description.text()


def create_customer(qtbot: QtBot, screen: RecordScreen, name: str, **typed: str) -> str:
    """Add new, type the name (and any other text fields), save; the number it got."""
    trigger(screen, "add_new")
    type_into(qtbot, screen, "customer_name", name)
    for key, text in typed.items():
        type_into(qtbot, screen, key, text)
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()
    number: Any = screen.record.value("customer_no")
    return str(number)


def enabled(screen: RecordScreen, key: str) -> bool:
    return screen.editor(key).isEnabled()


def visible(screen: RecordScreen, key: str) -> bool:
    """Shown by its condition (a field on another tab counts as shown)."""
    return not screen.editor(key).isHidden()


def add_location(
    qtbot: QtBot, screen: RecordScreen, number: str, location: str, **typed: str
) -> None:
    """On CR303010: Add new, the customer, the location's ID and name (and any other text
    fields), Save — which must be taken."""
    trigger(screen, "add_new")
    type_into(qtbot, screen, "customer", number)
    type_into(qtbot, screen, "location_id", location)
    type_into(qtbot, screen, "location_name", f"{location} site")
    for key, text in typed.items():
        type_into(qtbot, screen, key, text)
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()
