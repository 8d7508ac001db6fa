"""Mailings and their recipients: the defaults of AR101000 (Reporting settings) and of each
customer class (Mailing settings). Customers get their own copies in a later revision."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.options import ContactType, MailingFormat


class MailingColumns:
    """What every mailing row holds: which mailing, from which account, with which content.

    (SQLAlchemy copies a mixin's columns, foreign keys included, into each table.)"""

    mailing_id: Mapped[str] = mapped_column(String(30))

    email_account_id: Mapped[int | None] = mapped_column(ForeignKey("email_account.id"))

    report_id: Mapped[int | None] = mapped_column(ForeignKey("report.id"))

    notification_template_id: Mapped[int | None] = mapped_column(
        ForeignKey("notification_template.id")
    )

    format: Mapped[MailingFormat] = mapped_column(default=MailingFormat.PDF)
    active: Mapped[bool] = mapped_column(default=True)


class RecipientColumns:
    """Who receives a mailing: a contact type, or one employee when the type is Employee."""

    contact_type: Mapped[ContactType] = mapped_column(default=ContactType.PRIMARY)

    employee_id: Mapped[int | None] = mapped_column(ForeignKey("employee.id"))

    format: Mapped[MailingFormat] = mapped_column(default=MailingFormat.PDF)
    active: Mapped[bool] = mapped_column(default=True)
    bcc: Mapped[bool] = mapped_column(default=False)
