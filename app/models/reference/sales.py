"""Sales and delivery settings: salespersons (AR205000), customer price classes (AR208000),
carriers (Ship via), shipping terms, shipping zones, FOB points and warehouses."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, MasterRecord, code10, percent, text255, unique_regardless_of_case


class Salesperson(MasterRecord, Base):
    __tablename__ = "salesperson"

    salesperson_id: Mapped[code10] = mapped_column(unique=True)
    name: Mapped[text255]
    commission_percent: Mapped[percent] = mapped_column(default=Decimal(0))
    active: Mapped[bool] = mapped_column(default=True)


unique_regardless_of_case(Salesperson.salesperson_id)


class PriceClass(MasterRecord, Base):
    __tablename__ = "price_class"

    price_class_id: Mapped[code10] = mapped_column(unique=True)
    description: Mapped[text255]


unique_regardless_of_case(PriceClass.price_class_id)


class Carrier(MasterRecord, Base):
    """A Ship via code."""

    __tablename__ = "carrier"

    carrier_id: Mapped[code10] = mapped_column(unique=True)
    description: Mapped[text255]
    active: Mapped[bool] = mapped_column(default=True)


unique_regardless_of_case(Carrier.carrier_id)


class ShippingTerms(MasterRecord, Base):
    __tablename__ = "shipping_terms"

    shipping_terms_id: Mapped[code10] = mapped_column(unique=True)
    description: Mapped[text255]


unique_regardless_of_case(ShippingTerms.shipping_terms_id)


class ShippingZone(MasterRecord, Base):
    __tablename__ = "shipping_zone"

    shipping_zone_id: Mapped[code10] = mapped_column(unique=True)
    description: Mapped[text255]


unique_regardless_of_case(ShippingZone.shipping_zone_id)


class FobPoint(MasterRecord, Base):
    __tablename__ = "fob_point"

    fob_point_id: Mapped[code10] = mapped_column(unique=True)
    description: Mapped[text255]


unique_regardless_of_case(FobPoint.fob_point_id)


class Warehouse(MasterRecord, Base):
    __tablename__ = "warehouse"

    warehouse_id: Mapped[code10] = mapped_column(unique=True)
    description: Mapped[text255]
    branch_id: Mapped[int | None] = mapped_column(ForeignKey("branch.id"))
    active: Mapped[bool] = mapped_column(default=True)


unique_regardless_of_case(Warehouse.warehouse_id)
