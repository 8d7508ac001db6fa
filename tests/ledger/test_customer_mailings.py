"""The customer's mailings (AR303000 Mailing settings) without Qt: a new customer's copies of
its class's mailings, the Overridden mark, the way back to the class's values, class changes
(the customer's and the class's own), the recipient rules naming field and rule, stale saves,
and the statement recipients read from the customer's own STATEMENT mailing."""

from __future__ import annotations

import io
from email.message import EmailMessage
from typing import Any

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from app.ledger.contacts import ContactService
from app.ledger.customer_classes import CustomerClassService
from app.ledger.customer_mailings import (
    CONTACT_ID,
    CONTACT_TYPE,
    EMAIL,
    MAILINGS,
    OVERRIDDEN,
    RECIPIENTS,
    TO,
    followed,
    reverted,
)
from app.ledger.customers import CustomerService
from app.ledger.records import RecordError, StaleRecordError, ValidationError
from app.ledger.setup import set_up_company
from app.ledger.statements.email import attach_statement
from app.ledger.statements.mailing import Recipient, statement_recipients
from app.models import (
    ContactPerson,
    Customer,
    CustomerClass,
    CustomerMailing,
    CustomerRecipient,
    Employee,
    Location,
)
from app.models.database import Store
from app.models.options import ContactType, MailingFormat

# The DEFAULT class's mailings as first-run setup makes them (app/ledger/setup.py).
DEFAULT_MAILINGS = ["INVOICE", "STATEMENT", "DUNNINGLETTER", "CREDITCARDEXPIRED"]


@pytest.fixture
def service(store: Store) -> CustomerService:
    set_up_company(store, base_currency="NOK", country="NO", language="nb-NO")
    with store.transaction() as session:
        session.add(Employee(employee_id="KARI", name="Kari Nordmann", email="kari@firma.no"))
    return CustomerService(store)


def new_customer(service: CustomerService, name: str, **values: Any) -> int:
    return service.save(
        None, service.new_values() | {"customer_name": name, "main_contact_email": None} | values
    )


def edit(service: CustomerService, customer_id: int, **changes: Any) -> int:
    loaded = service.load(customer_id)
    return service.save(customer_id, loaded | changes, loaded["version"], loaded)


def mailing(values: dict[str, Any], mailing_id: str) -> dict[str, Any]:
    found: dict[str, Any] = next(row for row in values[MAILINGS] if row["mailing_id"] == mailing_id)
    return found


def changed(values: dict[str, Any], mailing_id: str, **settings: Any) -> list[dict[str, Any]]:
    """The Mailings rows with one mailing's settings changed."""
    return [row | settings if row["mailing_id"] == mailing_id else row for row in values[MAILINGS]]


def add_contact(store: Store, customer_id: int, number: int, email: str) -> int:
    with store.transaction() as session:
        person = ContactPerson(
            contact_id=number, customer_id=customer_id, last_name=f"Person {number}", email=email
        )
        session.add(person)
        session.flush()
        return person.id


def default_class(store: Store) -> int:
    with store.session() as session:
        found = session.scalar(select(CustomerClass.id).where(CustomerClass.class_id == "DEFAULT"))
        assert found is not None
        return found


def employee_id(store: Store) -> int:
    with store.session() as session:
        found = session.scalar(select(Employee.id).where(Employee.employee_id == "KARI"))
        assert found is not None
        return found


def test_a_new_customer_gets_its_classs_mailings_with_recipients(
    service: CustomerService, store: Store
) -> None:
    shown = service.new_values()
    assert [row["mailing_id"] for row in shown[MAILINGS]] == DEFAULT_MAILINGS
    invoice = mailing(shown, "INVOICE")
    assert invoice[OVERRIDDEN] is False and invoice["format"] == MailingFormat.PDF
    assert [(r[CONTACT_TYPE], r[TO], r["bcc"]) for r in invoice[RECIPIENTS]] == [
        (ContactType.INVOICING, True, False)  # a class recipient is To unless Bcc
    ]
    customer_id = new_customer(service, "Fjordkraft Handel AS", main_contact_email="a@fjord.no")
    loaded = service.load(customer_id)
    assert [row["mailing_id"] for row in loaded[MAILINGS]] == DEFAULT_MAILINGS
    assert not any(row[OVERRIDDEN] for row in loaded[MAILINGS])
    # The Invoicing contact is the main one while Same as main: its address is shown.
    assert mailing(loaded, "INVOICE")[RECIPIENTS][0][EMAIL] == "a@fjord.no"


