"""Customer locations (CR303010): the places a customer is invoiced and delivered at."""

from __future__ import annotations

from sqlalchemy import ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, MasterRecord, code10, text255
from app.models.customer import Customer

MAIN_LOCATION_ID = "MAIN"


class Location(MasterRecord, Base):
    __tablename__ = "location"
    __table_args__ = (UniqueConstraint("customer_id", "location_id"),)

    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    location_id: Mapped[code10]
    location_name: Mapped[text255 | None]
    active: Mapped[bool] = mapped_column(default=True)
    is_default: Mapped[bool] = mapped_column(default=False)

    customer: Mapped[Customer] = relationship()

    def __repr__(self) -> str:
        return f"Location({self.location_id!r})"
