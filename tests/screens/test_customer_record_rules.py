"""Customers (AR303000) I — Make customer-specific changes (class change), Enable write-offs,
credit verification, Set customer print and email preferences, Set up e-mail invoices,
Prepare to use AutoInvoice, the default payment method and Parent info, through the widgets."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.ledger import autoinvoice
from app.ledger.records import RecordError
from app.ledger.setup import class_defaults
from app.models import (
    CustomerClass,
    DocumentType,
    PaymentTerms,
    StatementCycle,
)
from app.models.database import Store
from app.models.options import CreditVerification
from app.windows.framework.grid import GridEditor
from app.windows.framework.record_screen import RecordScreen
from app.windows.screens.customers import PAYMENT_METHOD_DETAILS
from tests.ledger.customer_documents import add_document
from tests.screens.conftest import Answers
from tests.screens.customer_record import (
    Opener,
    create_customer,
    customer_named,
    enabled,
    set_up,
    visible,
)
from tests.screens.helpers import choose_option, click_check, shown, trigger, type_into
from tests.screens.helpers import edit_cell as edit_any_cell


def add_export_class(store: Store) -> None:
    """EXPORT: the DEFAULT class with 30-day terms, the mid-month cycle and a credit limit."""
    with store.transaction() as session:
        default = session.scalars(
            select(CustomerClass).where(CustomerClass.class_id == "DEFAULT")
        ).one()
        values = class_defaults(session, default.id)
        values |= {
            "terms_id": session.scalars(
                select(PaymentTerms.id).where(PaymentTerms.terms_id == "30D")
            ).one(),
            "statement_cycle_id": session.scalars(
                select(StatementCycle.id).where(StatementCycle.statement_cycle_id == "MID")
            ).one(),
            "credit_verification": CreditVerification.CREDIT_LIMIT,
            "credit_limit": Decimal("50000"),
        }
        session.add(CustomerClass(class_id="EXPORT", description="Export customers", **values))


# -- 6. Make customer-specific changes / class change ---------------------------------------


def test_class_change_asks_before_overwriting_what_the_user_changed(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    set_up(store)
    add_export_class(store)
    screen = open_screen("AR303000")
    number = create_customer(qtbot, screen, "Eksport AS")
    type_into(qtbot, screen, "terms", "10D")  # a customer-specific change
    trigger(screen, "save")
    assert screen.message.text() == "Saved."

    answers.confirm = False  # No: keep my Terms
    type_into(qtbot, screen, "customer_class", "EXPORT")
    assert len(answers.asked) == 1 and "Terms" in answers.asked[0]
    assert "Statement cycle ID" not in answers.asked[0]  # not changed by the user
    assert shown(screen, "terms") == "10D"
    assert shown(screen, "statement_cycle_id") == "MID"  # follows the new class
    assert shown(screen, "credit_verification") == CreditVerification.CREDIT_LIMIT.label
    assert shown(screen, "credit_limit") == "50000.00"
    trigger(screen, "save")
    assert screen.message.text() == "Saved."
    with store.session() as session:
        customer = customer_named(session, number)
        assert customer.customer_class is not None
        assert customer.customer_class.class_id == "EXPORT"
        terms = session.get(PaymentTerms, customer.terms_id)
        assert terms is not None and terms.terms_id == "10D"
        assert customer.credit_limit == Decimal("50000")


def test_yes_replaces_the_users_value(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    set_up(store)
    add_export_class(store)
    screen = open_screen("AR303000")
    create_customer(qtbot, screen, "Eksport AS")
    type_into(qtbot, screen, "statement_cycle_id", "MID")
    type_into(qtbot, screen, "terms", "10D")
    trigger(screen, "save")
    answers.confirm = True
    type_into(qtbot, screen, "customer_class", "EXPORT")
    assert len(answers.asked) == 1 and "Terms" in answers.asked[0]
    assert shown(screen, "terms") == "30D"


def test_a_second_class_change_compares_with_the_class_shown(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    """DEFAULT → EXPORT → DEFAULT unsaved: EXPORT's values are the class's, not the user's, so
    going back asks nothing and shows DEFAULT's values again."""
    set_up(store)
    add_export_class(store)
    screen = open_screen("AR303000")
    create_customer(qtbot, screen, "Frem og Tilbake AS")
    type_into(qtbot, screen, "customer_class", "EXPORT")
    assert shown(screen, "terms") == "30D"
    type_into(qtbot, screen, "customer_class", "DEFAULT")
    assert answers.asked == []
    assert shown(screen, "terms") == "14D"
    assert shown(screen, "statement_cycle_id") == "EOM"


