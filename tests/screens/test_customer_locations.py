"""Customer locations (CR303010): create for a customer, first is default, Set as default."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select, update

from app.models import (
    AccountType,
    ArDocument,
    Customer,
    CustomerClass,
    CustomerStatus,
    DocumentType,
    GlAccount,
    Location,
    Subaccount,
)
from app.models.database import Store
from app.windows.framework.lookup import LookupEditor
from app.windows.framework.record_screen import RecordScreen
from tests.screens.conftest import Answers
from tests.screens.helpers import shown, trigger, type_into

Opener = Callable[[str], RecordScreen]


@pytest.fixture(autouse=True)
def customers(store: Store) -> None:
    # Their class gives a first location the sales account and subaccount every location needs
    # (AR303000 requires them of the default location).
    with store.transaction() as session:
        sales = GlAccount(account="3000", description="Sales", account_type=AccountType.INCOME)
        sub = Subaccount(subaccount_id="000", description="Default")
        session.add_all([sales, sub])
        session.flush()
        retail = CustomerClass(class_id="RETAIL", sales_account_id=sales.id, sales_sub_id=sub.id)
        session.add_all(
            [
                Customer(customer_no="10001", name="Nordic Trading AS", customer_class=retail),
                Customer(
                    customer_no="10002",
                    name="Closed Oy",
                    status=CustomerStatus.INACTIVE,
                    customer_class=retail,
                ),
            ]
        )


def add_location(qtbot: QtBot, screen: RecordScreen, customer: str, location: str) -> None:
    trigger(screen, "add_new")
    type_into(qtbot, screen, "customer", customer)
    type_into(qtbot, screen, "location_id", location)
    type_into(qtbot, screen, "location_name", f"{location} site")
    trigger(screen, "save")


def defaults(store: Store) -> dict[str, bool]:
    with store.session() as session:
        return {
            row[0]: row[1]
            for row in session.execute(select(Location.location_id, Location.is_default))
        }


def test_first_location_is_default_and_set_as_default_moves_the_mark(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = open_screen("CR303010")
    add_location(qtbot, screen, "10001", "MAIN")
    add_location(qtbot, screen, "10001", "OSLO")
    assert defaults(store) == {"MAIN": True, "OSLO": False}
    assert shown(screen, "is_default") is False

    trigger(screen, "set_as_default")
    assert defaults(store) == {"MAIN": False, "OSLO": True}
    assert shown(screen, "is_default") is True


def test_the_default_location_cannot_be_deleted(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = open_screen("CR303010")
    add_location(qtbot, screen, "10001", "MAIN")
    trigger(screen, "delete")
    assert "is the customer's default location and cannot be deleted" in screen.message.text()
    assert defaults(store) == {"MAIN": True}


def test_inactive_customers_are_not_offered(qtbot: QtBot, open_screen: Opener) -> None:
    screen = open_screen("CR303010")
    type_into(qtbot, screen, "customer", "10002")
    trigger(screen, "save")
    assert "Customer: '10002' is not in the list of customers." in screen.message.text()
    lookup = screen.editor("customer")
    assert isinstance(lookup, LookupEditor)
    lookup.line_edit.setFocus()
    lookup.line_edit.clear()
    qtbot.keyClicks(lookup.line_edit, "1000")
    assert lookup.completer.model().rowCount() == 1


def test_same_location_id_twice_for_a_customer_is_refused(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = open_screen("CR303010")
    add_location(qtbot, screen, "10001", "MAIN")
    trigger(screen, "add_new")
    type_into(qtbot, screen, "customer", "10001")
    type_into(qtbot, screen, "location_name", "typed first")
    type_into(qtbot, screen, "location_id", "MAIN")
    # Typing an existing key offers to open that record; the answer fixture says Cancel.
    assert shown(screen, "location_name") == "typed first"


def location_used_by_an_invoice(store: Store, location: str) -> None:
    with store.transaction() as session:
        found = session.scalars(select(Location).where(Location.location_id == location)).one()
        session.add(
            ArDocument(
                doc_type=DocumentType.INVOICE,
                ref_nbr="INV000001",
                customer_id=found.customer_id,
                location_id=found.id,
                doc_date=date(2026, 1, 15),
            )
        )


def actives(store: Store) -> dict[str, bool]:
    with store.session() as session:
        rows = session.execute(select(Location.location_id, Location.active))
        return {location_id: active for location_id, active in rows}


REFUSED = "Location OSLO of customer 10001 cannot be deleted: it is used by 1 ledger document."


def test_a_location_documents_use_is_not_deleted_and_may_be_deactivated_instead(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    screen = open_screen("CR303010")
    add_location(qtbot, screen, "10001", "MAIN")
    add_location(qtbot, screen, "10001", "OSLO")
    location_used_by_an_invoice(store, "OSLO")

    answers.no_to = {"Deactivate instead"}
    trigger(screen, "delete")
    assert answers.asked[-2].startswith("Delete: Delete Location 10001 OSLO?")
    assert answers.asked[-1].startswith(f"Deactivate instead: {REFUSED}")
    assert screen.message.text() == REFUSED
    assert screen.message.property("error") is True
    assert actives(store) == {"MAIN": True, "OSLO": True}
    assert shown(screen, "location_id") == "OSLO" and shown(screen, "active") is True

    answers.no_to = set()
    trigger(screen, "delete")
    assert screen.message.text() == f"{REFUSED}\nIt was deactivated instead."
    assert actives(store) == {"MAIN": True, "OSLO": False}
    assert shown(screen, "active") is False and not screen.is_dirty
    with store.session() as session:
        assert session.scalars(select(ArDocument.location_id)).one() is not None

    trigger(screen, "delete")  # inactive already: refused, nothing more to offer
    assert screen.message.text() == REFUSED
    assert not answers.asked[-1].startswith("Deactivate instead")


def test_deactivating_a_location_changed_meanwhile_is_refused(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    screen = open_screen("CR303010")
    add_location(qtbot, screen, "10001", "MAIN")
    add_location(qtbot, screen, "10001", "OSLO")
    location_used_by_an_invoice(store, "OSLO")
    with store.transaction() as session:  # someone else renames it meanwhile
        session.execute(
            update(Location)
            .where(Location.location_id == "OSLO")
            .values(location_name="Theirs", version=Location.version + 1)
        )
    trigger(screen, "delete")
    assert screen.message.text() == (
        f"{REFUSED}\nIt was not deactivated: "
        "The location was changed by someone else since you opened it."
    )
    assert actives(store) == {"MAIN": True, "OSLO": True}
