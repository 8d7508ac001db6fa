"""The customer record (AR303000): what each of its fields means, and its on-change rules.

The Delivery settings and the sales, discount and freight accounts are the default location's
(``default_location.…``); the address and contact sections are declared once for main, invoice
and shipping, with Same as main for the last two (app/ledger/same_as_main.py).
"""

from __future__ import annotations

from collections.abc import Callable

from app.ledger import autoinvoice
from app.ledger.accounting import iban_problem
from app.ledger.activities import ACTIVITIES
from app.ledger.child_accounts import CHILD_ACCOUNTS
from app.ledger.class_mailings import MAILING_ID, RECIPIENTS
from app.ledger.contacts import CONTACTS
from app.ledger.credit_verification import (
    CREDIT_DAYS_PAST_DUE,
    CREDIT_LIMIT,
    CREDIT_VERIFICATION,
    uses_credit_limit,
    uses_days_past_due,
)
from app.ledger.customer_attributes import ATTRIBUTE_ID, ATTRIBUTES
from app.ledger.customer_mailings import (
    BCC,
    CONTACT_ID,
    CONTACT_TYPE,
    EMAIL,
    MAILINGS,
    OVERRIDDEN,
    TO,
)
from app.ledger.customer_payment_methods import PAYMENT_METHODS_GRID
from app.ledger.customer_salespersons import (
    DEFAULT,
    SALESPERSONS,
)
from app.ledger.customer_salespersons import (
    LOCATION as SALESPERSON_LOCATION,
)
from app.ledger.customers import (
    ACCOUNT_TYPE,
    LOCATIONS,
    PAYMENT_METHOD,
    PAYMENT_METHOD_DETAILS,
    CustomerService,
)
from app.ledger.definitions.parts import (
    ATTRIBUTE_COLUMNS,
    CONTACT_COLUMNS,
    MAILING_COLUMNS,
    SALESPERSON_CHOSEN,
    SALESPERSON_ID,
    SALESPERSON_NAME,
    commission_column,
    location_settings,
    section_fields,
)
from app.ledger.definitions.settings import (
    AUTOINVOICE_ROUTE,
    INVOICES_TWICE,
    PRINT_AND_EMAIL_SETTINGS,
)
from app.ledger.fields import Definition, Field, Grid, Kind, OnChange, Values
from app.ledger.lookups import LookupSource
from app.ledger.mandates import GRID_LABEL as DIRECT_DEBIT
from app.ledger.mandates import MANDATES
from app.ledger.payment_methods import bic_problem
from app.ledger.same_as_main import ADDRESS_PARTS, CONTACT_PARTS, CUSTOMER_SHARES, LOCATION, Share
from app.ledger.sources import (
    BRANCHES,
    CASH_ACCOUNTS,
    COUNTIES,
    COUNTRIES,
    CURRENCIES,
    CUSTOMER_CLASSES,
    CUSTOMER_CONTACTS,
    CUSTOMER_LOCATIONS,
    CUSTOMERS,
    EMPLOYEES,
    GL_ACCOUNTS,
    LANGUAGES,
    PAYMENT_METHODS,
    PAYMENT_TERMS,
    PRICE_CLASSES,
    RATE_TYPES,
    STATEMENT_CYCLES,
    SUBACCOUNTS,
    VAT_ZONES,
)
from app.ledger.webhooks import EVENTS_GRID
from app.models import ActivityStatus, ActivityType, BusinessAccountType, Customer, CustomerStatus
from app.models.options import (
    AutoLoadDocuments,
    ContactType,
    MailingFormat,
    ModeOfTransportation,
)


def existing(values: Values) -> bool:
    """A saved customer: only it has balances."""
    return values.get("balance") is not None


def is_customer_only(values: Values) -> bool:
    """A saved customer that is not a supplier yet: it may be extended to one."""
    return existing(values) and values.get(ACCOUNT_TYPE) == BusinessAccountType.CUSTOMER


def is_also_supplier(values: Values) -> bool:
    """A saved customer with a supplier account too: View supplier opens it."""
    return values.get(ACCOUNT_TYPE) == BusinessAccountType.CUSTOMER_AND_SUPPLIER


def _flag(key: str) -> Callable[[Values], bool]:
    return lambda values: bool(values.get(key))


def _not(key: str) -> Callable[[Values], bool]:
    return lambda values: not values.get(key)


def is_parent(values: Values) -> bool:
    """A parent account: other customers name it as theirs (only a parent has a consolidated
    balance, computed from its child accounts)."""
    return values.get("consolidated_balance") is not None


