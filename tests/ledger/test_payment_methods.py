"""Payment method details without Qt: numbering by sort order, one ID per method, and the
customer's IBAN or BIC checked as one."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.ledger.customers import PAYMENT_METHOD_DETAILS, CustomerService
from app.ledger.payment_methods import (
    DetailKind,
    detail_kind,
    detail_problem,
    duplicate_detail_errors,
    next_sort_order,
)
from app.ledger.records import ValidationError
from app.ledger.setup import DIRECT_DEBIT, set_up_company
from app.models import Customer, PaymentMethod
from app.models.database import Store


def test_a_new_detail_comes_after_the_highest_sort_order() -> None:
    assert next_sort_order([]) == 1
    assert next_sort_order([{"sort_order": 1}, {"sort_order": 7}, {"sort_order": 3}]) == 8
    assert next_sort_order([{"sort_order": None}]) == 1


def test_a_detail_id_is_used_once_whatever_its_case() -> None:
    rows = [
        {"detail_id": "IBAN"},
        {"detail_id": None},
        {"detail_id": "BIC"},
        {"detail_id": " iban "},
        {"detail_id": "Bic"},
    ]
    assert [str(error) for error in duplicate_detail_errors(rows, "Details", "ID")] == [
        "Details, row 4, ID: 'iban' is already used in row 1.",
        "Details, row 5, ID: 'Bic' is already used in row 3.",
    ]
    assert {error.key for error in duplicate_detail_errors(rows, "Details", "ID")} == {"details"}


# -- what a detail holds, and the customer's value of it -----------------------------------------


def test_a_detail_says_what_it_holds_by_its_id_or_description() -> None:
    assert detail_kind("IBAN", "IBAN") is DetailKind.IBAN
    assert detail_kind("ACCOUNT", "Customer's IBAN") is DetailKind.IBAN
    assert detail_kind("BIC", "BIC") is DetailKind.BIC
    assert detail_kind("SWIFT", "SWIFT code") is DetailKind.BIC
    assert detail_kind("BANKACC", "Bank account") is DetailKind.BANK_ACCOUNT
    assert detail_kind("ACCOUNTNO", "Account number") is DetailKind.BANK_ACCOUNT
    assert detail_kind("HOLDER", "Account holder") is None
    assert detail_kind("MANDATE", "Mandate reference") is None
    assert detail_kind("BANK", "IBAN/BIC") is None  # which of the two is typed here?
    assert detail_kind(None, None) is None


@pytest.mark.parametrize(
    ("detail", "value", "problem"),
    [
        ("IBAN", "NO00BAD", "'NO00BAD' is not a valid IBAN: an IBAN of Norway has 15 characters"),
        ("IBAN", "NO93 8601 1117 948", "the check digits do not match the account number"),
        ("IBAN", "86011117947", "86 is not a country code of the IBAN registry"),
        ("IBAN", "NO93 8601 1117 947", None),
        ("BIC", "DNBANOK", "'DNBANOK' is not a valid BIC: a BIC has 8 or 11 letters"),
        ("BIC", "DNB1NOKK", "a BIC is four letters (the bank), two letters (the country)"),
        ("BIC", "DNBAXXKK", "XX is not a country code"),
        ("BIC", "DNBANOKKXXX", None),
        ("BIC", "dnba nokk", None),
        ("ACCOUNT", "NO00BAD", "'NO00BAD' is not a valid IBAN"),  # meant as an IBAN
        ("ACCOUNT", "8601.11.17947", None),  # a domestic account number
        ("MANDATE", "NO00BAD", None),
        ("IBAN", "  ", None),  # whether a value is required is the detail's own rule
    ],
)
def test_the_customers_value_is_checked_as_what_the_detail_holds(
    detail: str, value: str, problem: str | None
) -> None:
    found = detail_problem(detail, detail.title(), value)
    if problem is None:
        assert found is None
    else:
        assert found is not None and problem in found


def test_a_customer_with_a_bad_iban_is_refused_with_the_detail_named(store: Store) -> None:
    set_up_company(store, base_currency="NOK", country="NO", language="nb-NO")
    service = CustomerService(store)
    with store.session() as session:
        direct_debit = session.scalars(
            select(PaymentMethod.id).where(PaymentMethod.payment_method_id == DIRECT_DEBIT)
        ).one()
    values = service.new_values() | {"customer_name": "Trekk AS"}
    values |= service.payment_method_changed(direct_debit, [])
    values["default_payment_method"] = direct_debit
    rows = values[PAYMENT_METHOD_DETAILS]
    assert [row["description"] for row in rows] == ["Mandate reference", "IBAN"]
    rows[0]["value"], rows[1]["value"] = "M-1", "NO00BAD"
    with pytest.raises(ValidationError) as refused:
        service.save(None, values)
    assert [str(error) for error in refused.value.errors] == [
        "Payment method details, IBAN: 'NO00BAD' is not a valid IBAN: an IBAN of Norway has "
        "15 characters (this has 7)."
    ]
    with store.session() as session:
        assert session.scalars(select(Customer)).all() == []
    rows[1]["value"] = "NO93 8601 1117 947"
    saved = service.save(None, values)
    assert [row["value"] for row in service.load(saved)[PAYMENT_METHOD_DETAILS]] == [
        "M-1",
        "NO93 8601 1117 947",  # taken as typed
    ]
