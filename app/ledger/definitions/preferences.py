"""The customer ledger preferences (AR101000): what each field of the company's one preferences
record means, and its grids: dunning levels, mailings (default sources) with their recipients.

Fields are keyed by the snake_case of the seed's name (DESIGN.md §2). Some of the seed's option
lists were lost in the copy; those were completed from the product family, and their help says
so. The CID configuration tab edits another record (app/ledger/definitions/cid_configuration.py);
only Select configuration, which says which configuration the tab shows, is declared here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.ledger import catalogue
from app.ledger.cid_configurations import SELECT_CONFIGURATION, SELECT_CONFIGURATION_LABEL
from app.ledger.definitions.parts import mailing_settings
from app.ledger.fields import Advice, Definition, Field, Grid, Kind, OnChange, Values, snake
from app.ledger.preferences import (
    DEFAULT_SOURCES,
    DUNNING_LEVELS,
    RECIPIENTS,
    SALES_SUB_SOURCES,
    PreferencesService,
)
from app.ledger.recipients import CONTACT_ID, CONTACT_TYPE, contact_id_cleared, takes_contact_id
from app.ledger.sources import (
    BRANCHES,
    CID_CONFIGURATIONS,
    CUSTOMER_CLASSES,
    EMPLOYEES,
    NON_STOCK_ITEMS,
    NUMBER_SERIES,
    PAYMENT_METHODS,
    RATE_TYPES,
    REPORT_TEXTS,
    reason_codes,
)
from app.models import Preferences
from app.models.base import OptionEnum
from app.models.options import CLASS_CONTACT_TYPES, ContactType, MailingFormat
from app.models.preferences import (
    CommissionBy,
    CommissionPeriodType,
    DunningProcess,
    LineDiscountBasis,
    QuantityDiscountTarget,
    RetentionType,
    RoundingPrecision,
    RoundingRule,
)
from app.models.reference.system import ReasonCodeUsage

# The seed window whose descriptions the help texts are.
SEED = "AR101000"


# -- declaring fields as data -------------------------------------------------------------


def field(label: str, kind: Kind, attr: str = "", **more: Any) -> Field:
    """A field keyed by the snake_case of the seed's name (DESIGN §2)."""
    return Field(snake(label), label, kind, attr=attr, **more)


def check(label: str, attr: str = "") -> Field:
    return field(label, Kind.CHECKBOX, attr)


def series(label: str, attr: str) -> Field:
    return field(label, Kind.LOOKUP, attr, lookup=NUMBER_SERIES)


def completed(help_text: str, options: type[OptionEnum] | str) -> str:
    """The seed's words plus the note that its lost option list was completed from the family."""
    listed = options if isinstance(options, str) else ", ".join(o.label for o in options)
    return (
        f"{help_text}\n\nThe seed lost this option list; it was completed as the product "
        f"family has it: {listed}."
    )


def lost_options(label: str, section: str, options: type[OptionEnum], **more: Any) -> Field:
    """An option list the seed lost, completed from the product family; the tooltip says so."""
    help_text = completed(catalogue.help_text(SEED, label, section), options)
    return field(label, Kind.OPTION, options=options, help=help_text, **more)


def lost_column(
    grid: str, label: str, options: type[OptionEnum], attr: str = "", **more: Any
) -> Field:
    listed = ", ".join(option.label for option in more.get("offered") or options)
    help_text = completed(catalogue.column_help(SEED, grid, label), listed)
    return field(label, Kind.OPTION, attr, options=options, help=help_text, **more)


# The seed's section names the help texts of lost option lists are looked up under.
DATA_ENTRY = "Data entry settings"
RETENTION = "Price retention settings"
DISCOUNTS = "Discount settings"

SALES_SUB_HELP = completed(
    catalogue.help_text(SEED, "Combine sales sub. from", DATA_ENTRY),
    "one letter per segment of the SUBACCOUNT key (Segmented keys, CS202000) — "
    + ", ".join(f"{letter} {source}" for letter, source in SALES_SUB_SOURCES.items()),
)

