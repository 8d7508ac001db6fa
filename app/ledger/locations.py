"""Customer location rules (CR303010): location IDs, the main and the default location, what a
new location starts with, and what a location's accounts and export type resolve to.

- The main location is the one the customer's first save made (``Location.is_main``): it cannot
  be renamed, deleted or deactivated. The default location (one per customer, moved by Set as
  default) cannot be deleted or deactivated.
- Location address and contact share the customer's main ones while Same as main is ticked
  (app/ledger/same_as_main.py, rooted at the location).
- Same as default location is a live link: while ticked the location uses the default
  location's GL accounts (``accounts_of``), whichever location is the default.
- A new location takes its address and contact from the main ones, its location settings and
  accounts from the default location, its export type from the customer's class (DESIGN.md §4).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, selectinload

from app.ledger import customer_salespersons as salespersons
from app.ledger import webhooks, workstation
from app.ledger.customer_salespersons import SALESPERSONS
from app.ledger.geography import postcode_problem
from app.ledger.identifiers import gln_problem, web_problem
from app.ledger.records import (
    FieldError,
    RecordError,
    RecordService,
    ScreenRules,
    StaleRecordError,
    column_length,
    count_where,
    value_at,
)
from app.ledger.same_as_main import Share, arrange, shared_key
from app.ledger.validation import email_problem
from app.models import (
    MAIN_LOCATION_ID,
    Branch,
    Customer,
    CustomerClass,
    Location,
    VatCategory,
    VatZone,
)
from app.models.database import Store
from app.models.options import ExportType

SAME_AS_DEFAULT = "same_as_default_location"
SUGGESTED_SALES_ACCOUNT = "suggested_sales_account"
SUGGESTED_VAT_CATEGORY = "suggested_vat_category"

# The location's Same as main sections: rooted at the location, sharing the customer's main
# address and contact.
LOCATION_SHARES: tuple[Share, ...] = (
    Share("location_address", "", "address", "address_same_as_main", "main_address"),
    Share("location_contact", "", "contact", "contact_same_as_main", "main_contact"),
)

# The GL accounts tab's fields (key → the location's column), in the seed's order.
ACCOUNTS: dict[str, str] = {
    "sales_account": "sales_account_id",
    "sales_sub": "sales_sub_id",
    "sales_non_taxable_account": "sales_non_taxable_account_id",
    "sales_eu_account": "sales_eu_account_id",
    "sales_export_account": "sales_export_account_id",
    "discount_account": "discount_account_id",
    "discount_sub": "discount_sub_id",
    "freight_account": "freight_account_id",
    "freight_sub": "freight_sub_id",
}
ACCOUNT_KEYS = tuple(ACCOUNTS)
# What AR303000 requires of the default location's accounts.
REQUIRED_ACCOUNTS = {"sales_account": "Sales account", "sales_sub": "Sales sub."}

# The location settings and shipping instructions a new location takes from the default one.
SETTINGS: dict[str, str] = {
    "vat_zone": "vat_zone_id",
    "corporate_id": "corporate_id",
    "vat_registration_id": "vat_registration_id",
    "gln": "gln",
    "edi_code": "edi_code",
    "invoice_to_default_location": "invoice_to_default_location",
    "shipping_branch": "shipping_branch_id",
    "price_class_id": "price_class_id",
    "warehouse": "warehouse_id",
    "ship_via": "ship_via_id",
    "shipping_terms": "shipping_terms_id",
    "shipping_zone_id": "shipping_zone_id",
    "fob_point": "fob_point_id",
    "residential_delivery": "residential_delivery",
    "saturday_delivery": "saturday_delivery",
    "insurance": "insurance",
    "shipping_rule": "shipping_rule",
    "order_priority": "order_priority",
    "lead_time_days": "lead_time_days",
}

# A location ID is letters and digits (the product family's location codes).
LOCATION_ID_PATTERN = re.compile(r"^[A-Za-z0-9]+$")


def workstation_branch_of(session: Session, typed: str) -> str:
    """The branch ID the workstation takes as its current branch, as stored (found regardless of
    case); RecordError says why a branch cannot be it."""
    wanted = typed.strip()
    found = session.scalars(
        select(Branch).where(func.lower(Branch.branch_id) == wanted.lower())
    ).first()
    if found is None:
        raise RecordError(f"Current branch: there is no branch '{wanted}' (Branches, CS102000).")
    if not found.active:
        raise RecordError(f"Current branch: branch {found.branch_id} is inactive.")
    longest = column_length(Location, "location_id") or 0
    if not LOCATION_ID_PATTERN.match(found.branch_id) or len(found.branch_id) > longest:
        raise RecordError(
            f"Current branch: branch {found.branch_id} cannot name a customer's first location "
            "(a location ID is at most 10 letters and digits)."
        )
    return found.branch_id


def main_location_id(session: Session, class_id: int | None) -> str:
    """The ID of a customer's first (main) location: MAIN, or the workstation's current branch's
    ID where the customer's class has Default location ID from branch (app/ledger/workstation.py;
    a branch becomes current only when it can be a location ID, workstation_branch_of)."""
    customer_class = session.get(CustomerClass, class_id) if class_id is not None else None
    if customer_class is not None and customer_class.default_location_id_from_branch:
        return workstation.branch
    return MAIN_LOCATION_ID


# -- what a location's accounts and export type resolve to (documents use these) ---------------


@dataclass(frozen=True)
class LocationAccounts:
    """The GL accounts a location's documents use (ids of GL accounts and subaccounts)."""

    sales_account_id: int | None
    sales_sub_id: int | None
    sales_non_taxable_account_id: int | None
    sales_eu_account_id: int | None
    sales_export_account_id: int | None
    discount_account_id: int | None
    discount_sub_id: int | None
    freight_account_id: int | None
    freight_sub_id: int | None


