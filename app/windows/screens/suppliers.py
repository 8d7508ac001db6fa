"""Suppliers (AP303000): the supplier side of a business account — top part, General
information (main address and contact, shared with the customer of the same account, and the
financial settings), Payment settings, General ledger accounts, Contacts (the account's contact
persons, the same as the customer's) and Attributes — arranged from its definition
(app/ledger/definitions/supplier.py), with Extend to customer, View customer and Change ID.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from app.ledger.customer_attributes import ATTRIBUTES
from app.ledger.customers import EXTENDS_SUPPLIER
from app.ledger.definitions.supplier import ACCOUNT_TYPE, MAIN_ADDRESS, MAIN_CONTACT, SUPPLIER
from app.ledger.records import RecordError
from app.ledger.sources import COUNTIES
from app.ledger.supplier_list import supplier_list_query
from app.ledger.suppliers import EXTENDS_CUSTOMER, SupplierService
from app.models import BusinessAccountType, County, Supplier, SupplierStatus
from app.models.database import Store
from app.windows.framework import dialogs
from app.windows.framework.lookup import LookupEditor
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Action, Kind, ListColumn, Screen, Section, Tab, Values
from app.windows.navigation import Target
from app.windows.screens.account_contacts import AccountContacts, refresh_contacts

SCREEN_ID = "AP303000"
CUSTOMERS_SCREEN = "AR303000"
pick = SUPPLIER.pick


def supplier_only(values: Values) -> bool:
    """A saved supplier that is not a customer yet: it may be extended to one."""
    return values.get(ACCOUNT_TYPE) == BusinessAccountType.SUPPLIER


def also_customer(values: Values) -> bool:
    return values.get(ACCOUNT_TYPE) == BusinessAccountType.CUSTOMER_AND_SUPPLIER


def saved(values: Values) -> bool:
    return values.get(ACCOUNT_TYPE) is not None


GENERAL_INFORMATION = Tab(
    "General information",
    sections=(
        Section("Main address", pick(*MAIN_ADDRESS)),
        Section("Main contact", pick(*MAIN_CONTACT)),
        Section(
            "Financial settings",
            pick(
                "supplier_class",
                "terms",
                "currency_id",
                "currency_rate_type",
                "vat_zone",
                "document_language",
            ),
            column=1,
        ),
    ),
)

PAYMENT_SETTINGS = Tab(
    "Payment settings",
    sections=(
        Section("Default payment method", pick("payment_method", "cash_account")),
        Section("Bank account", pick("iban", "bic"), column=1),
    ),
)

GENERAL_LEDGER_ACCOUNTS = Tab(
    "General ledger accounts",
    sections=(
        Section(
            "",
            pick(
                "supplier_ledger_account",
                "supplier_ledger_sub",
                "expense_account",
                "expense_sub",
            ),
        ),
    ),
)


def account_of(service: SupplierService, supplier_id: int) -> tuple[int | None, int | None]:
    """The account the supplier's contacts belong to: its customer's when the account has one
    (one set of contacts), else the supplier's."""
    customer_id = service.customer_of(supplier_id)
    return (customer_id, None) if customer_id else (None, supplier_id)


def customer_too(service: SupplierService, supplier_id: int) -> Values:
    """A new contact of the supplier is its account's customer's too, when there is one."""
    customer_id = service.customer_of(supplier_id)
    return {"customer": customer_id} if customer_id else {}


# CR302000 shows the supplier on a new contact; Set as default names the account.
CONTACTS_OF = AccountContacts("supplier", "account's", account_of, also=customer_too)
CONTACTS_TAB = CONTACTS_OF.tab(
    SUPPLIER,
    saved,
    "Opens the Contacts (CR302000) window on a new contact person of this business account "
    "(the customer's too, when it is a customer).",
    "Makes the contact selected in the table the account's default contact (only one contact "
    "is the default).",
)

ATTRIBUTES_TAB = Tab("Attributes", grids=(SUPPLIER.grid(ATTRIBUTES),))

