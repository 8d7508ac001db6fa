"""AR303000's Mailing settings tab through the widgets: the seed procedures "Set up invoice
mailing for a customer" and "Configure mailing settings for dunning letters for a customer"
step by step, the class's mailings a customer inherits, the Overridden mark and the way back,
a change of class, the recipient rules per contact type, and two screens on one record."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.ledger.customer_classes import CustomerClassService
from app.ledger.customer_mailings import OVERRIDDEN
from app.models import (
    ContactPerson,
    CustomerClass,
    CustomerMailing,
    DefaultSource,
    EmailAccount,
    Employee,
)
from app.models.database import Store
from app.models.options import ContactType, MailingFormat
from app.windows.framework.grid import GridEditor
from app.windows.framework.record_screen import RecordScreen
from tests.screens.conftest import Answers
from tests.screens.customer_record import Opener, create_customer, customer_named, set_up
from tests.screens.helpers import activate, edit_cell, trigger, type_into
from tests.screens.people import add_row, click_tab_button, grid_of, rows_shown, select_row

DEFAULT_MAILINGS = ["INVOICE", "STATEMENT", "DUNNINGLETTER", "CREDITCARDEXPIRED"]


def set_up_mailings(store: Store) -> None:
    """The first-run company, an e-mail account and an employee; a class without mailings; the
    preferences' INVOICE and DUNNINGLETTER mailings without default recipients (the procedures
    add them)."""
    set_up(store)
    with store.transaction() as session:
        session.add_all(
            [
                EmailAccount(
                    email_account_id="BILLING",
                    description="Billing",
                    email_address="billing@example.com",
                ),
                Employee(employee_id="KARI", name="Kari Nordmann", email="kari@firma.no"),
            ]
        )
        for source in session.scalars(
            select(DefaultSource).where(DefaultSource.mailing_id.in_(["INVOICE", "DUNNINGLETTER"]))
        ):
            source.recipients.clear()
    # A class as a user adds one (the default class's values), its mailings removed.
    classes = CustomerClassService(store)
    plain = {"class_id": "PLAIN", "description": "Without mailings", "mailings": []}
    classes.save(None, classes.new_values() | plain)


def choose_cell_option(
    screen: RecordScreen, grid_key: str, row: int, column: str, label: str
) -> list[str]:
    """Open a grid cell's option list and pick ``label``, as a user does; the options offered."""
    activate(screen)
    editor = grid_of(screen, grid_key)
    columns = [spec.key for spec in editor.model.columns]
    index = editor.model.index(row, columns.index(column))
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    editor.view.setCurrentIndex(index)
    editor.view.edit(index)
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox), f"no option list opened on {column}"
    offered = [combo.itemText(n) for n in range(combo.count())]
    combo.setCurrentIndex(combo.findText(label))
    combo.activated.emit(combo.currentIndex())
    editor.commit_pending()
    return offered


def cell(screen: RecordScreen, grid_key: str, row: int, column: str) -> Any:
    """What a cell shows: its text, or whether its check box is ticked."""
    editor = grid_of(screen, grid_key)
    columns = [spec.key for spec in editor.model.columns]
    index = editor.model.index(row, columns.index(column))
    state = index.data(Qt.ItemDataRole.CheckStateRole)
    if state is not None:
        return state == Qt.CheckState.Checked
    return index.data()


def editable(screen: RecordScreen, grid_key: str, row: int, column: str) -> bool:
    editor = grid_of(screen, grid_key)
    columns = [spec.key for spec in editor.model.columns]
    return bool(editor.model.index(row, columns.index(column)).flags() & Qt.ItemFlag.ItemIsEditable)


def tick(screen: RecordScreen, grid_key: str, row: int, column: str, ticked: bool) -> None:
    """Tick or clear a cell's check box (as a click on it does)."""
    editor = grid_of(screen, grid_key)
    columns = [spec.key for spec in editor.model.columns]
    index = editor.model.index(row, columns.index(column))
    if cell(screen, grid_key, row, column) != ticked:
        state = Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
        editor.model.setData(index, state.value, Qt.ItemDataRole.CheckStateRole)


