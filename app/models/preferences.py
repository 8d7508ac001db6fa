"""Customer ledger preferences (AR101000): one record for the company."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, MasterRecord, money, text255
from app.models.customer_class import CustomerClass

PREFERENCES_ID = 1


class DunningLevel(Base):
    """One level of the dunning letter sequence (Dunning settings tab)."""

    __tablename__ = "dunning_level"

    id: Mapped[int] = mapped_column(primary_key=True)
    preferences_id: Mapped[int] = mapped_column(
        ForeignKey("preferences.id", ondelete="CASCADE"), index=True
    )
    dunning_letter_level: Mapped[int]
    days_past_due: Mapped[int] = mapped_column(default=0)
    days_to_settle: Mapped[int] = mapped_column(default=0)
    description: Mapped[text255 | None]
    dunning_fee: Mapped[money] = mapped_column(default=Decimal(0))
    days_to_due: Mapped[int] = mapped_column(default=0)
    report_text_code: Mapped[str | None] = mapped_column(String(20))


class Preferences(MasterRecord, Base):
    __tablename__ = "preferences"

    default_customer_class_id: Mapped[int | None] = mapped_column(ForeignKey("customer_class.id"))
    automatically_post_on_release: Mapped[bool] = mapped_column(default=True)
    post_summary_when_updating_gl: Mapped[bool] = mapped_column(default=False)
    activate_migration_mode: Mapped[bool] = mapped_column(default=False)

    default_customer_class: Mapped[CustomerClass | None] = relationship()
    dunning_levels: Mapped[list[DunningLevel]] = relationship(
        cascade="all, delete-orphan", order_by=DunningLevel.dunning_letter_level
    )
