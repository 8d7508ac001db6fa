"""The fields most reference records share: a unique code, a description, an Active box."""

from __future__ import annotations

from app.ledger.fields import Field, Kind


def code(key: str, label: str, help_text: str) -> Field:
    """The record's unique code (its ReferenceService's ``code_key``)."""
    return Field(key, label, Kind.TEXT, required=True, help=help_text)


def description(help_text: str) -> Field:
    return Field("description", "Description", Kind.TEXT, required=True, help=help_text)


def active(help_text: str) -> Field:
    return Field("active", "Active", Kind.CHECKBOX, help=help_text)
