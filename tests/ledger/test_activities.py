"""Activities without Qt (app/ledger/activities.py): what an activity needs, the note's and the
e-mail's rules, who created it, one transaction checked against the version read, and the
customer's list newest first."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import select

from app.ledger import workstation
from app.ledger.activities import ActivityService, activity_rows
from app.ledger.customers import CustomerService
from app.ledger.records import StaleRecordError, ValidationError
from app.ledger.setup import set_up_company
from app.ledger.where_used import in_use_message, uses_of
from app.models import Activity, ActivityStatus, ActivityType, Customer, Employee
from app.models.database import Store
from tests.ledger.customer_documents import add_customer


@pytest.fixture
def customer(store: Store) -> int:
    set_up_company(store, base_currency="NOK", country="NO", language="nb-NO")
    with store.transaction() as session:
        session.add(Employee(employee_id="KARI", name="Kari Nordmann"))
        return add_customer(session, "10001").id


def add(store: Store, customer: int, kind: ActivityType, **values: Any) -> int:
    service = ActivityService(store)
    return service.save(None, service.new_activity(customer, kind) | values)


def problems(error: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return [str(problem) for problem in error.value.errors]


def test_an_activity_is_stored_with_who_created_it(store: Store, customer: int) -> None:
    add(
        store,
        customer,
        ActivityType.TASK,
        summary="Call about the invoice",
        start_date=datetime(2026, 11, 2, 9, 0),
        due_date=datetime(2026, 11, 6, 16, 0),
        time_spent=90,
    )
    with store.session() as session:
        (activity,) = session.scalars(select(Activity))
        assert activity.created_by == workstation.user_name()
        assert activity.status == ActivityStatus.OPEN
        assert activity.end_at == datetime(2026, 11, 6, 16, 0)
        assert activity.time_spent == 90
        assert activity.related_entity_description is not None
        assert activity.related_entity_description.startswith("10001 ")


@pytest.mark.parametrize(
    ("values", "said"),
    [
        ({"summary": "  "}, "Summary: a value is required."),
        ({"time_spent": -5}, "Time spent: cannot be negative."),
        ({"time_spent": 2**40}, "Time spent: at most"),
        (
            {"end_date": datetime(2026, 11, 1, 8, 0)},
            "End date: cannot be before the start date (2026-11-02 09:00).",
        ),
        ({"summary": "x" * 256}, "Summary: at most 255 characters (this has 256)."),
    ],
)
def test_an_event_is_refused_naming_the_field(
    store: Store, customer: int, values: dict[str, Any], said: str
) -> None:
    typed = {"summary": "Visit", "start_date": datetime(2026, 11, 2, 9, 0)} | values
    with pytest.raises(ValidationError) as refused:
        add(store, customer, ActivityType.EVENT, **typed)
    assert any(problem.startswith(said) for problem in problems(refused)), problems(refused)
    with store.session() as session:
        assert session.scalars(select(Activity)).all() == []


def test_a_note_is_always_completed(store: Store, customer: int) -> None:
    with pytest.raises(ValidationError) as refused:
        add(
            store, customer, ActivityType.NOTE, summary="Prefers e-mail", status=ActivityStatus.OPEN
        )
    assert problems(refused) == ["Status: a note is always Completed."]
    note = add(store, customer, ActivityType.NOTE, summary="Prefers e-mail")
    phone = add(store, customer, ActivityType.PHONE_CALL, summary="Called")
    with store.session() as session:
        assert session.get(Activity, note).status == ActivityStatus.COMPLETED  # type: ignore[union-attr]
        assert session.get(Activity, phone).status == ActivityStatus.COMPLETED  # type: ignore[union-attr]


def test_an_email_is_a_draft_with_addresses_listed_by_its_subject(
    store: Store, customer: int
) -> None:
    with pytest.raises(ValidationError) as refused:
        add(store, customer, ActivityType.EMAIL, email_to=None, email_subject="Statement")
    assert problems(refused) == ["To: an e-mail needs an address to send to."]
    with pytest.raises(ValidationError) as refused:
        add(store, customer, ActivityType.EMAIL, email_to="a@b.no;c@", email_subject="Statement")
    assert problems(refused)[0].startswith("To: 'c@' is not an e-mail address")
    with pytest.raises(ValidationError) as refused:
        add(store, customer, ActivityType.EMAIL, email_to="a@b.no", email_subject=None)
    assert problems(refused) == ["Subject: a value is required."]
    saved = add(
        store, customer, ActivityType.EMAIL, email_to="a@b.no; c@d.no", email_subject="Statement"
    )
    with store.session() as session:
        email = session.get(Activity, saved)
        assert email is not None
        assert (email.summary, email.email_to) == ("Statement", "a@b.no; c@d.no")


def test_two_saves_of_one_activity_read_at_one_version(store: Store, customer: int) -> None:
    service = ActivityService(store)
    saved = add(store, customer, ActivityType.TASK, summary="Check the limit")
    first, second = service.load(saved), service.load(saved)
    service.save(saved, first | {"summary": "Raise the limit"}, first["version"], first)
    with pytest.raises(StaleRecordError):
        service.save(saved, second | {"summary": "Lower the limit"}, second["version"], second)
    assert service.load(saved)["summary"] == "Raise the limit"


def test_the_customers_list_is_newest_first(store: Store, customer: int) -> None:
    for day, summary in ((3, "middle"), (9, "newest"), (1, "oldest")):
        add(
            store,
            customer,
            ActivityType.MEETING,
            summary=summary,
            start_date=datetime(2026, 5, day),
        )
    with store.session() as session:
        rows = activity_rows(session, customer, {"summary": "summary"})
    assert [row["summary"] for row in rows] == ["newest", "middle", "oldest"]


def test_activities_go_with_their_customer_and_keep_their_owner(
    store: Store, customer: int
) -> None:
    with store.session() as session:
        owner = session.scalars(select(Employee.id)).one()
    add(store, customer, ActivityType.TASK, summary="Follow up", owner=owner)
    with store.session() as session:
        employee = session.get(Employee, owner)
        message = in_use_message("Employee KARI", uses_of(session, employee))
    assert message == "Employee KARI cannot be deleted: it is used by 1 activity."
    CustomerService(store).delete(customer)  # the customer's activities are its own
    with store.session() as session:
        assert session.scalars(select(Activity)).all() == []
        assert session.get(Customer, customer) is None


def test_the_activitys_rules_load_without_qt() -> None:
    code = (
        "import sys\n"
        "import app.ledger.definitions.activity, app.ledger.activities\n"
        "loaded = [m for m in sys.modules if m.startswith(('PySide6', 'app.windows'))]\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