def test_a_customer_saved_without_the_tab_gets_its_classs_mailings(
    service: CustomerService, store: Store
) -> None:
    values = service.new_values()
    del values[MAILINGS]  # an import knows nothing of the tab
    customer_id = service.save(None, values | {"customer_name": "Import AS"})
    with store.session() as session:
        stored = session.scalars(
            select(CustomerMailing)
            .where(CustomerMailing.customer_id == customer_id)
            .order_by(CustomerMailing.id)
        ).all()
        assert [m.mailing_id for m in stored] == DEFAULT_MAILINGS
        assert [len(m.recipients) for m in stored] == [1, 1, 1, 1]


def test_a_changed_mailing_is_overridden_and_reverting_clears_the_mark(
    service: CustomerService, store: Store
) -> None:
    customer_id = new_customer(service, "Fjordkraft Handel AS")
    loaded = service.load(customer_id)
    edit(service, customer_id, **{MAILINGS: changed(loaded, "INVOICE", format=MailingFormat.HTML)})
    loaded = service.load(customer_id)
    assert [row[OVERRIDDEN] for row in loaded[MAILINGS]] == [True, False, False, False]
    # A recipient added to the statement mailing overrides it too.
    rows = loaded[MAILINGS]
    statement = mailing(loaded, "STATEMENT")
    statement[RECIPIENTS].append(
        {
            CONTACT_TYPE: ContactType.SHIPPING,
            CONTACT_ID: None,
            "format": MailingFormat.PDF,
            "active": True,
            TO: False,
            "bcc": True,
        }
    )
    edit(service, customer_id, **{MAILINGS: rows})
    loaded = service.load(customer_id)
    assert [row[OVERRIDDEN] for row in loaded[MAILINGS]] == [True, True, False, False]
    # The way back: the class's values again, the mark gone, the rows' ids kept.
    class_rows = service.class_mailings(loaded["customer_class"], loaded)
    back = reverted(loaded[MAILINGS], class_rows)
    assert [row["id"] for row in back] == [row["id"] for row in loaded[MAILINGS]]
    edit(service, customer_id, **{MAILINGS: back})
    loaded = service.load(customer_id)
    assert not any(row[OVERRIDDEN] for row in loaded[MAILINGS])
    assert mailing(loaded, "INVOICE")["format"] == MailingFormat.PDF
    assert len(mailing(loaded, "STATEMENT")[RECIPIENTS]) == 1


def test_a_mailing_of_its_own_is_overridden_and_a_class_mailing_cannot_be_removed(
    service: CustomerService, store: Store
) -> None:
    customer_id = new_customer(service, "Fjordkraft Handel AS")
    loaded = service.load(customer_id)
    own = service.new_row(MAILINGS, loaded[MAILINGS]) | {"mailing_id": "INVOICE"}
    with store.session() as session:
        own["branch"] = session.scalar(select(Location.id).limit(0))  # no branch: a duplicate
    own["report"] = mailing(loaded, "INVOICE")["report"]
    with pytest.raises(ValidationError) as refused:
        edit(service, customer_id, **{MAILINGS: [*loaded[MAILINGS], own]})
    assert "Mailings, row 5, Mailing ID: 'INVOICE' is already in row 1 for the same branch." in (
        str(refused.value)
    )
    without_dunning = [row for row in loaded[MAILINGS] if row["mailing_id"] != "DUNNINGLETTER"]
    with pytest.raises(ValidationError) as refused:
        edit(service, customer_id, **{MAILINGS: without_dunning})
    assert str(refused.value) == (
        "Mailings, DUNNINGLETTER: the mailing comes from customer class DEFAULT and cannot be "
        "removed; clear its Active box to stop it."
    )
    stopped = changed(loaded, "DUNNINGLETTER", active=False)
    edit(service, customer_id, **{MAILINGS: stopped})
    assert mailing(service.load(customer_id), "DUNNINGLETTER")[OVERRIDDEN] is True


