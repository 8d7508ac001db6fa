"""Demo company (issue 3): a realistic company to look at, made in seconds.

``create_demo_company`` sets the company up as first-run setup does (Norway, NOK by default),
then adds customer classes (domestic, key accounts, EU, export, US dollar) and customers with
names from Faker's Nordic and Dutch locales, each with its MAIN location and some with more
locations. Everything is written in one transaction, with bulk inserts; a progress callback
hears how far it got and may cancel (then nothing is written).

The same seed gives the same company. Every record passes the rules the screens apply (the
tests check that through the screens' own declarations).

A demo database is marked by the name of its branch MAIN (ending in ``(demo company)``): only
an empty database or a demo database is written to, and a demo database is emptied first.
"""

from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from app.ledger.numbering import CUSTOMER_SERIES, next_number
from app.ledger.setup import (
    BRANCH,
    EU_COUNTRIES,
    BaseConfiguration,
    class_defaults,
    configure,
)
from app.models import (
    MAIN_LOCATION_ID,
    Base,
    Branch,
    ClassMailing,
    ClassRecipient,
    Customer,
    CustomerClass,
    CustomerStatus,
    Location,
    NumberSeries,
)
from app.models.database import Store
from app.models.options import CreditVerification, ExportType, StatementType

DEMO_MARK = "(demo company)"
DEMO_COMPANY = "Nordlys Handel AS"
DEMO_FILE = "demo.sqlite"
DEFAULT_CUSTOMERS = 500
DEFAULT_SEED = 2024
BATCH = 500

# Faker locales by country (Faker spells Norwegian Bokmål no_NO).
LOCALES = {"NO": "no_NO", "SE": "sv_SE", "DK": "da_DK", "FI": "fi_FI", "NL": "nl_NL"}

# Company names: a family name or a town, a trade, and the country's company form. (Faker's
# own company names include real companies in some locales; these are made up.)
TRADES = {
    "no_NO": ("Handel", "Bygg", "Transport", "Elektro", "Rør", "Maskin", "Regnskap", "Eiendom"),
    "sv_SE": ("Handel", "Bygg", "Transport", "El", "VVS", "Maskin", "Redovisning", "Fastigheter"),
    "da_DK": ("Handel", "Byg", "Transport", "El", "VVS", "Maskiner", "Revision", "Ejendomme"),
    "fi_FI": (
        "Kauppa",
        "Rakennus",
        "Kuljetus",
        "Sähkö",
        "LVI",
        "Kone",
        "Tilitoimisto",
        "Kiinteistöt",
    ),
    "nl_NL": (
        "Handel",
        "Bouw",
        "Transport",
        "Elektro",
        "Installatie",
        "Machines",
        "Administratie",
        "Vastgoed",
    ),
}
COMPANY_FORMS = {
    "no_NO": ("AS", "AS", "AS", "ANS", "DA"),
    "sv_SE": ("AB", "AB", "AB", "HB"),
    "da_DK": ("A/S", "ApS", "ApS", "I/S"),
    "fi_FI": ("Oy", "Oy", "Oy", "Oyj", "Ky"),
    "nl_NL": ("B.V.", "B.V.", "B.V.", "V.O.F."),
}

# How customers spread over the demo classes, and how often a status occurs.
CLASS_WEIGHTS = {"DOMESTIC": 50, "KEYACCT": 5, "EU": 25, "EXPORT": 12, "USD": 8}
STATUS_WEIGHTS = {
    CustomerStatus.ACTIVE: 90,
    CustomerStatus.ON_HOLD: 3,
    CustomerStatus.CREDIT_HOLD: 3,
    CustomerStatus.INACTIVE: 4,
}
PRIVATE_PERSONS = 0.12  # share of customers that are people rather than companies
EXTRA_LOCATIONS = 0.25  # share of customers with locations besides MAIN
INACTIVE_LOCATIONS = 0.1

# Called with (customers written, customers wanted); answering False cancels.
Progress = Callable[[int, int], bool | None]

_NOT_CODE = re.compile(r"[^A-Z0-9]")
_FOLDED = str.maketrans({"Ø": "O", "Æ": "AE", "Œ": "OE", "ß": "SS", "Þ": "TH", "Ð": "D"})


class DemoError(Exception):
    """The demo company was not created; the message says why."""


class DemoCancelledError(DemoError):
    """The progress callback cancelled; nothing was written."""


@dataclass(frozen=True)
class DemoSummary:
    customers: int
    locations: int
    classes: tuple[str, ...]


