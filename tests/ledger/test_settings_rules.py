"""Settings a customer class or the preferences must not accept (issue 17): each refused by
name with the rule, nothing stored; and what a new class takes from where."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from app.ledger import workstation
from app.ledger.cid_configurations import active_configuration
from app.ledger.class_mailings import preferences_mailings
from app.ledger.customer_classes import MAILINGS, CustomerClassService
from app.ledger.customers import CustomerService
from app.ledger.definitions.customer_class import CUSTOMER_CLASS
from app.ledger.definitions.preferences import PREFERENCES
from app.ledger.preferences import PreferencesService
from app.ledger.records import RecordService, ValidationError
from app.ledger.setup import set_up_company
from app.models import (
    PREFERENCES_ID,
    Branch,
    CidConfiguration,
    Customer,
    CustomerClass,
    DefaultSource,
    Location,
    Preferences,
    RestrictionGroup,
)
from app.models.cid import CidStatus
from app.models.database import Store
from app.models.options import ExportType
from app.models.preferences import DunningProcess, RoundingPrecision, RoundingRule


def set_up(store: Store) -> None:
    set_up_company(store, base_currency="NOK", country="NO", language="nb-NO")


def refusals(
    service: RecordService[Any], record_id: int | None, values: dict[str, Any]
) -> list[str]:
    with pytest.raises(ValidationError) as refused:
        service.save(record_id, values)
    return [str(error) for error in refused.value.errors]


def new_class(store: Store, **values: Any) -> tuple[CustomerClassService, dict[str, Any]]:
    service = CustomerClassService(store)
    return service, service.new_values() | {"class_id": "NEW", "description": "New"} | values


# -- AR201000 --------------------------------------------------------------------------------


def test_a_class_with_write_offs_enabled_needs_a_limit_above_zero(store: Store) -> None:
    set_up(store)
    for limit in (None, Decimal(0)):
        service, values = new_class(store, enable_write_offs=True, write_off_limit=limit)
        assert (
            "Write-off limit: enter a limit when Enable write-offs is selected: without one, "
            "write-offs cannot be performed." in refusals(service, None, values)
        )
    with store.session() as session:
        assert session.scalar(select(CustomerClass).where(CustomerClass.class_id == "NEW")) is None

    service, values = new_class(store, enable_write_offs=True, write_off_limit=Decimal("50"))
    service.save(None, values)
    with store.session() as session:
        saved = session.scalars(select(CustomerClass).where(CustomerClass.class_id == "NEW")).one()
        assert (saved.enable_write_offs, saved.write_off_limit) == (True, Decimal("50"))


def test_a_class_mailing_needs_a_report_or_a_notification_template(store: Store) -> None:
    set_up(store)
    service, values = new_class(store)
    rows = values[MAILINGS]
    assert rows, "a new class starts with AR101000's mailings"
    bare = rows[0] | {"report": None, "notification_template": None}
    assert refusals(service, None, values | {MAILINGS: [bare, *rows[1:]]}) == [
        "Mailings, row 1, Report: a mailing needs a report or a notification template."
    ]
    # Either one is enough; both is allowed (the template forms the e-mail's body).
    with_template = bare | {"notification_template": rows[0]["notification_template"]}
    assert with_template["notification_template"] is not None
    with_report = bare | {"report": rows[0]["report"]}
    assert with_report["report"] is not None
    service.save(None, values | {MAILINGS: [with_template, *rows[1:]]})


def test_a_new_class_takes_the_preferences_mailings_not_the_default_class_s(
    store: Store,
) -> None:
    set_up(store)
    with store.transaction() as session:
        default = session.scalars(select(CustomerClass)).one()
        default.mailings.clear()  # the default class has none any more
        statement = session.scalars(
            select(DefaultSource).where(DefaultSource.mailing_id == "STATEMENT")
        ).one()
        statement.active = False
    service = CustomerClassService(store)
    rows = service.new_values()[MAILINGS]
    with store.session() as session:
        sources = session.scalars(select(DefaultSource).order_by(DefaultSource.id)).all()
        assert [row["mailing_id"] for row in rows] == [source.mailing_id for source in sources]
        assert rows == preferences_mailings(session)
    assert next(row for row in rows if row["mailing_id"] == "STATEMENT")["active"] is False


def test_print_and_email_of_invoices_is_advised_against_on_the_class_as_on_the_customer() -> None:
    advice = [item for item in CUSTOMER_CLASS.advice if "print_invoices" in item.depends]
    assert len(advice) == 1
    both = {"print_invoices": True, "send_invoices_by_email": True}
    assert "receive every invoice twice" in (advice[0].run(both, {}) or "")
    assert advice[0].run(both | {"send_invoices_by_email": False}, {}) is None


# -- AR101000 --------------------------------------------------------------------------------


def preferences(store: Store) -> tuple[PreferencesService, dict[str, Any]]:
    set_up(store)
    service = PreferencesService(store)
    record_id = service.current_id()
    assert record_id == PREFERENCES_ID
    with store.session() as session:
        saved = session.get(Preferences, PREFERENCES_ID)
        assert saved is not None
        return service, service.values_of(session, saved)


@pytest.mark.parametrize("rule", [RoundingRule.NEAREST, RoundingRule.UP, RoundingRule.DOWN])
def test_rounding_by_a_unit_needs_the_precision(store: Store, rule: RoundingRule) -> None:
    service, values = preferences(store)
    changed = values | {"rounding_rule_for_invoices": rule, "rounding_precision": None}
    assert refusals(service, PREFERENCES_ID, changed) == [
        "Rounding precision: a value is required: the Nearest, Up and Down rounding rules "
        "need the smallest unit to round to."
    ]
    with store.session() as session:
        assert session.get(Preferences, PREFERENCES_ID).rounding_rule_for_invoices == (  # type: ignore[union-attr]
            RoundingRule.USE_CURRENCY_PRECISION
        )
    service.save(PREFERENCES_ID, changed | {"rounding_precision": RoundingPrecision.P0_05}, 1)
    with store.session() as session:
        saved = session.get(Preferences, PREFERENCES_ID)
        assert saved is not None
        assert (saved.rounding_rule_for_invoices, saved.rounding_precision) == (
            rule,
            RoundingPrecision.P0_05,
        )


@pytest.mark.parametrize(
    ("flag", "branch", "label", "what"),
    [
        (
            "consolidate_statements_for_all_branches",
            "statement_from_branch",
            "Statement from branch",
            "statements",
        ),
        (
            "consolidate_dunning_letters_for_all_branches",
            "dunning_letter_from_branch",
            "Dunning letter from branch",
            "dunning letters",
        ),
    ],
)
def test_consolidating_for_all_branches_needs_the_branch_sent_from(
    store: Store, flag: str, branch: str, label: str, what: str
) -> None:
    service, values = preferences(store)
    assert refusals(service, PREFERENCES_ID, values | {flag: True, branch: None}) == [
        f"{label}: a value is required: consolidated {what} need the branch they are sent from."
    ]
    with store.session() as session:
        main = session.scalars(select(Branch.id)).one()
    service.save(PREFERENCES_ID, values | {flag: True, branch: main}, 1)
    # Cleared again, the branch is not asked for (its field is greyed out then).
    with store.session() as session:
        saved = session.get(Preferences, PREFERENCES_ID)
        assert saved is not None
        version = saved.version
    service.save(PREFERENCES_ID, values | {flag: False, branch: None}, version)


def test_switching_dunning_back_to_by_customer_is_advised_against() -> None:
    (advice,) = PREFERENCES.advice
    by_document = {"dunning_process": DunningProcess.BY_DOCUMENT}
    by_customer = {"dunning_process": DunningProcess.BY_CUSTOMER}
    assert "not recommended" in (advice.run(by_customer, by_document) or "")
    # By customer to By document is the switch the seed allows; unchanged says nothing.
    assert advice.run(by_document, by_customer) is None
    assert advice.run(by_customer, by_customer) is None


def test_only_an_active_cid_configuration_gives_documents_a_reference(store: Store) -> None:
    set_up(store)
    with store.transaction() as session:
        main = session.scalars(select(Branch.id)).one()
        session.add_all(
            [
                CidConfiguration(configuration_id="ANY", status=CidStatus.ACTIVE),
                CidConfiguration(
                    configuration_id="MAINB", status=CidStatus.EDITING, branch_id=main
                ),
                CidConfiguration(configuration_id="OFF", status=CidStatus.INACTIVE, branch_id=main),
            ]
        )
    with store.session() as session:
        found = active_configuration(session, main, None)
        # The branch's own configurations are in Editing and Inactive: the general one serves.
        assert found is not None and found.configuration_id == "ANY"
    with store.transaction() as session:
        editing = session.scalars(
            select(CidConfiguration).where(CidConfiguration.configuration_id == "MAINB")
        ).one()
        editing.status = CidStatus.ACTIVE
    with store.session() as session:
        found = active_configuration(session, main, None)
        assert found is not None and found.configuration_id == "MAINB"  # the branch's own first
        other = active_configuration(session, None, None)
        assert other is not None and other.configuration_id == "ANY"


def test_a_new_customer_of_a_class_gets_the_class_s_defaults_in_the_database(
    store: Store,
) -> None:
    """The class values issue 17 lists that reach a new customer without a field of their own
    on AR303000: the default restriction group, the export type of its first location, and
    the first location's ID from the workstation's branch."""
    set_up(store)
    with store.transaction() as session:
        group = RestrictionGroup(group_id="NORTH", description="Northern sales")
        session.add_all([group, Branch(branch_id="BODO", name="Bodø office")])
        session.flush()
        default = session.scalars(select(CustomerClass)).one()
        default.default_restriction_group_id = group.id
        default.export_type = ExportType.EU
        default.default_location_id_from_branch = True
    workstation.use_branch("BODO")
    service = CustomerService(store)
    customer_id = service.save(None, service.new_values() | {"customer_name": "Nordlys AS"})
    with store.session() as session:
        customer = session.get(Customer, customer_id)
        assert customer is not None
        assert customer.restriction_group_id == group.id
        (location,) = session.scalars(
            select(Location).where(Location.customer_id == customer_id)
        ).all()
        assert (location.location_id, location.export_type, location.is_main) == (
            "BODO",
            ExportType.EU,
            True,
        )
        # Its own copies of the class's mailings with their recipients, not Overridden.
        default = session.scalars(select(CustomerClass)).one()
        assert [
            (
                m.mailing_id,
                m.report_id,
                m.format,
                m.overridden,
                [r.contact_type for r in m.recipients],
            )
            for m in customer.mailings
        ] == [
            (m.mailing_id, m.report_id, m.format, False, [r.contact_type for r in m.recipients])
            for m in default.mailings
        ]
        assert len(customer.mailings) == 4

    # Only newly created customers: a later change of the class moves no one (that is what
    # Apply restriction settings is for).
    with store.transaction() as session:
        session.scalars(select(CustomerClass)).one().default_restriction_group_id = None
    with store.session() as session:
        assert session.get(Customer, customer_id).restriction_group_id == group.id  # type: ignore[union-attr]