def default_location_of(session: Session, customer_id: int) -> Location | None:
    found: Location | None = session.scalars(
        select(Location).where(Location.customer_id == customer_id, Location.is_default.is_(True))
    ).first()
    return found


def _own_accounts(location: Location) -> LocationAccounts:
    return LocationAccounts(**{column: getattr(location, column) for column in ACCOUNTS.values()})


def accounts_of(session: Session, location: Location) -> LocationAccounts:
    """The accounts a location uses: its own, or — while Same as default location is ticked —
    the customer's default location's as they are now (a live link)."""
    if location.same_as_default_location and not location.is_default:
        default = default_location_of(session, location.customer_id)
        if default is not None and default.id != location.id:
            return _own_accounts(default)
    return _own_accounts(location)


def location_rows(
    session: Session, customer_id: int, columns: Mapping[str, str]
) -> list[dict[str, Any]]:
    """The customer's locations as AR303000's Locations grid lists them, by location ID:
    ``columns`` maps each column's key to its attribute path on the location; an account
    column shows the account the location uses (the default's while it shares them)."""
    locations = session.scalars(
        select(Location)
        .where(Location.customer_id == customer_id)
        .order_by(Location.location_id)
        .options(selectinload(Location.address))
    ).all()
    default = next((location for location in locations if location.is_default), None)
    by_column = {column: key for key, column in ACCOUNTS.items()}
    rows: list[dict[str, Any]] = []
    for location in locations:
        # accounts_of without a query per row: the default is among the rows read.
        uses_default = location.same_as_default_location and default is not None
        accounts = _own_accounts(default if uses_default and default else location)
        row: dict[str, Any] = {"id": location.id}
        for key, attr in columns.items():
            row[key] = getattr(accounts, attr) if attr in by_column else value_at(location, attr)
        rows.append(row)
    return rows


@dataclass(frozen=True)
class Suggestion:
    """What a document line of a location is suggested: the sales account and VAT category its
    export type implies (seed: About export types)."""

    sales_account_id: int | None
    vat_category_id: int | None


# Export type → (the account column giving the sales account, the VAT category: a category ID,
# or the VAT zone whose default category it is). The seed's table; the categories and zones are
# the ones first-run setup makes (app/ledger/setup.py).
EXPORT_TYPES: dict[ExportType, tuple[str, tuple[str, str]]] = {
    ExportType.DOMESTIC: ("sales_account_id", ("zone", "DOMESTIC")),
    ExportType.DOMESTIC_EXEMPT_VAT: ("sales_non_taxable_account_id", ("category", "EXEMPT")),
    ExportType.EU: ("sales_eu_account_id", ("zone", "EU")),
    ExportType.EXPORT: ("sales_export_account_id", ("zone", "EXPORT")),
}


def vat_category_for(session: Session, export_type: ExportType) -> int | None:
    """The VAT category an export type implies (the sales, exempt, EU or export category)."""
    kind, code = EXPORT_TYPES[export_type][1]
    if kind == "category":
        return session.scalar(select(VatCategory.id).where(VatCategory.vat_category_id == code))
    return session.scalar(
        select(VatZone.default_vat_category_id).where(VatZone.vat_zone_id == code)
    )


