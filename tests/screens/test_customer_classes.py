"""Customer classes (AR201000): create, save, reopen, change, delete — through the widgets."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.ledger import autoinvoice
from app.ledger.customer_classes import without_ids
from app.ledger.setup import set_up_company
from app.models import (
    Attribute,
    Carrier,
    Customer,
    CustomerClass,
    DefaultRecipient,
    DefaultSource,
    EmailAccount,
    Employee,
    OverdueCharge,
    PriceClass,
    RateType,
    RestrictionGroup,
    Salesperson,
    ShippingTerms,
    StatementCycle,
    Subaccount,
)
from app.models.database import Store
from app.models.options import ContactType, CreditVerification, MailingFormat, StatementType
from app.models.reference.system import ControlType
from app.windows.framework.grid import GridEditor
from app.windows.framework.record_screen import RecordScreen
from app.windows.screens.customer_classes import SCREEN
from tests.screens.catalogue_walk import missing_elements
from tests.screens.conftest import Answers
from tests.screens.helpers import (
    activate,
    change_field,
    choose_option,
    click_check,
    edit_cell,
    shown,
    trigger,
    type_into,
)

Opener = Callable[[str], RecordScreen]


def create_class(qtbot: QtBot, screen: RecordScreen, class_id: str, description: str) -> None:
    trigger(screen, "add_new")
    type_into(qtbot, screen, "class_id", class_id)
    type_into(qtbot, screen, "description", description)
    trigger(screen, "save")


def test_create_save_and_reopen_a_class(qtbot: QtBot, open_screen: Opener, store: Store) -> None:
    screen = open_screen("AR201000")
    create_class(qtbot, screen, "DOMESTIC", "Domestic customers")

    assert screen.message.text() == "Saved."
    with store.session() as session:
        saved = session.scalars(select(CustomerClass)).one()
    assert (saved.class_id, saved.description) == ("DOMESTIC", "Domestic customers")

    reopened = open_screen("AR201000")
    type_into(qtbot, reopened, "class_id", "DOMESTIC")  # typing an existing ID opens it
    assert shown(reopened, "description") == "Domestic customers"
    assert not reopened.record.is_new


def test_change_and_save_keeps_one_record(qtbot: QtBot, open_screen: Opener, store: Store) -> None:
    screen = open_screen("AR201000")
    create_class(qtbot, screen, "EXPORT", "Export")
    type_into(qtbot, screen, "description", "Export outside the EU")
    assert screen.is_dirty
    trigger(screen, "save")

    with store.session() as session:
        classes = session.scalars(select(CustomerClass)).all()
    assert [(c.class_id, c.description, c.version) for c in classes] == [
        ("EXPORT", "Export outside the EU", 2)
    ]
    assert not screen.is_dirty


def test_required_fields_and_bad_codes_are_refused_by_name(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = open_screen("AR201000")
    trigger(screen, "save")
    assert "Class ID: a value is required." in screen.message.text()
    assert "Description: a value is required." in screen.message.text()

    type_into(qtbot, screen, "class_id", "EU-B2B")
    type_into(qtbot, screen, "description", "EU business")
    trigger(screen, "save")
    assert "Class ID: use letters and digits only" in screen.message.text()
    with store.session() as session:
        assert session.scalars(select(CustomerClass)).all() == []
    # Nothing typed is lost by a refused save.
    assert shown(screen, "class_id") == "EU-B2B"


def test_class_id_longer_than_ten_characters_cannot_be_typed(
    qtbot: QtBot, open_screen: Opener
) -> None:
    screen = open_screen("AR201000")
    type_into(qtbot, screen, "class_id", "ABCDEFGHIJKLMN")
    assert shown(screen, "class_id") == "ABCDEFGHIJ"


def test_delete_asks_and_refuses_a_class_in_use(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    screen = open_screen("AR201000")
    create_class(qtbot, screen, "RETAIL", "Retail")
    with store.transaction() as session:
        retail = session.scalars(select(CustomerClass)).one()
        session.add(Customer(customer_no="C1", name="Used", customer_class_id=retail.id))

    trigger(screen, "delete")
    assert answers.asked[-1] == "Delete: Delete Customer class RETAIL?"
    assert (
        screen.message.text()
        == "Customer class RETAIL cannot be deleted: it is used by 1 customer."
    )

    with store.transaction() as session:
        session.query(Customer).delete()
    answers.confirm = False
    trigger(screen, "delete")
    with store.session() as session:
        assert session.scalars(select(CustomerClass.class_id)).all() == ["RETAIL"]

    answers.confirm = True
    trigger(screen, "delete")
    with store.session() as session:
        assert session.scalars(select(CustomerClass)).all() == []
    assert screen.record.is_new


# -- the whole window: every element, its rules and defaults --------------------------------------


def set_up(store: Store) -> None:
    """First-run setup (the DEFAULT class, AR101000's mailings) plus the reference data the
    class's other lookups select from."""
    set_up_company(store, base_currency="NOK", country="NO", language="nb-NO")
    with store.transaction() as session:
        session.add_all(
            [
                RestrictionGroup(group_id="NORTH", description="Northern sales"),
                RestrictionGroup(group_id="SOUTH", description="Southern sales"),
                Salesperson(salesperson_id="SP01", name="Ola Selger"),
                PriceClass(price_class_id="RETAIL", description="Retail prices"),
                Carrier(carrier_id="POSTEN", description="Posten Norge"),
                ShippingTerms(shipping_terms_id="FOB", description="Free on board"),
                OverdueCharge(overdue_charge_id="OD1", description="Overdue 1 %"),
                Attribute(attribute_id="SEGMENT", description="Market segment"),
                Attribute(
                    attribute_id="SIZE",
                    description="Company size",
                    control_type=ControlType.COMBO,
                    internal=True,
                ),
                Employee(employee_id="EMP01", name="Kari Nordmann"),
                EmailAccount(
                    email_account_id="BILLING",
                    description="Billing",
                    email_address="billing@example.com",
                ),
                Subaccount(subaccount_id="100", description="Sales department"),
                RateType(rate_type_id="BANK", description="Bank rate"),
                StatementCycle(statement_cycle_id="MID", description="Mid-month"),
            ]
        )
        # AR101000's INVOICE mailing sends from BILLING, with a Bcc copy to an employee.
        invoice = session.scalars(
            select(DefaultSource).where(DefaultSource.mailing_id == "INVOICE")
        ).one()
        invoice.email_account_id = session.scalars(select(EmailAccount.id)).one()
        invoice.format = MailingFormat.HTML
        invoice.recipients.append(
            DefaultRecipient(
                contact_type=ContactType.EMPLOYEE,
                employee_id=session.scalars(select(Employee.id)).one(),
                bcc=True,
            )
        )


def grid(screen: RecordScreen, key: str) -> GridEditor:
    editor = screen.editor(key)
    assert isinstance(editor, GridEditor)
    return editor


def choose_cell_option(
    screen: RecordScreen, grid_key: str, row: int, column: str, label: str
) -> None:
    """Open a grid cell's option list and pick ``label``, as a user does."""
    activate(screen)
    editor = grid(screen, grid_key)
    screen._reveal(editor)
    columns = [spec.key for spec in editor.model.columns]
    index = editor.model.index(row, columns.index(column))
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    editor.view.setCurrentIndex(index)
    editor.view.edit(index)
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox), f"no option list opened on {column}"
    combo.setCurrentIndex(combo.findText(label))
    combo.activated.emit(combo.currentIndex())
    editor.commit_pending()


