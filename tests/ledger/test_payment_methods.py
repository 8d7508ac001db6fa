"""Payment method details without Qt: numbering by sort order, one ID per method."""

from __future__ import annotations

from app.ledger.payment_methods import duplicate_detail_errors, next_sort_order


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
