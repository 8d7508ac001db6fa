"""Customer location rules (CR303010): location IDs, the default location."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.ledger.records import RecordError, RecordService, ScreenRules, count_where
from app.models import Location
from app.models.database import Store


class LocationService(RecordService[Location]):
    noun = "location"

    def __init__(self, store: Store, rules: ScreenRules | None = None) -> None:
        from app.ledger.definitions.location import LOCATION

        super().__init__(store, Location, rules or LOCATION.rules(), ("customer", "location_id"))

    def before_save(
        self, session: Session, record: Location, values: Mapping[str, Any], *, is_new: bool
    ) -> None:
        # A customer's first location is its default one.
        if not is_new:
            return
        with session.no_autoflush:
            others = count_where(session, Location, Location.customer_id == record.customer_id)
        if not others:
            record.is_default = True

    def delete_refusal(self, session: Session, record: Location) -> str | None:
        if record.is_default:
            return (
                f"Location {record.location_id} is the customer's default location and cannot "
                "be deleted. Make another location the default first (Set as default)."
            )
        return None

    def describe(self, record: Location) -> str:
        """``Location OSLO of customer 10001``: the customer by its number, not its row id."""
        return f"Location {record.location_id} of customer {record.customer.customer_no}"

    def set_as_default(self, location_id: int) -> None:
        """Make this location the customer's only default location (one transaction)."""
        with self.store.transaction() as session:
            location = session.get(Location, location_id)
            if location is None:
                raise RecordError("The location no longer exists.")
            if not location.active:
                raise RecordError("An inactive location cannot be the default location.")
            session.execute(
                update(Location)
                .where(Location.customer_id == location.customer_id, Location.id != location.id)
                .values(is_default=False)
            )
            location.is_default = True

    def default_location_id(self, customer_id: int) -> int | None:
        with self.store.session() as session:
            found: int | None = session.scalar(
                select(Location.id).where(
                    Location.customer_id == customer_id, Location.is_default.is_(True)
                )
            )
            return found
