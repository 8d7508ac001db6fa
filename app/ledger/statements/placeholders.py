"""The placeholders a STATEMENT mailing's Notification template (Notification templates,
SM204003) may write in its Subject and Body, as {Name}, and how they are filled.

The statement's figures are written as the customer's document language writes them, as on the
printed statement (app/reports/formats.py). A placeholder not listed here is left in the text as
written, so whoever reads the e-mail sees what the template asked for instead of a silent gap.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

PLACEHOLDERS: dict[str, str] = {
    "StatementDate": "the statement date",
    "CustomerID": "the customer number",
    "CustomerName": "the customer's name",
    "Currency": "the statement's currency",
    "OpeningBalance": "the opening balance",
    "ClosingBalance": "the closing balance (what the customer owes)",
    "CompanyName": "the sender's company name (the branch's Company details)",
}
_PLACEHOLDER = re.compile(r"\{(\w+)\}")

# The Notification templates window's help on Subject and Body (app/ledger/definitions/system.py).
HELP = (
    "A statement e-mail fills in "
    + "; ".join(f"{{{name}}} {meaning}" for name, meaning in PLACEHOLDERS.items())
    + ". Anything else in braces is left as written."
)


def filled(text: str, values: Mapping[str, str]) -> str:
    """``text`` with each {Name} of ``values`` replaced; an unknown one left as written."""
    return _PLACEHOLDER.sub(lambda found: values.get(found[1], found[0]), text)
