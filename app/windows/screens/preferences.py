"""Customer ledger preferences (AR101000): the company's one preferences record, arranged from
its definition (app/ledger/definitions/preferences.py) in the tabs and sections the catalogue
names.

The CID configuration tab arranges the fields of the CID configuration picked in Select
configuration (app/ledger/definitions/cid_configuration.py); it is saved with the preferences,
in the same transaction (see ``app/ledger/preferences.py``).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QWidget

from app.ledger.definitions.cid_configuration import CID_CONFIGURATION
from app.ledger.definitions.preferences import DATA_ENTRY, DISCOUNTS, PREFERENCES, RETENTION
from app.ledger.preferences import (
    CID_ELEMENTS,
    DEFAULT_SOURCES,
    DUNNING_LEVELS,
    RECIPIENTS,
    SELECT_CONFIGURATION,
    PreferencesService,
)
from app.ledger.recipients import CONTACT_TYPE, contact_id_cleared
from app.models import Preferences
from app.models.database import Store
from app.windows.framework.grid import set_row_rule
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Screen, Section, Tab

SCREEN_ID = "AR101000"
pick = PREFERENCES.pick

GENERAL_SETTINGS = Tab(
    "General settings",
    sections=(
        Section(
            "Number series",
            pick(
                "general_ledger_batch_number_series",
                "invoice_number_series",
                "payment_number_series",
                "debit_note_number_series",
                "credit_note_number_series",
                "write_off_number_series",
                "overdue_charge_number_series",
                "price_worksheet_number_series",
                "dunning_fee_number_series",
            ),
        ),
        Section(
            "Posting settings",
            pick(
                "automatically_post_on_release",
                "post_summary_when_updating_the_general_ledger",
                "activate_migration_mode",
            ),
        ),
        Section(
            DATA_ENTRY,
            pick(
                "default_customer_class_id",
                "combine_sales_sub_from",
                "rounding_rule_for_invoices",
                "rounding_precision",
                "hold_documents_on_entry",
                "validate_document_totals_on_entry",
                "require_payment_reference_on_entry",
                "hold_document_on_failed_credit_check",
                "require_invoice_note_printing_before_release",
                "require_invoice_note_emailing_before_release",
            ),
        ),
        Section(
            "Payment settings",
            pick("automatic_payment_method", "manual_payment_method"),
            column=1,  # the left column is long with the number series and data entry
        ),
        Section(
            "Overdue charge settings",
            pick(
                "age_credits",
                "set_default_overdue_charges_by_statement_cycle",
                "calculate_on_overdue_charge_documents",
                "apply_payments_to_overdue_charges_first",
            ),
            column=1,
        ),
        Section(
            "Salesperson commission settings",
            pick("salesperson_commission_by", "commission_period_type"),
            column=1,
        ),
        Section(
            "Statement settings",
            pick(
                "consolidate_statements_for_all_branches",
                "statement_from_branch",
                "consolidate_dunning_letters_for_all_branches",
                "dunning_letter_from_branch",
            ),
            column=1,
        ),
        Section(
            "Write-off settings",
            pick("reason_code_balance_write_off", "reason_code_credit_write_off"),
            column=1,
        ),
        Section(
            "VAT on cash discount",
            pick("automatically_release_credit_notes", "credit_note_description"),
            column=1,
        ),
        Section("Payment message", pick("payment_message_prefix"), column=1),
    ),
)

PRICE_AND_DISCOUNT_SETTINGS = Tab(
    "Price and discount settings",
    sections=(
        Section(
            "Price settings",
            pick(
                "default_rate_type",
                "always_calculate_the_price_from_the_base_currency",
                "load_sales_prices_by_alternative_item_id",
            ),
        ),
        Section(RETENTION, pick("retention_type", "number_of_months")),
        Section(
            DISCOUNTS,
            pick(
                "line_discount_basis",
                "apply_quantity_discounts_to",
                "apply_line_discounts_specific_to",
            ),
            column=1,
        ),
    ),
)

DUNNING_SETTINGS = Tab(
    "Dunning settings",
    sections=(
        Section(
            "Dunning process settings",
            pick(
                "dunning_process",
                "automatically_release_dunning_letters",
                "include_other_unpaid_documents",
                "include_credit_note_documents",
            ),
        ),
        Section(
            "Dunning fee settings",
            pick("dunning_fee_item", "automatically_release_dunning_fee_documents"),
            column=1,
        ),
    ),
    grids=(PREFERENCES.grid(DUNNING_LEVELS),),
)

REPORTING_SETTINGS = Tab(
    "Reporting settings",
    grids=(PREFERENCES.grid(DEFAULT_SOURCES), PREFERENCES.grid(RECIPIENTS)),
)

CID_CONFIGURATION_TAB = Tab(
    "CID configuration",
    sections=(
        Section(
            "",
            # Which configuration the tab shows, then the picked configuration's own fields.
            pick(SELECT_CONFIGURATION)
            + CID_CONFIGURATION.pick(
                "status",
                "branch",
                "payment_method",
                "digit_counter",
                "description",
                "display_mask",
                "reference_modulus",
                "reference_weight",
                "amount_check_digit",
                "amount_weight",
            ),
        ),
    ),
    grids=(CID_CONFIGURATION.grid(CID_ELEMENTS),),
)

SCREEN = Screen(
    id=SCREEN_ID,
    title="Customer ledger preferences",
    model=Preferences,
    top=(),
    tabs=(
        GENERAL_SETTINGS,
        PRICE_AND_DISCOUNT_SETTINGS,
        DUNNING_SETTINGS,
        REPORTING_SETTINGS,
        CID_CONFIGURATION_TAB,
    ),
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    service = PreferencesService(store)
    screen = RecordScreen(store, SCREEN, service, parent, single_record=True)
    # Picking a configuration shows its settings and elements (typing a new ID starts one).
    screen.binder.on_change[SELECT_CONFIGURATION] = service.configuration_values
    # Set when the Reporting settings tab is first shown.
    screen.when_built(RECIPIENTS, partial(set_row_rule, CONTACT_TYPE, contact_id_cleared))
    current = service.current_id()
    if current is not None:
        screen.load_record(current)
    return screen
