"""E-mail addresses: what passes, and what each refusal says."""

from __future__ import annotations

import pytest

from app.ledger.identifiers import web_problem
from app.ledger.records import FieldRule
from app.ledger.validation import EMAIL_LENGTH, email_error, email_problem


@pytest.mark.parametrize(
    "address",
    [
        "kari@example.com",
        "kari.nordmann@firma.no",
        "ola+ledger@sub.example.co.uk",
        "o'brien@example.ie",
        "first_last-1@example-domain.se",
        "  padded@example.com  ",  # trimmed, as the ledger stores it
        "åse@blåbær.no",  # letters of any script (RFC 6531, internationalised domains)
        "x@xn--blbr-roa.no",  # punycode
        "a@b.museum",
    ],
)
def test_addresses_that_pass(address: str) -> None:
    assert email_problem(address) is None


@pytest.mark.parametrize(
    ("address", "says"),
    [
        ("kari.example.com", "it needs one @ between the name and the domain"),
        ("kari@@example.com", "it needs one @ between the name and the domain"),
        ("kari@ola@example.com", "it needs one @ between the name and the domain"),
        ("kari nordmann@example.com", "it must not contain spaces"),
        ("Kari <kari@example.com>", "it must not contain spaces"),
        ("@example.com", "a name is needed before the @"),
        ("kari@", "a domain is needed after the @"),
        ("kari@localhost", "needs a top-level domain of letters after a dot"),
        ("kari@example.c", "needs a top-level domain of letters after a dot"),
        ("kari@example.123", "needs a top-level domain of letters after a dot"),
        ("kari@example.com.", "needs a top-level domain of letters after a dot"),
        ("kari..n@example.com", "with single dots between them"),
        (".kari@example.com", "with single dots between them"),
        ("kari.@example.com", "with single dots between them"),
        ('"kari"@example.com', "with single dots between them"),
        ("kari(work)@example.com", "with single dots between them"),
        ("kari@-example.com", "may hold letters, digits and hyphens"),
        ("kari@example-.com", "may hold letters, digits and hyphens"),
        ("kari@exa_mple.com", "may hold letters, digits and hyphens"),
        ("kari@example..com", "may hold letters, digits and hyphens"),
        (f"kari@{'a' * 64}.com", "may hold letters, digits and hyphens in parts of at most 63"),
    ],
)
def test_addresses_refused_with_the_rule(address: str, says: str) -> None:
    problem = email_problem(address)
    assert problem is not None
    assert says in problem
    assert "like name@example.com" in problem


def test_lengths() -> None:
    local = "k" * 64
    assert email_problem(f"{local}@example.com") is None
    assert email_problem(f"k{local}@example.com") == (
        "the part before the @ has at most 64 characters (this has 65)."
    )
    assert email_problem("kari@" + ".".join(["a" * 60] * 4) + ".no") is None  # 251 characters
    address = "kari@" + ".".join(["a" * 62] * 4) + ".no"
    assert len(address) > EMAIL_LENGTH
    assert email_problem(address) == (
        f"an e-mail address has at most 254 characters (this has {len(address)})."
    )


def test_blank_is_left_to_the_required_flag() -> None:
    assert email_problem(None) is None
    assert email_problem("") is None
    assert email_problem("   ") is None


def test_the_field_error_names_the_field() -> None:
    rule = FieldRule("reply_to_address", "reply_to", "Reply-to address")
    error = email_error(rule, "replies@example")
    assert error is not None
    assert error.key == "reply_to_address"
    assert str(error).startswith("Reply-to address: 'replies@example' is not an e-mail address")
    assert email_error(rule, None) is None
    assert email_error(rule, "replies@example.com") is None


@pytest.mark.parametrize(
    "address",
    ["www.example.com", "https://fjordfisk.no/kontakt", "http://example.org:8080/x"],
)
def test_web_addresses_are_taken(address: str) -> None:
    assert web_problem(address) is None


@pytest.mark.parametrize(
    "address",
    [
        "example",  # no dot
        "ftp://example.com",
        "www.exa mple.com",
        "http://[broken",  # read as a broken IPv6 host: refused, not an error
        "Bell\x07 Escape\x1b[31m red",
        "www.example.com\x07",
    ],
)
def test_what_is_no_web_address_is_refused_with_the_rule(address: str) -> None:
    assert web_problem(address) == f"{address} is not a web address (e.g. www.example.com)."
