"""Customer class rules (AR201000): codes, the values a new class starts from, its grids, and
which classes may be deleted."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from sqlalchemy.orm import Session

from app.ledger import autoinvoice
from app.ledger.class_mailings import mailing_defaults, mailing_errors, preferences_mailings
from app.ledger.customer_mailings import class_changed
from app.ledger.records import (
    UNCHANGED_GRIDS,
    FieldError,
    RecordService,
    ScreenRules,
    count_where,
    is_blank,
)
from app.ledger.write_off_settings import WRITE_OFF_LIMIT, write_off_limit_problem
from app.models import PREFERENCES_ID, Attribute, CustomerClass, Preferences
from app.models.database import Store

CODE_PATTERN = re.compile(r"^[A-Za-z0-9]+$")
ATTRIBUTES = "attributes"
MAILINGS = "mailings"
ATTRIBUTE_ID = "attribute_id"
# What a new class does not take from the default class: it is a class of its own.
OWN_VALUES = ("class_id", "description")


def default_customer_class(session: Session) -> CustomerClass | None:
    """The default customer class chosen in the preferences (AR101000), if any."""
    preferences = session.get(Preferences, PREFERENCES_ID)
    if preferences is None or preferences.default_customer_class_id is None:
        return None
    return session.get(CustomerClass, preferences.default_customer_class_id)


def without_ids(value: Any) -> Any:
    """Grid rows copied to a new record: new rows (and detail rows), not the source's."""
    if isinstance(value, list):
        return [
            {key: without_ids(cell) for key, cell in row.items() if key != "id"}
            if isinstance(row, dict)
            else row
            for row in value
        ]
    return value


def attribute_defaults(session: Session, attribute_id: Any) -> dict[str, Any]:
    """What an Attributes row shows of the attribute chosen (read-only) and takes as default."""
    attribute = session.get(Attribute, attribute_id) if isinstance(attribute_id, int) else None
    if attribute is None:
        return {"description": None, "control_type": None}
    return {
        "description": attribute.description,
        "control_type": attribute.control_type,
        "internal": attribute.internal,
    }


class CustomerClassService(RecordService[CustomerClass]):
    noun = "customer class"

    def __init__(self, store: Store, rules: ScreenRules | None = None) -> None:
        # The class's definition, unless a test narrows it to the fields it exercises. Imported
        # here: the definition names this module's grid keys.
        from app.ledger.definitions.customer_class import CUSTOMER_CLASS

        super().__init__(store, CustomerClass, rules or CUSTOMER_CLASS.rules(), ("class_id",))

    def new_values(self) -> dict[str, Any]:
        """A new class starts with every value of the default customer class (AR101000),
        its attributes included; only its own ID and description start empty. Its mailings
        are the preferences' list of mailings "as it is to be copied to a new customer class"
        (seed 000), each with its settings and default recipients."""
        values = super().new_values()
        with self.store.session() as session:
            default = default_customer_class(session)
            if default is not None:
                copied = self.values_of(session, default)
                for key in values:
                    if key not in OWN_VALUES and key in copied:
                        values[key] = without_ids(copied[key])
            if MAILINGS in values:
                values[MAILINGS] = preferences_mailings(session)
        return values

    def row_defaults(self, grid_key: str, row: Mapping[str, Any]) -> dict[str, Any] | None:
        """On-change of a grid row's key column: what the chosen attribute or mailing brings."""
        with self.store.session() as session:
            if grid_key == ATTRIBUTES:
                return attribute_defaults(session, row.get(ATTRIBUTE_ID))
            if grid_key == MAILINGS:
                return mailing_defaults(session, row)
        return None

    def check(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        errors: list[FieldError] = []
        code = str(values.get("class_id") or "")
        if not CODE_PATTERN.match(code):
            rule = self.rules["class_id"]
            errors.append(
                FieldError(rule.key, rule.label, "use letters and digits only (A–Z, 0–9).")
            )
        write_off_problem = write_off_limit_problem(values)
        if write_off_problem and WRITE_OFF_LIMIT in self.rules:
            errors.append(
                FieldError(WRITE_OFF_LIMIT, self.rules[WRITE_OFF_LIMIT].label, write_off_problem)
            )
        if ATTRIBUTES in self.grids:
            errors.extend(self._attribute_errors(values.get(ATTRIBUTES) or []))
        if MAILINGS in self.grids:
            label = self.grids[MAILINGS].label
            errors.extend(mailing_errors(MAILINGS, label, values.get(MAILINGS) or []))
        return errors

    def _attribute_errors(self, rows: list[dict[str, Any]]) -> list[FieldError]:
        """An attribute is listed once per class."""
        label = self.grids[ATTRIBUTES].label
        errors: list[FieldError] = []
        seen: dict[Any, int] = {}
        for number, row in enumerate(rows, start=1):
            attribute = row.get(ATTRIBUTE_ID)
            if is_blank(attribute):
                continue
            first = seen.setdefault(attribute, number)
            if first != number:
                errors.append(
                    FieldError(
                        ATTRIBUTES,
                        f"{label}, row {number}, Attribute ID",
                        f"the attribute is already in row {first}.",
                    )
                )
        return errors

    def before_save(
        self, session: Session, record: CustomerClass, values: Mapping[str, Any], *, is_new: bool
    ) -> None:
        # A box of the AutoInvoice route that may not be selected is not kept selected.
        for key, value in autoinvoice.cleared(values).items():
            if key in self.rules:
                setattr(record, self.rules[key].attr, value)
        for attribute in record.attributes:
            if attribute.sort_order is None:
                attribute.sort_order = 0

    def after_save(
        self, session: Session, record: CustomerClass, values: Mapping[str, Any], *, is_new: bool
    ) -> None:
        # Changed mailings reach the class's customers whose mailings are not Overridden, in
        # this save (app/ledger/customer_mailings.py).
        written = MAILINGS in values and MAILINGS not in values.get(UNCHANGED_GRIDS, ())
        if MAILINGS in self.grids and written and not is_new:
            class_changed(session, record)
            session.flush()

    def delete_refusal(self, session: Session, record: CustomerClass) -> str | None:
        if count_where(session, Preferences, Preferences.default_customer_class_id == record.id):
            return (
                f"Customer class {record.class_id} cannot be deleted: it is the default customer "
                "class in Customer ledger preferences (AR101000)."
            )
        # Where used counts the customers of the class: "… it is used by 3 customers."
        return super().delete_refusal(session, record)
