"""Customer payment methods (AR303010): the payment methods a customer pays by.

A customer may pay by several methods, each with its cash account and the details the method
asks the customer for (a bank account, checked as an IBAN or a BIC where the detail says so,
app/ledger/payment_methods.py). Exactly one of a customer's methods is its default — the one
AR303000 shows in Invoicing settings › Default payment method:

- a customer's first method is its default;
- marking another method default moves the mark (the previous default is cleared in the same
  transaction, and its version moves on, so a screen showing it as the default refuses a stale
  save);
- the default cannot be unmarked (mark another one instead), be inactive, or be deleted while
  the customer has other methods.

A method saved here is the customer's own (Override, seed).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.ledger import webhooks
from app.ledger.payment_methods import detail_problem
from app.ledger.records import (
    FieldError,
    RecordError,
    RecordService,
    ScreenRules,
    StaleRecordError,
    count_where,
    is_blank,
)
from app.models import Customer, CustomerPaymentMethod, PaymentMethod
from app.models.database import Store
from app.models.reference.payments import PaymentMethodDetail

CUSTOMER = "customer"
PAYMENT_METHOD = "payment_method"
CASH_ACCOUNT = "cash_account"
IS_DEFAULT = "is_default"
ACTIVE = "active"
DETAILS = "details"
DETAIL_ID = "payment_method_detail_id"
DETAILS_LABEL = "Payment method details"
# AR303000's Payment methods tab: the customer's methods, shown only (edited here).
PAYMENT_METHODS_GRID = "payment_methods"


def method_values(
    session: Session, payment_method_id: Any, rows: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    """What choosing a payment method fills in: its cash account and a row for each detail it
    asks the customer for, keeping values already typed for the same details."""
    method = (
        session.get(PaymentMethod, payment_method_id)
        if isinstance(payment_method_id, int)
        else None
    )
    if method is None:
        return {CASH_ACCOUNT: None, DETAILS: []}
    typed = {row.get(DETAIL_ID): row.get("value") for row in rows or []}
    return {
        CASH_ACCOUNT: method.cash_account_id,
        DETAILS: [
            {
                "id": None,
                DETAIL_ID: detail.id,
                "description": detail.description,
                "value": typed.get(detail.id),
            }
            for detail in sorted(method.details, key=lambda d: (d.sort_order, d.id))
        ],
    }


def details_problems(
    session: Session, payment_method_id: Any, rows: list[dict[str, Any]]
) -> list[tuple[str, str]]:
    """(the detail as the grid names it, the problem) for each detail value the method refuses:
    a required one left blank, an IBAN, BIC or bank account that is not one."""
    method = (
        session.get(PaymentMethod, payment_method_id)
        if isinstance(payment_method_id, int)
        else None
    )
    if method is None:
        return []
    details: dict[Any, PaymentMethodDetail] = {detail.id: detail for detail in method.details}
    problems: list[tuple[str, str]] = []
    for row in rows:
        detail = details.get(row.get(DETAIL_ID))
        if detail is None:
            continue
        value = row.get("value")
        problem = (
            "a value is required."
            if detail.required and is_blank(value)
            else detail_problem(detail.detail_id, detail.description, value)
        )
        if problem:
            problems.append((f"{DETAILS_LABEL}, {detail.description}", problem))
    return problems


def payment_method_rows(
    session: Session, customer_id: int, columns: Mapping[str, str]
) -> list[dict[str, Any]]:
    """The customer's payment methods as AR303000's Payment methods tab lists them (``columns``:
    each column's key → attribute of the method), in the order they were added."""
    methods = session.scalars(
        select(CustomerPaymentMethod)
        .where(CustomerPaymentMethod.customer_id == customer_id)
        .order_by(CustomerPaymentMethod.id)
    ).all()
    return [
        {"id": method.id} | {key: getattr(method, attr) for key, attr in columns.items()}
        for method in methods
    ]


class CustomerPaymentMethodService(RecordService[CustomerPaymentMethod]):
    noun = "customer payment method"

    def __init__(self, store: Store, rules: ScreenRules | None = None) -> None:
        from app.ledger.definitions.customer_payment_method import CUSTOMER_PAYMENT_METHOD

        super().__init__(
            store,
            CustomerPaymentMethod,
            rules or CUSTOMER_PAYMENT_METHOD.rules(),
            (CUSTOMER, PAYMENT_METHOD),
        )
        # A payment method saved, deactivated or deleted is a change of its customer: Entity
        # updated in a notified customer's change log.
        self.change_log = webhooks.PartLog(CUSTOMER_PAYMENT_METHOD, method_name)

    # -- reading -------------------------------------------------------------------------------

    def new_method_values(self, customer_id: Any) -> dict[str, Any]:
        """A new method of this customer: active, and the default when it is the first."""
        values = self.new_values()
        if not isinstance(customer_id, int):
            return values
        values[CUSTOMER] = customer_id
        with self.store.session() as session:
            first = not count_where(
                session, CustomerPaymentMethod, CustomerPaymentMethod.customer_id == customer_id
            )
        values[IS_DEFAULT] = first
        return values

    def method_changed(self, payment_method_id: Any, rows: list[dict[str, Any]]) -> dict[str, Any]:
        with self.store.session() as session:
            return method_values(session, payment_method_id, rows)

    def first_of(self, customer_id: int) -> int | None:
        """The customer's default method (else its first): what selecting the customer shows."""
        with self.store.session() as session:
            found: int | None = session.scalar(
                select(CustomerPaymentMethod.id)
                .where(CustomerPaymentMethod.customer_id == customer_id)
                .order_by(CustomerPaymentMethod.is_default.desc(), CustomerPaymentMethod.id)
                .limit(1)
            )
            return found

    # -- validating ----------------------------------------------------------------------------

    def check(
        self, session: Session, record_id: int | None, values: Mapping[str, Any]
    ) -> list[FieldError]:
        problems: dict[str, str | None] = {}
        saved = session.get(CustomerPaymentMethod, record_id) if record_id is not None else None
        if values.get(IS_DEFAULT) and not values.get(ACTIVE):
            problems[IS_DEFAULT] = "an inactive payment method cannot be the default."
        if saved is not None and saved.is_default and not values.get(IS_DEFAULT):
            problems[IS_DEFAULT] = (
                "the customer has exactly one default payment method: select Is default on "
                "another of its methods instead of clearing it here."
            )
        customer = session.get(Customer, values.get(CUSTOMER)) if values.get(CUSTOMER) else None
        if customer is None and values.get(CUSTOMER) is not None:
            problems[CUSTOMER] = "the customer no longer exists."
        errors = [
            FieldError(key, self.rules[key].label, problem)
            for key, problem in problems.items()
            if problem and key in self.rules
        ]
        errors += [
            FieldError(DETAILS, label, problem)
            for label, problem in details_problems(
                session, values.get(PAYMENT_METHOD), values.get(DETAILS) or []
            )
        ]
        return errors

    # -- writing -------------------------------------------------------------------------------

    def before_fields(
        self,
        session: Session,
        record: CustomerPaymentMethod,
        values: Mapping[str, Any],
        *,
        is_new: bool,
        written: frozenset[str],
    ) -> None:
        customer_id = values.get(CUSTOMER)
        if values.get(IS_DEFAULT) and isinstance(customer_id, int):
            self._clear_other_defaults(session, customer_id, record.id)

    @staticmethod
    def _clear_other_defaults(session: Session, customer_id: int, keep: int | None) -> None:
        """The mark moves here: the customer's other default is cleared first (one default in
        the database too), its version moved on so screens that read it refuse stale saves."""
        others = [
            CustomerPaymentMethod.customer_id == customer_id,
            CustomerPaymentMethod.is_default.is_(True),
        ]
        if keep is not None:
            others.append(CustomerPaymentMethod.id != keep)
        with session.no_autoflush:
            session.execute(
                update(CustomerPaymentMethod)
                .where(*others)
                .values(is_default=False, version=CustomerPaymentMethod.version + 1)
                .execution_options(synchronize_session="fetch")
            )

    def before_save(
        self,
        session: Session,
        record: CustomerPaymentMethod,
        values: Mapping[str, Any],
        *,
        is_new: bool,
    ) -> None:
        record.override = True  # the customer's own method (seed: made on AR303010)
        if is_new and not record.is_default:
            with session.no_autoflush:
                others = count_where(
                    session,
                    CustomerPaymentMethod,
                    CustomerPaymentMethod.customer_id == record.customer_id,
                    CustomerPaymentMethod.is_default.is_(True),
                )
            if not others:
                record.is_default = True  # a customer's first method is its default

    def set_as_default(self, method_id: int) -> None:
        """Make this method the customer's only default (one transaction)."""
        with self.store.transaction() as session:
            method = session.get(CustomerPaymentMethod, method_id)
            if method is None:
                raise StaleRecordError("The payment method no longer exists.")
            if not method.active:
                raise RecordError("An inactive payment method cannot be the default.")
            if method.is_default:
                return
            previous = session.scalar(
                select(CustomerPaymentMethod).where(
                    CustomerPaymentMethod.customer_id == method.customer_id,
                    CustomerPaymentMethod.is_default.is_(True),
                )
            )
            self._clear_other_defaults(session, method.customer_id, method.id)
            method.is_default = True
            webhooks.log_field_changed(
                session,
                method.customer,
                "default_payment_method",  # the customer's field (Invoicing settings)
                "Default payment method",
                _code(previous) if previous is not None else None,
                _code(method),
            )

    def delete_refusal(self, session: Session, record: CustomerPaymentMethod) -> str | None:
        if record.is_default and count_where(
            session,
            CustomerPaymentMethod,
            CustomerPaymentMethod.customer_id == record.customer_id,
            CustomerPaymentMethod.id != record.id,
        ):
            return (
                f"{self.describe(record)} is the customer's default payment method and cannot "
                "be deleted: make another of its methods the default first (Is default)."
            )
        return None

    def describe(self, record: CustomerPaymentMethod) -> str:
        """``Payment method CARD of customer 10001``."""
        return f"{method_name(record)} of customer {record.customer.customer_no}"


def _code(record: CustomerPaymentMethod) -> str:
    method = record.payment_method
    return method.payment_method_id if method is not None else "(none)"


def method_name(record: CustomerPaymentMethod) -> str:
    """``Payment method CARD``: a customer's payment method as a user names it."""
    return f"Payment method {_code(record)}"
