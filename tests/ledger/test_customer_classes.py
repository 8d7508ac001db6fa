"""Customer class rules without Qt: AutoInvoice and credit dependencies, recipients, mailing
defaults from AR101000, new classes from the default class, Apply restriction settings."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from app.ledger import autoinvoice
from app.ledger.class_mailings import MAILING_ID, RECIPIENTS, mailing_defaults
from app.ledger.credit_verification import uses_credit_limit, uses_days_past_due
from app.ledger.customer_classes import (
    ATTRIBUTE_ID,
    ATTRIBUTES,
    MAILINGS,
    CustomerClassService,
    without_ids,
)
from app.ledger.definitions.customer_class import CUSTOMER_CLASS
from app.ledger.fields import OnChange
from app.ledger.recipients import CONTACT_ID, CONTACT_TYPE, contact_id_cleared, recipient_errors
from app.ledger.records import RecordError, ValidationError
from app.ledger.restriction import apply_restriction_settings
from app.ledger.setup import set_up_company
from app.models import (
    Attribute,
    Customer,
    CustomerClass,
    DefaultRecipient,
    DefaultSource,
    Employee,
    RestrictionGroup,
)
from app.models.database import Store
from app.models.options import ContactType, CreditVerification
from app.models.reference.system import ControlType


def service(store: Store) -> CustomerClassService:
    return CustomerClassService(store)  # the class's definition: every field and grid


@pytest.mark.parametrize(
    ("selected", "cleared"),
    [
        ({}, {}),
        ({"print": True}, {"print": False}),
        ({autoinvoice.SEND: True, "print": True}, {}),
        ({autoinvoice.SEND_AS_BANKING_EINVOICE: True, "print": True}, {"print": False}),
        ({autoinvoice.SEND_AS_BANKING_EINVOICE: True, "exclude_invoice_pdf": True}, {}),
        (
            {"exclude_invoice_pdf": True, autoinvoice.USE_FIRST_ATTACHMENT: True},
            {"exclude_invoice_pdf": False, autoinvoice.USE_FIRST_ATTACHMENT: False},
        ),
        (
            {autoinvoice.SEND: True, autoinvoice.USE_FIRST_ATTACHMENT: True},
            {autoinvoice.USE_FIRST_ATTACHMENT: False},
        ),
    ],
)
def test_autoinvoice_boxes_that_may_not_be_selected_are_cleared(
    selected: dict[str, bool], cleared: dict[str, bool]
) -> None:
    assert autoinvoice.cleared(selected) == cleared


def test_credit_verification_rules_name_the_values_they_use() -> None:
    assert [uses_credit_limit(rule) for rule in CreditVerification] == [False, True, True, False]
    assert [uses_days_past_due(rule) for rule in CreditVerification] == [True, False, True, False]
    assert not uses_credit_limit(None)


def test_a_contact_id_only_for_the_employee_contact_type() -> None:
    rows: list[dict[str, Any]] = [
        {"contact_type": ContactType.EMPLOYEE, "contact_id": None},
        {"contact_type": ContactType.PRIMARY, "contact_id": 7},
        {"contact_type": ContactType.EMPLOYEE, "contact_id": 7},
        {"contact_type": ContactType.SHIPPING, "contact_id": None},
    ]
    assert [str(error) for error in recipient_errors("mailings", "Recipients", rows)] == [
        "Recipients, row 1, Contact ID: select the employee who receives the mailing.",
        "Recipients, row 2, Contact ID: can be specified only for the Employee contact type.",
    ]
    assert contact_id_cleared(rows[1]) == {"contact_id": None}
    assert contact_id_cleared(rows[2]) is None


def test_without_ids_copies_rows_and_detail_rows_as_new() -> None:
    rows = [{"id": 1, "mailing_id": "INVOICE", "recipients": [{"id": 4, "bcc": True}]}]
    assert without_ids(rows) == [{"mailing_id": "INVOICE", "recipients": [{"bcc": True}]}]
    assert rows[0]["id"] == 1  # the source is left as it was
    assert without_ids("DEFAULT") == "DEFAULT"


def test_without_a_default_class_a_new_class_starts_from_the_model_defaults(store: Store) -> None:
    values = service(store).new_values()
    assert values["credit_verification"] == CreditVerification.DISABLED
    assert values["apply_payments_automatically"] is True
    assert values["mailings"] == [] and values["country"] is None


def test_a_new_class_takes_the_default_class_values_and_rows(store: Store) -> None:
    set_up_company(store, base_currency="NOK", country="NO", language="nb-NO")
    rules = service(store)
    values = rules.new_values()
    with store.session() as session:
        default = session.scalars(select(CustomerClass)).one()
        assert values["class_id"] is None and values["description"] is None
        assert values["currency_id"] == default.currency_id
        assert values["customer_ledger_account"] == default.customer_ledger_account_id
        assert [row["mailing_id"] for row in values["mailings"]] == [
            mailing.mailing_id for mailing in default.mailings
        ]
    assert all("id" not in row for row in values["mailings"])
    new_id = rules.save(None, values | {"class_id": "NEW", "description": "New class"})
    with store.session() as session:
        counts = {c.class_id: len(c.mailings) for c in session.scalars(select(CustomerClass))}
        assert session.get(CustomerClass, new_id) is not None
        assert counts == {"DEFAULT": 4, "NEW": 4}  # copies: the default class keeps its own


def test_a_chosen_mailing_takes_the_preferences_defaults(store: Store) -> None:
    set_up_company(store, base_currency="NOK", country="NO", language="nb-NO")
    with store.transaction() as session:
        employee = Employee(employee_id="EMP01", name="Kari Nordmann")
        session.add(employee)
        statement = session.scalars(
            select(DefaultSource).where(DefaultSource.mailing_id == "STATEMENT")
        ).one()
        session.flush()
        statement.recipients.append(
            DefaultRecipient(contact_type=ContactType.EMPLOYEE, employee_id=employee.id)
        )
    with store.session() as session:
        defaults = mailing_defaults(session, {"mailing_id": "STATEMENT", "recipients": []})
        assert defaults is not None
        assert [r["contact_type"] for r in defaults["recipients"]] == [
            ContactType.INVOICING,
            ContactType.EMPLOYEE,
        ]
        # A mailing that has recipients of its own keeps them.
        kept = mailing_defaults(session, {"mailing_id": "STATEMENT", "recipients": [{}]})
        assert kept is not None and "recipients" not in kept
        assert mailing_defaults(session, {"mailing_id": "UNKNOWN"}) is None
        assert mailing_defaults(session, {"mailing_id": None}) is None


def test_saving_clears_autoinvoice_boxes_the_rules_do_not_allow(store: Store) -> None:
    rules = service(store)
    values = rules.new_values() | {"class_id": "AUTO", "description": "Auto", "print": True}
    saved = rules.save(None, values)
    with store.session() as session:
        assert session.get(CustomerClass, saved).autoinvoice_print is False  # type: ignore[union-attr]


def test_apply_restriction_settings_counts_and_moves_only_the_class_customers(
    store: Store,
) -> None:
    with store.transaction() as session:
        group = RestrictionGroup(group_id="NORTH", description="North")
        retail = CustomerClass(class_id="RETAIL", description="Retail")
        other = CustomerClass(class_id="OTHER", description="Other")
        session.add_all([group, retail, other])
        session.flush()
        retail.default_restriction_group_id = group.id
        session.add_all(
            [
                Customer(customer_no="C1", customer_class=retail),
                Customer(customer_no="C2", customer_class=retail),
                Customer(customer_no="C3", customer_class=other),
            ]
        )
        session.flush()
        retail_id, other_id, group_id = retail.id, other.id, group.id

    applied = apply_restriction_settings(store, retail_id)
    assert (applied.customers_changed, str(applied)) == (
        2,
        "2 customers of class RETAIL changed to restriction group NORTH.",
    )
    with store.session() as session:
        rows = session.execute(
            select(Customer.customer_no, Customer.restriction_group_id, Customer.version)
        ).all()
        assert sorted(tuple(row) for row in rows) == [
            ("C1", group_id, 2),
            ("C2", group_id, 2),
            ("C3", None, 1),
        ]
    # A class without a group takes its customers out of any group.
    with store.transaction() as session:
        moved = session.scalars(select(Customer).where(Customer.customer_no == "C3")).one()
        moved.restriction_group_id = group_id
    assert str(apply_restriction_settings(store, other_id)) == (
        "1 customer of class OTHER changed to no restriction group."
    )
    with pytest.raises(RecordError, match="no longer exists"):
        apply_restriction_settings(store, 999)


# -- bounds: limits, days and percentages (the class's definition, no screen) -----------------


def a_class(rules: CustomerClassService, **values: Any) -> dict[str, Any]:
    return rules.new_values() | {"class_id": "BOUNDS", "description": "Bounds"} | values


@pytest.mark.parametrize(
    ("key", "value", "refusal"),
    [
        ("credit_limit", Decimal("-0.01"), "Credit limit: cannot be negative."),
        ("amount_over_limit", Decimal(-1), "Amount over limit: cannot be negative."),
        ("credit_days_past_due", -1, "Credit days past due: cannot be negative."),
        ("write_off_limit", Decimal(-5), "Write-off limit: cannot be negative."),
        (
            "group_document_discount_limit_percent",
            Decimal(-1),
            "Group/document discount limit (%): cannot be negative.",
        ),
        (
            "group_document_discount_limit_percent",
            Decimal(250),
            "Group/document discount limit (%): at most 100.",
        ),
    ],
)
def test_limits_days_and_percentages_out_of_bounds_are_refused_by_name(
    store: Store, key: str, value: Any, refusal: str
) -> None:
    rules = service(store)
    with pytest.raises(ValidationError) as refused:
        rules.save(None, a_class(rules, **{key: value}))
    assert [str(error) for error in refused.value.errors] == [refusal]
    assert refused.value.errors[0].key == key
    with store.session() as session:
        assert session.scalars(select(CustomerClass)).all() == []


def test_the_bounds_themselves_are_accepted(store: Store) -> None:
    rules = service(store)
    saved = rules.save(
        None,
        a_class(
            rules,
            credit_limit=Decimal(0),
            amount_over_limit=Decimal(0),
            credit_days_past_due=0,
            write_off_limit=Decimal(0),
            group_document_discount_limit_percent=Decimal(100),
        ),
    )
    assert rules.load(saved)["group_document_discount_limit_percent"] == Decimal(100)


# -- on-change rules from the class's definition (no screen) ----------------------------------


def run_rules(rules: list[OnChange], values: dict[str, Any], service: object) -> dict[str, Any]:
    updates: dict[str, Any] = {}
    for rule in rules:
        updates |= dict(rule.run(values | updates, service) or {})
    return updates


def test_clearing_send_to_autoinvoice_clears_the_boxes_that_need_it(store: Store) -> None:
    values = {
        autoinvoice.SEND: False,
        autoinvoice.SEND_AS_BANKING_EINVOICE: False,
        autoinvoice.PRINT: True,
        autoinvoice.EXCLUDE_INVOICE_PDF: True,
        autoinvoice.USE_FIRST_ATTACHMENT: True,
    }
    updates = run_rules(CUSTOMER_CLASS.rules_for(autoinvoice.SEND), values, service(store))
    assert updates == {
        autoinvoice.PRINT: False,
        autoinvoice.EXCLUDE_INVOICE_PDF: False,
        autoinvoice.USE_FIRST_ATTACHMENT: False,
    }
    kept = values | {autoinvoice.SEND: True}
    assert run_rules(CUSTOMER_CLASS.rules_for(autoinvoice.SEND), kept, service(store)) == {}


def test_a_chosen_attribute_brings_its_description_control_type_and_internal(
    store: Store,
) -> None:
    with store.transaction() as session:
        colour = Attribute(
            attribute_id="COLOUR",
            description="Favourite colour",
            control_type=ControlType.COMBO,
            internal=True,
        )
        session.add(colour)
        session.flush()
        colour_id = colour.id
    rules = CUSTOMER_CLASS.grid(ATTRIBUTES).rules_for(ATTRIBUTE_ID)
    row = {ATTRIBUTE_ID: colour_id, "description": None, "default_value": "Blue"}
    assert run_rules(rules, row, service(store)) == {
        "description": "Favourite colour",
        "control_type": ControlType.COMBO,
        "internal": True,
    }
    cleared = run_rules(rules, row | {ATTRIBUTE_ID: None}, service(store))
    assert cleared == {"description": None, "control_type": None}


def test_a_chosen_mailing_brings_the_preferences_settings_and_recipients(store: Store) -> None:
    set_up_company(store, base_currency="NOK", country="NO", language="nb-NO")
    rules = CUSTOMER_CLASS.grid(MAILINGS).rules_for(MAILING_ID)
    updates = run_rules(rules, {MAILING_ID: "STATEMENT", RECIPIENTS: []}, service(store))
    with store.session() as session:
        source = session.scalars(
            select(DefaultSource).where(DefaultSource.mailing_id == "STATEMENT")
        ).one()
        assert updates["report"] == source.report_id
        assert updates["format"] == source.format
        assert updates[RECIPIENTS]  # set up with the customer's invoicing contact
        assert [r["contact_type"] for r in updates[RECIPIENTS]] == [
            r.contact_type for r in source.recipients
        ]
    # A row that has recipients of its own keeps them (the rule depends on them).
    own = [{"contact_type": ContactType.PRIMARY}]
    kept = run_rules(rules, {MAILING_ID: "STATEMENT", RECIPIENTS: own}, service(store))
    assert RECIPIENTS not in kept


def test_a_recipients_contact_id_goes_with_the_employee_contact_type(store: Store) -> None:
    rules = CUSTOMER_CLASS.grid(RECIPIENTS).rules_for(CONTACT_TYPE)
    employee = {CONTACT_TYPE: ContactType.EMPLOYEE, CONTACT_ID: 7}
    assert run_rules(rules, employee, service(store)) == {}
    primary = employee | {CONTACT_TYPE: ContactType.PRIMARY}
    assert run_rules(rules, primary, service(store)) == {CONTACT_ID: None}


def _default_class(store: Store) -> int:
    with store.session() as session:
        return session.scalars(select(CustomerClass.id)).one()


def _stored_mailings(store: Store, class_id: int) -> list[tuple[str, int]]:
    with store.session() as session:
        record = session.get(CustomerClass, class_id)
        assert record is not None
        return [(m.mailing_id, len(m.recipients)) for m in record.mailings]


@pytest.mark.parametrize("checked", [True, False], ids=["as-read", "without-read"])
@pytest.mark.parametrize("removed", ["first", "last", "without-recipients"])
def test_removing_a_mailing_row_from_a_saved_class_is_saved(
    store: Store, removed: str, checked: bool
) -> None:
    # Issue 17: the removed mailing's recipients, loaded by the delete's cascade, flushed the
    # half-made collection and the save failed ("Failed to add object to the flush context!").
    set_up_company(store, base_currency="NOK", country="NO", language="nb-NO")
    rules = service(store)
    class_id = _default_class(store)
    before = _stored_mailings(store, class_id)
    assert len(before) == 4 and all(count for _, count in before)
    index = {"first": 0, "last": 3, "without-recipients": 1}[removed]
    if removed == "without-recipients":  # its recipients removed and saved first
        loaded = rules.load(class_id)
        values = loaded | {MAILINGS: [dict(row) for row in loaded[MAILINGS]]}
        values[MAILINGS][index][RECIPIENTS] = []
        rules.save(class_id, values, loaded["version"], loaded if checked else None)
        assert _stored_mailings(store, class_id)[index] == (before[index][0], 0)
    loaded = rules.load(class_id)
    rows = [row for number, row in enumerate(loaded[MAILINGS]) if number != index]
    rules.save(class_id, loaded | {MAILINGS: rows}, loaded["version"], loaded if checked else None)

    expected = [(code, count) for number, (code, count) in enumerate(before) if number != index]
    assert _stored_mailings(store, class_id) == expected
    reloaded = rules.load(class_id)
    assert [(row[MAILING_ID], len(row[RECIPIENTS])) for row in reloaded[MAILINGS]] == expected
