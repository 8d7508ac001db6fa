"""Credit policy: payment terms (CS206500), statement cycles (AR202800), overdue charges."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import (
    Base,
    MasterRecord,
    OptionEnum,
    code10,
    money,
    percent,
    text255,
    unique_regardless_of_case,
)


class DueDateType(OptionEnum):
    FIXED_NUMBER_OF_DAYS = "Fixed number of days"
    END_OF_MONTH = "End of month"
    DAY_OF_NEXT_MONTH = "Day of next month"


class PaymentTerms(MasterRecord, Base):
    __tablename__ = "payment_terms"

    terms_id: Mapped[code10] = mapped_column(unique=True)
    description: Mapped[text255]
    due_date_type: Mapped[DueDateType] = mapped_column(default=DueDateType.FIXED_NUMBER_OF_DAYS)
    due_days: Mapped[int] = mapped_column(default=0)
    discount_days: Mapped[int] = mapped_column(default=0)
    cash_discount_percent: Mapped[percent] = mapped_column(default=Decimal(0))


unique_regardless_of_case(PaymentTerms.terms_id)


class PrepareOn(OptionEnum):
    END_OF_MONTH = "End of month"
    FIXED_DAY_OF_MONTH = "Fixed day of month"
    WEEKLY = "Weekly"
    TWICE_A_MONTH = "Twice a month"
    CUSTOM = "Custom"


class AgeBasedOn(OptionEnum):
    DUE_DATE = "Due date"
    DOCUMENT_DATE = "Document date"


class OverdueCharge(MasterRecord, Base):
    __tablename__ = "overdue_charge"

    overdue_charge_id: Mapped[code10] = mapped_column(unique=True)
    description: Mapped[text255]
    annual_rate_percent: Mapped[percent] = mapped_column(default=Decimal(0))
    minimum_amount: Mapped[money] = mapped_column(default=Decimal(0))
    fixed_amount: Mapped[money] = mapped_column(default=Decimal(0))


unique_regardless_of_case(OverdueCharge.overdue_charge_id)


class StatementCycle(MasterRecord, Base):
    """When statements are prepared and how their balances are aged (DESIGN §5)."""

    __tablename__ = "statement_cycle"

    statement_cycle_id: Mapped[code10] = mapped_column(unique=True)
    description: Mapped[text255]
    prepare_on: Mapped[PrepareOn] = mapped_column(default=PrepareOn.END_OF_MONTH)
    day_of_month: Mapped[int | None]
    second_day_of_month: Mapped[int | None]
    age_based_on: Mapped[AgeBasedOn] = mapped_column(default=AgeBasedOn.DUE_DATE)
    # Three increasing day limits make five ageing buckets; each has a label on the statement.
    day_limit_1: Mapped[int] = mapped_column(default=30)
    day_limit_2: Mapped[int] = mapped_column(default=60)
    day_limit_3: Mapped[int] = mapped_column(default=90)
    current_label: Mapped[str] = mapped_column(String(30), default="Current")
    bucket_1_label: Mapped[str] = mapped_column(String(30), default="1-30 days")
    bucket_2_label: Mapped[str] = mapped_column(String(30), default="31-60 days")
    bucket_3_label: Mapped[str] = mapped_column(String(30), default="61-90 days")
    over_label: Mapped[str] = mapped_column(String(30), default="Over 90 days")
    overdue_charge_id: Mapped[int | None] = mapped_column(ForeignKey("overdue_charge.id"))
    last_statement_date: Mapped[date | None]
    next_statement_date: Mapped[date | None]


unique_regardless_of_case(StatementCycle.statement_cycle_id)
