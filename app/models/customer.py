"""Customers (AR303000): the customer account."""

from __future__ import annotations

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, MasterRecord, OptionEnum, code30, text255
from app.models.customer_class import CustomerClass


class CustomerStatus(OptionEnum):
    ACTIVE = "Active"
    ON_HOLD = "On hold"
    CREDIT_HOLD = "Credit hold"
    INACTIVE = "Inactive"
    ONE_TIME = "One time"


class Customer(MasterRecord, Base):
    __tablename__ = "customer"

    customer_no: Mapped[code30] = mapped_column(unique=True)
    name: Mapped[text255 | None] = mapped_column(index=True)
    status: Mapped[CustomerStatus] = mapped_column(default=CustomerStatus.ACTIVE)
    customer_class_id: Mapped[int | None] = mapped_column(ForeignKey("customer_class.id"))

    customer_class: Mapped[CustomerClass | None] = relationship()

    def __repr__(self) -> str:
        return f"Customer({self.customer_no!r})"
