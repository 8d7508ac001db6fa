"""Entering a customer document: the record service behind the documents screen.

- A new document takes its reference number from the AR101000 series of its type
  (app/ledger/documents/numbers.py), starts on hold when AR101000 says Hold documents on entry,
  and takes the customer's default location, currency and — for debts — due and cash discount
  dates from the customer's payment terms when they are left blank.
- Invoices and notes: the amount is the sum of the lines; a line left without account or VAT
  category gets the ones the location's export type suggests (DESIGN.md §4).
- Refused, naming the field: a document of a customer on hold or inactive (or an invoice of a
  customer on credit hold), another currency than the customer's without Enable currency
  override, and any change to a released or voided document (void it, or correct it with a
  credit note). A released document cannot be deleted.
- Warnings (``warnings`` after a save, for the screen to show): an invoice of a customer
  failing its credit verification — held instead when AR101000 says Hold document on failed
  credit check — and a missing VAT registration ID or corporate ID where the customer's class
  asks for a warning.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Mapping
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from app.ledger.balances import DUE_TYPES, ZERO
from app.ledger.currency_rates import RateMissingError, document_rate, in_base
from app.ledger.documents.credit_check import credit_problem
from app.ledger.documents.errors import DocumentError
from app.ledger.documents.numbers import preferences, take_document_number
from app.ledger.documents.release import (
    CHARGE_TYPES,
    LINE_TYPES,
    PAYMENT_TYPES,
    customer_refusal,
    entry_status,
    release,
    void,
)
from app.ledger.documents.rounding import places_problem, rounded_total
from app.ledger.locations import suggested
from app.ledger.records import FieldError, RecordService, ScreenRules, ValidationError
from app.models import (
    PREFERENCES_ID,
    ArDocument,
    Currency,
    Customer,
    DocumentStatus,
    DocumentType,
    Location,
    PaymentTerms,
    Preferences,
    RateType,
)
from app.models.database import Store
from app.models.reference.credit import DueDateType
from app.money import MONEY_PLACES

# What a user enters on the screen; write-offs and overdue charges are made by the ledger.
ENTERED_TYPES = frozenset(
    {
        DocumentType.INVOICE,
        DocumentType.DEBIT_NOTE,
        DocumentType.CREDIT_NOTE,
        DocumentType.PAYMENT,
        DocumentType.PREPAYMENT,
        DocumentType.REFUND,
    }
)


def is_payment(doc_type: Any) -> bool:
    return doc_type in PAYMENT_TYPES


def takes_lines(doc_type: Any) -> bool:
    return doc_type in LINE_TYPES


def due_dates(terms: PaymentTerms | None, doc_date: date) -> tuple[date | None, date | None]:
    """Due date and cash discount date by the payment terms (none without terms)."""
    if terms is None:
        return None, None
    if terms.due_date_type == DueDateType.END_OF_MONTH:
        last = calendar.monthrange(doc_date.year, doc_date.month)[1]
        due = doc_date.replace(day=last) + timedelta(days=terms.due_days)
    elif terms.due_date_type == DueDateType.DAY_OF_NEXT_MONTH:
        year, month = (
            (doc_date.year + 1, 1)
            if doc_date.month == 12
            else (
                doc_date.year,
                doc_date.month + 1,
            )
        )
        day = min(max(terms.due_days, 1), calendar.monthrange(year, month)[1])
        due = date(year, month, day)
    else:
        due = doc_date + timedelta(days=terms.due_days)
    discount = doc_date + timedelta(days=terms.discount_days) if terms.discount_days else None
    return due, discount


def _customer_defaults(
    session: Session, customer_id: Any, doc_date: Any, doc_type: Any
) -> dict[str, Any]:
    customer = session.get(Customer, customer_id) if isinstance(customer_id, int) else None
    if customer is None:
        return {}
    location = customer.default_location
    found: dict[str, Any] = {
        "location": location.id if location is not None else None,
        "currency": customer.currency_id,
    }
    found["rate_type"] = customer.currency_rate_type_id
    if isinstance(doc_date, date):
        found["currency_rate"] = _rate_or_none(
            session, customer.currency_id, customer.currency_rate_type_id, doc_date
        )
    if isinstance(doc_date, date) and doc_type in DUE_TYPES:
        terms = session.get(PaymentTerms, customer.terms_id) if customer.terms_id else None
        found["due_date"], found["cash_discount_date"] = due_dates(terms, doc_date)
    if is_payment(doc_type):
        # AR101000: refunds are paid by the Automatic payment method, payments entered by
        # hand come in by the Manual one.
        prefs = session.get(Preferences, PREFERENCES_ID)
        if prefs is not None:
            found["payment_method"] = (
                prefs.automatic_payment_method_id
                if doc_type == DocumentType.REFUND
                else prefs.manual_payment_method_id
            )
    return found


def customer_changed(values: Mapping[str, Any], service: DocumentService) -> dict[str, Any]:
    """Choosing the customer preselects its default location, currency and due dates."""
    with service.store.session() as session:
        return _customer_defaults(
            session, values.get("customer"), values.get("doc_date"), values.get("doc_type")
        )


def date_changed(values: Mapping[str, Any], service: DocumentService) -> dict[str, Any]:
    """A new date moves the due dates with it, and takes the rate effective on it."""
    with service.store.session() as session:
        found = _customer_defaults(
            session, values.get("customer"), values.get("doc_date"), values.get("doc_type")
        )
    moved = {key: found[key] for key in ("due_date", "cash_discount_date") if key in found}
    return moved | currency_changed(values, service)


def currency_changed(values: Mapping[str, Any], service: DocumentService) -> dict[str, Any]:
    """Another currency, rate type or date takes its rate: the latest effective on the date."""
    customer_id, doc_date = values.get("customer"), values.get("doc_date")
    if not isinstance(customer_id, int) or not isinstance(doc_date, date):
        return {}
    with service.store.session() as session:
        customer = session.get(Customer, customer_id)
        if customer is None:
            return {}
        rate_type = values.get("rate_type") or customer.currency_rate_type_id
        return {
            "currency_rate": _rate_or_none(session, values.get("currency"), rate_type, doc_date)
        }


def _rate_or_none(
    session: Session, currency_id: Any, rate_type_id: Any, on: date
) -> Decimal | None:
    """The rate a new document would take (None in the base currency, or when none is kept:
    saving then says which rate to enter)."""
    try:
        return document_rate(
            session,
            currency_id if isinstance(currency_id, int) else None,
            rate_type_id if isinstance(rate_type_id, int) else None,
            on,
        )
    except RateMissingError:
        return None


class DocumentService(RecordService[ArDocument]):
    noun = "document"

    def __init__(
        self,
        store: Store,
        rules: ScreenRules | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        from app.ledger.definitions.document import DOCUMENT

        super().__init__(store, ArDocument, rules or DOCUMENT.rules(), ("doc_type", "ref_nbr"))
        self.today = today
        self.warnings: list[str] = []

    # -- reading -------------------------------------------------------------------------------

    def new_values(self) -> dict[str, Any]:
        values = super().new_values()
        values["doc_type"] = DocumentType.INVOICE
        values["doc_date"] = self.today()
        with self.store.session() as session:
            # A ledger not set up yet still opens the screen (saving then says what is missing).
            prefs = session.get(Preferences, PREFERENCES_ID)
            values["hold"] = prefs.hold_documents_on_entry if prefs is not None else True
        return values

    def values_of(self, session: Session, record: ArDocument) -> dict[str, Any]:
        values = super().values_of(session, record)
        values["released"] = record.released
        return values

    def new_for(self, customer_id: int, doc_type: DocumentType) -> dict[str, Any]:
        """A new document of ``doc_type`` for the customer, its defaults filled in (New invoice
        and New payment on AR303000)."""
        values = self.new_values()
        values.update(doc_type=doc_type, customer=customer_id)
        with self.store.session() as session:
            values.update(_customer_defaults(session, customer_id, values["doc_date"], doc_type))
        return values

    # -- saving --------------------------------------------------------------------------------

    def save(
        self,
        record_id: int | None,
        values: Mapping[str, Any],
        version: int | None = None,
        loaded: Mapping[str, Any] | None = None,
    ) -> int:
        self.warnings = []
        if record_id is None:
            start = self.new_values()
            customer = values.get("customer")
            with self.store.session() as session:
                start.update(
                    _customer_defaults(
                        session,
                        customer,
                        values.get("doc_date", start["doc_date"]),
                        values.get("doc_type"),
                    )
                )
            values = start | dict(values)
        try:
            return super().save(record_id, values, version, loaded)
        except DocumentError as exc:
            raise ValidationError([FieldError("ref_nbr", "Reference no.", str(exc))]) from exc

    def check(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        errors: list[FieldError] = []
        saved = session.get(ArDocument, record_id) if record_id is not None else None
        if saved is not None and (saved.released or saved.status == DocumentStatus.VOIDED):
            if not self._changed(session, saved, values):
                return []  # shown as it is: nothing to refuse
            state = "voided" if saved.status == DocumentStatus.VOIDED else "released"
            return [
                FieldError(
                    "status",
                    "Status",
                    f"a {state} document cannot be changed; void it or correct it with a "
                    "credit note.",
                )
            ]
        doc_type = values.get("doc_type")
        if saved is None and doc_type not in ENTERED_TYPES:
            errors.append(
                FieldError(
                    "doc_type",
                    "Type",
                    f"{doc_type.label} documents are made by the ledger, not entered."
                    if isinstance(doc_type, DocumentType)
                    else "choose a type.",
                )
            )
        if saved is not None and doc_type != saved.doc_type:
            errors.append(FieldError("doc_type", "Type", "cannot be changed once saved."))
        customer = session.get(Customer, values.get("customer"))
        if customer is not None and isinstance(doc_type, DocumentType):
            refusal = customer_refusal(customer, doc_type)
            if refusal:
                errors.append(FieldError("customer", "Customer", refusal))
            currency = values.get("currency")
            if (
                currency is not None
                and customer.currency_id is not None
                and currency != customer.currency_id
                and not customer.enable_currency_override
            ):
                errors.append(
                    FieldError(
                        "currency",
                        "Currency",
                        "must be the customer's currency: the customer does not have Enable "
                        "currency override.",
                    )
                )
            errors.extend(_rate_errors(session, customer, values))
        errors.extend(self._decimals_errors(session, values))
        if not takes_lines(doc_type) and values.get("lines"):
            errors.append(
                FieldError(
                    "lines",
                    "Lines",
                    f"a {doc_type.label.lower()} has no lines."
                    if isinstance(doc_type, DocumentType)
                    else "not allowed.",
                )
            )
        return errors

    def _changed(self, session: Session, saved: ArDocument, values: Mapping[str, Any]) -> bool:
        """Whether ``values`` change anything stored of the saved document."""
        current = self.values_of(session, saved)
        for rule in self.rules.values():
            if rule.stored and rule.key in values and values[rule.key] != current.get(rule.key):
                return True
        for key, grid in self.grids.items():
            if key not in values:
                continue
            columns = [column.key for column in grid.columns if column.stored]

            def rows(found: Any, columns: list[str] = columns) -> list[list[Any]]:
                return [[row.get(c) for c in columns] for row in found or []]

            if rows(values[key]) != rows(current.get(key)):
                return True
        return False

    def _decimals_errors(self, session: Session, values: Mapping[str, Any]) -> list[FieldError]:
        """Amounts in the currency's decimals (a yen has none), refused rather than rounded."""
        currency_id = values.get("currency")
        currency = session.get(Currency, currency_id) if isinstance(currency_id, int) else None
        if currency is None:
            return []
        places, code = currency.decimal_places, currency.currency_id
        errors = []
        amount = values.get("amount")
        if isinstance(amount, Decimal) and (problem := places_problem(amount, places, code)):
            errors.append(FieldError("amount", "Amount", problem))
        for number, row in enumerate(values.get("lines") or [], start=1):
            line_amount = row.get("amount")
            if isinstance(line_amount, Decimal) and (
                problem := places_problem(line_amount, places, code)
            ):
                errors.append(FieldError("lines", "Lines", f"line {number}, Amount: {problem}"))
        return errors

    def before_save(
        self, session: Session, record: ArDocument, values: Mapping[str, Any], *, is_new: bool
    ) -> None:
        # Nothing is flushed before the record has its number and totals.
        with session.no_autoflush:
            self._derive(session, record, is_new=is_new)

    def _derive(self, session: Session, record: ArDocument, *, is_new: bool) -> None:
        if is_new:
            record.ref_nbr, record.number_series_id = take_document_number(session, record.doc_type)
        if record.location_id is None or is_new:
            customer = session.get(Customer, record.customer_id)
            default = customer.default_location if customer is not None else None
            if record.location_id is None and default is not None:
                record.location_id = default.id
        if takes_lines(record.doc_type):
            self._suggest_lines(session, record)
            prefs = preferences(session)
            record.amount = rounded_total(
                sum((line.amount for line in record.lines), ZERO),
                prefs.rounding_rule_for_invoices,
                prefs.rounding_precision,
                self._places(session, record.currency_id),
            )
        record.balance = record.amount
        record.status = entry_status(preferences(session), record)
        self._convert(session, record)

    @staticmethod
    def _convert(session: Session, record: ArDocument) -> None:
        """The rate type and rate the document is entered at (checked by ``_rate_errors``): those
        typed where the customer may override them, else the customer's rate type and its rate
        effective on the document's date; none in the base currency."""
        customer = session.get_one(Customer, record.customer_id)
        if in_base(session, record.currency_id):
            record.currency_rate, record.rate_type_id = None, None
            return
        if record.rate_type_id is None or not customer.enable_rate_override:
            record.rate_type_id = customer.currency_rate_type_id
        if record.currency_rate is None or not customer.enable_rate_override:
            record.currency_rate = document_rate(
                session, record.currency_id, record.rate_type_id, record.doc_date
            )

    @staticmethod
    def _places(session: Session, currency_id: int | None) -> int:
        currency = session.get(Currency, currency_id) if currency_id is not None else None
        return currency.decimal_places if currency is not None else MONEY_PLACES

    def _suggest_lines(self, session: Session, record: ArDocument) -> None:
        location = session.get(Location, record.location_id) if record.location_id else None
        suggestion = suggested(session, location) if location is not None else None
        for number, line in enumerate(record.lines, start=1):
            line.line_nbr = number
            if suggestion is not None:
                line.account_id = line.account_id or suggestion.sales_account_id
                line.vat_category_id = line.vat_category_id or suggestion.vat_category_id

    def after_save(
        self, session: Session, record: ArDocument, values: Mapping[str, Any], *, is_new: bool
    ) -> None:
        customer = session.get_one(Customer, record.customer_id)
        if record.doc_type in CHARGE_TYPES:
            problem = credit_problem(session, customer.id, self.today())
            if problem:
                if preferences(session).hold_document_on_failed_credit_check:
                    record.hold = True
                    record.status = DocumentStatus.ON_HOLD
                    self.warnings.append(
                        f"The document is on hold: the credit check failed — {problem}"
                    )
                else:
                    self.warnings.append(f"The credit check failed — {problem}")
        self.warnings.extend(missing_id_warnings(session, customer, record.location_id))

    def delete_refusal(self, session: Session, record: ArDocument) -> str | None:
        if record.released:
            return (
                f"{record.doc_type.label} {record.ref_nbr} is released: it cannot be deleted. "
                "Void it, or correct it with a credit note."
            )
        return None

    # -- commands ------------------------------------------------------------------------------

    def release(self, record_id: int) -> None:
        with self.store.transaction() as session:
            release(session, record_id, today=self.today())

    def void(self, record_id: int) -> None:
        with self.store.transaction() as session:
            void(session, record_id, today=self.today())


