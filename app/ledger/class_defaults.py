"""What a customer takes from its customer class (DESIGN.md §4): a new customer starts with its
class's values, and choosing another class fills that class's values in.

Changes to a class never rewrite existing customers: the values are copied, not referred to.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from app.models import CustomerClass

# Customer attribute path ← customer class attribute. Sales, discount and freight accounts and
# the delivery settings belong to the customer's default location.
FROM_CLASS: dict[str, str] = {
    "restriction_group_id": "default_restriction_group_id",
    "main_address.country_id": "country_id",
    "terms_id": "terms_id",
    "statement_cycle_id": "statement_cycle_id",
    "document_language_id": "document_language_id",
    "apply_payments_automatically": "apply_payments_automatically",
    "apply_overdue_charges": "apply_overdue_charges",
    "enable_write_offs": "enable_write_offs",
    "write_off_limit": "write_off_limit",
    "currency_id": "currency_id",
    "enable_currency_override": "enable_currency_override",
    "currency_rate_type_id": "currency_rate_type_id",
    "enable_rate_override": "enable_rate_override",
    "exclude_debt_collection": "exclude_debt_collection",
    "webhook_notification": "webhook_notification",
    "credit_verification": "credit_verification",
    "credit_limit": "credit_limit",
    "credit_days_past_due": "credit_days_past_due",
    "print_invoices": "print_invoices",
    "send_invoices_by_email": "send_invoices_by_email",
    "print_dunning_letters": "print_dunning_letters",
    "send_dunning_letters_by_email": "send_dunning_letters_by_email",
    "print_statements": "print_statements",
    "send_statements_by_email": "send_statements_by_email",
    "multi_currency_statements": "multi_currency_statements",
    "statement_type": "statement_type",
    "send_invoices_to_autoinvoice": "send_invoices_to_autoinvoice",
    "send_invoices_to_autoinvoice_as_banking_einvoice": (
        "send_invoices_to_autoinvoice_as_banking_einvoice"
    ),
    "autoinvoice_print": "autoinvoice_print",
    "exclude_invoice_pdf": "exclude_invoice_pdf",
    "use_first_autoinvoice_attachment": "use_first_autoinvoice_attachment",
    "default_payment_method.payment_method_id": "payment_method_id",
    "customer_ledger_account_id": "customer_ledger_account_id",
    "customer_ledger_sub_id": "customer_ledger_sub_id",
    "cash_discount_account_id": "cash_discount_account_id",
    "cash_discount_sub_id": "cash_discount_sub_id",
    "prepayment_account_id": "prepayment_account_id",
    "prepayment_sub_id": "prepayment_sub_id",
    "default_location.vat_zone_id": "vat_zone_id",
    "default_location.export_type": "export_type",
    "default_location.price_class_id": "price_class_id",
    "default_location.ship_via_id": "ship_via_id",
    "default_location.shipping_terms_id": "shipping_terms_id",
    "default_location.shipping_rule": "shipping_rule",
    "default_location.sales_account_id": "sales_account_id",
    "default_location.sales_sub_id": "sales_sub_id",
    "default_location.sales_non_taxable_account_id": "sales_non_taxable_account_id",
    "default_location.sales_eu_account_id": "sales_eu_account_id",
    "default_location.sales_export_account_id": "sales_export_account_id",
    "default_location.discount_account_id": "discount_account_id",
    "default_location.discount_sub_id": "discount_sub_id",
    "default_location.freight_account_id": "freight_account_id",
    "default_location.freight_sub_id": "freight_sub_id",
}


def class_values(session: Session, class_id: Any, fields: Mapping[str, str]) -> dict[str, Any]:
    """The class's values for the customer fields it fills: ``fields`` maps a field key to its
    attribute path; the answer maps field keys to values. Empty for no class."""
    # Only a chosen class fills anything (not one typed that is not in the list).
    customer_class = session.get(CustomerClass, class_id) if isinstance(class_id, int) else None
    if customer_class is None:
        return {}
    return {
        key: getattr(customer_class, FROM_CLASS[path])
        for key, path in fields.items()
        if path in FROM_CLASS
    }


def overwritten(
    current: Mapping[str, Any], old_class: Mapping[str, Any], new_class: Mapping[str, Any]
) -> list[str]:
    """The fields a class change would overwrite although the user changed them: their value
    is neither the old class's nor the new class's."""
    return [
        key
        for key, value in new_class.items()
        if key in old_class and current.get(key) != old_class[key] and current.get(key) != value
    ]
