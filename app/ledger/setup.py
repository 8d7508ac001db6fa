"""First-run setup: a working base configuration for a new ledger database (issue 3).

A new database holds no reference data, and every lookup of the four screens selects from it.
``set_up_company`` writes, in one transaction, what a company needs to start working:

- all ISO 3166 countries (pycountry) with their subdivisions as counties (every level for the
  base country, the top level for the others) and postcode rules for common countries;
- the base currency and the common European ones, with their decimal places; rate type SPOT;
- the document language and English; branch MAIN;
- VAT categories (standard, reduced, exempt) with the base country's rates and VAT zones
  DOMESTIC, EU and EXPORT;
- a minimal chart of accounts with a default subaccount, and a bank cash account;
- number series CUSTOMER and one for each document type of AR101000;
- statement cycle EOM (end of month, 30/60/90 days), payment terms, payment methods, write-off
  reason codes, the customer ledger reports, notification templates and mailings;
- customer class DEFAULT filled with those defaults, and the preferences record pointing at
  them all;
- supplier class DEFAULT, the default class of new suppliers (currency, payment settings and
  the supplier ledger and expense accounts),

so the first customer can be saved with only a name. A database that already has its
preferences record is set up: it is refused, untouched. Records that already exist (the same
code) are kept as they are and used where the configuration refers to them.

The rates, accounts and codes are starting points: every one of them can be changed in its
configuration screen.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.ledger.first_run import first_run_needed as first_run_needed
from app.ledger.numbering import CUSTOMER_SERIES
from app.ledger.segmented_keys import SUBACCOUNT_KEY
from app.models import (
    PREFERENCES_ID,
    AccountType,
    Branch,
    CashAccount,
    ClassMailing,
    ClassRecipient,
    Country,
    County,
    Currency,
    CustomerClass,
    DefaultRecipient,
    DefaultSource,
    GlAccount,
    KeySegment,
    Language,
    NotificationTemplate,
    NumberSeries,
    PaymentMethod,
    PaymentMethodDetail,
    PaymentTerms,
    Preferences,
    RateType,
    ReasonCode,
    Report,
    SegmentedKey,
    StatementCycle,
    Subaccount,
    SupplierClass,
    VatCategory,
    VatZone,
)
from app.models.database import Store
from app.models.options import ContactType, ExportType, MailingFormat, StatementType
from app.models.reference.credit import AgeBasedOn, DueDateType, PrepareOn
from app.models.reference.payments import MeansOfPayment
from app.models.reference.system import ReasonCodeUsage

ENGLISH = "en-GB"
RATE_TYPE = "SPOT"
BRANCH = "MAIN"
DEFAULT_CLASS = "DEFAULT"
SUBACCOUNT = "000"
CASH_ACCOUNT = "BANK"
STATEMENT_CYCLE = "EOM"
DEFAULT_TERMS = "14D"
BANK_TRANSFER = "BANK"
DIRECT_DEBIT = "DIRDEBIT"
BALANCE_WRITE_OFF = "BALANCEWO"
CREDIT_WRITE_OFF = "CREDITWO"
DOMESTIC, EU, EXPORT = "DOMESTIC", "EU", "EXPORT"
STANDARD, REDUCED, REDUCED_2, EXEMPT = "STANDARD", "REDUCED", "REDUCED2", "EXEMPT"

# The currencies a Nordic or Dutch company meets most, set up besides the base currency.
COMMON_CURRENCIES = ("EUR", "USD", "GBP", "SEK", "NOK", "DKK", "CHF", "PLN")
# ISO 4217 minor units where they are not 2 (pycountry does not carry them).
DECIMAL_PLACES = {
    "BHD": 3,
    "CLP": 0,
    "IQD": 3,
    "ISK": 0,
    "JOD": 3,
    "JPY": 0,
    "KRW": 0,
    "KWD": 3,
    "LYD": 3,
    "OMR": 3,
    "PYG": 0,
    "TND": 3,
    "UGX": 0,
    "VND": 0,
    "XAF": 0,
    "XOF": 0,
}
SYMBOLS = {
    "CHF": "CHF",
    "DKK": "kr",
    "EUR": "€",
    "GBP": "£",
    "ISK": "kr",
    "JPY": "¥",
    "NOK": "kr",
    "PLN": "zł",
    "SEK": "kr",
    "USD": "$",
}

# fmt: off
EU_COUNTRIES = frozenset((
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
))
# fmt: on

# VAT rates (standard, then reduced) in force in 2026; check them in VAT categories (TX205500).
VAT_RATES: dict[str, tuple[str, ...]] = {
    "AT": ("20", "13", "10"),
    "BE": ("21", "12", "6"),
    "BG": ("20", "9"),
    "CH": ("8.1", "3.8"),
    "CY": ("19", "9", "5"),
    "CZ": ("21", "12"),
    "DE": ("19", "7"),
    "DK": ("25",),
    "EE": ("24", "13", "9"),
    "ES": ("21", "10", "4"),
    "FI": ("25.5", "13.5", "10"),
    "FR": ("20", "10", "5.5"),
    "GB": ("20", "5"),
    "GR": ("24", "13", "6"),
    "HR": ("25", "13", "5"),
    "HU": ("27", "18", "5"),
    "IE": ("23", "13.5", "9"),
    "IS": ("24", "11"),
    "IT": ("22", "10", "5"),
    "LT": ("21", "9", "5"),
    "LU": ("17", "14", "8"),
    "LV": ("21", "12", "5"),
    "MT": ("18", "7", "5"),
    "NL": ("21", "9"),
    "NO": ("25", "15", "12"),
    "PL": ("23", "8", "5"),
    "PT": ("23", "13", "6"),
    "RO": ("21", "11"),
    "SE": ("25", "12", "6"),
    "SI": ("22", "9.5", "5"),
    "SK": ("23", "19", "5"),
}

# Postcode rules (full match) and an example, for the countries customers are most often in.
POSTCODES: dict[str, tuple[str, str]] = {
    "AT": (r"^\d{4}$", "1010"),
    "BE": (r"^\d{4}$", "1000"),
    "CH": (r"^\d{4}$", "8001"),
    "DE": (r"^\d{5}$", "10115"),
    "DK": (r"^\d{4}$", "1050"),
    "EE": (r"^\d{5}$", "10111"),
    "ES": (r"^\d{5}$", "28001"),
    "FI": (r"^\d{5}$", "00100"),
    "FR": (r"^\d{5}$", "75001"),
    "GB": (r"^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$", "SW1A 1AA"),
    "IS": (r"^\d{3}$", "101"),
    "IT": (r"^\d{5}$", "00118"),
    "NL": (r"^\d{4} ?[A-Z]{2}$", "1012 AB"),
    "NO": (r"^\d{4}$", "0150"),
    "PL": (r"^\d{2}-\d{3}$", "00-950"),
    "SE": (r"^\d{3} ?\d{2}$", "113 51"),
    "US": (r"^\d{5}(?:-\d{4})?$", "10001"),
}

# Chart of accounts: the accounts a customer class needs, numbered after the Nordic standard
# charts (NS 4102 / BAS). (role, account, description, type)
ACCOUNTS: tuple[tuple[str, str, str, AccountType], ...] = (
    ("customer_ledger", "1500", "Customer ledger (accounts receivable)", AccountType.ASSET),
    ("bank", "1920", "Bank", AccountType.ASSET),
    ("supplier_ledger", "2400", "Supplier ledger (accounts payable)", AccountType.LIABILITY),
    ("prepayment", "2900", "Prepayments from customers", AccountType.LIABILITY),
    ("sales", "3000", "Sales, domestic, taxable", AccountType.INCOME),
    ("discount", "3080", "Discounts given", AccountType.INCOME),
    ("cash_discount", "3090", "Cash discounts given", AccountType.INCOME),
    ("sales_non_taxable", "3100", "Sales, domestic, non-taxable", AccountType.INCOME),
    ("sales_eu", "3200", "Sales, EU", AccountType.INCOME),
    ("sales_export", "3300", "Sales, export", AccountType.INCOME),
    ("freight", "3900", "Freight and handling charged", AccountType.INCOME),
    ("expense", "4000", "Purchases", AccountType.EXPENSE),
    ("bad_debts", "7830", "Losses on customer receivables", AccountType.EXPENSE),
    ("unrealised_gain", "8060", "Unrealised currency gain", AccountType.INCOME),
    ("unrealised_loss", "8160", "Unrealised currency loss", AccountType.EXPENSE),
)
# Customer class column → account role (each with its subaccount column where it has one).
CLASS_ACCOUNTS: tuple[tuple[str, str, str | None], ...] = (
    ("customer_ledger_account_id", "customer_ledger", "customer_ledger_sub_id"),
    ("cash_discount_account_id", "cash_discount", "cash_discount_sub_id"),
    ("sales_account_id", "sales", "sales_sub_id"),
    ("sales_non_taxable_account_id", "sales_non_taxable", None),
    ("sales_eu_account_id", "sales_eu", None),
    ("sales_export_account_id", "sales_export", None),
    ("discount_account_id", "discount", "discount_sub_id"),
    ("prepayment_account_id", "prepayment", "prepayment_sub_id"),
    ("freight_account_id", "freight", "freight_sub_id"),
    ("unrealised_gain_account_id", "unrealised_gain", "unrealised_gain_sub_id"),
    ("unrealised_loss_account_id", "unrealised_loss", "unrealised_loss_sub_id"),
)

# Number series: customers, then one per document type of AR101000 (preferences column).
# (series ID, description, start number, preferences column or None)
NUMBER_SERIES: tuple[tuple[str, str, str, str | None], ...] = (
    (CUSTOMER_SERIES, "Customers", "10001", None),
    ("ARBATCH", "Customer ledger GL batches", "ARB000001", "gl_batch_number_series_id"),
    ("ARINVOICE", "Customer invoices", "INV000001", "invoice_number_series_id"),
    ("ARPAYMENT", "Customer payments", "PMT000001", "payment_number_series_id"),
    ("ARDEBIT", "Customer debit notes", "DN000001", "debit_note_number_series_id"),
    ("ARCREDIT", "Customer credit notes", "CN000001", "credit_note_number_series_id"),
    ("ARWRITEOFF", "Balance and credit write-offs", "WO000001", "write_off_number_series_id"),
    ("AROVERDUE", "Overdue charges", "OC000001", "overdue_charge_number_series_id"),
    ("ARPRICEWS", "Sales price worksheets", "PW000001", "price_worksheet_number_series_id"),
    ("ARDUNFEE", "Dunning fee documents", "DF000001", "dunning_fee_number_series_id"),
)

# (terms ID, description, due days, discount days, cash discount %)
PAYMENT_TERMS: tuple[tuple[str, str, int, int, str], ...] = (
    ("10D", "10 days net", 10, 0, "0"),
    (DEFAULT_TERMS, "14 days net", 14, 0, "0"),
    ("30D", "30 days net", 30, 0, "0"),
    ("30D2", "30 days net, 2 % discount within 10 days", 30, 10, "2"),
    ("60D", "60 days net", 60, 0, "0"),
)

REPORTS: tuple[tuple[str, str], ...] = (
    ("AR641000", "Invoice/note"),
    ("AR641500", "Customer statement"),
    ("AR642000", "Dunning letter"),
)

# (mailing ID, report ID, notification template, subject, body, recipients' contact type)
# A template's {Name} placeholders: the STATEMENT ones in app/ledger/statements/placeholders.py.
MAILINGS: tuple[tuple[str, str | None, str, str, str, ContactType], ...] = (
    (
        "INVOICE",
        "AR641000",
        "InvoiceNotification",
        "Invoice {DocumentNo}",
        "Dear customer,\n\nPlease find your invoice attached.\n\nKind regards",
        ContactType.INVOICING,
    ),
    (
        "STATEMENT",
        "AR641500",
        "StatementNotification",
        "Customer statement {StatementDate}",
        "Dear customer,\n\nPlease find your statement of account attached.\n\nKind regards",
        ContactType.INVOICING,
    ),
    (
        "DUNNINGLETTER",
        "AR642000",
        "DunningLetterNotification",
        "Reminder: overdue invoices",
        "Dear customer,\n\nOur records show invoices past their due date; the attached letter "
        "lists them. Please pay at your earliest convenience.\n\nKind regards",
        ContactType.INVOICING,
    ),
    (
        "CREDITCARDEXPIRED",
        None,
        "CreditCardExpired",
        "Your payment card has expired",
        "Dear customer,\n\nThe payment card we hold for you has expired. Please give us a new "
        "one.\n\nKind regards",
        ContactType.PRIMARY,
    ),
)

_LOCALE = re.compile(r"([a-z]{2,3})(?:-([A-Z]{2}))?")


class SetupError(Exception):
    """The setup was refused; the message names the problem and what to do."""


@dataclass
class BaseConfiguration:
    """What the setup made (or found): ids by code, for callers that build on it (demo data)."""

    country: str
    base_currency: str
    language: str
    ids: dict[str, dict[str, int]] = field(default_factory=dict)
    default_class_id: int = 0

    def id_of(self, table: str, code: str) -> int:
        return self.ids[table][code]


def set_up_company(
    store: Store,
    *,
    base_currency: str,
    country: str,
    language: str,
    branch_name: str = "Main branch",
) -> None:
    """Write the base configuration in one transaction; SetupError when the input is wrong or
    the database is set up already (then nothing is written)."""
    with store.transaction() as session:
        configure(
            session,
            base_currency=base_currency,
            country=country,
            language=language,
            branch_name=branch_name,
        )


def configure(
    session: Session,
    *,
    base_currency: str,
    country: str,
    language: str,
    branch_name: str = "Main branch",
) -> BaseConfiguration:
    """The setup inside the caller's transaction (set_up_company, the demo company)."""
    base_currency, country, language = _checked(base_currency, country, language)
    if session.get(Preferences, PREFERENCES_ID) is not None:
        raise SetupError(
            "This database is set up already: it has its customer ledger preferences. Nothing "
            "was changed; change the configuration in its screens instead."
        )
    config = BaseConfiguration(country, base_currency, language)
    ids = config.ids
    ids["country"] = _countries(session, country)
    ids["currency"] = _currencies(session, base_currency)
    ids["rate_type"] = _ensure(
        session, RateType, "rate_type_id", [RateType(rate_type_id=RATE_TYPE, description="Spot")]
    )
    ids["language"] = _languages(session, language)
    ids["branch"] = _ensure(
        session,
        Branch,
        "branch_id",
        [
            Branch(
                branch_id=BRANCH,
                name=branch_name,
                country_id=ids["country"][country],
                currency_id=ids["currency"][base_currency],
            )
        ],
    )
    ids["vat_category"], ids["vat_zone"] = _vat(session, country)
    ids["gl_account"] = _ensure(
        session,
        GlAccount,
        "account",
        [GlAccount(account=a, description=d, account_type=t) for _r, a, d, t in ACCOUNTS],
    )
    accounts = {role: ids["gl_account"][account] for role, account, _d, _t in ACCOUNTS}
    # The subaccount's ID is one segment as long as the default "000" (CS202000); a database
    # upgraded to migration 0015 has it already.
    ids["segmented_key"] = _ensure(
        session,
        SegmentedKey,
        "key_id",
        [
            SegmentedKey(
                key_id=SUBACCOUNT_KEY,
                description="Subaccount",
                segments=[
                    KeySegment(segment_number=1, description="Subaccount", length=len(SUBACCOUNT))
                ],
            )
        ],
    )
    ids["subaccount"] = _ensure(
        session,
        Subaccount,
        "subaccount_id",
        [Subaccount(subaccount_id=SUBACCOUNT, description="Default subaccount")],
    )
    subaccount = ids["subaccount"][SUBACCOUNT]
    ids["cash_account"] = _ensure(
        session,
        CashAccount,
        "cash_account_id",
        [
            CashAccount(
                cash_account_id=CASH_ACCOUNT,
                description="Bank account",
                branch_id=ids["branch"][BRANCH],
                gl_account_id=accounts["bank"],
                subaccount_id=subaccount,
                currency_id=ids["currency"][base_currency],
            )
        ],
    )
    ids["number_series"] = _ensure(
        session,
        NumberSeries,
        "series_id",
        [
            NumberSeries(series_id=code, description=text, start_number=start)
            for code, text, start, _column in NUMBER_SERIES
        ],
    )
    ids["statement_cycle"] = _ensure(
        session,
        StatementCycle,
        "statement_cycle_id",
        [
            StatementCycle(
                statement_cycle_id=STATEMENT_CYCLE,
                description="End of month",
                prepare_on=PrepareOn.END_OF_MONTH,
                age_based_on=AgeBasedOn.DUE_DATE,
                day_limit_1=30,
                day_limit_2=60,
                day_limit_3=90,
            )
        ],
    )
    ids["payment_terms"] = _ensure(
        session,
        PaymentTerms,
        "terms_id",
        [
            PaymentTerms(
                terms_id=code,
                description=text,
                due_date_type=DueDateType.FIXED_NUMBER_OF_DAYS,
                due_days=due,
                discount_days=discount_days,
                cash_discount_percent=Decimal(percent),
            )
            for code, text, due, discount_days, percent in PAYMENT_TERMS
        ],
    )
    ids["payment_method"] = _ensure(
        session,
        PaymentMethod,
        "payment_method_id",
        [
            PaymentMethod(
                payment_method_id=BANK_TRANSFER,
                description="Bank transfer",
                means_of_payment=MeansOfPayment.BANK_TRANSFER,
                cash_account_id=ids["cash_account"][CASH_ACCOUNT],
            ),
            PaymentMethod(
                payment_method_id=DIRECT_DEBIT,
                description="Direct debit",
                means_of_payment=MeansOfPayment.DIRECT_DEBIT,
                cash_account_id=ids["cash_account"][CASH_ACCOUNT],
                details=[
                    PaymentMethodDetail(
                        detail_id="MANDATE",
                        description="Mandate reference",
                        required=True,
                        sort_order=1,
                    ),
                    PaymentMethodDetail(
                        detail_id="IBAN", description="IBAN", required=True, sort_order=2
                    ),
                ],
            ),
        ],
    )
    ids["reason_code"] = _ensure(
        session,
        ReasonCode,
        "reason_code_id",
        [
            ReasonCode(
                reason_code_id=BALANCE_WRITE_OFF,
                description="Small balance written off",
                usage=ReasonCodeUsage.BALANCE_WRITE_OFF,
            ),
            ReasonCode(
                reason_code_id=CREDIT_WRITE_OFF,
                description="Small credit written off",
                usage=ReasonCodeUsage.CREDIT_WRITE_OFF,
            ),
        ],
    )
    ids["report"] = _ensure(
        session, Report, "report_id", [Report(report_id=c, name=n) for c, n in REPORTS]
    )
    ids["notification_template"] = _ensure(
        session,
        NotificationTemplate,
        "template_id",
        [
            NotificationTemplate(
                template_id=template,
                description=f"{mailing.capitalize()} e-mail",
                subject=subject,
                body=body,
            )
            for mailing, _report, template, subject, body, _contact in MAILINGS
        ],
    )
    class_values = {
        "country_id": ids["country"][country],
        "vat_zone_id": ids["vat_zone"][DOMESTIC],
        "export_type": ExportType.DOMESTIC,
        "document_language_id": ids["language"][language],
        "currency_id": ids["currency"][base_currency],
        "currency_rate_type_id": ids["rate_type"][RATE_TYPE],
        "terms_id": ids["payment_terms"][DEFAULT_TERMS],
        "statement_cycle_id": ids["statement_cycle"][STATEMENT_CYCLE],
        "payment_method_id": ids["payment_method"][BANK_TRANSFER],
        "statement_type": StatementType.OPEN_ITEM,
    }
    for column, role, sub_column in CLASS_ACCOUNTS:
        class_values[column] = accounts[role]
        if sub_column is not None:
            class_values[sub_column] = subaccount
    ids["customer_class"] = _ensure(
        session,
        CustomerClass,
        "class_id",
        [
            CustomerClass(
                class_id=DEFAULT_CLASS,
                description="Default customer class",
                mailings=[
                    ClassMailing(**values, recipients=[ClassRecipient(contact_type=contact)])
                    for values, contact in _mailing_values(ids)
                ],
                **class_values,
            )
        ],
    )
    config.default_class_id = ids["customer_class"][DEFAULT_CLASS]
    ids["supplier_class"] = _ensure(
        session,
        SupplierClass,
        "class_id",
        [
            SupplierClass(
                class_id=DEFAULT_CLASS,
                description="Default supplier class",
                is_default=True,
                currency_id=ids["currency"][base_currency],
                currency_rate_type_id=ids["rate_type"][RATE_TYPE],
                terms_id=ids["payment_terms"][DEFAULT_TERMS],
                payment_method_id=ids["payment_method"][BANK_TRANSFER],
                cash_account_id=ids["cash_account"][CASH_ACCOUNT],
                supplier_ledger_account_id=accounts["supplier_ledger"],
                supplier_ledger_sub_id=subaccount,
                expense_account_id=accounts["expense"],
                expense_sub_id=subaccount,
            )
        ],
    )

    preferences = Preferences(
        id=PREFERENCES_ID,
        default_customer_class_id=config.default_class_id,
        manual_payment_method_id=ids["payment_method"][BANK_TRANSFER],
        automatic_payment_method_id=ids["payment_method"][DIRECT_DEBIT],
        reason_code_balance_write_off_id=ids["reason_code"][BALANCE_WRITE_OFF],
        reason_code_credit_write_off_id=ids["reason_code"][CREDIT_WRITE_OFF],
        default_rate_type_id=ids["rate_type"][RATE_TYPE],
        default_sources=[
            DefaultSource(**values, recipients=[DefaultRecipient(contact_type=contact)])
            for values, contact in _mailing_values(ids)
        ],
    )
    for code, _text, _start, preferences_column in NUMBER_SERIES:
        if preferences_column is not None:
            setattr(preferences, preferences_column, ids["number_series"][code])
    session.add(preferences)
    session.flush()
    return config


