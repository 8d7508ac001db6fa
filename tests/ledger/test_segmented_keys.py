"""The SUBACCOUNT segmented key (CS202000, issue 17): its segments give a subaccount ID its form
(GL203000) and Combine sales sub. from (AR101000) its number of source letters; a change of the
segments that would leave either without its form is refused, naming which."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from app.ledger.definitions.accounting import SEGMENTED_KEY, SUBACCOUNT
from app.ledger.preferences import PreferencesService
from app.ledger.records import RecordError, ValidationError
from app.ledger.segmented_keys import SegmentedKeyService, SubaccountService, subaccount_lengths
from app.ledger.setup import set_up_company
from app.models import PREFERENCES_ID, SegmentedKey, Subaccount
from app.models.database import Store


def keys(store: Store) -> SegmentedKeyService:
    return SegmentedKeyService(
        store, SegmentedKey, SEGMENTED_KEY.rules(), "segmented_key_id", noun="segmented key"
    )


def subaccounts(store: Store) -> SubaccountService:
    return SubaccountService(
        store, Subaccount, SUBACCOUNT.rules(), "subaccount_id", noun="subaccount"
    )


def the_key(store: Store) -> int:
    found = keys(store).find({"segmented_key_id": "SUBACCOUNT"})
    assert found is not None
    return found


def set_segments(store: Store, *lengths: int) -> None:
    """Give the SUBACCOUNT key these segments through CS202000's service (raises if refused)."""
    service = keys(store)
    key_id = the_key(store)
    loaded = service.load(key_id)
    rows = [
        {"segment_id": number, "description": f"Segment {number}", "length": length}
        for number, length in enumerate(lengths, start=1)
    ]
    service.save(key_id, loaded | {"segments": rows}, loaded["version"], loaded)


def lengths_now(store: Store) -> tuple[int, ...] | None:
    with store.session() as session:
        return subaccount_lengths(session)


