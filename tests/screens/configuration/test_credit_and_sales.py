"""Configuration screens of credit policy and sales: payment terms, statement cycles, overdue
charges, payment methods, salespersons, price classes, carriers, shipping, warehouses …"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import (
    Branch,
    Carrier,
    Customer,
    FobPoint,
    Location,
    NonStockItem,
    OverdueCharge,
    PaymentMethod,
    PaymentMethodDetail,
    PaymentTerms,
    Preferences,
    PriceClass,
    ReasonCode,
    Salesperson,
    ShippingTerms,
    ShippingZone,
    StatementCycle,
    Warehouse,
)
from app.models.database import Store
from app.models.reference.credit import PrepareOn
from app.models.reference.system import ReasonCodeUsage
from app.windows.framework.grid import GridEditor
from tests.screens.configuration.harness import (
    Case,
    Opener,
    class_using,
    new_record,
    out_of_range_is_refused,
    saved_or_refused,
)
from tests.screens.conftest import Answers
from tests.screens.helpers import choose_option, edit_cell, shown, trigger, type_into


def preferences_using(attr: str) -> Callable[[Session, int], None]:
    def use(session: Session, record_id: int) -> None:
        session.add(Preferences(id=1, **{attr: record_id}))

    return use


def cycle_using_charge(session: Session, record_id: int) -> None:
    session.add(
        StatementCycle(
            statement_cycle_id="USES", description="Uses it", overdue_charge_id=record_id
        )
    )


def location_using(attr: str) -> Callable[[Session, int], None]:
    """A customer whose MAIN location's shipping instructions name the record."""

    def use(session: Session, record_id: int) -> None:
        customer = Customer(customer_no="USES", name="Uses it")
        customer.locations.append(
            Location(location_id="MAIN", is_default=True, **{attr: record_id})
        )
        session.add(customer)

    return use


def a_branch(session: Session) -> None:
    session.add(Branch(branch_id="HQ", name="Head office"))


# Records other records refer to: the full set of flows, delete refused while in use.
USED_CASES = [
    Case(
        "CS206500",
        PaymentTerms,
        {"terms_id": "30D", "description": "30 days net", "due_days": "30"},
        ("cash_discount_percent", "2.5"),
        class_using("terms_id"),
        "1 customer class",
    ),
    Case(
        "AR202800",
        StatementCycle,
        {"statement_cycle_id": "MONTHLY", "description": "Monthly", "day_limit_1": "20"},
        ("day_limit_3", "120"),
        class_using("statement_cycle_id"),
        "1 customer class",
    ),
    Case(
        "AR204500",
        OverdueCharge,
        {"overdue_charge_id": "LATE", "description": "Late interest", "annual_rate_percent": "8"},
        ("minimum_amount", "50"),
        cycle_using_charge,
        "1 statement cycle",
    ),
    Case(
        "CA204000",
        PaymentMethod,
        {"payment_method_id": "BANK", "description": "Bank transfer"},
        ("description", "Bank giro"),
        class_using("payment_method_id"),
        "1 customer class",
    ),
    Case(
        "AR205000",
        Salesperson,
        {"salesperson_id": "ANNA", "name": "Anna Berg", "commission_percent": "5"},
        ("commission_percent", "7.5"),
        class_using("salesperson_id"),
        "1 customer class",
    ),
    Case(
        "AR208000",
        PriceClass,
        {"price_class_id": "RETAIL", "description": "Retail prices"},
        ("description", "Shop prices"),
        class_using("price_class_id"),
        "1 customer class",
    ),
    Case(
        "CS207500",
        Carrier,
        {"ship_via": "POSTEN", "description": "Posten Norge"},
        ("description", "Posten Bring"),
        class_using("ship_via_id"),
        "1 customer class",
    ),
    Case(
        "CS208000",
        ShippingTerms,
        {"shipping_terms_id": "FREE", "description": "Free delivery"},
        ("description", "Free freight"),
        class_using("shipping_terms_id"),
        "1 customer class",
    ),
    Case(
        "IN202000",
        NonStockItem,
        {"item_id": "DUNNING-FEE", "description": "Dunning fee"},
        ("description", "Reminder fee"),
        preferences_using("dunning_fee_item_id"),
        "1 preferences",
    ),
    Case(
        "CS211000",
        ReasonCode,
        {"reason_code_id": "BADDEBT", "description": "Bad debt"},
        ("description", "Uncollectable"),
        preferences_using("reason_code_balance_write_off_id"),
        "1 preferences",
    ),
]
# Shipping instructions of a customer location refer to these.
DELIVERY_CASES = [
    Case(
        "CS207000",
        ShippingZone,
        {"shipping_zone_id": "NORTH", "description": "Northern Norway"},
        ("description", "North of Trondheim"),
        location_using("shipping_zone_id"),
        "1 location",
    ),
    Case(
        "CS208500",
        FobPoint,
        {"fob_point_id": "ORIGIN", "description": "Shipping point"},
        ("description", "Our dock"),
        location_using("fob_point_id"),
        "1 location",
    ),
    Case(
        "IN204000",
        Warehouse,
        {"warehouse_id": "WH1", "description": "Main warehouse", "branch": "HQ"},
        ("description", "Central warehouse"),
        location_using("warehouse_id"),
        "1 location",
        prepare=a_branch,
    ),
]
CASES = USED_CASES + DELIVERY_CASES


