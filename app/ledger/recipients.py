"""Recipients of a mailing: a contact type, or one employee of the company.

At class and preferences level only contact types can be given (the customer's Primary,
Invoicing or Shipping contact; Contact and Document contact are a customer's own, AR303000:
app/ledger/customer_mailings.py); a particular recipient, the Contact ID, only for the Employee
type, and then it names the employee who receives the documents.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.ledger.records import FieldError, is_blank
from app.models.options import CLASS_CONTACT_TYPES, ContactType

CONTACT_TYPE = "contact_type"
CONTACT_ID = "contact_id"


def takes_contact_id(row: Mapping[str, Any]) -> bool:
    return row.get(CONTACT_TYPE) == ContactType.EMPLOYEE


def contact_id_cleared(row: Mapping[str, Any]) -> dict[str, Any] | None:
    """On a change of contact type away from Employee, the employee no longer applies."""
    if not takes_contact_id(row) and row.get(CONTACT_ID) is not None:
        return {CONTACT_ID: None}
    return None


def recipient_errors(
    key: str, where: str, rows: list[dict[str, Any]], contact_id_label: str = "Contact ID"
) -> list[FieldError]:
    """``Mailings, row 1, Recipients, row 2, Contact ID: …`` for each recipient breaking the
    rule; ``where`` names the grid (with its master row)."""
    errors: list[FieldError] = []
    for number, row in enumerate(rows, start=1):
        label = f"{where}, row {number}, {contact_id_label}"
        contact_type = row.get(CONTACT_TYPE)
        if contact_type is not None and contact_type not in CLASS_CONTACT_TYPES:
            offered = ", ".join(option.label for option in CLASS_CONTACT_TYPES)
            errors.append(
                FieldError(
                    key,
                    f"{where}, row {number}, Contact type",
                    f"here one of {offered}: {contact_type.label} names a particular "
                    "customer's contact (Customers, AR303000).",
                )
            )
            continue
        if takes_contact_id(row) and is_blank(row.get(CONTACT_ID)):
            errors.append(FieldError(key, label, "select the employee who receives the mailing."))
        elif not takes_contact_id(row) and not is_blank(row.get(CONTACT_ID)):
            errors.append(
                FieldError(key, label, "can be specified only for the Employee contact type.")
            )
    return errors
