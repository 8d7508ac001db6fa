"""Customer locations (CR303010)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from app.ledger.locations import LocationService
from app.ledger.records import RecordError
from app.ledger.sources import (
    CUSTOMERS,
)
from app.models import Customer, Location
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen, screen_rules
from app.windows.framework.spec import Action, Field, Kind, ListColumn, RowSelect, Screen

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


SCREEN = Screen(
    id=SCREEN_ID,
    title="Customer locations",
    model=Location,
    top=(
        Field(
            "customer",
            "Customer",
            Kind.LOOKUP,
            attr="customer_id",
            required=True,
            lookup=CUSTOMERS,
        ),
        Field("location_id", "Location ID", Kind.TEXT, required=True),
        Field("location_name", "Location name", Kind.TEXT),
        Field("active", "Active", Kind.CHECKBOX),
        Field("is_default", "Is default", Kind.CHECKBOX, read_only=True),
    ),
    actions=(
        Action(
            "Set as default",
            "set_as_default",
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


class CustomerLocationsScreen(RecordScreen):
    service: LocationService

    def set_as_default(self) -> None:
        if self.record.record_id is None or self.record.is_dirty:
            self.show_message("Save the location before making it the default.", error=True)
            return
        try:
            self.service.set_as_default(self.record.record_id)
        except RecordError as error:
            self.show_message(str(error), error=True)
            return
        self.load_record(self.record.record_id)
        self.show_message("This is now the customer's default location.")


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return CustomerLocationsScreen(
        store, SCREEN, LocationService(store, screen_rules(SCREEN)), parent
    )
