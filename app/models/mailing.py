"""Mailings and their recipients: the defaults of AR101000 (Reporting settings), of each
customer class (AR201000 Mailing settings) and each customer's own copies (AR303000 Mailing
settings: its class's mailings, marked Overridden once they differ: app/ledger/customer_mailings).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base
from app.models.options import ContactType, MailingFormat

if TYPE_CHECKING:
    from app.models.customer import Customer
    from app.models.people import ContactPerson


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


class CustomerRecipient(RecipientColumns, Base):
    """A recipient of one of the customer's mailings: a contact type, with the employee
    (Employee) or the customer's own contact person (Contact) it names; To or Bcc."""

    __tablename__ = "customer_recipient"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_mailing_id: Mapped[int] = mapped_column(
        ForeignKey("customer_mailing.id", ondelete="CASCADE"), index=True
    )
    contact_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("contact_person.id"), index=True
    )
    to: Mapped[bool] = mapped_column(default=True)

    contact_person: Mapped[ContactPerson | None] = relationship()

    @property
    def contact_id(self) -> int | None:
        """The Contact ID column: the employee of an Employee recipient, the contact person of
        a Contact one; nothing for the other types."""
        if self.contact_type == ContactType.EMPLOYEE:
            return self.employee_id
        if self.contact_type == ContactType.CONTACT:
            return self.contact_person_id
        return None

    @contact_id.setter
    def contact_id(self, value: int | None) -> None:
        # The contact type is written first (the grid's column order); the other reference goes.
        employee = self.contact_type == ContactType.EMPLOYEE
        contact = self.contact_type == ContactType.CONTACT
        self.employee_id = value if employee else None
        self.contact_person_id = value if contact else None

    @property
    def email(self) -> str | None:
        """Shown read-only: the ledger resolves it (app/ledger/customer_mailings.py)."""
        return None


class CustomerMailing(MailingColumns, Base):
    """One of the customer's mailings: a copy of its class's (``overridden`` once it differs
    from the class's mailing of the same ID and branch) or one of its own (always overridden)."""

    __tablename__ = "customer_mailing"
    __table_args__ = (UniqueConstraint("customer_id", "mailing_id", "branch_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    branch_id: Mapped[int | None] = mapped_column(ForeignKey("branch.id"))
    overridden: Mapped[bool] = mapped_column(default=False)

    # Read with their mailings in one query: a customer's mailings are shown with all of them.
    recipients: Mapped[list[CustomerRecipient]] = relationship(
        cascade="all, delete-orphan", order_by=CustomerRecipient.id, lazy="selectin"
    )
    customer: Mapped[Customer] = relationship(back_populates="mailings")
