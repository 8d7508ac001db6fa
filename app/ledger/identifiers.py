"""Checks of the identifiers a customer's location carries: VAT registration ID and corporate
ID by the country's own rule (python-stdnum), GLN by its check digit, and the web address.

Each answer is the broken rule without the field's name (the caller names the field), or None.
A country python-stdnum has no rule for is not checked: better no check than a wrong one.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from urllib.parse import urlsplit

from stdnum import ean, get_cc_module
from stdnum.exceptions import ValidationError

# Organisation numbers of the Nordic countries (the countries of the demo company's customers).
CORPORATE_ID_MODULES = {
    "NO": "stdnum.no.orgnr",
    "SE": "stdnum.se.orgnr",
    "DK": "stdnum.dk.cvr",
    "FI": "stdnum.fi.ytunnus",
}


def _reason(error: ValidationError) -> str:
    """python-stdnum's reason, as the end of our sentence: ``the number's check digit is …``."""
    message = str(error).rstrip(".")
    return message[:1].lower() + message[1:] + "."


def _vat_module(country: str) -> ModuleType | None:
    try:
        found = get_cc_module(country.lower(), "vat")
    except ImportError:
        return None
    return found if isinstance(found, ModuleType) else None


def vat_registration_problem(country: str | None, number: str | None) -> str | None:
    """``NO 974 760 673 MVA`` for Norway, ``SE556677889901``, ``NL…B01`` …"""
    if not number or not country:
        return None
    module = _vat_module(country)
    if module is None:
        return None
    try:
        module.validate(number)
    except ValidationError as error:
        return f"{number} is not a valid VAT registration ID of {country}: {_reason(error)}"
    return None


def corporate_id_problem(country: str | None, number: str | None) -> str | None:
    if not number or not country or country.upper() not in CORPORATE_ID_MODULES:
        return None
    module = importlib.import_module(CORPORATE_ID_MODULES[country.upper()])
    try:
        module.validate(number)
    except ValidationError as error:
        return f"{number} is not a valid corporate ID of {country}: {_reason(error)}"
    return None


def gln_problem(number: str | None) -> str | None:
    """A global location number: 13 digits, the last a GS1 check digit."""
    if not number:
        return None
    compact = number.replace(" ", "")
    if len(compact) != 13 or not compact.isdigit():
        return f"{number} is not a GLN: a GLN has 13 digits."
    if not ean.is_valid(compact):
        return f"{number} is not a GLN: its check digit is wrong."
    return None


def web_problem(address: str | None) -> str | None:
    """A web address: a host name with a dot, optionally with http(s)://."""
    if not address:
        return None
    text = address.strip()
    refusal = f"{address} is not a web address (e.g. www.example.com)."
    try:
        parts = urlsplit(text if "://" in text else f"https://{text}")
        host = parts.hostname or ""
    except ValueError:  # a stray "[" reads as a broken IPv6 host to urlsplit
        return refusal
    if parts.scheme not in ("http", "https") or "." not in host or " " in text:
        return refusal
    if not text.isprintable():  # control characters are in no address
        return refusal
    return None