def _location(attr: str) -> str:
    return f"{LOCATION}.{attr}"


def _account(key: str, label: str, attr: str, *, required: bool = False) -> Field:
    source = SUBACCOUNTS if key.endswith("_sub") else GL_ACCOUNTS
    return Field(key, label, Kind.LOOKUP, attr=attr, lookup=source, required=required)


# -- address and contact sections: declared once, used for main, invoicing and shipping ---------

# Section key → the path from the customer to the address or contact it shows.
ADDRESS_SECTIONS = {
    "main_address": "main_address",
    "invoice_address": "invoice_address",
    "shipping_address": _location("address"),
}
CONTACT_SECTIONS = {
    "main_contact": "main_contact",
    "invoice_contact": "invoice_contact",
    "shipping_contact": _location("contact"),
}


def share_of(section: str) -> Share | None:
    """The Same as main of a section; None for the main sections themselves."""
    return next((share for share in CUSTOMER_SHARES if share.section == section), None)


def section_keys(section: str) -> tuple[str, ...]:
    """The keys of an address or contact section in the seed's order, Same as main first."""
    share = share_of(section)
    parts = ADDRESS_PARTS if section in ADDRESS_SECTIONS else CONTACT_PARTS
    flag = (share.flag,) if share else ()
    return flag + tuple(f"{section}_{element}" for element, _attr in parts)


def _section_fields(section: str) -> tuple[Field, ...]:
    is_address = section in ADDRESS_SECTIONS
    path = ADDRESS_SECTIONS[section] if is_address else CONTACT_SECTIONS[section]
    parts = ADDRESS_PARTS if is_address else CONTACT_PARTS
    return section_fields(section, path, parts, share_of(section))


ADDRESS_AND_CONTACT_FIELDS = tuple(
    spec for section in (*ADDRESS_SECTIONS, *CONTACT_SECTIONS) for spec in _section_fields(section)
)

FIELDS: tuple[Field, ...] = (
    # Not required: left empty, saving takes the next number of the CUSTOMER series.
    Field("customer_no", "Customer no.", Kind.TEXT),
    Field("customer_name", "Customer name", Kind.TEXT, attr="name", required=True),
    Field("status", "Status", Kind.OPTION, options=CustomerStatus, required=True),
    Field(
        ACCOUNT_TYPE,
        "Account type",
        Kind.OPTION,
        options=BusinessAccountType,
        read_only=True,
        help="Customer, or Customer and supplier once the business is a supplier too "
        "(Extend to supplier).",
    ),
    # Balances are the sums of the customer's documents in the base currency (those in another
    # currency converted at the rate each was entered at: app/ledger/currency_rates.py).
    Field(
        "balance",
        "Balance",
        Kind.MONEY,
        read_only=True,
        visible_when=existing,
    ),
    Field(
        "prepayment_balance",
        "Prepayment balance",
        Kind.MONEY,
        read_only=True,
        visible_when=existing,
    ),
    Field(
        "consolidated_balance",
        "Consolidated balance",
        Kind.MONEY,
        read_only=True,
        visible_when=is_parent,
    ),
    Field(
        "retained_balance",
        "Retained balance",
        Kind.MONEY,
        read_only=True,
        visible_when=existing,
    ),
    *ADDRESS_AND_CONTACT_FIELDS,
    Field("account_ref", "Account ref.", Kind.TEXT),
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
    Field("apply_payments_automatically", "Apply payments automatically", Kind.CHECKBOX),
    Field("apply_overdue_charges", "Apply overdue charges", Kind.CHECKBOX),
    Field("enable_write_offs", "Enable write-offs", Kind.CHECKBOX),
    Field("exclude_ec_sales_list", "Exclude EC sales list", Kind.CHECKBOX),
    Field(
        "write_off_limit",
        "Write-off limit",
        Kind.MONEY,
        minimum=0,
        enabled_when=_flag("enable_write_offs"),
    ),
    Field("currency_id", "Currency ID", Kind.LOOKUP, attr="currency_id", lookup=CURRENCIES),
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
    Field("webhook_notification", "Webhook notification", Kind.CHECKBOX),
    CREDIT_VERIFICATION,
    CREDIT_LIMIT,
    CREDIT_DAYS_PAST_DUE,
    Field(
        "unreleased_balance",
        "Unreleased balance",
        Kind.MONEY,
        read_only=True,
    ),
    Field(
        "balance_of_open_orders",
        "Balance of open orders",
        Kind.MONEY,
        read_only=True,
    ),
    Field(
        "remaining_credit_limit",
        "Remaining credit limit",
        Kind.MONEY,
        read_only=True,
        # Only a rule checking the credit limit has a remaining credit limit (issue 13 item 5).
        visible_when=lambda v: uses_credit_limit(v.get("credit_verification")),
    ),
    Field(
        "first_due_date",
        "First due date",
        Kind.DATE,
        read_only=True,
        visible_when=lambda v: uses_days_past_due(v.get("credit_verification")),
    ),
    Field(
        "parent_account",
        "Parent account",
        Kind.LOOKUP,
        attr="parent_account_id",
        lookup=CUSTOMERS,
        # An account cannot be both a child and a parent (seed).
        enabled_when=lambda v: not is_parent(v),
    ),
    Field("consolidate_balance", "Consolidate balance", Kind.CHECKBOX),
    Field("consolidate_statements", "Consolidate statements", Kind.CHECKBOX),
    Field(
        "shared_credit_policy",
        "Shared credit policy",
        Kind.CHECKBOX,
        enabled_when=_flag("consolidate_balance"),
    ),
    *PRINT_AND_EMAIL_SETTINGS,
    *AUTOINVOICE_ROUTE,
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
    *location_settings(LOCATION),
    # Other invoice settings (Finvoice, in use in Finland only).
    Field(
        "finvoice_contract_id",
        "Finvoice contract ID",
        Kind.TEXT,
        help="The ID of the customer's Finvoice contract.",
    ),
    Field(
        "finvoice_intermediator_id",
        "Finvoice intermediator ID",
        Kind.TEXT,
        help="The ID of the customer's Finvoice intermediator.",
    ),
    Field(
        "mode_of_transportation",
        "Mode of transportation",
        Kind.OPTION,
        options=ModeOfTransportation,
    ),
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
    _account("sales_eu_account", "Sales - EU account", _location("sales_eu_account_id")),
    _account(
        "sales_export_account",
        "Sales - export account",
        _location("sales_export_account_id"),
    ),
    _account("sales_sub", "Sales sub.", _location("sales_sub_id"), required=True),
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
    _account("cash_discount_sub", "Cash discount sub.", "cash_discount_sub_id", required=True),
    _account("prepayment_account", "Prepayment account", "prepayment_account_id"),
    _account("prepayment_sub", "Prepayment sub.", "prepayment_sub_id"),
)