def mailing_row(screen: RecordScreen, mailing_id: str) -> int:
    return next(
        n for n, row in enumerate(rows_shown(screen, "mailings")) if row["mailing_id"] == mailing_id
    )


def stored_mailings(store: Store, customer_no: str) -> list[CustomerMailing]:
    with store.session() as session:
        found = list(customer_named(session, customer_no).mailings)
        for mailing in found:
            list(mailing.recipients)  # read before the session closes
        session.expunge_all()
        return found


def set_up_mailing(
    qtbot: QtBot,
    screen: RecordScreen,
    mailing_id: str,
    report: str,
    template: str,
    format_label: str,
) -> None:
    """The procedures' steps 3 to 12: the tab, a new mailing row with its settings, Active, a
    recipient of the Invoicing type, Save."""
    grid_of(screen, "mailings")  # Go to the Mailing settings tab.
    row = add_row(qtbot, screen, "mailings")  # In the Mailings table, click +
    edit_cell(qtbot, screen, "mailings", row, "mailing_id", mailing_id)
    edit_cell(qtbot, screen, "mailings", row, "email_account", "BILLING")
    edit_cell(qtbot, screen, "mailings", row, "report", report)
    edit_cell(qtbot, screen, "mailings", row, "notification_template", template)
    choose_cell_option(screen, "mailings", row, "format", format_label)
    tick(screen, "mailings", row, "active", True)  # Select the Active check box.
    select_row(qtbot, screen, "mailings", row)
    recipient = add_row(qtbot, screen, "recipients")  # In the Recipients table, click +
    choose_cell_option(screen, "recipients", recipient, "contact_type", "Invoicing")
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()


