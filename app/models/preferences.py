"""Customer ledger preferences (AR101000): one record for the company."""

from __future__ import annotations

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, MasterRecord
from app.models.customer_class import CustomerClass

PREFERENCES_ID = 1


class Preferences(MasterRecord, Base):
    __tablename__ = "preferences"

    default_customer_class_id: Mapped[int | None] = mapped_column(ForeignKey("customer_class.id"))
    automatically_post_on_release: Mapped[bool] = mapped_column(default=True)
    post_summary_when_updating_gl: Mapped[bool] = mapped_column(default=False)
    activate_migration_mode: Mapped[bool] = mapped_column(default=False)

    default_customer_class: Mapped[CustomerClass | None] = relationship()
