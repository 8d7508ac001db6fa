"""Currencies (CM202000) and currency rate types (CM201000)."""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, MasterRecord, code10, text255, unique_regardless_of_case


class Currency(MasterRecord, Base):
    __tablename__ = "currency"

    currency_id: Mapped[str] = mapped_column(String(3), unique=True)  # ISO 4217
    description: Mapped[text255]
    symbol: Mapped[str | None] = mapped_column(String(5))
    decimal_places: Mapped[int] = mapped_column(default=2)
    active: Mapped[bool] = mapped_column(default=True)


unique_regardless_of_case(Currency.currency_id)


class RateType(MasterRecord, Base):
    __tablename__ = "rate_type"

    rate_type_id: Mapped[code10] = mapped_column(unique=True)
    description: Mapped[text255]


unique_regardless_of_case(RateType.rate_type_id)