def _recipient_lookup(row: Values) -> LookupSource | None:
    """A recipient's Contact ID: an employee (Employee) or one of this customer's contacts
    (Contact); the other types name nobody."""
    contact_type = row.get(CONTACT_TYPE)
    if contact_type == ContactType.EMPLOYEE:
        return EMPLOYEES
    return CUSTOMER_CONTACTS if contact_type == ContactType.CONTACT else None


def _names_a_contact(row: Values) -> bool:
    return row.get(CONTACT_TYPE) in (ContactType.EMPLOYEE, ContactType.CONTACT)


def _mailing_chosen(row: Values, service: CustomerService) -> dict[str, object] | None:
    """A mailing chosen on a row of the customer's own brings the class's settings and
    recipients for it, else the preferences'."""
    return service.mailing_chosen(row)


def _contact_type_changed(row: Values, service: CustomerService) -> dict[str, object]:
    """A new contact type names nobody yet (an ID means an employee or a contact by type);
    the e-mail is the role's (the screen fills it from the customer as shown)."""
    return {CONTACT_ID: None, EMAIL: None}


def _contact_chosen(row: Values, service: CustomerService) -> dict[str, object]:
    """A chosen employee or contact brings its e-mail address."""
    return {EMAIL: service.recipient_email(row)}


