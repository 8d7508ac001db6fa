"""VAT categories (TX205500) and VAT zones (TX206000)."""

from __future__ import annotations

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, MasterRecord, code10, percent, text255, unique_regardless_of_case


class VatCategory(MasterRecord, Base):
    __tablename__ = "vat_category"

    vat_category_id: Mapped[code10] = mapped_column(unique=True)
    description: Mapped[text255]
    vat_rate: Mapped[percent]
    active: Mapped[bool] = mapped_column(default=True)


unique_regardless_of_case(VatCategory.vat_category_id)


class VatZone(MasterRecord, Base):
    __tablename__ = "vat_zone"

    vat_zone_id: Mapped[code10] = mapped_column(unique=True)
    description: Mapped[text255]
    default_vat_category_id: Mapped[int | None] = mapped_column(ForeignKey("vat_category.id"))


unique_regardless_of_case(VatZone.vat_zone_id)