def click_cell_check(screen: RecordScreen, grid_key: str, row: int, column: str) -> None:
    editor = grid(screen, grid_key)
    columns = [spec.key for spec in editor.model.columns]
    index = editor.model.index(row, columns.index(column))
    checked = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    state = Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked
    editor.model.setData(index, state.value, Qt.ItemDataRole.CheckStateRole)


def enabled(screen: RecordScreen, key: str) -> bool:
    return screen.editor(key).isEnabled()


def test_every_catalogued_element_is_on_the_screen() -> None:
    assert missing_elements(SCREEN) == []


def test_every_field_is_set_through_its_widget_saved_and_reopened(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up(store)
    screen = open_screen("AR201000")
    trigger(screen, "add_new")
    type_into(qtbot, screen, "class_id", "WHOLESALE")
    type_into(qtbot, screen, "description", "Wholesale customers")
    expected: dict[str, object] = {}
    for spec in SCREEN.fields()[len(SCREEN.top) :]:
        # The rule using every credit field, so that they can be typed into next.
        rule = CreditVerification.LIMIT_AND_DAYS_PAST_DUE.label
        option = rule if spec.key == "credit_verification" else None
        expected[spec.key] = change_field(qtbot, screen, store, spec, option=option)
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()

    with store.session() as session:
        saved = session.scalars(
            select(CustomerClass).where(CustomerClass.class_id == "WHOLESALE")
        ).one()
        assert {spec.key: getattr(saved, spec.attribute) for spec in SCREEN.fields()} == {
            "class_id": "WHOLESALE",
            "description": "Wholesale customers",
        } | expected
    reopened = open_screen("AR201000")
    type_into(qtbot, reopened, "class_id", "WHOLESALE")
    assert not reopened.record.is_new
    assert {key: reopened.record.value(key) for key in expected} == expected
    assert shown(reopened, "credit_limit") == "1234.50"


def class_values(screen: RecordScreen) -> dict[str, object]:
    """What a class screen shows, without its own ID and description and the rows' ids."""
    values = screen.record.values()
    for key in ("class_id", "description"):
        values.pop(key)
    return {key: without_ids(value) for key, value in values.items()}


def test_a_new_class_starts_as_the_default_class_with_the_preferences_mailings(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    """Every value of the default class but its ID; its mailings are AR101000's list, "as it
    is to be copied to a new customer class" (seed 000) — set_up changed AR101000's INVOICE
    mailing after the DEFAULT class was made, so the two differ."""
    set_up(store)
    screen = open_screen("AR201000")
    type_into(qtbot, screen, "class_id", "DEFAULT")
    default = class_values(screen)
    assert default["mailings"] and default["customer_ledger_account"]  # rows and accounts

    trigger(screen, "add_new")
    assert shown(screen, "class_id") == "" and shown(screen, "description") == ""
    new = class_values(screen)
    assert {k: v for k, v in new.items() if k != "mailings"} == {
        k: v for k, v in default.items() if k != "mailings"
    }
    assert new["mailings"] != default["mailings"]
    assert shown(screen, "customer_ledger_account") == "1500"
    type_into(qtbot, screen, "class_id", "EXPORT")
    type_into(qtbot, screen, "description", "Export customers")
    type_into(qtbot, screen, "currency_id", "EUR")  # any value can be overridden
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()

    with store.session() as session:
        classes = {c.class_id: c for c in session.scalars(select(CustomerClass))}
        columns = [
            column.key
            for column in CustomerClass.__table__.columns
            if column.key
            not in {"id", "class_id", "description", "currency_id", "created_at", "modified_at"}
        ]
        assert {k: getattr(classes["EXPORT"], k) for k in columns} == {
            k: getattr(classes["DEFAULT"], k) for k in columns
        }
        sources = session.scalars(select(DefaultSource).order_by(DefaultSource.id)).all()
        assert [
            (
                (m.mailing_id, m.email_account_id, m.report_id, m.notification_template_id),
                (m.format, m.active, m.branch_id),
                [(r.contact_type, r.employee_id, r.bcc) for r in m.recipients],
            )
            for m in classes["EXPORT"].mailings
        ] == [
            (
                (s.mailing_id, s.email_account_id, s.report_id, s.notification_template_id),
                (s.format, s.active, None),
                [(r.contact_type, r.employee_id, r.bcc) for r in s.recipients],
            )
            for s in sources
        ]
        # The INVOICE mailing as AR101000 has it now: BILLING, HTML and the employee's Bcc.
        invoice = next(m for m in classes["EXPORT"].mailings if m.mailing_id == "INVOICE")
        assert invoice.format == MailingFormat.HTML and len(invoice.recipients) == 2

    # Choosing EXPORT as the default class in AR101000 changes what a new class starts from.
    preferences = open_screen("AR101000")
    type_into(qtbot, preferences, "default_customer_class_id", "EXPORT")
    trigger(preferences, "save")
    assert preferences.message.text() == "Saved.", preferences.message.text()
    again = open_screen("AR201000")
    trigger(again, "add_new")
    assert shown(again, "currency_id") == "EUR"


def test_copy_and_paste_makes_a_class_from_another_with_its_rows(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up(store)
    screen = open_screen("AR201000")
    type_into(qtbot, screen, "class_id", "DEFAULT")
    qtbot.mouseClick(grid(screen, "attributes").add_button, Qt.MouseButton.LeftButton)
    edit_cell(qtbot, screen, "attributes", 0, "attribute_id", "SEGMENT")
    trigger(screen, "save")
    copied = class_values(screen)
    trigger(screen, "copy")

    trigger(screen, "add_new")
    type_into(qtbot, screen, "class_id", "COPY")
    trigger(screen, "paste")
    assert shown(screen, "class_id") == "COPY"
    type_into(qtbot, screen, "description", "Copied")
    assert class_values(screen) == copied
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()
    with store.session() as session:
        copy = session.scalars(select(CustomerClass).where(CustomerClass.class_id == "COPY")).one()
        assert [a.attribute.attribute_id for a in copy.attributes] == ["SEGMENT"]
        assert len(copy.mailings) == len(copied["mailings"])  # type: ignore[arg-type]
        # The source class keeps its own rows.
        source = session.scalars(
            select(CustomerClass).where(CustomerClass.class_id == "DEFAULT")
        ).one()
        assert len(source.attributes) == 1


def test_credit_fields_follow_the_credit_verification_rule(
    qtbot: QtBot, open_screen: Opener
) -> None:
    screen = open_screen("AR201000")
    used = {
        CreditVerification.DAYS_PAST_DUE: (False, False, True),
        CreditVerification.CREDIT_LIMIT: (True, True, False),
        CreditVerification.LIMIT_AND_DAYS_PAST_DUE: (True, True, True),
        CreditVerification.DISABLED: (False, False, False),
    }
    for rule, expected in used.items():
        choose_option(qtbot, screen, "credit_verification", rule.label)
        fields = ("credit_limit", "amount_over_limit", "credit_days_past_due")
        assert tuple(enabled(screen, key) for key in fields) == expected, rule


def test_write_off_limit_only_when_write_offs_are_enabled(
    qtbot: QtBot, open_screen: Opener
) -> None:
    screen = open_screen("AR201000")
    assert not enabled(screen, "write_off_limit")
    click_check(qtbot, screen, "enable_write_offs")
    assert enabled(screen, "write_off_limit")
    type_into(qtbot, screen, "write_off_limit", "50")
    click_check(qtbot, screen, "enable_write_offs")
    assert not enabled(screen, "write_off_limit")


def test_fields_the_seed_makes_no_dependency_for_stay_available(open_screen: Opener) -> None:
    """Overdue charge ID and the currency/rate overrides depend on no other element in the seed
    (only on CS100000 functionalities, which are always on here)."""
    screen = open_screen("AR201000")
    for key in ("overdue_charge_id", "enable_currency_override", "enable_rate_override"):
        assert enabled(screen, key)
    assert not screen.record.value("apply_overdue_charges")


def test_autoinvoice_check_boxes_follow_the_seed(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = open_screen("AR201000")
    send, banking, exclude_pdf = (
        "send_invoices_to_autoinvoice",
        autoinvoice.SEND_AS_BANKING_EINVOICE,
        "exclude_invoice_pdf",
    )
    print_box, first_attachment = "print", autoinvoice.USE_FIRST_ATTACHMENT
    boxes = (print_box, exclude_pdf, first_attachment)

    def available() -> tuple[bool, ...]:
        return tuple(enabled(screen, key) for key in boxes)

    assert available() == (False, False, False)
    # Banking e-invoice alone: Exclude invoice PDF, not Print (which needs Send to AutoInvoice).
    click_check(qtbot, screen, banking)
    assert available() == (False, True, False)
    click_check(qtbot, screen, exclude_pdf)
    assert available() == (False, True, True)
    click_check(qtbot, screen, first_attachment)
    # Send to AutoInvoice: Print too.
    click_check(qtbot, screen, send)
    assert available() == (True, True, True)
    click_check(qtbot, screen, print_box)
    # Clearing Send to AutoInvoice clears Print; the banking box still allows the rest.
    click_check(qtbot, screen, send)
    assert available() == (False, True, True)
    assert [shown(screen, key) for key in boxes] == [False, True, True]
    # Clearing Exclude invoice PDF clears the first attachment box it allows.
    click_check(qtbot, screen, exclude_pdf)
    assert available() == (False, True, False)
    assert [shown(screen, key) for key in boxes] == [False, False, False]

    click_check(qtbot, screen, exclude_pdf)
    click_check(qtbot, screen, first_attachment)
    click_check(qtbot, screen, banking)  # neither route now: nothing below may stay selected
    assert available() == (False, False, False)
    assert [shown(screen, key) for key in boxes] == [False, False, False]
    type_into(qtbot, screen, "class_id", "AUTO")
    type_into(qtbot, screen, "description", "AutoInvoice")
    trigger(screen, "save")
    with store.session() as session:
        saved = session.scalars(select(CustomerClass)).one()
        assert (saved.autoinvoice_print, saved.exclude_invoice_pdf) == (False, False)


def test_choosing_a_mailing_inserts_its_defaults_from_preferences(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up(store)
    screen = open_screen("AR201000")
    trigger(screen, "add_new")
    mailings, recipients = grid(screen, "mailings"), grid(screen, "recipients")
    while mailings.model.rowCount():  # start without the default class's mailings
        mailings.view.setCurrentIndex(mailings.model.index(0, 0))
        qtbot.mouseClick(mailings.delete_button, Qt.MouseButton.LeftButton)

    qtbot.mouseClick(mailings.add_button, Qt.MouseButton.LeftButton)
    edit_cell(qtbot, screen, "mailings", 0, "mailing_id", "INVOICE")
    row = mailings.model.row(0)
    assert row is not None
    with store.session() as session:
        source = session.scalars(
            select(DefaultSource).where(DefaultSource.mailing_id == "INVOICE")
        ).one()
        assert (
            row["email_account"],
            row["report"],
            row["notification_template"],
            row["format"],
            row["active"],
        ) == (
            source.email_account_id,
            source.report_id,
            source.notification_template_id,
            MailingFormat.HTML,
            True,
        )
    texts = [mailings.model.index(0, c).data() for c in range(2, 6)]
    assert texts == ["BILLING", "AR641000", "InvoiceNotification", "HTML"]
    # The mailing's default recipients come along: Invoicing, and the employee's Bcc copy.
    assert recipients.model.rowCount() == 2
    assert recipients.model.index(1, 1).data() == "EMP01"

    type_into(qtbot, screen, "class_id", "MAILED")
    type_into(qtbot, screen, "description", "Mailed invoices")
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()
    with store.session() as session:
        saved = session.scalars(
            select(CustomerClass).where(CustomerClass.class_id == "MAILED")
        ).one()
        assert [(m.mailing_id, m.format) for m in saved.mailings] == [
            ("INVOICE", MailingFormat.HTML)
        ]
        assert [(r.contact_type, r.bcc) for r in saved.mailings[0].recipients] == [
            (ContactType.INVOICING, False),
            (ContactType.EMPLOYEE, True),
        ]


def test_the_same_mailing_twice_for_one_branch_is_refused(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up(store)
    screen = open_screen("AR201000")
    trigger(screen, "add_new")
    type_into(qtbot, screen, "class_id", "TWICE")
    type_into(qtbot, screen, "description", "Two invoice mailings")
    mailings = grid(screen, "mailings")
    qtbot.mouseClick(mailings.add_button, Qt.MouseButton.LeftButton)
    last = mailings.model.rowCount() - 1
    edit_cell(qtbot, screen, "mailings", last, "mailing_id", "INVOICE")
    trigger(screen, "save")
    assert (
        f"Mailings, row {last + 1}, Mailing ID: 'INVOICE' is already in row 1 for the same branch."
        in (screen.message.text())
    )
    edit_cell(qtbot, screen, "mailings", last, "branch", "MAIN")  # per branch it may differ
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()


def test_contact_id_only_for_an_employee_recipient(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up(store)
    screen = open_screen("AR201000")
    trigger(screen, "add_new")
    type_into(qtbot, screen, "class_id", "STAFF")
    type_into(qtbot, screen, "description", "Staff copies")
    mailings, recipients = grid(screen, "mailings"), grid(screen, "recipients")
    # INVOICE, as AR101000 has it: an Invoicing recipient and an employee's Bcc copy.
    mailings.view.setCurrentIndex(mailings.model.index(0, 0))
    assert recipients.model.rowCount() == 2
    contact_id = recipients.model.index(0, 1)
    assert not contact_id.flags() & Qt.ItemFlag.ItemIsEditable  # Invoicing: no contact ID

    qtbot.mouseClick(recipients.add_button, Qt.MouseButton.LeftButton)
    choose_cell_option(screen, "recipients", 2, "contact_type", "Employee")
    assert recipients.model.index(2, 1).flags() & Qt.ItemFlag.ItemIsEditable
    trigger(screen, "save")
    assert (
        "Mailings, row 1, Recipients, row 3, Contact ID: select the employee who receives the "
        "mailing." in screen.message.text()
    )
    edit_cell(qtbot, screen, "recipients", 2, "contact_id", "EMP01")
    click_cell_check(screen, "recipients", 2, "bcc")
    # Back to Primary, the employee no longer applies.
    choose_cell_option(screen, "recipients", 2, "contact_type", "Primary")
    assert recipients.model.index(2, 1).data() == ""
    choose_cell_option(screen, "recipients", 2, "contact_type", "Employee")
    edit_cell(qtbot, screen, "recipients", 2, "contact_id", "EMP01")
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()
    with store.session() as session:
        saved = session.scalars(
            select(CustomerClass).where(CustomerClass.class_id == "STAFF")
        ).one()
        invoice = next(m for m in saved.mailings if m.mailing_id == "INVOICE")
        assert [(r.contact_type, r.employee_id is not None, r.bcc) for r in invoice.recipients] == [
            (ContactType.INVOICING, False, False),
            (ContactType.EMPLOYEE, True, True),
            (ContactType.EMPLOYEE, True, True),
        ]


def test_attributes_show_the_attribute_and_save_the_class_settings(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up(store)
    screen = open_screen("AR201000")
    type_into(qtbot, screen, "class_id", "DEFAULT")
    attributes = grid(screen, "attributes")
    qtbot.mouseClick(attributes.add_button, Qt.MouseButton.LeftButton)
    edit_cell(qtbot, screen, "attributes", 0, "attribute_id", "SIZE")
    texts = [attributes.model.index(0, c).data() for c in (1, 5)]
    assert texts == ["Company size", "Combo"]  # read-only, from the attribute
    assert not attributes.model.index(0, 1).flags() & Qt.ItemFlag.ItemIsEditable
    assert (
        attributes.model.index(0, 4).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    )
    edit_cell(qtbot, screen, "attributes", 0, "sort_order", "2")
    click_cell_check(screen, "attributes", 0, "required")
    edit_cell(qtbot, screen, "attributes", 0, "default_value", "SMALL")
    qtbot.mouseClick(attributes.add_button, Qt.MouseButton.LeftButton)
    edit_cell(qtbot, screen, "attributes", 1, "attribute_id", "SIZE")
    trigger(screen, "save")
    assert "Attributes, row 2, Attribute ID: the attribute is already in row 1." in (
        screen.message.text()
    )
    edit_cell(qtbot, screen, "attributes", 1, "attribute_id", "SEGMENT")
    edit_cell(qtbot, screen, "attributes", 1, "sort_order", "1")
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()

    reopened = open_screen("AR201000")
    type_into(qtbot, reopened, "class_id", "DEFAULT")
    rows = [
        {
            k: row[k]
            for k in (
                "description",
                "sort_order",
                "required",
                "internal",
                "control_type",
                "default_value",
            )
        }
        for row in reopened.record.value("attributes")
    ]
    assert rows == [
        {
            "description": "Market segment",
            "sort_order": 1,
            "required": False,
            "internal": False,
            "control_type": ControlType.TEXT,
            "default_value": None,
        },
        {
            "description": "Company size",
            "sort_order": 2,
            "required": True,
            "internal": True,
            "control_type": ControlType.COMBO,
            "default_value": "SMALL",
        },
    ]


def test_the_default_class_cannot_be_deleted(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    set_up(store)
    screen = open_screen("AR201000")
    type_into(qtbot, screen, "class_id", "DEFAULT")
    trigger(screen, "delete")
    assert screen.message.text() == (
        "Customer class DEFAULT cannot be deleted: it is the default customer class in Customer "
        "ledger preferences (AR101000)."
    )
    with store.session() as session:
        assert session.scalars(select(CustomerClass.class_id)).all() == ["DEFAULT"]


def test_delete_says_how_many_customers_use_the_class(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    screen = open_screen("AR201000")
    create_class(qtbot, screen, "RETAIL", "Retail")
    with store.transaction() as session:
        retail = session.scalars(select(CustomerClass)).one()
        session.add_all(
            Customer(customer_no=f"C{n}", name="Used", customer_class_id=retail.id)
            for n in range(3)
        )
    trigger(screen, "delete")
    assert screen.message.text() == (
        "Customer class RETAIL cannot be deleted: it is used by 3 customers."
    )


def test_changing_a_class_does_not_change_its_customers(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = open_screen("AR201000")
    create_class(qtbot, screen, "RETAIL", "Retail")
    with store.transaction() as session:
        retail = session.scalars(select(CustomerClass)).one()
        session.add(Customer(customer_no="C1", name="Kept", customer_class_id=retail.id))
    click_check(qtbot, screen, "enable_write_offs")
    type_into(qtbot, screen, "write_off_limit", "75")
    choose_option(qtbot, screen, "statement_type", "Balance brought forward")
    trigger(screen, "save")
    assert screen.message.text() == "Saved."
    with store.session() as session:
        customer = session.scalars(select(Customer)).one()
        assert (customer.enable_write_offs, customer.write_off_limit, customer.version) == (
            False,
            Decimal(0),
            1,
        )
        assert customer.statement_type == StatementType.OPEN_ITEM


def test_apply_restriction_settings_moves_exactly_the_class_customers(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up(store)
    with store.transaction() as session:
        groups = {g.group_id: g.id for g in session.scalars(select(RestrictionGroup))}
        default = session.scalars(select(CustomerClass)).one()
        other = CustomerClass(class_id="OTHER", description="Other")
        session.add(other)
        session.flush()
        session.add_all(
            [
                Customer(customer_no="C1", customer_class_id=default.id),
                Customer(
                    customer_no="C2",
                    customer_class_id=default.id,
                    restriction_group_id=groups["SOUTH"],
                ),
                Customer(
                    customer_no="C3",
                    customer_class_id=default.id,
                    restriction_group_id=groups["NORTH"],
                ),
                Customer(customer_no="C4", customer_class_id=other.id),
            ]
        )
    screen = open_screen("AR201000")
    type_into(qtbot, screen, "class_id", "DEFAULT")
    type_into(qtbot, screen, "default_restriction_group", "NORTH")
    trigger(screen, "apply_restriction_settings_to_all_customers")
    assert screen.message.text() == (
        "Save the class before applying its restriction settings to its customers."
    )
    trigger(screen, "save")
    trigger(screen, "apply_restriction_settings_to_all_customers")
    # C3 was in NORTH already; C4 is of another class.
    assert screen.message.text() == (
        "2 customers of class DEFAULT changed to restriction group NORTH."
    )
    with store.session() as session:
        placed = dict(
            session.execute(
                select(Customer.customer_no, RestrictionGroup.group_id).outerjoin(
                    RestrictionGroup, Customer.restriction_group_id == RestrictionGroup.id
                )
            ).all()
        )
    assert placed == {"C1": "NORTH", "C2": "NORTH", "C3": "NORTH", "C4": None}
    trigger(screen, "apply_restriction_settings_to_all_customers")
    assert (
        screen.message.text() == "0 customers of class DEFAULT changed to restriction group NORTH."
    )


def stored_mailings(store: Store, class_id: str) -> list[tuple[str, int]]:
    with store.session() as session:
        saved = session.scalars(
            select(CustomerClass).where(CustomerClass.class_id == class_id)
        ).one()
        return [(m.mailing_id, len(m.recipients)) for m in saved.mailings]


def delete_grid_row(qtbot: QtBot, screen: RecordScreen, key: str, row: int) -> None:
    editor = grid(screen, key)
    screen._reveal(editor)
    editor.view.setCurrentIndex(editor.model.index(row, 0))
    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("removed", ["first", "last", "without-recipients"])
def test_removing_a_mailing_row_from_a_saved_class_is_saved(
    qtbot: QtBot, open_screen: Opener, store: Store, removed: str
) -> None:
    # Issue 17: Save failed in _save_rows ("Failed to add object to the flush context!").
    set_up(store)
    screen = open_screen("AR201000")
    create_class(qtbot, screen, "MAILED", "Mailed")
    assert screen.message.text() == "Saved.", screen.message.text()
    before = stored_mailings(store, "MAILED")
    index = {"first": 0, "last": len(before) - 1, "without-recipients": 1}[removed]
    if removed == "without-recipients":
        grid(screen, "mailings").view.setCurrentIndex(grid(screen, "mailings").model.index(1, 0))
        while grid(screen, "recipients").model.rowCount():
            delete_grid_row(qtbot, screen, "recipients", 0)
        trigger(screen, "save")
        assert screen.message.text() == "Saved.", screen.message.text()
        assert stored_mailings(store, "MAILED")[index] == (before[index][0], 0)

    delete_grid_row(qtbot, screen, "mailings", index)
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()
    assert not screen.is_dirty
    stored = stored_mailings(store, "MAILED")
    assert [code for code, _ in stored] == [
        code for number, (code, _) in enumerate(before) if number != index
    ]
    assert all(count == dict(before)[code] for code, count in stored)
    mailings = grid(screen, "mailings")  # the screen shows what was saved
    shown_codes = [mailings.model.index(r, 0).data() for r in range(mailings.model.rowCount())]
    assert shown_codes == [code for code, _ in stored]


def test_a_failed_save_replaces_the_earlier_saved_message(
    qtbot: QtBot, open_screen: Opener, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_up(store)
    screen = open_screen("AR201000")
    create_class(qtbot, screen, "MAILED", "Mailed")
    assert screen.message.text() == "Saved."
    before = stored_mailings(store, "MAILED")
    delete_grid_row(qtbot, screen, "mailings", 0)

    def flush_fails(*_args: object, **_values: object) -> None:
        raise AssertionError("Failed to add object to the flush context!")

    monkeypatch.setattr(screen.service, "before_save", flush_fails)
    trigger(screen, "save")
    message = screen.message.text()
    assert message != "Saved." and "was not saved" in message, message
    assert screen.message.property("error") is True
    assert screen.is_dirty
    assert stored_mailings(store, "MAILED") == before  # nothing saved

    monkeypatch.undo()
    trigger(screen, "save")
    assert screen.message.text() == "Saved."
    assert stored_mailings(store, "MAILED") == before[1:]


def test_print_and_email_of_invoices_warns_as_on_the_customer(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up(store)
    screen = open_screen("AR201000")
    type_into(qtbot, screen, "class_id", "DEFAULT")
    if not shown(screen, "print_invoices"):
        click_check(qtbot, screen, "print_invoices")
    assert "twice" not in screen.message.text()
    click_check(qtbot, screen, "send_invoices_by_email")
    assert screen.message.isVisible()
    assert (
        "Print invoices and Send invoices by email are both selected: the customer will "
        "receive every invoice twice" in screen.message.text()
    )