def suggestion(session: Session, export_type: Any, accounts: LocationAccounts) -> Suggestion:
    """The sales account and VAT category ``export_type`` implies with these accounts."""
    if not isinstance(export_type, ExportType):
        return Suggestion(None, None)
    account_column = EXPORT_TYPES[export_type][0]
    return Suggestion(getattr(accounts, account_column), vat_category_for(session, export_type))


def suggested(session: Session, location: Location) -> Suggestion:
    """What a document line of ``location`` is suggested, by its export type and the accounts
    it uses."""
    return suggestion(session, location.export_type, accounts_of(session, location))


class LocationService(RecordService[Location]):
    noun = "location"

    def __init__(self, store: Store, rules: ScreenRules | None = None) -> None:
        from app.ledger.definitions.location import LOCATION

        super().__init__(store, Location, rules or LOCATION.rules(), ("customer", "location_id"))
        # A location saved, deactivated or deleted is a change of its customer: Entity
        # updated in a notified customer's change log.
        self.change_log = webhooks.PartLog(LOCATION, lambda row: f"Location {row.location_id}")

    # -- reading -------------------------------------------------------------------------------

    def save(
        self,
        record_id: int | None,
        values: Mapping[str, Any],
        version: int | None = None,
        loaded: Mapping[str, Any] | None = None,
    ) -> int:
        if record_id is None:
            # A new location given only some values (an import, a test) takes a new location's
            # defaults for the rest, as the screen shows them: never saved without its accounts.
            values = self.new_location_values(values.get("customer")) | dict(values)
        return super().save(record_id, values, version, loaded)

    def values_of(self, session: Session, record: Location) -> dict[str, Any]:
        values = super().values_of(session, record)
        if record.same_as_default_location and not record.is_default:
            # Shown as the location uses them: the default location's.
            resolved = asdict(accounts_of(session, record))
            values |= {key: resolved[column] for key, column in ACCOUNTS.items()}
        return values | self._suggested(session, values)

    def new_location_values(self, customer_id: Any) -> dict[str, Any]:
        """What a new location of this customer starts with: the main address and contact
        (shared), the default location's settings and accounts (Same as default location), the
        class's export type; the first location takes the class's accounts and the main ID."""
        values = self.new_values()
        if not isinstance(customer_id, int):
            return values
        with self.store.session() as session:
            customer = session.get(Customer, customer_id)
            if customer is None:
                return values
            values["customer"] = customer_id
            for share in LOCATION_SHARES:
                values[share.flag] = True
                values |= self._main_of(customer, share)
            default = default_location_of(session, customer_id)
            customer_class = customer.customer_class
            if customer_class is not None:
                values["export_type"] = customer_class.export_type
            if default is None:
                values["location_id"] = main_location_id(session, customer.customer_class_id)
                values[SAME_AS_DEFAULT] = False
                if customer_class is not None:
                    values |= {k: getattr(customer_class, c) for k, c in ACCOUNTS.items()}
            else:
                values |= {k: getattr(default, c) for k, c in SETTINGS.items() if k in self.rules}
                values[SAME_AS_DEFAULT] = True
                resolved = asdict(accounts_of(session, default))
                values |= {key: resolved[column] for key, column in ACCOUNTS.items()}
            return values | self._suggested(session, values)

    def main_values(self, customer_id: Any, share: Share) -> dict[str, Any]:
        """The customer's main address (or contact) as the location's section shows it."""
        with self.store.session() as session:
            customer = session.get(Customer, customer_id) if isinstance(customer_id, int) else None
            if customer is None:
                return {}
            return self._main_of(customer, share)

    @staticmethod
    def _main_of(customer: Customer, share: Share) -> dict[str, Any]:
        main = getattr(customer, share.main)
        return {share.key(element): value_at(main, attr) for element, attr in share.parts}

    def default_accounts(self, customer_id: Any) -> dict[str, Any]:
        """The accounts of the customer's default location, keyed as the fields are."""
        if not isinstance(customer_id, int):
            return {}
        with self.store.session() as session:
            default = default_location_of(session, customer_id)
            if default is None:
                return {}
            resolved = asdict(accounts_of(session, default))
            return {key: resolved[column] for key, column in ACCOUNTS.items()}

    def suggested_values(self, values: Mapping[str, Any]) -> dict[str, Any]:
        with self.store.session() as session:
            return self._suggested(session, values)

    def _suggested(self, session: Session, values: Mapping[str, Any]) -> dict[str, Any]:
        accounts = LocationAccounts(**{column: values.get(key) for key, column in ACCOUNTS.items()})
        found = suggestion(session, values.get("export_type"), accounts)
        return {
            SUGGESTED_SALES_ACCOUNT: found.sales_account_id,
            SUGGESTED_VAT_CATEGORY: found.vat_category_id,
        }

    # -- validating ----------------------------------------------------------------------------

    def check(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        problems: dict[str, str | None] = {}
        if not values.get("location_contact_same_as_main"):
            problems["location_contact_email"] = email_problem(values.get("location_contact_email"))
            problems["location_contact_web"] = web_problem(values.get("location_contact_web"))
        if not values.get("location_address_same_as_main"):
            problems["location_address_postcode"] = postcode_problem(
                session,
                values.get("location_address_country"),
                values.get("location_address_postcode"),
            )
        problems["gln"] = gln_problem(values.get("gln"))
        location = session.get(Location, record_id) if record_id is not None else None
        if location is not None:
            problems |= self._protections(location, values)
        return [
            FieldError(key, self.rules[key].label, problem)
            for key, problem in problems.items()
            if problem and key in self.rules
        ] + [
            FieldError(SALESPERSONS, label, problem)
            for label, problem in self._salesperson_problems(session, record_id, values)
        ]

    def _salesperson_problems(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[tuple[str, str]]:
        """The location's salesperson rows, with the customer's rows at other locations: one
        default for the customer (a row ticked here takes the mark from the others)."""
        if SALESPERSONS not in self.grids or not salespersons.written(values):
            return []
        elsewhere, defaults = salespersons.others_of(session, values.get("customer"), record_id)
        return salespersons.row_problems(
            values.get(SALESPERSONS) or [],
            {},
            defaults_elsewhere=defaults,
            rows_elsewhere=elsewhere,
            at=str(values.get("location_id") or ""),
        )

    def salesperson_chosen(self, salesperson_id: Any) -> dict[str, Any]:
        with self.store.session() as session:
            return salespersons.salesperson_values(session, salesperson_id)

    def _protections(self, location: Location, values: Mapping[str, Any]) -> dict[str, str | None]:
        problems: dict[str, str | None] = {}
        typed = values.get("location_id")
        if location.is_main and isinstance(typed, str) and typed != location.location_id:
            problems["location_id"] = (
                f"{location.location_id} is the customer's main location: its ID cannot be changed."
            )
        if location.active and "active" in values and not values.get("active"):
            problems["active"] = self._deactivation_refusal(location)
        return problems

    @staticmethod
    def _deactivation_refusal(location: Location) -> str | None:
        main = "the customer's main location, which stays active"
        if location.is_default:
            also = f" It is also {main}." if location.is_main else ""
            return (
                f"{location.location_id} is the customer's default location and cannot be "
                f"deactivated. Make another location the default first (Set as default).{also}"
            )
        if location.is_main:
            return f"{location.location_id} cannot be deactivated: it is {main}."
        return None

    # -- writing -------------------------------------------------------------------------------

    def writes(self, key: str, values: Mapping[str, Any]) -> bool:
        if shared_key(LOCATION_SHARES, key, values):
            return False  # the customer's main address or contact: edited on AR303000
        # While Same as default location is ticked the accounts shown are the default's.
        return not (
            key in ACCOUNTS and values.get(SAME_AS_DEFAULT) and not values.get("is_default")
        )

    def before_fields(
        self,
        session: Session,
        record: Location,
        values: Mapping[str, Any],
        *,
        is_new: bool,
        written: frozenset[str],
    ) -> None:
        with session.no_autoflush:
            customer = session.get(Customer, values.get("customer"))
            for share in LOCATION_SHARES:
                if share.flag not in written or customer is None:
                    continue  # unchanged: the part stays shared (or its own) as it is
                main = self.part(session, customer, share.main)
                arrange(record, share, main, same=bool(values[share.flag]), session=session)
                if not values[share.flag]:
                    # Its own copy holds what the section shows (the main's, or as typed).
                    own = getattr(record, share.attr)
                    for element, attr in share.parts:
                        setattr(own, attr, values.get(share.key(element)))
            if SAME_AS_DEFAULT in written and not values.get(SAME_AS_DEFAULT):
                # Cleared: the accounts shown (the default's) become the location's own.
                for key, column in ACCOUNTS.items():
                    if key in values:
                        setattr(record, column, values[key])

    def before_save(
        self, session: Session, record: Location, values: Mapping[str, Any], *, is_new: bool
    ) -> None:
        self._salespersons_of_the_customer(session, record)
        if not is_new:
            return
        # A customer's first location is its main and its default one.
        with session.no_autoflush:
            others = count_where(session, Location, Location.customer_id == record.customer_id)
        if not others:
            record.is_default = True
            record.is_main = True
            record.same_as_default_location = False

    def _salespersons_of_the_customer(self, session: Session, record: Location) -> None:
        """Salespersons added here are the customer's (it owns them), at this location."""
        if SALESPERSONS not in self.grids or not record.salespersons:
            return
        with session.no_autoflush:
            customer = session.get(Customer, record.customer_id)
            for row in record.salespersons:
                if (
                    row.customer_id is None
                    and customer is not None
                    and row not in customer.salespersons
                ):
                    customer.salespersons.append(row)
            salespersons.fill_in(session, record.salespersons, record)

    def after_save(
        self, session: Session, record: Location, values: Mapping[str, Any], *, is_new: bool
    ) -> None:
        if SALESPERSONS in self.grids and any(row.is_default for row in record.salespersons):
            # The default salesperson is here now (as written, not as read: another screen may
            # have moved the mark since): the customer's others lose it.
            salespersons.clear_other_defaults(session, record.customer_id, record.id)

    def delete_refusal(self, session: Session, record: Location) -> str | None:
        elsewhere, defaults = salespersons.others_of(session, record.customer_id, record.id)
        if elsewhere and not defaults and any(row.is_default for row in record.salespersons):
            return (
                f"Location {record.location_id} cannot be deleted: the customer's default "
                "salesperson is at it. Mark a salesperson at another location as the default "
                "first (Salespersons tab)."
            )
        main = "the customer's main location, which is never deleted"
        if record.is_default:
            also = f" It is also {main}." if record.is_main else ""
            return (
                f"Location {record.location_id} is the customer's default location and cannot "
                f"be deleted. Make another location the default first (Set as default).{also}"
            )
        if record.is_main:
            return f"Location {record.location_id} cannot be deleted: it is {main}."
        return None

    def deactivate(self, record_id: int, version: int | None) -> None:
        with self.store.session() as session:
            location = session.get(Location, record_id)
            refusal = self._deactivation_refusal(location) if location is not None else None
        if refusal:
            raise RecordError(refusal)
        super().deactivate(record_id, version)

    def describe(self, record: Location) -> str:
        """``Location OSLO of customer 10001``: the customer by its number, not its row id."""
        return f"Location {record.location_id} of customer {record.customer.customer_no}"

    def set_as_default(self, location_id: int) -> None:
        """Make this location the customer's only default location (one transaction). Its
        accounts become its own (the previous default's while it shared them), and must hold
        what AR303000 requires of the default location's."""
        with self.store.transaction() as session:
            location = session.get(Location, location_id)
            if location is None:
                raise StaleRecordError("The location no longer exists.")
            if not location.active:
                raise RecordError("An inactive location cannot be the default location.")
            resolved = accounts_of(session, location)
            missing = [
                label
                for key, label in REQUIRED_ACCOUNTS.items()
                if getattr(resolved, ACCOUNTS[key]) is None
            ]
            if missing:
                raise RecordError(
                    f"Location {location.location_id} cannot be the default location: it has no "
                    f"{' and no '.join(missing)}, which the default location needs."
                )
            for column, value in asdict(resolved).items():
                setattr(location, column, value)
            location.same_as_default_location = False
            previous = session.scalar(
                select(Location.location_id).where(
                    Location.customer_id == location.customer_id,
                    Location.is_default.is_(True),
                    Location.id != location.id,
                )
            )
            session.execute(
                update(Location)
                .where(Location.customer_id == location.customer_id, Location.id != location.id)
                .values(is_default=False)
            )
            location.is_default = True
            webhooks.log_field_changed(
                session,
                location.customer,
                "default_location",
                "Default location",
                previous,
                location.location_id,
            )

    def default_location_id(self, customer_id: int) -> int | None:
        with self.store.session() as session:
            found = default_location_of(session, customer_id)
            return found.id if found is not None else None

    def main_location_of(self, customer_id: int) -> int | None:
        """The customer's main location, shown when the customer is selected (seed)."""
        with self.store.session() as session:
            found: int | None = session.scalar(
                select(Location.id)
                .where(Location.customer_id == customer_id)
                .order_by(Location.is_main.desc(), Location.is_default.desc(), Location.id)
                .limit(1)
            )
            return found
