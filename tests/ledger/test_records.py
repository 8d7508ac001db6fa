"""The record rules every screen shares, without Qt: validation, uniqueness, one transaction."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.ledger.customer_classes import CustomerClassService
from app.ledger.definitions.sales import SALESPERSON
from app.ledger.records import (
    Direction,
    FieldRule,
    InUseError,
    InvalidInput,
    RecordError,
    ScreenRules,
    StaleRecordError,
    ValidationError,
)
from app.ledger.reference import ReferenceService
from app.models import Customer, CustomerClass, Salesperson
from app.models.database import Store


def service(store: Store) -> CustomerClassService:
    return CustomerClassService(store)  # the class's definition: every field and grid


def a_class(store: Store, class_id: Any, description: Any) -> dict[str, Any]:
    """A class's values: the definition's defaults, with its own ID and description."""
    return service(store).new_values() | {"class_id": class_id, "description": description}


def classes(store: Store) -> list[tuple[str, str | None]]:
    with store.session() as session:
        return [(c.class_id, c.description) for c in session.scalars(select(CustomerClass))]


def test_text_over_the_column_length_is_refused_with_the_field_named(store: Store) -> None:
    with pytest.raises(ValidationError) as refused:
        service(store).save(None, a_class(store, "A" * 11, "x" * 256))
    assert [str(error) for error in refused.value.errors] == [
        "Class ID: at most 10 characters (this has 11).",
        "Description: at most 255 characters (this has 256).",
    ]
    assert classes(store) == []


def test_unreadable_input_is_named_and_nothing_is_written(store: Store) -> None:
    with pytest.raises(ValidationError, match="Description: not readable"):
        service(store).save(None, a_class(store, "A", InvalidInput("?", "not readable")))
    assert classes(store) == []


def test_duplicate_key_is_refused(store: Store) -> None:
    service(store).save(None, a_class(store, "RETAIL", "Retail"))
    with pytest.raises(ValidationError, match="'RETAIL' is already used by another customer class"):
        service(store).save(None, a_class(store, "RETAIL", "Again"))
    assert classes(store) == [("RETAIL", "Retail")]


def test_text_is_trimmed_and_blank_stored_as_nothing(store: Store) -> None:
    saved = service(store).save(None, a_class(store, " EU ", "  EU customers "))
    assert service(store).load(saved)["class_id"] == "EU"
    assert classes(store) == [("EU", "EU customers")]


def test_a_failure_after_writing_rolls_the_whole_save_back(store: Store) -> None:
    class Failing(CustomerClassService):
        def after_save(
            self,
            session: Session,
            record: CustomerClass,
            values: Mapping[str, Any],
            *,
            is_new: bool,
        ) -> None:
            raise RecordError("the related records could not be written")

    first = service(store).save(None, a_class(store, "KEEP", "Kept"))
    with pytest.raises(RecordError):
        Failing(store).save(first, a_class(store, "KEEP", "Changed"), 1)
    with pytest.raises(RecordError):
        Failing(store).save(None, a_class(store, "NEW", "New"))
    assert classes(store) == [("KEEP", "Kept")]


def test_a_stale_version_is_refused(store: Store) -> None:
    record_id = service(store).save(None, a_class(store, "A", "First"))
    service(store).save(record_id, a_class(store, "A", "Second"), 1)
    with pytest.raises(StaleRecordError):
        service(store).save(record_id, a_class(store, "A", "Lost update"), 1)
    assert classes(store) == [("A", "Second")]


def test_browsing_follows_key_order(store: Store) -> None:
    ids = {code: service(store).save(None, a_class(store, code, code)) for code in ("B", "C", "A")}
    rules = service(store)
    assert rules.neighbour(Direction.FIRST, None) == ids["A"]
    assert rules.neighbour(Direction.NEXT, {"class_id": "A"}) == ids["B"]
    assert rules.neighbour(Direction.PREVIOUS, {"class_id": "B"}) == ids["A"]
    assert rules.neighbour(Direction.PREVIOUS, {"class_id": "A"}) is None
    assert rules.neighbour(Direction.LAST, None) == ids["C"]


def test_a_class_in_use_or_default_cannot_be_deleted(store: Store) -> None:
    record_id = service(store).save(None, a_class(store, "USED", "Used"))
    with store.transaction() as session:
        session.add_all(
            [Customer(customer_no=str(n), customer_class_id=record_id) for n in range(3)]
        )
    with pytest.raises(RecordError, match="it is used by 3 customers"):
        service(store).delete(record_id)
    assert classes(store) == [("USED", "Used")]


# -- a record still referred to: refused by name, deactivated instead -------------------------


def salespersons(store: Store) -> ReferenceService[Salesperson]:
    return ReferenceService(
        store, Salesperson, SALESPERSON.rules(), "salesperson_id", noun=SALESPERSON.name
    )


def salesperson_used_by_a_class(store: Store) -> int:
    record_id = salespersons(store).save(None, {"salesperson_id": "ANNA", "name": "Anna Berg"})
    with store.transaction() as session:
        session.add(CustomerClass(class_id="NORTH", salesperson_id=record_id))
    return record_id


def salesperson(store: Store) -> tuple[bool, int]:
    with store.session() as session:
        found = session.scalars(select(Salesperson)).one()
        return found.active, found.version


def test_a_record_in_use_is_refused_naming_its_uses_with_an_offer_to_deactivate(
    store: Store,
) -> None:
    record_id = salesperson_used_by_a_class(store)
    with pytest.raises(InUseError) as refused:
        salespersons(store).delete(record_id)
    assert str(refused.value) == (
        "Salesperson ANNA cannot be deleted: it is used by 1 customer class."
    )
    assert refused.value.can_deactivate  # it has an Active box, ticked

    salespersons(store).deactivate(record_id, version=1)
    assert salesperson(store) == (False, 2)  # saved, with its version moved on
    with pytest.raises(InUseError) as again:
        salespersons(store).delete(record_id)
    assert not again.value.can_deactivate  # already inactive: nothing more to offer


def test_deactivating_a_record_changed_or_deleted_since_it_was_read_is_refused(
    store: Store,
) -> None:
    record_id = salesperson_used_by_a_class(store)
    salespersons(store).save(record_id, {"salesperson_id": "ANNA", "name": "Anna B."}, 1)
    with pytest.raises(StaleRecordError, match="changed by someone else"):
        salespersons(store).deactivate(record_id, version=1)
    assert salesperson(store) == (True, 2)
    with pytest.raises(StaleRecordError, match="deleted by someone else"):
        salespersons(store).deactivate(record_id + 1, version=1)


def test_a_record_without_an_active_box_is_refused_without_the_offer(store: Store) -> None:
    record_id = service(store).save(None, a_class(store, "USED", "Used"))
    with store.transaction() as session:
        session.add(Customer(customer_no="1", customer_class_id=record_id))
    with pytest.raises(InUseError) as refused:
        service(store).delete(record_id)
    assert not refused.value.can_deactivate
    with pytest.raises(RecordError, match="has no Active box"):
        service(store).deactivate(record_id, version=1)


# -- numbers: what the column holds, the decimals it keeps -------------------------------------

# The engine's own bounds, on rules given here (no definition's bounds on top).
NUMBER_RULES = ScreenRules(
    fields=(
        FieldRule("class_id", "class_id", "Class ID", required=True),
        FieldRule("description", "description", "Description", required=True),
        # No kind given: the column's type says what fits, as its length does for text.
        FieldRule("credit_limit", "credit_limit", "Credit limit"),
        FieldRule("credit_days_past_due", "credit_days_past_due", "Credit days past due"),
        # As a money field's definition gives it: two decimals.
        FieldRule("write_off_limit", "write_off_limit", "Write-off limit", places=2),
    )
)


def refusals(store: Store, **values: Any) -> list[str]:
    typed = {"class_id": "BIG", "description": "Big"} | values
    with pytest.raises(ValidationError) as refused:
        CustomerClassService(store, NUMBER_RULES).save(None, typed)
    assert classes(store) == []  # nothing reached the database
    return [str(error) for error in refused.value.errors]


def test_an_amount_beyond_what_the_column_holds_is_refused_before_the_database(
    store: Store,
) -> None:
    assert refusals(store, credit_limit=Decimal("1e30"), write_off_limit=Decimal("-1E+20")) == [
        "Credit limit: at most 922 337 203 685 477.5807 (the largest amount the ledger stores).",
        "Write-off limit: at least -922 337 203 685 477.58 (the largest amount the ledger stores).",
    ]
    assert refusals(store, credit_days_past_due=2**31) == [
        "Credit days past due: at most 2 147 483 647 (the largest number the ledger stores)."
    ]


def test_the_largest_amount_shown_is_taken(store: Store) -> None:
    saved = CustomerClassService(store, NUMBER_RULES).save(
        None,
        {
            "class_id": "BIG",
            "description": "Big",
            "credit_limit": Decimal("922337203685477.5807"),
            "write_off_limit": Decimal("-922337203685477.58"),
            "credit_days_past_due": 2**31 - 1,
        },
    )
    loaded = CustomerClassService(store, NUMBER_RULES).load(saved)
    assert loaded["credit_limit"] == Decimal("922337203685477.5807")
    assert loaded["write_off_limit"] == Decimal("-922337203685477.58")
    assert loaded["credit_days_past_due"] == 2**31 - 1


def test_more_decimals_than_the_field_has_are_refused_never_rounded(store: Store) -> None:
    assert refusals(
        store,
        write_off_limit=Decimal("0.005"),
        credit_limit=Decimal("0.00005"),  # the column keeps four places
        credit_days_past_due=Decimal("2.5"),
    ) == [
        "Credit limit: at most 4 decimals (this has 5).",
        "Credit days past due: a whole number, without decimals (not 2.5).",
        "Write-off limit: at most 2 decimals (this has 3).",
    ]
    # Zeros after the last digit are no decimals: 12.5000 has one.
    saved = CustomerClassService(store, NUMBER_RULES).save(
        None, {"class_id": "OK", "description": "Ok", "write_off_limit": Decimal("12.5000")}
    )
    assert CustomerClassService(store, NUMBER_RULES).load(saved)["write_off_limit"] == Decimal(
        "12.5"
    )


def test_not_a_number_from_an_import_is_refused(store: Store) -> None:
    assert refusals(store, credit_limit=Decimal("NaN")) == ["Credit limit: 'NaN' is not a number."]
