"""Contact persons of customers (Contacts, CR302000; AR303000's Contacts tab).

- A contact needs a last name; its e-mail must be an e-mail address.
- A contact saved without a Contact ID takes the next free number.
- One active contact per customer is its default: a customer's first active contact becomes the
  default, Set as default moves the mark (one transaction, never to an inactive contact), and the
  default cannot be deactivated, deleted or moved to another customer while the customer has
  other active contacts (the mark is moved first).
- The customer's contacts are the recipients a mailing can name (``CUSTOMER_CONTACTS``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, inspect, select, update
from sqlalchemy.orm import Session

from app.ledger.geography import postcode_problem
from app.ledger.records import (
    FieldError,
    RecordError,
    RecordService,
    ScreenRules,
    StaleRecordError,
    is_blank,
    value_at,
)
from app.models import ContactPerson, Customer
from app.models.database import Store

CONTACT_ID = "contact_id"
CUSTOMER = "customer"
# The Contacts grid of AR303000: the customer's contacts, shown only (edited on CR302000).
CONTACTS = "contacts"


def contact_rows(
    session: Session, customer_id: int, columns: Mapping[str, str]
) -> list[dict[str, Any]]:
    """The customer's contacts as AR303000's Contacts grid lists them (by name): ``columns``
    maps each column's key to the contact's attribute."""
    contacts = session.scalars(
        select(ContactPerson)
        .where(ContactPerson.customer_id == customer_id)
        .order_by(ContactPerson.last_name, ContactPerson.first_name, ContactPerson.id)
    ).all()
    return [
        {"id": contact.id} | {key: value_at(contact, attr) for key, attr in columns.items()}
        for contact in contacts
    ]


def _other_active(session: Session, contact: ContactPerson) -> int:
    """How many other active contacts the contact's customer has."""
    return int(
        session.scalar(
            select(func.count())
            .select_from(ContactPerson)
            .where(
                ContactPerson.customer_id == contact.customer_id,
                ContactPerson.id != contact.id,
                ContactPerson.active.is_(True),
            )
        )
        or 0
    )


def _has_default(session: Session, customer_id: int, besides: int | None) -> bool:
    stmt = select(ContactPerson.id).where(
        ContactPerson.customer_id == customer_id, ContactPerson.is_default.is_(True)
    )
    if besides is not None:
        stmt = stmt.where(ContactPerson.id != besides)
    return session.scalar(stmt.limit(1)) is not None


def _customer_no(session: Session, customer_id: int | None) -> str:
    customer = session.get(Customer, customer_id) if customer_id is not None else None
    return customer.customer_no if customer is not None else "?"


class ContactService(RecordService[ContactPerson]):
    noun = "contact"

    def __init__(self, store: Store, rules: ScreenRules | None = None) -> None:
        from app.ledger.definitions.contact import CONTACT

        super().__init__(store, ContactPerson, rules or CONTACT.rules(), (CONTACT_ID,))

    # -- validating ----------------------------------------------------------------------------

    def validate(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        errors = super().validate(session, record_id, values)
        number = values.get(CONTACT_ID)
        rule = self.rules[CONTACT_ID]
        if record_id is not None and is_blank(number):
            errors.insert(0, FieldError(rule.key, rule.label, "a value is required."))
        elif isinstance(number, int) and number <= 0:
            errors.insert(0, FieldError(rule.key, rule.label, "a number above 0."))
        return errors

    def check(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        errors: list[FieldError] = []
        problem = postcode_problem(session, values.get("country"), values.get("postcode"))
        if problem and "postcode" in self.rules:
            errors.append(FieldError("postcode", self.rules["postcode"].label, problem))
        return errors + self._default_problems(session, record_id, values)

    def _default_problems(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        contact = session.get(ContactPerson, record_id) if record_id is not None else None
        if contact is None or not contact.is_default:
            return []
        # The default contact stays its customer's default while the customer has others.
        leaving = CUSTOMER in values and values[CUSTOMER] != contact.customer_id
        retiring = contact.active and "active" in values and not values["active"]
        if not (leaving or retiring) or not _other_active(session, contact):
            return []
        what = "moved to another customer" if leaving else "deactivated"
        key = CUSTOMER if leaving else "active"
        return [
            FieldError(
                key,
                self.rules[key].label,
                f"this is customer {_customer_no(session, contact.customer_id)}'s default contact "
                f"and cannot be {what}: make another contact the default first (Set as default "
                "on the Contacts tab of Customers, or here).",
            )
        ]

    # -- writing -------------------------------------------------------------------------------

    def before_save(
        self, session: Session, record: ContactPerson, values: Mapping[str, Any], *, is_new: bool
    ) -> None:
        with session.no_autoflush:
            if is_new and record.contact_id is None:
                highest = session.scalar(select(func.max(ContactPerson.contact_id)))
                record.contact_id = (highest or 0) + 1
            self._keep_one_default(session, record, is_new=is_new)

    def _keep_one_default(self, session: Session, record: ContactPerson, *, is_new: bool) -> None:
        """The mark goes with the contact only while it is its customer's active contact; a
        customer's first active contact takes it."""
        moved = not is_new and _customer_changed(record)
        if record.is_default and (not record.active or moved or record.customer_id is None):
            record.is_default = False
        if (
            record.customer_id is not None
            and record.active
            and not record.is_default
            and not _has_default(session, record.customer_id, None if is_new else record.id)
        ):
            record.is_default = True

    def delete_refusal(self, session: Session, record: ContactPerson) -> str | None:
        if record.is_default and _other_active(session, record):
            return (
                f"Contact {record.contact_id} is customer "
                f"{_customer_no(session, record.customer_id)}'s default contact and cannot be "
                "deleted: make another contact the default first (Set as default)."
            )
        return None

    def describe(self, record: ContactPerson) -> str:
        return f"Contact {record.contact_id} ({record.last_name})"

    def set_as_default(self, contact_id: int, customer_id: int | None = None) -> None:
        """Make this contact its customer's only default contact (one transaction). With
        ``customer_id`` (the customer a screen shows) the contact must still be that
        customer's."""
        with self.store.transaction() as session:
            contact = session.get(ContactPerson, contact_id)
            if contact is None:
                raise StaleRecordError("The contact no longer exists.")
            if customer_id is not None and contact.customer_id != customer_id:
                raise StaleRecordError(
                    f"Contact {contact.contact_id} was moved to another customer on another "
                    "screen; nothing was changed."
                )
            if contact.customer_id is None:
                raise RecordError("A contact of no customer cannot be a default contact.")
            if not contact.active:
                raise RecordError("An inactive contact cannot be the default contact.")
            # Written as the marks only: a screen open on one of these contacts saves its
            # changes without undoing the move (the mark is never written by a contact's save).
            session.execute(
                update(ContactPerson)
                .where(ContactPerson.customer_id == contact.customer_id)
                .values(is_default=ContactPerson.id == contact.id)
            )


def _customer_changed(record: ContactPerson) -> bool:
    """Whether the save gives the contact another customer (or none)."""
    before: tuple[Any, ...] = tuple(inspect(record).attrs.customer_id.history.deleted or ())
    return bool(before) and before[0] != record.customer_id
