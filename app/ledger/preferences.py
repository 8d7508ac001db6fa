"""Customer ledger preferences (AR101000): the company's single preferences record."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy.orm import Session

from app.ledger.records import FieldRule, RecordService
from app.models import PREFERENCES_ID, Preferences
from app.models.database import Store


class PreferencesService(RecordService[Preferences]):
    noun = "preferences"

    def __init__(self, store: Store, rules: Iterable[FieldRule]) -> None:
        super().__init__(store, Preferences, rules, ())

    def current_id(self) -> int | None:
        with self.store.session() as session:
            return PREFERENCES_ID if session.get(Preferences, PREFERENCES_ID) else None

    def before_save(
        self, session: Session, record: Preferences, values: Mapping[str, Any], *, is_new: bool
    ) -> None:
        if is_new:
            record.id = PREFERENCES_ID  # there is exactly one preferences record
