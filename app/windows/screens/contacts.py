"""Contacts (CR302000): a customer's contact person, arranged from the contact's definition
(app/ledger/definitions/contact.py), with the handlers only this screen needs.

AR303000's Add contact opens it on a new contact of the customer; there, as the seed's "Connect
contact to customer" says, either enter the Last name of a new contact, or type the Contact ID
of an existing one to connect it to the customer (saved with the contact).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from app.ledger.contacts import CONTACT_ID, CUSTOMER, FOR_SUPPLIER, SUPPLIER, ContactService
from app.ledger.definitions.contact import CONTACT
from app.models import ContactPerson, Customer, Supplier
from app.models.database import Store
from app.windows.framework.lookup import LookupEditor
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.set_as_default import set_as_default
from app.windows.framework.spec import Action, Kind, ListColumn, RowSelect, Screen, Section, Tab
from app.windows.navigation import Target

SCREEN_ID = "CR302000"
pick = CONTACT.pick


def list_query() -> RowSelect:
    contact: Any = ContactPerson
    # The account's supplier: the contact's own (an account without a customer) or its
    # customer's (at most one: a supplier has one customer).
    of_account = (Supplier.id == ContactPerson.supplier_id) | (
        ContactPerson.customer_id.is_not(None) & (Supplier.customer_id == ContactPerson.customer_id)
    )
    return (
        select(
            ContactPerson.id.label("id"),
            ContactPerson.contact_id.label("contact_id"),
            contact.display_name.label("name"),
            Customer.customer_no.label("customer"),
            Customer.name.label("customer_name"),
            Supplier.supplier_no.label("supplier"),
            ContactPerson.job_title.label("job_title"),
            ContactPerson.email.label("email"),
            ContactPerson.phone_1.label("phone_1"),
            ContactPerson.active.label("active"),
            ContactPerson.is_default.label("is_default"),
        )
        .outerjoin(Customer, ContactPerson.customer_id == Customer.id)
        .outerjoin(Supplier, of_account)
    )


CONTACT_INFO = Tab(
    "Contact info",
    sections=(
        Section("Contact", pick("email", "phone_1", "phone_2", "fax")),
        Section("Address", pick("address_1", "postcode", "city", "country"), column=1),
    ),
)

SCREEN = Screen(
    id=SCREEN_ID,
    title="Contacts",
    model=ContactPerson,
    top=pick(
        CONTACT_ID,
        CUSTOMER,
        SUPPLIER,
        "first_name",
        "last_name",
        "job_title",
        "active",
        "is_default",
    ),
    tabs=(CONTACT_INFO,),
    actions=(
        Action(
            "Set as default",
            set_as_default("contact"),
            toolbar=True,
            help="Makes this contact the customer's default contact (one per customer).",
        ),
    ),
    list_columns=(
        ListColumn("contact_id", "Contact ID", Kind.NUMBER, width=90),
        ListColumn("name", "Name", width=200),
        ListColumn("customer", "Customer", width=100),
        ListColumn("customer_name", "Customer name", width=200),
        ListColumn("supplier", "Supplier", width=100),
        ListColumn("job_title", "Job title", width=140),
        ListColumn("email", "Email", width=200),
        ListColumn("phone_1", "Phone 1", width=120),
        ListColumn("active", "Active", Kind.CHECKBOX, width=70),
        ListColumn("is_default", "Is default", Kind.CHECKBOX, width=80),
    ),
    list_query=list_query,
    definition=CONTACT,
)


class ContactScreen(RecordScreen):
    """CR302000, opened on its own or by AR303000's Add contact for one customer."""

    service: ContactService

    def __init__(self, store: Store, service: ContactService, parent: QWidget | None) -> None:
        # The customer Add contact opened the screen for: an existing contact selected by its
        # Contact ID is connected to it.
        self._for_customer: int | None = None
        # The supplier (of an account without a customer) AP303000's Add contact opened the
        # screen for: a new contact is saved as its.
        self._for_supplier: int | None = None
        super().__init__(store, SCREEN, service, parent)

    def _after_load(self) -> None:
        super()._after_load()
        self._for_customer = None  # another record shown: no longer a new contact for it
        self._for_supplier = None

    def values_to_save(self) -> dict[str, Any]:
        values = super().values_to_save()
        if self.record.is_new and self._for_supplier is not None:
            values[FOR_SUPPLIER] = self._for_supplier
        return values

    def show_target(self, target: Target) -> None:
        """Opened by Add contact of AR303000 (or AP303000): a new contact of the customer (or
        the supplier), nothing unsaved yet (its account is where it starts, not a change)."""
        customer = target.values.get(CUSTOMER)
        supplier = target.values.get(SUPPLIER)
        if target.record_id is not None or not isinstance(customer or supplier, int):
            super().show_target(target)
            return
        if not self.confirm_close():
            return
        values = self.service.new_values() | dict(target.values)
        self.descriptions.load(self._referenced(values))
        self.record.load(values, None, None)
        self._after_load()
        if isinstance(customer, int):
            self._for_customer = customer
        elif isinstance(supplier, int):
            self._for_supplier = supplier
        self.pages.setCurrentIndex(0)
        if self._for_customer is not None:
            self.show_message(
                "A new contact of the customer: enter its Last name, or type the Contact ID of "
                "an existing contact to connect it to the customer."
            )
        else:
            self.show_message("A new contact of the supplier: enter its Last name.")
        self.editor("last_name").setFocus()

    def _key_entered(self) -> None:
        if not isinstance(self.record.value(CONTACT_ID), int):
            return  # none yet, or a number no contact has (said at the field)
        customer = self._for_customer
        if customer is None or not self.record.is_new:
            super()._key_entered()
            return
        found = self.service.find(self.record.values())
        if found is None:
            return
        if set(self.record.changed_keys()) - {CONTACT_ID}:
            super()._key_entered()  # asks about what else was typed
            if self.record.record_id != found:
                return
        elif not self._open(found):
            return
        self._connect(customer)

    def _connect(self, customer: int) -> None:
        """The existing contact shown, connected to the customer it was selected for (an
        unsaved change, saved with the contact)."""
        if self.record.value(CUSTOMER) == customer:
            return
        self.record.set_value(CUSTOMER, customer)
        editor = self.editor(CUSTOMER)
        number = editor.line_edit.text() if isinstance(editor, LookupEditor) else customer
        self.show_message(f"Save to connect this contact to customer {number}.")


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return ContactScreen(store, ContactService(store), parent)
