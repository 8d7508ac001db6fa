"""Customer classes (AR201000): the defaults a new customer starts from."""

from __future__ import annotations

from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, MasterRecord, code10, text255


class CustomerClass(MasterRecord, Base):
    __tablename__ = "customer_class"

    class_id: Mapped[code10] = mapped_column(unique=True)
    description: Mapped[text255 | None]

    def __repr__(self) -> str:
        return f"CustomerClass({self.class_id!r})"