GRIDS = (
    Grid(
        "Payment method details",
        PAYMENT_METHOD_DETAILS,
        (
            Field("description", "Description", Kind.TEXT, read_only=True),
            Field("value", "Value", Kind.TEXT),
        ),
        carried=("payment_method_detail_id",),
        fixed_rows=True,
    ),
    # The seed's columns, in its order; a view of the location records (CR303010 edits them,
    # Set as default moves the mark).
    Grid(
        "Locations",
        LOCATIONS,
        (
            Field("active", "Active", Kind.CHECKBOX, read_only=True),
            Field("is_default", "Is default", Kind.CHECKBOX, read_only=True),
            Field("location_id", "Location ID", Kind.TEXT, read_only=True),
            Field("location_name", "Location name", Kind.TEXT, read_only=True),
            Field("city", "City", Kind.TEXT, attr="address.city", read_only=True),
            Field(
                "country",
                "Country",
                Kind.LOOKUP,
                attr="address.country_id",
                lookup=COUNTRIES,
                read_only=True,
            ),
            Field(
                "county",
                "County",
                Kind.LOOKUP,
                attr="address.county_id",
                lookup=COUNTIES,
                read_only=True,
            ),
            Field(
                "vat_zone",
                "VAT zone",
                Kind.LOOKUP,
                attr="vat_zone_id",
                lookup=VAT_ZONES,
                read_only=True,
            ),
            Field(
                "price_class_id",
                "Price class ID",
                Kind.LOOKUP,
                lookup=PRICE_CLASSES,
                read_only=True,
            ),
            Field(
                "sales_account",
                "Sales account",
                Kind.LOOKUP,
                attr="sales_account_id",
                lookup=GL_ACCOUNTS,
                read_only=True,
            ),
            Field(
                "sales_sub",
                "Sales sub.",
                Kind.LOOKUP,
                attr="sales_sub_id",
                lookup=SUBACCOUNTS,
                read_only=True,
            ),
            Field("edi_code", "EDI code", Kind.TEXT, read_only=True),
            Field("gln", "GLN", Kind.TEXT, read_only=True),
        ),
        order_by="location_id",
        view=True,
    ),
    # The seed's columns, in its order; a view of the customer's payment method records
    # (Customer payment methods, AR303010, edits them).
    Grid(
        "Payment methods",
        PAYMENT_METHODS_GRID,
        (
            Field("is_default", "Is default", Kind.CHECKBOX, read_only=True),
            Field(
                "payment_method",
                "Payment method",
                Kind.LOOKUP,
                attr="payment_method_id",
                lookup=PAYMENT_METHODS,
                read_only=True,
            ),
            Field("description", "Description", Kind.TEXT, read_only=True),
            Field(
                "cash_account",
                "Cash account",
                Kind.LOOKUP,
                attr="cash_account_id",
                lookup=CASH_ACCOUNTS,
                read_only=True,
            ),
            Field("active", "Active", Kind.CHECKBOX, read_only=True),
            Field("override", "Override", Kind.CHECKBOX, read_only=True),
        ),
        view=True,
    ),
    # A parent's child accounts with their balances (app/ledger/child_accounts.py); each is
    # edited on its own record. An attribute that is no customer column is a balance.
    Grid(
        "Child accounts",
        CHILD_ACCOUNTS,
        (
            Field("customer_no", "Customer no", Kind.TEXT, read_only=True),
            Field("customer_name", "Customer name", Kind.TEXT, attr="name", read_only=True),
            Field("balance", "Balance", Kind.MONEY, read_only=True),
            Field("prepayment_balance", "Prepayment balance", Kind.MONEY, read_only=True),
            Field("unreleased_balance", "Unreleased balance", Kind.MONEY, read_only=True),
            Field("balance_of_open_orders", "Balance of open orders", Kind.MONEY, read_only=True),
            Field("first_due_date", "First due date", Kind.DATE, read_only=True),
            Field("consolidate_balance", "Consolidate balance", Kind.CHECKBOX, read_only=True),
            Field(
                "consolidate_statements",
                "Consolidate statement",
                Kind.CHECKBOX,
                read_only=True,
            ),
            Field("shared_credit_policy", "Share credit policy", Kind.CHECKBOX, read_only=True),
            Field(
                "statement_cycle",
                "Statement cycle",
                Kind.LOOKUP,
                attr="statement_cycle_id",
                lookup=STATEMENT_CYCLES,
                read_only=True,
            ),
        ),
        order_by="customer_no",
        view=True,
    ),
    # Direct debit mandates, edited with the customer (app/ledger/mandates.py).
    Grid(
        DIRECT_DEBIT,
        MANDATES,
        (
            Field("mandate_id", "Mandate ID", Kind.TEXT, required=True),
            Field("description", "Mandate description", Kind.TEXT),
            Field("date_of_signature", "Date of signature", Kind.DATE),
            Field("is_default", "Is default", Kind.CHECKBOX),
            Field("one_time", "One time", Kind.CHECKBOX),
            Field("bic", "BIC (SWIFT)", Kind.TEXT, validators=(lambda v: bic_problem(str(v)),)),
            Field("iban", "IBAN", Kind.TEXT, validators=(iban_problem,)),
            Field("last_collection_date", "Last collection date", Kind.DATE),
            Field("max_amount", "Max. amount", Kind.MONEY, minimum=0),
            Field("expiration_date", "Expiration date", Kind.DATE),
            Field("branch", "Branch", Kind.LOOKUP, attr="branch_id", lookup=BRANCHES),
        ),
        help="The customer's direct debit mandates (in use in the Netherlands only).",
        single_mark="is_default",  # ticking a mandate's Is default clears the others'
    ),
    # The seed's columns, in its order; a view of the customer's contact person records
    # (CR302000 adds and edits them, Set as default moves the mark).
    Grid(
        "Contacts",
        CONTACTS,
        CONTACT_COLUMNS,
        order_by="name",
        view=True,
    ),
    # The seed's columns, in its order; a view of the customer's activity records, newest
    # first (the Task, Event, Send and Activity editors add and edit them). The seed's Project
    # and Project task columns appear only with the Projects module, which this product lacks.
    Grid(
        "Activities",
        ACTIVITIES,
        (
            Field("activity_type", "Type", Kind.OPTION, options=ActivityType, read_only=True),
            Field("summary", "Summary", Kind.TEXT, read_only=True),
            Field("status", "Status", Kind.OPTION, options=ActivityStatus, read_only=True),
            Field("start_date", "Start date", Kind.DATETIME, attr="start_at", read_only=True),
            Field("created_at", "Created at", Kind.DATETIME, attr="created_local", read_only=True),
            Field("time_spent", "Time spent", Kind.DURATION, read_only=True),
            Field("work_group", "Work group", Kind.TEXT, read_only=True),
            Field("owner", "Owner", Kind.LOOKUP, attr="owner_id", lookup=EMPLOYEES, read_only=True),
            Field(
                "related_entity_description",
                "Related entity description",
                Kind.TEXT,
                read_only=True,
            ),
            Field("created_by", "Created by", Kind.TEXT, read_only=True),
            Field("released", "Released", Kind.CHECKBOX, read_only=True),
        ),
        order_by="start_at",
        view=True,
    ),
    # The attributes the customer's class asks for, in its order (app/ledger/customer_attributes).
    Grid(
        "Attributes",
        ATTRIBUTES,
        ATTRIBUTE_COLUMNS,
        help="The attributes of the customer's class (Customer classes, AR201000); a required "
        "one must have a value.",
        carried=(ATTRIBUTE_ID,),
        fixed_rows=True,
    ),
    # Who sells to the customer, at which of its locations; one of them the default.
    Grid(
        "Salespersons",
        SALESPERSONS,
        (
            SALESPERSON_ID,
            SALESPERSON_NAME,
            Field(
                SALESPERSON_LOCATION,
                "Location ID",
                Kind.LOOKUP,
                attr="location_id",
                lookup=CUSTOMER_LOCATIONS,
                help="The customer location associated with the salesperson; left empty, the "
                "customer's default location.",
            ),
            Field("location_name", "Location name", Kind.TEXT, read_only=True),
            commission_column(""),
            Field(DEFAULT, "Default", Kind.CHECKBOX),
        ),
        help="The salespersons associated with the customer's locations; exactly one of them is "
        "the customer's default salesperson.",
        on_change=(
            SALESPERSON_CHOSEN,
            OnChange(
                SALESPERSON_LOCATION,
                (),
                lambda row, service: service.location_chosen(row.get(SALESPERSON_LOCATION)),
            ),
        ),
        single_mark=DEFAULT,
    ),
    # The customer's mailings (app/ledger/customer_mailings.py): its class's, Overridden once
    # they differ, and its own; the Recipients of the selected one.
    Grid(
        "Mailings",
        MAILINGS,
        (
            *MAILING_COLUMNS,
            Field(
                OVERRIDDEN,
                "Overridden",
                Kind.CHECKBOX,
                read_only=True,
                help="Set when the mailing differs from the customer class's mailing of the same "
                "ID and branch (or the class has none); such a mailing no longer follows "
                "changes of the class. Revert to class mailings clears it.",
            ),
        ),
        help="The mailings of the customer: by default its class's (Customer classes, "
        "AR201000), which can be overridden for the customer, and others chosen from the "
        "mailings of Customer ledger preferences (AR101000).",
        on_change=(OnChange(MAILING_ID, (RECIPIENTS,), _mailing_chosen),),
    ),
    Grid(
        "Recipients",
        RECIPIENTS,
        (
            Field(CONTACT_TYPE, "Contact type", Kind.OPTION, options=ContactType, required=True),
            Field(
                CONTACT_ID,
                "Contact ID",
                Kind.LOOKUP,
                lookup=EMPLOYEES,
                lookup_by=_recipient_lookup,
                enabled_when=_names_a_contact,
                help="The particular recipient: an employee for the Employee type, one of this "
                "customer's contacts for the Contact type; the other types name nobody (the "
                "customer's contact of that role, or the document's contact).",
            ),
            Field(
                EMAIL,
                "Email",
                Kind.TEXT,
                read_only=True,
                help="The recipient's e-mail address: the employee's, the contact's, or that of "
                "the customer's primary, invoicing or shipping contact; a document contact's "
                "is the document's.",
            ),
            Field("format", "Format", Kind.OPTION, options=MailingFormat, required=True),
            Field("active", "Active", Kind.CHECKBOX),
            Field(TO, "To", Kind.CHECKBOX),
            Field(BCC, "Bcc", Kind.CHECKBOX),
        ),
        master=MAILINGS,
        from_master=("format",),
        help="The recipients of the mailing selected in the Mailings table, one per line.",
        on_change=(
            OnChange(CONTACT_TYPE, (CONTACT_ID, EMAIL), _contact_type_changed),
            OnChange(CONTACT_ID, (CONTACT_TYPE, EMAIL), _contact_chosen),
        ),
    ),
)