def refusal(error: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return [str(problem) for problem in error.value.errors]


def new_subaccount(store: Store, code: str) -> int:
    service = subaccounts(store)
    values: dict[str, Any] = service.new_values() | {"subaccount_id": code, "description": code}
    return service.save(None, values)


def save_mask(store: Store, mask: str | None) -> None:
    service = PreferencesService(store)
    record_id = service.current_id()
    if record_id is None:
        service.save(None, service.new_values() | {"combine_sales_sub_from": mask})
        return
    loaded = service.load(record_id)
    service.save(record_id, loaded | {"combine_sales_sub_from": mask}, loaded["version"], loaded)


# -- the key every database has ---------------------------------------------------------------


def test_every_database_has_one_segment_of_three_and_a_new_company_s_subaccount_fits(
    store: Store,
) -> None:
    assert lengths_now(store) == (3,)  # migration 0015
    set_up_company(store, base_currency="NOK", country="NO", language="nb-NO")
    with store.session() as session:
        assert session.scalars(select(SegmentedKey)).one().key_id == "SUBACCOUNT"
        codes = list(session.scalars(select(Subaccount.subaccount_id)))
    assert codes == ["000"]
    assert lengths_now(store) == (3,)


# -- GL203000: a subaccount ID has the key's form ---------------------------------------------


def test_a_subaccount_id_has_the_length_of_the_one_segment(store: Store) -> None:
    new_subaccount(store, "100")
    for code in ("1000", "10", "1-0"):
        with pytest.raises(ValidationError) as refused:
            new_subaccount(store, code)
        assert refusal(refused) == [
            "Subaccount ID: the SUBACCOUNT key (Segmented keys, CS202000) gives it one segment "
            "of 3 characters (letters and digits), like 000."
        ], code


def test_with_two_segments_an_id_is_both_separated_by_a_dash(store: Store) -> None:
    set_segments(store, 2, 3)
    assert lengths_now(store) == (2, 3)
    new_subaccount(store, "10-200")
    new_subaccount(store, "AB-C12")
    for code in ("10200", "1-200", "10-20", "10-200-3", "10_200"):
        with pytest.raises(ValidationError) as refused:
            new_subaccount(store, code)
        assert refusal(refused) == [
            "Subaccount ID: the SUBACCOUNT key (Segmented keys, CS202000) gives it 2 segments "
            'of 2 and 3 characters (letters and digits) separated by "-", like 00-000.'
        ], code
    with store.session() as session:
        assert sorted(session.scalars(select(Subaccount.subaccount_id))) == ["10-200", "AB-C12"]


def test_a_stored_id_of_another_form_is_saved_again_but_not_given_anew(store: Store) -> None:
    with store.transaction() as session:  # as an older database may hold it
        session.add(Subaccount(subaccount_id="DEPT10", description="Old"))
    service = subaccounts(store)
    record_id = service.find({"subaccount_id": "DEPT10"})
    assert record_id is not None
    loaded = service.load(record_id)
    service.save(record_id, loaded | {"description": "Kept"}, loaded["version"], loaded)
    loaded = service.load(record_id)
    with pytest.raises(ValidationError) as refused:
        service.save(record_id, loaded | {"subaccount_id": "DEPT11"}, loaded["version"], loaded)
    assert refusal(refused)[0].startswith("Subaccount ID: the SUBACCOUNT key")
    loaded = service.load(record_id)
    service.save(record_id, loaded | {"subaccount_id": "D10"}, loaded["version"], loaded)
    assert service.load(record_id)["subaccount_id"] == "D10"


# -- AR101000: one source letter per segment ---------------------------------------------------


def test_combine_sales_sub_from_gives_one_letter_per_segment(store: Store) -> None:
    save_mask(store, "L")  # one segment: one letter
    with pytest.raises(ValidationError) as refused:
        save_mask(store, "LI")
    assert refusal(refused) == [
        "Combine sales sub. from: the subaccount has 1 segment: give one source letter for each "
        "(this has 2)."
    ]
    save_mask(store, None)
    set_segments(store, 2, 3)
    with pytest.raises(ValidationError) as refused:
        save_mask(store, "LLI")
    assert refusal(refused) == [
        "Combine sales sub. from: the subaccount has 2 segments: give one source letter for "
        "each (this has 3)."
    ]
    save_mask(store, "li")
    assert PreferencesService(store).load(PREFERENCES_ID)["combine_sales_sub_from"] == "LI"


def test_an_unknown_letter_and_a_wrong_count_are_both_named(store: Store) -> None:
    with pytest.raises(ValidationError) as refused:
        save_mask(store, "LX")
    assert refusal(refused) == [
        "Combine sales sub. from: use one letter per segment: B Branch, L Customer location, "
        "I Stock item, E Employee ('X' is not a source).",
        "Combine sales sub. from: the subaccount has 1 segment: give one source letter for each "
        "(this has 2).",
    ]


def test_without_segments_no_mask_can_be_given(store: Store) -> None:
    set_segments(store)  # a key without segments: subaccounts are not segmented
    new_subaccount(store, "ANY-FORM_1")
    with pytest.raises(ValidationError) as refused:
        save_mask(store, "L")
    assert refusal(refused) == [
        "Combine sales sub. from: the subaccount has no segments: give the SUBACCOUNT key its "
        "segments on Segmented keys (CS202000) first."
    ]


# -- CS202000: the segments change only where everything still fits ----------------------------


def test_segments_that_subaccounts_no_longer_fit_are_refused_naming_them(store: Store) -> None:
    for code in ("000", "100", "200", "300", "400", "500", "600"):
        new_subaccount(store, code)
    with pytest.raises(ValidationError) as refused:
        set_segments(store, 2, 3)
    assert refusal(refused) == [
        "Segments: subaccounts 000, 100, 200, 300, 400 and 2 more would not have the form of 2 "
        'segments of 2 and 3 characters (letters and digits) separated by "-", like 00-000: '
        "change or delete them on Subaccounts (GL203000) first."
    ]
    assert lengths_now(store) == (3,)  # nothing changed
    set_segments(store, 3)  # a description changed, the lengths not: saved
    with store.session() as session:
        key = session.scalars(select(SegmentedKey)).one()
        assert [s.description for s in key.segments] == ["Segment 1"]


def test_segments_the_mask_no_longer_fits_are_refused_until_it_is_cleared(store: Store) -> None:
    save_mask(store, "B")
    with pytest.raises(ValidationError) as refused:
        set_segments(store, 1, 2)
    assert refusal(refused) == [
        "Segments: Combine sales sub. from (AR101000) 'B' gives 1 source letter, not one for "
        "each of 2 segments: clear it there first, and give one letter per segment after."
    ]
    assert lengths_now(store) == (3,)
    set_segments(store, 4)  # still one segment: the mask fits
    save_mask(store, None)
    set_segments(store, 1, 2)
    save_mask(store, "BL")
    assert lengths_now(store) == (1, 2)


def test_segments_are_numbered_from_one_and_fit_a_subaccount_id(store: Store) -> None:
    service = keys(store)
    key_id = the_key(store)
    loaded = service.load(key_id)
    gap = [{"segment_id": 1, "length": 2}, {"segment_id": 3, "length": 2}]
    with pytest.raises(ValidationError) as refused:
        service.save(key_id, loaded | {"segments": gap}, loaded["version"], loaded)
    assert refusal(refused) == [
        "Segments, Segment ID: segments are numbered 1, 2, 3 … from the left, without gaps "
        "(found 1, 3)."
    ]
    too_long = [{"segment_id": 1, "length": 20}, {"segment_id": 2, "length": 10}]
    with pytest.raises(ValidationError) as refused:
        service.save(key_id, loaded | {"segments": too_long}, loaded["version"], loaded)
    assert refusal(refused) == [
        'Segments, Length: a subaccount ID holds 30 characters: these segments with their "-" '
        "separators make 31."
    ]
    empty = [{"segment_id": 1, "length": 0}]
    with pytest.raises(ValidationError) as refused:
        service.save(key_id, loaded | {"segments": empty}, loaded["version"], loaded)
    assert "Length" in refusal(refused)[0]
    assert service.new_row("segments", loaded["segments"])["segment_id"] == 2
    assert lengths_now(store) == (3,)


def test_only_the_subaccount_key_is_kept_and_it_is_not_deleted_while_used(store: Store) -> None:
    service = keys(store)
    with pytest.raises(ValidationError) as refused:
        service.save(None, service.new_values() | {"segmented_key_id": "PROJECT"})
    assert refusal(refused) == [
        "Segmented key ID: only the SUBACCOUNT key is kept here: it gives subaccount IDs their "
        "form and Combine sales sub. from (AR101000) its letters."
    ]
    new_subaccount(store, "000")
    save_mask(store, "L")
    with pytest.raises(RecordError) as in_use:
        service.delete(the_key(store))
    assert str(in_use.value) == (
        "Segmented key SUBACCOUNT cannot be deleted: it is used by 1 subaccount and Combine "
        "sales sub. from (AR101000)."
    )
    assert lengths_now(store) == (3,)