FIELDS: tuple[Field, ...] = (
    # -- General settings: Number series
    series("General ledger batch number series", "gl_batch_number_series_id"),
    series("Invoice number series", "invoice_number_series_id"),
    series("Payment number series", "payment_number_series_id"),
    series("Debit note number series", "debit_note_number_series_id"),
    series("Credit note number series", "credit_note_number_series_id"),
    series("Write-off number series", "write_off_number_series_id"),
    series("Overdue charge number series", "overdue_charge_number_series_id"),
    series("Price worksheet number series", "price_worksheet_number_series_id"),
    series("Dunning fee number series", "dunning_fee_number_series_id"),
    # -- Posting settings
    check("Automatically post on release"),
    check("Post summary when updating the general ledger", "post_summary_when_updating_gl"),
    check("Activate migration mode"),
    # -- Data entry settings
    Field(
        "default_customer_class_id",
        "Default customer class ID",
        Kind.LOOKUP,
        lookup=CUSTOMER_CLASSES,
    ),
    field("Combine sales sub. from", Kind.TEXT, "combine_sales_sub_from", help=SALES_SUB_HELP),
    lost_options("Rounding rule for invoices", DATA_ENTRY, RoundingRule, required=True),
    lost_options(
        "Rounding precision",
        DATA_ENTRY,
        RoundingPrecision,
        enabled_when=lambda v: (
            v.get("rounding_rule_for_invoices") != RoundingRule.USE_CURRENCY_PRECISION
        ),
    ),
    check("Hold documents on entry"),
    check("Validate document totals on entry"),
    check("Require payment reference on entry"),
    check("Hold document on failed credit check"),
    check("Require invoice/note printing before release", "require_printing_before_release"),
    check("Require invoice/note emailing before release", "require_emailing_before_release"),
    # -- Payment settings
    field(
        "Automatic payment method",
        Kind.LOOKUP,
        "automatic_payment_method_id",
        lookup=PAYMENT_METHODS,
    ),
    field("Manual payment method", Kind.LOOKUP, "manual_payment_method_id", lookup=PAYMENT_METHODS),
    # -- Overdue charge settings
    check("Age credits"),
    check(
        "Set default overdue charges by statement cycle",
        "overdue_charges_by_statement_cycle",
    ),
    check("Calculate on overdue charge documents"),
    check("Apply payments to overdue charges first"),
    # -- Salesperson commission settings
    lost_options(
        "Salesperson commission by",
        "Salesperson commission settings",
        CommissionBy,
        required=True,
    ),
    field("Commission period type", Kind.OPTION, options=CommissionPeriodType, required=True),
    # -- Statement settings
    check("Consolidate statements for all branches"),
    field(
        "Statement from branch",
        Kind.LOOKUP,
        "statement_from_branch_id",
        lookup=BRANCHES,
        enabled_when=lambda v: bool(v.get("consolidate_statements_for_all_branches")),
    ),
    check("Consolidate dunning letters for all branches"),
    field(
        "Dunning letter from branch",
        Kind.LOOKUP,
        "dunning_letter_from_branch_id",
        lookup=BRANCHES,
        enabled_when=lambda v: bool(v.get("consolidate_dunning_letters_for_all_branches")),
    ),
    # -- Write-off settings
    field(
        "Reason code balance write-off",
        Kind.LOOKUP,
        "reason_code_balance_write_off_id",
        lookup=reason_codes(ReasonCodeUsage.BALANCE_WRITE_OFF),
    ),
    field(
        "Reason code credit write-off",
        Kind.LOOKUP,
        "reason_code_credit_write_off_id",
        lookup=reason_codes(ReasonCodeUsage.CREDIT_WRITE_OFF),
    ),
    # -- VAT on cash discount
    check("Automatically release credit notes"),
    field("Credit note description", Kind.TEXT),
    # -- Payment message
    field("Payment message prefix", Kind.TEXT),
    # -- Price and discount settings: Price settings
    field("Default rate type", Kind.LOOKUP, "default_rate_type_id", lookup=RATE_TYPES),
    check(
        "Always calculate the price from the base currency",
        "always_calculate_price_from_base_currency",
    ),
    check("Load sales prices by alternative item ID"),
    # -- Price retention settings
    lost_options("Retention type", RETENTION, RetentionType, required=True),
    field(
        "Number of months",
        Kind.NUMBER,
        minimum=0,
        enabled_when=lambda v: v.get("retention_type") == RetentionType.FIXED_NUMBER_OF_MONTHS,
    ),
    # -- Discount settings
    lost_options("Line discount basis", DISCOUNTS, LineDiscountBasis, required=True),
    lost_options(
        "Apply quantity discounts to",
        DISCOUNTS,
        QuantityDiscountTarget,
        required=True,
    ),
    check("Apply line discounts specific to"),
    # -- Dunning settings: Dunning process settings
    field("Dunning process", Kind.OPTION, options=DunningProcess, required=True),
    field(
        "Automatically release dunning letters",
        Kind.CHECKBOX,
        enabled_when=lambda v: v.get("dunning_process") == DunningProcess.BY_DOCUMENT,
    ),
    check("Include other unpaid documents"),
    check("Include credit note documents"),
    # -- Dunning fee settings
    field("Dunning fee item", Kind.LOOKUP, "dunning_fee_item_id", lookup=NON_STOCK_ITEMS),
    check("Automatically release dunning fee documents"),
    # -- CID configuration: which configuration the tab shows (and saves with the
    # preferences). Not a preferences attribute: PreferencesService does not store it.
    Field(
        SELECT_CONFIGURATION,
        SELECT_CONFIGURATION_LABEL,
        Kind.LOOKUP,
        lookup=CID_CONFIGURATIONS,
        help=catalogue.help_text(SEED, SELECT_CONFIGURATION_LABEL)
        + "\n\nType a new ID to create a configuration; it is saved with the preferences.",
    ),
)


