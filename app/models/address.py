"""Addresses and contact details, kept as records of their own so that "Same as main" can share
the customer's main address or contact (DESIGN.md §4) instead of copying it."""

from __future__ import annotations

from typing import ClassVar

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base
from app.models.reference.geography import Country, County


class Address(Base):
    __tablename__ = "address"

    id: Mapped[int] = mapped_column(primary_key=True)
    address_1: Mapped[str | None] = mapped_column(String(50))
    address_2: Mapped[str | None] = mapped_column(String(50))
    address_3: Mapped[str | None] = mapped_column(String(50))
    postcode: Mapped[str | None] = mapped_column(String(20))
    city: Mapped[str | None] = mapped_column(String(50), index=True)
    country_id: Mapped[int | None] = mapped_column(ForeignKey("country.id"), index=True)
    county_id: Mapped[int | None] = mapped_column(ForeignKey("county.id"))

    country: Mapped[Country | None] = relationship()
    county: Mapped[County | None] = relationship()

    PARTS: ClassVar[tuple[str, ...]] = (
        "address_1",
        "address_2",
        "address_3",
        "postcode",
        "city",
        "country_id",
        "county_id",
    )

    def copy(self) -> Address:
        return Address(**{part: getattr(self, part) for part in self.PARTS})


class Contact(Base):
    """Contact details of a customer, its invoicing or its shipping (not a contact person)."""

    __tablename__ = "contact"

    id: Mapped[int] = mapped_column(primary_key=True)
    company_name: Mapped[str | None] = mapped_column(String(255))
    attention: Mapped[str | None] = mapped_column(String(255))
    email: Mapped[str | None] = mapped_column(String(255))
    web: Mapped[str | None] = mapped_column(String(255))
    phone_1: Mapped[str | None] = mapped_column(String(50))
    phone_2: Mapped[str | None] = mapped_column(String(50))
    fax: Mapped[str | None] = mapped_column(String(50))

    PARTS: ClassVar[tuple[str, ...]] = (
        "company_name",
        "attention",
        "email",
        "web",
        "phone_1",
        "phone_2",
        "fax",
    )

    def copy(self) -> Contact:
        return Contact(**{part: getattr(self, part) for part in self.PARTS})
