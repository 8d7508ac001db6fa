"""Company-wide setup: number series (CS201010), attributes (CS205000), reason codes, email
accounts, reports, notification templates, report texts, restriction groups, employees and
non-stock items."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import (
    Base,
    MasterRecord,
    OptionEnum,
    code10,
    code30,
    text255,
    unique_regardless_of_case,
)


class NumberSeries(MasterRecord, Base):
    """Numbers for new customers and documents: ``INV000001``, ``INV000002`` …

    The start number carries any prefix; numbers count up in its trailing digits, keeping their
    width. With manual numbering the user types every number instead.
    """

    __tablename__ = "number_series"

    series_id: Mapped[code10] = mapped_column(unique=True)
    description: Mapped[text255]
    manual_numbering: Mapped[bool] = mapped_column(default=False)
    start_number: Mapped[str] = mapped_column(String(15))
    end_number: Mapped[str | None] = mapped_column(String(15))
    last_number: Mapped[str | None] = mapped_column(String(15))
    numbering_step: Mapped[int] = mapped_column(default=1)


unique_regardless_of_case(NumberSeries.series_id)


class ControlType(OptionEnum):
    TEXT = "Text"
    COMBO = "Combo"
    MULTI_SELECT_COMBO = "Multi select combo"
    LOOKUP = "Lookup"
    CHECK_FIELD = "Check field"
    DATE_TIME = "Date/time"


class AttributeValue(Base):
    __tablename__ = "attribute_value"
    __table_args__ = (UniqueConstraint("attribute_id", "value_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    attribute_id: Mapped[int] = mapped_column(ForeignKey("attribute.id", ondelete="CASCADE"))
    value_id: Mapped[code10]
    description: Mapped[text255]
    sort_order: Mapped[int] = mapped_column(default=0)
    disabled: Mapped[bool] = mapped_column(default=False)


class Attribute(MasterRecord, Base):
    __tablename__ = "attribute"

    attribute_id: Mapped[code10] = mapped_column(unique=True)
    description: Mapped[str] = mapped_column(String(50))
    control_type: Mapped[ControlType] = mapped_column(default=ControlType.TEXT)
    entry_mask: Mapped[str | None] = mapped_column(String(50))
    internal: Mapped[bool] = mapped_column(default=False)

    values: Mapped[list[AttributeValue]] = relationship(
        cascade="all, delete-orphan", order_by=AttributeValue.sort_order
    )


unique_regardless_of_case(Attribute.attribute_id)


class ReasonCodeUsage(OptionEnum):
    BALANCE_WRITE_OFF = "Balance write-off"
    CREDIT_WRITE_OFF = "Credit write-off"
    SALES = "Sales"
    ISSUE = "Issue"
    ADJUSTMENT = "Adjustment"


class ReasonCode(MasterRecord, Base):
    __tablename__ = "reason_code"

    reason_code_id: Mapped[str] = mapped_column(String(20), unique=True)
    description: Mapped[text255]
    usage: Mapped[ReasonCodeUsage]


unique_regardless_of_case(ReasonCode.reason_code_id)


class EmailAccount(MasterRecord, Base):
    """A system email account mailings are sent from."""

    __tablename__ = "email_account"

    email_account_id: Mapped[code10] = mapped_column(unique=True)
    description: Mapped[text255]
    email_address: Mapped[text255]
    reply_to: Mapped[str | None] = mapped_column(String(255))


unique_regardless_of_case(EmailAccount.email_account_id)


class Report(MasterRecord, Base):
    """A customer ledger report a mailing can send (e.g. AR641500 Customer statement)."""

    __tablename__ = "report"

    report_id: Mapped[code10] = mapped_column(unique=True)
    name: Mapped[text255]


unique_regardless_of_case(Report.report_id)


class NotificationTemplate(MasterRecord, Base):
    __tablename__ = "notification_template"

    template_id: Mapped[code30] = mapped_column(unique=True)
    description: Mapped[text255]
    subject: Mapped[str | None] = mapped_column(String(255))
    body: Mapped[str | None] = mapped_column(Text)


unique_regardless_of_case(NotificationTemplate.template_id)


class ReportText(MasterRecord, Base):
    """A text printed on a document, e.g. the wording of a dunning letter level."""

    __tablename__ = "report_text"

    report_text_id: Mapped[str] = mapped_column(String(20), unique=True)
    description: Mapped[text255]
    text: Mapped[str | None] = mapped_column(Text)


unique_regardless_of_case(ReportText.report_text_id)


class RestrictionGroup(MasterRecord, Base):
    __tablename__ = "restriction_group"

    group_id: Mapped[code30] = mapped_column(unique=True)
    description: Mapped[text255]
    active: Mapped[bool] = mapped_column(default=True)


unique_regardless_of_case(RestrictionGroup.group_id)


class Employee(MasterRecord, Base):
    __tablename__ = "employee"

    employee_id: Mapped[code10] = mapped_column(unique=True)
    name: Mapped[text255]
    email: Mapped[str | None] = mapped_column(String(255))
    active: Mapped[bool] = mapped_column(default=True)


unique_regardless_of_case(Employee.employee_id)


class NonStockItem(MasterRecord, Base):
    """A non-stock item, such as the dunning fee charged with a dunning letter."""

    __tablename__ = "non_stock_item"

    item_id: Mapped[code30] = mapped_column(unique=True)
    description: Mapped[text255]
    active: Mapped[bool] = mapped_column(default=True)


unique_regardless_of_case(NonStockItem.item_id)