def _rate_errors(
    session: Session, customer: Customer, values: Mapping[str, Any]
) -> list[FieldError]:
    """A document in another currency needs a rate: one of its rate type is kept for its date,
    or — where the customer has Enable rate override — one is typed; the rate type is the
    customer's unless it has that override too; a document in the base currency has none."""
    doc_date, currency_id, typed = (
        values.get("doc_date"),
        values.get("currency"),
        values.get("currency_rate"),
    )
    if not isinstance(doc_date, date):
        return []
    label = "Currency rate"
    currency_id = currency_id if isinstance(currency_id, int) else customer.currency_id
    if in_base(session, currency_id):
        if isinstance(typed, Decimal):
            return [FieldError("currency_rate", label, "a document in the base currency has none.")]
        return []
    rate_type = values.get("rate_type") or customer.currency_rate_type_id
    if rate_type != customer.currency_rate_type_id and not customer.enable_rate_override:
        return [
            FieldError(
                "rate_type",
                "Currency rate type",
                "must be the customer's rate type: the customer does not have Enable rate "
                "override.",
            )
        ]
    if isinstance(typed, Decimal) and typed <= 0:
        return [FieldError("currency_rate", label, "must be above 0.")]
    overridden = customer.enable_rate_override and isinstance(typed, Decimal)
    try:
        effective = document_rate(session, currency_id, rate_type, doc_date)
    except RateMissingError as missing:
        # With Enable rate override, the typed rate stands in for a missing one.
        return [] if overridden else [FieldError("currency_rate", label, str(missing))]
    if isinstance(typed, Decimal) and typed != effective and not overridden:
        # Also what a document opened before a rate was entered on CM301000 is told.
        kind = session.get(RateType, rate_type)
        return [
            FieldError(
                "currency_rate",
                label,
                f"must be the effective rate {effective:f} (the "
                f"{kind.rate_type_id if kind else ''} rate on {doc_date.isoformat()}): the "
                "customer does not have Enable rate override.",
            )
        ]
    return []


def missing_id_warnings(session: Session, customer: Customer, location_id: int | None) -> list[str]:
    """The class's Warning when missing VAT registration ID / corporate ID."""
    customer_class = customer.customer_class
    location = session.get(Location, location_id) if location_id is not None else None
    location = location or customer.default_location
    if customer_class is None or location is None:
        return []
    warnings = []
    if customer_class.warning_when_missing_vat_registration_id and not location.vat_registration_id:
        warnings.append(f"Customer {customer.customer_no} has no VAT registration ID.")
    if customer_class.warning_when_missing_corporate_id and not location.corporate_id:
        warnings.append(f"Customer {customer.customer_no} has no corporate ID.")
    return warnings
