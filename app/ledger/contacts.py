"""Contact persons of business accounts (Contacts, CR302000; the Contacts tabs of AR303000 and
AP303000).

- A contact needs a last name; its e-mail must be an e-mail address.
- A contact saved without a Contact ID takes the next free number.
- The contacts are the business account's, one set both sides show: a customer's
  (``customer_id``) — for a customer-and-supplier account the supplier lists the same rows —
  or, on an account without a customer, its supplier's (``supplier_id``). A contact is stored
  with one of them: a contact made for a supplier that has a customer is the customer's.
- One active contact per account is its default: its first active contact becomes the default,
  Set as default moves the mark (one transaction, never to an inactive contact), and the
  default cannot be deactivated, deleted or moved to another customer while the account has
  other active contacts (the mark is moved first).
- The customer's contacts are the recipients a mailing can name (``CUSTOMER_CONTACTS``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import ColumnElement, false, func, inspect, select, update
from sqlalchemy.orm import Session

from app.ledger import webhooks
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
from app.models import ContactPerson, Customer, Supplier
from app.models.database import Store

CONTACT_ID = "contact_id"
CUSTOMER = "customer"
# The supplier of the contact's business account (shown); a new contact made for a supplier
# without a customer carries it under FOR_SUPPLIER (AP303000's Add contact).
SUPPLIER = "supplier"
FOR_SUPPLIER = "for_supplier"
# The Contacts grid of AR303000: the customer's contacts, shown only (edited on CR302000).
CONTACTS = "contacts"


def of_account(customer_id: int | None, supplier_id: int | None) -> ColumnElement[bool]:
    """The contacts of a business account: its customer's when it has one, else its
    supplier's (none of an account of neither)."""
    if customer_id is not None:
        return ContactPerson.customer_id == customer_id
    if supplier_id is not None:
        return ContactPerson.supplier_id == supplier_id
    return false()


def contact_rows(
    session: Session, customer_id: int, columns: Mapping[str, str]
) -> list[dict[str, Any]]:
    """The customer's contacts as AR303000's Contacts grid lists them (by name): ``columns``
    maps each column's key to the contact's attribute."""
    return account_contact_rows(session, customer_id, None, columns)


def account_contact_rows(
    session: Session, customer_id: int | None, supplier_id: int | None, columns: Mapping[str, str]
) -> list[dict[str, Any]]:
    """The business account's contacts as a Contacts grid lists them (by name)."""
    contacts = session.scalars(
        select(ContactPerson)
        .where(of_account(customer_id, supplier_id))
        .order_by(ContactPerson.last_name, ContactPerson.first_name, ContactPerson.id)
    ).all()
    return [
        {"id": contact.id} | {key: value_at(contact, attr) for key, attr in columns.items()}
        for contact in contacts
    ]


def _other_active(session: Session, contact: ContactPerson) -> int:
    """How many other active contacts the contact's business account has."""
    return int(
        session.scalar(
            select(func.count())
            .select_from(ContactPerson)
            .where(
                of_account(contact.customer_id, contact.supplier_id),
                ContactPerson.id != contact.id,
                ContactPerson.active.is_(True),
            )
        )
        or 0
    )


def _has_default(session: Session, contact: ContactPerson, besides: int | None) -> bool:
    stmt = select(ContactPerson.id).where(
        of_account(contact.customer_id, contact.supplier_id), ContactPerson.is_default.is_(True)
    )
    if besides is not None:
        stmt = stmt.where(ContactPerson.id != besides)
    return session.scalar(stmt.limit(1)) is not None


def _account_name(session: Session, contact: ContactPerson) -> str:
    """``customer 10001`` or ``supplier 20001``: the account the contact is of."""
    if contact.customer_id is None and contact.supplier_id is not None:
        supplier = session.get(Supplier, contact.supplier_id)
        return f"supplier {supplier.supplier_no if supplier is not None else '?'}"
    customer = session.get(Customer, contact.customer_id) if contact.customer_id else None
    return f"customer {customer.customer_no if customer is not None else '?'}"


