"""Send AutoInvoice Route: which check boxes may be selected, as the seed states.

- Print: only if Send invoices to AutoInvoice is selected.
- Exclude invoice PDF: only if Send invoices to AutoInvoice or Send invoices to AutoInvoice as
  banking e-Invoice (Norway) is selected.
- Use the first AutoInvoice attachment to view invoice: only if one of those two and Exclude
  invoice PDF are selected.

A box that may no longer be selected is cleared, so a class never holds a setting its own
window would not let a user choose.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# Field keys: the seed's names in snake case (as on the class and the customer windows).
SEND = "send_invoices_to_autoinvoice"
SEND_AS_BANKING_EINVOICE = "send_invoices_to_autoinvoice_as_banking_e_invoice_norway"
PRINT = "print"
EXCLUDE_INVOICE_PDF = "exclude_invoice_pdf"
USE_FIRST_ATTACHMENT = "use_the_first_autoinvoice_attachment_to_view_invoice"


def print_selectable(values: Mapping[str, Any]) -> bool:
    return bool(values.get(SEND))


def exclude_invoice_pdf_selectable(values: Mapping[str, Any]) -> bool:
    return bool(values.get(SEND) or values.get(SEND_AS_BANKING_EINVOICE))


def first_attachment_selectable(values: Mapping[str, Any]) -> bool:
    return exclude_invoice_pdf_selectable(values) and bool(values.get(EXCLUDE_INVOICE_PDF))


SELECTABLE = {
    PRINT: print_selectable,
    EXCLUDE_INVOICE_PDF: exclude_invoice_pdf_selectable,
    USE_FIRST_ATTACHMENT: first_attachment_selectable,
}


# The boxes others depend on: a change to one may clear the boxes that need it.
DEPENDED_ON = (SEND, SEND_AS_BANKING_EINVOICE, EXCLUDE_INVOICE_PDF)
# The boxes that depend on others.
DEPENDENT = tuple(SELECTABLE)


def cleared(values: Mapping[str, Any]) -> dict[str, bool]:
    """The dependent boxes to clear because what they depend on is no longer selected."""
    current = dict(values)
    changes: dict[str, bool] = {}
    for key, selectable in SELECTABLE.items():  # in dependency order
        if current.get(key) and not selectable(current):
            current[key] = False
            changes[key] = False
    return changes