def class_defaults(session: Session, class_id: int) -> dict[str, Any]:
    """The default values a class holds (every column but its identity and bookkeeping), to
    start another class from, as Add new on AR201000 starts from the default class."""
    record = session.get(CustomerClass, class_id)
    if record is None:
        raise SetupError(f"There is no customer class with id {class_id}.")
    skipped = {"id", "class_id", "description", "created_at", "modified_at", "version"}
    table: Any = CustomerClass.__table__
    return {
        column.key: getattr(record, column.key)
        for column in table.columns
        if column.key not in skipped
    }


# -- input ---------------------------------------------------------------------------------------


def _checked(base_currency: str, country: str, language: str) -> tuple[str, str, str]:
    import pycountry

    currency_code = base_currency.strip().upper()
    country_code = country.strip().upper()
    locale = language.strip().replace("_", "-")
    problems = []
    if pycountry.currencies.get(alpha_3=currency_code) is None:
        problems.append(f"Base currency: '{base_currency}' is not an ISO 4217 currency code.")
    if pycountry.countries.get(alpha_2=country_code) is None:
        problems.append(f"Country: '{country}' is not an ISO 3166 two-letter country code.")
    match = _LOCALE.fullmatch(locale)
    if match is None or language_name(locale) is None:
        problems.append(
            f"Document language: '{language}' is not a language code like nb-NO, sv-SE or nl."
        )
    if problems:
        raise SetupError("\n".join(problems))
    return currency_code, country_code, locale


