"""Customer ledger preferences (AR101000): the company's single preferences record.

Its rules: dunning levels numbered without gaps, mailings with something to send, the
price-history months, the sales subaccount sources, document number series that are in use;
and the CID configuration picked on the screen, saved with the preferences in the same
transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy.orm import Session

from app.ledger.cid_configurations import (
    CID_ELEMENTS,
    SELECT_CONFIGURATION,
    CidConfigurationService,
)
from app.ledger.class_mailings import NOTHING_TO_SEND, sends_nothing
from app.ledger.locked_series import locked_series_errors
from app.ledger.recipients import recipient_errors
from app.ledger.records import FieldError, InvalidInput, RecordService, ScreenRules, is_blank
from app.ledger.segmented_keys import mask_problem, subaccount_lengths
from app.models import PREFERENCES_ID, CidConfiguration, Preferences
from app.models.database import Store
from app.models.preferences import RetentionType, RoundingRule

__all__ = [
    "CID_ELEMENTS",
    "DEFAULT_SOURCES",
    "DUNNING_LEVELS",
    "RECIPIENTS",
    "SALES_SUB_SOURCES",
    "SELECT_CONFIGURATION",
    "PreferencesService",
]

DUNNING_LEVELS = "dunning_levels"
DEFAULT_SOURCES = "default_sources"
RECIPIENTS = "recipients"
NUMBER_OF_MONTHS = "number_of_months"
COMBINE_SALES_SUB_FROM = "combine_sales_sub_from"

# Where each segment of the sales subaccount comes from, one letter per segment of the
# SUBACCOUNT key ("LI" for two segments; app/ledger/segmented_keys.py). The seed lost the list;
# these are the sources the product family's help names.
SALES_SUB_SOURCES = {
    "B": "Branch",
    "L": "Customer location",
    "I": "Stock item",
    "E": "Employee",
}


class PreferencesService(RecordService[Preferences]):
    noun = "preferences"

    def __init__(
        self,
        store: Store,
        rules: ScreenRules | None = None,
        cid_rules: ScreenRules | None = None,
    ) -> None:
        # The preferences' and the CID configuration's definitions, unless a test narrows them.
        # Imported here: the definitions name this module's grid keys.
        from app.ledger.definitions.preferences import PREFERENCES

        rules = rules or PREFERENCES.rules()
        # Select configuration is no attribute of the preferences: it only says which CID
        # configuration the CID configuration tab shows.
        own = ScreenRules(
            fields=tuple(rule for rule in rules.fields if rule.key != SELECT_CONFIGURATION),
            grids=rules.grids,
        )
        super().__init__(store, Preferences, own, ())
        self.has_cid_tab = any(rule.key == SELECT_CONFIGURATION for rule in rules.fields)
        self.cid = CidConfigurationService(store, cid_rules)
        self._picked_id: int | None = None  # the configuration last picked or saved here

    def current_id(self) -> int | None:
        with self.store.session() as session:
            return PREFERENCES_ID if session.get(Preferences, PREFERENCES_ID) else None

    # -- the CID configuration shown with the preferences -----------------------------------

    def new_values(self) -> dict[str, Any]:
        values = super().new_values()
        with self.store.session() as session:
            values.update(self._shown_configuration(session))
        return values

    def values_of(self, session: Session, record: Preferences) -> dict[str, Any]:
        return super().values_of(session, record) | self._shown_configuration(session)

    def _shown_configuration(self, session: Session) -> dict[str, Any]:
        if not self.has_cid_tab:
            return {}
        picked = self._picked_id
        if picked is None or session.get(CidConfiguration, picked) is None:
            picked = self.cid.first_id(session)  # none picked here yet, or it is gone
        return {SELECT_CONFIGURATION: picked} | self.cid.picked_values(session, picked)

    def configuration_values(self, picked: Any) -> dict[str, Any]:
        """On-change rule of Select configuration: the picked configuration's settings and
        elements; a new configuration (an ID not in the list) starts from the defaults."""
        with self.store.session() as session:
            return self.cid.picked_values(session, picked if isinstance(picked, int) else None)

    # -- rules ------------------------------------------------------------------------------

    def new_row(self, grid_key: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
        if grid_key == CID_ELEMENTS:
            return self.cid.new_row(grid_key, rows)
        row = super().new_row(grid_key, rows)
        if grid_key == DUNNING_LEVELS:
            # The next level continues the sequence, 1, 2, 3 … without gaps.
            row["dunning_letter_level"] = len(rows) + 1
            if rows:
                row["days_past_due"] = (rows[-1].get("days_past_due") or 0) + 1
        return row

    def validate(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        months = values.get(NUMBER_OF_MONTHS)
        if (
            values.get("retention_type") != RetentionType.FIXED_NUMBER_OF_MONTHS
            and isinstance(months, int)
            and months < 0
        ):
            # Not used by Last price, and greyed out on the screen where it cannot be corrected:
            # checked as the 0 it is stored as (before_save), not refused.
            values = {**values, NUMBER_OF_MONTHS: 0}
        errors = super().validate(session, record_id, values)
        if self.has_cid_tab:
            errors += self.cid.picked_errors(session, values.get(SELECT_CONFIGURATION), values)
        return errors

    def check(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        return [
            *dunning_level_errors(values.get(DUNNING_LEVELS) or []),
            *mailing_errors(values.get(DEFAULT_SOURCES) or []),
            *number_of_months_errors(values),
            *sales_sub_errors(values.get(COMBINE_SALES_SUB_FROM)),
            *sales_sub_segment_errors(session, values.get(COMBINE_SALES_SUB_FROM)),
            *locked_series_errors(session, record_id, values),
            *conditional_requirements(values),
        ]

    def before_save(
        self, session: Session, record: Preferences, values: Mapping[str, Any], *, is_new: bool
    ) -> None:
        if is_new:
            record.id = PREFERENCES_ID  # there is exactly one preferences record
        if record.number_of_months is None or record.number_of_months < 0:
            record.number_of_months = 0  # not used by Last price; 0 is the product's default
        if record.combine_sales_sub_from:
            record.combine_sales_sub_from = record.combine_sales_sub_from.upper()

    def after_save(
        self, session: Session, record: Preferences, values: Mapping[str, Any], *, is_new: bool
    ) -> None:
        if self.has_cid_tab:
            picked = values.get(SELECT_CONFIGURATION)
            self._picked_id = self.cid.write_picked(session, picked, values)


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


def mailing_errors(rows: list[dict[str, Any]]) -> list[FieldError]:
    """A mailing needs a report or a notification template (the seed: "You need to specify
    either a notification template or a report for a mailing at least"), each mailing ID is
    listed once, and a Contact ID is given for Employee recipients only — and for each of them,
    since an Employee recipient without one has nobody to send to (as on AR201000)."""
    errors: list[FieldError] = []
    seen: dict[str, int] = {}
    for number, row in enumerate(rows, start=1):
        where = f"Default sources, row {number}"
        errors += recipient_errors(
            DEFAULT_SOURCES, f"{where}, Default recipients", row.get(RECIPIENTS) or []
        )
        if sends_nothing(row):
            errors.append(FieldError(DEFAULT_SOURCES, f"{where}, Report", NOTHING_TO_SEND))
        mailing = str(row.get("mailing_id") or "").strip().casefold()
        if mailing and mailing in seen:
            errors.append(
                FieldError(
                    DEFAULT_SOURCES,
                    f"{where}, Mailing ID",
                    f"'{row.get('mailing_id')}' is already the mailing of row {seen[mailing]}.",
                )
            )
        seen.setdefault(mailing, number)
    return errors


# A value one option needs, and the option that needs it: label of the needed field, what needs
# it, and the condition on the values.
CONDITIONAL_REQUIREMENTS: tuple[tuple[str, str, str, Callable[[Mapping[str, Any]], bool]], ...] = (
    (
        "rounding_precision",
        "Rounding precision",
        "the Nearest, Up and Down rounding rules need the smallest unit to round to",
        lambda v: (
            not is_blank(v.get("rounding_rule_for_invoices"))
            and v.get("rounding_rule_for_invoices") != RoundingRule.USE_CURRENCY_PRECISION
        ),
    ),
    (
        "statement_from_branch",
        "Statement from branch",
        "consolidated statements need the branch they are sent from",
        lambda v: bool(v.get("consolidate_statements_for_all_branches")),
    ),
    (
        "dunning_letter_from_branch",
        "Dunning letter from branch",
        "consolidated dunning letters need the branch they are sent from",
        lambda v: bool(v.get("consolidate_dunning_letters_for_all_branches")),
    ),
)


def conditional_requirements(values: Mapping[str, Any]) -> list[FieldError]:
    """Values an option needs: a rounding precision for rounding by a unit, the branch of
    consolidated statements and dunning letters. Without them, the option could not work."""
    return [
        FieldError(key, label, f"a value is required: {why}.")
        for key, label, why, needed in CONDITIONAL_REQUIREMENTS
        if needed(values) and key in values and is_blank(values.get(key))
    ]


def number_of_months_errors(values: Mapping[str, Any]) -> list[FieldError]:
    """Fixed number of months needs the number (0 keeps the price history forever)."""
    months = values.get(NUMBER_OF_MONTHS)
    label = "Number of months"
    if values.get("retention_type") != RetentionType.FIXED_NUMBER_OF_MONTHS:
        return []  # not used: Last price keeps only the last price
    if months is None:
        return [
            FieldError(
                NUMBER_OF_MONTHS,
                label,
                "a number is required with Fixed number of months (0 keeps the history forever).",
            )
        ]
    return []  # a negative number is refused by the field's bound (its definition)


def sales_sub_errors(mask: Any) -> list[FieldError]:
    """One source letter per segment of the sales subaccount."""
    if isinstance(mask, InvalidInput) or is_blank(mask):
        return []
    unknown = sorted({letter for letter in str(mask).upper() if letter not in SALES_SUB_SOURCES})
    if not unknown:
        return []
    sources = ", ".join(f"{letter} {source}" for letter, source in SALES_SUB_SOURCES.items())
    return [
        FieldError(
            COMBINE_SALES_SUB_FROM,
            "Combine sales sub. from",
            f"use one letter per segment: {sources} ('{''.join(unknown)}' is not a source).",
        )
    ]


def sales_sub_segment_errors(session: Session, mask: Any) -> list[FieldError]:
    """Exactly one source letter per segment of the SUBACCOUNT key (CS202000), read in the
    save's transaction: "LI" for a subaccount of two segments."""
    if isinstance(mask, InvalidInput) or is_blank(mask):
        return []
    lengths = subaccount_lengths(session)
    problem = mask_problem(str(mask).strip(), None if lengths is None else len(lengths))
    if problem is None:
        return []
    return [FieldError(COMBINE_SALES_SUB_FROM, "Combine sales sub. from", problem)]