def test_set_up_invoice_mailing_for_a_customer(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up_mailings(store)
    screen = open_screen("AR303000")
    # Select the customer (one of a class without mailings).
    number = create_customer(
        qtbot,
        screen,
        "Fjordkraft Handel AS",
        customer_class="PLAIN",
        main_contact_email="faktura@fjordkraft.no",
    )
    assert rows_shown(screen, "mailings") == []
    set_up_mailing(qtbot, screen, "INVOICE", "AR641000", "InvoiceNotification", "PDF")
    # The Invoicing contact (the main one, Same as main) is the recipient shown.
    assert cell(screen, "recipients", 0, "email") == "faktura@fjordkraft.no"
    assert cell(screen, "mailings", 0, OVERRIDDEN) is True  # not the class's: its own
    (invoice,) = stored_mailings(store, number)
    with store.session() as session:
        account = session.scalars(select(EmailAccount.id)).one()
    assert (invoice.mailing_id, invoice.email_account_id, invoice.format, invoice.active) == (
        "INVOICE",
        account,
        MailingFormat.PDF,
        True,
    )
    assert invoice.overridden
    assert [(r.contact_type, r.to, r.bcc, r.active) for r in invoice.recipients] == [
        (ContactType.INVOICING, True, False, True)
    ]


def test_configure_mailing_settings_for_dunning_letters_for_a_customer(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up_mailings(store)
    screen = open_screen("AR303000")
    number = create_customer(qtbot, screen, "Nordlys Bygg AS", customer_class="PLAIN")
    set_up_mailing(qtbot, screen, "DUNNINGLETTER", "AR642000", "DunningLetterNotification", "HTML")
    (dunning,) = stored_mailings(store, number)
    assert (dunning.mailing_id, dunning.format) == ("DUNNINGLETTER", MailingFormat.HTML)
    assert [r.contact_type for r in dunning.recipients] == [ContactType.INVOICING]
    texts = [cell(screen, "mailings", 0, key) for key in ("report", "notification_template")]
    assert texts == ["AR642000", "DunningLetterNotification"]
    # A recipient added later takes the mailing's format (HTML) until it prefers another.
    select_row(qtbot, screen, "mailings", 0)
    added = add_row(qtbot, screen, "recipients")
    assert cell(screen, "recipients", added, "format") == "HTML"


def test_a_customer_inherits_its_classs_mailings_marked_overridden_once_changed(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up_mailings(store)
    screen = open_screen("AR303000")
    number = create_customer(qtbot, screen, "Fjordkraft Handel AS")
    assert [row["mailing_id"] for row in rows_shown(screen, "mailings")] == DEFAULT_MAILINGS
    assert [cell(screen, "mailings", n, OVERRIDDEN) for n in range(4)] == [False] * 4
    # Changed here, the mailing is marked at once, and so it is saved.
    choose_cell_option(screen, "mailings", 0, "format", "HTML")
    assert cell(screen, "mailings", 0, OVERRIDDEN) is True
    # A recipient's change marks its mailing too.
    select_row(qtbot, screen, "mailings", 1)
    tick(screen, "recipients", 0, "bcc", True)
    tick(screen, "recipients", 0, "to", False)
    assert cell(screen, "mailings", 1, OVERRIDDEN) is True
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()
    assert [m.overridden for m in stored_mailings(store, number)] == [True, True, False, False]
    assert [cell(screen, "mailings", n, OVERRIDDEN) for n in range(4)] == [True, True, False, False]
    # The way back: Revert to class mailings, then Save.
    click_tab_button(screen, "mailings", "mailing_settings_revert_to_class_mailings")
    assert [cell(screen, "mailings", n, OVERRIDDEN) for n in range(4)] == [False] * 4
    assert cell(screen, "mailings", 0, "format") == "PDF"
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()
    stored = stored_mailings(store, number)
    assert [m.overridden for m in stored] == [False] * 4
    assert stored[0].format == MailingFormat.PDF
    assert [(r.to, r.bcc) for r in stored[1].recipients] == [(True, False)]


def test_changing_the_class_keeps_only_the_overridden_mailings(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up_mailings(store)
    screen = open_screen("AR303000")
    number = create_customer(qtbot, screen, "Fjordkraft Handel AS")
    tick(screen, "mailings", mailing_row(screen, "DUNNINGLETTER"), "active", False)
    trigger(screen, "save")
    type_into(qtbot, screen, "customer_class", "PLAIN")
    assert [row["mailing_id"] for row in rows_shown(screen, "mailings")] == ["DUNNINGLETTER"]
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()
    assert [(m.mailing_id, m.active, m.overridden) for m in stored_mailings(store, number)] == [
        ("DUNNINGLETTER", False, True)
    ]
    # Back to DEFAULT: its mailings come again, the overridden one stays the customer's.
    type_into(qtbot, screen, "customer_class", "DEFAULT")
    assert [row["mailing_id"] for row in rows_shown(screen, "mailings")] == [
        "DUNNINGLETTER",
        "INVOICE",
        "STATEMENT",
        "CREDITCARDEXPIRED",
    ]


def test_recipients_name_a_contact_by_type_and_show_its_email(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up_mailings(store)
    screen = open_screen("AR303000")
    number = create_customer(
        qtbot, screen, "Fjordkraft Handel AS", main_contact_email="post@fjordkraft.no"
    )
    other = create_customer(qtbot, screen, "Annen Kunde AS")
    with store.transaction() as session:
        for contact_id, customer_no, email in (
            (901, number, "ola@fjordkraft.no"),
            (902, other, "x@annen.no"),
        ):
            session.add(
                ContactPerson(
                    contact_id=contact_id,
                    customer_id=customer_named(session, customer_no).id,
                    last_name=f"Kontakt {contact_id}",
                    email=email,
                )
            )
    trigger(screen, "add_new")
    type_into(qtbot, screen, "customer_no", number)
    statement = mailing_row(screen, "STATEMENT")
    select_row(qtbot, screen, "mailings", statement)
    assert not editable(screen, "recipients", 0, "contact_id")  # Invoicing names nobody
    assert cell(screen, "recipients", 0, "email") == "post@fjordkraft.no"
    recipient = add_row(qtbot, screen, "recipients")
    offered = choose_cell_option(screen, "recipients", recipient, "contact_type", "Contact")
    assert offered == [
        "Primary",
        "Invoicing",
        "Shipping",
        "Employee",
        "Contact",
        "Document contact",
    ]
    assert editable(screen, "recipients", recipient, "contact_id")
    trigger(screen, "save")
    assert (
        f"Mailings, row {statement + 1}, Recipients, row 2, Contact ID: select the contact of "
        "this customer who receives it." in screen.message.text()
    )
    # Only this customer's contacts are offered: another's is not found.
    edit_cell(qtbot, screen, "recipients", recipient, "contact_id", "902")
    trigger(screen, "save")
    assert "Contact ID" in screen.message.text() and "902" in screen.message.text()
    edit_cell(qtbot, screen, "recipients", recipient, "contact_id", "901")
    assert cell(screen, "recipients", recipient, "email") == "ola@fjordkraft.no"
    employee = add_row(qtbot, screen, "recipients")
    choose_cell_option(screen, "recipients", employee, "contact_type", "Employee")
    edit_cell(qtbot, screen, "recipients", employee, "contact_id", "KARI")
    assert cell(screen, "recipients", employee, "email") == "kari@firma.no"
    tick(screen, "recipients", employee, "bcc", True)
    trigger(screen, "save")
    assert "Bcc: a recipient is either To or Bcc, not both." in screen.message.text()
    tick(screen, "recipients", employee, "to", False)
    # The type changed: the contact no longer applies; Shipping shows its role's address.
    choose_cell_option(screen, "recipients", recipient, "contact_type", "Shipping")
    assert cell(screen, "recipients", recipient, "contact_id") == ""
    assert cell(screen, "recipients", recipient, "email") == "post@fjordkraft.no"
    choose_cell_option(screen, "recipients", recipient, "contact_type", "Contact")
    edit_cell(qtbot, screen, "recipients", recipient, "contact_id", "901")
    trigger(screen, "save")
    assert screen.message.text() == "Saved.", screen.message.text()
    stored = next(m for m in stored_mailings(store, number) if m.mailing_id == "STATEMENT")
    assert stored.overridden
    assert [(r.contact_type, r.to, r.bcc) for r in stored.recipients] == [
        (ContactType.INVOICING, True, False),
        (ContactType.CONTACT, True, False),
        (ContactType.EMPLOYEE, False, True),
    ]


def test_a_class_and_the_preferences_offer_four_contact_types(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up_mailings(store)
    screen = open_screen("AR201000")
    type_into(qtbot, screen, "class_id", "DEFAULT")
    offered = choose_cell_option(screen, "recipients", 0, "contact_type", "Primary")
    assert offered == ["Primary", "Invoicing", "Shipping", "Employee"]
    preferences = open_screen("AR101000")
    grid = preferences.editor("recipients")
    assert isinstance(grid, GridEditor)
    source = preferences.editor("default_sources")
    assert isinstance(source, GridEditor)
    select_row(qtbot, preferences, "default_sources", 1)  # STATEMENT, with its recipient
    offered = choose_cell_option(preferences, "recipients", 0, "contact_type", "Invoicing")
    assert offered == ["Primary", "Invoicing", "Shipping", "Employee"]


def test_a_recipient_added_on_a_class_or_the_preferences_takes_its_mailings_format(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up_mailings(store)
    screen = open_screen("AR201000")
    type_into(qtbot, screen, "class_id", "DEFAULT")
    row = mailing_row(screen, "STATEMENT")
    choose_cell_option(screen, "mailings", row, "format", "Excel")
    select_row(qtbot, screen, "mailings", row)
    added = add_row(qtbot, screen, "recipients")
    assert cell(screen, "recipients", added, "format") == "Excel"
    preferences = open_screen("AR101000")
    sources = [r["mailing_id"] for r in rows_shown(preferences, "default_sources")]
    select_row(qtbot, preferences, "default_sources", sources.index("CREDITCARDEXPIRED"))
    added = add_row(qtbot, preferences, "recipients")
    assert cell(preferences, "recipients", added, "format") == "HTML"  # its mailing's, no report
    select_row(qtbot, preferences, "default_sources", sources.index("INVOICE"))
    added = add_row(qtbot, preferences, "recipients")
    assert cell(preferences, "recipients", added, "format") == "PDF"


def test_class_changes_reach_a_customers_mailings_not_overridden(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    set_up_mailings(store)
    customers = open_screen("AR303000")
    number = create_customer(qtbot, customers, "Fjordkraft Handel AS")
    classes = open_screen("AR201000")
    type_into(qtbot, classes, "class_id", "DEFAULT")
    choose_cell_option(classes, "mailings", 0, "format", "Excel")
    trigger(classes, "save")
    assert classes.message.text() == "Saved.", classes.message.text()
    activate(customers)
    trigger(customers, "add_new")
    type_into(qtbot, customers, "customer_no", number)
    assert cell(customers, "mailings", 0, "format") == "Excel"
    assert cell(customers, "mailings", 0, OVERRIDDEN) is False


def test_a_second_screen_on_the_customer_cannot_overwrite_its_mailings(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    set_up_mailings(store)
    first = open_screen("AR303000")
    number = create_customer(qtbot, first, "Fjordkraft Handel AS")
    second = open_screen("AR303000")
    type_into(qtbot, second, "customer_no", number)
    assert second.record.record_id == first.record.record_id
    choose_cell_option(first, "mailings", 0, "format", "HTML")
    trigger(first, "save")
    assert first.message.text() == "Saved.", first.message.text()
    choose_cell_option(second, "mailings", 0, "format", "Excel")
    answers.no_to.add("Record changed")  # keep the changes on screen
    trigger(second, "save")
    assert "Mailings, Format was changed elsewhere" in second.message.text()
    assert cell(second, "mailings", 0, "format") == "Excel" and second.is_dirty  # nothing lost
    assert stored_mailings(store, number)[0].format == MailingFormat.HTML


def test_a_second_class_screen_cannot_overwrite_its_mailings(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    set_up_mailings(store)
    first, second = open_screen("AR201000"), open_screen("AR201000")
    for screen in (first, second):
        activate(screen)
        type_into(qtbot, screen, "class_id", "DEFAULT")
    choose_cell_option(first, "mailings", 0, "format", "HTML")
    trigger(first, "save")
    assert first.message.text() == "Saved.", first.message.text()
    choose_cell_option(second, "mailings", 0, "format", "Excel")
    answers.no_to.add("Record changed")
    trigger(second, "save")
    assert "Mailings, Format was changed elsewhere" in second.message.text()
    assert cell(second, "mailings", 0, "format") == "Excel" and second.is_dirty
    with store.session() as session:
        default = session.scalars(
            select(CustomerClass).where(CustomerClass.class_id == "DEFAULT")
        ).one()
        assert default.mailings[0].format == MailingFormat.HTML


def test_a_class_change_reaching_a_customer_shown_with_unsaved_mailings_refuses_its_save(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    set_up_mailings(store)
    customers = open_screen("AR303000")
    number = create_customer(qtbot, customers, "Fjordkraft Handel AS")
    choose_cell_option(customers, "mailings", 1, "format", "HTML")  # STATEMENT, unsaved
    classes = open_screen("AR201000")
    type_into(qtbot, classes, "class_id", "DEFAULT")
    choose_cell_option(classes, "mailings", 1, "format", "Excel")
    trigger(classes, "save")
    assert classes.message.text() == "Saved.", classes.message.text()
    answers.no_to.add("Record changed")
    activate(customers)
    trigger(customers, "save")
    assert "Mailings, Format was changed elsewhere" in customers.message.text()
    assert cell(customers, "mailings", 1, "format") == "HTML" and customers.is_dirty
    stored = stored_mailings(store, number)
    assert (stored[1].format, stored[1].overridden) == (MailingFormat.EXCEL, False)
