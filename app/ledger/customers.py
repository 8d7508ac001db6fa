"""Customer account rules (AR303000).

A new customer starts in the default customer class of the preferences (AR101000), with that
class's values (app/ledger/class_defaults.py). A customer saved without a number takes the next
number of the CUSTOMER number series in the saving transaction, skipping numbers already used;
when the series is manual (or missing) the user is asked to type one. The first save creates the
MAIN location from the Delivery settings; later saves update the default location.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.ledger import class_defaults, customer_attributes, customer_deletion
from app.ledger import customer_salespersons as salespersons
from app.ledger.balances import customer_balances
from app.ledger.change_id import change_customer_no, customer_no_problem
from app.ledger.contacts import CONTACTS, contact_rows
from app.ledger.customer_attributes import ATTRIBUTES
from app.ledger.customer_salespersons import SALESPERSONS
from app.ledger.geography import postcode_problem
from app.ledger.identifiers import (
    corporate_id_problem,
    gln_problem,
    vat_registration_problem,
    web_problem,
)
from app.ledger.locations import location_rows, main_location_id
from app.ledger.number_series import number_in_use
from app.ledger.numbering import CUSTOMER_SERIES, NumberingError, next_number, take_number
from app.ledger.payment_methods import detail_problem
from app.ledger.records import (
    FieldError,
    RecordService,
    ScreenRules,
    ValidationError,
    count_where,
    is_blank,
)
from app.ledger.same_as_main import CUSTOMER_SHARES, arrange, shared_key
from app.ledger.validation import email_problem
from app.models import (
    MAIN_LOCATION_ID,
    PREFERENCES_ID,
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

    def __init__(self, store: Store, rules: ScreenRules | None = None) -> None:
        # The customer's definition, unless a test narrows it to the fields it exercises.
        from app.ledger.definitions.customer import CUSTOMER

        super().__init__(store, Customer, rules or CUSTOMER.rules(), (CUSTOMER_NO,))
        # The Locations grid's columns (key → attribute of a location), read with the customer.
        self.location_columns = {
            column.key: column.attribute for column in CUSTOMER.grid(LOCATIONS).columns
        }
        self.contact_columns = {
            column.key: column.attribute for column in CUSTOMER.grid(CONTACTS).columns
        }
        # Field key → attribute path of every field the customer class fills.
        self.class_fields = {
            rule.key: rule.attr
            for rule in self.rules.values()
            if rule.attr in class_defaults.FROM_CLASS
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
        values[CONTACTS] = []  # added on CR302000 once the customer is saved
        if SALESPERSONS in self.grids:
            values[SALESPERSONS] = self.class_salespersons(values.get(CUSTOMER_CLASS))
        if ATTRIBUTES in self.grids:
            values[ATTRIBUTES] = self.class_attributes(values.get(CUSTOMER_CLASS), [])
        return values

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
        return row

    def salesperson_chosen(self, salesperson_id: Any) -> dict[str, Any]:
        with self.store.session() as session:
            return salespersons.salesperson_values(session, salesperson_id)

    def location_chosen(self, location_id: Any) -> dict[str, Any]:
        with self.store.session() as session:
            return {"location_name": salespersons.location_name(session, location_id)}

    def values_of(self, session: Session, record: Customer) -> dict[str, Any]:
        values = super().values_of(session, record)
        # The read-only balances of the top part and the credit verification rules, named as
        # their fields are.
        values |= asdict(customer_balances(session, record.id))
        values[LOCATIONS] = self.locations_of(session, record.id)
        values[CONTACTS] = contact_rows(session, record.id, self.contact_columns)
        if ATTRIBUTES in self.grids:
            values[ATTRIBUTES] = customer_attributes.stored_rows(
                session, record.id, record.customer_class_id
            )
        return values

    def contact_rows(self, customer_id: int) -> list[dict[str, Any]]:
        """The Contacts grid's rows: the customer's contacts as stored now."""
        with self.store.session() as session:
            return contact_rows(session, customer_id, self.contact_columns)

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
            # A new customer may leave it empty for the series; a saved one keeps its number.
            problem = numbering_problem(session) if record_id is None else "a value is required."
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
        if values.get("enable_write_offs") and not values.get("write_off_limit"):
            problems["write_off_limit"] = (
                "enter a limit when Enable write-offs is selected: without one, write-offs "
                "cannot be performed."
            )
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
        )

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

    def writes(self, key: str, values: Mapping[str, Any]) -> bool:
        if key == PAYMENT_METHOD_DETAILS:
            return bool(values.get(PAYMENT_METHOD))
        if key in self.grids:
            return True
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

    def _detail_rows_follow_method(self, record: Customer, values: Mapping[str, Any]) -> None:
        """Details typed for another payment method do not carry over to this one."""
        method = next((m for m in record.payment_methods if m.is_default), None)
        if method is not None and method.payment_method_id != values.get(PAYMENT_METHOD):
            method.details.clear()

    def before_save(
        self, session: Session, record: Customer, values: Mapping[str, Any], *, is_new: bool
    ) -> None:
        if is_new and is_blank(record.customer_no):
            try:
                with session.no_autoflush:
                    record.customer_no = take_number(
                        session, CUSTOMER_SERIES, in_use=number_in_use(session, CUSTOMER_SERIES)
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
            if is_blank(location.location_name):
                location.location_name = MAIN_LOCATION_NAME
            if SALESPERSONS in self.grids and SALESPERSONS not in values:
                # Saved without the Salespersons tab (an import): the class's salesperson.
                self._add_class_salesperson(session, record)
        if SALESPERSONS in self.grids:
            pending = [
                row
                for row in record.salespersons
                if row.location_id is None or row.commission_percent is None
            ]
            if pending:
                with session.no_autoflush:
                    salespersons.fill_in(session, pending, self._default_location(record))

    def _add_class_salesperson(self, session: Session, record: Customer) -> None:
        for row in salespersons.class_rows(session, record.customer_class_id):
            record.salespersons.append(
                CustomerSalesperson(
                    salesperson_id=row[salespersons.SALESPERSON],
                    commission_percent=row[salespersons.COMMISSION],
                    is_default=True,
                )
            )

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
