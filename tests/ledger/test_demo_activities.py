"""The demo company's activities: a share of the customers have some, of every type, each valid
for every rule the activity editors apply."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select

from app.ledger.activities import ActivityService
from app.ledger.demo import create_demo_company
from app.models import Activity, ActivityStatus, ActivityType, Customer
from app.models.database import Store


def test_a_share_of_the_customers_have_activities_each_valid(store: Store) -> None:
    create_demo_company(store, customers=60, seed=7)
    service = ActivityService(store)
    with store.session() as session:
        ids = list(session.scalars(select(Activity.id).order_by(Activity.id)))
        with_activities = session.scalar(select(func.count(func.distinct(Activity.customer_id))))
        customers = session.scalar(select(func.count()).select_from(Customer))
        types = Counter(session.scalars(select(Activity.activity_type)))
        notes = set(
            session.scalars(
                select(Activity.status).where(Activity.activity_type == ActivityType.NOTE)
            )
        )
    assert customers == 60
    assert with_activities is not None and 10 <= with_activities <= 40
    assert {ActivityType.TASK, ActivityType.EMAIL, ActivityType.PHONE_CALL} <= set(types)
    assert notes <= {ActivityStatus.COMPLETED}
    for activity_id in ids:
        values = service.load(activity_id)
        with store.session() as session:
            assert service.validate(session, activity_id, values) == [], values
