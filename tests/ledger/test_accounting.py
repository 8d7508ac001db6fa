"""Bank accounts without Qt: IBANs checked with python-stdnum, printed in groups of four."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.ledger.accounting import (
    bank_account_error,
    iban_problem,
    looks_like_iban,
    printed_bank_account,
)
from app.ledger.records import FieldRule

RULE = FieldRule("bank_account", "bank_account", "Bank account")


@pytest.mark.parametrize(
    "text",
    [
        "NO93 8601 1117 947",
        "no9386011117947",
        "DE89 3704 0044 0532 0130 00",
        "GB82WEST12345698765432",
    ],
)
def test_valid_ibans_pass(text: str) -> None:
    assert looks_like_iban(text)
    assert iban_problem(text) is None
    assert bank_account_error(RULE, text) is None


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("NO93 8601 1117 948", "the check digits do not match the account number"),
        ("NO93 8601 1117 9471", "an IBAN of Norway has 15 characters (this has 16)."),
        ("QQ93 8601 1117 947", "QQ is not a country code of the IBAN registry."),
        ("GB82 1234 1234 5698 7654 32", "does not have the form of an IBAN of United Kingdom."),
        ("NO93 8601_1117 947", "use letters and digits only"),
    ],
)
def test_an_invalid_iban_is_refused_naming_the_field_and_the_rule(text: str, rule: str) -> None:
    error = bank_account_error(RULE, text)
    assert error is not None
    assert error.key == "bank_account"
    assert str(error).startswith(f"Bank account: '{text}' is not a valid IBAN: ")
    assert rule in str(error)


@pytest.mark.parametrize("text", ["8601.11.17947", "86011117947", "DNB 8601 11 17947", "", None])
def test_domestic_account_numbers_are_not_checked_as_ibans(text: str | None) -> None:
    assert bank_account_error(RULE, text) is None
    assert printed_bank_account(text) == text


def test_an_iban_is_printed_in_groups_of_four() -> None:
    assert printed_bank_account("no93-8601-1117-947") == "NO93 8601 1117 947"
    assert printed_bank_account("NO93 8601 1117 948") == "NO93 8601 1117 948"  # not one: as is


def test_a_logo_is_an_existing_png_or_jpeg(tmp_path: Path) -> None:
    from app.ledger.accounting import logo_problem

    (tmp_path / "logo.png").write_bytes(b"")
    assert logo_problem(str(tmp_path / "logo.png")) is None
    assert logo_problem(" ") is None
    assert logo_problem(str(tmp_path / "logo.gif")) == (
        f"'{tmp_path / 'logo.gif'}' is not a PNG or JPEG file (.png, .jpg or .jpeg)."
    )
    assert (
        logo_problem(str(tmp_path / "gone.jpg")) == f"there is no file '{tmp_path / 'gone.jpg'}'."
    )