def demo_database_path() -> Path:
    """Where ``--demo`` keeps the demo company: ``demo.sqlite`` in the user data folder."""
    from app.paths import data_dir

    return data_dir() / DEMO_FILE


def is_demo(session: Session) -> bool:
    """Whether the database is a demo company (its branch MAIN carries the demo mark)."""
    name = session.scalar(select(Branch.name).where(Branch.branch_id == BRANCH))
    return bool(name) and str(name).endswith(DEMO_MARK)


def is_empty(session: Session) -> bool:
    """No rows in any table of the ledger."""
    return not any(session.scalar(select(func.count()).select_from(table)) for table in _tables())


def create_demo_company(
    store: Store,
    *,
    customers: int = DEFAULT_CUSTOMERS,
    seed: int = DEFAULT_SEED,
    progress: Progress | None = None,
    replace: bool = False,
    base_currency: str = "NOK",
    country: str = "NO",
    language: str = "nb-NO",
) -> DemoSummary:
    """Make the demo company in one transaction.

    Only into an empty database, or (``replace``) a demo database, which is emptied first;
    anything else raises DemoError and is left as it was.
    """
    if customers < 0:
        raise DemoError("The number of customers cannot be negative.")
    with store.transaction() as session:
        if not is_empty(session):
            if not (replace and is_demo(session)):
                where = store.engine.url.render_as_string(hide_password=True)
                raise DemoError(
                    f"The database {where} holds a ledger that is not an empty database or a "
                    "demo company, so the demo company was not made there; the database was "
                    "left as it is. Give the demo company a database of its own."
                )
            for table in reversed(_tables()):
                session.execute(delete(table))
        config = configure(
            session,
            base_currency=base_currency,
            country=country,
            language=language,
            branch_name=f"{DEMO_COMPANY} {DEMO_MARK}",
        )
        _report(progress, 0, customers)
        classes = _classes(session, config)
        written = _Generator(session, config, classes, seed).write(customers, progress)
    return DemoSummary(customers, written, tuple(classes))


# -- classes -------------------------------------------------------------------------------------


def _classes(session: Session, config: BaseConfiguration) -> dict[str, int]:
    """The demo's customer classes, each starting from the default class's values."""
    base = class_defaults(session, config.default_class_id)
    default = session.get(CustomerClass, config.default_class_id)
    assert default is not None
    zone = config.ids["vat_zone"]
    currency = config.ids["currency"]
    terms = config.ids["payment_terms"]
    foreign = {"country_id": None, "enable_currency_override": True}
    specs: list[tuple[str, str, dict[str, Any]]] = [
        ("DOMESTIC", "Domestic customers", {}),
        (
            "KEYACCT",
            "Key accounts with a credit limit",
            {
                "terms_id": terms["30D2"],
                "credit_verification": CreditVerification.LIMIT_AND_DAYS_PAST_DUE,
                "credit_limit": 500_000,
                "credit_days_past_due": 30,
                "statement_type": StatementType.BALANCE_BROUGHT_FORWARD,
                "print_statements": True,
            },
        ),
        (
            "EU",
            "Customers in other EU countries",
            foreign
            | {
                "vat_zone_id": zone["EU"],
                "export_type": ExportType.EU,
                "currency_id": currency["EUR"],
                "warning_when_missing_vat_registration_id": True,
                "terms_id": terms["30D"],
            },
        ),
        (
            "EXPORT",
            "Customers outside the EU",
            foreign
            | {
                "vat_zone_id": zone["EXPORT"],
                "export_type": ExportType.EXPORT,
                "terms_id": terms["30D"],
            },
        ),
        (
            "USD",
            "Customers invoiced in US dollars",
            foreign
            | {
                "vat_zone_id": zone["EXPORT"],
                "export_type": ExportType.EXPORT,
                "currency_id": currency["USD"],
                "terms_id": terms["30D"],
            },
        ),
    ]
    ids: dict[str, int] = {}
    for code, description, changes in specs:
        record = CustomerClass(
            class_id=code,
            description=description,
            mailings=[_copy_mailing(mailing) for mailing in default.mailings],
            **(base | changes),
        )
        session.add(record)
        session.flush()
        ids[code] = record.id
    return ids


def _copy_mailing(mailing: ClassMailing) -> ClassMailing:
    columns = ("mailing_id", "email_account_id", "report_id", "notification_template_id")
    copy = ClassMailing(
        **{column: getattr(mailing, column) for column in columns},
        branch_id=mailing.branch_id,
        format=mailing.format,
        active=mailing.active,
    )
    copy.recipients = [
        ClassRecipient(
            contact_type=recipient.contact_type,
            employee_id=recipient.employee_id,
            format=recipient.format,
            active=recipient.active,
            bcc=recipient.bcc,
        )
        for recipient in mailing.recipients
    ]
    return copy


