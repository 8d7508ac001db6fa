"""Supplier account rules (AP303000), and Extend to supplier.

A new supplier starts in the default supplier class with its currency and payment settings and
accounts. A supplier saved without a number takes the next number of the CUSTOMER series, which
numbers the business accounts of both sides, skipping numbers either side holds.

Extend to supplier (AR303000) starts a new supplier from a saved customer that is not yet a
supplier: its number and name, its main address and contact (the same rows, shared), its
default location's VAT zone, its document language and its attributes (copied: the supplier's
own values from then on), the rest from the default supplier class. Nothing is stored until the
supplier is saved; the save links the two sides, refused when the customer's shared values
changed since they were read (or it became a supplier).

The contact persons (CR302000) are the business account's: a customer-and-supplier account's
are its customer's rows, listed on both screens (app/ledger/contacts.py, ``account_contact_rows``).
Supplier classes ask for no attributes; a supplier's attribute is required when the class of
its customer requires it, checked as the customer's are (app/ledger/customer_attributes.py).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.ledger import customer_attributes, webhooks
from app.ledger.business_accounts import (
    account_number_in_use,
    customer_holder,
    supplier_of,
    supplier_type,
)
from app.ledger.change_id import change_supplier_no, customer_no_problem
from app.ledger.contacts import CONTACTS, account_contact_rows
from app.ledger.customer_attributes import ATTRIBUTES
from app.ledger.customer_deletion import delete_unused
from app.ledger.customers import _county_problem, numbering_problem
from app.ledger.geography import postcode_problem
from app.ledger.identifiers import web_problem
from app.ledger.numbering import CUSTOMER_SERIES, NumberingError, take_number
from app.ledger.records import (
    FieldError,
    RecordError,
    RecordService,
    ScreenRules,
    StaleRecordError,
    ValidationError,
    is_blank,
    value_at,
)
from app.ledger.validation import email_problem
from app.models import (
    Address,
    BusinessAccountType,
    Contact,
    Customer,
    Supplier,
    SupplierClass,
)
from app.models.database import Store

SUPPLIER_NO = "supplier_no"
SUPPLIER_NAME = "supplier_name"
SUPPLIER_CLASS = "supplier_class"
ACCOUNT_TYPE = "account_type"
# The values key naming the customer a new supplier is made for (Extend to supplier).
EXTENDS_CUSTOMER = "extends_customer"
# The parts of the business account both sides show: the supplier's field key → the customer's
# attribute path (the same rows, so the same keys on both screens).
SHARED_PARTS = ("main_address", "main_contact")
# Supplier class column → the supplier attribute it fills (the same name).
FROM_CLASS: tuple[str, ...] = (
    "currency_id",
    "currency_rate_type_id",
    "terms_id",
    "payment_method_id",
    "cash_account_id",
    "supplier_ledger_account_id",
    "supplier_ledger_sub_id",
    "expense_account_id",
    "expense_sub_id",
)


def default_supplier_class(session: Session) -> SupplierClass | None:
    return session.scalars(
        select(SupplierClass).where(SupplierClass.is_default.is_(True)).order_by(SupplierClass.id)
    ).first()


class SupplierService(RecordService[Supplier]):
    noun = "supplier"

    def __init__(self, store: Store, rules: ScreenRules | None = None) -> None:
        from app.ledger.definitions.supplier import SUPPLIER

        super().__init__(store, Supplier, rules or SUPPLIER.rules(), (SUPPLIER_NO,))
        # Field key → attribute of every field the supplier class fills.
        self.class_fields = {
            rule.key: rule.attr for rule in self.rules.values() if rule.attr in FROM_CLASS
        }
        # The fields showing the business account's shared parts, and their attribute paths.
        self.shared_fields = {
            rule.key: rule.attr
            for rule in self.rules.values()
            if rule.attr.split(".")[0] in SHARED_PARTS
        }
        # Its changes of what it shares with a customer are the customer's too (webhooks).
        self.change_log = webhooks.SharedLog(
            SUPPLIER,
            {
                key: "Main address" if attr.startswith("main_address") else "Main contact"
                for key, attr in self.shared_fields.items()
            },
        )
        # The Contacts grid's columns (key → attribute of a contact person).
        self.contact_columns = {
            column.key: column.attribute for column in SUPPLIER.grid(CONTACTS).columns
        }

    # -- reading -------------------------------------------------------------------------------

    def new_values(self) -> dict[str, Any]:
        """Column defaults, then the default supplier class and what it fills in."""
        values = super().new_values()
        with self.store.session() as session:
            found = default_supplier_class(session)
            if found is not None and SUPPLIER_CLASS in self.rules:
                values[SUPPLIER_CLASS] = found.id
                values |= self._class_values(session, found.id)
        values[ACCOUNT_TYPE] = None  # a business account once saved
        values[CONTACTS] = []  # added on CR302000 once the supplier is saved
        return values

    def values_of(self, session: Session, record: Supplier) -> dict[str, Any]:
        values = super().values_of(session, record)
        values[ACCOUNT_TYPE] = supplier_type(record.customer_id)
        values[CONTACTS] = account_contact_rows(
            session, record.customer_id, record.id, self.contact_columns
        )
        return values

    def contact_rows(self, supplier_id: int) -> list[dict[str, Any]]:
        """The Contacts grid's rows: the business account's contacts as stored now."""
        with self.store.session() as session:
            supplier = session.get(Supplier, supplier_id)
            if supplier is None:
                return []
            return account_contact_rows(
                session, supplier.customer_id, supplier.id, self.contact_columns
            )

    def class_values(self, class_id: Any) -> dict[str, Any]:
        """What choosing the class fills in (field key → value); empty for no class."""
        with self.store.session() as session:
            return self._class_values(session, class_id)

    def _class_values(self, session: Session, class_id: Any) -> dict[str, Any]:
        found = session.get(SupplierClass, class_id) if isinstance(class_id, int) else None
        if found is None:
            return {}
        return {key: getattr(found, attr) for key, attr in self.class_fields.items()}

    def extension_values(self, customer_id: int) -> dict[str, Any]:
        """A new supplier for the saved customer (Extend to supplier), not stored: the
        business account's number, name, main address and contact as read now, the default
        location's VAT zone and the document language, the rest a new supplier's."""
        values = self.new_values()
        with self.store.session() as session:
            customer = session.get(Customer, customer_id)
            if customer is None:
                raise StaleRecordError("The customer no longer exists.")
            if supplier_of(session, customer_id) is not None:
                raise RecordError(f"Customer {customer.customer_no} is a supplier already.")
            values |= {
                SUPPLIER_NO: customer.customer_no,
                SUPPLIER_NAME: customer.name,
                "document_language": customer.document_language_id,
            }
            location = customer.default_location
            if location is not None and location.vat_zone_id is not None:
                values["vat_zone"] = location.vat_zone_id
            values |= self.shared_with_customer(session, customer)
            if ATTRIBUTES in self.grids:
                values[ATTRIBUTES] = copied_attributes(session, customer)
        return values

    def shared_with_customer(self, session: Session, customer: Customer) -> dict[str, Any]:
        """The customer's values of the parts a supplier shares: main address and contact,
        and the contact persons (shown; they stay the customer's rows, so saving the supplier
        links nothing more than the account)."""
        shared = {key: value_at(customer, attr) for key, attr in self.shared_fields.items()}
        shared[CONTACTS] = account_contact_rows(session, customer.id, None, self.contact_columns)
        return shared

    def customer_of(self, supplier_id: int) -> int | None:
        """The customer of the supplier's business account, if it is one."""
        with self.store.session() as session:
            supplier = session.get(Supplier, supplier_id)
            return supplier.customer_id if supplier is not None else None

    def county_in_country(self, county_id: int, country_id: Any) -> bool:
        with self.store.session() as session:
            return _county_problem(session, county_id, country_id) is None

    # -- validating ----------------------------------------------------------------------------

    def validate(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        errors = super().validate(session, record_id, values)
        number = values.get(SUPPLIER_NO)
        problem: str | None = None
        if is_blank(number):
            if record_id is not None:
                problem = "a value is required."
            elif values.get(EXTENDS_CUSTOMER) is None:
                problem = numbering_problem(session)
        elif record_id is None and isinstance(number, str):
            flagged = any(error.key == SUPPLIER_NO for error in errors)
            problem = None if flagged else customer_no_problem(number)
        if problem:
            rule = self.rules[SUPPLIER_NO]
            errors.insert(0, FieldError(rule.key, rule.label, problem))
        return errors

    def check(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        problems: dict[str, str | None] = {
            "main_contact_email": email_problem(values.get("main_contact_email")),
            "main_contact_web": web_problem(values.get("main_contact_web")),
            "main_address_postcode": postcode_problem(
                session, values.get("main_address_country"), values.get("main_address_postcode")
            ),
            "main_address_county": _county_problem(
                session, values.get("main_address_county"), values.get("main_address_country")
            ),
        }
        problems[SUPPLIER_NO] = self._number_problem(session, record_id, values)
        return [
            FieldError(key, self.rules[key].label, problem)
            for key, problem in problems.items()
            if problem and key in self.rules
        ] + [
            FieldError(ATTRIBUTES, label, problem)
            for label, problem in self._attribute_problems(session, record_id, values)
        ]

    def _attribute_problems(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[tuple[str, str]]:
        """The attributes' values, checked as the customer's: required by its customer's class
        (as that class is now), a combo attribute's value one of the attribute's values."""
        if ATTRIBUTES not in self.grids or ATTRIBUTES not in values:
            return []
        customer_id = values.get(EXTENDS_CUSTOMER)
        if record_id is not None:
            saved = session.get(Supplier, record_id)
            customer_id = saved.customer_id if saved is not None else None
        customer = session.get(Customer, customer_id) if isinstance(customer_id, int) else None
        class_id = customer.customer_class_id if customer is not None else None
        return customer_attributes.row_problems(session, class_id, values.get(ATTRIBUTES) or [])

    def _number_problem(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> str | None:
        """The number must be no other account's; a customer's supplier keeps its number."""
        number = values.get(SUPPLIER_NO)
        if not isinstance(number, str) or is_blank(number):
            return None
        extends = values.get(EXTENDS_CUSTOMER)
        customer_id = extends
        if record_id is not None:
            saved = session.get(Supplier, record_id)
            customer_id = saved.customer_id if saved is not None else None
        if record_id is None and isinstance(extends, int):
            customer = session.get(Customer, extends)
            if customer is not None and customer.customer_no != number.strip():
                return (
                    f"the supplier of customer {customer.customer_no} keeps the customer's "
                    f"number ({customer.customer_no})."
                )
        # Another supplier holding it is the generic rule's (codes unique regardless of case).
        holder = customer_holder(session, number, customer_id=customer_id)
        return f"'{number}' is already used by {holder}." if holder else None

    # -- writing -------------------------------------------------------------------------------

    def write(
        self,
        session: Session,
        record_id: int | None,
        values: Mapping[str, Any],
        version: int | None = None,
        loaded: Mapping[str, Any] | None = None,
    ) -> Supplier:
        extends = values.get(EXTENDS_CUSTOMER)
        if record_id is None and isinstance(extends, int):
            self._check_extended(session, extends, loaded)
        return super().write(session, record_id, values, version, loaded)

    def _check_extended(
        self, session: Session, customer_id: int, loaded: Mapping[str, Any] | None
    ) -> None:
        """The customer being extended is still there, not a supplier yet, and its shared
        values are those the new supplier was prefilled with (else saving would overwrite a
        change made on another screen)."""
        customer = session.get(Customer, customer_id)
        if customer is None:
            raise StaleRecordError(
                "The customer was deleted on another screen since this supplier was started "
                "from it. Nothing was saved."
            )
        if supplier_of(session, customer_id) is not None:
            raise StaleRecordError(
                f"Customer {customer.customer_no} was made a supplier on another screen since "
                "this supplier was started from it. Nothing was saved."
            )
        if loaded is None:
            return
        for key, attr in self.shared_fields.items():
            if key in loaded and value_at(customer, attr) != loaded[key]:
                part = "main address" if attr.startswith("main_address") else "main contact"
                raise StaleRecordError(
                    f"The customer's {part} was changed on another screen since this supplier "
                    f"was started from it ({self.rules[key].label}). Nothing was saved: use "
                    "Extend to supplier again to start from the customer as it is now."
                )
        if loaded.get(SUPPLIER_NAME) is not None and customer.name != loaded[SUPPLIER_NAME]:
            raise StaleRecordError(
                "The customer's name was changed on another screen since this supplier was "
                "started from it. Nothing was saved: use Extend to supplier again to start "
                "from the customer as it is now."
            )

    def part(self, session: Session, owner: Any, name: str) -> Any:
        """A linked supplier's main address and contact are its customer's rows: one made
        for either side is both sides'."""
        if isinstance(owner, Supplier) and name in SHARED_PARTS:
            with session.no_autoflush:  # a new supplier is not flushed half-written
                customer = owner.customer
                if customer is not None:
                    found = getattr(customer, name)
                    if found is None:
                        found = Address() if name == "main_address" else Contact()
                        setattr(customer, name, found)
                    setattr(owner, name, found)
                    return found
        return super().part(session, owner, name)

    def before_fields(
        self,
        session: Session,
        record: Supplier,
        values: Mapping[str, Any],
        *,
        is_new: bool,
        written: frozenset[str],
    ) -> None:
        extends = values.get(EXTENDS_CUSTOMER)
        if is_new and isinstance(extends, int):
            self._link(session, record, extends)

    def _link(self, session: Session, record: Supplier, customer_id: int) -> None:
        """Make the new supplier the customer's: the same number and the same main address and
        contact rows. (The contact persons are the customer's rows: the link shares them.)"""
        with session.no_autoflush:
            customer = session.get(Customer, customer_id)
            assert customer is not None  # _check_extended saw it in this transaction
            record.customer = customer
            for name in SHARED_PARTS:
                self.part(session, record, name)

    def before_save(
        self, session: Session, record: Supplier, values: Mapping[str, Any], *, is_new: bool
    ) -> None:
        if record.customer is not None:
            record.supplier_no = record.customer.customer_no
        elif is_new and is_blank(record.supplier_no):
            try:
                with session.no_autoflush:
                    record.supplier_no = take_number(
                        session, CUSTOMER_SERIES, in_use=account_number_in_use(session)
                    )
            except NumberingError as error:
                rule = self.rules[SUPPLIER_NO]
                raise ValidationError([FieldError(rule.key, rule.label, str(error))]) from error

    def after_save(
        self, session: Session, record: Supplier, values: Mapping[str, Any], *, is_new: bool
    ) -> None:
        # One business account, one name: the customer side takes the name saved here.
        customer = record.customer
        if customer is not None and customer.name != record.name:
            old_name, customer.name = customer.name, record.name
            webhooks.log_field_changed(
                session, customer, "customer_name", "Customer name", old_name, record.name
            )
            session.flush()

    def part_changed(self, path: str, row: Any, *, replaced: bool) -> str:
        name = path.replace("_", " ")
        return (
            f"The supplier's {name} was changed on another screen since you opened the "
            "supplier. Nothing was saved."
        )

    def delete(self, record_id: int) -> None:
        """Delete the supplier side only: a customer of the same account stays, with the main
        address and contact they shared; the supplier's own ones go with it."""
        with self.store.transaction() as session:
            record = session.get(Supplier, record_id)
            if record is None:
                return
            self._refuse_delete(session, record)
            if self.change_log is not None:  # a customer of the account is a customer only now
                self.change_log.deleted(session, record, [])
            address_id, contact_id = record.main_address_id, record.main_contact_id
            session.delete(record)
            session.flush()
            # Only rows nothing else uses (a customer of the same account still does).
            delete_unused(session, Address, {address_id} if address_id is not None else set())
            delete_unused(session, Contact, {contact_id} if contact_id is not None else set())

    def change_id(self, record_id: int, new_no: str, version: int) -> None:
        change_supplier_no(self.store, record_id, new_no, version)


def copied_attributes(session: Session, customer: Customer) -> list[dict[str, Any]]:
    """The customer's Attributes rows as a new supplier's (not stored yet): its class's
    attributes and any other it has a value of, with its values, each required as for it."""
    rows = customer_attributes.stored_rows(session, customer.id, customer.customer_class_id)
    return [row | {"id": None} for row in rows]


def account_type_of_customer(store: Store, customer_id: int) -> BusinessAccountType:
    """Read now: whether the customer is a supplier too (the customer screen asks on show)."""
    with store.session() as session:
        found = supplier_of(session, customer_id)
        if found is None:
            return BusinessAccountType.CUSTOMER
        return BusinessAccountType.CUSTOMER_AND_SUPPLIER


def supplier_id_of_customer(store: Store, customer_id: int) -> int | None:
    with store.session() as session:
        found = supplier_of(session, customer_id)
        return found.id if found is not None else None
