"""Customer locations (CR303010), arranged from the location's definition
(app/ledger/definitions/location.py), with the handlers only this screen needs.

Customer and Location ID select the location, as in the product family: selecting a customer
shows its main location; typing another location ID shows that location of the customer, or
starts a new one with that ID and the new location's defaults (app/ledger/locations.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from app.ledger.customer_salespersons import SALESPERSONS
from app.ledger.definitions.location import LOCATION, section_keys
from app.ledger.definitions.parts import SHIPPING_INSTRUCTIONS
from app.ledger.locations import (
    SAME_AS_DEFAULT,
    SUGGESTED_SALES_ACCOUNT,
    SUGGESTED_VAT_CATEGORY,
    LocationService,
)
from app.ledger.maps import map_url_of
from app.models import Address, Country, Customer, Location
from app.models.database import Store
from app.windows.framework import dialogs
from app.windows.framework.lookup import LookupEditor
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.set_as_default import set_as_default
from app.windows.framework.spec import Action, Kind, ListColumn, RowSelect, Screen, Section, Tab
from app.windows.framework.widgets import as_editor
from app.windows.navigation import Target

SCREEN_ID = "CR303010"
pick = LOCATION.pick


def list_query() -> RowSelect:
    return (
        select(
            Location.id.label("id"),
            Customer.customer_no.label("customer"),
            Customer.name.label("customer_name"),
            Location.location_id.label("location_id"),
            Location.location_name.label("location_name"),
            Address.city.label("city"),
            Country.country_id.label("country"),
            Location.active.label("active"),
            Location.is_default.label("is_default"),
        )
        .join(Customer, Location.customer_id == Customer.id)
        .outerjoin(Address, Location.address_id == Address.id)
        .outerjoin(Country, Address.country_id == Country.id)
    )


def view_on_map(screen: RecordScreen) -> None:
    assert isinstance(screen, LocationScreen)
    screen.view_on_map()


GENERAL_INFORMATION = Tab(
    "General information",
    sections=(
        Section(
            "Location address",
            pick(*section_keys("location_address")),
            buttons=(Action("View on map", view_on_map),),
        ),
        Section("Location contact", pick(*section_keys("location_contact"))),
        Section(
            "Location settings",
            pick(
                "vat_zone",
                "corporate_id",
                "vat_registration_id",
                "export_type",
                SUGGESTED_SALES_ACCOUNT,
                SUGGESTED_VAT_CATEGORY,
                "gln",
                "edi_code",
                "invoice_to_default_location",
                "shipping_branch",
                "price_class_id",
            ),
            column=1,
        ),
        Section(
            "Shipping instructions",
            pick(*SHIPPING_INSTRUCTIONS),
            column=1,
        ),
    ),
)

GENERAL_LEDGER_ACCOUNTS = Tab(
    "General ledger accounts",
    sections=(
        Section(
            "",
            pick(
                SAME_AS_DEFAULT,
                "sales_account",
                "sales_sub",
                "sales_non_taxable_account",
                "sales_eu_account",
                "sales_export_account",
            ),
        ),
        Section(
            "",
            pick("discount_account", "discount_sub", "freight_account", "freight_sub"),
            column=1,
        ),
    ),
)

# The customer's salespersons at this location.
SALESPERSONS_TAB = Tab("Salespersons", grids=(LOCATION.grid(SALESPERSONS),))

SCREEN = Screen(
    id=SCREEN_ID,
    title="Customer locations",
    model=Location,
    top=pick("customer", "location_id", "location_name", "active", "is_default"),
    tabs=(GENERAL_INFORMATION, GENERAL_LEDGER_ACCOUNTS, SALESPERSONS_TAB),
    actions=(
        Action(
            "Set as default",
            set_as_default("location"),
            toolbar=True,
            help="Makes the current location the customer's default location.",
        ),
    ),
    list_columns=(
        ListColumn("customer", "Customer", width=110),
        ListColumn("customer_name", "Customer name", width=220),
        ListColumn("location_id", "Location ID", width=100),
        ListColumn("location_name", "Location name", width=220),
        ListColumn("city", "City", width=140),
        ListColumn("country", "Country", width=70),
        ListColumn("active", "Active", Kind.CHECKBOX, width=70),
        ListColumn("is_default", "Is default", Kind.CHECKBOX, width=80),
    ),
    list_query=list_query,
    definition=LOCATION,
)


class LocationScreen(RecordScreen):
    """CR303010: Customer and Location ID select the location shown."""

    service: LocationService

    def __init__(self, store: Store, service: LocationService, parent: QWidget | None) -> None:
        self._selecting = False
        super().__init__(store, SCREEN, service, parent)

    def wire(self) -> None:
        self.binder.on_change["customer"] = self._customer_selected

    def _key_entered(self) -> None:
        # Left (not each keystroke): the location ID typed selects a location or starts one.
        self._location_id_typed(self.record.value("location_id"))

    def _after_load(self) -> None:
        super()._after_load()
        # Both keys stay open: they select the location shown (a saved one is not renamed here).
        for key in self.key_keys:
            as_editor(self.editor(key)).set_read_only(False)

    def add_new(self) -> None:
        """A new location of the customer shown (seed: Add customer locations)."""
        customer = self.record.value("customer")
        if not self.confirm_close():
            return
        self.new_record()
        if isinstance(customer, int):
            self._start_new(customer, None)
        self._focus_first()

    def show_target(self, target: Target) -> None:
        """Opened from AR303000: a location, or (Add location) a new one of the customer with
        its defaults — not the customer's main location, which selecting a customer shows."""
        customer = target.values.get("customer")
        if target.record_id is not None or not isinstance(customer, int):
            super().show_target(target)
            return
        if not self.confirm_close():
            return
        self.new_record()
        self._start_new(customer, None)
        self.pages.setCurrentIndex(0)
        self._focus_first()

    # -- selecting ---------------------------------------------------------------------------

    def _customer_selected(self, customer: Any) -> None:
        if self._selecting or not isinstance(customer, int):
            return
        typed_id = self.record.value("location_id")
        if self.record.is_new and typed_id and not self.record.loaded_value("location_id"):
            # A new location's ID typed first: the customer's location with it, if any.
            self._location_id_typed(typed_id)
            return
        main = self.service.main_location_of(customer)
        if not self._may_leave("customer"):
            return
        if main is not None:
            self._open(main)
        else:
            self._start_new(customer, None)

    def _location_id_typed(self, location_id: Any) -> None:
        if self._selecting:
            return
        customer = self.record.value("customer")
        if not isinstance(customer, int) or not isinstance(location_id, str) or not location_id:
            return
        if location_id == self.record.loaded_value("location_id") and not self.record.is_new:
            return
        found = self.service.find({"customer": customer, "location_id": location_id})
        if found is not None and found == self.record.record_id:
            return
        if self.record.is_new and found is None:
            return  # a new location's own ID
        if not self._may_leave("location_id"):
            return
        if found is not None:
            self._open(found)
        else:
            self._start_new(customer, location_id)

    def _may_leave(self, key: str) -> bool:
        """Unsaved changes besides the keys: asked about; Cancel puts the keys back."""
        others = [k for k in self.record.changed_keys() if k not in self.key_keys]
        if not others:
            return True
        answer = dialogs.ask_unsaved(self, self._record_name())
        if answer == dialogs.Unsaved.DISCARD:
            return True
        with self._selecting_keys():
            for name in self.key_keys:
                self.record.set_value(name, self.record.loaded_value(name))
        return answer == dialogs.Unsaved.SAVE and self.save()

    def _start_new(self, customer: int, location_id: str | None) -> None:
        """A new location of ``customer`` with its defaults (nothing unsaved yet), and the ID
        typed (if any)."""
        values = self.service.new_location_values(customer)
        self.descriptions.load(self._referenced(values))
        with self._selecting_keys():
            self.record.load(values, None, None)
            self._after_load()
            if location_id is not None:
                self.record.set_value("location_id", location_id)

    @contextmanager
    def _selecting_keys(self) -> Iterator[None]:
        """While the screen sets its keys itself, they select nothing."""
        self._selecting = True
        try:
            yield
        finally:
            self._selecting = False

    def view_on_map(self) -> None:
        """The location address as shown (saved or not) in the system's browser."""
        values = self.record.values()

        def described(key: str) -> str | None:
            editor = self.editor(key)
            return editor.description.text() or None if isinstance(editor, LookupEditor) else None

        url = map_url_of(
            [values.get(f"location_address_address_{n}") for n in (1, 2, 3)],
            values.get("location_address_postcode"),
            values.get("location_address_city"),
            described("location_address_county"),
            described("location_address_country"),
        )
        if url is None:
            self.show_message("View on map: the location address is empty.", error=True)
            return
        QDesktopServices.openUrl(QUrl(url))


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return LocationScreen(store, LocationService(store), parent)