def language_name(locale: str) -> str | None:
    """``Norwegian Bokmål (Norway)`` for ``nb-NO``; None for an unknown language or country."""
    import pycountry

    match = _LOCALE.fullmatch(locale)
    if match is None:
        return None
    code, territory = match.groups()
    language = pycountry.languages.get(**{"alpha_2" if len(code) == 2 else "alpha_3": code})
    if language is None:
        return None
    name = str(language.name)
    if territory is None:
        return name
    place = pycountry.countries.get(alpha_2=territory)
    return None if place is None else f"{name} ({_country_name(place)})"


def _country_name(country: Any) -> str:
    return str(getattr(country, "common_name", None) or country.name)


# -- writing -------------------------------------------------------------------------------------


def _ensure(session: Session, model: Any, code_attr: str, records: Sequence[Any]) -> dict[str, int]:
    """Add the records whose code is not there yet; the ids of all of them by code."""
    column = getattr(model, code_attr)
    codes = [getattr(record, code_attr) for record in records]
    existing = set(session.scalars(select(column).where(column.in_(codes))))
    session.add_all(record for record in records if getattr(record, code_attr) not in existing)
    session.flush()
    return {code: id_ for code, id_ in session.execute(select(column, model.id)) if code in codes}


def _insert_missing(
    session: Session, model: Any, code_attr: str, rows: Iterable[dict[str, Any]]
) -> dict[str, int]:
    """Bulk version of _ensure for long lists (countries): one INSERT of the missing rows."""
    column = getattr(model, code_attr)
    existing = set(session.scalars(select(column)))
    missing = [row for row in rows if row[code_attr] not in existing]
    if missing:
        session.execute(insert(model), missing)
    return {code: id_ for code, id_ in session.execute(select(column, model.id))}


