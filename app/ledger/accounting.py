"""The chart of accounts (GL202500) and cash accounts (CA202000) with the bank account
number printed on documents.

A bank account that looks like an IBAN (two letters, two digits …) is checked as one with
python-stdnum — country, length, form and check digits — and stored in its printed form,
groups of four (``NO93 8601 1117 947``). Anything else is taken as a domestic account number.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session
from stdnum import bic, iban, numdb
from stdnum.exceptions import InvalidChecksum, ValidationError

from app.ledger.identifiers import corporate_id_problem, vat_registration_problem
from app.ledger.records import FieldError, FieldRule, is_blank
from app.ledger.reference import ReferenceService
from app.models import Branch, CashAccount, Country

BANK_ACCOUNT = "bank_account"

# The start of an IBAN: the country's two letters and two check digits.
_IBAN_START = re.compile(r"[A-Z]{2}[0-9]{2}")
_ALPHANUMERIC = re.compile(r"[A-Z0-9]+")
# The registry's structure of the account part: ``4!a6!n8!n`` (4 letters, 6 and 8 digits).
_BBAN_PART = re.compile(r"([0-9]+)!([nac])")
_CHARACTERS = {"n": "[0-9]", "a": "[A-Z]", "c": "[A-Z0-9]"}
EXAMPLE = "like NO93 8601 1117 947"


def looks_like_iban(text: str) -> bool:
    """Two letters and two digits first (spaces, dashes and dots aside): meant as an IBAN."""
    return _IBAN_START.match(iban.compact(text)) is not None


def iban_problem(text: str | None) -> str | None:
    """What is wrong with an IBAN, or None when it is one (or blank).

    The answer names the rule broken; the caller names the field (``Bank account: …``).
    """
    if text is None or is_blank(text):
        return None
    shown = text.strip()
    number = iban.compact(shown)
    invalid = f"'{shown}' is not a valid IBAN:"
    if not _ALPHANUMERIC.fullmatch(number):
        return f"{invalid} use letters and digits only, in groups of four if you like ({EXAMPLE})."
    country, structure = _registry_entry(number)
    if structure is None:
        return f"{invalid} {number[:2]} is not a country code of the IBAN registry."
    parts = _BBAN_PART.findall(structure)
    length = 4 + sum(int(count) for count, _kind in parts)
    if len(number) != length:
        return f"{invalid} an IBAN of {country} has {length} characters (this has {len(number)})."
    form = "".join(f"{_CHARACTERS[kind]}{{{count}}}" for count, kind in parts)
    if not re.fullmatch(form, number[4:]):
        return f"{invalid} the account number does not have the form of an IBAN of {country}."
    try:
        iban.validate(number)
    except InvalidChecksum:
        return f"{invalid} the check digits do not match the account number (is a digit mistyped?)."
    except ValidationError:
        return f"{invalid} the account number is not one of {country}."
    return None


def bic_problem(text: str | None) -> str | None:
    """What is wrong with a BIC (SWIFT code), or None when it is one (or blank)."""
    if text is None or is_blank(text):
        return None
    try:
        bic.validate(text)
    except ValidationError as error:
        reason = str(error).rstrip(".")
        return (
            f"'{text.strip()}' is not a valid BIC: {reason[:1].lower()}{reason[1:]} "
            "(8 or 11 characters like DNBANOKKXXX)."
        )
    return None


LOGO_SUFFIXES = (".png", ".jpg", ".jpeg")


def logo_problem(text: str | None) -> str | None:
    """A logo printed on statements: an existing PNG or JPEG file (or blank)."""
    if text is None or is_blank(text):
        return None
    path = Path(text.strip()).expanduser()
    if path.suffix.lower() not in LOGO_SUFFIXES:
        return f"'{text.strip()}' is not a PNG or JPEG file (.png, .jpg or .jpeg)."
    if not path.is_file():
        return f"there is no file '{path}'."
    return None


def _registry_entry(number: str) -> tuple[str, str | None]:
    """The country name and the account part's structure (``4!n6!n1!n``) of the IBAN registry."""
    # The first part found is the country code, with its properties when the registry has it.
    properties = numdb.get("iban").info(number)[0][1]
    return properties.get("country", number[:2]), properties.get("bban")


def bank_account_error(rule: FieldRule, value: Any) -> FieldError | None:
    """The check of a bank account field: an IBAN when it looks like one, else anything."""
    if not isinstance(value, str) or is_blank(value) or not looks_like_iban(value):
        return None
    problem = iban_problem(value)
    return FieldError(rule.key, rule.label, problem) if problem else None


def printed_bank_account(value: str | None) -> str | None:
    """How a bank account is stored and printed: an IBAN in groups of four, others as typed."""
    if value is None or is_blank(value) or not looks_like_iban(value) or iban_problem(value):
        return value
    printed: str = iban.format(value)
    return printed


class CashAccountService(ReferenceService[CashAccount]):
    def check_record(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        error = bank_account_error(self.rules[BANK_ACCOUNT], values.get(BANK_ACCOUNT))
        return [error] if error else []

    def before_save(
        self, session: Session, record: CashAccount, values: Mapping[str, Any], *, is_new: bool
    ) -> None:
        record.bank_account = printed_bank_account(record.bank_account)


class BranchService(ReferenceService[Branch]):
    """A branch and its company details: the organisation and VAT numbers are checked by the
    rule of the branch's country (python-stdnum); the IBAN is stored in groups of four."""

    def check_record(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        country_id = values.get("country")
        country = session.get(Country, country_id) if isinstance(country_id, int) else None
        code = country.country_id if country is not None else None
        problems = {
            "organisation_no": corporate_id_problem(code, values.get("organisation_no")),
            "vat_registration_id": vat_registration_problem(
                code, values.get("vat_registration_id")
            ),
        }
        return [
            FieldError(key, self.rules[key].label, problem)
            for key, problem in problems.items()
            if problem
        ]

    def before_save(
        self, session: Session, record: Branch, values: Mapping[str, Any], *, is_new: bool
    ) -> None:
        record.iban = printed_bank_account(record.iban)
        if record.bic:
            record.bic = bic.compact(record.bic)