# -- customers -----------------------------------------------------------------------------------


class _Generator:
    """Customers and their locations, drawn from one seeded random source per concern."""

    def __init__(
        self, session: Session, config: BaseConfiguration, classes: dict[str, int], seed: int
    ) -> None:
        from faker import Faker

        self.session = session
        self.classes = classes
        self.random = random.Random(seed)
        self.fakers: dict[str, Any] = {}
        for index, locale in enumerate(sorted(set(LOCALES.values()))):
            fake = Faker(locale)
            fake.seed_instance(seed * 100 + index)
            self.fakers[locale] = fake
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
        series = session.scalars(
            select(NumberSeries).where(NumberSeries.series_id == CUSTOMER_SERIES)
        ).one()
        self.series = series

    def write(self, count: int, progress: Progress | None) -> int:
        locations = 0
        done = 0
        while done < count:
            size = min(BATCH, count - done)
            customers, extra = zip(*(self._customer() for _ in range(size)), strict=True)
            ids = self.session.scalars(
                insert(Customer).returning(Customer.id, sort_by_parameter_order=True),
                list(customers),
            ).all()
            rows = []
            for customer_id, customer, more in zip(ids, customers, extra, strict=True):
                rows.append(
                    {
                        "customer_id": customer_id,
                        "location_id": MAIN_LOCATION_ID,
                        "location_name": customer["name"],
                        "active": True,
                        "is_default": True,
                    }
                )
                rows.extend({"customer_id": customer_id, **location} for location in more)
            self.session.execute(insert(Location), rows)
            locations += len(rows)
            done += size
            _report(progress, done, count)
        return locations

    def _customer(self) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        pick = self.random
        class_code = pick.choices(self.class_codes, self.class_weights)[0]
        locale = pick.choice(self.locales_of_class[class_code])
        fake = self.fakers[locale]
        name = fake.name() if pick.random() < PRIVATE_PERSONS else self._company(locale, fake)
        number = next_number(self.series)
        self.series.last_number = number
        customer = {
            "customer_no": number,
            "name": name[:255],
            "status": pick.choices(self.statuses, self.status_weights)[0],
            "customer_class_id": self.classes[class_code],
        }
        return customer, self._extra_locations(fake)

    def _company(self, locale: str, fake: Any) -> str:
        pick = self.random
        form = pick.choice(COMPANY_FORMS[locale])
        shape = pick.random()
        if shape < 0.45:
            return f"{fake.last_name()} {pick.choice(TRADES[locale])} {form}"
        if shape < 0.7:
            return f"{fake.last_name()} & {fake.last_name()} {form}"
        if shape < 0.9:
            return f"{fake.city()} {pick.choice(TRADES[locale])} {form}"
        return f"{fake.last_name()} {form}"

    def _extra_locations(self, fake: Any) -> list[dict[str, Any]]:
        pick = self.random
        if pick.random() >= EXTRA_LOCATIONS:
            return []
        used = {MAIN_LOCATION_ID}
        locations = []
        for _ in range(pick.choice((1, 1, 1, 2, 2, 3))):
            city = str(fake.city())
            code = location_code(city, used)
            used.add(code)
            locations.append(
                {
                    "location_id": code,
                    "location_name": f"{fake.street_address()}, {city}"[:255],
                    "active": pick.random() >= INACTIVE_LOCATIONS,
                    "is_default": False,
                }
            )
        return locations


def location_code(place: str, used: set[str] | Sequence[str] = ()) -> str:
    """A location ID from a place name: ``Tromsø`` → ``TROMSO``; letters and digits, at most
    10, not one of ``used`` (``BERGEN2`` for a second Bergen)."""
    folded = unicodedata.normalize("NFKD", place.upper().translate(_FOLDED))
    code = _NOT_CODE.sub("", folded.encode("ascii", "ignore").decode())[:10] or "LOC"
    candidate, number = code, 1
    while candidate in used:
        number += 1
        suffix = str(number)
        candidate = code[: 10 - len(suffix)] + suffix
    return candidate


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and progress(done, total) is False:
        raise DemoCancelledError("The demo company was cancelled; nothing was written.")


def _tables() -> list[Any]:
    return list(Base.metadata.sorted_tables)