# -- on-change rules: what changing a field fills in, with the values each rule reads ----------


def _mirrored(share: Share) -> OnChange:
    """Ticking Same as main shows the main section's values again."""
    return OnChange(
        share.flag,
        tuple(share.main_key(element) for element, _attr in share.parts),
        lambda values, _service: share.mirrored(values) if values.get(share.flag) else None,
    )


def _main_followed(main_key: str) -> OnChange:
    """Editing the main address or contact changes every section sharing it."""
    sharing = [s for s in CUSTOMER_SHARES if main_key.startswith(s.main + "_")]
    element = main_key.removeprefix(sharing[0].main + "_")

    def follow(values: Values, _service: object) -> dict[str, object]:
        return {
            share.key(element): values.get(main_key) for share in sharing if values.get(share.flag)
        }

    return OnChange(main_key, tuple(share.flag for share in sharing), follow)


def _payment_method_changed(values: Values, service: CustomerService) -> dict[str, object]:
    """A method fills its cash account and the details it asks for; clearing the method clears
    what belongs to it (greyed out until a method is chosen again)."""
    method = values.get(PAYMENT_METHOD)
    updates = service.payment_method_changed(method, values.get(PAYMENT_METHOD_DETAILS) or [])
    if method is None:
        updates |= {"description": None, "account_used_for_payment": None}
    return updates


