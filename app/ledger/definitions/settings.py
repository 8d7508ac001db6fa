"""Settings a customer class gives its customers and a customer holds alike (the model mixins of
app/models/settings.py): print and email settings and the AutoInvoice route, defined once."""

from __future__ import annotations

from app.ledger import autoinvoice
from app.ledger.fields import Advice, Condition, Field, Kind, Values
from app.models.options import StatementType


def _check(key: str, label: str, attr: str = "", enabled_when: Condition | None = None) -> Field:
    return Field(key, label, Kind.CHECKBOX, attr=attr, enabled_when=enabled_when)


PRINT_AND_EMAIL_SETTINGS: tuple[Field, ...] = (
    _check("print_invoices", "Print invoices"),
    _check("send_invoices_by_email", "Send invoices by email"),
    _check("print_dunning_letters", "Print dunning letters"),
    _check("send_dunning_letters_by_email", "Send dunning letters by email"),
    _check("print_statements", "Print statements"),
    _check("send_statements_by_email", "Send statements by email"),
    _check("multi_currency_statements", "Multi-currency statements"),
    Field("statement_type", "Statement type", Kind.OPTION, options=StatementType, required=True),
)


def _invoices_twice(values: Values, _loaded: Values) -> str | None:
    # The seed advises against both: the customer would get each invoice twice.
    if values.get("print_invoices") and values.get("send_invoices_by_email"):
        return (
            "Print invoices and Send invoices by email are both selected: the customer "
            "will receive every invoice twice, on paper and by email."
        )
    return None


INVOICES_TWICE = Advice(("print_invoices", "send_invoices_by_email"), _invoices_twice)

AUTOINVOICE_ROUTE: tuple[Field, ...] = (
    _check(autoinvoice.SEND, "Send invoices to AutoInvoice"),
    _check(
        autoinvoice.SEND_AS_BANKING_EINVOICE,
        "Send invoices to AutoInvoice as banking e-Invoice (Norway)",
        attr="send_invoices_to_autoinvoice_as_banking_einvoice",
    ),
    _check(
        autoinvoice.PRINT,
        "Print",
        attr="autoinvoice_print",
        enabled_when=autoinvoice.print_selectable,
    ),
    _check(
        autoinvoice.EXCLUDE_INVOICE_PDF,
        "Exclude invoice PDF",
        enabled_when=autoinvoice.exclude_invoice_pdf_selectable,
    ),
    _check(
        autoinvoice.USE_FIRST_ATTACHMENT,
        "Use the first AutoInvoice attachment to view invoice",
        attr="use_first_autoinvoice_attachment",
        enabled_when=autoinvoice.first_attachment_selectable,
    ),
)
