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
from app.models.cid import CidStatus
from app.models.database import Store

SELECT_CONFIGURATION = "select_configuration"
SELECT_CONFIGURATION_LABEL = "Select configuration"
CID_ELEMENTS = "elements"  # CidConfiguration.elements
CID_ELEMENTS_LABEL = "Configuration elements"
# What makes up the CID's format: locked while the configuration is Active.
FORMAT = (
    "digit_counter",
    "display_mask",
    "reference_modulus",
    "reference_weight",
    "amount_check_digit",
    "amount_weight",
    CID_ELEMENTS,
)


def _without_ids(value: Any) -> Any:
    if isinstance(value, list):
        return [
            {k: v for k, v in row.items() if k not in ("id", "sort_order")}
            if isinstance(row, dict)
            else row
            for row in value
        ]
    return value


def active_configuration(
    session: Session, branch_id: int | None, payment_method_id: int | None
) -> CidConfiguration | None:
    """The CID configuration a document of this branch and payment method is given a CID
    reference by: an Active one only (an Inactive one hides the CID, one in Editing is being
    changed); one for the branch or payment method before one for any."""
    candidates = session.scalars(
        select(CidConfiguration)
        .where(CidConfiguration.status == CidStatus.ACTIVE)
        .where(
            (CidConfiguration.branch_id == branch_id) | CidConfiguration.branch_id.is_(None),
            (CidConfiguration.payment_method_id == payment_method_id)
            | CidConfiguration.payment_method_id.is_(None),
        )
        .order_by(CidConfiguration.configuration_id)
    ).all()
    return max(
        candidates,
        key=lambda c: (c.branch_id is not None, c.payment_method_id is not None),
        default=None,
    )


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
        if picked is not None:
            errors += self._locked_format_errors(session, picked, values)
        return errors + self.validate(session, picked, values)

    def _locked_format_errors(
        self, session: Session, picked: int, values: Mapping[str, Any]
    ) -> list[FieldError]:
        """An active configuration's format cannot be changed while it stays active."""
        stored = session.get(CidConfiguration, picked)
        if stored is None or stored.status != CidStatus.ACTIVE:
            return []
        if values.get("status") != CidStatus.ACTIVE:
            return []  # set to Editing (or Inactive) in this save: its format may change
        before = self.values_of(session, stored)
        changed = [
            self.rules[key].label if key in self.rules else CID_ELEMENTS_LABEL
            for key in FORMAT
            if key in values and _without_ids(values[key]) != _without_ids(before.get(key))
        ]
        if not changed:
            return []
        return [
            FieldError(
                "status",
                "Status",
                f"CID configuration {stored.configuration_id} is Active, so its format cannot "
                f"be changed ({', '.join(changed)}): set its status to Editing first.",
            )
        ]

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