def _county_kept(section: str) -> OnChange:
    """A county of another country goes when the address's country changes (county IDs repeat
    across countries)."""
    county = f"{section}_county"

    def rule(values: Values, service: CustomerService) -> dict[str, object] | None:
        county_id, country_id = values.get(county), values.get(f"{section}_country")
        if isinstance(county_id, int) and not service.county_in_country(county_id, country_id):
            return {county: None}
        return None

    return OnChange(f"{section}_country", (county,), rule)


def _autoinvoice_cleared(values: Values, _service: object) -> dict[str, bool]:
    return autoinvoice.cleared(values)


ON_CHANGE: tuple[OnChange, ...] = (
    *(_mirrored(share) for share in CUSTOMER_SHARES),
    *(
        _main_followed(key)
        for key in dict.fromkeys(
            s.main_key(element) for s in CUSTOMER_SHARES for element, _attr in s.parts
        )
    ),
    *(
        OnChange(key, autoinvoice.DEPENDED_ON + autoinvoice.DEPENDENT, _autoinvoice_cleared)
        for key in autoinvoice.DEPENDED_ON
    ),
    # A shared credit policy needs a consolidated balance.
    OnChange(
        "consolidate_balance",
        (),
        lambda values, _service: (
            None if values.get("consolidate_balance") else {"shared_credit_policy": False}
        ),
    ),
    OnChange(PAYMENT_METHOD, (PAYMENT_METHOD_DETAILS,), _payment_method_changed),
    *(_county_kept(section) for section in ADDRESS_SECTIONS),
)

CUSTOMER = Definition(
    "customer", Customer, FIELDS, (*GRIDS, EVENTS_GRID), ON_CHANGE, (INVOICES_TWICE,)
)
