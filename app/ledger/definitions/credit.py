"""The credit policy's reference records: payment terms (CS206500), overdue charges (AR204500)
and statement cycles (AR202800) — what each field means, its bounds, and the statement cycle's
on-change rules.

Days, amounts and rates here are never negative; a percentage is at most 100.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.ledger.fields import Definition, Field, Kind, OnChange, Values
from app.ledger.sources import OVERDUE_CHARGES
from app.ledger.statement_cycles import (
    DAY_LIMITS,
    LIMIT_LABELS,
    labels_following_limits,
    needs_day_of_month,
    needs_second_day,
    schedule_updates,
)
from app.models import OverdueCharge, PaymentTerms, StatementCycle
from app.models.reference.credit import AgeBasedOn, DueDateType, PrepareOn

# -- payment terms -----------------------------------------------------------------------------

PAYMENT_TERMS = Definition(
    "payment terms",
    PaymentTerms,
    (
        Field("terms_id", "Terms ID", Kind.TEXT, required=True, help="The unique ID of the terms."),
        Field(
            "description",
            "Description",
            Kind.TEXT,
            required=True,
            help="The name of the terms, shown where they are selected.",
        ),
        Field(
            "due_date_type",
            "Due date type",
            Kind.OPTION,
            options=DueDateType,
            required=True,
            help="How the due date is found: a number of days after the document date, the end "
            "of the month, or a day of the next month.",
        ),
        Field(
            "due_days",
            "Due days",
            Kind.NUMBER,
            minimum=0,
            help="Days from the document date to the due date (0 or more).",
        ),
        Field(
            "discount_days",
            "Discount days",
            Kind.NUMBER,
            minimum=0,
            help="Days from the document date within which the discount applies (0 or more, "
            "not more than the due days).",
        ),
        Field(
            "cash_discount_percent",
            "Cash discount (%)",
            Kind.PERCENT,
            minimum=0,
            maximum=100,  # a share of the amount due: never more than all of it
            help="The discount for paying within the discount days (0–100 %).",
        ),
    ),
)

# -- overdue charges ---------------------------------------------------------------------------

OVERDUE_CHARGE = Definition(
    "overdue charge",
    OverdueCharge,
    (
        Field(
            "overdue_charge_id",
            "Overdue charge ID",
            Kind.TEXT,
            required=True,
            help="The unique ID of the overdue charge.",
        ),
        Field(
            "description",
            "Description",
            Kind.TEXT,
            required=True,
            help="The name of the charge, shown where it is selected.",
        ),
        Field(
            "annual_rate_percent",
            "Annual rate (%)",
            Kind.PERCENT,
            minimum=0,
            maximum=100,  # late-payment interest is far below 100 % a year: more is a typo
            help="The yearly interest on the overdue balance (0–100 %).",
        ),
        Field(
            "minimum_amount",
            "Minimum amount",
            Kind.MONEY,
            minimum=0,
            help="The least charged when a charge is made (0 or more).",
        ),
        Field(
            "fixed_amount",
            "Fixed amount",
            Kind.MONEY,
            minimum=0,
            help="An amount charged on every overdue document (0 or more).",
        ),
    ),
)

# -- statement cycles --------------------------------------------------------------------------


def _day_limit(number: int, help_text: str) -> Field:
    # Never negative here; that they increase from above 0 is the service's rule, which names
    # the limit each must pass.
    return Field(
        f"day_limit_{number}",
        f"Day limit {number}",
        Kind.NUMBER,
        required=True,
        minimum=0,
        help=help_text,
    )


def _label(key: str, label: str, help_text: str) -> Field:
    return Field(key, label, Kind.TEXT, help=help_text)


def _labels_follow_limits(values: Values, _service: object) -> Mapping[str, Any]:
    return labels_following_limits(values)


def _unused_days_cleared(values: Values, _service: object) -> Mapping[str, Any]:
    return schedule_updates(values)


STATEMENT_CYCLE_FIELDS: tuple[Field, ...] = (
    Field(
        "statement_cycle_id",
        "Statement cycle ID",
        Kind.TEXT,
        required=True,
        help="The unique ID of the statement cycle.",
    ),
    Field(
        "description",
        "Description",
        Kind.TEXT,
        required=True,
        help="The name of the cycle, shown where it is selected.",
    ),
    # -- Schedule
    Field(
        "prepare_on",
        "Prepare on",
        Kind.OPTION,
        options=PrepareOn,
        required=True,
        help="When statements of the cycle are prepared.",
    ),
    Field(
        "day_of_month",
        "Day of month",
        Kind.NUMBER,
        enabled_when=lambda values: needs_day_of_month(values.get("prepare_on")),
        help="The day (1–31) statements are prepared on; required for Fixed day of month and "
        "Twice a month. In shorter months, the last day.",
    ),
    Field(
        "second_day_of_month",
        "Second day of month",
        Kind.NUMBER,
        enabled_when=lambda values: needs_second_day(values.get("prepare_on")),
        help="The second day (1–31, after the first) statements are prepared on; required for "
        "Twice a month.",
    ),
    Field(
        "last_statement_date",
        "Last statement date",
        Kind.DATE,
        read_only=True,
        help="The date of the last statements prepared; set by statement runs.",
    ),
    Field(
        "next_statement_date",
        "Next statement date",
        Kind.DATE,
        help="The date the next statements are due to be prepared (after the last statement date).",
    ),
    # -- Overdue charges
    Field(
        "overdue_charge_id",
        "Overdue charge ID",
        Kind.LOOKUP,
        lookup=OVERDUE_CHARGES,
        help="The overdue charge for customers of the cycle, where the preferences set overdue "
        "charges by statement cycle.",
    ),
    # -- Ageing
    Field(
        "age_based_on",
        "Age based on",
        Kind.OPTION,
        options=AgeBasedOn,
        required=True,
        help="The date balances are aged from: the due date of invoices, or the document date.",
    ),
    _day_limit(1, "The last day of the first bucket past due (more than 0)."),
    _day_limit(2, "The last day of the second bucket (more than day limit 1)."),
    _day_limit(3, "The last day of the third bucket (more than day limit 2)."),
    _label(
        "current_label",
        "Current label",
        "The statement's heading for balances not yet past due.",
    ),
    _label(
        "bucket_1_label",
        "Bucket 1 label",
        "The heading for 1 to day limit 1 days past due; follows the limits unless you write "
        "your own.",
    ),
    _label(
        "bucket_2_label",
        "Bucket 2 label",
        "The heading for day limit 1 + 1 to day limit 2 days past due.",
    ),
    _label(
        "bucket_3_label",
        "Bucket 3 label",
        "The heading for day limit 2 + 1 to day limit 3 days past due.",
    ),
    _label("over_label", "Over label", "The heading for more than day limit 3 days past due."),
)

STATEMENT_CYCLE_ON_CHANGE: tuple[OnChange, ...] = (
    # Labels still in their default form follow the day limits; labels the user wrote stay.
    *(
        OnChange(
            key,
            (*(other for other in DAY_LIMITS if other != key), *LIMIT_LABELS),
            _labels_follow_limits,
        )
        for key in DAY_LIMITS
    ),
    # Days the new schedule does not use are cleared (their fields are greyed out).
    OnChange("prepare_on", ("day_of_month", "second_day_of_month"), _unused_days_cleared),
)

STATEMENT_CYCLE = Definition(
    "statement cycle",
    StatementCycle,
    STATEMENT_CYCLE_FIELDS,
    on_change=STATEMENT_CYCLE_ON_CHANGE,
)