def test_a_new_customer_changing_class_is_not_asked(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    set_up(store)
    add_export_class(store)
    screen = open_screen("AR303000")
    type_into(qtbot, screen, "customer_name", "Ny Kunde AS")
    type_into(qtbot, screen, "terms", "10D")
    type_into(qtbot, screen, "customer_class", "EXPORT")
    assert answers.asked == []
    assert shown(screen, "terms") == "30D"
    assert shown(screen, "statement_cycle_id") == "MID"


def test_a_class_changed_later_does_not_change_its_customers(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up(store)
    screen = open_screen("AR303000")
    number = create_customer(qtbot, screen, "Stabil AS")
    with store.transaction() as session:
        default = session.scalars(
            select(CustomerClass).where(CustomerClass.class_id == "DEFAULT")
        ).one()
        default.terms_id = session.scalars(
            select(PaymentTerms.id).where(PaymentTerms.terms_id == "30D")
        ).one()
        default.enable_write_offs = True
        default.write_off_limit = Decimal("10")
    reopened = open_screen("AR303000")
    type_into(qtbot, reopened, "customer_no", number)
    assert shown(reopened, "terms") == "14D"
    assert shown(reopened, "enable_write_offs") is False


# -- 7. Enable write-offs; credit verification ----------------------------------------------


def test_enable_write_offs_needs_a_limit(qtbot: QtBot, open_screen: Opener, store: Store) -> None:
    set_up(store)
    screen = open_screen("AR303000")
    type_into(qtbot, screen, "customer_name", "Småbeløp AS")
    assert not enabled(screen, "write_off_limit")
    click_check(qtbot, screen, "enable_write_offs")
    assert enabled(screen, "write_off_limit")
    trigger(screen, "save")
    assert "Write-off limit: enter a limit when Enable write-offs is selected" in (
        screen.message.text()
    )
    assert "write-offs cannot be performed" in screen.message.text()  # the seed's note
    assert screen.record.is_new
    type_into(qtbot, screen, "write_off_limit", "50")
    trigger(screen, "save")
    assert screen.message.text() == "Saved."
    with store.session() as session:
        customer = customer_named(session, "10001")
        assert (customer.enable_write_offs, customer.write_off_limit) == (True, Decimal("50"))
    # Clearing Enable write-offs greys the limit out again.
    click_check(qtbot, screen, "enable_write_offs")
    assert not enabled(screen, "write_off_limit")


def test_credit_verification_enables_limit_and_days_per_rule(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up(store)
    screen = open_screen("AR303000")
    expected = {
        CreditVerification.DISABLED: (False, False),
        CreditVerification.CREDIT_LIMIT: (True, False),
        CreditVerification.DAYS_PAST_DUE: (False, True),
        CreditVerification.LIMIT_AND_DAYS_PAST_DUE: (True, True),
    }
    for rule, (limit, days) in expected.items():
        choose_option(qtbot, screen, "credit_verification", rule.label)
        assert enabled(screen, "credit_limit") is limit, rule
        assert enabled(screen, "credit_days_past_due") is days, rule
        # First due date only for the days-past-due rules.
        assert visible(screen, "first_due_date") is days, rule
    type_into(qtbot, screen, "customer_name", "Kreditt AS")
    type_into(qtbot, screen, "credit_limit", "20000")
    type_into(qtbot, screen, "credit_days_past_due", "15")
    trigger(screen, "save")
    assert screen.message.text() == "Saved."
    with store.session() as session:
        customer = customer_named(session, "10001")
        assert (
            customer.credit_verification,
            customer.credit_limit,
            customer.credit_days_past_due,
        ) == (CreditVerification.LIMIT_AND_DAYS_PAST_DUE, Decimal("20000"), 15)
    assert shown(screen, "remaining_credit_limit") == "20000.00"


# -- 8. Print and email; AutoInvoice --------------------------------------------------------


def test_print_and_email_invoices_both_selected_warns(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up(store)
    screen = open_screen("AR303000")
    # Set up e-mail invoices for one customer: the main contact's email, then the box.
    type_into(qtbot, screen, "customer_name", "Epost AS")
    type_into(qtbot, screen, "main_contact_email", "faktura@epost.no")
    if shown(screen, "print_invoices"):
        click_check(qtbot, screen, "print_invoices")
    click_check(qtbot, screen, "send_invoices_by_email")
    assert not screen.message.isVisibleTo(screen)
    click_check(qtbot, screen, "print_invoices")
    assert screen.message.isVisibleTo(screen)
    assert "Print invoices and Send invoices by email are both selected" in screen.message.text()
    click_check(qtbot, screen, "print_invoices")
    trigger(screen, "save")
    assert screen.message.text() == "Saved."
    with store.session() as session:
        customer = customer_named(session, "10001")
        assert (customer.send_invoices_by_email, customer.print_invoices) == (True, False)


def test_autoinvoice_boxes_follow_what_they_depend_on(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up(store)
    screen = open_screen("AR303000")
    # Prepare to use AutoInvoice for a new customer: corporate and VAT registration ID first.
    type_into(qtbot, screen, "customer_name", "Elektronisk AS")
    type_into(qtbot, screen, "corporate_id", "974760673")
    type_into(qtbot, screen, "vat_registration_id", "NO974760673MVA")
    for key in (
        autoinvoice.PRINT,
        autoinvoice.EXCLUDE_INVOICE_PDF,
        autoinvoice.USE_FIRST_ATTACHMENT,
    ):
        assert not enabled(screen, key), key
    click_check(qtbot, screen, autoinvoice.SEND)
    assert enabled(screen, autoinvoice.PRINT)
    assert enabled(screen, autoinvoice.EXCLUDE_INVOICE_PDF)
    assert not enabled(screen, autoinvoice.USE_FIRST_ATTACHMENT)
    click_check(qtbot, screen, autoinvoice.PRINT)
    click_check(qtbot, screen, autoinvoice.EXCLUDE_INVOICE_PDF)
    assert enabled(screen, autoinvoice.USE_FIRST_ATTACHMENT)
    click_check(qtbot, screen, autoinvoice.USE_FIRST_ATTACHMENT)
    click_check(qtbot, screen, autoinvoice.SEND_AS_BANKING_EINVOICE)
    trigger(screen, "save")
    assert screen.message.text() == "Saved."
    with store.session() as session:
        customer = customer_named(session, "10001")
        assert customer.send_invoices_to_autoinvoice and customer.autoinvoice_print
        assert customer.exclude_invoice_pdf and customer.use_first_autoinvoice_attachment

    # Clearing Send: Print goes (it needs Send); the PDF boxes stay (banking e-invoice holds).
    click_check(qtbot, screen, autoinvoice.SEND)
    assert shown(screen, autoinvoice.PRINT) is False and not enabled(screen, autoinvoice.PRINT)
    assert shown(screen, autoinvoice.EXCLUDE_INVOICE_PDF) is True
    # Clearing the banking e-invoice too: every dependent box is cleared.
    click_check(qtbot, screen, autoinvoice.SEND_AS_BANKING_EINVOICE)
    assert shown(screen, autoinvoice.EXCLUDE_INVOICE_PDF) is False
    assert shown(screen, autoinvoice.USE_FIRST_ATTACHMENT) is False
    trigger(screen, "save")
    with store.session() as session:
        customer = customer_named(session, "10001")
        assert not (
            customer.autoinvoice_print
            or customer.exclude_invoice_pdf
            or customer.use_first_autoinvoice_attachment
        )


# -- 9. Default payment method ----------------------------------------------------------------


def edit_cell(qtbot: QtBot, screen: RecordScreen, row: int, text: str) -> None:
    """Type a detail's value."""
    edit_any_cell(qtbot, screen, PAYMENT_METHOD_DETAILS, row, "value", text)


def details_grid(screen: object) -> GridEditor:
    grid = screen.editor(PAYMENT_METHOD_DETAILS)  # type: ignore[attr-defined]
    assert isinstance(grid, GridEditor)
    return grid


def grid_texts(grid: GridEditor) -> list[list[str]]:
    model = grid.model
    return [
        [str(model.index(row, col).data() or "") for col in range(model.columnCount())]
        for row in range(model.rowCount())
    ]


def test_a_payment_method_with_details(qtbot: QtBot, open_screen: Opener, store: Store) -> None:
    set_up(store)
    screen = open_screen("AR303000")
    type_into(qtbot, screen, "customer_name", "Kortbetaler AS")
    assert shown(screen, "default_payment_method") == "BANK"
    assert grid_texts(details_grid(screen)) == []
    type_into(qtbot, screen, "default_payment_method", "CARD")
    assert shown(screen, "cash_account") == "BANK"  # the method's cash account
    assert grid_texts(details_grid(screen)) == [["Card number", ""], ["Card holder", ""]]
    trigger(screen, "save")
    assert "Payment method details, Card number: a value is required." in screen.message.text()
    assert screen.record.is_new
    edit_cell(qtbot, screen, 0, "4111 1111 1111 1111")
    edit_cell(qtbot, screen, 1, "Ola Nordmann")
    type_into(qtbot, screen, "description", "Company card")
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()

    reopened = open_screen("AR303000")
    type_into(qtbot, reopened, "customer_no", "10001")
    assert shown(reopened, "default_payment_method") == "CARD"
    assert shown(reopened, "description") == "Company card"
    assert grid_texts(details_grid(reopened)) == [
        ["Card number", "4111 1111 1111 1111"],
        ["Card holder", "Ola Nordmann"],
    ]
    with store.session() as session:
        customer = customer_named(session, "10001")
        [method] = customer.payment_methods
        assert method.is_default and method.description == "Company card"
        assert sorted(detail.value or "" for detail in method.details) == [
            "4111 1111 1111 1111",
            "Ola Nordmann",
        ]

    # Back to a method without details: the grid empties; then no method at all.
    type_into(qtbot, reopened, "default_payment_method", "BANK")
    assert grid_texts(details_grid(reopened)) == []
    trigger(reopened, "save")
    assert reopened.message.text() == "Saved.", reopened.message.text()
    with store.session() as session:
        [method] = customer_named(session, "10001").payment_methods
        assert method.details == []
    type_into(qtbot, reopened, "default_payment_method", "")
    assert not enabled(reopened, "cash_account")
    trigger(reopened, "save")
    assert reopened.message.text() == "Saved.", reopened.message.text()
    with store.session() as session:
        assert customer_named(session, "10001").payment_methods == []
    assert shown(reopened, "cash_account") == ""


# -- 10. Parent info and balances -----------------------------------------------------------


def test_parent_info_rules(qtbot: QtBot, open_screen: Opener, store: Store) -> None:
    set_up(store)
    screen = open_screen("AR303000")
    parent = create_customer(qtbot, screen, "Konsern AS")
    child = create_customer(qtbot, screen, "Datter AS")

    # Shared credit policy needs Consolidate balance.
    assert not enabled(screen, "shared_credit_policy")
    click_check(qtbot, screen, "consolidate_balance")
    assert enabled(screen, "shared_credit_policy")
    click_check(qtbot, screen, "shared_credit_policy")
    click_check(qtbot, screen, "consolidate_balance")
    assert shown(screen, "shared_credit_policy") is False
    assert not enabled(screen, "shared_credit_policy")
    click_check(qtbot, screen, "consolidate_balance")

    # A customer cannot be its own parent.
    type_into(qtbot, screen, "parent_account", child)
    trigger(screen, "save")
    assert "Parent account: a customer cannot be its own parent account." in (screen.message.text())
    type_into(qtbot, screen, "parent_account", parent)
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()
    assert not visible(screen, "consolidated_balance")  # a child shows no consolidated balance

    # The parent: consolidated balance shown, and it cannot get a parent itself.
    with store.transaction() as session:
        add_document(session, customer_named(session, parent), DocumentType.INVOICE, "1000")
        add_document(
            session,
            customer_named(session, child),
            DocumentType.INVOICE,
            "250",
            due_date=date(2026, 2, 1),
        )
        add_document(session, customer_named(session, child), DocumentType.PREPAYMENT, "40")
        add_document(
            session, customer_named(session, child), DocumentType.INVOICE, "99", released=False
        )
    trigger(screen, "first")
    assert shown(screen, "customer_no") == parent
    assert visible(screen, "consolidated_balance")
    assert shown(screen, "balance") == "1000.00"
    assert shown(screen, "consolidated_balance") == "1210.00"  # with the child's 250 - 40
    # A parent cannot get a parent: the field is greyed out, and the ledger refuses it too.
    assert not enabled(screen, "parent_account")
    third = create_customer(qtbot, screen, "Tredje AS")
    trigger(screen, "first")
    values = screen.record.values()
    with store.session() as session:
        values["parent_account"] = customer_named(session, third).id
    try:
        screen.service.save(screen.record.record_id, values, screen.record.version)
    except RecordError as error:
        assert "this customer has child accounts, so it cannot have a parent account." in str(error)
    else:
        raise AssertionError("a parent with child accounts got a parent")

    trigger(screen, "next")
    assert shown(screen, "customer_no") == child
    assert not visible(screen, "consolidated_balance")
    assert shown(screen, "balance") == "210.00"
    assert shown(screen, "prepayment_balance") == "40.00"
    assert shown(screen, "unreleased_balance") == "99.00"