def recipient(contact_type: ContactType, contact_id: Any = None, **more: Any) -> dict[str, Any]:
    return {
        CONTACT_TYPE: contact_type,
        CONTACT_ID: contact_id,
        "format": MailingFormat.PDF,
        "active": True,
        TO: True,
        "bcc": False,
    } | more


def test_recipient_rules_name_the_row_the_column_and_the_rule(
    service: CustomerService, store: Store
) -> None:
    customer_id = new_customer(service, "Fjordkraft Handel AS")
    other_id = new_customer(service, "Annen Kunde AS")
    others_contact = add_contact(store, other_id, 900, "x@annen.no")
    own_contact = add_contact(store, customer_id, 901, "ola@fjord.no")
    loaded = service.load(customer_id)
    rows = loaded[MAILINGS]
    mailing(loaded, "INVOICE")[RECIPIENTS] = [
        recipient(ContactType.EMPLOYEE),
        recipient(ContactType.CONTACT, others_contact),
        recipient(ContactType.PRIMARY, own_contact),
        recipient(ContactType.CONTACT),
        recipient(ContactType.INVOICING, bcc=True),
        recipient(ContactType.CONTACT, own_contact),
        recipient(ContactType.EMPLOYEE, employee_id(store), TO=False),
    ]
    with pytest.raises(ValidationError) as refused:
        edit(service, customer_id, **{MAILINGS: rows})
    assert str(refused.value).splitlines() == [
        "Mailings, row 1, Recipients, row 1, Contact ID: select the employee who receives it.",
        "Mailings, row 1, Recipients, row 2, Contact ID: choose one of this customer's contacts.",
        "Mailings, row 1, Recipients, row 3, Contact ID: can be specified only for the Employee "
        "and Contact contact types.",
        "Mailings, row 1, Recipients, row 4, Contact ID: select the contact of this customer "
        "who receives it.",
        "Mailings, row 1, Recipients, row 5, Bcc: a recipient is either To or Bcc, not both.",
    ]
    with store.session() as session:  # nothing half-written
        stored = session.scalars(
            select(CustomerMailing).where(CustomerMailing.customer_id == customer_id)
        ).all()
        assert [len(m.recipients) for m in stored] == [1, 1, 1, 1]
    mailing(loaded, "INVOICE")[RECIPIENTS] = [
        recipient(ContactType.CONTACT, own_contact),
        recipient(ContactType.EMPLOYEE, employee_id(store), bcc=True, **{TO: False}),
    ]
    edit(service, customer_id, **{MAILINGS: rows})
    shown = mailing(service.load(customer_id), "INVOICE")[RECIPIENTS]
    assert [(r[CONTACT_TYPE], r[CONTACT_ID], r[EMAIL]) for r in shown] == [
        (ContactType.CONTACT, own_contact, "ola@fjord.no"),
        (ContactType.EMPLOYEE, employee_id(store), "kari@firma.no"),
    ]


def test_a_class_offers_no_contact_of_a_particular_customer(
    service: CustomerService, store: Store
) -> None:
    classes = CustomerClassService(store)
    with store.session() as session:
        class_id = session.scalar(
            select(CustomerClass.id).where(CustomerClass.class_id == "DEFAULT")
        )
    assert class_id is not None
    loaded = classes.load(class_id)
    loaded[MAILINGS][0][RECIPIENTS].append(
        {
            CONTACT_TYPE: ContactType.DOCUMENT_CONTACT,
            CONTACT_ID: None,
            "format": MailingFormat.PDF,
            "active": True,
            "bcc": False,
        }
    )
    with pytest.raises(ValidationError) as refused:
        classes.save(class_id, loaded, loaded["version"], classes.load(class_id))
    assert str(refused.value) == (
        "Mailings, row 1, Recipients, row 2, Contact type: here one of Primary, Invoicing, "
        "Shipping, Employee: Document contact names a particular customer's contact "
        "(Customers, AR303000)."
    )


