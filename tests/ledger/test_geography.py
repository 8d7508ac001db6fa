"""Countries without Qt: the postcode rule, its example, county IDs, and postcodes of addresses
checked against their country's rule."""

from __future__ import annotations

import pytest

from app.ledger.geography import (
    example_problem,
    follows_rule,
    postcode_error,
    postcode_problem,
    rule_problem,
)
from app.ledger.records import FieldRule
from app.models import Country
from app.models.database import Store


@pytest.fixture
def countries(store: Store) -> dict[str, int]:
    with store.transaction() as session:
        norway = Country(
            country_id="NO", name="Norway", postcode_rule="[0-9]{4}", postcode_example="0150"
        )
        sweden = Country(country_id="SE", name="Sweden", postcode_rule="[0-9]{3} ?[0-9]{2}")
        anywhere = Country(country_id="IE", name="Ireland")
        session.add_all([norway, sweden, anywhere])
        session.flush()
        return {"NO": norway.id, "SE": sweden.id, "IE": anywhere.id}


def test_a_postcode_not_following_its_countrys_rule_is_named_with_the_example(
    store: Store, countries: dict[str, int]
) -> None:
    assert postcode_problem(store, countries["NO"], "12345") == (
        "12345 does not match the postcode rule of Norway (e.g. 0150)."
    )
    # By ISO code as well as by the record's id; the postcode is read trimmed.
    assert postcode_problem(store, "NO", " 015 ") == (
        "015 does not match the postcode rule of Norway (e.g. 0150)."
    )
    # Without an example the message ends at the country.
    assert postcode_problem(store, "SE", "1234") == (
        "1234 does not match the postcode rule of Sweden."
    )


def test_postcodes_following_the_rule_or_without_one_are_fine(
    store: Store, countries: dict[str, int]
) -> None:
    assert postcode_problem(store, countries["NO"], "0150") is None
    assert postcode_problem(store, "SE", "114 55") is None
    assert postcode_problem(store, "SE", "11455") is None
    assert postcode_problem(store, "IE", "D02 X285") is None  # no rule: anything goes
    assert postcode_problem(store, "DK", "1000") is None  # no such country: nothing to check
    assert postcode_problem(store, None, "1") is None
    assert postcode_problem(store, "NO", None) is None
    assert postcode_problem(store, "NO", "  ") is None


def test_a_postcode_is_checked_inside_the_callers_session(
    store: Store, countries: dict[str, int]
) -> None:
    with store.session() as session:
        assert postcode_problem(session, "NO", "A1") is not None
        assert postcode_problem(session, "NO", "0150") is None


def test_the_postcode_error_names_the_field(store: Store, countries: dict[str, int]) -> None:
    rule = FieldRule("main_address_postcode", "postcode", "Postcode")
    error = postcode_error(store, rule, countries["NO"], "1")
    assert error is not None
    assert error.key == "main_address_postcode"
    assert str(error) == "Postcode: 1 does not match the postcode rule of Norway (e.g. 0150)."
    assert postcode_error(store, rule, countries["NO"], "0150") is None


def test_a_rule_is_a_regular_expression_matched_in_whole() -> None:
    assert rule_problem("[0-9]{4}") is None
    assert rule_problem("[0-9{4}") == (
        "'[0-9{4}' is not a valid regular expression: unterminated character set at character 1."
    )
    assert rule_problem("(ab") == (
        "'(ab' is not a valid regular expression: missing ), unterminated subpattern at "
        "character 1."
    )
    assert follows_rule("[0-9]{4}", "0150")
    assert not follows_rule("[0-9]{4}", "01500")
    assert not follows_rule("[0-9]{4}", "x0150")


def test_the_example_must_follow_a_valid_rule() -> None:
    assert example_problem("[0-9]{4}", "0150") is None
    assert example_problem("[0-9]{4}", "150") == (
        "'150' does not match the postcode validation rule ([0-9]{4})."
    )
    assert example_problem(None, "150") is None
    assert example_problem("[0-9]{4}", None) is None
    assert example_problem("[0-9{4}", "150") is None  # the rule itself is what is wrong
