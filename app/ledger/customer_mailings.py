"""The customer's mailings (AR303000 Mailing settings): copies of its class's mailings, each
marked Overridden once it differs from the class's, and mailings of its own.

- A new customer gets its class's mailings with their recipients (a class recipient is a To
  recipient unless it is a Bcc one: the class has no To column).
- A save marks each mailing Overridden when its settings or recipients differ from the class's
  mailing of the same Mailing ID and branch, or when the class has no such mailing (the
  customer's own); a mailing made equal to the class's again is no longer Overridden.
- Revert to class mailings gives every mailing the class has its settings and recipients again.
- Changing the customer's class: mailings not Overridden are replaced by the new class's;
  Overridden ones are kept.
- Changes to a class's mailings reach its customers' mailings that are not Overridden, in the
  class's save (DESIGN.md §4 otherwise keeps class changes from existing customers: a mailing
  not Overridden is by definition the class's, which is what the mark is for).
- A mailing the class gives cannot be removed from its customer: clearing its Active box stops
  it (and marks it Overridden), so a later change of the class does not bring it back unasked.
- Recipients: Employee names an employee, Contact one of this customer's contacts, the other
  types nobody (the customer's contact of that role, or the document's); To or Bcc, not both.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.ledger import webhooks
from app.ledger.class_mailings import BRANCH, MAILING_ID, mailing_errors
from app.ledger.class_mailings import RECIPIENTS as RECIPIENTS
from app.ledger.records import FieldError, is_blank, value_at
from app.models import (
    ClassMailing,
    ContactPerson,
    Customer,
    CustomerClass,
    CustomerMailing,
    CustomerRecipient,
    Employee,
)
from app.models.options import ContactType

MAILINGS = "mailings"
OVERRIDDEN = "overridden"
CONTACT_TYPE = "contact_type"
CONTACT_ID = "contact_id"
EMAIL = "email"
TO = "to"
BCC = "bcc"
# A mailing's settings and a recipient's, as a Mailings / Recipients row holds them.
SETTINGS = ("email_account", "report", "notification_template", "format", "active")
RECIPIENT_SETTINGS = (CONTACT_TYPE, CONTACT_ID, "format", "active", TO, BCC)
# The customer's field showing the e-mail of the contact of each role (as shown, saved or not).
ROLE_EMAIL: dict[Any, str] = {
    ContactType.PRIMARY: "main_contact_email",
    ContactType.INVOICING: "invoice_contact_email",
    ContactType.SHIPPING: "shipping_contact_email",
}
# The same, read from a stored customer: the invoice contact is the main one while Same as main
# (one shared row), the shipping contact the default location's.
ROLE_PATH = {
    ContactType.PRIMARY: "main_contact.email",
    ContactType.INVOICING: "invoice_contact.email",
    ContactType.SHIPPING: "default_location.contact.email",
}
REVERT_HELP = (
    "Gives every mailing the customer's class has (Customer classes, AR201000) the class's "
    "settings and recipients again, so it is no longer Overridden and follows later changes of "
    "the class; the customer's own mailings stay. Nothing is stored until you save."
)

Row = dict[str, Any]


def identity(row: Mapping[str, Any]) -> tuple[str, Any]:
    """What a mailing is: its Mailing ID (regardless of case) for a branch (or all)."""
    return (str(row.get(MAILING_ID) or "").strip().casefold(), row.get(BRANCH))


def _class_row(mailing: ClassMailing) -> Row:
    return {
        "id": None,
        MAILING_ID: mailing.mailing_id,
        BRANCH: mailing.branch_id,
        "email_account": mailing.email_account_id,
        "report": mailing.report_id,
        "notification_template": mailing.notification_template_id,
        "format": mailing.format,
        "active": mailing.active,
        OVERRIDDEN: False,
        RECIPIENTS: [
            {
                "id": None,
                CONTACT_TYPE: recipient.contact_type,
                CONTACT_ID: recipient.employee_id,
                EMAIL: None,
                "format": recipient.format,
                "active": recipient.active,
                TO: not recipient.bcc,
                BCC: recipient.bcc,
            }
            for recipient in mailing.recipients
        ],
    }


def class_rows(session: Session, class_id: Any) -> list[Row]:
    """The class's mailings as a customer's Mailings rows (not Overridden)."""
    if not isinstance(class_id, int):
        return []
    mailings = session.scalars(
        select(ClassMailing)
        .where(ClassMailing.customer_class_id == class_id)
        .order_by(ClassMailing.id)
    )
    return [_class_row(mailing) for mailing in mailings]


def _settings(row: Mapping[str, Any]) -> tuple[Any, ...]:
    return tuple(row.get(key) for key in SETTINGS)


def _recipients(row: Mapping[str, Any]) -> Counter[tuple[Any, ...]]:
    """The recipients as a multiset: their order means nothing."""
    return Counter(
        tuple(
            bool(recipient.get(key)) if key in ("active", TO, BCC) else recipient.get(key)
            for key in RECIPIENT_SETTINGS
        )
        for recipient in row.get(RECIPIENTS) or []
    )


def same_as(row: Mapping[str, Any], class_row: Mapping[str, Any]) -> bool:
    """Whether a customer's mailing has the class mailing's settings and recipients."""
    return _settings(row) == _settings(class_row) and _recipients(row) == _recipients(class_row)


def marked(rows: Iterable[Row], by_class: Iterable[Row]) -> list[Row]:
    """The rows with Overridden set as they compare with the class's mailings."""
    classes = {identity(row): row for row in by_class}
    return [
        row | {OVERRIDDEN: identity(row) not in classes or not same_as(row, classes[identity(row)])}
        for row in rows
    ]