# -- helpers ------------------------------------------------------------------------------------


# -- statement cycles -----------------------------------------------------------------------------


def test_day_limits_must_increase_from_above_zero(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = open_screen("AR202800")
    new_record(qtbot, screen, {"statement_cycle_id": "M", "description": "Monthly"})
    type_into(qtbot, screen, "day_limit_1", "0")
    assert "• Day limit 1: must be more than 0 (this is 0)." in saved_or_refused(screen)

    type_into(qtbot, screen, "day_limit_1", "30")
    type_into(qtbot, screen, "day_limit_2", "30")
    assert "• Day limit 2: must be more than day limit 1 (30)." in saved_or_refused(screen)

    type_into(qtbot, screen, "day_limit_2", "60")
    type_into(qtbot, screen, "day_limit_3", "45")
    message = saved_or_refused(screen)
    assert "• Day limit 3: must be more than day limit 2 (60)." in message
    assert "Day limit 2" not in message

    type_into(qtbot, screen, "day_limit_3", "")
    assert "• Day limit 3: a value is required." in saved_or_refused(screen)
    with store.session() as session:
        assert session.scalars(select(StatementCycle)).all() == []

    type_into(qtbot, screen, "day_limit_3", "90")
    assert saved_or_refused(screen) == "Saved."


def test_bucket_labels_follow_the_limits_unless_written(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = open_screen("AR202800")
    assert [shown(screen, key) for key in ("current_label", "bucket_1_label", "over_label")] == [
        "Current",
        "1-30 days",
        "Over 90 days",
    ]
    new_record(qtbot, screen, {"statement_cycle_id": "M", "description": "Monthly"})
    type_into(qtbot, screen, "bucket_3_label", "Late")
    type_into(qtbot, screen, "day_limit_1", "14")
    type_into(qtbot, screen, "day_limit_3", "120")
    assert shown(screen, "bucket_1_label") == "1-14 days"
    assert shown(screen, "bucket_2_label") == "15-60 days"
    assert shown(screen, "bucket_3_label") == "Late"  # the user's own label stays
    assert shown(screen, "over_label") == "Over 120 days"

    type_into(qtbot, screen, "current_label", "")  # a blank label takes its default
    assert saved_or_refused(screen) == "Saved."
    with store.session() as session:
        cycle = session.scalars(select(StatementCycle)).one()
        assert (cycle.day_limit_1, cycle.day_limit_2, cycle.day_limit_3) == (14, 60, 120)
        labels = [
            cycle.current_label,
            cycle.bucket_1_label,
            cycle.bucket_2_label,
            cycle.bucket_3_label,
            cycle.over_label,
        ]
        assert labels == ["Current", "1-14 days", "15-60 days", "Late", "Over 120 days"]
    assert shown(screen, "current_label") == "Current"


def test_day_of_month_is_enabled_and_required_for_monthly_days(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = open_screen("AR202800")
    day, second = screen.editor("day_of_month"), screen.editor("second_day_of_month")
    assert shown(screen, "prepare_on") == "End of month"
    assert not day.isEnabled() and not second.isEnabled()
    new_record(qtbot, screen, {"statement_cycle_id": "MID", "description": "Mid-month"})

    choose_option(qtbot, screen, "prepare_on", "Fixed day of month")
    assert day.isEnabled() and not second.isEnabled()
    assert (
        "• Day of month: a value is required when statements are prepared on Fixed day of month."
        in saved_or_refused(screen)
    )
    type_into(qtbot, screen, "day_of_month", "32")
    assert "• Day of month: must be from 1 to 31 (this is 32)." in saved_or_refused(screen)
    type_into(qtbot, screen, "day_of_month", "15")
    assert saved_or_refused(screen) == "Saved."

    choose_option(qtbot, screen, "prepare_on", "Twice a month")
    assert day.isEnabled() and second.isEnabled()
    assert "• Second day of month: a value is required when statements are prepared on " in (
        saved_or_refused(screen)
    )
    type_into(qtbot, screen, "second_day_of_month", "10")
    assert "• Second day of month: must be after the day of month (15)." in (
        saved_or_refused(screen)
    )
    type_into(qtbot, screen, "second_day_of_month", "31")
    assert saved_or_refused(screen) == "Saved."
    with store.session() as session:
        cycle = session.scalars(select(StatementCycle)).one()
        assert (cycle.prepare_on, cycle.day_of_month, cycle.second_day_of_month) == (
            PrepareOn.TWICE_A_MONTH,
            15,
            31,
        )

    # Back to a schedule without days: they are cleared, not kept out of sight.
    choose_option(qtbot, screen, "prepare_on", "Weekly")
    assert not day.isEnabled() and not second.isEnabled()
    assert shown(screen, "day_of_month") == "" and shown(screen, "second_day_of_month") == ""
    assert saved_or_refused(screen) == "Saved."
    with store.session() as session:
        cycle = session.scalars(select(StatementCycle)).one()
        assert (cycle.day_of_month, cycle.second_day_of_month) == (None, None)


def test_last_statement_date_is_set_by_statement_runs_only(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    with store.transaction() as session:
        session.add(
            StatementCycle(
                statement_cycle_id="M",
                description="Monthly",
                last_statement_date=date(2024, 5, 31),
                next_statement_date=date(2024, 6, 30),
            )
        )
    screen = open_screen("AR202800")
    trigger(screen, "first")
    assert shown(screen, "last_statement_date") == "2024-05-31"
    editor = screen.editor("last_statement_date")
    assert editor.isReadOnly()  # type: ignore[attr-defined]

    screen.record.set_value("next_statement_date", date(2024, 5, 31))
    assert "• Next statement date: must be after the last statement date (2024-05-31)." in (
        saved_or_refused(screen)
    )
    screen.record.set_value("next_statement_date", date(2024, 7, 31))
    assert saved_or_refused(screen) == "Saved."
    with store.session() as session:
        cycle = session.scalars(select(StatementCycle)).one()
        assert (cycle.last_statement_date, cycle.next_statement_date) == (
            date(2024, 5, 31),
            date(2024, 7, 31),
        )


def test_a_statement_cycle_selects_its_overdue_charge(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    with store.transaction() as session:
        session.add(OverdueCharge(overdue_charge_id="LATE", description="Late interest"))
    screen = open_screen("AR202800")
    new_record(
        qtbot,
        screen,
        {"statement_cycle_id": "M", "description": "Monthly", "overdue_charge_id": "late"},
    )
    assert saved_or_refused(screen) == "Saved."
    assert shown(screen, "overdue_charge_id") == "LATE"
    with store.session() as session:
        cycle = session.scalars(select(StatementCycle)).one()
        charge = session.scalars(select(OverdueCharge)).one()
        assert cycle.overdue_charge_id == charge.id


# -- percentages, amounts and days ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("screen_id", "typed", "wrong", "message"),
    [
        pytest.param(
            "CS206500",
            {"terms_id": "30D", "description": "30 days"},
            ("due_days", "-5"),
            "Due days: cannot be negative.",
            id="CS206500-due_days",
        ),
        pytest.param(
            "CS206500",
            {"terms_id": "30D", "description": "30 days"},
            ("discount_days", "-1"),
            "Discount days: cannot be negative.",
            id="CS206500-discount_days",
        ),
        pytest.param(
            "CS206500",
            {"terms_id": "30D", "description": "30 days"},
            ("cash_discount_percent", "120"),
            "Cash discount (%): at most 100.",
            id="CS206500-cash_discount_percent",
        ),
        pytest.param(
            "CS206500",
            {"terms_id": "30D", "description": "30 days", "due_days": "30"},
            ("discount_days", "40"),
            "Discount days: must not be more than the due days (30).",
            id="CS206500-discount_days-after-due",
        ),
        pytest.param(
            "AR204500",
            {"overdue_charge_id": "LATE", "description": "Late interest"},
            ("annual_rate_percent", "100.5"),
            "Annual rate (%): at most 100.",
            id="AR204500-annual_rate_percent",
        ),
        pytest.param(
            "AR204500",
            {"overdue_charge_id": "LATE", "description": "Late interest"},
            ("minimum_amount", "-10"),
            "Minimum amount: cannot be negative.",
            id="AR204500-minimum_amount",
        ),
        pytest.param(
            "AR204500",
            {"overdue_charge_id": "LATE", "description": "Late interest"},
            ("fixed_amount", "-0.01"),
            "Fixed amount: cannot be negative.",
            id="AR204500-fixed_amount",
        ),
        pytest.param(
            "AR205000",
            {"salesperson_id": "ANNA", "name": "Anna Berg"},
            ("commission_percent", "-2"),
            "Commission (%): cannot be negative.",
            id="AR205000-commission_percent",
        ),
    ],
)
def test_numbers_out_of_range_are_refused_with_the_field_named(
    qtbot: QtBot,
    open_screen: Opener,
    store: Store,
    screen_id: str,
    typed: dict[str, str],
    wrong: tuple[str, str],
    message: str,
) -> None:
    out_of_range_is_refused(qtbot, open_screen, store, screen_id, typed, wrong, message)


def test_percentages_at_their_limits_and_blank_numbers_are_saved(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    terms = open_screen("CS206500")
    new_record(
        qtbot,
        terms,
        {"terms_id": "NET", "description": "Net", "discount_days": "", "due_days": ""},
    )
    type_into(qtbot, terms, "cash_discount_percent", "100")
    assert saved_or_refused(terms) == "Saved."
    trigger(terms, "add_new")
    # The discount may last until the due date; with no due days any discount days will do.
    new_record(qtbot, terms, {"terms_id": "EOM", "description": "End of month"})
    type_into(qtbot, terms, "discount_days", "10")
    assert saved_or_refused(terms) == "Saved."
    type_into(qtbot, terms, "due_days", "10")
    assert saved_or_refused(terms) == "Saved."
    salesperson = open_screen("AR205000")
    new_record(qtbot, salesperson, {"salesperson_id": "BO", "name": "Bo", "commission_percent": ""})
    assert saved_or_refused(salesperson) == "Saved."
    with store.session() as session:
        saved = session.scalars(select(PaymentTerms).where(PaymentTerms.terms_id == "NET")).one()
        assert (saved.due_days, saved.discount_days, saved.cash_discount_percent) == (
            0,
            0,
            Decimal(100),
        )
        assert session.scalars(select(Salesperson)).one().commission_percent == 0


# -- salespersons ---------------------------------------------------------------------------------


def test_a_salesperson_in_use_is_deactivated_instead_when_the_user_agrees(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    salesperson = open_screen("AR205000")
    new_record(qtbot, salesperson, {"salesperson_id": "ANNA", "name": "Anna Berg"})
    assert saved_or_refused(salesperson) == "Saved."
    with store.transaction() as session:
        class_using("salesperson_id")(session, salesperson.record.record_id or 0)
    refused = "Salesperson ANNA cannot be deleted: it is used by 1 customer class."

    type_into(qtbot, salesperson, "name", "Anna B.")  # typed, not saved
    trigger(salesperson, "delete")
    assert answers.asked[-1] == (
        f"Deactivate instead: {refused}\n\nDeactivate it instead? It stays for what refers to "
        "it. Your unsaved changes are discarded."
    )
    assert salesperson.message.text() == f"{refused}\nIt was deactivated instead."
    assert shown(salesperson, "active") is False
    assert shown(salesperson, "name") == "Anna Berg" and not salesperson.is_dirty
    with store.session() as session:
        saved = session.scalars(select(Salesperson)).one()
        assert (saved.active, saved.version) == (False, 2)


# -- payment methods ------------------------------------------------------------------------------


def test_payment_method_details_are_numbered_and_their_ids_unique(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = open_screen("CA204000")
    new_record(qtbot, screen, {"payment_method_id": "DD", "description": "Direct debit"})
    choose_option(qtbot, screen, "means_of_payment", "Direct debit")
    grid = screen.editor("details")
    assert isinstance(grid, GridEditor)
    assert grid.objectName() == "grid_payment_method_details"
    for _ in range(3):
        qtbot.mouseClick(grid.add_button, Qt.MouseButton.LeftButton)
    assert [row["sort_order"] for row in grid.value()] == [1, 2, 3]
    for row, (code, text) in enumerate(
        [("IBAN", "Bank account (IBAN)"), ("BIC", "Bank code"), ("iban", "Second account")]
    ):
        edit_cell(qtbot, screen, "details", row, "detail_id", code)
        edit_cell(qtbot, screen, "details", row, "description", text)
    assert "• Payment method details, row 3, ID: 'iban' is already used in row 1." in (
        saved_or_refused(screen)
    )
    with store.session() as session:
        assert session.scalars(select(PaymentMethod)).all() == []

    edit_cell(qtbot, screen, "details", 2, "detail_id", "MANDATE")
    edit_cell(qtbot, screen, "details", 2, "sort_order", "10")
    qtbot.mouseClick(grid.add_button, Qt.MouseButton.LeftButton)  # after the highest: 11
    assert grid.value()[3]["sort_order"] == 11
    edit_cell(qtbot, screen, "details", 3, "detail_id", "REF")
    edit_cell(qtbot, screen, "details", 3, "description", "Reference")
    assert saved_or_refused(screen) == "Saved."
    with store.session() as session:
        method = session.scalars(select(PaymentMethod)).one()
        details = session.scalars(
            select(PaymentMethodDetail).order_by(PaymentMethodDetail.sort_order)
        ).all()
        assert method.means_of_payment.label == "Direct debit"
        assert [(d.detail_id, d.sort_order) for d in details] == [
            ("IBAN", 1),
            ("BIC", 2),
            ("MANDATE", 10),
            ("REF", 11),
        ]


# -- reason codes and warehouses -----------------------------------------------------------------


def test_a_reason_code_is_saved_with_the_usage_it_shows(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = open_screen("CS211000")
    label = screen.findChild(object, "label_usage")
    assert label is not None and "*" in label.text()  # type: ignore[attr-defined]
    new_record(qtbot, screen, {"reason_code_id": "SMALL", "description": "Small balance"})
    assert shown(screen, "usage") == "Balance write-off"
    assert saved_or_refused(screen) == "Saved."
    choose_option(qtbot, screen, "usage", "Credit write-off")
    assert saved_or_refused(screen) == "Saved."
    with store.session() as session:
        assert session.scalars(select(ReasonCode)).one().usage is ReasonCodeUsage.CREDIT_WRITE_OFF


def test_a_warehouse_belongs_to_an_active_branch(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    with store.transaction() as session:
        session.add(Branch(branch_id="HQ", name="Head office"))
        session.add(Branch(branch_id="OLD", name="Closed branch", active=False))
    screen = open_screen("IN204000")
    new_record(qtbot, screen, {"warehouse_id": "WH1", "description": "Main", "branch": "OLD"})
    assert "• Branch: 'OLD' is not in the list of branches." in saved_or_refused(screen)
    type_into(qtbot, screen, "branch", "HQ")
    assert saved_or_refused(screen) == "Saved."
    with store.session() as session:
        warehouse = session.scalars(select(Warehouse)).one()
        branch = session.scalars(select(Branch).where(Branch.branch_id == "HQ")).one()
        assert warehouse.branch_id == branch.id