def _countries(session: Session, base: str) -> dict[str, int]:
    import pycountry

    rows = []
    for country in pycountry.countries:
        rule, example = POSTCODES.get(country.alpha_2, (None, None))
        rows.append(
            {
                "country_id": country.alpha_2,
                "name": _country_name(country),
                "postcode_rule": rule,
                "postcode_example": example,
            }
        )
    had_countries = set(session.scalars(select(Country.country_id)))
    ids = _insert_missing(session, Country, "country_id", rows)
    # Counties of the countries added now (a country that was there keeps its own list).
    counties = []
    for subdivision in pycountry.subdivisions:
        code = subdivision.country_code
        if code in had_countries or code not in ids:
            continue
        if subdivision.parent_code is not None and code != base:
            continue  # other countries: the top level (states, regions, counties) only
        counties.append(
            {
                "country_id": ids[code],
                "county_id": subdivision.code.split("-", 1)[1],
                "name": subdivision.name,
            }
        )
    if counties:
        session.execute(insert(County), counties)
    return ids


def _currencies(session: Session, base: str) -> dict[str, int]:
    import pycountry

    codes = [base, *(code for code in COMMON_CURRENCIES if code != base)]
    records = []
    for code in codes:
        found = pycountry.currencies.get(alpha_3=code)
        records.append(
            Currency(
                currency_id=code,
                description=str(found.name) if found is not None else code,
                symbol=SYMBOLS.get(code),
                decimal_places=DECIMAL_PLACES.get(code, 2),
            )
        )
    return _ensure(session, Currency, "currency_id", records)