SCREEN = Screen(
    id=SCREEN_ID,
    title="Suppliers",
    model=Supplier,
    help="The supplier side of a business account: what paying the business needs.",
    top=pick("supplier_no", "supplier_name", "status", ACCOUNT_TYPE),
    tabs=(
        GENERAL_INFORMATION,
        PAYMENT_SETTINGS,
        GENERAL_LEDGER_ACCOUNTS,
        CONTACTS_TAB,
        ATTRIBUTES_TAB,
    ),
    actions=(
        Action(
            "View customer",
            lambda screen: screen.view_customer(),
            enabled_when=also_customer,
            help="Opens the Customers (AR303000) window on this supplier's customer account.",
        ),
        Action(
            "Extend to customer",
            lambda screen: screen.extend_to_customer(),
            enabled_when=supplier_only,
            help="Opens the Customers (AR303000) window on a new customer of this business "
            "account, prefilled from the supplier, for you to complete and save.",
        ),
        Action(
            "Change ID",
            lambda screen: screen.change_id(),
            enabled_when=saved,
            help="Gives the supplier another number (and its customer, the same account).",
        ),
    ),
    list_columns=(
        ListColumn("supplier_no", "Supplier no.", width=110),
        ListColumn("supplier_name", "Supplier name", width=260),
        ListColumn("city", "City", width=140),
        ListColumn("country", "Country", width=70),
        ListColumn("supplier_class", "Supplier class", width=120),
        ListColumn(
            ACCOUNT_TYPE, "Account type", Kind.OPTION, options=BusinessAccountType, width=150
        ),
        ListColumn("status", "Status", Kind.OPTION, options=SupplierStatus, width=110),
    ),
    list_query=supplier_list_query,
    definition=SUPPLIER,
)


class SupplierScreen(RecordScreen):
    """AP303000 with its own actions: the other side of the business account."""

    service: SupplierService

    def __init__(self, store: Store, service: SupplierService, parent: QWidget | None) -> None:
        self._extending: int | None = None  # the customer a new supplier is made for
        super().__init__(store, SCREEN, service, parent)

    def wire(self) -> None:
        # The county lookup offers the main address's country's counties, as on AR303000.
        self.binder.on_change["main_address_country"] = self._narrow_county
        # The Contacts rows are other records (edited on CR302000, or through the customer):
        # read again whenever a tab is looked at.
        self.form.tabs.currentChanged.connect(lambda _index: refresh_contacts(self))

    def showEvent(self, event: QShowEvent) -> None:
        # Back from another screen (CR302000 may have saved a contact of this account).
        super().showEvent(event)
        refresh_contacts(self)

    def _after_load(self) -> None:
        self._extending = None
        super()._after_load()
        self._narrow_county(self.record.value("main_address_country"))

    def _narrow_county(self, country_id: Any) -> None:
        editor = self.editor("main_address_county")
        assert isinstance(editor, LookupEditor)
        if isinstance(country_id, int):
            editor.source = replace(COUNTIES, where=lambda: County.country_id == country_id)
        else:
            editor.source = COUNTIES

    def values_to_save(self) -> dict[str, Any]:
        values = super().values_to_save()
        if self.record.is_new and self._extending is not None:
            values[EXTENDS_CUSTOMER] = self._extending
        return values

    def show_target(self, target: Target) -> None:
        """A new supplier for a customer (Extend to supplier), else as any screen."""
        customer_id = target.values.get(EXTENDS_CUSTOMER)
        if not isinstance(customer_id, int):
            super().show_target(target)
            return
        try:
            values = self.service.extension_values(customer_id)
        except RecordError as error:
            self.show_message(str(error), error=True)
            return
        # The number shown as typed: the record is unsaved until saved (the account type
        # follows then), and the rest as read, so the save can check the customer still has it.
        if self.show_prefilled(values, {"supplier_no": values.pop("supplier_no")}):
            self._extending = customer_id
            self.show_message(
                "A new supplier for this customer: complete it and save. Nothing is stored "
                "until you save."
            )

    # -- actions -----------------------------------------------------------------------------

    def view_customer(self) -> None:
        supplier_id = self.record.record_id
        customer_id = self.service.customer_of(supplier_id) if supplier_id else None
        if customer_id is None:
            self.show_message("This supplier has no customer account.", error=True)
            return
        self.open_elsewhere(Target(CUSTOMERS_SCREEN, record_id=customer_id))

    def extend_to_customer(self) -> None:
        """A new customer of this business account on AR303000, prefilled, not yet stored.
        Unsaved changes here are saved first (the customer starts from the saved supplier)."""
        if self.record.record_id is None:
            return
        if self.is_dirty and not self.save():
            return
        extends = {EXTENDS_SUPPLIER: self.record.record_id}
        self.open_elsewhere(Target(CUSTOMERS_SCREEN, values=extends))

    def change_id(self) -> None:
        """Renumber the saved supplier (and its customer)."""
        if self.record.record_id is None:
            return
        if self.is_dirty and not self.save():
            return
        current = str(self.record.value("supplier_no") or "")
        new_no = dialogs.ask_text(
            self, "Change ID", f"New supplier no. for supplier {current}:", current
        )
        if new_no is None or new_no.strip() == current:
            return
        try:
            self.service.change_id(self.record.record_id, new_no, self.record.version or 0)
        except RecordError as error:
            self.show_message(str(error), error=True)
            return
        self.load_record(self.record.record_id)
        self.show_message(f"Supplier {current} is now supplier {new_no.strip()}.")


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return SupplierScreen(store, SupplierService(store), parent)
