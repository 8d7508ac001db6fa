"""Customer ledger preferences (AR101000): the company's single preferences record."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from app.ledger.records import FieldError, RecordService, ScreenRules
from app.models import PREFERENCES_ID, Preferences
from app.models.database import Store

DUNNING_LEVELS = "dunning_levels"


class PreferencesService(RecordService[Preferences]):
    noun = "preferences"

    def __init__(self, store: Store, rules: ScreenRules) -> None:
        super().__init__(store, Preferences, rules, ())

    def current_id(self) -> int | None:
        with self.store.session() as session:
            return PREFERENCES_ID if session.get(Preferences, PREFERENCES_ID) else None

    def new_row(self, grid_key: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
        row = super().new_row(grid_key, rows)
        if grid_key == DUNNING_LEVELS:
            # The next level continues the sequence, 1, 2, 3 … without gaps.
            row["dunning_letter_level"] = len(rows) + 1
            if rows:
                row["days_past_due"] = (rows[-1].get("days_past_due") or 0) + 1
        return row

    def check(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        return dunning_level_errors(values.get(DUNNING_LEVELS) or [])

    def before_save(
        self, session: Session, record: Preferences, values: Mapping[str, Any], *, is_new: bool
    ) -> None:
        if is_new:
            record.id = PREFERENCES_ID  # there is exactly one preferences record


def dunning_level_errors(rows: list[dict[str, Any]]) -> list[FieldError]:
    """Levels are numbered 1, 2, 3 … without gaps, and their days past due increase."""
    errors: list[FieldError] = []
    levels = [row.get("dunning_letter_level") for row in rows]
    if levels != list(range(1, len(rows) + 1)):
        errors.append(
            FieldError(
                DUNNING_LEVELS,
                "Dunning levels, Dunning letter level",
                "levels must be numbered 1, 2, 3 … without gaps "
                f"(found {', '.join(str(level) for level in levels)}).",
            )
        )
    previous: int | None = None
    for number, row in enumerate(rows, start=1):
        days = row.get("days_past_due")
        if previous is not None and days is not None and days <= previous:
            errors.append(
                FieldError(
                    DUNNING_LEVELS,
                    f"Dunning levels, row {number}, Days past due",
                    f"must be more than the previous level's {previous} days.",
                )
            )
        previous = days if days is not None else previous
    return errors