class ContactService(RecordService[ContactPerson]):
    noun = "contact"

    def __init__(self, store: Store, rules: ScreenRules | None = None) -> None:
        from app.ledger.definitions.contact import CONTACT

        super().__init__(store, ContactPerson, rules or CONTACT.rules(), (CONTACT_ID,))
        # A contact person saved, deactivated, moved or deleted is a change of its customer:
        # Entity updated in a notified customer's change log (a supplier's own: no customer).
        self.change_log = webhooks.PartLog(CONTACT, contact_name)

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
                f"this is {_account_name(session, contact)}'s default contact "
                f"and cannot be {what}: make another contact the default first (Set as default "
                "on the Contacts tab of Customers, or here).",
            )
        ]

    # -- writing -------------------------------------------------------------------------------

    def values_of(self, session: Session, record: ContactPerson) -> dict[str, Any]:
        values = super().values_of(session, record)
        if SUPPLIER in self.rules:
            values[SUPPLIER] = _account_supplier(session, record)
        return values

    def before_save(
        self, session: Session, record: ContactPerson, values: Mapping[str, Any], *, is_new: bool
    ) -> None:
        with session.no_autoflush:
            self._belong_to_account(session, record, values, is_new=is_new)
            if is_new and record.contact_id is None:
                highest = session.scalar(select(func.max(ContactPerson.contact_id)))
                record.contact_id = (highest or 0) + 1
            self._keep_one_default(session, record, is_new=is_new)

    def _belong_to_account(
        self, session: Session, record: ContactPerson, values: Mapping[str, Any], *, is_new: bool
    ) -> None:
        """A contact is stored with one account side: its customer's once it has one; a new
        contact made for a supplier is the supplier's customer's if it has one."""
        supplier_id = values.get(FOR_SUPPLIER)
        if is_new and isinstance(supplier_id, int) and record.customer_id is None:
            supplier = session.get(Supplier, supplier_id)
            if supplier is None:
                raise StaleRecordError(
                    "The supplier was deleted on another screen since this contact was started "
                    "for it. Nothing was saved."
                )
            if supplier.customer_id is not None:
                record.customer_id = supplier.customer_id
            else:
                record.supplier_id = supplier.id
        if record.customer_id is not None:
            record.supplier_id = None

    def _keep_one_default(self, session: Session, record: ContactPerson, *, is_new: bool) -> None:
        """The mark goes with the contact only while it is its account's active contact; an
        account's first active contact takes it."""
        moved = not is_new and _customer_changed(record)
        of_none = record.customer_id is None and record.supplier_id is None
        if record.is_default and (not record.active or moved or of_none):
            record.is_default = False
        if (
            not of_none
            and record.active
            and not record.is_default
            and not _has_default(session, record, None if is_new else record.id)
        ):
            record.is_default = True

    def delete_refusal(self, session: Session, record: ContactPerson) -> str | None:
        if record.is_default and _other_active(session, record):
            return (
                f"Contact {record.contact_id} is {_account_name(session, record)}'s default "
                "contact and cannot be deleted: make another contact the default first (Set as "
                "default)."
            )
        return None

    def describe(self, record: ContactPerson) -> str:
        return contact_name(record)

    def set_as_default(
        self, contact_id: int, customer_id: int | None = None, supplier_id: int | None = None
    ) -> None:
        """Make this contact its account's only default contact (one transaction). With
        ``customer_id`` or ``supplier_id`` (the account a screen shows) the contact must still
        be that account's."""
        with self.store.transaction() as session:
            contact = session.get(ContactPerson, contact_id)
            if contact is None:
                raise StaleRecordError("The contact no longer exists.")
            moved = (customer_id is not None and contact.customer_id != customer_id) or (
                supplier_id is not None and contact.supplier_id != supplier_id
            )
            if moved:
                raise StaleRecordError(
                    f"Contact {contact.contact_id} was moved to another account on another "
                    "screen; nothing was changed."
                )
            if contact.customer_id is None and contact.supplier_id is None:
                raise RecordError(
                    "A contact of no customer or supplier cannot be a default contact."
                )
            if not contact.active:
                raise RecordError("An inactive contact cannot be the default contact.")
            # Written as the marks only: a screen open on one of these contacts saves its
            # changes without undoing the move (the mark is never written by a contact's save).
            previous = session.scalar(
                select(ContactPerson)
                .where(
                    of_account(contact.customer_id, contact.supplier_id),
                    ContactPerson.is_default.is_(True),
                )
                .limit(1)
            )
            session.execute(
                update(ContactPerson)
                .where(of_account(contact.customer_id, contact.supplier_id))
                .values(is_default=ContactPerson.id == contact.id)
            )
            customer = session.get(Customer, contact.customer_id) if contact.customer_id else None
            if customer is not None and previous is not contact:
                webhooks.log_field_changed(
                    session,
                    customer,
                    "default_contact",
                    "Default contact",
                    contact_name(previous) if previous is not None else None,
                    contact_name(contact),
                )


def contact_name(record: ContactPerson) -> str:
    """``Contact 12 (Nordmann)``: how a user names a contact person."""
    return f"Contact {record.contact_id} ({record.last_name})"


def _account_supplier(session: Session, contact: ContactPerson) -> int | None:
    """The supplier of the contact's business account, if the account has one."""
    if contact.supplier_id is not None:
        return contact.supplier_id
    if contact.customer_id is None:
        return None
    return session.scalar(select(Supplier.id).where(Supplier.customer_id == contact.customer_id))


def _customer_changed(record: ContactPerson) -> bool:
    """Whether the save gives the contact another customer (or none)."""
    before: tuple[Any, ...] = tuple(inspect(record).attrs.customer_id.history.deleted or ())
    return bool(before) and before[0] != record.customer_id
