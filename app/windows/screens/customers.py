"""Customers (AR303000): the customer record — top part, General information, Invoicing
settings, Delivery settings and General ledger accounts.

The Delivery settings and the sales, discount and freight accounts are the default location's
(the MAIN location a new customer gets on its first save).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from functools import partial
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QWidget

from app.ledger import autoinvoice, class_defaults
from app.ledger.credit_verification import uses_credit_limit, uses_days_past_due
from app.ledger.customer_list import customer_list_query
from app.ledger.customers import PAYMENT_METHOD, PAYMENT_METHOD_DETAILS, CustomerService
from app.ledger.maps import map_url_of
from app.ledger.records import RecordError
from app.ledger.same_as_main import (
    ADDRESS_PARTS,
    CONTACT_PARTS,
    CUSTOMER_SHARES,
    LOCATION,
    Share,
)
from app.ledger.sources import (
    BRANCHES,
    CARRIERS,
    CASH_ACCOUNTS,
    COUNTIES,
    COUNTRIES,
    CURRENCIES,
    CUSTOMER_CLASSES,
    CUSTOMERS,
    FOB_POINTS,
    GL_ACCOUNTS,
    LANGUAGES,
    PAYMENT_METHODS,
    PAYMENT_TERMS,
    PRICE_CLASSES,
    RATE_TYPES,
    SHIPPING_TERMS,
    SHIPPING_ZONES,
    STATEMENT_CYCLES,
    SUBACCOUNTS,
    VAT_ZONES,
    WAREHOUSES,
)
from app.models import County, Customer, CustomerStatus
from app.models.database import Store
from app.models.options import (
    AutoLoadDocuments,
    CreditVerification,
    ModeOfTransportation,
    ShippingRule,
    StatementType,
)
from app.windows.framework import dialogs
from app.windows.framework.binder import OnChange
from app.windows.framework.lookup import LookupEditor
from app.windows.framework.record_screen import RecordScreen, screen_rules
from app.windows.framework.spec import (
    Action,
    Field,
    Grid,
    Kind,
    ListColumn,
    Screen,
    Section,
    Tab,
)

SCREEN_ID = "AR303000"
Values = Mapping[str, Any]


def _existing(values: Values) -> bool:
    return values.get("balance") is not None


def _flag(key: str) -> Callable[[Values], bool]:
    return lambda values: bool(values.get(key))


def _not(key: str) -> Callable[[Values], bool]:
    return lambda values: not values.get(key)


def _is_parent(values: Values) -> bool:
    """A parent account: other customers name it as theirs (only a parent has a consolidated
    balance, computed from its child accounts)."""
    return values.get("consolidated_balance") is not None


# -- address and contact sections: declared once, used for main, invoicing and shipping ---------

ADDRESS_LABELS = {
    "address_1": "Address 1",
    "address_2": "Address 2",
    "address_3": "Address 3",
    "postcode": "Postcode",
    "city": "City",
    "country": "Country",
    "county": "County",
}
CONTACT_LABELS = {
    "company_name": "Company name",
    "attention": "Attention",
    "email": "Email",
    "web": "Web",
    "phone_1": "Phone 1",
    "phone_2": "Phone 2",
    "fax": "Fax",
}
LOOKUPS = {"country": COUNTRIES, "county": COUNTIES}


def _part_fields(
    section: str, path: str, parts: tuple[tuple[str, str], ...], labels: dict[str, str]
) -> tuple[Field, ...]:
    shared = _share(section)
    enabled = _not(shared.flag) if shared else None
    return tuple(
        Field(
            f"{section}_{element}",
            labels[element],
            Kind.LOOKUP if element in LOOKUPS else Kind.TEXT,
            attr=f"{path}.{attr}",
            lookup=LOOKUPS.get(element),
            enabled_when=enabled,
        )
        for element, attr in parts
    )


def _same_as_main(share: Share) -> tuple[Field, ...]:
    return (Field(share.flag, "Same as main", Kind.CHECKBOX, attr=share.flag_path()),)


def _share(section: str) -> Share | None:
    """The Same as main of a section; None for the main sections themselves."""
    return next((share for share in CUSTOMER_SHARES if share.section == section), None)


def address_section(title: str, section: str, path: str) -> Section:
    share = _share(section)
    same = _same_as_main(share) if share else ()
    return Section(
        title,
        same + _part_fields(section, path, ADDRESS_PARTS, ADDRESS_LABELS),
        buttons=(Action("View on map", f"view_{section}_on_map"),),
    )


def contact_section(title: str, section: str, path: str, extra: tuple[Field, ...] = ()) -> Section:
    share = _share(section)
    same = _same_as_main(share) if share else ()
    return Section(title, same + _part_fields(section, path, CONTACT_PARTS, CONTACT_LABELS) + extra)


def _location(attr: str) -> str:
    return f"{LOCATION}.{attr}"


def _account(key: str, label: str, attr: str, *, required: bool = False) -> Field:
    source = SUBACCOUNTS if key.endswith("_sub") else GL_ACCOUNTS
    return Field(key, label, Kind.LOOKUP, attr=attr, lookup=source, required=required)


GENERAL_INFORMATION = Tab(
    "General information",
    sections=(
        address_section("Main address", "main_address", "main_address"),
        contact_section(
            "Main contact",
            "main_contact",
            "main_contact",
            (Field("account_ref", "Account ref.", Kind.TEXT),),
        ),
        Section(
            "Financial settings",
            (
                Field(
                    "customer_class",
                    "Customer class",
                    Kind.LOOKUP,
                    attr="customer_class_id",
                    required=True,
                    lookup=CUSTOMER_CLASSES,
                ),
                Field("terms", "Terms", Kind.LOOKUP, attr="terms_id", lookup=PAYMENT_TERMS),
                Field(
                    "statement_cycle_id",
                    "Statement cycle ID",
                    Kind.LOOKUP,
                    lookup=STATEMENT_CYCLES,
                ),
                Field(
                    "document_language",
                    "Document language",
                    Kind.LOOKUP,
                    attr="document_language_id",
                    lookup=LANGUAGES,
                ),
                Field(
                    "apply_payments_automatically", "Apply payments automatically", Kind.CHECKBOX
                ),
                Field("apply_overdue_charges", "Apply overdue charges", Kind.CHECKBOX),
                Field("enable_write_offs", "Enable write-offs", Kind.CHECKBOX),
                Field("exclude_ec_sales_list", "Exclude EC sales list", Kind.CHECKBOX),
                Field(
                    "write_off_limit",
                    "Write-off limit",
                    Kind.MONEY,
                    enabled_when=_flag("enable_write_offs"),
                ),
                Field(
                    "currency_id", "Currency ID", Kind.LOOKUP, attr="currency_id", lookup=CURRENCIES
                ),
                Field("enable_currency_override", "Enable currency override", Kind.CHECKBOX),
                Field(
                    "currency_rate_type",
                    "Currency rate type",
                    Kind.LOOKUP,
                    attr="currency_rate_type_id",
                    lookup=RATE_TYPES,
                ),
                Field("enable_rate_override", "Enable rate override", Kind.CHECKBOX),
                Field(
                    "auto_load_documents",
                    "Auto load documents",
                    Kind.OPTION,
                    options=AutoLoadDocuments,
                    required=True,
                ),
                Field("exclude_debt_collection", "Exclude debt collection", Kind.CHECKBOX),
            ),
            column=1,
        ),
        Section(
            "Customer properties",
            (Field("webhook_notification", "Webhook notification", Kind.CHECKBOX),),
            column=1,
        ),
        Section(
            "Credit verification rules",
            (
                Field(
                    "credit_verification",
                    "Credit verification",
                    Kind.OPTION,
                    options=CreditVerification,
                    required=True,
                ),
                Field(
                    "credit_limit",
                    "Credit limit",
                    Kind.MONEY,
                    enabled_when=lambda v: uses_credit_limit(v.get("credit_verification")),
                ),
                Field(
                    "credit_days_past_due",
                    "Credit days past due",
                    Kind.NUMBER,
                    enabled_when=lambda v: uses_days_past_due(v.get("credit_verification")),
                ),
                Field("unreleased_balance", "Unreleased balance", Kind.MONEY, read_only=True),
                Field(
                    "balance_of_open_orders", "Balance of open orders", Kind.MONEY, read_only=True
                ),
                Field(
                    "remaining_credit_limit", "Remaining credit limit", Kind.MONEY, read_only=True
                ),
                Field(
                    "first_due_date",
                    "First due date",
                    Kind.DATE,
                    read_only=True,
                    visible_when=lambda v: uses_days_past_due(v.get("credit_verification")),
                ),
            ),
            column=1,
        ),
    ),
)

INVOICING_SETTINGS = Tab(
    "Invoicing settings",
    sections=(
        address_section("Invoice address", "invoice_address", "invoice_address"),
        contact_section("Invoice contact", "invoice_contact", "invoice_contact"),
        Section(
            "Parent info",
            (
                Field(
                    "parent_account",
                    "Parent account",
                    Kind.LOOKUP,
                    attr="parent_account_id",
                    lookup=CUSTOMERS,
                    # An account cannot be both a child and a parent (seed).
                    enabled_when=lambda v: not _is_parent(v),
                ),
                Field("consolidate_balance", "Consolidate balance", Kind.CHECKBOX),
                Field("consolidate_statements", "Consolidate statements", Kind.CHECKBOX),
                Field(
                    "shared_credit_policy",
                    "Shared credit policy",
                    Kind.CHECKBOX,
                    enabled_when=_flag("consolidate_balance"),
                ),
            ),
            column=1,  # the right column: addresses and contacts fill the left one
        ),
        Section(
            "Print and email settings",
            (
                Field("print_invoices", "Print invoices", Kind.CHECKBOX),
                Field("send_invoices_by_email", "Send invoices by email", Kind.CHECKBOX),
                Field(
                    "send_dunning_letters_by_email", "Send dunning letters by email", Kind.CHECKBOX
                ),
                Field("print_dunning_letters", "Print dunning letters", Kind.CHECKBOX),
                Field("send_statements_by_email", "Send statements by email", Kind.CHECKBOX),
                Field("multi_currency_statements", "Multi-currency statements", Kind.CHECKBOX),
                Field("print_statements", "Print statements", Kind.CHECKBOX),
                Field(
                    "statement_type",
                    "Statement type",
                    Kind.OPTION,
                    options=StatementType,
                    required=True,
                ),
            ),
            column=1,
        ),
        Section(
            "Send AutoInvoice Route",
            (
                Field(autoinvoice.SEND, "Send invoices to AutoInvoice", Kind.CHECKBOX),
                Field(
                    autoinvoice.SEND_AS_BANKING_EINVOICE,
                    "Send invoices to AutoInvoice as banking e-Invoice (Norway)",
                    Kind.CHECKBOX,
                    attr="send_invoices_to_autoinvoice_as_banking_einvoice",
                ),
                Field(
                    autoinvoice.PRINT,
                    "Print",
                    Kind.CHECKBOX,
                    attr="autoinvoice_print",
                    enabled_when=autoinvoice.print_selectable,
                ),
                Field(
                    autoinvoice.EXCLUDE_INVOICE_PDF,
                    "Exclude invoice PDF",
                    Kind.CHECKBOX,
                    enabled_when=autoinvoice.exclude_invoice_pdf_selectable,
                ),
                Field(
                    autoinvoice.USE_FIRST_ATTACHMENT,
                    "Use the first AutoInvoice attachment to view invoice",
                    Kind.CHECKBOX,
                    attr="use_first_autoinvoice_attachment",
                    enabled_when=autoinvoice.first_attachment_selectable,
                ),
            ),
            column=1,
        ),
        Section(
            "Default payment method",
            (
                Field(
                    PAYMENT_METHOD,
                    "Default payment method",
                    Kind.LOOKUP,
                    attr=f"{PAYMENT_METHOD}.payment_method_id",
                    lookup=PAYMENT_METHODS,
                ),
                Field(
                    "cash_account",
                    "Cash account",
                    Kind.LOOKUP,
                    attr=f"{PAYMENT_METHOD}.cash_account_id",
                    lookup=CASH_ACCOUNTS,
                    enabled_when=_flag(PAYMENT_METHOD),
                ),
                Field(
                    "description",
                    "Description",
                    Kind.TEXT,
                    attr=f"{PAYMENT_METHOD}.description",
                    enabled_when=_flag(PAYMENT_METHOD),
                ),
                Field(
                    "account_used_for_payment",
                    "Account used for payment",
                    Kind.TEXT,
                    attr=f"{PAYMENT_METHOD}.account_used_for_payment",
                    enabled_when=_flag(PAYMENT_METHOD),
                ),
            ),
        ),
    ),
    grids=(
        Grid(
            "Payment method details",
            PAYMENT_METHOD_DETAILS,
            (
                Field("description", "Description", Kind.READONLY, read_only=True),
                Field("value", "Value", Kind.TEXT),
            ),
            carried=("payment_method_detail_id",),
            fixed_rows=True,
        ),
    ),
)

DELIVERY_SETTINGS = Tab(
    "Delivery settings",
    sections=(
        address_section("Shipping address", "shipping_address", _location("address")),
        contact_section("Shipping contact", "shipping_contact", _location("contact")),
        Section(
            "Default location settings",
            (
                Field("location_name", "Location name", Kind.TEXT, attr=_location("location_name")),
                Field(
                    "vat_zone",
                    "VAT zone",
                    Kind.LOOKUP,
                    attr=_location("vat_zone_id"),
                    lookup=VAT_ZONES,
                ),
                Field("corporate_id", "Corporate ID", Kind.TEXT, attr=_location("corporate_id")),
                Field(
                    "vat_registration_id",
                    "VAT registration ID",
                    Kind.TEXT,
                    attr=_location("vat_registration_id"),
                ),
                Field("gln", "GLN", Kind.TEXT, attr=_location("gln")),
                Field("edi_code", "EDI code", Kind.TEXT, attr=_location("edi_code")),
                Field(
                    "invoice_to_default_location",
                    "Invoice to default location",
                    Kind.CHECKBOX,
                    attr=_location("invoice_to_default_location"),
                ),
                Field(
                    "shipping_branch",
                    "Shipping branch",
                    Kind.LOOKUP,
                    attr=_location("shipping_branch_id"),
                    lookup=BRANCHES,
                ),
                Field(
                    "price_class_id",
                    "Price class ID",
                    Kind.LOOKUP,
                    attr=_location("price_class_id"),
                    lookup=PRICE_CLASSES,
                ),
            ),
            column=1,
        ),
        Section(
            "Shipping instructions",
            (
                Field(
                    "warehouse",
                    "Warehouse",
                    Kind.LOOKUP,
                    attr=_location("warehouse_id"),
                    lookup=WAREHOUSES,
                ),
                Field(
                    "ship_via",
                    "Ship via",
                    Kind.LOOKUP,
                    attr=_location("ship_via_id"),
                    lookup=CARRIERS,
                ),
                Field(
                    "shipping_terms",
                    "Shipping terms",
                    Kind.LOOKUP,
                    attr=_location("shipping_terms_id"),
                    lookup=SHIPPING_TERMS,
                ),
                Field(
                    "shipping_zone_id",
                    "Shipping zone ID",
                    Kind.LOOKUP,
                    attr=_location("shipping_zone_id"),
                    lookup=SHIPPING_ZONES,
                ),
                Field(
                    "fob_point",
                    "FOB point",
                    Kind.LOOKUP,
                    attr=_location("fob_point_id"),
                    lookup=FOB_POINTS,
                ),
                Field(
                    "residential_delivery",
                    "Residential delivery",
                    Kind.CHECKBOX,
                    attr=_location("residential_delivery"),
                ),
                Field(
                    "saturday_delivery",
                    "Saturday delivery",
                    Kind.CHECKBOX,
                    attr=_location("saturday_delivery"),
                ),
                Field("insurance", "Insurance", Kind.CHECKBOX, attr=_location("insurance")),
                Field(
                    "shipping_rule",
                    "Shipping rule",
                    Kind.OPTION,
                    attr=_location("shipping_rule"),
                    options=ShippingRule,
                    required=True,
                ),
                Field(
                    "order_priority",
                    "Order priority",
                    Kind.NUMBER,
                    attr=_location("order_priority"),
                ),
                Field(
                    "lead_time_days",
                    "Lead time (days)",
                    Kind.NUMBER,
                    attr=_location("lead_time_days"),
                ),
            ),
            column=1,
        ),
        Section(
            "Intrastat",
            (
                Field(
                    "mode_of_transportation",
                    "Mode of transportation",
                    Kind.OPTION,
                    options=ModeOfTransportation,
                ),
            ),
        ),
    ),
)

GENERAL_LEDGER_ACCOUNTS = Tab(
    "General ledger accounts",
    sections=(
        Section(
            "",
            (
                _account(
                    "customer_ledger_account",
                    "Customer ledger account",
                    "customer_ledger_account_id",
                ),
                _account("customer_ledger_sub", "Customer ledger sub.", "customer_ledger_sub_id"),
                _account(
                    "sales_account",
                    "Sales account",
                    _location("sales_account_id"),
                    required=True,
                ),
                _account(
                    "sales_non_taxable_account",
                    "Sales non-taxable account",
                    _location("sales_non_taxable_account_id"),
                ),
                _account(
                    "sales_eu_account", "Sales - EU account", _location("sales_eu_account_id")
                ),
                _account(
                    "sales_export_account",
                    "Sales - export account",
                    _location("sales_export_account_id"),
                ),
                _account("sales_sub", "Sales sub.", _location("sales_sub_id"), required=True),
            ),
        ),
        # The seed's one untitled section, flowed into the right column from here on.
        Section(
            "",
            (
                _account("discount_account", "Discount account", _location("discount_account_id")),
                _account("discount_sub", "Discount sub.", _location("discount_sub_id")),
                _account("freight_account", "Freight account", _location("freight_account_id")),
                _account("freight_sub", "Freight sub.", _location("freight_sub_id")),
                _account(
                    "cash_discount_account",
                    "Cash discount account",
                    "cash_discount_account_id",
                    required=True,
                ),
                _account(
                    "cash_discount_sub", "Cash discount sub.", "cash_discount_sub_id", required=True
                ),
                _account("prepayment_account", "Prepayment account", "prepayment_account_id"),
                _account("prepayment_sub", "Prepayment sub.", "prepayment_sub_id"),
            ),
            column=1,
        ),
    ),
)

SCREEN = Screen(
    id=SCREEN_ID,
    title="Customers",
    model=Customer,
    top=(
        # Not required: left empty, saving takes the next number of the CUSTOMER series.
        Field("customer_no", "Customer no.", Kind.TEXT),
        Field("customer_name", "Customer name", Kind.TEXT, attr="name"),
        Field("status", "Status", Kind.OPTION, options=CustomerStatus, required=True),
        Field("balance", "Balance", Kind.MONEY, read_only=True, visible_when=_existing),
        Field(
            "prepayment_balance",
            "Prepayment balance",
            Kind.MONEY,
            read_only=True,
            visible_when=_existing,
        ),
        Field(
            "consolidated_balance",
            "Consolidated balance",
            Kind.MONEY,
            read_only=True,
            visible_when=_is_parent,
        ),
        Field(
            "retained_balance",
            "Retained balance",
            Kind.MONEY,
            read_only=True,
            visible_when=_existing,
        ),
    ),
    tabs=(GENERAL_INFORMATION, INVOICING_SETTINGS, DELIVERY_SETTINGS, GENERAL_LEDGER_ACCOUNTS),
    actions=(
        Action("View on map", "view_main_address_on_map", toolbar=True),
        Action("Change ID", "change_id", enabled_when=_existing),
    ),
    list_columns=(
        ListColumn("customer_no", "Customer no.", width=110),
        ListColumn("name", "Customer name", width=260),
        ListColumn("city", "City", width=140),
        ListColumn("country", "Country", width=70),
        ListColumn("customer_class", "Customer class", width=120),
        ListColumn("status", "Status", Kind.OPTION, options=CustomerStatus, width=110),
        ListColumn("balance", "Balance", Kind.MONEY, width=120),
    ),
    list_query=customer_list_query,
)


ADDRESS_SECTIONS = ("main_address", "invoice_address", "shipping_address")


class CustomerScreen(RecordScreen):
    """AR303000 with its own on-change rules: class defaults, Same as main, payment method."""

    service: CustomerService

    def __init__(self, store: Store, service: CustomerService, parent: QWidget | None) -> None:
        super().__init__(store, SCREEN, service, parent)
        on_change = self.binder.on_change
        on_change["customer_class"] = self._class_changed
        on_change[PAYMENT_METHOD] = self._payment_method_changed
        for share in CUSTOMER_SHARES:
            on_change[share.flag] = partial(self._mirror, share)
        main_keys = {s.main_key(element) for s in CUSTOMER_SHARES for element, _ in s.parts}
        for key in main_keys:
            on_change[key] = partial(self._main_changed, key)
        for key in autoinvoice.DEPENDED_ON:
            on_change[key] = self._autoinvoice_changed
        on_change["print_invoices"] = self._print_or_email_changed
        on_change["send_invoices_by_email"] = self._print_or_email_changed
        on_change["consolidate_balance"] = self._consolidate_balance_changed
        for section in ADDRESS_SECTIONS:
            country = f"{section}_country"
            on_change[country] = partial(self._country_changed, section, on_change.get(country))
        # The class whose values the record shows: what a class change compares with.
        self._filled_class: Any = None
        self._after_load()

    def _after_load(self) -> None:
        # Not a slot of record_loaded: PySide6 on Python 3.11 loses a reference to None with
        # each None a Signal(object) delivers to a Python slot (a new record's id).
        super()._after_load()
        if hasattr(self, "_filled_class"):
            self._remember_class()
            self._narrow_counties()

    # -- on-change rules -------------------------------------------------------------------

    def _country_changed(
        self, section: str, then: OnChange | None, country_id: Any
    ) -> dict[str, Any]:
        """The county lookup offers the country's counties; a county of another country goes."""
        updates = dict((then(country_id) if then else None) or {})
        county_key = f"{section}_county"
        self._narrow_county(section, country_id)
        county_id = self.record.value(county_key)
        if isinstance(county_id, int) and not self.service.county_in_country(county_id, country_id):
            updates[county_key] = None
        return updates

    def _narrow_counties(self) -> None:
        for section in ADDRESS_SECTIONS:
            self._narrow_county(section, self.record.value(f"{section}_country"))

    def _narrow_county(self, section: str, country_id: Any) -> None:
        editor = self.form.editors[f"{section}_county"]
        assert isinstance(editor, LookupEditor)
        if isinstance(country_id, int):
            editor.source = replace(COUNTIES, where=lambda: County.country_id == country_id)
        else:
            editor.source = COUNTIES

    def _mirror(self, share: Share, _same: Any) -> dict[str, Any] | None:
        """Ticking Same as main shows the main section's values again."""
        values = self.record.values()
        return share.mirrored(values) if values.get(share.flag) else None

    def _main_changed(self, main_key: str, _value: Any) -> dict[str, Any]:
        """Editing the main address or contact changes every section sharing it."""
        values = self.record.values()
        updates: dict[str, Any] = {}
        for share in CUSTOMER_SHARES:
            if values.get(share.flag) and main_key.startswith(share.main + "_"):
                element = main_key.removeprefix(share.main + "_")
                updates[share.key(element)] = values.get(main_key)
        return updates

    def _remember_class(self) -> None:
        self._filled_class = self.record.value("customer_class")

    def _class_changed(self, class_id: Any) -> dict[str, Any] | None:
        """Choosing a class fills in its values. On a saved customer, values the user changed
        (neither the previous class's nor the new one's) are overwritten only when the user
        agrees; a new customer simply takes the new class's values."""
        new_values = self.service.class_values(class_id)
        if not new_values:
            return None  # no class, or one typed that is not in the list
        previous_class, self._filled_class = self._filled_class, class_id
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

    def _autoinvoice_changed(self, _value: Any) -> dict[str, bool]:
        return autoinvoice.cleared(self.record.values())

    def _consolidate_balance_changed(self, consolidate: Any) -> dict[str, bool] | None:
        # A shared credit policy needs a consolidated balance.
        return None if consolidate else {"shared_credit_policy": False}

    def _payment_method_changed(self, payment_method_id: Any) -> dict[str, Any]:
        """A method fills its cash account and the details it asks for; clearing the method
        clears what belongs to it (greyed out until a method is chosen again)."""
        rows = self.record.value(PAYMENT_METHOD_DETAILS) or []
        updates = self.service.payment_method_changed(payment_method_id, rows)
        if payment_method_id is None:
            updates |= {"description": None, "account_used_for_payment": None}
        return updates

    def _print_or_email_changed(self, _value: Any) -> None:
        values = self.record.values()
        if values.get("print_invoices") and values.get("send_invoices_by_email"):
            # The seed advises against both: the customer would get each invoice twice.
            self.show_message(
                "Print invoices and Send invoices by email are both selected: the customer "
                "will receive every invoice twice, on paper and by email."
            )

    # -- actions -----------------------------------------------------------------------------

    def view_main_address_on_map(self) -> None:
        self._view_on_map("main_address", "Main address")

    def view_invoice_address_on_map(self) -> None:
        self._view_on_map("invoice_address", "Invoice address")

    def view_shipping_address_on_map(self) -> None:
        self._view_on_map("shipping_address", "Shipping address")

    def _view_on_map(self, section: str, title: str) -> None:
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
        editor = self.form.editors[key]
        return editor.description.text() or None if isinstance(editor, LookupEditor) else None

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
    return CustomerScreen(store, CustomerService(store, screen_rules(SCREEN)), parent)
