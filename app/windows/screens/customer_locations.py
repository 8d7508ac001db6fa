"""Customer locations (CR303010), arranged from the location's definition
(app/ledger/definitions/location.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from app.ledger.definitions.location import LOCATION
from app.ledger.locations import LocationService
from app.ledger.records import RecordError
from app.models import Customer, Location
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Action, Kind, ListColumn, RowSelect, Screen

SCREEN_ID = "CR303010"


def list_query() -> RowSelect:
    return select(
        Location.id.label("id"),
        Customer.customer_no.label("customer"),
        Location.location_id.label("location_id"),
        Location.location_name.label("location_name"),
        Location.active.label("active"),
        Location.is_default.label("is_default"),
    ).join(Customer, Location.customer_id == Customer.id)


def set_as_default(screen: RecordScreen) -> None:
    """Make the shown (saved) location the customer's default location."""
    service = screen.service
    assert isinstance(service, LocationService)
    if screen.record.record_id is None or screen.record.is_dirty:
        screen.show_message("Save the location before making it the default.", error=True)
        return
    try:
        service.set_as_default(screen.record.record_id)
    except RecordError as error:
        screen.show_message(str(error), error=True)
        return
    screen.load_record(screen.record.record_id)
    screen.show_message("This is now the customer's default location.")


SCREEN = Screen(
    id=SCREEN_ID,
    title="Customer locations",
    model=Location,
    top=LOCATION.pick("customer", "location_id", "location_name", "active", "is_default"),
    actions=(
        Action(
            "Set as default",
            set_as_default,
            toolbar=True,
            help="Makes the current location the customer's default location.",
        ),
    ),
    list_columns=(
        ListColumn("customer", "Customer", width=110),
        ListColumn("location_id", "Location ID", width=100),
        ListColumn("location_name", "Location name", width=240),
        ListColumn("active", "Active", Kind.CHECKBOX, width=70),
        ListColumn("is_default", "Is default", Kind.CHECKBOX, width=80),
    ),
    list_query=list_query,
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return RecordScreen(store, SCREEN, LocationService(store), parent)