def test_class_mailing_changes_reach_the_customers_mailings_not_overridden(
    service: CustomerService, store: Store
) -> None:
    first = new_customer(service, "Første AS")
    second = new_customer(service, "Andre AS")
    edit(service, second, **{MAILINGS: changed(service.load(second), "INVOICE", active=False)})
    classes = CustomerClassService(store)
    with store.session() as session:
        class_id = session.scalar(
            select(CustomerClass.id).where(CustomerClass.class_id == "DEFAULT")
        )
    assert class_id is not None
    loaded = classes.load(class_id)
    rows = [
        row | {"format": MailingFormat.EXCEL} if row["mailing_id"] == "INVOICE" else row
        for row in loaded[MAILINGS]
        if row["mailing_id"] != "CREDITCARDEXPIRED"
    ]
    classes.save(class_id, loaded | {MAILINGS: rows}, loaded["version"], loaded)
    one, two = service.load(first), service.load(second)
    assert [row["mailing_id"] for row in one[MAILINGS]] == DEFAULT_MAILINGS[:3]
    assert mailing(one, "INVOICE")["format"] == MailingFormat.EXCEL
    assert not any(row[OVERRIDDEN] for row in one[MAILINGS])
    # The second customer's own INVOICE mailing is kept as it is.
    assert mailing(two, "INVOICE")["format"] == MailingFormat.PDF
    assert mailing(two, "INVOICE")["active"] is False
    assert mailing(two, "INVOICE")[OVERRIDDEN] is True


def test_a_new_class_takes_the_mailings_not_overridden(
    service: CustomerService, store: Store
) -> None:
    customer_id = new_customer(service, "Fjordkraft Handel AS")
    edit(
        service,
        customer_id,
        **{MAILINGS: changed(service.load(customer_id), "INVOICE", format=MailingFormat.HTML)},
    )
    with store.transaction() as session:
        session.add(CustomerClass(class_id="PLAIN", description="Without mailings"))
    with store.session() as session:
        plain = session.scalar(select(CustomerClass.id).where(CustomerClass.class_id == "PLAIN"))
    # Through the screen's rule: the rows shown follow the new class before the save.
    loaded = service.load(customer_id)
    assert [row["mailing_id"] for row in followed(loaded[MAILINGS], [])] == ["INVOICE"]
    # Saved without the rows (an import): the store follows the new class just the same.
    values = {key: value for key, value in loaded.items() if key != MAILINGS}
    service.save(customer_id, values | {"customer_class": plain}, loaded["version"], loaded)
    loaded = service.load(customer_id)
    assert [(row["mailing_id"], row[OVERRIDDEN]) for row in loaded[MAILINGS]] == [("INVOICE", True)]


def test_a_stale_mailing_save_is_refused(service: CustomerService, store: Store) -> None:
    customer_id = new_customer(service, "Fjordkraft Handel AS")
    first, second = service.load(customer_id), service.load(customer_id)
    service.save(
        customer_id,
        first | {MAILINGS: changed(first, "INVOICE", format=MailingFormat.HTML)},
        first["version"],
        first,
    )
    with pytest.raises(StaleRecordError, match="Mailings, Format was changed elsewhere"):
        service.save(
            customer_id,
            second | {MAILINGS: changed(second, "INVOICE", format=MailingFormat.EXCEL)},
            second["version"],
            second,
        )
    # A save leaving the mailings as read is taken (nothing of them is rewritten).
    service.save(customer_id, second | {"customer_name": "Nytt navn AS"}, second["version"], second)
    assert mailing(service.load(customer_id), "INVOICE")["format"] == MailingFormat.HTML