def _as_class(row: Row, class_row: Row) -> Row:
    """The customer's row (its id kept) with the class mailing's settings and recipients; its
    recipients' e-mails as shown, where the same recipient is kept."""
    shown = {
        (recipient.get(CONTACT_TYPE), recipient.get(CONTACT_ID)): recipient.get(EMAIL)
        for recipient in row.get(RECIPIENTS) or []
    }
    recipients = [
        recipient | {EMAIL: shown.get((recipient[CONTACT_TYPE], recipient[CONTACT_ID]))}
        for recipient in class_row[RECIPIENTS]
    ]
    return class_row | {"id": row.get("id"), RECIPIENTS: recipients}


def reverted(rows: list[Row], by_class: list[Row]) -> list[Row]:
    """Revert to class mailings: each mailing the class has takes the class's settings and
    recipients (one the customer lacks is added); the customer's own stay as they are."""
    classes = {identity(row): row for row in by_class}
    result: list[Row] = []
    for row in rows:
        class_row = classes.pop(identity(row), None)
        result.append(_as_class(row, class_row) if class_row is not None else row)
    return result + list(classes.values())


def followed(rows: list[Row], by_class: list[Row]) -> list[Row]:
    """The rows after the customer's class changed to the class of ``by_class``: Overridden
    mailings kept; the others become the new class's (or go, when it lacks them); the new
    class's other mailings added."""
    classes = {identity(row): row for row in by_class}
    result: list[Row] = []
    for row in rows:
        if row.get(OVERRIDDEN):
            result.append(row)
            classes.pop(identity(row), None)
            continue
        class_row = classes.pop(identity(row), None)
        if class_row is not None:
            result.append(_as_class(row, class_row))
    return result + list(classes.values())


# -- e-mail addresses ----------------------------------------------------------------------


def email_of(session: Session, row: Mapping[str, Any], role_emails: Mapping[Any, Any]) -> Any:
    """A recipient's e-mail address: the employee's, the contact person's, or the customer's
    contact of the row's role (``role_emails``: contact type → address); none for Document
    contact (the document's contact, resolved per document)."""
    contact_type, contact_id = row.get(CONTACT_TYPE), row.get(CONTACT_ID)
    if contact_type == ContactType.EMPLOYEE:
        employee = session.get(Employee, contact_id) if isinstance(contact_id, int) else None
        return employee.email if employee is not None else None
    if contact_type == ContactType.CONTACT:
        person = session.get(ContactPerson, contact_id) if isinstance(contact_id, int) else None
        return person.email if person is not None else None
    return role_emails.get(contact_type)


def shown_role_emails(values: Mapping[str, Any]) -> dict[ContactType, Any]:
    """The role contacts' e-mails as the customer's fields show them."""
    return {role: values.get(key) for role, key in ROLE_EMAIL.items()}


