"""CID configurations edited on AR101000's CID configuration tab.

The tab edits the configuration picked in Select configuration — or a new one, when an ID not
in the list is typed there — and saves it with the preferences, in the same transaction. This
service holds the configuration's own rules; PreferencesService decides which one is picked and
calls ``write`` inside its save.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.ledger.records import (
    PARTS,
    FieldError,
    InvalidInput,
    RecordService,
    ScreenRules,
    column_length,
)
from app.ledger.reference import ID_CODE
from app.models import CidConfiguration
from app.models.database import Store

SELECT_CONFIGURATION = "select_configuration"
SELECT_CONFIGURATION_LABEL = "Select configuration"
CID_ELEMENTS = "elements"  # CidConfiguration.elements
CID_ELEMENTS_LABEL = "Configuration elements"


class CidConfigurationService(RecordService[CidConfiguration]):
    noun = "CID configuration"

    def __init__(self, store: Store, rules: ScreenRules | None = None) -> None:
        # The configuration's definition, unless a test narrows it. Imported here: the
        # definition names this module's keys.
        from app.ledger.definitions.cid_configuration import CID_CONFIGURATION

        super().__init__(store, CidConfiguration, rules or CID_CONFIGURATION.rules(), ())

    def picked_values(self, session: Session, configuration_id: int | None) -> dict[str, Any]:
        """The tab's values for a configuration (a blank new one when ``None``)."""
        configuration = (
            session.get(CidConfiguration, configuration_id) if configuration_id else None
        )
        if configuration is None:
            return self.new_values()
        values = self.values_of(session, configuration)
        return {key: value for key, value in values.items() if key not in ("id", "version", PARTS)}

    def picked_errors(
        self, session: Session, picked: Any, values: Mapping[str, Any]
    ) -> list[FieldError]:
        """What is wrong with the picked configuration's values (a new ID's form included)."""
        if picked is None:
            # Without a configuration, elements typed into the grid would have nowhere to go.
            if values.get(CID_ELEMENTS):
                return [
                    FieldError(
                        CID_ELEMENTS,
                        CID_ELEMENTS_LABEL,
                        "select a configuration, or type a new ID, for these elements.",
                    )
                ]
            return []
        errors: list[FieldError] = []
        if isinstance(picked, InvalidInput):
            code = picked.text.strip()
            longest = column_length(CidConfiguration, "configuration_id") or 0
            problem = ID_CODE.check(code)
            if not problem and len(code) > longest:
                problem = f"a new ID has at most {longest} characters (this has {len(code)})."
            if problem:
                errors.append(FieldError(SELECT_CONFIGURATION, SELECT_CONFIGURATION_LABEL, problem))
            picked = None
        return errors + self.validate(session, picked, values)

    def write_picked(self, session: Session, picked: Any, values: Mapping[str, Any]) -> int | None:
        """Store the picked configuration (a new one for a new ID); its id, or None."""
        if picked is None:
            return None
        is_new = isinstance(picked, InvalidInput)
        return self.write(session, None if is_new else picked, values).id

    def before_save(
        self,
        session: Session,
        record: CidConfiguration,
        values: Mapping[str, Any],
        *,
        is_new: bool,
    ) -> None:
        picked = values.get(SELECT_CONFIGURATION)
        if is_new and isinstance(picked, InvalidInput):
            record.configuration_id = picked.text.strip()
        # The elements keep the order the grid shows them in.
        for position, element in enumerate(record.elements, start=1):
            element.sort_order = position

    def first_id(self, session: Session) -> int | None:
        found: int | None = session.scalar(
            select(CidConfiguration.id).order_by(CidConfiguration.configuration_id).limit(1)
        )
        return found
