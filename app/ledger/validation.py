"""Checks of what users type that many screens share: e-mail addresses (DESIGN §7).

Each check answers with the rule broken, in words for the user, or None; the caller names the
field (``Email address: …``). A blank value is no problem here: whether a value is needed is
the field's required flag.
"""

from __future__ import annotations

import re
from typing import Any

from app.ledger.records import FieldError, FieldRule, is_blank

# RFC 5321 limits: 64 characters before the @, 254 in the whole address, 63 in a domain label.
EMAIL_LENGTH = 254
LOCAL_LENGTH = 64
LABEL_LENGTH = 63

# RFC 5322 dot-atom (letters of any script allowed, as RFC 6531 does): atoms joined by single dots.
_ATOM = r"[\w!#$%&'*+/=?^`{|}~-]+"
_LOCAL = re.compile(rf"{_ATOM}(?:\.{_ATOM})*")
# A domain label: letters and digits, hyphens only inside.
_LABEL = re.compile(r"[^\W_](?:(?:[^\W_]|-)*[^\W_])?")
# The top-level domain: letters only (or its punycode form).
_TOP = re.compile(r"[^\W\d_]{2,}|xn--[a-z0-9-]+", re.IGNORECASE)

EXAMPLE = "like name@example.com"


def email_problem(text: str | None) -> str | None:
    """What is wrong with an e-mail address, or None when it is one (or blank).

    Deliberately lighter than RFC 5322: one plain address (no display name, no comments, no
    quoted local part), as mail is sent to it from the ledger.
    """
    if text is None or not text.strip():
        return None
    address = text.strip()
    if len(address) > EMAIL_LENGTH:
        return f"an e-mail address has at most {EMAIL_LENGTH} characters (this has {len(address)})."
    if any(char.isspace() for char in address):
        return f"'{address}' is not an e-mail address: it must not contain spaces ({EXAMPLE})."
    if address.count("@") != 1:
        return (
            f"'{address}' is not an e-mail address: it needs one @ between the name and the "
            f"domain ({EXAMPLE})."
        )
    local, domain = address.split("@")
    if not local:
        return f"'{address}' is not an e-mail address: a name is needed before the @ ({EXAMPLE})."
    if len(local) > LOCAL_LENGTH:
        return (
            f"the part before the @ has at most {LOCAL_LENGTH} characters (this has {len(local)})."
        )
    if not _LOCAL.fullmatch(local):
        return (
            f"'{address}' is not an e-mail address: before the @ use letters, digits and "
            "! # $ % & ' * + / = ? ^ _ ` { | } ~ - with single dots between them "
            f"({EXAMPLE})."
        )
    return _domain_problem(address, domain)


def _domain_problem(address: str, domain: str) -> str | None:
    if not domain:
        return f"'{address}' is not an e-mail address: a domain is needed after the @ ({EXAMPLE})."
    labels = domain.split(".")
    if len(labels) < 2 or not _TOP.fullmatch(labels[-1]):
        return (
            f"'{address}' is not an e-mail address: the domain '{domain}' needs a top-level "
            f"domain of letters after a dot ({EXAMPLE})."
        )
    for label in labels:
        if len(label) > LABEL_LENGTH or not _LABEL.fullmatch(label):
            return (
                f"'{address}' is not an e-mail address: the domain '{domain}' may hold letters, "
                "digits and hyphens in parts of at most 63 characters, joined by single dots "
                f"({EXAMPLE})."
            )
    return None


def email_error(rule: FieldRule, value: Any) -> FieldError | None:
    """The e-mail check of one field, naming the field; None when it is fine or blank."""
    if is_blank(value) or not isinstance(value, str):
        return None
    problem = email_problem(value)
    return FieldError(rule.key, rule.label, problem) if problem else None
