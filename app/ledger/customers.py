"""Customer account rules (AR303000).

A new customer starts in the default customer class of the preferences (AR101000), with that
class's values (app/ledger/class_defaults.py). A customer saved without a number takes the next
number of the CUSTOMER number series in the saving transaction, skipping numbers already used;
when the series is manual (or missing) the user is asked to type one. The first save creates the
MAIN location from the Delivery settings; later saves update the default location.

A customer is one side of a business account (app/ledger/business_accounts.py): its number is
no supplier's but its own supplier's, a name it saves is its supplier's too, and Extend to
customer (AP303000) starts a new customer from a supplier, sharing its main address and contact.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from datetime import date
from typing import Any

from sqlalchemy import inspect, select, update
from sqlalchemy.orm import Session

from app.ledger import class_defaults, customer_attributes, customer_deletion, webhooks
from app.ledger import customer_mailings as mailings
from app.ledger import customer_salespersons as salespersons
from app.ledger.activities import ACTIVITIES, activity_rows
from app.ledger.balances import customer_balances
from app.ledger.business_accounts import (
    account_number_in_use,
    customer_type,
    supplier_holder,
    supplier_of,
)
from app.ledger.change_id import change_customer_no, customer_no_problem
from app.ledger.child_accounts import (
    CHILD_ACCOUNTS,
    CHILDREN_FOLLOW,
    INHERITED_FLAGS,
    child_rows,
    children_follow,
)
from app.ledger.class_mailings import mailing_defaults
from app.ledger.contacts import CONTACTS, account_contact_rows, contact_rows
from app.ledger.customer_attributes import ATTRIBUTE_ID, ATTRIBUTES, VALUE
from app.ledger.customer_payment_methods import PAYMENT_METHODS_GRID, payment_method_rows
from app.ledger.customer_salespersons import SALESPERSONS
from app.ledger.geography import postcode_problem
from app.ledger.identifiers import (
    corporate_id_problem,
    gln_problem,
    vat_registration_problem,
    web_problem,
)
from app.ledger.locations import location_rows, main_location_id
from app.ledger.mandates import MANDATES, mandate_problems, new_mandate_default
from app.ledger.numbering import CUSTOMER_SERIES, NumberingError, next_number, take_number
from app.ledger.payment_methods import detail_problem
from app.ledger.records import (
    UNCHANGED_GRIDS,
    FieldError,
    RecordError,
    RecordService,
    SavedChange,
    ScreenRules,
    StaleRecordError,
    ValidationError,
    count_where,
    is_blank,
    value_at,
)
from app.ledger.same_as_main import CUSTOMER_SHARES, arrange, shared_key
from app.ledger.validation import email_problem
from app.ledger.write_off_settings import WRITE_OFF_LIMIT, write_off_limit_problem
from app.models import (
    MAIN_LOCATION_ID,
    PREFERENCES_ID,
    Address,
    Contact,
    ContactPerson,
    Country,
    County,
    Customer,
    CustomerClass,
    CustomerPaymentMethod,
    CustomerSalesperson,
    CustomerStatus,
    Location,
    NumberSeries,
    PaymentMethod,
    Preferences,
    Supplier,
)
from app.models.database import Store

ADDRESS_AND_CONTACT_SECTIONS = tuple(
    f"{kind}_{part}" for kind in ("main", "invoice", "shipping") for part in ("address", "contact")
)
CUSTOMER_NO = "customer_no"
CUSTOMER_CLASS = "customer_class"
PAYMENT_METHOD = "default_payment_method"
PAYMENT_METHOD_DETAILS = "default_payment_method.details"
# The Locations grid: the customer's locations, shown only (edited on CR303010).
LOCATIONS = "locations"
# The product family names the MAIN location so until the user names it.
MAIN_LOCATION_NAME = "Primary location"
ACCOUNT_TYPE = "account_type"
# The values key naming the supplier a new customer is made for (Extend to customer).
EXTENDS_SUPPLIER = "extends_supplier"
# The parts of the business account a supplier shares with its customer: the same rows.
SHARED_PARTS = ("main_address", "main_contact")


def selectable_customer() -> Any:
    """Inactive customers are not offered for selection (seed: AR303000 Status)."""
    return Customer.status != CustomerStatus.INACTIVE


def numbering_problem(session: Session) -> str | None:
    """Why a customer without a number cannot be numbered from the series, or None."""
    series = session.scalars(
        select(NumberSeries).where(NumberSeries.series_id == CUSTOMER_SERIES)
    ).one_or_none()
    if series is None:
        return (
            "type the customer's number: there is no number series "
            f"{CUSTOMER_SERIES} to number new customers (Number series, CS201010)."
        )
    if series.manual_numbering:
        return f"type the customer's number: number series {CUSTOMER_SERIES} uses manual numbering."
    try:
        next_number(series)
    except NumberingError as error:
        return str(error)
    return None


def _county_problem(session: Session, county_id: Any, country_id: Any) -> str | None:
    """A county must be one of the address's country (county IDs repeat across countries)."""
    if not isinstance(county_id, int) or not isinstance(country_id, int):
        return None
    county = session.get(County, county_id)
    if county is None or county.country_id == country_id:
        return None
    country = session.get(Country, country_id)
    name = country.name if country is not None else "the country"
    return f"{county.county_id} {county.name} is not a county of {name}."


