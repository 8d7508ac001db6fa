"""Countries with their counties and postcode rule (CS20400S), and document languages."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, MasterRecord, code10, text255, unique_regardless_of_case


class County(Base):
    __tablename__ = "county"
    __table_args__ = (UniqueConstraint("country_id", "county_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    country_id: Mapped[int] = mapped_column(ForeignKey("country.id", ondelete="CASCADE"))
    county_id: Mapped[code10]
    name: Mapped[text255]


class Country(MasterRecord, Base):
    __tablename__ = "country"

    country_id: Mapped[str] = mapped_column(String(2), unique=True)  # ISO 3166-1 alpha-2
    name: Mapped[text255]
    # A regular expression every postcode of the country must match; empty means any.
    postcode_rule: Mapped[str | None] = mapped_column(String(200))
    postcode_example: Mapped[str | None] = mapped_column(String(20))

    counties: Mapped[list[County]] = relationship(
        cascade="all, delete-orphan", order_by=County.county_id
    )


unique_regardless_of_case(Country.country_id)


class Language(MasterRecord, Base):
    """A locale documents can be printed in (document language)."""

    __tablename__ = "language"

    locale_id: Mapped[code10] = mapped_column(unique=True)  # e.g. nb-NO
    description: Mapped[text255]
    active: Mapped[bool] = mapped_column(default=True)


unique_regardless_of_case(Language.locale_id)