def _contact_type_changed(row: Values, _service: object) -> Mapping[str, Any] | None:
    return contact_id_cleared(row)


GRIDS = (
    Grid(
        "Dunning levels",
        DUNNING_LEVELS,
        (
            # Required where the store holds a number: a blank cell is named, not a crash.
            Field("dunning_letter_level", "Dunning letter level", Kind.NUMBER, required=True),
            Field("days_past_due", "Days past due", Kind.NUMBER, required=True, minimum=0),
            Field("days_to_settle", "Days to settle", Kind.NUMBER, required=True, minimum=0),
            Field("description", "Description", Kind.TEXT),
            Field("dunning_fee", "Dunning fee", Kind.MONEY, required=True, minimum=0),
            Field("days_to_due", "Days to due", Kind.NUMBER, required=True, minimum=0),
            Field(
                "report_text_code",
                "Report text code",
                Kind.LOOKUP,
                attr="report_text_id",
                lookup=REPORT_TEXTS,
            ),
        ),
        order_by="dunning_letter_level",
    ),
    Grid(
        "Default sources",
        DEFAULT_SOURCES,
        (
            Field("mailing_id", "Mailing ID", Kind.TEXT, required=True),
            *mailing_settings("default_email_account", "Default email account"),
        ),
    ),
    Grid(
        "Default recipients",
        RECIPIENTS,
        (
            lost_column(
                "Default recipients",
                "Contact type",
                ContactType,
                offered=CLASS_CONTACT_TYPES,
                required=True,
            ),
            Field(
                CONTACT_ID,
                "Contact ID",
                Kind.LOOKUP,
                attr="employee_id",
                lookup=EMPLOYEES,
                enabled_when=takes_contact_id,  # only an Employee recipient names one
            ),
            Field("format", "Format", Kind.OPTION, options=MailingFormat, required=True),
            Field("active", "Active", Kind.CHECKBOX),
            Field("bcc", "Bcc", Kind.CHECKBOX),
        ),
        master=DEFAULT_SOURCES,
        from_master=("format",),
        # A contact ID only for the Employee contact type.
        on_change=(OnChange(CONTACT_TYPE, (CONTACT_ID,), _contact_type_changed),),
    ),
)


def _configuration_picked(values: Values, service: PreferencesService) -> Mapping[str, Any] | None:
    """Picking a configuration shows its settings and elements (a new ID starts one from the
    defaults)."""
    return service.configuration_values(values.get(SELECT_CONFIGURATION))


ON_CHANGE = (OnChange(SELECT_CONFIGURATION, (), _configuration_picked),)


def _dunning_back_to_by_customer(values: Values, loaded: Values) -> str | None:
    # The seed: "You can switch from By customer to By document, but switching from By
    # document to By customer is not recommended."
    if (
        loaded.get("dunning_process") == DunningProcess.BY_DOCUMENT
        and values.get("dunning_process") == DunningProcess.BY_CUSTOMER
    ):
        return (
            "Dunning process: switching from By document to By customer is not recommended — "
            "the dunning levels the documents have reached no longer decide their letters. "
            "Keep the way of setting a level you chose at the beginning."
        )
    return None


ADVICE = (Advice(("dunning_process",), _dunning_back_to_by_customer),)

PREFERENCES = Definition("preferences", Preferences, FIELDS, GRIDS, ON_CHANGE, ADVICE)
