"""Currencies (CM202000), currency rate types (CM201000) and currency rates (CM301000)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import (
    Base,
    ExactDecimal,
    MasterRecord,
    code10,
    text255,
    unique_regardless_of_case,
)

# Exchange rates are kept to 8 decimals (a rate like 0.00912345 of a weak currency).
RATE_PLACES = 8


class Currency(MasterRecord, Base):
    __tablename__ = "currency"

    currency_id: Mapped[str] = mapped_column(String(3), unique=True)  # ISO 4217
    description: Mapped[text255]
    symbol: Mapped[str | None] = mapped_column(String(5))
    decimal_places: Mapped[int] = mapped_column(default=2)
    active: Mapped[bool] = mapped_column(default=True)

    # The rates this currency is converted by (Currency rates, CM301000).
    rates: Mapped[list[CurrencyRate]] = relationship(
        cascade="all, delete-orphan",
        foreign_keys="CurrencyRate.currency_id",
        order_by="CurrencyRate.effective_date",
    )


unique_regardless_of_case(Currency.currency_id)


class CurrencyRate(Base):
    """One unit of ``currency_id`` is worth ``rate`` units of ``to_currency_id`` by the rate
    type, from ``effective_date`` until the next rate of the same kind takes over."""

    __tablename__ = "currency_rate"
    __table_args__ = (
        UniqueConstraint("currency_id", "rate_type_id", "to_currency_id", "effective_date"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    currency_id: Mapped[int] = mapped_column(ForeignKey("currency.id", ondelete="CASCADE"))
    rate_type_id: Mapped[int] = mapped_column(ForeignKey("rate_type.id"))
    to_currency_id: Mapped[int] = mapped_column(ForeignKey("currency.id"))
    effective_date: Mapped[date]
    rate: Mapped[Decimal] = mapped_column(ExactDecimal(RATE_PLACES))

    @property
    def reciprocal_rate(self) -> Decimal | None:
        """What one unit of the To currency is worth in this one."""
        return reciprocal_of(self.rate)


def reciprocal_of(rate: Decimal | None) -> Decimal | None:
    """1 / rate to the rates' decimals (None for no rate, or one not above zero)."""
    if rate is None or rate <= 0:
        return None
    return (Decimal(1) / rate).quantize(Decimal(1).scaleb(-RATE_PLACES))


class RateType(MasterRecord, Base):
    __tablename__ = "rate_type"

    rate_type_id: Mapped[code10] = mapped_column(unique=True)
    description: Mapped[text255]


unique_regardless_of_case(RateType.rate_type_id)