def _languages(session: Session, language: str) -> dict[str, int]:
    locales = [language] if language.split("-")[0] == "en" else [language, ENGLISH]
    return _ensure(
        session,
        Language,
        "locale_id",
        [Language(locale_id=code, description=language_name(code) or code) for code in locales],
    )


def _vat(session: Session, country: str) -> tuple[dict[str, int], dict[str, int]]:
    rates = VAT_RATES.get(country)
    categories = []
    if rates is None:
        categories.append(
            VatCategory(
                vat_category_id=STANDARD,
                description="Standard rate (enter your country's rate)",
                vat_rate=Decimal(0),
            )
        )
    else:
        for code, rate in zip((STANDARD, REDUCED, REDUCED_2), rates, strict=False):
            kind = "Standard" if code == STANDARD else "Reduced"
            text = f"{kind} rate {rate} %"
            categories.append(
                VatCategory(vat_category_id=code, description=text, vat_rate=Decimal(rate))
            )
    categories.append(
        VatCategory(
            vat_category_id=EXEMPT, description="Exempt or zero-rated (0 %)", vat_rate=Decimal(0)
        )
    )
    category_ids = _ensure(session, VatCategory, "vat_category_id", categories)
    zones = [
        (DOMESTIC, "Domestic customers", STANDARD),
        (EU, "Customers in other EU countries (reverse charge)", EXEMPT),
        (EXPORT, "Customers outside the EU (export)", EXEMPT),
    ]
    zone_ids = _ensure(
        session,
        VatZone,
        "vat_zone_id",
        [
            VatZone(vat_zone_id=code, description=text, default_vat_category_id=category_ids[cat])
            for code, text, cat in zones
        ],
    )
    return category_ids, zone_ids


def _mailing_values(ids: dict[str, dict[str, int]]) -> list[tuple[dict[str, Any], ContactType]]:
    """The columns of each mailing (for AR101000's default sources and the class's mailings)."""
    found = []
    for mailing, report, template, _subject, _body, contact in MAILINGS:
        values = {
            "mailing_id": mailing,
            "report_id": ids["report"][report] if report else None,
            "notification_template_id": ids["notification_template"][template],
            "format": MailingFormat.PDF if report else MailingFormat.HTML,
            "active": True,
        }
        found.append((values, contact))
    return found