def stored_role_emails(customer: Customer) -> dict[ContactType, Any]:
    """The role contacts' e-mails of the customer as stored."""
    return {role: value_at(customer, path) for role, path in ROLE_PATH.items()}


def with_emails(session: Session, rows: list[Row], role_emails: Mapping[Any, Any]) -> list[Row]:
    """The rows with each recipient's e-mail resolved."""
    return [
        row
        | {
            RECIPIENTS: [
                recipient | {EMAIL: email_of(session, recipient, role_emails)}
                for recipient in row.get(RECIPIENTS) or []
            ]
        }
        for row in rows
    ]


# -- rules -----------------------------------------------------------------------------------


def _customer_contacts(session: Session, customer_id: int | None) -> set[int]:
    if customer_id is None:
        return set()
    return set(
        session.scalars(select(ContactPerson.id).where(ContactPerson.customer_id == customer_id))
    )


def recipient_problems(
    session: Session, where: str, rows: list[Row], contacts: set[int]
) -> list[tuple[str, str]]:
    """Each (where, problem) of a mailing's recipients: the Contact ID its type asks for (a
    Contact one of ``contacts``, the customer's), To or Bcc."""
    problems: list[tuple[str, str]] = []
    for number, row in enumerate(rows, start=1):
        at = f"{where}, row {number}"
        contact_type, contact_id = row.get(CONTACT_TYPE), row.get(CONTACT_ID)
        if contact_type == ContactType.EMPLOYEE:
            if is_blank(contact_id):
                problems.append((f"{at}, Contact ID", "select the employee who receives it."))
            elif session.get(Employee, contact_id) is None:
                problems.append((f"{at}, Contact ID", "not an employee of the company."))
        elif contact_type == ContactType.CONTACT:
            if is_blank(contact_id):
                problems.append(
                    (f"{at}, Contact ID", "select the contact of this customer who receives it.")
                )
            elif contact_id not in contacts:
                problems.append((f"{at}, Contact ID", "choose one of this customer's contacts."))
        elif not is_blank(contact_id):
            problems.append(
                (
                    f"{at}, Contact ID",
                    "can be specified only for the Employee and Contact contact types.",
                )
            )
        if row.get(TO) and row.get(BCC):
            problems.append((f"{at}, Bcc", "a recipient is either To or Bcc, not both."))
    return problems


def mailing_problems(
    session: Session,
    label: str,
    rows: list[Row],
    customer_id: int | None,
    class_id: Any,
    *,
    removed_checked: bool,
) -> list[FieldError]:
    """Every problem of the Mailings rows: a mailing sends something and is listed once per
    branch; its recipients' rules; a mailing of the class is not removed (``removed_checked``:
    the rows are the whole list a save writes)."""
    errors = [
        error
        for error in mailing_errors(MAILINGS, label, rows)
        if ", Recipients, row " not in error.label  # the customer's recipient rules, below
    ]
    contacts = _customer_contacts(session, customer_id)
    for number, row in enumerate(rows, start=1):
        where = f"{label}, row {number}, Recipients"
        errors.extend(
            FieldError(MAILINGS, at, problem)
            for at, problem in recipient_problems(
                session, where, row.get(RECIPIENTS) or [], contacts
            )
        )
    if removed_checked and isinstance(class_id, int):
        shown = {identity(row) for row in rows}
        customer_class = session.get(CustomerClass, class_id)
        for class_row in class_rows(session, class_id):
            if identity(class_row) not in shown:
                code = customer_class.class_id if customer_class is not None else ""
                errors.append(
                    FieldError(
                        MAILINGS,
                        f"{label}, {class_row[MAILING_ID]}",
                        f"the mailing comes from customer class {code} and cannot be removed; "
                        "clear its Active box to stop it.",
                    )
                )
    return errors


# -- the store -------------------------------------------------------------------------------


def _recipient_of(row: Mapping[str, Any]) -> CustomerRecipient:
    recipient = CustomerRecipient(
        contact_type=row[CONTACT_TYPE],
        format=row["format"],
        active=bool(row["active"]),
        to=bool(row[TO]),
        bcc=bool(row[BCC]),
    )
    recipient.contact_id = row.get(CONTACT_ID)
    return recipient


