"""Customer account rules (AR303000).

A new customer starts in the default customer class of the preferences (AR101000). A customer
saved without a number takes the next number of the CUSTOMER number series in the saving
transaction, skipping numbers already used; when the series is manual (or missing) the user is
asked to type one.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.ledger.number_series import number_in_use
from app.ledger.numbering import CUSTOMER_SERIES, NumberingError, next_number, take_number
from app.ledger.records import (
    FieldError,
    RecordService,
    ScreenRules,
    ValidationError,
    count_where,
    is_blank,
)
from app.models import PREFERENCES_ID, Customer, CustomerStatus, Location, NumberSeries, Preferences
from app.models.database import Store

ZERO = Decimal("0.00")
CUSTOMER_NO = "customer_no"
CUSTOMER_CLASS = "customer_class"


def selectable_customer() -> Any:
    """Inactive customers are not offered for selection (seed: AR303000 Status)."""
    return Customer.status != CustomerStatus.INACTIVE


def numbering_problem(session: Session) -> str | None:
    """Why a customer without a number cannot be numbered from the series, or None."""
    series = session.scalars(
        select(NumberSeries).where(NumberSeries.series_id == CUSTOMER_SERIES)
    ).one_or_none()
    if series is None:
        return (
            "type the customer's number: there is no number series "
            f"{CUSTOMER_SERIES} to number new customers (Number series, CS201010)."
        )
    if series.manual_numbering:
        return f"type the customer's number: number series {CUSTOMER_SERIES} uses manual numbering."
    try:
        next_number(series)
    except NumberingError as error:
        return str(error)
    return None


class CustomerService(RecordService[Customer]):
    noun = "customer"

    def __init__(self, store: Store, rules: ScreenRules) -> None:
        super().__init__(store, Customer, rules, (CUSTOMER_NO,))

    def new_values(self) -> dict[str, Any]:
        """Column defaults, in the default customer class of the preferences."""
        values = super().new_values()
        if CUSTOMER_CLASS in self.rules:
            with self.store.session() as session:
                preferences = session.get(Preferences, PREFERENCES_ID)
                if preferences is not None and preferences.default_customer_class_id:
                    values[CUSTOMER_CLASS] = preferences.default_customer_class_id
        return values

    def values_of(self, session: Session, record: Customer) -> dict[str, Any]:
        values = super().values_of(session, record)
        # Balances come from released documents; there are none yet, so they are zero.
        values["balance"] = ZERO
        values["prepayment_balance"] = ZERO
        return values

    def validate(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        errors = super().validate(session, record_id, values)
        if is_blank(values.get(CUSTOMER_NO)):
            # A new customer may leave it empty for the series; a saved one keeps its number.
            problem = numbering_problem(session) if record_id is None else "a value is required."
            if problem:
                rule = self.rules[CUSTOMER_NO]
                errors.insert(0, FieldError(rule.key, rule.label, problem))
        return errors

    def before_save(
        self, session: Session, record: Customer, values: Mapping[str, Any], *, is_new: bool
    ) -> None:
        if is_new and is_blank(record.customer_no):
            try:
                with session.no_autoflush:
                    record.customer_no = take_number(
                        session, CUSTOMER_SERIES, in_use=number_in_use(session, CUSTOMER_SERIES)
                    )
            except NumberingError as error:
                rule = self.rules[CUSTOMER_NO]
                raise ValidationError([FieldError(rule.key, rule.label, str(error))]) from error

    def location_count(self, customer_id: int) -> int:
        with self.store.session() as session:
            return count_where(session, Location, Location.customer_id == customer_id)
