"""The demo company's customers with everything a customer record holds: class values, main
address and contact, invoice address and contact (Same as main for most), the MAIN location and
more locations for some, identifiers, payment methods, parent and child accounts, and a year of
documents (app/ledger/demo/documents.py).

Customers are written in batches with bulk inserts (addresses, contacts, customers, locations,
payment methods, documents), each row complete as the screens would save it.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.orm import Session

from app.ledger import class_defaults
from app.ledger.balances import in_base_currency, is_open, signed
from app.ledger.currency_rates import base_places
from app.ledger.customers import MAIN_LOCATION_NAME
from app.ledger.demo.attributes import AttributeWriter
from app.ledger.demo.bulk import insert_rows, insert_rows_ids
from app.ledger.demo.documents import APPLIES, Account, Ledger, applications
from app.ledger.demo.identifiers import Identifiers
from app.ledger.demo.mailings import MailingWriter
from app.ledger.demo.names import (
    ACCOUNTS_DEPARTMENTS,
    BRANCH_WORDS,
    company_name,
    domain,
    location_code,
    mailbox,
)
from app.ledger.demo.people import People
from app.ledger.demo.rates import add_rates
from app.ledger.demo.reference import Delivery
from app.ledger.demo.sales_team import Customer as Written
from app.ledger.demo.sales_team import PeopleWriter
from app.ledger.documents.stored_balance import refresh_stored_balance
from app.ledger.numbering import CUSTOMER_SERIES, next_number
from app.ledger.setup import BANK_TRANSFER, BRANCH, DIRECT_DEBIT, EU_COUNTRIES, BaseConfiguration
from app.models import (
    MAIN_LOCATION_ID,
    PREFERENCES_ID,
    Address,
    ArApplication,
    ArDocument,
    ArDocumentLine,
    Contact,
    Customer,
    CustomerBalance,
    CustomerClass,
    CustomerPaymentMethod,
    CustomerPaymentMethodDetail,
    CustomerStatus,
    DirectDebitMandate,
    DocumentType,
    Location,
    NumberSeries,
    PaymentMethod,
    PaymentTerms,
    Preferences,
)

BATCH = 500

# Faker locales by country (Faker spells Norwegian Bokmål no_NO).
LOCALES = {"NO": "no_NO", "SE": "sv_SE", "DK": "da_DK", "FI": "fi_FI", "NL": "nl_NL"}
COUNTRY_OF = {locale: country for country, locale in LOCALES.items()}
# The post-office box line of an invoice address of its own.
BOXES = {
    "no_NO": "Postboks",
    "sv_SE": "Box",
    "da_DK": "Postboks",
    "fi_FI": "PL",
    "nl_NL": "Postbus",
}
FREE_MAIL = ("gmail.com", "outlook.com", "hotmail.com", "online.no", "live.se")

# How customers spread over the demo classes, and how often a status occurs.
CLASS_WEIGHTS = {"DOMESTIC": 50, "KEYACCT": 5, "EU": 25, "EXPORT": 12, "USD": 8}
STATUS_WEIGHTS = {
    CustomerStatus.ACTIVE: 90,
    CustomerStatus.ON_HOLD: 3,
    CustomerStatus.CREDIT_HOLD: 3,
    CustomerStatus.INACTIVE: 4,
}
PRIVATE_PERSONS = 0.12  # share of domestic customers that are people rather than companies
EXTRA_LOCATIONS = 0.25  # share of customers with locations besides MAIN
INACTIVE_LOCATIONS = 0.1
OWN_INVOICE_ADDRESS = 0.1
OWN_INVOICE_CONTACT = 0.15
OWN_LOCATION_CONTACT = 0.5
GLNS = 0.15  # share of companies (and of their other locations) with a global location number
DIRECT_DEBITS = 0.2  # share of domestic customers paying by direct debit
MONTHLY_PAYERS = 0.4  # share of customers paying a month's invoices at once
PARENTS = 0.015  # share of companies with child accounts
# The bank a direct debit customer's mandate names, by country (a valid BIC of each).
MANDATE_BICS = {
    "NO": "DNBANOKK",
    "SE": "ESSESESS",
    "DK": "DABADKKK",
    "FI": "NDEAFIHH",
    "NL": "ABNANL2A",
}
# A Finnish company's Finvoice contract ID is its OVT code (0037 and its business ID); its
# invoices go through one intermediator (a bank's BIC, as Finvoice operators are named).
FINVOICE_INTERMEDIATOR = "NDEAFIHH"
# Typical invoice amount by class, in the class's currency.
INVOICE_SIZES = {"DOMESTIC": 9_000.0, "KEYACCT": 60_000.0, "EU": 1_800.0, "EXPORT": 14_000.0}
INVOICE_SIZES["USD"] = 2_000.0
INVOICE_RATES = (0.25, 0.5, 0.5, 0.75, 1.0, 1.5)  # invoices a month

# Called with (customers written, customers wanted); answering False cancels.
Report = Callable[[int], None]


def _split_from_class() -> dict[str, dict[str, str]]:
    """FROM_CLASS (the one declaration of what a customer takes from its class) by the record
    holding each value: ``""`` the customer, ``main_address``, ``default_location`` …"""
    parts: dict[str, dict[str, str]] = {}
    for path, class_attr in class_defaults.FROM_CLASS.items():
        owner, _dot, attr = path.rpartition(".")
        parts.setdefault(owner, {})[attr] = class_attr
    unknown = set(parts) - {"", "main_address", "default_location", "default_payment_method"}
    if unknown:
        raise RuntimeError(f"The demo company does not know where to put {sorted(unknown)}.")
    return parts


@dataclass
class _Plan:
    """One customer and its parts, before they have ids."""

    class_code: str
    locale: str
    customer: dict[str, Any]
    main_address: dict[str, Any]
    main_contact: dict[str, Any]
    main_location: dict[str, Any]
    invoice_address: dict[str, Any] | None = None
    invoice_contact: dict[str, Any] | None = None
    # (location, own address, own contact or None for the main one)
    locations: list[tuple[dict[str, Any], dict[str, Any], dict[str, Any] | None]] = field(
        default_factory=list
    )
    payment_methods: list[tuple[dict[str, Any], list[dict[str, Any]]]] = field(default_factory=list)
    # Direct debit mandates (the Direct debit tab): the one its direct debit method names.
    mandates: list[dict[str, Any]] = field(default_factory=list)
    parent: int | None = None  # index of the parent's plan in the batch
    domain: str = ""


class CustomerWriter:
    """Customers and their parts, drawn from one seeded random source."""

    def __init__(
        self,
        session: Session,
        config: BaseConfiguration,
        classes: dict[str, int],
        delivery: Delivery,
        seed: int,
        as_at: date,
    ) -> None:
        from faker import Faker

        self.session = session
        self.delivery = delivery
        self.as_at = as_at
        self.random = random.Random(seed)
        self.ids = Identifiers(random.Random(seed + 1))
        self.fakers: dict[str, Any] = {}
        for index, locale in enumerate(sorted(set(LOCALES.values()))):
            fake = Faker(locale)
            fake.seed_instance(seed * 100 + index)
            self.fakers[locale] = People(fake, COUNTRY_OF[locale], self.random)
        base = config.country
        others = [country for country in LOCALES if country != base]
        self.locales_of_class = {
            "DOMESTIC": [LOCALES.get(base, "no_NO")],
            "KEYACCT": [LOCALES.get(base, "no_NO")],
            "EU": [LOCALES[c] for c in others if c in EU_COUNTRIES] or [LOCALES[others[0]]],
            "EXPORT": [LOCALES[c] for c in others],
            "USD": [LOCALES[c] for c in others],
        }
        self.class_codes = list(CLASS_WEIGHTS)
        self.class_weights = list(CLASS_WEIGHTS.values())
        self.statuses = list(STATUS_WEIGHTS)
        self.status_weights = list(STATUS_WEIGHTS.values())
        self.series = session.scalars(
            select(NumberSeries).where(NumberSeries.series_id == CUSTOMER_SERIES)
        ).one()
        self.countries = config.ids["country"]
        self._class_values(session, classes)
        self._payment_methods(session)
        terms = dict(session.execute(select(PaymentTerms.id, PaymentTerms.due_days)).all())
        self.due_days = {
            code: terms.get(v["terms_id"]) or 0 for code, v in self.customer_of.items()
        }
        preferences = session.get_one(Preferences, PREFERENCES_ID)
        series_ids = {
            DocumentType.INVOICE: preferences.invoice_number_series_id,
            DocumentType.CREDIT_NOTE: preferences.credit_note_number_series_id,
            DocumentType.PAYMENT: preferences.payment_number_series_id,
        }
        self.ledger = Ledger.of(
            session,
            random.Random(seed + 2),
            as_at,
            config.id_of("branch", BRANCH),
            {doc_type: series_id for doc_type, series_id in series_ids.items() if series_id},
            add_rates(session, config, as_at, seed + 7),
        )
        self.locations = 0
        # The customers' salespersons and contact persons (app/ledger/demo/sales_team.py).
        self.people = PeopleWriter(session, classes, random.Random(seed + 3))
        self.attributes = AttributeWriter(session, classes, random.Random(seed + 4))
        # Their mailings: the class's, some with a contact of their own (demo/mailings.py).
        self.mailings = MailingWriter(session, classes, random.Random(seed + 5))

    def _class_values(self, session: Session, classes: dict[str, int]) -> None:
        """Each class's values for the customer, its main address, MAIN location and default
        payment method, as choosing the class on AR303000 fills them in."""
        parts = _split_from_class()
        self.class_ids = classes
        self.customer_of: dict[str, dict[str, Any]] = {}
        self.address_of: dict[str, dict[str, Any]] = {}
        self.location_of: dict[str, dict[str, Any]] = {}
        self.payment_of: dict[str, dict[str, Any]] = {}
        for code, class_id in classes.items():
            record = session.get_one(CustomerClass, class_id)

            def values(owner: str, record: CustomerClass = record) -> dict[str, Any]:
                return {attr: getattr(record, name) for attr, name in parts[owner].items()}

            self.customer_of[code] = values("")
            self.address_of[code] = values("main_address")
            self.location_of[code] = values("default_location")
            self.payment_of[code] = values("default_payment_method")

    def _payment_methods(self, session: Session) -> None:
        methods = {
            m.payment_method_id: m
            for m in session.scalars(
                select(PaymentMethod).where(
                    PaymentMethod.payment_method_id.in_((BANK_TRANSFER, DIRECT_DEBIT))
                )
            )
        }
        self.bank = methods[BANK_TRANSFER]
        self.direct_debit = methods[DIRECT_DEBIT]
        self.mandate, self.iban = (
            {d.detail_id: d.id for d in self.direct_debit.details}[key]
            for key in ("MANDATE", "IBAN")
        )

    # -- writing -----------------------------------------------------------------------------

    def write(self, count: int, report: Report) -> None:
        done = 0
        while done < count:
            plans = self._plans(min(BATCH, count - done))
            self._insert(plans)
            done += len(plans)
            report(done)
        self.ledger.finish()
        store_balances(self.session)

    def _plans(self, size: int) -> list[_Plan]:
        plans: list[_Plan] = []
        while len(plans) < size:
            plan = self._customer()
            plans.append(plan)
            room = size - len(plans)
            if room >= 2 and self._may_be_parent(plan) and self.random.random() < PARENTS:
                parent = len(plans) - 1
                for _ in range(min(room, self.random.randint(2, 5))):
                    plans.append(self._child(plans[parent], parent))
        return plans

    @staticmethod
    def _may_be_parent(plan: _Plan) -> bool:
        """An active company of the home country."""
        active = plan.customer["status"] is CustomerStatus.ACTIVE
        return active and bool(plan.domain) and plan.class_code in ("DOMESTIC", "KEYACCT")

    def _insert(self, plans: list[_Plan]) -> None:
        session = self.session
        addresses: list[dict[str, Any]] = []
        contacts: list[dict[str, Any]] = []
        for plan in plans:
            addresses.append(plan.main_address)
            contacts.append(plan.main_contact)
            if plan.invoice_address is not None:
                addresses.append(plan.invoice_address)
            if plan.invoice_contact is not None:
                contacts.append(plan.invoice_contact)
            for _location, own_address, own_contact in plan.locations:
                addresses.append(own_address)
                if own_contact is not None:
                    contacts.append(own_contact)
        address_ids = iter(self._ids(Address, addresses))
        contact_ids = iter(self._ids(Contact, contacts))

        customers = []
        parts: list[tuple[int, int, list[tuple[int, int]]]] = []
        for plan in plans:
            address, contact = next(address_ids), next(contact_ids)
            invoice_address = address if plan.invoice_address is None else next(address_ids)
            invoice_contact = contact if plan.invoice_contact is None else next(contact_ids)
            customers.append(
                plan.customer
                | {
                    "main_address_id": address,
                    "main_contact_id": contact,
                    "invoice_address_id": invoice_address,
                    "invoice_contact_id": invoice_contact,
                }
            )
            others = [
                (next(address_ids), next(contact_ids) if own is not None else contact)
                for _location, _address, own in plan.locations
            ]
            parts.append((address, contact, others))
        customer_ids = self._ids(Customer, customers)
        children = [
            {"child": customer_ids[n], "parent": customer_ids[plan.parent]}
            for n, plan in enumerate(plans)
            if plan.parent is not None
        ]
        if children:
            table: Any = Customer.__table__
            session.connection().execute(
                update(table)
                .where(table.c.id == bindparam("child"))
                .values(parent_account_id=bindparam("parent")),
                children,
            )

        locations = []
        for customer_id, plan, (main_address, main_contact, others) in zip(
            customer_ids, plans, parts, strict=True
        ):
            locations.append(
                plan.main_location
                | {
                    "customer_id": customer_id,
                    "address_id": main_address,
                    "contact_id": main_contact,
                }
            )
            for (location, _a, _c), (address_id, contact_id) in zip(
                plan.locations, others, strict=True
            ):
                locations.append(
                    location
                    | {
                        "customer_id": customer_id,
                        "address_id": address_id,
                        "contact_id": contact_id,
                    }
                )
        location_ids = iter(self._ids(Location, locations))
        self.locations += len(locations)

        methods, details, accounts, written = [], [], [], []
        mandates: list[dict[str, Any]] = []
        for customer_id, plan, customer in zip(customer_ids, plans, customers, strict=True):
            mandates += [mandate | {"customer_id": customer_id} for mandate in plan.mandates]
            mine = [next(location_ids) for _ in range(1 + len(plan.locations))]
            written.append(
                Written(
                    customer_id,
                    plan.class_code,
                    self.fakers[plan.locale],
                    plan.main_address["city"],
                    plan.main_address["country_id"],
                    plan.domain,
                    mine,
                )
            )
            active = [mine[0]] + [
                id_
                for id_, (loc, _a, _c) in zip(mine[1:], plan.locations, strict=True)
                if loc["active"]
            ]
            for method, rows in plan.payment_methods:
                methods.append(method | {"customer_id": customer_id})
                details.append(rows)
            accounts.append(
                Account(
                    customer_id=customer_id,
                    location_ids=tuple(active),
                    currency_id=customer["currency_id"],
                    due_days=self.due_days[plan.class_code],
                    size=INVOICE_SIZES[plan.class_code] * self.random.uniform(0.3, 2.0),
                    invoices_a_month=self.random.choice(INVOICE_RATES)
                    * (3 if plan.class_code == "KEYACCT" else 1),
                    payer=self._payer(customer["status"]),
                    inactive=customer["status"] is CustomerStatus.INACTIVE,
                    pays_monthly=self.random.random() < MONTHLY_PAYERS,
                    takes_invoices=customer["status"]
                    in (CustomerStatus.ACTIVE, CustomerStatus.ONE_TIME),
                )
            )
        method_ids = self._ids(CustomerPaymentMethod, methods)
        detail_rows = [
            row | {"customer_payment_method_id": method_id}
            for method_id, rows in zip(method_ids, details, strict=True)
            for row in rows
        ]
        if detail_rows:
            insert_rows(session, _table(CustomerPaymentMethodDetail), detail_rows)
        insert_rows(session, _table(DirectDebitMandate), mandates)
        documents = self.ledger.documents(accounts)
        if documents:
            # The links of payments to what they pay come out before the rows are written.
            linked = [(row, row.pop(APPLIES, None)) for row in documents]
            ids = self._ids(ArDocument, documents)
            for row, applies in linked:
                if applies is not None:
                    row[APPLIES] = applies
            applied = applications(documents, ids, base_places(session))
            if applied:
                insert_rows(session, _table(ArApplication), applied)
            # A draft can be opened and saved on AR301000, whose amount is the sum of its
            # lines: it is written with its line (released ones are never edited).
            drafts = [
                {
                    "document_id": document_id,
                    "line_nbr": 1,
                    "description": row["description"],
                    "amount": row["amount"],
                }
                for row, document_id in zip(documents, ids, strict=True)
                if not row["released"]
            ]
            if drafts:
                insert_rows(session, _table(ArDocumentLine), drafts)
        self.people.write(written)
        self.attributes.write([(c.id, c.class_code, bool(c.domain)) for c in written])
        self.mailings.write(written)

    def _ids(self, model: Any, rows: list[dict[str, Any]]) -> list[int]:
        return insert_rows_ids(self.session, model.__table__, rows)

    def _payer(self, status: CustomerStatus) -> str:
        payer = self.ledger.payer()
        if status is CustomerStatus.CREDIT_HOLD:
            return "bad" if self.random.random() < 0.5 else "late"
        return payer

    # -- one customer ------------------------------------------------------------------------

    def _customer(self) -> _Plan:
        pick = self.random
        class_code = pick.choices(self.class_codes, self.class_weights)[0]
        locale = pick.choice(self.locales_of_class[class_code])
        fake = self.fakers[locale]
        person = class_code == "DOMESTIC" and pick.random() < PRIVATE_PERSONS
        name = fake.name() if person else company_name(pick, locale, fake)
        status = pick.choices(self.statuses, self.status_weights)[0]
        return self._plan(class_code, locale, name[:255], status, person=person)

    def _child(self, parent: _Plan, index: int) -> _Plan:
        """A branch office of ``parent``: the same class and country, its own address."""
        pick = self.random
        fake = self.fakers[parent.locale]
        name = f"{parent.customer['name']} {BRANCH_WORDS[parent.locale]} {fake.city()}"
        plan = self._plan(parent.class_code, parent.locale, name[:255], CustomerStatus.ACTIVE)
        consolidate = pick.random() < 0.8
        plan.customer |= {
            "consolidate_balance": consolidate,
            "consolidate_statements": pick.random() < 0.6,
            "shared_credit_policy": consolidate and pick.random() < 0.5,
        }
        plan.parent = index
        return plan

    def _plan(
        self,
        class_code: str,
        locale: str,
        name: str,
        status: CustomerStatus,
        *,
        person: bool = False,
    ) -> _Plan:
        pick = self.random
        fake = self.fakers[locale]
        country = COUNTRY_OF[locale]
        number = next_number(self.series)
        self.series.last_number = number
        customer = self.customer_of[class_code] | {
            "customer_no": number,
            "name": name,
            "status": status,
            "customer_class_id": self.class_ids[class_code],
            "invoice_address_same_as_main": True,
            "invoice_contact_same_as_main": True,
            "parent_account_id": None,
            "consolidate_balance": False,
            "consolidate_statements": False,
            "shared_credit_policy": False,
        }
        address = self._address(fake, country, class_code)
        web = "" if person else domain(name, locale)
        contact = self._contact(fake, name, web, person=person)
        corporate_id, vat_id = (None, None) if person else self.ids.company(country)
        finvoice = country == "FI" and corporate_id is not None
        customer |= {
            "finvoice_contract_id": f"0037{(corporate_id or '').replace('-', '')}"
            if finvoice
            else None,
            "finvoice_intermediator_id": FINVOICE_INTERMEDIATOR if finvoice else None,
        }
        zone = self.delivery.zone_of(country, address["postcode"])
        main = self.location_of[class_code] | {
            "location_id": MAIN_LOCATION_ID,
            "location_name": MAIN_LOCATION_NAME,
            "active": True,
            "is_default": True,
            "is_main": True,
            "address_same_as_main": True,
            "contact_same_as_main": True,
            "corporate_id": corporate_id,
            "vat_registration_id": vat_id,
            "gln": self.ids.gln(country) if not person and pick.random() < GLNS else None,
            "shipping_zone_id": zone,
            "warehouse_id": self.delivery.warehouse_of(zone),
            "fob_point_id": self.delivery.fob_points["DEST" if country == "NO" else "ORIGIN"],
            "residential_delivery": person,
        }
        plan = _Plan(class_code, locale, customer, address, contact, main, domain=web)
        if not person and pick.random() < OWN_INVOICE_ADDRESS:
            plan.invoice_address = address | {
                "address_1": f"{BOXES[locale]} {pick.randint(1, 9999)}",
                "address_2": None,
            }
            customer["invoice_address_same_as_main"] = False
        if not person and pick.random() < OWN_INVOICE_CONTACT:
            plan.invoice_contact = contact | {
                "attention": pick.choice(ACCOUNTS_DEPARTMENTS[locale]),
                "email": f"faktura@{web}",
                "phone_2": None,
            }
            customer["invoice_contact_same_as_main"] = False
        if not person and pick.random() < EXTRA_LOCATIONS:
            self._more_locations(plan, fake, country)
        plan.payment_methods = self._payment_methods_of(plan, country)
        plan.mandates = self._mandates_of(plan, country)
        return plan

    def _mandates_of(self, plan: _Plan, country: str) -> list[dict[str, Any]]:
        """The mandate a direct debit customer signed a year ago: the reference and IBAN its
        direct debit method's details hold, its bank's BIC; the default one."""
        for method, rows in plan.payment_methods:
            if method["payment_method_id"] != self.direct_debit.id:
                continue
            values = {row["payment_method_detail_id"]: row["value"] for row in rows}
            return [
                {
                    "mandate_id": values[self.mandate],
                    "description": "Direct debit of invoices",
                    "date_of_signature": self.as_at - timedelta(days=365),
                    "is_default": True,
                    "one_time": False,
                    "bic": MANDATE_BICS.get(country),
                    "iban": values[self.iban],
                    "last_collection_date": None,
                    "max_amount": None,
                    "expiration_date": None,
                    "branch_id": None,
                }
            ]
        return []

    def _address(self, fake: Any, country: str, class_code: str) -> dict[str, Any]:
        country_id = self.address_of[class_code].get("country_id") or self.countries[country]
        return {
            "address_1": str(fake.street_address())[:50],
            "address_2": None,
            "address_3": None,
            "postcode": str(fake.postcode()),
            "city": str(fake.city())[:50],
            "country_id": country_id,
            "county_id": None,
        }

    def _contact(self, fake: Any, name: str, web: str, *, person: bool) -> dict[str, Any]:
        pick = self.random
        attention = name if person else str(fake.name())
        if person:
            local = mailbox(name)
            email = f"{local}@{pick.choice(FREE_MAIL)}"
        else:
            local = "post" if pick.random() < 0.5 else mailbox(attention)
            email = f"{local}@{web}"
        return {
            "company_name": None if person else name,
            "attention": attention,
            "email": email,
            "web": None if person else f"www.{web}",
            "phone_1": str(fake.phone_number()),
            "phone_2": None if person or pick.random() < 0.6 else str(fake.phone_number()),
            "fax": None,
        }

    def _more_locations(self, plan: _Plan, fake: Any, country: str) -> None:
        pick = self.random
        used = {MAIN_LOCATION_ID}
        main = plan.main_location
        for _ in range(pick.choice((1, 1, 1, 2, 2, 3))):
            address = self._address(fake, country, plan.class_code)
            code = location_code(address["city"], used)
            used.add(code)
            contact = None
            if pick.random() < OWN_LOCATION_CONTACT:
                contact = self._contact(fake, plan.customer["name"], plan.domain, person=False)
            zone = self.delivery.zone_of(country, address["postcode"])
            location = main | {
                "location_id": code,
                "location_name": f"{plan.customer['name']}, {address['city']}"[:255],
                "active": pick.random() >= INACTIVE_LOCATIONS,
                "is_default": False,
                "is_main": False,
                "address_same_as_main": False,
                "contact_same_as_main": contact is None,
                "gln": self.ids.gln(country) if pick.random() < GLNS * 2 else None,
                "shipping_zone_id": zone,
                "warehouse_id": self.delivery.warehouse_of(zone),
            }
            plan.locations.append((location, address, contact))

    def _payment_methods_of(
        self, plan: _Plan, country: str
    ) -> list[tuple[dict[str, Any], list[dict[str, Any]]]]:
        """The class's payment method as the default; direct debit (with its mandate and the
        customer's IBAN) as the default for some domestic customers, bank transfer kept."""
        class_method = self.payment_of[plan.class_code].get("payment_method_id")
        methods = [self.bank]
        if plan.class_code in ("DOMESTIC", "KEYACCT") and self.random.random() < DIRECT_DEBITS:
            methods = [self.direct_debit, self.bank]
        elif class_method is not None and class_method != self.bank.id:
            methods = [m for m in (self.direct_debit,) if m.id == class_method] or methods
        found = []
        for n, method in enumerate(methods):
            rows = []
            if method is self.direct_debit:
                number = plan.customer["customer_no"]
                rows = [
                    {"payment_method_detail_id": self.mandate, "value": f"MND-{number}-1"},
                    {"payment_method_detail_id": self.iban, "value": self.ids.iban(country)},
                ]
            found.append(
                (
                    {
                        "payment_method_id": method.id,
                        "cash_account_id": method.cash_account_id,
                        "description": None,
                        "account_used_for_payment": None,
                        "active": True,
                        "is_default": n == 0,
                        "override": False,
                    },
                    rows,
                )
            )
        return found


def _table(model: Any) -> Any:
    return model.__table__


def store_balances(session: Session) -> None:
    """Every customer's stored balance from its documents, in one statement (the ledger keeps
    it per command; app/ledger/documents/stored_balance.py)."""
    summed = (
        select(ArDocument.customer_id, func.sum(signed(ArDocument.balance)))
        .where(is_open(), in_base_currency())
        .group_by(ArDocument.customer_id)
    )
    session.execute(insert(CustomerBalance).from_select(["customer_id", "balance"], summed))
    # Customers with documents in another currency: those converted one by one, as the ledger
    # does (app/ledger/currency_rates.py).
    refresh_stored_balance(
        session,
        session.scalars(
            select(ArDocument.customer_id).where(~in_base_currency(), is_open()).distinct()
        ),
    )