class CustomerService(RecordService[Customer]):
    noun = "customer"
    logs_changes = True  # the change log of Webhook notifications (app/ledger/webhooks.py)

    def __init__(self, store: Store, rules: ScreenRules | None = None) -> None:
        # The customer's definition, unless a test narrows it to the fields it exercises.
        from app.ledger.definitions.customer import CUSTOMER

        super().__init__(store, Customer, rules or CUSTOMER.rules(), (CUSTOMER_NO,))
        # What the change log names a changed field or grid by (labels, lookups' codes).
        self.field_specs = {spec.key: spec for spec in CUSTOMER.fields}
        self.grid_specs = {grid.key: grid for grid in CUSTOMER.grids}
        # The Locations grid's columns (key → attribute of a location), read with the customer.
        self.location_columns = {
            column.key: column.attribute for column in CUSTOMER.grid(LOCATIONS).columns
        }
        # The Payment methods and Child accounts tabs' columns (key → attribute), read with the
        # customer: other records, shown only.
        self.payment_method_columns = {
            column.key: column.attribute for column in CUSTOMER.grid(PAYMENT_METHODS_GRID).columns
        }
        self.child_columns = {
            column.key: column.attribute for column in CUSTOMER.grid(CHILD_ACCOUNTS).columns
        }
        self.contact_columns = {
            column.key: column.attribute for column in CUSTOMER.grid(CONTACTS).columns
        }
        self.activity_columns = {
            column.key: column.attribute for column in CUSTOMER.grid(ACTIVITIES).columns
        }
        # Field key → attribute path of every field the customer class fills.
        self.class_fields = {
            rule.key: rule.attr
            for rule in self.rules.values()
            if rule.attr in class_defaults.FROM_CLASS
        }
        # The fields showing the parts a supplier of the account shares, and their paths.
        self.shared_fields = {
            rule.key: rule.attr
            for rule in self.rules.values()
            if rule.stored and rule.attr.split(".")[0] in SHARED_PARTS and "." in rule.attr
        }

    # -- reading -------------------------------------------------------------------------------

    def new_values(self) -> dict[str, Any]:
        """Column defaults, then the values of the default customer class of the preferences."""
        values = super().new_values()
        if CUSTOMER_CLASS in self.rules:
            with self.store.session() as session:
                preferences = session.get(Preferences, PREFERENCES_ID)
                if preferences is not None and preferences.default_customer_class_id:
                    values[CUSTOMER_CLASS] = preferences.default_customer_class_id
                    values |= class_defaults.class_values(
                        session, preferences.default_customer_class_id, self.class_fields
                    )
                    values |= self.payment_method_values(session, values.get(PAYMENT_METHOD))
        for share in CUSTOMER_SHARES:
            if values.get(share.flag):
                values |= share.mirrored(values)
        values[LOCATIONS] = []  # a new customer's MAIN location is made by its first save
        values[PAYMENT_METHODS_GRID] = []
        values[CHILD_ACCOUNTS] = []
        values[ACCOUNT_TYPE] = None  # a business account once saved
        values[CONTACTS] = []  # added on CR302000 once the customer is saved
        values[ACTIVITIES] = []  # logged once the customer is saved
        if SALESPERSONS in self.grids:
            values[SALESPERSONS] = self.class_salespersons(values.get(CUSTOMER_CLASS))
        if ATTRIBUTES in self.grids:
            values[ATTRIBUTES] = self.class_attributes(values.get(CUSTOMER_CLASS), [])
        if mailings.MAILINGS in self.grids:
            values[mailings.MAILINGS] = self.class_mailings(values.get(CUSTOMER_CLASS), values)
        return values

    # -- the Mailing settings tab ---------------------------------------------------------------

    def class_mailings(self, class_id: Any, values: Mapping[str, Any]) -> list[dict[str, Any]]:
        """The class's mailings as the customer's rows, e-mails resolved as ``values`` show the
        customer's contacts."""
        with self.store.session() as session:
            rows = mailings.class_rows(session, class_id)
            return mailings.with_emails(session, rows, mailings.shown_role_emails(values))

    def recipient_email(self, row: Mapping[str, Any]) -> Any:
        """The e-mail of an Employee or Contact recipient (the roles' are the screen's)."""
        with self.store.session() as session:
            return mailings.email_of(session, row, {})

    def mailing_chosen(self, row: Mapping[str, Any]) -> dict[str, Any] | None:
        """What choosing a Mailing ID brings into a row: the preferences' settings, and their
        default recipients when the row has none (To unless Bcc)."""
        with self.store.session() as session:
            updates = mailing_defaults(session, row)
        if updates and mailings.RECIPIENTS in updates:
            updates[mailings.RECIPIENTS] = [
                {
                    "id": None,
                    **recipient,
                    mailings.EMAIL: None,
                    mailings.TO: not recipient.get(mailings.BCC),
                }
                for recipient in updates[mailings.RECIPIENTS]
            ]
        return updates

    def class_attributes(
        self, class_id: Any, rows: list[dict[str, Any]], previous_class: Any = None
    ) -> list[dict[str, Any]]:
        """The Attributes rows of the class, keeping the values of ``rows`` (those shown, of
        ``previous_class``)."""
        with self.store.session() as session:
            return customer_attributes.attribute_rows(session, class_id, rows, previous_class)

    def class_salespersons(self, class_id: Any) -> list[dict[str, Any]]:
        """The Salespersons rows a new customer of the class starts with (its Salesperson ID,
        the default)."""
        with self.store.session() as session:
            return salespersons.class_rows(session, class_id)

    def new_row(self, grid_key: str, rows: list[dict[str, Any]]) -> dict[str, Any]:
        row = super().new_row(grid_key, rows)
        if grid_key == SALESPERSONS:
            # The first salesperson is the default; later ones are not until marked.
            row[salespersons.DEFAULT] = not any(r.get(salespersons.DEFAULT) for r in rows)
        if grid_key == MANDATES:
            row["is_default"] = new_mandate_default(rows)  # the first mandate is the default
        if grid_key == mailings.MAILINGS:
            row[mailings.OVERRIDDEN] = True  # the customer's own until it matches the class's
        return row

    def salesperson_chosen(self, salesperson_id: Any) -> dict[str, Any]:
        with self.store.session() as session:
            return salespersons.salesperson_values(session, salesperson_id)

    def location_chosen(self, location_id: Any) -> dict[str, Any]:
        with self.store.session() as session:
            return {"location_name": salespersons.location_name(session, location_id)}

    def extension_values(self, supplier_id: int) -> dict[str, Any]:
        """A new customer for the saved supplier (Extend to customer), not stored: the business
        account's number, name, main address and contact as read now, its VAT zone and document
        language, the rest a new customer's (the default class's)."""
        values = self.new_values()
        with self.store.session() as session:
            supplier = session.get(Supplier, supplier_id)
            if supplier is None:
                raise StaleRecordError("The supplier no longer exists.")
            if supplier.customer_id is not None:
                raise RecordError(f"Supplier {supplier.supplier_no} is a customer already.")
            values |= {
                CUSTOMER_NO: supplier.supplier_no,
                "customer_name": supplier.name,
                **self._shared_of(supplier),
            }
            # Seed (AR303000, VAT zone): a customer extended from a supplier takes its zone.
            for key, value in (
                ("vat_zone", supplier.vat_zone_id),
                ("document_language", supplier.document_language_id),
            ):
                if key in self.rules and value is not None:
                    values[key] = value
            if ATTRIBUTES in self.grids:
                # The class's attributes, with the supplier's values of the same ones (and
                # its other values after them: never dropped).
                kept = [
                    {"id": None, ATTRIBUTE_ID: row.attribute_id, VALUE: row.value}
                    for row in supplier.attributes
                ]
                values[ATTRIBUTES] = customer_attributes.attribute_rows(
                    session, values.get(CUSTOMER_CLASS), kept
                )
            values[CONTACTS] = account_contact_rows(
                session, None, supplier.id, self.contact_columns
            )
        for share in CUSTOMER_SHARES:
            if values.get(share.flag):
                values |= share.mirrored(values)
        return values

    def _shared_of(self, supplier: Supplier) -> dict[str, Any]:
        """The supplier's values of the parts it would share (main address and contact)."""
        return {key: value_at(supplier, attr) for key, attr in self.shared_fields.items()}

    def values_of(self, session: Session, record: Customer) -> dict[str, Any]:
        values = super().values_of(session, record)
        values[ACCOUNT_TYPE] = customer_type(session, record.id)
        # The read-only balances of the top part and the credit verification rules, named as
        # their fields are.
        values |= asdict(customer_balances(session, record.id))
        values[LOCATIONS] = self.locations_of(session, record.id)
        values[PAYMENT_METHODS_GRID] = payment_method_rows(
            session, record.id, self.payment_method_columns
        )
        values[CHILD_ACCOUNTS] = child_rows(session, record.id, self.child_columns)
        values[CONTACTS] = contact_rows(session, record.id, self.contact_columns)
        values[ACTIVITIES] = activity_rows(session, record.id, self.activity_columns)
        # None while the saved Webhook notification box is off: the tab is hidden then.
        values[webhooks.EVENTS] = webhooks.customer_events(session, record)
        if ATTRIBUTES in self.grids:
            values[ATTRIBUTES] = customer_attributes.stored_rows(
                session, record.id, record.customer_class_id
            )
        if mailings.MAILINGS in self.grids:
            values[mailings.MAILINGS] = mailings.with_emails(
                session, values[mailings.MAILINGS], mailings.stored_role_emails(record)
            )
        return values

    def contact_rows(self, customer_id: int) -> list[dict[str, Any]]:
        """The Contacts grid's rows: the customer's contacts as stored now."""
        with self.store.session() as session:
            return contact_rows(session, customer_id, self.contact_columns)

    def activity_rows(self, customer_id: int) -> list[dict[str, Any]]:
        """The Activities grid's rows: the customer's activities as stored now."""
        with self.store.session() as session:
            return activity_rows(session, customer_id, self.activity_columns)

    def payment_method_rows(self, customer_id: int) -> list[dict[str, Any]]:
        """The Payment methods tab's rows: the customer's methods as stored now."""
        with self.store.session() as session:
            return payment_method_rows(session, customer_id, self.payment_method_columns)

    def parent_flags(self, parent_id: Any) -> dict[str, bool]:
        """A parent account's Consolidate balance, Consolidate statements and Shared credit
        policy: the defaults of its child accounts (seed); empty for no (or an unknown) parent."""
        with self.store.session() as session:
            parent = session.get(Customer, parent_id) if isinstance(parent_id, int) else None
            if parent is None:
                return {}
            return {flag: bool(getattr(parent, flag)) for flag in INHERITED_FLAGS}

    def default_payment_method_stamp(self, customer_id: int) -> tuple[int | None, int | None]:
        """The identity and version of the customer's default payment method as stored now
        (what a screen compares with the one it read: AR303010 may have changed or moved it)."""
        with self.store.session() as session:
            found = session.execute(
                select(CustomerPaymentMethod.id, CustomerPaymentMethod.version).where(
                    CustomerPaymentMethod.customer_id == customer_id,
                    CustomerPaymentMethod.is_default.is_(True),
                )
            ).first()
            return (found[0], found[1]) if found is not None else (None, None)

    def child_account_rows(self, customer_id: int) -> list[dict[str, Any]]:
        """The Child accounts tab's rows: the customer's children as stored now."""
        with self.store.session() as session:
            return child_rows(session, customer_id, self.child_columns)

    def locations_of(self, session: Session, customer_id: int) -> list[dict[str, Any]]:
        """The Locations grid's rows: the customer's locations as stored now."""
        return location_rows(session, customer_id, self.location_columns)

    def location_rows(self, customer_id: int) -> list[dict[str, Any]]:
        with self.store.session() as session:
            return self.locations_of(session, customer_id)

    def class_values(self, class_id: Any) -> dict[str, Any]:
        """What choosing the class fills in (field key → value)."""
        with self.store.session() as session:
            values = class_defaults.class_values(session, class_id, self.class_fields)
            if PAYMENT_METHOD in values:
                values |= self.payment_method_values(session, values[PAYMENT_METHOD])
            return values

    def payment_method_values(
        self,
        session: Session,
        payment_method_id: Any,
        rows: list[dict[str, Any]] | None = None,
    ) -> dict[str, Any]:
        """A payment method's cash account and the details it asks the customer for, keeping
        values already typed for the same details."""
        if PAYMENT_METHOD_DETAILS not in self.grids:
            return {}
        chosen = isinstance(payment_method_id, int)
        method = session.get(PaymentMethod, payment_method_id) if chosen else None
        if method is None:
            # No method (or one typed that is not in the list): nothing of one is kept.
            return {"cash_account": None, PAYMENT_METHOD_DETAILS: []}
        typed = {row.get("payment_method_detail_id"): row.get("value") for row in rows or []}
        return {
            "cash_account": method.cash_account_id,
            PAYMENT_METHOD_DETAILS: [
                {
                    "id": None,
                    "payment_method_detail_id": detail.id,
                    "description": detail.description,
                    "value": typed.get(detail.id),
                }
                for detail in sorted(method.details, key=lambda d: (d.sort_order, d.id))
            ],
        }

    def payment_method_changed(
        self, payment_method_id: Any, rows: list[dict[str, Any]]
    ) -> dict[str, Any]:
        with self.store.session() as session:
            return self.payment_method_values(session, payment_method_id, rows)

    # -- validating ----------------------------------------------------------------------------

    def validate(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        errors = super().validate(session, record_id, values)
        number = values.get(CUSTOMER_NO)
        problem: str | None = None
        if is_blank(number):
            # A new customer may leave it empty for the series (or, made for a supplier, to
            # take the supplier's); a saved one keeps its number.
            if record_id is not None:
                problem = "a value is required."
            elif values.get(EXTENDS_SUPPLIER) is None:
                problem = numbering_problem(session)
        elif record_id is None and isinstance(number, str):
            # A typed number has the form of an ID, as Change ID requires of a new one.
            flagged = any(error.key == CUSTOMER_NO for error in errors)
            problem = None if flagged else customer_no_problem(number)
        if problem:
            rule = self.rules[CUSTOMER_NO]
            errors.insert(0, FieldError(rule.key, rule.label, problem))
        return errors

    def check(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        problems: dict[str, str | None] = {}
        # A section sharing the main address or contact shows the main one's values: its
        # problems are the main section's, reported there once.
        own = [s for s in ADDRESS_AND_CONTACT_SECTIONS if not values.get(f"{s}_same_as_main")]
        for section in (s for s in own if s.endswith("_contact")):
            problems[f"{section}_email"] = email_problem(values.get(f"{section}_email"))
            problems[f"{section}_web"] = web_problem(values.get(f"{section}_web"))
        for section in (s for s in own if s.endswith("_address")):
            country_id = values.get(f"{section}_country")
            problems[f"{section}_postcode"] = postcode_problem(
                session, country_id, values.get(f"{section}_postcode")
            )
            problems[f"{section}_county"] = _county_problem(
                session, values.get(f"{section}_county"), country_id
            )
        country = self._country_code(session, values)
        problems["vat_registration_id"] = vat_registration_problem(
            country, values.get("vat_registration_id")
        )
        problems["corporate_id"] = corporate_id_problem(country, values.get("corporate_id"))
        problems["gln"] = gln_problem(values.get("gln"))
        problems[WRITE_OFF_LIMIT] = write_off_limit_problem(values)
        problems[CUSTOMER_NO] = self._number_problem(session, record_id, values)
        problems |= self._class_requirements(session, values)
        problems |= self._parent_problems(session, record_id, values)
        problems |= self._payment_method_problems(session, values)
        return (
            [
                FieldError(key, self._label(key), problem)
                for key, problem in problems.items()
                if problem and key in self.rules
            ]
            + [
                FieldError(PAYMENT_METHOD_DETAILS, label, problem)
                for label, problem in self._detail_problems(session, values)
            ]
            + [
                FieldError(SALESPERSONS, label, problem)
                for label, problem in self._salesperson_problems(session, record_id, values)
            ]
            + [
                FieldError(ATTRIBUTES, label, problem)
                for label, problem in self._attribute_problems(session, values)
            ]
            + self._mandate_problems(values)
            + self._mailing_problems(session, record_id, values)
        )

    def _mailing_problems(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        grid = self.grids.get(mailings.MAILINGS)
        if grid is None or mailings.MAILINGS not in values:
            return []
        written = mailings.MAILINGS not in values.get(UNCHANGED_GRIDS, ())
        return mailings.mailing_problems(
            session,
            grid.label,
            values.get(mailings.MAILINGS) or [],
            record_id,
            values.get(CUSTOMER_CLASS),
            removed_checked=written,
        )

    def _mandate_problems(self, values: Mapping[str, Any]) -> list[FieldError]:
        grid = self.grids.get(MANDATES)
        if grid is None:
            return []
        labels = {column.key: column.label for column in grid.columns}
        return mandate_problems(values.get(MANDATES) or [], labels.__getitem__, date.today())

    def _attribute_problems(
        self, session: Session, values: Mapping[str, Any]
    ) -> list[tuple[str, str]]:
        if ATTRIBUTES not in self.grids or ATTRIBUTES not in values:
            return []
        return customer_attributes.row_problems(
            session, values.get(CUSTOMER_CLASS), values.get(ATTRIBUTES) or []
        )

    def _salesperson_problems(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[tuple[str, str]]:
        if SALESPERSONS not in self.grids or not salespersons.written(values):
            return []
        return salespersons.row_problems(
            values.get(SALESPERSONS) or [], salespersons.customer_locations(session, record_id)
        )

    def _number_problem(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> str | None:
        """A new customer's number is no supplier's (one space of account numbers), but the
        number of the supplier it is made for (Extend to customer)."""
        number = values.get(CUSTOMER_NO)
        if record_id is not None or not isinstance(number, str) or is_blank(number):
            return None
        extends = values.get(EXTENDS_SUPPLIER)
        if isinstance(extends, int):
            supplier = session.get(Supplier, extends)
            if supplier is not None and supplier.supplier_no != number.strip():
                return (
                    f"the customer of supplier {supplier.supplier_no} keeps the supplier's "
                    f"number ({supplier.supplier_no})."
                )
        # Another customer holding it is the generic rule's (codes unique regardless of case).
        holder = supplier_holder(
            session,
            number,
            customer_id=None,
            supplier_id=extends if isinstance(extends, int) else None,
        )
        return f"'{number}' is already used by {holder}." if holder else None

    def _label(self, key: str) -> str:
        """A field's label, with its section's where three sections share the label
        (``Shipping address, Postcode``)."""
        label = self.rules[key].label
        section = next((s for s in ADDRESS_AND_CONTACT_SECTIONS if key.startswith(s + "_")), None)
        return f"{section.replace('_', ' ').capitalize()}, {label}" if section else label

    def _country_code(self, session: Session, values: Mapping[str, Any]) -> str | None:
        """The country identifiers are checked by: the shipping address's, else the main one."""
        country_id = values.get("shipping_address_country") or values.get("main_address_country")
        if country_id is None:
            return None
        return session.scalar(select(Country.country_id).where(Country.id == country_id))

    def _class_requirements(
        self, session: Session, values: Mapping[str, Any]
    ) -> dict[str, str | None]:
        customer_class = (
            session.get(CustomerClass, values[CUSTOMER_CLASS])
            if values.get(CUSTOMER_CLASS)
            else None
        )
        if (
            customer_class is not None
            and customer_class.require_vat_zone
            and not values.get("vat_zone")
        ):
            return {
                "vat_zone": f"required: customer class {customer_class.class_id} requires "
                "a VAT zone."
            }
        return {}

    def _parent_problems(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> dict[str, str | None]:
        problems: dict[str, str | None] = {}
        parent_id = values.get("parent_account")
        if parent_id is not None:
            if parent_id == record_id:
                problems["parent_account"] = "a customer cannot be its own parent account."
            elif record_id is not None and count_where(
                session, Customer, Customer.parent_account_id == record_id
            ):
                problems["parent_account"] = (
                    "this customer has child accounts, so it cannot have a parent account."
                )
            else:
                parent = session.get(Customer, parent_id)
                if parent is not None and parent.parent_account_id is not None:
                    problems["parent_account"] = (
                        f"customer {parent.customer_no} is itself a child account; choose its "
                        "parent instead."
                    )
        if values.get("shared_credit_policy") and not values.get("consolidate_balance"):
            problems["shared_credit_policy"] = (
                "available only when Consolidate balance is selected."
            )
        return problems

    def _payment_method_problems(
        self, session: Session, values: Mapping[str, Any]
    ) -> dict[str, str | None]:
        if values.get("cash_account") and not values.get(PAYMENT_METHOD):
            return {"cash_account": "choose the default payment method first."}
        return {}

    def _detail_problems(
        self, session: Session, values: Mapping[str, Any]
    ) -> list[tuple[str, str]]:
        if PAYMENT_METHOD_DETAILS not in self.grids or not values.get(PAYMENT_METHOD):
            return []
        method = session.get(PaymentMethod, values[PAYMENT_METHOD])
        details = {detail.id: detail for detail in method.details} if method else {}
        problems: list[tuple[str, str]] = []
        for row in values.get(PAYMENT_METHOD_DETAILS) or []:
            detail = details.get(row.get("payment_method_detail_id"))
            if detail is None:
                continue
            value = row.get("value")
            problem = (
                "a value is required."
                if detail.required and is_blank(value)
                # An IBAN, a BIC or a bank account is checked as one (python-stdnum).
                else detail_problem(detail.detail_id, detail.description, value)
            )
            if problem:
                problems.append((f"Payment method details, {row.get('description')}", problem))
        return problems

    # -- writing -------------------------------------------------------------------------------

    def write(
        self,
        session: Session,
        record_id: int | None,
        values: Mapping[str, Any],
        version: int | None = None,
        loaded: Mapping[str, Any] | None = None,
    ) -> Customer:
        extends = values.get(EXTENDS_SUPPLIER)
        if record_id is None and isinstance(extends, int):
            self._check_extended(session, extends, loaded)
        return super().write(session, record_id, values, version, loaded)

    def _check_extended(
        self, session: Session, supplier_id: int, loaded: Mapping[str, Any] | None
    ) -> None:
        """The supplier being extended is still there, not a customer yet, and its shared values
        are those the new customer was prefilled with."""
        supplier = session.get(Supplier, supplier_id)
        if supplier is None:
            raise StaleRecordError(
                "The supplier was deleted on another screen since this customer was started "
                "from it. Nothing was saved."
            )
        if supplier.customer_id is not None:
            raise StaleRecordError(
                f"Supplier {supplier.supplier_no} was made a customer on another screen since "
                "this customer was started from it. Nothing was saved."
            )
        if loaded is None:
            return
        for key, attr in self.shared_fields.items():
            if key in loaded and value_at(supplier, attr) != loaded[key]:
                part = "main address" if attr.startswith("main_address") else "main contact"
                raise StaleRecordError(
                    f"The supplier's {part} was changed on another screen since this customer "
                    f"was started from it ({self.rules[key].label}). Nothing was saved: use "
                    "Extend to customer again to start from the supplier as it is now."
                )

    def writes(self, key: str, values: Mapping[str, Any]) -> bool:
        if key == PAYMENT_METHOD_DETAILS:
            return bool(values.get(PAYMENT_METHOD))
        if key in self.grids:
            return True  # the customer's own rows (direct debit mandates)
        if shared_key(CUSTOMER_SHARES, key, values):
            return False  # shown from the main section; written there
        attr = self.rules[key].attr
        return not (attr.startswith(f"{PAYMENT_METHOD}.") and not values.get(PAYMENT_METHOD))

    def part(self, session: Session, owner: Any, name: str) -> Any:
        if isinstance(owner, Customer) and name == "default_location":
            return self._default_location(owner)
        if isinstance(owner, Customer) and name == PAYMENT_METHOD:
            found = next((m for m in owner.payment_methods if m.is_default), None)
            if found is None:
                found = CustomerPaymentMethod(is_default=True, active=True)
                owner.payment_methods.append(found)
            return found
        return super().part(session, owner, name)

    def _default_location(self, customer: Customer) -> Location:
        """The default location; a new customer's first save creates the main location (MAIN,
        or the branch's ID per the class) from the Delivery settings."""
        found = next((location for location in customer.locations if location.is_default), None)
        if found is None:
            found = Location(
                location_id=MAIN_LOCATION_ID,
                is_default=True,
                is_main=True,
                active=True,
            )
            customer.locations.append(found)
        return found

    def before_fields(
        self,
        session: Session,
        record: Customer,
        values: Mapping[str, Any],
        *,
        is_new: bool,
        written: frozenset[str],
    ) -> None:
        with session.no_autoflush:
            extends = values.get(EXTENDS_SUPPLIER)
            if is_new and isinstance(extends, int):
                self._share_with_supplier(session, record, extends)
            for share in CUSTOMER_SHARES:
                if share.flag not in written:
                    continue  # unchanged: the part stays shared (or its own) as it is
                owner = self.part(session, record, share.owner) if share.owner else record
                main = self.part(session, record, share.main)
                arrange(owner, share, main, same=bool(values[share.flag]), session=session)
            if PAYMENT_METHOD not in written:
                return
            if not values.get(PAYMENT_METHOD):
                # No default payment method: the customer pays by none of its own.
                for method in [m for m in record.payment_methods if m.is_default]:
                    record.payment_methods.remove(method)
            else:
                self._detail_rows_follow_method(record, values)

    def _share_with_supplier(self, session: Session, record: Customer, supplier_id: int) -> None:
        """The new customer of a supplier's account takes the supplier's main address and
        contact rows (made for both when the supplier has none), before anything shares them.
        (Its contact persons become the customer's once it is saved: ``after_save``.)"""
        supplier = session.get(Supplier, supplier_id)
        assert supplier is not None  # _check_extended saw it in this transaction
        for name in SHARED_PARTS:
            found = getattr(supplier, name)
            if found is None:
                found = Address() if name == "main_address" else Contact()
                setattr(supplier, name, found)
            setattr(record, name, found)

    def _detail_rows_follow_method(self, record: Customer, values: Mapping[str, Any]) -> None:
        """Details typed for another payment method do not carry over to this one."""
        method = next((m for m in record.payment_methods if m.is_default), None)
        if method is not None and method.payment_method_id != values.get(PAYMENT_METHOD):
            method.details.clear()

    def before_save(
        self, session: Session, record: Customer, values: Mapping[str, Any], *, is_new: bool
    ) -> None:
        extends = values.get(EXTENDS_SUPPLIER)
        if is_new and isinstance(extends, int):
            supplier = session.get(Supplier, extends)
            assert supplier is not None  # _check_extended saw it in this transaction
            record.customer_no = supplier.supplier_no  # one account, one number
        if is_new and is_blank(record.customer_no):
            try:
                with session.no_autoflush:
                    # Skipping numbers any customer or supplier holds: one space of numbers.
                    record.customer_no = take_number(
                        session, CUSTOMER_SERIES, in_use=account_number_in_use(session)
                    )
            except NumberingError as error:
                rule = self.rules[CUSTOMER_NO]
                raise ValidationError([FieldError(rule.key, rule.label, str(error))]) from error
        if is_new:
            location = self._default_location(record)
            # Made before the class was assigned: its ID and export type follow the class now
            # (the export type is copied when the location is made, DESIGN.md §4).
            with session.no_autoflush:
                location.location_id = main_location_id(session, record.customer_class_id)
                customer_class = (
                    session.get(CustomerClass, record.customer_class_id)
                    if record.customer_class_id is not None
                    else None
                )
                if customer_class is not None:
                    location.export_type = customer_class.export_type
                    # The seed (AR201000): "the restriction group to which newly created
                    # customers of the class are assigned by default". AR303000 has no field
                    # for it; Apply restriction settings moves existing customers.
                    if record.restriction_group_id is None:
                        record.restriction_group_id = customer_class.default_restriction_group_id
            if is_blank(location.location_name):
                location.location_name = MAIN_LOCATION_NAME
            if SALESPERSONS in self.grids and SALESPERSONS not in values:
                # Saved without the Salespersons tab (an import): the class's salesperson.
                self._add_class_salesperson(session, record)
            if mailings.MAILINGS in self.grids and mailings.MAILINGS not in values:
                with session.no_autoflush:  # an import: the class's mailings
                    mailings.give_class_mailings(session, record)
        if mailings.MAILINGS in self.grids:
            with session.no_autoflush:
                self._mark_mailings(session, record, values, is_new=is_new)
        if SALESPERSONS in self.grids:
            pending = [
                row
                for row in record.salespersons
                if row.location_id is None or row.commission_percent is None
            ]
            if pending:
                with session.no_autoflush:
                    salespersons.fill_in(session, pending, self._default_location(record))

    def _mark_mailings(
        self, session: Session, record: Customer, values: Mapping[str, Any], *, is_new: bool
    ) -> None:
        """Each mailing Overridden as it compares with the class's now; a class changed without
        the Mailings rows (an import) takes the new class's for those not Overridden."""
        class_changed = inspect(record).attrs.customer_class_id.history.has_changes()
        if class_changed and not is_new and mailings.MAILINGS not in values:
            mailings.follow_class(session, record)
        elif is_new or class_changed or mailings.MAILINGS not in values.get(UNCHANGED_GRIDS, ()):
            mailings.mark_stored(session, record)

    def _add_class_salesperson(self, session: Session, record: Customer) -> None:
        for row in salespersons.class_rows(session, record.customer_class_id):
            record.salespersons.append(
                CustomerSalesperson(
                    salesperson_id=row[salespersons.SALESPERSON],
                    commission_percent=row[salespersons.COMMISSION],
                    is_default=True,
                )
            )

    def after_save(
        self, session: Session, record: Customer, values: Mapping[str, Any], *, is_new: bool
    ) -> None:
        follow = values.get(CHILDREN_FOLLOW)
        if follow and not is_new:
            # The user agreed: the parent's changed flags go to its children, in this save.
            children_follow(session, record, follow)
        extends = values.get(EXTENDS_SUPPLIER)
        if is_new and isinstance(extends, int):
            supplier = session.get(Supplier, extends)
            assert supplier is not None  # _check_extended saw it in this transaction
            supplier.customer_id = record.id
            supplier.supplier_no = record.customer_no
            # The account's contact persons are its customer's from now on: one set.
            session.execute(
                update(ContactPerson)
                .where(ContactPerson.supplier_id == supplier.id)
                .values(customer_id=record.id, supplier_id=None, version=ContactPerson.version + 1)
            )
            session.expire(record, ["contacts"])
        supplier = supplier_of(session, record.id) if not is_new or extends else None
        if supplier is None:
            return
        # One business account: one name, one main address and contact.
        if supplier.name != record.name:
            supplier.name = record.name
        for name in SHARED_PARTS:
            if getattr(supplier, name) is None and getattr(record, name) is not None:
                setattr(supplier, name, getattr(record, name))
        session.flush()

    def saved_changes(
        self, session: Session, record: Customer, changes: list[SavedChange], *, is_new: bool
    ) -> None:
        """Entity created / Entity updated in the change log, when the customer's Webhook
        notification box is on once saved."""
        webhooks.log_saved(
            session,
            record,
            changes,
            is_new=is_new,
            fields=self.field_specs,
            grids=self.grid_specs,
        )

    def event_rows(self, customer_id: int) -> list[dict[str, Any]] | None:
        """The Webhook notifications rows as stored now (None: the saved box is off)."""
        with self.store.session() as session:
            customer = session.get(Customer, customer_id)
            return webhooks.customer_events(session, customer) if customer else None

    def part_changed(self, path: str, row: Any, *, replaced: bool) -> str:
        """Name the part the way the screen shows it (the default location by its ID)."""
        names = {
            "default_location": "default location",
            "default_location.address": "shipping address",
            "default_location.contact": "shipping contact",
            "main_address": "main address",
            "main_contact": "main contact",
            "invoice_address": "invoice address",
            "invoice_contact": "invoice contact",
            PAYMENT_METHOD: "default payment method",
        }
        name = names.get(path, path.replace("_", " "))
        if path == "default_location" and isinstance(row, Location) and not replaced:
            return (
                f"Location {row.location_id} (the Delivery settings) was changed on another "
                "screen since you opened the customer. Nothing was saved."
            )
        if path == "default_location":
            now = f"; it is now {row.location_id}" if isinstance(row, Location) else ""
            return (
                f"The customer's default location was changed on another screen since you "
                f"opened the customer{now}. Nothing was saved."
            )
        return (
            f"The customer's {name} was changed on another screen since you opened the "
            "customer. Nothing was saved."
        )

    def delete_refusal(self, session: Session, record: Customer) -> str | None:
        return customer_deletion.delete_refusal(session, record)

    def delete(self, record_id: int) -> None:
        """Delete the customer with its locations, payment methods and own addresses."""
        with self.store.transaction() as session:
            record = session.get(Customer, record_id)
            if record is not None:
                customer_deletion.delete_customer(session, record)

    def change_id(self, record_id: int, new_no: str, version: int) -> None:
        change_customer_no(self.store, record_id, new_no, version)

    def county_in_country(self, county_id: int, country_id: Any) -> bool:
        with self.store.session() as session:
            return _county_problem(session, county_id, country_id) is None