def test_statements_go_to_the_customers_own_recipients(
    service: CustomerService, store: Store
) -> None:
    customer_id = new_customer(
        service,
        "Fjordkraft Handel AS",
        main_contact_email="post@fjord.no",
        shipping_contact_same_as_main=False,
        shipping_contact_email="lager@fjord.no",
    )
    with store.session() as session:
        assert statement_recipients(session, customer_id) == [
            Recipient("post@fjord.no", ContactType.INVOICING)
        ]
    own = add_contact(store, customer_id, 901, "ola@fjord.no")
    loaded = service.load(customer_id)
    mailing(loaded, "STATEMENT")[RECIPIENTS] = [
        recipient(ContactType.SHIPPING),
        recipient(ContactType.CONTACT, own, format=MailingFormat.HTML, **{TO: False}),
        recipient(
            ContactType.EMPLOYEE,
            employee_id(store),
            bcc=True,
            **{TO: False},
            format=MailingFormat.EXCEL,
        ),
        recipient(ContactType.PRIMARY, active=False),
    ]
    edit(service, customer_id, **{MAILINGS: loaded[MAILINGS]})
    with store.session() as session:
        found = statement_recipients(session, customer_id)
        customer = session.get_one(Customer, customer_id)
        assert customer.main_contact is not None
    assert found == [
        Recipient("lager@fjord.no", ContactType.SHIPPING, MailingFormat.PDF, "To"),
        Recipient("ola@fjord.no", ContactType.CONTACT, MailingFormat.HTML, "Cc"),
        Recipient("kari@firma.no", ContactType.EMPLOYEE, MailingFormat.EXCEL, "Bcc"),
    ]
    from app.reports.statement_formats import statement_html, statement_xlsx
    from tests.reports.test_statement_formats import a_view

    view = a_view()
    made = {
        MailingFormat.HTML: statement_html(view),
        MailingFormat.EXCEL: statement_xlsx(view),
    }
    email = EmailMessage()
    attach_statement(
        email, found, "Customer statement C1 2026-01-31", b"%PDF-1.4", made.__getitem__
    )
    saved = {
        part.get_filename(): part.get_payload(decode=True) for part in email.iter_attachments()
    }
    assert list(saved) == [
        "Customer statement C1 2026-01-31.pdf",
        "Customer statement C1 2026-01-31.html",
        "Customer statement C1 2026-01-31.xlsx",
    ]
    assert saved["Customer statement C1 2026-01-31.pdf"] == b"%PDF-1.4"
    html = saved["Customer statement C1 2026-01-31.html"]
    assert isinstance(html, bytes) and "Smith &amp; &lt;Sons&gt;" in html.decode("utf-8")
    xlsx = saved["Customer statement C1 2026-01-31.xlsx"]
    assert isinstance(xlsx, bytes)
    sheet = load_workbook(io.BytesIO(xlsx)).active
    assert sheet is not None
    assert sheet["B2"].value == "C1" and sheet["C2"].value == "'=Smith & <Sons>"


def test_a_contact_named_by_a_recipient_is_kept_and_a_deleted_customer_takes_its_mailings(
    service: CustomerService, store: Store
) -> None:
    customer_id = new_customer(service, "Fjordkraft Handel AS")
    own = add_contact(store, customer_id, 901, "ola@fjord.no")
    other = add_contact(store, customer_id, 902, "kari@fjord.no")
    loaded = service.load(customer_id)
    mailing(loaded, "STATEMENT")[RECIPIENTS].append(recipient(ContactType.CONTACT, own))
    edit(service, customer_id, **{MAILINGS: loaded[MAILINGS]})
    contacts = ContactService(store)
    with pytest.raises(RecordError) as refused:
        contacts.delete(own)
    assert str(refused.value) == (
        "Contact 901 (Person 901) cannot be deleted: it is used by 1 mailing recipient."
    )
    contacts.delete(other)
    service.delete(customer_id)
    with store.session() as session:
        assert session.scalars(select(CustomerMailing)).all() == []
        assert session.scalars(select(CustomerRecipient)).all() == []
        assert session.get(Customer, customer_id) is None
        assert session.get(ContactPerson, own) is None
