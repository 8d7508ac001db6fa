"""What each setting of the preferences (AR101000) and of a customer class (AR201000) does today:
the ledger function that reads it, or the feature it waits for (issue 17).

This table answers "what does this setting do?". tests/ledger/test_setting_readers.py holds it
to the models: every stored setting is listed, each reader's module names the setting, and
each waiting feature is one the product does not have yet. A setting cannot be added without a
line here; a screen's tooltip says so where a setting waits (app/windows/framework/builder.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from app.ledger import (
    class_defaults,
    currency_rates,
    customer_salespersons,
    locations,
    preferences,
)
from app.ledger.customers import CustomerService
from app.ledger.documents import (
    application,
    credit_check,
    entry,
    numbers,
    overdue,
    release,
    write_offs,
)
from app.ledger.statements import compute


@dataclass(frozen=True)
class ReadBy:
    """The ledger function (or service) that reads the setting, and what it does with it."""

    reader: Callable[..., Any]
    does: str


@dataclass(frozen=True)
class Waiting:
    """A feature the product does not have yet; the setting is stored for it."""

    feature: str


# The features settings wait for: none of them is in the product yet.
FEATURES_NOT_BUILT = {
    "dunning letters": "Prepare dunning letters (AR521000)",
    "price worksheets": "Sales price worksheets (AR202010)",
    "salesperson commissions": "Calculate commissions (AR505500)",
    "sales prices and discounts": "Sales prices (AR202000) and discounts",
    "VAT on cash discount": "credit notes for the VAT of a cash discount",
    "currency revaluation": "Revalue customer ledger accounts (CM506000)",
    "migration mode": "entering historical documents without posting them",
    "payment messages": "payment messages on outgoing invoices",
}

Entry = ReadBy | Waiting

NUMBERING = ReadBy(numbers.take_document_number, "numbers documents of its type")

PREFERENCES: Mapping[str, Entry] = {
    "gl_batch_number_series_id": ReadBy(numbers.take_batch_number, "numbers posted batches"),
    "invoice_number_series_id": NUMBERING,
    "payment_number_series_id": NUMBERING,
    "debit_note_number_series_id": NUMBERING,
    "credit_note_number_series_id": NUMBERING,
    "write_off_number_series_id": NUMBERING,
    "overdue_charge_number_series_id": NUMBERING,
    "price_worksheet_number_series_id": Waiting("price worksheets"),
    "dunning_fee_number_series_id": Waiting("dunning letters"),
    "automatically_post_on_release": ReadBy(release.release, "posts on release"),
    "post_summary_when_updating_gl": ReadBy(release.release, "one batch per day"),
    "activate_migration_mode": Waiting("migration mode"),
    "default_customer_class_id": ReadBy(CustomerService.new_values, "a new customer's class"),
    # Checked: known source letters, exactly one per segment of the SUBACCOUNT key (CS202000).
    "combine_sales_sub_from": ReadBy(
        preferences.sales_sub_segment_errors, "one source letter per SUBACCOUNT segment"
    ),
    "rounding_rule_for_invoices": ReadBy(entry.DocumentService, "rounds document totals"),
    "rounding_precision": ReadBy(entry.DocumentService, "the unit totals round to"),
    "hold_documents_on_entry": ReadBy(entry.DocumentService, "new documents start on hold"),
    "validate_document_totals_on_entry": ReadBy(release.release_refusal, "totals checked"),
    "require_payment_reference_on_entry": ReadBy(release.release_refusal, "reference needed"),
    "hold_document_on_failed_credit_check": ReadBy(entry.DocumentService, "held, not warned"),
    "require_printing_before_release": ReadBy(release.release_refusal, "Pending print"),
    "require_emailing_before_release": ReadBy(release.release_refusal, "Pending email"),
    "automatic_payment_method_id": ReadBy(entry.DocumentService, "new payments' method"),
    "manual_payment_method_id": ReadBy(entry.DocumentService, "new refunds' method"),
    "age_credits": ReadBy(compute.Settings.read, "credits aged by their date"),
    "overdue_charges_by_statement_cycle": ReadBy(overdue.charge_of, "the cycle's charge"),
    "calculate_on_overdue_charge_documents": ReadBy(
        overdue.calculate_overdue_charge, "charges on charges"
    ),
    "apply_payments_to_overdue_charges_first": ReadBy(
        application.apply_amounts, "overdue charges paid first"
    ),
    "salesperson_commission_by": Waiting("salesperson commissions"),
    "commission_period_type": Waiting("salesperson commissions"),
    "consolidate_statements_for_all_branches": ReadBy(compute.Settings.read, "one statement"),
    "statement_from_branch_id": ReadBy(compute.Settings.read, "the consolidated sender"),
    "consolidate_dunning_letters_for_all_branches": Waiting("dunning letters"),
    "dunning_letter_from_branch_id": Waiting("dunning letters"),
    "reason_code_balance_write_off_id": ReadBy(write_offs.write_off, "balance write-offs"),
    "reason_code_credit_write_off_id": ReadBy(write_offs.write_off, "credit write-offs"),
    "automatically_release_credit_notes": Waiting("VAT on cash discount"),
    "credit_note_description": Waiting("VAT on cash discount"),
    "payment_message_prefix": Waiting("payment messages"),
    # Its seed use, prices in other currencies, waits for sales prices.
    "default_rate_type_id": ReadBy(
        currency_rates.CurrencyRatesService.new_row, "the rate type of a new currency rate"
    ),
    "always_calculate_price_from_base_currency": Waiting("sales prices and discounts"),
    "load_sales_prices_by_alternative_item_id": Waiting("sales prices and discounts"),
    "retention_type": Waiting("sales prices and discounts"),
    "number_of_months": Waiting("sales prices and discounts"),
    "line_discount_basis": Waiting("sales prices and discounts"),
    "apply_quantity_discounts_to": Waiting("sales prices and discounts"),
    "apply_line_discounts_specific_to": Waiting("sales prices and discounts"),
    "dunning_process": Waiting("dunning letters"),
    "automatically_release_dunning_letters": Waiting("dunning letters"),
    "include_other_unpaid_documents": Waiting("dunning letters"),
    "include_credit_note_documents": Waiting("dunning letters"),
    "dunning_fee_item_id": Waiting("dunning letters"),
    "automatically_release_dunning_fee_documents": Waiting("dunning letters"),
}

# A class's values a new customer takes (and a customer choosing the class): class_defaults.
COPIED = ReadBy(class_defaults.class_values, "copied to a new customer of the class")

CUSTOMER_CLASS: Mapping[str, Entry] = {
    **{attr: COPIED for attr in class_defaults.FROM_CLASS.values()},
    "require_vat_zone": ReadBy(CustomerService.check, "a customer needs a VAT zone"),
    "default_location_id_from_branch": ReadBy(
        locations.main_location_id, "the first location's ID"
    ),
    "salesperson_id": ReadBy(customer_salespersons.class_rows, "a new customer's salesperson"),
    "warning_when_missing_vat_registration_id": ReadBy(entry.missing_id_warnings, "documents warn"),
    "warning_when_missing_corporate_id": ReadBy(entry.missing_id_warnings, "documents warn"),
    "amount_over_limit": ReadBy(credit_check.credit_problem, "allowed over the limit"),
    "overdue_charge_id": ReadBy(overdue.charge_of, "the overdue charge of its customers"),
    "group_document_discount_limit": Waiting("sales prices and discounts"),
    "unrealised_gain_account_id": Waiting("currency revaluation"),
    "unrealised_gain_sub_id": Waiting("currency revaluation"),
    "unrealised_loss_account_id": Waiting("currency revaluation"),
    "unrealised_loss_sub_id": Waiting("currency revaluation"),
}

# What names a class rather than sets anything.
CLASS_IDENTITY = ("class_id", "description")
# Columns every record has (app/models/base.py MasterRecord).
RECORD_COLUMNS = ("id", "version", "created_at", "modified_at")


def waiting_note(model_name: str, attr: str) -> str | None:
    """A tooltip's last line for a setting nothing reads yet: what it waits for."""
    table = {"Preferences": PREFERENCES, "CustomerClass": CUSTOMER_CLASS}.get(model_name)
    entry_ = table.get(attr) if table is not None else None
    if isinstance(entry_, Waiting):
        return f"Not used yet: kept for {FEATURES_NOT_BUILT[entry_.feature]}."
    return None