def _write(mailing: CustomerMailing, row: Mapping[str, Any]) -> None:
    """A stored mailing given a row's settings and recipients (its recipients made anew)."""
    mailing.mailing_id = row[MAILING_ID]
    mailing.branch_id = row[BRANCH]
    mailing.email_account_id = row["email_account"]
    mailing.report_id = row["report"]
    mailing.notification_template_id = row["notification_template"]
    mailing.format = row["format"]
    mailing.active = bool(row["active"])
    mailing.overridden = bool(row.get(OVERRIDDEN))
    if _recipients(stored_row(mailing)) != _recipients(row):  # else left as they are
        mailing.recipients[:] = [_recipient_of(recipient) for recipient in row[RECIPIENTS]]


def give_class_mailings(session: Session, customer: Customer) -> None:
    """A new customer saved without its Mailings rows (an import, the demo): its class's."""
    for row in class_rows(session, customer.customer_class_id):
        mailing = CustomerMailing()
        _write(mailing, row)
        customer.mailings.append(mailing)


def stored_row(mailing: CustomerMailing) -> Row:
    """A stored mailing as a row (to compare with the class's)."""
    return {
        MAILING_ID: mailing.mailing_id,
        BRANCH: mailing.branch_id,
        "email_account": mailing.email_account_id,
        "report": mailing.report_id,
        "notification_template": mailing.notification_template_id,
        "format": mailing.format,
        "active": mailing.active,
        RECIPIENTS: [
            {
                CONTACT_TYPE: recipient.contact_type,
                CONTACT_ID: recipient.contact_id,
                "format": recipient.format,
                "active": recipient.active,
                TO: recipient.to,
                BCC: recipient.bcc,
            }
            for recipient in mailing.recipients
        ],
    }


def _class_by_identity(session: Session, class_id: Any) -> dict[tuple[str, Any], Row]:
    return {identity(row): row for row in class_rows(session, class_id)}


def _identity_of(mailing: CustomerMailing) -> tuple[str, Any]:
    return identity({MAILING_ID: mailing.mailing_id, BRANCH: mailing.branch_id})


def mark_stored(session: Session, customer: Customer) -> None:
    """Each of the customer's mailings marked Overridden as it compares with its class's now."""
    by_class = _class_by_identity(session, customer.customer_class_id)
    for mailing in customer.mailings:
        class_row = by_class.get(_identity_of(mailing))
        overridden = class_row is None or not same_as(stored_row(mailing), class_row)
        if mailing.overridden != overridden:
            mailing.overridden = overridden


def follow_class(
    session: Session, customer: Customer, by_class: dict[tuple[str, Any], Row] | None = None
) -> bool:
    """The customer's mailings not Overridden become its class's (``by_class``, else read):
    changed, added, or removed with the class's. Whether anything changed."""
    if by_class is None:
        by_class = _class_by_identity(session, customer.customer_class_id)
    changed = False
    have = set()
    for mailing in list(customer.mailings):
        key = _identity_of(mailing)
        have.add(key)
        if mailing.overridden:
            continue
        class_row = by_class.get(key)
        if class_row is None:
            customer.mailings.remove(mailing)  # an orphan: deleted with its recipients
            changed = True
        elif not same_as(stored_row(mailing), class_row):
            _write(mailing, class_row)
            changed = True
    for key, class_row in by_class.items():
        if key not in have:
            mailing = CustomerMailing()
            _write(mailing, class_row)
            customer.mailings.append(mailing)
            changed = True
    return changed


def class_changed(session: Session, customer_class: CustomerClass) -> int:
    """The class's mailings as saved now reach its customers' mailings that are not Overridden
    (in the class's save). How many customers' mailings changed."""
    by_class = _class_by_identity(session, customer_class.id)
    # The customers with their mailings (and recipients) in three queries, not two a customer.
    customers = session.scalars(
        select(Customer)
        .where(Customer.customer_class_id == customer_class.id)
        .options(selectinload(Customer.mailings))
    )
    changed = 0
    # Nothing flushed half-made (a removed mailing's recipients load as it goes).
    with session.no_autoflush:
        for customer in customers.all():
            before = [stored_row(mailing) for mailing in customer.mailings]
            if not follow_class(session, customer, by_class):
                continue
            changed += 1
            # A notified customer's change log says its mailings changed with its class's.
            after = [stored_row(mailing) for mailing in customer.mailings]
            webhooks.log_grid_changed(session, customer, MAILINGS, before, after)
    return changed
