"""Customer rules of AR303000's Child accounts, Other invoice settings and Direct debit tabs and
of Customer payment methods (AR303010), without Qt: children follow their parent in the parent's
one transaction (or not at all), mandates' rules name the row, column and rule, a customer's
payment methods keep exactly one default."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from app.ledger.child_accounts import CHILDREN_FOLLOW
from app.ledger.customer_payment_methods import CustomerPaymentMethodService
from app.ledger.customers import CustomerService
from app.ledger.records import RecordError, ValidationError
from app.ledger.setup import set_up_company
from app.models import Customer, CustomerPaymentMethod, DirectDebitMandate, PaymentMethod
from app.models.database import Store

IBAN = "NL91 ABNA 0417 1643 00"
BIC = "ABNANL2A"


@pytest.fixture
def service(store: Store) -> CustomerService:
    set_up_company(store, base_currency="EUR", country="NL", language="nl-NL")
    return CustomerService(store)


def new_customer(service: CustomerService, name: str, **values: Any) -> int:
    return service.save(None, service.new_values() | {"customer_name": name} | values)


def flags(store: Store, customer_id: int) -> tuple[bool, bool, bool]:
    with store.session() as session:
        c = session.get(Customer, customer_id)
        assert c is not None
        return c.consolidate_balance, c.consolidate_statements, c.shared_credit_policy


def edit(service: CustomerService, customer_id: int, **changes: Any) -> int:
    loaded = service.load(customer_id)
    return service.save(customer_id, loaded | changes, loaded["version"], loaded)


# -- child accounts -------------------------------------------------------------------------


def family(service: CustomerService) -> tuple[int, int, int]:
    parent = new_customer(service, "Holding BV")
    first = new_customer(service, "Dochter Noord BV", parent_account=parent)
    second = new_customer(
        service, "Dochter Zuid BV", parent_account=parent, consolidate_balance=True
    )
    return parent, first, second


def test_children_take_the_parents_changed_flags_in_its_save(
    service: CustomerService, store: Store
) -> None:
    parent, first, second = family(service)
    loaded = service.load(parent)
    assert [row["customer_no"] for row in loaded["child_accounts"]] == sorted(
        row["customer_no"] for row in loaded["child_accounts"]
    )
    assert len(loaded["child_accounts"]) == 2
    edit(
        service,
        parent,
        consolidate_statements=True,
        **{CHILDREN_FOLLOW: ["consolidate_statements"]},
    )
    assert flags(store, parent) == (False, True, False)
    assert flags(store, first) == (False, True, False)
    # Only the flag agreed to: the second child keeps its own Consolidate balance.
    assert flags(store, second) == (True, True, False)


def test_a_refused_parent_save_changes_no_child(service: CustomerService, store: Store) -> None:
    parent, first, _second = family(service)
    with pytest.raises(ValidationError, match="Customer name: a value is required"):
        edit(
            service,
            parent,
            customer_name="",
            consolidate_balance=True,
            **{CHILDREN_FOLLOW: ["consolidate_balance"]},
        )
    assert flags(store, parent) == (False, False, False)
    assert flags(store, first) == (False, False, False)


def test_without_the_users_yes_children_keep_their_flags(
    service: CustomerService, store: Store
) -> None:
    parent, first, _second = family(service)
    edit(service, parent, consolidate_balance=True, shared_credit_policy=True)
    assert flags(store, parent) == (True, False, True)
    assert flags(store, first) == (False, False, False)


def test_a_child_sharing_credit_policy_without_consolidating_is_never_made(
    service: CustomerService, store: Store
) -> None:
    parent, _first, second = family(service)
    edit(service, parent, consolidate_balance=True, shared_credit_policy=True)
    edit(
        service,
        parent,
        consolidate_balance=False,
        shared_credit_policy=False,
        **{CHILDREN_FOLLOW: ["consolidate_balance", "shared_credit_policy"]},
    )
    assert flags(store, second) == (False, False, False)


def test_an_account_is_never_both_parent_and_child(service: CustomerService) -> None:
    parent, first, _second = family(service)
    third = new_customer(service, "Kleindochter BV")
    with pytest.raises(ValidationError, match="is itself a child account"):
        edit(service, third, parent_account=first)
    with pytest.raises(ValidationError, match="has child accounts, so it cannot have a parent"):
        edit(service, parent, parent_account=third)
    with pytest.raises(ValidationError, match="cannot be its own parent"):
        edit(service, third, parent_account=third)


# -- Other invoice settings ----------------------------------------------------------------


def test_finvoice_ids_are_stored_as_typed_and_refused_when_too_long(
    service: CustomerService, store: Store
) -> None:
    customer = new_customer(
        service,
        "Oy Suomi Ab",
        finvoice_contract_id="003712345678",
        finvoice_intermediator_id="NDEAFIHH",
    )
    loaded = service.load(customer)
    assert (loaded["finvoice_contract_id"], loaded["finvoice_intermediator_id"]) == (
        "003712345678",
        "NDEAFIHH",
    )
    with pytest.raises(
        ValidationError, match=r"Finvoice intermediator ID: at most 35 characters \(this has 36\)"
    ):
        edit(service, customer, finvoice_intermediator_id="X" * 36)


# -- Direct debit mandates ------------------------------------------------------------------


def mandate(number: str, **values: Any) -> dict[str, Any]:
    return {
        "id": None,
        "mandate_id": number,
        "description": f"Mandate {number}",
        "date_of_signature": date(2025, 1, 10),
        "is_default": False,
        "one_time": False,
        "bic": BIC,
        "iban": IBAN,
        "last_collection_date": None,
        "max_amount": Decimal("2500.00"),
        "expiration_date": None,
        "branch": None,
    } | values


def test_mandates_are_stored_with_the_customer(service: CustomerService) -> None:
    customer = new_customer(
        service,
        "Bakkerij BV",
        mandates=[mandate("M-1", is_default=True), mandate("M-2", one_time=True)],
    )
    rows = service.load(customer)["mandates"]
    assert [(r["mandate_id"], r["is_default"], r["one_time"], r["iban"]) for r in rows] == [
        ("M-1", True, False, IBAN),
        ("M-2", False, True, IBAN),
    ]
    assert rows[0]["max_amount"] == Decimal("2500.00")
    # A new row is the default only while no other one is.
    assert service.new_row("mandates", [])["is_default"] is True
    assert service.new_row("mandates", rows)["is_default"] is False


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            [mandate("M-1", is_default=True), mandate("M-2", is_default=True)],
            "Direct debit, row 2, Is default: only one mandate is the default; row 1 is already.",
        ),
        (
            [mandate("M-1", is_default=True, expiration_date=date.today() - timedelta(days=1))],
            "Direct debit, row 1, Is default: an expired mandate cannot be the default",
        ),
        (
            [mandate("M-1", expiration_date=date(2024, 12, 31))],
            "Direct debit, row 1, Expiration date: a mandate cannot expire before it was signed",
        ),
        (
            [mandate("M-1"), mandate("m-1")],
            "Direct debit, row 2, Mandate ID: 'm-1' is already used in row 1.",
        ),
        (
            [mandate("M-1", iban="NL91 ABNA 0417 1643 01")],
            "Direct debit, row 1, IBAN: ",
        ),
        (
            [mandate("M-1", bic="ABNANL")],
            "Direct debit, row 1, BIC (SWIFT): 'ABNANL' is not a valid BIC",
        ),
        (
            [mandate("M-1", max_amount=Decimal("-1"))],
            "Direct debit, row 1, Max. amount: cannot be negative.",
        ),
        (
            [mandate(None)],  # type: ignore[arg-type]
            "Direct debit, row 1, Mandate ID: a value is required.",
        ),
    ],
)
def test_a_mandate_breaking_a_rule_is_refused_naming_row_column_and_rule(
    service: CustomerService, store: Store, rows: list[dict[str, Any]], message: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        new_customer(service, "Bakkerij BV", mandates=rows)
    assert message in str(refused.value)
    with store.session() as session:
        assert (
            session.scalars(select(Customer).where(Customer.name == "Bakkerij BV")).first() is None
        )


def test_an_expired_mandate_may_be_kept_when_another_is_the_default(
    service: CustomerService,
) -> None:
    expired = date.today() - timedelta(days=30)
    customer = new_customer(
        service,
        "Bakkerij BV",
        mandates=[mandate("OLD", expiration_date=expired), mandate("NEW", is_default=True)],
    )
    assert [r["mandate_id"] for r in service.load(customer)["mandates"]] == ["OLD", "NEW"]


# -- Customer payment methods (AR303010) ----------------------------------------------------


def method_id(store: Store, code: str) -> int:
    with store.session() as session:
        found = session.scalar(
            select(PaymentMethod.id).where(PaymentMethod.payment_method_id == code)
        )
        assert found is not None
        return found


def test_payment_methods_keep_exactly_one_default(service: CustomerService, store: Store) -> None:
    customer = new_customer(service, "Bakkerij BV", default_payment_method=None, cash_account=None)
    methods = CustomerPaymentMethodService(store)
    start = methods.new_method_values(customer)
    assert start["is_default"] is True and start["active"] is True
    first = methods.save(None, start | {"payment_method": method_id(store, "BANK")})
    details = methods.method_changed(method_id(store, "DIRDEBIT"), [])["details"]
    second_values = methods.new_method_values(customer) | {
        "payment_method": method_id(store, "DIRDEBIT"),
        "details": [details[0] | {"value": "MND-1"}, details[1] | {"value": IBAN}],
    }
    assert second_values["is_default"] is False
    second = methods.save(None, second_values)

    def defaults() -> list[int]:
        with store.session() as session:
            return list(
                session.scalars(
                    select(CustomerPaymentMethod.id).where(
                        CustomerPaymentMethod.customer_id == customer,
                        CustomerPaymentMethod.is_default.is_(True),
                    )
                )
            )

    assert defaults() == [first]
    assert service.load(customer)["default_payment_method"] == method_id(store, "BANK")
    methods.set_as_default(second)
    assert defaults() == [second]
    assert service.load(customer)["default_payment_method.details"][1]["value"] == IBAN
    # The IBAN detail is checked as one.
    loaded = methods.load(second)
    bad = loaded | {"details": [loaded["details"][0], loaded["details"][1] | {"value": "NL00"}]}
    with pytest.raises(ValidationError, match="Payment method details, IBAN"):
        methods.save(second, bad, loaded["version"], loaded)
    with pytest.raises(RecordError, match="default payment method and cannot be deleted"):
        methods.delete(second)


def test_a_deleted_customer_takes_its_mandates_and_payment_methods(
    service: CustomerService, store: Store
) -> None:
    customer = new_customer(service, "Bakkerij BV", mandates=[mandate("M-1", is_default=True)])
    service.delete(customer)
    with store.session() as session:
        assert session.scalars(select(DirectDebitMandate)).all() == []
        assert (
            session.scalars(
                select(CustomerPaymentMethod).where(CustomerPaymentMethod.customer_id == customer)
            ).all()
            == []
        )
