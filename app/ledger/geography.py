"""Countries with their counties and postcode rule (CS20400S).

A country's postcode validation rule is a regular expression the whole postcode must match
(``[0-9]{4}`` for Norway); its example, when given, must follow the rule. Addresses check a
postcode against its country's rule with ``postcode_problem``. County IDs are unique within
their country, compared as a user reads them (any case).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.ledger.records import FieldError, FieldRule, GridRule, is_blank
from app.ledger.reference import ID_CODE, ReferenceService
from app.models import Country
from app.models.database import Store

COUNTIES = "counties"
POSTCODE_RULE = "postcode_validation_rule"
POSTCODE_EXAMPLE = "postcode_example"
COUNTY_ID = "county_id"


# -- the rule --------------------------------------------------------------------------------------


def rule_problem(rule: str) -> str | None:
    """Why ``rule`` is not a regular expression, in words for the user; None when it is one."""
    try:
        re.compile(rule)
    except re.error as exc:
        where = f" at character {exc.pos + 1}" if exc.pos is not None else ""
        return f"'{rule}' is not a valid regular expression: {exc.msg}{where}."
    return None


def follows_rule(rule: str, postcode: str) -> bool:
    """The whole postcode matches the rule (``[0-9]{4}`` accepts 0150, not 01500)."""
    return re.fullmatch(rule, postcode.strip()) is not None


def example_problem(rule: str | None, example: str | None) -> str | None:
    """Why the example does not follow a (valid) rule; None when it does or either is blank."""
    if rule is None or example is None or is_blank(rule) or is_blank(example):
        return None
    if rule_problem(rule) or follows_rule(rule, example):
        return None
    return f"'{example.strip()}' does not match the postcode validation rule ({rule})."


# -- postcodes of addresses ------------------------------------------------------------------------


def postcode_problem(
    source: Store | Session, country_id: int | str | None, postcode: str | None
) -> str | None:
    """What is wrong with ``postcode`` for the country, or None when it follows the country's
    rule (or the country has no rule, or either is blank).

    ``country_id`` is the country record's id (an address's reference) or its ISO code. The
    answer is the broken rule without the field's name, as the other checks give it; the
    caller names the field, e.g. with ``postcode_error``:
    ``Postcode: 1234 does not match the postcode rule of Norway (e.g. 0150).``
    """
    if country_id is None or postcode is None or not postcode.strip():
        return None
    if isinstance(source, Session):
        return _postcode_problem(source, country_id, postcode.strip())
    with source.session() as session:
        return _postcode_problem(session, country_id, postcode.strip())


def postcode_error(
    source: Store | Session,
    rule: FieldRule,
    country_id: int | str | None,
    postcode: str | None,
) -> FieldError | None:
    """The postcode check of one field, naming the field; None when the postcode is fine."""
    problem = postcode_problem(source, country_id, postcode)
    return FieldError(rule.key, rule.label, problem) if problem else None


def _postcode_problem(session: Session, country_id: int | str, postcode: str) -> str | None:
    column = Country.country_id if isinstance(country_id, str) else Country.id
    found = session.execute(
        select(Country.name, Country.postcode_rule, Country.postcode_example).where(
            column == country_id
        )
    ).first()
    if found is None:
        return None
    name, rule, example = found
    # A rule that does not compile cannot be saved; one that somehow was checks nothing.
    if not rule or rule_problem(rule) or follows_rule(rule, postcode):
        return None
    shown_example = f" (e.g. {example})" if example else ""
    return f"{postcode} does not match the postcode rule of {name}{shown_example}."


# -- counties --------------------------------------------------------------------------------------


def county_errors(grid: GridRule, rows: list[dict[str, Any]]) -> list[FieldError]:
    """Each county ID in the form of an ID, once per country:
    ``Counties, row 3, County ID: '03' is already used in row 1.``"""
    column = next(column for column in grid.columns if column.key == COUNTY_ID)
    errors: list[FieldError] = []
    first_row: dict[str, int] = {}
    for number, row in enumerate(rows, start=1):
        code = row.get(COUNTY_ID)
        if is_blank(code):
            continue
        text = str(code).strip()
        where = f"{grid.label}, row {number}, {column.label}"
        problem = ID_CODE.check(text)
        if problem:
            errors.append(FieldError(grid.key, where, problem))
            continue
        folded = text.casefold()
        if folded in first_row:
            errors.append(
                FieldError(grid.key, where, f"'{text}' is already used in row {first_row[folded]}.")
            )
        else:
            first_row[folded] = number
    return errors


class CountryService(ReferenceService[Country]):
    def check_record(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        errors: list[FieldError] = []
        rule_field, example_field = self.rules[POSTCODE_RULE], self.rules[POSTCODE_EXAMPLE]
        rule, example = values.get(rule_field.key), values.get(example_field.key)
        problem = rule_problem(rule) if isinstance(rule, str) and rule else None
        if problem:
            errors.append(FieldError(rule_field.key, rule_field.label, problem))
        else:
            problem = example_problem(rule, example)
            if problem:
                errors.append(FieldError(example_field.key, example_field.label, problem))
        errors.extend(county_errors(self.grids[COUNTIES], list(values.get(COUNTIES) or [])))
        return errors
