"""Customers (AR303000): the customer record — top part, General information, Invoicing
settings, Delivery settings and General ledger accounts — arranged from its definition
(app/ledger/definitions/customer.py), with the handlers only this screen needs.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import QDialog, QWidget

from app.ledger import autoinvoice, class_defaults, webhooks
from app.ledger.activities import ACTIVITIES, ACTIVITY_MENU_TYPES
from app.ledger.child_accounts import (
    CHILD_ACCOUNTS,
    CHILDREN_FOLLOW,
    INHERITED_FLAGS,
    changed_flags,
)
from app.ledger.customer_attributes import ATTRIBUTES
from app.ledger.customer_list import customer_list_query
from app.ledger.customer_mailings import (
    CONTACT_TYPE,
    EMAIL,
    MAILINGS,
    OVERRIDDEN,
    RECIPIENTS,
    REVERT_HELP,
    ROLE_EMAIL,
    followed,
    marked,
    reverted,
)
from app.ledger.customer_payment_methods import PAYMENT_METHODS_GRID
from app.ledger.customer_salespersons import SALESPERSONS
from app.ledger.customers import (
    ACCOUNT_TYPE,
    EXTENDS_SUPPLIER,
    LOCATIONS,
    PAYMENT_METHOD,
    PAYMENT_METHOD_DETAILS,
    CustomerService,
)
from app.ledger.definitions.customer import (
    CUSTOMER,
    existing,
    is_also_supplier,
    is_customer_only,
    is_parent,
    section_keys,
)
from app.ledger.definitions.parts import SHIPPING_INSTRUCTIONS
from app.ledger.documents.write_offs import write_off_balance
from app.ledger.locations import LocationService
from app.ledger.mandates import MANDATES
from app.ledger.maps import map_url_of
from app.ledger.records import PARTS, RecordError
from app.ledger.sources import COUNTIES
from app.ledger.statements.cycle import StatementError, regenerate_last, regenerate_reason
from app.ledger.suppliers import (
    EXTENDS_CUSTOMER,
    account_type_of_customer,
    supplier_id_of_customer,
)
from app.models import (
    ActivityType,
    BusinessAccountType,
    County,
    Customer,
    CustomerStatus,
    DocumentType,
)
from app.models.database import Store
from app.windows.framework import dialogs
from app.windows.framework.grid import GridEditor, set_row_rule
from app.windows.framework.lookup import LookupEditor
from app.windows.framework.record_dialog import RecordDialog
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import (
    Action,
    Handler,
    Kind,
    ListColumn,
    Opens,
    Screen,
    Section,
    Tab,
)
from app.windows.navigation import Target
from app.windows.screens.account_contacts import CONTACTS_SCREEN as CONTACTS_SCREEN
from app.windows.screens.account_contacts import AccountContacts, refresh_contacts
from app.windows.screens.activities import activity_changes, open_editor

SCREEN_ID = "AR303000"
LOCATIONS_SCREEN = "CR303010"  # Customer locations: where a location is added and edited
SUPPLIERS_SCREEN = "AP303000"  # Suppliers: the supplier side of the business account
PAYMENT_METHODS_SCREEN = "AR303010"  # Customer payment methods: where a method is edited
DOCUMENTS_SCREEN = "AR301000"  # Customer documents: New invoice, New payment
DETAILS_SCREEN = "AR402000"  # Customer details: the customer's documents with balances
pick = CUSTOMER.pick


def view_on_map(section: str, title: str) -> Handler:
    """View on map of one address section, as shown (saved or not)."""
    return lambda screen: screen.view_on_map(section, title)


def address_section(title: str, section: str) -> Section:
    return Section(
        title,
        pick(*section_keys(section)),
        buttons=(Action("View on map", view_on_map(section, title)),),
    )


def contact_section(title: str, section: str, *extra: str) -> Section:
    return Section(title, pick(*section_keys(section), *extra))


GENERAL_INFORMATION = Tab(
    "General information",
    sections=(
        address_section("Main address", "main_address"),
        contact_section("Main contact", "main_contact", "account_ref"),
        Section(
            "Financial settings",
            pick(
                "customer_class",
                "terms",
                "statement_cycle_id",
                "document_language",
                "apply_payments_automatically",
                "apply_overdue_charges",
                "enable_write_offs",
                "exclude_ec_sales_list",
                "write_off_limit",
                "currency_id",
                "enable_currency_override",
                "currency_rate_type",
                "enable_rate_override",
                "auto_load_documents",
                "exclude_debt_collection",
            ),
            column=1,
        ),
        Section(
            "Customer properties",
            pick("webhook_notification"),
            column=1,
        ),
        Section(
            "Credit verification rules",
            pick(
                "credit_verification",
                "credit_limit",
                "credit_days_past_due",
                "unreleased_balance",
                "balance_of_open_orders",
                "remaining_credit_limit",
                "first_due_date",
            ),
            column=1,
        ),
    ),
)

INVOICING_SETTINGS = Tab(
    "Invoicing settings",
    sections=(
        address_section("Invoice address", "invoice_address"),
        contact_section("Invoice contact", "invoice_contact"),
        Section(
            "Parent info",
            pick(
                "parent_account",
                "consolidate_balance",
                "consolidate_statements",
                "shared_credit_policy",
            ),
            column=1,  # the right column: addresses and contacts fill the left one
        ),
        Section(
            "Print and email settings",
            pick(
                "print_invoices",
                "send_invoices_by_email",
                "send_dunning_letters_by_email",
                "print_dunning_letters",
                "send_statements_by_email",
                "multi_currency_statements",
                "print_statements",
                "statement_type",
            ),
            column=1,
        ),
        Section(
            "Send AutoInvoice Route",
            pick(
                autoinvoice.SEND,
                autoinvoice.SEND_AS_BANKING_EINVOICE,
                autoinvoice.PRINT,
                autoinvoice.EXCLUDE_INVOICE_PDF,
                autoinvoice.USE_FIRST_ATTACHMENT,
            ),
            column=1,
        ),
        Section(
            "Default payment method",
            pick(PAYMENT_METHOD, "cash_account", "description", "account_used_for_payment"),
        ),
    ),
    grids=(CUSTOMER.grid(PAYMENT_METHOD_DETAILS),),
)

DELIVERY_SETTINGS = Tab(
    "Delivery settings",
    sections=(
        address_section("Shipping address", "shipping_address"),
        contact_section("Shipping contact", "shipping_contact"),
        Section(
            "Default location settings",
            pick(
                "location_name",
                "vat_zone",
                "corporate_id",
                "vat_registration_id",
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
        Section(
            "Intrastat",
            pick("mode_of_transportation"),
        ),
    ),
)


def set_as_default(screen: CustomerScreen) -> None:
    screen.set_default_location()


# The Locations rows are CR303010's records: a row opens there, Add location a new one.
OPENS_LOCATIONS = Opens(LOCATIONS, LOCATIONS_SCREEN, "location", owner_key="customer")

SET_AS_DEFAULT = Action(
    "Set as default",
    set_as_default,
    toolbar=True,
    enabled_when=existing,
    help="Makes the location selected on the Locations tab the customer's default location "
    "(only one location is the default).",
)
ADD_LOCATION = Action(
    "Add location",
    OPENS_LOCATIONS.add,
    enabled_when=existing,
    help="Opens the Customer locations (CR303010) window, so you can enter a new location of "
    "this customer.",
)

LOCATIONS_TAB = Tab(
    "Locations",
    grids=(CUSTOMER.grid(LOCATIONS),),
    buttons=(ADD_LOCATION, SET_AS_DEFAULT),
    opens=OPENS_LOCATIONS,
)

# The Payment methods rows are AR303010's records.
OPENS_PAYMENT_METHODS = Opens(
    PAYMENT_METHODS_GRID, PAYMENT_METHODS_SCREEN, "payment method", owner_key="customer"
)

ADD_PAYMENT_METHOD = Action(
    "Add payment method",
    OPENS_PAYMENT_METHODS.add,
    enabled_when=existing,
    help="Opens the Customer payment methods (AR303010) window, so you can add a new payment "
    "method for this customer.",
)
VIEW_PAYMENT_METHOD = Action(
    "View payment method",
    OPENS_PAYMENT_METHODS.view,
    enabled_when=existing,
    help="Opens the payment method selected on the Payment methods tab in the Customer payment "
    "methods (AR303010) window.",
)

PAYMENT_METHODS_TAB = Tab(
    "Payment methods",
    grids=(CUSTOMER.grid(PAYMENT_METHODS_GRID),),
    buttons=(ADD_PAYMENT_METHOD, VIEW_PAYMENT_METHOD),
    opens=OPENS_PAYMENT_METHODS,
)

# Shown on a parent account only (seed).
CHILD_ACCOUNTS_TAB = Tab(
    "Child accounts",
    grids=(CUSTOMER.grid(CHILD_ACCOUNTS),),
    visible_when=is_parent,
)

OTHER_INVOICE_SETTINGS = Tab(
    "Other invoice settings",
    sections=(Section("", pick("finvoice_contract_id", "finvoice_intermediator_id")),),
    help="Finvoice invoices are in use in Finland only.",
)

DIRECT_DEBIT = Tab(
    "Direct debit",
    grids=(CUSTOMER.grid(MANDATES),),
    help="The Direct debit functionality is in use in the Netherlands only.",
)


# The customer's own contacts (CR302000's records).
CONTACTS_OF = AccountContacts(
    "customer", "customer's", lambda _service, customer_id: (customer_id, None)
)
ADD_CONTACT_HELP = (
    "Opens the Contacts (CR302000) window on a new contact person of this customer (or to "
    "connect an existing contact to it)."
)
ADD_CONTACT = CONTACTS_OF.add_action(existing, ADD_CONTACT_HELP)
CONTACTS_TAB = CONTACTS_OF.tab(
    CUSTOMER,
    existing,
    ADD_CONTACT_HELP,
    "Makes the contact selected in the table the customer's default contact (only one contact "
    "is the default).",
)

ATTRIBUTES_TAB = Tab("Attributes", grids=(CUSTOMER.grid(ATTRIBUTES),))


def add_activity_of(activity_type: ActivityType) -> Handler:
    return lambda screen: screen.add_activity(activity_type)


SAVE_FIRST = "Save the customer first: activities are logged against a saved customer."


def activity_button(label: str, activity_type: ActivityType, help_text: str) -> Action:
    return Action(
        label,
        add_activity_of(activity_type),
        enabled_when=existing,
        when_disabled=SAVE_FIRST,
        help=help_text,
    )


# The seed's buttons above the Activities grid; each opens a small editor (a row opens its own).
ACTIVITIES_TAB = Tab(
    "Activities",
    grids=(CUSTOMER.grid(ACTIVITIES),),
    buttons=(
        activity_button(
            "Add task",
            ActivityType.TASK,
            "Opens the Task (CR306020) window so you can create a new task.",
        ),
        activity_button(
            "Add event",
            ActivityType.EVENT,
            "Opens the Event (CR306030) window so you can create a new event.",
        ),
        activity_button(
            "Add email",
            ActivityType.EMAIL,
            "Opens the Send (CR306015) window so you can write an email to the customer. This "
            "workstation sends no e-mail: the email is stored as a draft to send.",
        ),
        Action(
            "Add activity",
            items=tuple(
                Action(
                    kind.label,
                    add_activity_of(kind),
                    help=f"Opens the Activity (CR306010) window on a new {kind.label.lower()}.",
                )
                for kind in ACTIVITY_MENU_TYPES
            ),
            enabled_when=existing,
            when_disabled=SAVE_FIRST,
        ),
    ),
)

SALESPERSONS_TAB = Tab(
    "Salespersons",
    grids=(CUSTOMER.grid(SALESPERSONS),),
)

REVERT_TO_CLASS_MAILINGS = Action(
    "Revert to class mailings",
    lambda screen: screen.revert_to_class_mailings(),
    help=REVERT_HELP,
)

MAILING_SETTINGS = Tab(
    "Mailing settings",
    grids=(CUSTOMER.grid(MAILINGS), CUSTOMER.grid(RECIPIENTS)),
    buttons=(REVERT_TO_CLASS_MAILINGS,),
    help="The mailings of the customer: its class's by default, marked Overridden once "
    "changed here; mailings not Overridden follow later changes of the class.",
)

GENERAL_LEDGER_ACCOUNTS = Tab(
    "General ledger accounts",
    sections=(
        Section(
            "",
            pick(
                "customer_ledger_account",
                "customer_ledger_sub",
                "sales_account",
                "sales_non_taxable_account",
                "sales_eu_account",
                "sales_export_account",
                "sales_sub",
            ),
        ),
        # The seed's one untitled section, flowed into the right column from here on.
        Section(
            "",
            pick(
                "discount_account",
                "discount_sub",
                "freight_account",
                "freight_sub",
                "cash_discount_account",
                "cash_discount_sub",
                "prepayment_account",
                "prepayment_sub",
            ),
            column=1,
        ),
    ),
)

# Shown once the customer's Webhook notification box is saved on (seed: "selected and saved").
WEBHOOK_NOTIFICATIONS = Tab(
    "Webhook notifications",
    grids=(CUSTOMER.grid(webhooks.EVENTS),),
    buttons=(
        Action(
            "View notification feedback",
            lambda screen: screen.view_notification_feedback(),
            help="Opens the Webhook notification feedback window on the selected notification: "
            "what changed and the message from the third-party integrator.",
        ),
        Action(
            "Resend notification",
            lambda screen: screen.resend_notification(),
            help="Marks the selected notification to be sent again (status Resent).",
        ),
    ),
    visible_when=webhooks.notified,
)

REGENERATE_HELP = (
    "Rebuilds the customer's most recent statement on its statement date with the same opening "
    "balance, as a new revision (the earlier PDF is kept), and shows it."
)

SCREEN = Screen(
    id=SCREEN_ID,
    title="Customers",
    model=Customer,
    top=pick(
        "customer_no",
        "customer_name",
        "status",
        ACCOUNT_TYPE,
        "balance",
        "prepayment_balance",
        "consolidated_balance",
        "retained_balance",
    ),
    # In the seed's order; the tabs of later issues go in between.
    tabs=(
        GENERAL_INFORMATION,
        INVOICING_SETTINGS,
        DELIVERY_SETTINGS,
        LOCATIONS_TAB,
        PAYMENT_METHODS_TAB,
        CONTACTS_TAB,
        SALESPERSONS_TAB,
        CHILD_ACCOUNTS_TAB,
        ATTRIBUTES_TAB,
        ACTIVITIES_TAB,
        GENERAL_LEDGER_ACCOUNTS,
        MAILING_SETTINGS,
        OTHER_INVOICE_SETTINGS,
        DIRECT_DEBIT,
        WEBHOOK_NOTIFICATIONS,
    ),
    # The seed's toolbar, Actions and Inquiries in its order. Commands of later issues are
    # listed disabled, saying what they will do; those the seed marks not in use (View business
    # account, Generate statement on demand) and those opening windows outside this product
    # (New sales order, View restriction groups, Sales prices, Sales by item and customer) are
    # left out.
    actions=(
        Action("View on map", view_on_map("main_address", "Main address"), toolbar=True),
        SET_AS_DEFAULT,
        Action(
            "View supplier",
            lambda screen: screen.view_supplier(),
            enabled_when=is_also_supplier,
        ),
        Action(
            "New invoice",
            lambda screen: screen.new_document(DocumentType.INVOICE),
            enabled_when=existing,
            help="Opens Customer documents (AR301000) with a new invoice of this customer.",
        ),
        Action(
            "New payment",
            lambda screen: screen.new_document(DocumentType.PAYMENT),
            enabled_when=existing,
            help="Opens Customer documents (AR301000) with a new payment of this customer.",
        ),
        Action(
            "Write-off balance",
            lambda screen: screen.write_off_balance(),
            enabled_when=lambda values: existing(values) and bool(values.get("enable_write_offs")),
            help="Writes off the customer's open documents whose balance is within its "
            "write-off limit, with the reason codes of Customer ledger preferences (AR101000).",
        ),
        ADD_LOCATION,
        ADD_CONTACT,
        ADD_PAYMENT_METHOD,
        Action(
            "Extend to supplier",
            lambda screen: screen.extend_to_supplier(),
            enabled_when=is_customer_only,
            help="Opens the Suppliers (AP303000) window on a new supplier of this business "
            "account, prefilled from the customer, for you to complete and save (nothing is "
            "stored until then). Unsaved changes of the customer are saved first.",
        ),
        Action(
            "Regenerate last statement",
            lambda screen: screen.regenerate_last_statement(),
            help=REGENERATE_HELP,
        ),
        Action("Change ID", lambda screen: screen.change_id(), enabled_when=existing),
        Action(
            "Customer details",
            lambda screen: screen.customer_details(),
            menu="Inquiries",
            enabled_when=existing,
            help="Opens Customer details (AR402000): this customer's documents with their "
            "balances.",
        ),
        Action(
            "Customer statement history",
            lambda screen: screen.statement_history(),
            menu="Inquiries",
            enabled_when=existing,
            help="Opens Customer statement history (AR404600): every statement of the customer, "
            "each reopening the exact PDF that was printed.",
        ),
    ),
    list_columns=(
        ListColumn("customer_no", "Customer no.", width=110),
        ListColumn("customer_name", "Customer name", width=260),
        ListColumn("city", "City", width=140),
        ListColumn("country", "Country", width=70),
        ListColumn("customer_class", "Customer class", width=120),
        ListColumn(
            ACCOUNT_TYPE, "Account type", Kind.OPTION, options=BusinessAccountType, width=150
        ),
        ListColumn("status", "Status", Kind.OPTION, options=CustomerStatus, width=110),
        ListColumn("balance", "Balance", Kind.MONEY, width=120),
    ),
    list_query=customer_list_query,
    definition=CUSTOMER,
)


ADDRESS_SECTIONS = ("main_address", "invoice_address", "shipping_address")


class CustomerScreen(RecordScreen):
    """AR303000 with its own on-change rules: class defaults, Same as main, payment method."""

    service: CustomerService

    def __init__(self, store: Store, service: CustomerService, parent: QWidget | None) -> None:
        self._extending: int | None = None  # the supplier a new customer is made for
        # The activity editor last opened here (tests and the integrator find it here).
        self.activity_editor: RecordDialog | None = None
        super().__init__(store, SCREEN, service, parent)

    def wire(self) -> None:
        # The definition's rules fill in values; these handlers are the screen's own: a
        # question before overwriting, a message, a lookup narrowed to the address's country.
        on_change = self.binder.on_change
        on_change["customer_class"] = self._class_changed
        on_change["parent_account"] = self._parent_chosen
        for section in ADDRESS_SECTIONS:
            on_change[f"{section}_country"] = partial(self._narrow_county, section)
            # A county lookup built later (its tab first shown) starts narrowed too.
            self.when_built(f"{section}_county", partial(self._narrow_built_county, section))
        # The class whose values the record shows: what a class change compares with.
        self._filled_class: Any = None
        self.when_built(ACTIVITIES, self._wire_activities)
        # An editor saved or deleted an activity: of this customer, the list is read again.
        activity_changes().changed.connect(self._activities_changed)
        # The Locations and Contacts rows are other records: read again whenever the tab is
        # looked at.
        self.form.tabs.currentChanged.connect(lambda _index: self.refresh_locations())
        self.form.tabs.currentChanged.connect(lambda _index: refresh_contacts(self))
        self.form.tabs.currentChanged.connect(lambda _index: self.refresh_activities())
        self._class_mailing_rows: dict[Any, list[dict[str, Any]]] = {}
        self.when_built(MAILINGS, self._wire_mailings)
        self.when_built(
            RECIPIENTS, partial(set_row_rule, CONTACT_TYPE, self._recipient_type_chosen)
        )
        # A notification's row (double-click, Enter) opens its feedback.
        self.when_built(webhooks.EVENTS, self._wire_events)
        # So are the payment methods (AR303010) and the child accounts.
        self.form.tabs.currentChanged.connect(lambda _index: self.refresh_views())

    def _after_load(self) -> None:
        # Not a slot of record_loaded: PySide6 on Python 3.11 loses a reference to None with
        # each None a Signal(object) delivers to a Python slot (a new record's id).
        self._extending = None
        self._class_mailing_rows = {}  # read again: the class may have changed meanwhile
        super()._after_load()
        self._remember_class()
        self._narrow_counties()
        self._update_regenerate()

    def showEvent(self, event: QShowEvent) -> None:
        # Back from another screen (CR303010 may have saved a location, AP303000 a supplier of
        # this customer): the rows and the account type as stored.
        super().showEvent(event)
        self.refresh_locations()
        self.refresh_account_type()
        refresh_contacts(self)
        self.refresh_activities()
        self.refresh_views()
        self.refresh_default_payment_method()

    def refresh_account_type(self) -> None:
        """Read the account type again: never an unsaved change."""
        customer_id = self.record.record_id
        if customer_id is None:
            return
        now = account_type_of_customer(self.store, customer_id)
        if now != self.record.value(ACCOUNT_TYPE):
            self.record.refresh(ACCOUNT_TYPE, now)

    def values_to_save(self) -> dict[str, Any]:
        values = super().values_to_save()
        if self.record.is_new and self._extending is not None:
            values[EXTENDS_SUPPLIER] = self._extending
        follow = self._children_follow(values)
        if follow:
            values[CHILDREN_FOLLOW] = follow
        return values

    def _children_follow(self, values: dict[str, Any]) -> list[str]:
        """A parent's changed Consolidate balance, Consolidate statements or Shared credit
        policy: asked whether its child accounts change too (seed); the flags they take."""
        if self.record.is_new or not is_parent(values):
            return []
        changed = changed_flags(values, self.record.loaded_values())
        children = values.get(CHILD_ACCOUNTS) or []
        differing = [
            key
            for key in changed
            if any(bool(row.get(key)) != bool(values.get(key)) for row in children)
        ]
        if not differing:
            return []
        what = "\n  ".join(
            f"{INHERITED_FLAGS[key]}: {'selected' if values.get(key) else 'cleared'}"
            for key in differing
        )
        agreed = dialogs.confirm(
            self,
            "Change child accounts",
            f"You changed the parent account's\n  {what}\n\nChange it for all its "
            f"{len(children)} child accounts too? They are saved with this customer.",
        )
        return differing if agreed else []

    def show_target(self, target: Target) -> None:
        """A new customer for a supplier (Extend to customer), else as any screen."""
        supplier_id = target.values.get(EXTENDS_SUPPLIER)
        if not isinstance(supplier_id, int):
            super().show_target(target)
            return
        try:
            values = self.service.extension_values(supplier_id)
        except RecordError as error:
            self.show_message(str(error), error=True)
            return
        # The number shown as typed: the record is unsaved until saved (the account type
        # follows then), and the rest as read, so the save can check the supplier still has it.
        if self.show_prefilled(values, {"customer_no": values.pop("customer_no")}):
            self._extending = supplier_id
            self.show_message(
                "A new customer for this supplier: complete it and save. Nothing is stored "
                "until you save."
            )

    # -- the Locations tab: a view of the customer's location records ------------------------

    def refresh_locations(self) -> None:
        self.refresh_rows(LOCATIONS, self.service.location_rows)

    def new_document(self, doc_type: DocumentType) -> None:
        """AR301000 with a new document of this (saved) customer."""
        if self.record.record_id is None:
            self.show_message("Save the customer before entering its documents.", error=True)
            return
        self.open_elsewhere(
            Target(
                DOCUMENTS_SCREEN,
                values={"customer": self.record.record_id, "doc_type": doc_type},
            )
        )

    def customer_details(self) -> None:
        if self.record.record_id is not None:
            self.open_elsewhere(Target(DETAILS_SCREEN, record_id=self.record.record_id))

    def write_off_balance(self) -> None:
        """Write off the small open balances and credits; the balances shown follow."""
        customer_id = self.record.record_id
        if customer_id is None:
            return
        if self.is_dirty and not self.save():
            return
        try:
            with self.store.transaction() as session:
                written = write_off_balance(session, customer_id, today=date.today())
                numbers = ", ".join(document.ref_nbr for document in written)
        except RecordError as error:
            self.show_message(str(error), error=True)
            return
        self.load_record(customer_id)
        self.show_message(f"Written off: {numbers}.")

    def set_default_location(self) -> None:
        """Move the default mark to the location selected on the Locations tab; the Delivery
        settings then show the new default's settings."""
        customer_id = self.record.record_id
        if customer_id is None:
            return
        row = self.selected(OPENS_LOCATIONS)
        if row is None:
            return
        self.commit_pending_edits()
        if self.is_dirty:
            # As CR303010: the default moves between saved records only.
            self.show_message("Save the customer before changing its default location.", error=True)
            return
        try:
            LocationService(self.store).set_as_default(row["id"])
        except RecordError as error:
            self.show_message(str(error), error=True)
            return
        # Read again: the Delivery settings are the new default's, its version the one saved.
        self.load_record(customer_id)
        self.select_row(LOCATIONS, row["id"])
        self.show_message(f"{row['location_id']} is now the customer's default location.")

    # -- the Payment methods and Child accounts tabs: views of other records -----------------

    def refresh_views(self) -> None:
        """Read the Payment methods and Child accounts rows again (when shown): never an
        unsaved change."""
        customer_id = self.record.record_id
        if customer_id is None:
            return
        for key, read in (
            (PAYMENT_METHODS_GRID, self.service.payment_method_rows),
            (CHILD_ACCOUNTS, self.service.child_account_rows),
            (webhooks.EVENTS, self.service.event_rows),
        ):
            editor = self.built_editor(key)
            if editor is None or not editor.isVisible():
                continue
            rows = read(customer_id)
            if rows != self.record.value(key):
                self.record.refresh(key, rows)

    def refresh_default_payment_method(self) -> None:
        """Back from AR303010: a customer without unsaved changes is read again when its
        default payment method was changed or moved there, so Invoicing settings show it (with
        unsaved changes, their save is refused as stale instead, with a reload offer)."""
        customer_id = self.record.record_id
        if customer_id is None or self.is_dirty:
            return
        parts = self.record.loaded_values().get(PARTS) or {}
        read = tuple(parts.get(PAYMENT_METHOD) or (None, None))
        if read != self.service.default_payment_method_stamp(customer_id):
            self.load_record(customer_id)

    # -- the Mailing settings tab: the customer's mailings and their recipients -------------

    def _class_mailings(self, class_id: Any) -> list[dict[str, Any]]:
        """The class's mailings as customer rows, e-mails as the customer is shown now."""
        if class_id not in self._class_mailing_rows:
            self._class_mailing_rows[class_id] = self.service.class_mailings(class_id, {})
        values = self.record.values()
        return [
            row
            | {
                RECIPIENTS: [
                    recipient | {EMAIL: self._role_email(recipient, values)}
                    for recipient in row[RECIPIENTS]
                ]
            }
            for row in self._class_mailing_rows[class_id]
        ]

    def _role_email(self, recipient: dict[str, Any], values: dict[str, Any]) -> Any:
        key = ROLE_EMAIL.get(recipient.get(CONTACT_TYPE))
        if key is not None:
            return values.get(key)
        return recipient.get(EMAIL) or self.service.recipient_email(recipient)

    def _recipient_type_chosen(self, row: dict[str, Any]) -> dict[str, Any] | None:
        """A role's recipient shows the e-mail of the customer's contact of that role, as the
        customer is shown (saved or not)."""
        key = ROLE_EMAIL.get(row.get(CONTACT_TYPE))
        return {EMAIL: self.record.value(key)} if key is not None else None

    def _mailings_grid(self) -> GridEditor:
        editor = self.editor(MAILINGS)
        assert isinstance(editor, GridEditor)
        return editor

    def _wire_mailings(self, editor: QWidget) -> None:
        assert isinstance(editor, GridEditor)
        editor.edited.connect(lambda _rows: self._mark_overridden())

    def _mark_overridden(self) -> None:
        """Overridden follows each edit: a mailing differing from the class's is marked (the
        save marks it so as well)."""
        grid = self._mailings_grid()
        rows = grid.model.rows()
        column = next(n for n, c in enumerate(grid.model.columns) if c.key == OVERRIDDEN)
        class_rows = self._class_mailings(self.record.value("customer_class"))
        for position, row in enumerate(marked(rows, class_rows)):
            if bool(rows[position].get(OVERRIDDEN)) != row[OVERRIDDEN]:
                grid.model.setData(grid.model.index(position, column), row[OVERRIDDEN])

    def revert_to_class_mailings(self) -> None:
        """Every mailing of the class takes the class's settings and recipients again (not
        stored until saved); the customer's own mailings stay."""
        class_id = self.record.value("customer_class")
        if class_id is None:
            self.show_message("The customer has no class to revert to.", error=True)
            return
        rows = self.record.value(MAILINGS) or []
        self.record.set_value(MAILINGS, reverted(rows, self._class_mailings(class_id)))
        self.show_message(
            "The mailings of the customer's class have the class's settings and recipients "
            "again; save to keep them."
        )

    # -- the Activities tab: a view of the customer's activity records ----------------------

    def _wire_activities(self, editor: QWidget) -> None:
        assert isinstance(editor, GridEditor)
        editor.row_opened.connect(self._open_activity_at)

    def _activities_grid(self) -> GridEditor:
        editor = self.editor(ACTIVITIES)
        assert isinstance(editor, GridEditor)
        return editor

    def _activities_changed(self, customer_id: int) -> None:
        if customer_id == self.record.record_id:
            self.refresh_activities(shown_or_not=True)

    def refresh_activities(self, *, shown_or_not: bool = False) -> None:
        """Read the Activities rows again (when shown, or an editor changed one): never an
        unsaved change."""
        editor = self.built_editor(ACTIVITIES)
        customer_id = self.record.record_id
        if editor is None or customer_id is None or not (shown_or_not or editor.isVisible()):
            return
        rows = self.service.activity_rows(customer_id)
        if rows != self.record.value(ACTIVITIES):
            self.record.refresh(ACTIVITIES, rows)

    def _open_activity_at(self, position: int) -> None:
        """An activity's row opens it in its editor."""
        row = self._activities_grid().model.row(position)
        customer_id = self.record.record_id
        if row is not None and customer_id is not None:
            self.activity_editor = open_editor(
                self.store, self, customer_id=customer_id, activity_id=row["id"]
            )

    def add_activity(self, activity_type: ActivityType) -> None:
        """A new activity of this (saved) customer in its small editor."""
        customer_id = self.record.record_id
        if customer_id is None:
            self.show_message(SAVE_FIRST, error=True)
            return
        self.activity_editor = open_editor(
            self.store, self, customer_id=customer_id, activity_type=activity_type
        )

    def paste_record(self) -> None:
        """A new customer from the copied one: its salespersons come along without the copied
        customer's locations (each goes to the new customer's first location when saved)."""
        super().paste_record()
        rows = self.record.value(SALESPERSONS) or []
        if self.record.is_new and any(row.get("location") is not None for row in rows):
            moved = [row | {"location": None, "location_name": None} for row in rows]
            self.record.set_value(SALESPERSONS, moved)

    # -- on-change handlers of this screen -------------------------------------------------

    def _narrow_counties(self) -> None:
        for section in ADDRESS_SECTIONS:
            self._narrow_county(section, self.record.value(f"{section}_country"))

    def _narrow_built_county(self, section: str, _editor: QWidget) -> None:
        self._narrow_county(section, self.record.value(f"{section}_country"))

    def _narrow_county(self, section: str, country_id: Any) -> None:
        """The county lookup offers the address country's counties (once it is built)."""
        editor = self.built_editor(f"{section}_county")
        if editor is None:
            return
        assert isinstance(editor, LookupEditor)
        if isinstance(country_id, int):
            editor.source = replace(COUNTIES, where=lambda: County.country_id == country_id)
        else:
            editor.source = COUNTIES

    def _parent_chosen(self, parent_id: Any) -> dict[str, Any] | None:
        """A parent's flags are its children's defaults (seed): choosing a parent fills them in,
        unless the user already changed one of them here (that choice is kept)."""
        if changed_flags(self.record.values(), self.record.loaded_values()):
            return None
        return self.service.parent_flags(parent_id) or None

    def _remember_class(self) -> None:
        self._filled_class = self.record.value("customer_class")

    def _class_changed(self, class_id: Any) -> dict[str, Any] | None:
        """The class's values, and its attributes (keeping the values typed for the same
        attributes)."""
        previous = self._filled_class
        values = self._class_values_changed(class_id)
        if values is None:
            return None
        rows = self.record.value(ATTRIBUTES) or []
        values |= {ATTRIBUTES: self.service.class_attributes(class_id, rows, previous)}
        # Mailings not Overridden become the new class's; Overridden ones stay.
        shown = self.record.value(MAILINGS) or []
        return values | {MAILINGS: followed(shown, self._class_mailings(class_id))}

    def _class_values_changed(self, class_id: Any) -> dict[str, Any] | None:
        """Choosing a class fills in its values. On a saved customer, values the user changed
        (neither the previous class's nor the new one's) are overwritten only when the user
        agrees; a new customer simply takes the new class's values."""
        new_values = self.service.class_values(class_id)
        if not new_values:
            return None  # no class, or one typed that is not in the list
        previous_class, self._filled_class = self._filled_class, class_id
        if self.record.is_new:
            # A new customer starts with its class's salesperson, unless rows were typed.
            rows = self.record.value(SALESPERSONS) or []
            if rows == self.service.class_salespersons(previous_class):
                new_values[SALESPERSONS] = self.service.class_salespersons(class_id)
        if self.record.is_new or previous_class is None or previous_class == class_id:
            return new_values
        old_values = self.service.class_values(previous_class)
        changed = class_defaults.overwritten(self.record.values(), old_values, new_values)
        labels = [self.fields[key].label for key in changed if key in self.fields]
        if changed and not dialogs.confirm(
            self,
            "Change customer class",
            "You changed these values of the customer yourself:\n  "
            + "\n  ".join(labels)
            + "\n\nReplace them with the new class's values too?",
        ):
            return {key: value for key, value in new_values.items() if key not in changed}
        return new_values

    # -- statements ------------------------------------------------------------------------

    def show_dialog(self, dialog: QDialog) -> None:
        """Show a statement window modally (tests answer it instead)."""
        dialog.exec()

    def _update_regenerate(self) -> None:
        """Regenerate last statement is enabled for a customer with a statement; otherwise its
        tooltip says why not."""
        with self.store.session() as session:
            reason = regenerate_reason(session, self.record.record_id)
        action = self.action("regenerate_last_statement")
        action.setEnabled(reason is None)
        action.setToolTip(REGENERATE_HELP + (f"\n{reason}" if reason else ""))

    def regenerate_last_statement(self) -> None:
        # Loaded on first use: the PDF engines are not on the way to the first screen.
        from app import paths
        from app.ledger.statements.archive import ArchiveError, archived_pdf
        from app.ledger.statements.view import statement_views
        from app.reports.statement_pdf import render
        from app.windows.statements.preview import StatementPreview

        customer_id = self.record.record_id
        if customer_id is None:
            return
        try:
            with self.store.transaction() as session:
                ids = regenerate_last(session, customer_id)
                folder = paths.statements_dir()
                pdfs = [archived_pdf(session, statement_id, folder)[1] for statement_id in ids]
                views = statement_views(session, ids)
        except (StatementError, ArchiveError) as error:
            self.show_message(str(error), error=True)
            return
        if not views:
            self.show_message("The last statement was regenerated: nothing is open or moved.")
            return
        view = views[0]
        data = pdfs[0] if len(pdfs) == 1 else render(views)
        self.show_message(
            f"Statement of {view.statement_date.isoformat()} regenerated as revision "
            f"{view.revision}; the earlier revision is kept in the statement history."
        )
        title = f"Statement {view.customer_no} {view.statement_date.isoformat()}"
        self.show_dialog(StatementPreview(data, f"{title} (revision {view.revision})", self))

    def statement_history(self) -> None:
        from app.windows.statements.history import StatementHistory
        from app.windows.statements.preview import StatementPreview

        customer_id = self.record.record_id
        if customer_id is None:
            return
        history = StatementHistory(
            self.store,
            customer_id,
            self,
            show_pdf=lambda data, title: self.show_dialog(StatementPreview(data, title, self)),
        )
        self.show_dialog(history)
        self._update_regenerate()

    # -- the Webhook notifications tab: the customer's change log ---------------------------

    def _wire_events(self, editor: QWidget) -> None:
        assert isinstance(editor, GridEditor)
        editor.row_opened.connect(lambda _position: self.view_notification_feedback())

    def _selected_event(self) -> dict[str, Any] | None:
        """The notification selected on the tab (None, and said, when none is)."""
        editor = self.editor(webhooks.EVENTS)
        assert isinstance(editor, GridEditor)
        row = editor.current_row()
        if row is None:
            self.show_message(
                "Select a notification on the Webhook notifications tab first.", error=True
            )
        return row

    def resend_notification(self) -> None:
        """Mark the selected notification to be sent again; the rows show it."""
        row = self._selected_event()
        if row is None:
            return
        try:
            event = webhooks.resend(self.store, row["id"])
        except RecordError as error:
            self.show_message(str(error), error=True)
        else:
            self.show_message(
                f"Notification {event.message_id} is marked to be sent again "
                f"(resent {event.resend_count} time{'s' if event.resend_count > 1 else ''})."
            )
        self.refresh_events(row["id"])

    def refresh_events(self, selected: Any = None) -> None:
        """Read the notifications again (never an unsaved change), keeping the selection."""
        customer_id = self.record.record_id
        if customer_id is None:
            return
        self.record.refresh(webhooks.EVENTS, self.service.event_rows(customer_id))
        editor = self.editor(webhooks.EVENTS)
        assert isinstance(editor, GridEditor)
        for position, row in enumerate(self.record.value(webhooks.EVENTS) or []):
            if row.get("id") == selected:
                editor.view.selectRow(position)

    def view_notification_feedback(self) -> None:
        from app.windows.screens.webhook_feedback import FeedbackWindow

        row = self._selected_event()
        if row is None:
            return
        try:
            feedback = webhooks.feedback_of(self.store, row["id"])
        except RecordError as error:
            self.show_message(str(error), error=True)
            self.refresh_events()
            return
        self.show_dialog(FeedbackWindow(feedback, self))

    # -- actions -----------------------------------------------------------------------------

    def view_on_map(self, section: str, title: str) -> None:
        """The address as shown (saved or not) in the system's browser."""
        values = self.record.values()
        url = map_url_of(
            [values.get(f"{section}_address_{n}") for n in (1, 2, 3)],
            values.get(f"{section}_postcode"),
            values.get(f"{section}_city"),
            self._shown_description(f"{section}_county"),
            self._shown_description(f"{section}_country"),
        )
        if url is None:
            self.show_message(f"View on map: the {title.lower()} is empty.", error=True)
            return
        QDesktopServices.openUrl(QUrl(url))

    def _shown_description(self, key: str) -> str | None:
        """A lookup's description as shown (a country's or county's name)."""
        editor = self.editor(key)
        return editor.description.text() or None if isinstance(editor, LookupEditor) else None

    def view_supplier(self) -> None:
        """AP303000 on the supplier side of this customer's account."""
        customer_id = self.record.record_id
        supplier_id = supplier_id_of_customer(self.store, customer_id) if customer_id else None
        if supplier_id is None:
            self.refresh_account_type()
            self.show_message("This customer has no supplier account.", error=True)
            return
        self.open_elsewhere(Target(SUPPLIERS_SCREEN, record_id=supplier_id))

    def extend_to_supplier(self) -> None:
        """A new supplier of this business account on AP303000, prefilled from the customer and
        not stored until saved there. Unsaved changes here are saved first: the supplier
        starts from the customer as saved."""
        customer_id = self.record.record_id
        if customer_id is None:
            return
        if self.is_dirty and not self.save():
            return
        self.open_elsewhere(Target(SUPPLIERS_SCREEN, values={EXTENDS_CUSTOMER: customer_id}))

    def change_id(self) -> None:
        """Renumber the saved customer; everything referring to it follows."""
        if self.record.is_new or self.record.record_id is None:
            return
        if self.is_dirty and not self.save():
            return
        current = str(self.record.value("customer_no") or "")
        new_no = dialogs.ask_text(
            self, "Change ID", f"New customer no. for customer {current}:", current
        )
        if new_no is None or new_no.strip() == current:
            return
        try:
            self.service.change_id(self.record.record_id, new_no, self.record.version or 0)
        except RecordError as error:
            self.show_message(str(error), error=True)
            return
        self.load_record(self.record.record_id)
        self.show_message(f"Customer {current} is now customer {new_no.strip()}.")


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return CustomerScreen(store, CustomerService(store), parent)
