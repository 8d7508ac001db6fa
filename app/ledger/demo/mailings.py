"""The demo company's customer mailings (AR303000 Mailing settings): each customer its class's
mailings with their recipients, as a new customer of the class gets them; for some companies an
extra recipient on the STATEMENT mailing naming one of their own active contact persons (a copy
of the statement to the accountant), which makes the mailing Overridden; for the first such
customer of a run also its INVOICE mailing sent as HTML (Overridden as well).

Everything as AR303000 would save it (app/ledger/customer_mailings.py): Overridden exactly when
the mailing differs from the class's, a Contact recipient names a contact of the customer, To or
Bcc and never both.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.ledger.customer_mailings import (
    BCC,
    CONTACT_ID,
    CONTACT_TYPE,
    OVERRIDDEN,
    RECIPIENTS,
    TO,
    class_rows,
)
from app.ledger.demo.bulk import insert_rows, insert_rows_ids
from app.models import ContactPerson, CustomerMailing, CustomerRecipient
from app.models.options import ContactType, MailingFormat

# The share of companies with contacts whose statements also go to one of those contacts.
EXTRA_RECIPIENT = 0.25


class Written(Protocol):
    """What the mailings of a written customer need: its id and class."""

    @property
    def id(self) -> int: ...
    @property
    def class_code(self) -> str: ...


class MailingWriter:
    """The mailing and recipient rows of each batch of customers."""

    def __init__(self, session: Session, classes: dict[str, int], pick: random.Random) -> None:
        self.session = session
        self.pick = pick
        self.of_class = {code: class_rows(session, class_id) for code, class_id in classes.items()}
        self.html_invoice_given = False
        self.mailings = 0
        self.overridden = 0

    def write(self, customers: Sequence[Written]) -> None:
        contacts: dict[int, list[int]] = {}
        for person_id, customer_id in self.session.execute(
            select(ContactPerson.id, ContactPerson.customer_id)
            .where(
                ContactPerson.customer_id.in_([c.id for c in customers]),
                ContactPerson.active.is_(True),
            )
            .order_by(ContactPerson.id)
        ):
            if customer_id is not None:
                contacts.setdefault(customer_id, []).append(person_id)
        mailings: list[dict[str, Any]] = []
        recipients: list[list[dict[str, Any]]] = []
        for customer in customers:
            for row in self._rows(customer, contacts.get(customer.id, [])):
                mailings.append(
                    {
                        "customer_id": customer.id,
                        "mailing_id": row["mailing_id"],
                        "branch_id": row["branch"],
                        "email_account_id": row["email_account"],
                        "report_id": row["report"],
                        "notification_template_id": row["notification_template"],
                        "format": row["format"],
                        "active": row["active"],
                        "overridden": row[OVERRIDDEN],
                    }
                )
                recipients.append(row[RECIPIENTS])
                self.overridden += row[OVERRIDDEN]
        ids = insert_rows_ids(self.session, _table(CustomerMailing), mailings)
        self.mailings += len(ids)
        insert_rows(
            self.session,
            _table(CustomerRecipient),
            [
                {
                    "customer_mailing_id": mailing_id,
                    "contact_type": recipient[CONTACT_TYPE],
                    "employee_id": (
                        recipient[CONTACT_ID]
                        if recipient[CONTACT_TYPE] == ContactType.EMPLOYEE
                        else None
                    ),
                    "contact_person_id": (
                        recipient[CONTACT_ID]
                        if recipient[CONTACT_TYPE] == ContactType.CONTACT
                        else None
                    ),
                    "format": recipient["format"],
                    "active": recipient["active"],
                    "to": recipient[TO],
                    "bcc": recipient[BCC],
                }
                for mailing_id, rows in zip(ids, recipients, strict=True)
                for recipient in rows
            ],
        )

    def _rows(self, customer: Written, contacts: list[int]) -> list[dict[str, Any]]:
        """The class's mailings; a statement copy to one of the customer's contacts (a Cc, in
        PDF) for some; the run's first such customer's invoices as HTML."""
        rows = [dict(row) for row in self.of_class.get(customer.class_code, [])]
        if not contacts or self.pick.random() >= EXTRA_RECIPIENT:
            return rows
        for row in rows:
            if row["mailing_id"] == "STATEMENT":
                row[RECIPIENTS] = [
                    *row[RECIPIENTS],
                    {
                        CONTACT_TYPE: ContactType.CONTACT,
                        CONTACT_ID: self.pick.choice(contacts),
                        "format": MailingFormat.PDF,
                        "active": True,
                        TO: False,
                        BCC: False,
                    },
                ]
                row[OVERRIDDEN] = True
            elif row["mailing_id"] == "INVOICE" and not self.html_invoice_given:
                html = row["format"] != MailingFormat.HTML
                row["format"] = MailingFormat.HTML if html else MailingFormat.PDF
                row[OVERRIDDEN] = True
                self.html_invoice_given = True
        return rows


def _table(model: Any) -> Any:
    return model.__table__
