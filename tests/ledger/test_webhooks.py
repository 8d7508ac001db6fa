"""Webhook notifications without Qt: the customer's change log, written in the transaction of
the change, and the read API of a later integration (app/ledger/webhooks.py)."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from app.ledger import webhooks
from app.ledger.change_id import change_customer_no
from app.ledger.contacts import ContactService
from app.ledger.customer_classes import CustomerClassService
from app.ledger.customer_payment_methods import CustomerPaymentMethodService
from app.ledger.customers import CustomerService
from app.ledger.documents.entry import DocumentService
from app.ledger.locations import LocationService
from app.ledger.records import RecordError, RecordService, StaleRecordError, ValidationError
from app.ledger.restriction import apply_restriction_settings
from app.ledger.suppliers import EXTENDS_CUSTOMER, SupplierService
from app.models import (
    Customer,
    CustomerClass,
    CustomerEvent,
    DocumentType,
    EventSource,
    EventStatus,
    EventType,
    PaymentMethod,
    RestrictionGroup,
)
from app.models.database import Store
from tests.ledger.documents import TODAY, enter, set_up

IBAN = "NO93 8601 1117 947"


@pytest.fixture
def service(store: Store) -> CustomerService:
    set_up(store)  # first-run setup; documents are not held on entry
    return CustomerService(store)


def new_customer(service: CustomerService, name: str, *, notified: bool = True) -> int:
    values = service.new_values() | {"customer_name": name, "webhook_notification": notified}
    return service.save(None, values)


def events(store: Store) -> list[CustomerEvent]:
    with store.session() as session:
        return list(session.scalars(select(CustomerEvent).order_by(CustomerEvent.id)))


def body(event: CustomerEvent) -> dict[str, Any]:
    found: dict[str, Any] = json.loads(event.changes)
    return found


def changed(event: CustomerEvent) -> dict[str, tuple[Any, Any]]:
    return {c["label"]: (c["old"], c["new"]) for c in body(event)["changes"]}


def save(service: CustomerService, customer_id: int, **edits: Any) -> None:
    loaded = service.load(customer_id)
    service.save(customer_id, loaded | edits, loaded["version"], loaded)


def test_a_new_notified_customer_is_logged_as_created_available_for_an_integrator(
    service: CustomerService, store: Store
) -> None:
    customer_id = new_customer(service, "Fjordkraft Handel AS")
    [created] = events(store)
    assert created.customer_id == customer_id
    assert created.event == EventType.ENTITY_CREATED
    assert (created.status, created.source) == (EventStatus.AVAILABLE, EventSource.APIS)
    assert created.success is None  # nothing was sent, nothing reported
    assert created.user_name == webhooks.current_user() and created.user_name
    assert len(created.message_id) == 36
    assert body(created)["customer_no"] == created.customer_no == "10001"
    # What the customer starts with, lookups by their codes as a user types them.
    assert changed(created)["Customer name"] == (None, "Fjordkraft Handel AS")
    assert changed(created)["Customer class"] == (None, "DEFAULT")


def test_an_update_names_each_changed_field_with_its_old_and_new_value(
    service: CustomerService, store: Store
) -> None:
    customer_id = new_customer(service, "Fjordkraft Handel AS")
    save(service, customer_id, customer_name="Fjordkraft AS", credit_limit=Decimal("5000"))
    updated = events(store)[-1]
    assert updated.event == EventType.ENTITY_UPDATED
    assert changed(updated) == {
        "Customer name": ("Fjordkraft Handel AS", "Fjordkraft AS"),
        "Credit limit": ("0.0000", "5000"),
    }
    save(service, customer_id)  # nothing changed: nothing to notify
    assert len(events(store)) == 2


def test_nothing_is_logged_for_a_customer_without_the_box(
    service: CustomerService, store: Store
) -> None:
    customer_id = new_customer(service, "Quiet AS", notified=False)
    save(service, customer_id, customer_name="Quiet Handel AS")
    assert events(store) == []
    assert service.load(customer_id)[webhooks.EVENTS] is None  # the tab stays hidden
    # The save that selects the box is the first one notified; the one clearing it is not.
    save(service, customer_id, webhook_notification=True)
    assert changed(events(store)[-1]) == {"Webhook notification": (False, True)}
    assert service.load(customer_id)[webhooks.EVENTS] != []
    save(service, customer_id, webhook_notification=False, customer_name="Quiet again")
    assert len(events(store)) == 1


def test_a_refused_save_logs_nothing(service: CustomerService, store: Store) -> None:
    customer_id = new_customer(service, "Fjordkraft Handel AS")
    loaded = service.load(customer_id)
    with pytest.raises(ValidationError, match="Customer name"):
        service.save(customer_id, loaded | {"customer_name": "x" * 300}, loaded["version"], loaded)
    save(service, customer_id, customer_name="Elsewhere AS")
    with pytest.raises(StaleRecordError):  # read before the other save
        service.save(customer_id, loaded | {"credit_limit": Decimal(1)}, loaded["version"], loaded)
    with pytest.raises(ValidationError):
        service.save(None, service.new_values() | {"customer_name": "y" * 300})
    assert [e.event for e in events(store)] == [EventType.ENTITY_CREATED, EventType.ENTITY_UPDATED]


def test_a_deleted_customer_s_log_stays_with_its_number(
    service: CustomerService, store: Store
) -> None:
    customer_id = new_customer(service, "Fjordkraft Handel AS")
    save(service, customer_id, customer_name="Fjordkraft AS")
    service.delete(customer_id)
    created, updated, deleted = events(store)
    assert deleted.event == EventType.ENTITY_DELETED
    assert body(deleted)["customer_name"] == "Fjordkraft AS"
    # The rows outlive the customer, unlinked (a later customer never inherits them).
    assert {e.customer_id for e in (created, updated, deleted)} == {None}
    assert {e.customer_no for e in (created, updated, deleted)} == {"10001"}
    again = new_customer(service, "Next AS", notified=False)
    assert service.load(again)[webhooks.EVENTS] is None


def test_change_id_is_an_update_of_the_customer_number(
    service: CustomerService, store: Store
) -> None:
    customer_id = new_customer(service, "Fjordkraft Handel AS")
    change_customer_no(store, customer_id, "FJORD", service.load(customer_id)["version"])
    renumbered = events(store)[-1]
    assert changed(renumbered) == {"Customer no.": ("10001", "FJORD")}
    assert renumbered.customer_no == "FJORD"


def test_a_document_status_change_is_logged_for_its_notified_customer(
    service: CustomerService, store: Store
) -> None:
    documents = DocumentService(store, today=lambda: TODAY)
    customer_id = new_customer(service, "Fjordkraft Handel AS")
    quiet = new_customer(service, "Quiet AS", notified=False)
    invoice = enter(documents, customer_id, DocumentType.INVOICE, "100.00")
    enter(documents, quiet, DocumentType.INVOICE, "50.00")
    documents.release(invoice)
    logged = events(store)[-1]
    assert logged.event == EventType.DOCUMENT_STATUS_CHANGED
    ref = body(logged)["document"]
    assert logged.document_status == f"{ref}: Open"
    assert changed(logged) == {"Status": ("Balanced", "Open")}
    # A payment applied on release closes the invoice in one bulk update: logged too.
    payment = enter(documents, customer_id, DocumentType.PAYMENT, "100.00")
    documents.release(payment)
    statuses = [e.document_status for e in events(store)]
    assert f"{ref}: Closed" in statuses
    assert all(e.customer_id == customer_id for e in events(store))


def test_an_integration_reads_pending_events_and_marks_them_consumed(
    service: CustomerService, store: Store
) -> None:
    customer_id = new_customer(service, "Fjordkraft Handel AS")
    save(service, customer_id, customer_name="Fjordkraft AS")
    with store.transaction() as session:
        pending = webhooks.pending_events(session)
        assert [n.event for n in pending] == ["Entity created", "Entity updated"]
        assert pending[1].changes["changes"][0]["new"] == "Fjordkraft AS"
        webhooks.mark_consumed(session, pending[0].message_id, feedback="200 OK from CRM")
    with store.session() as session:
        [left] = webhooks.pending_events(session)
    assert left.event == "Entity updated"
    first = events(store)[0]
    assert (first.status, first.source, first.success) == (
        EventStatus.CONSUMED,
        EventSource.EXTERNAL_INTEGRATOR,
        True,
    )
    assert webhooks.feedback_of(store, first.id).feedback.endswith("200 OK from CRM")
    with store.session() as session, pytest.raises(webhooks.WebhookError, match="message ID"):
        webhooks.mark_consumed(session, "no-such-message")


def test_resend_makes_an_event_pending_again_counted_and_dated(
    service: CustomerService, store: Store
) -> None:
    new_customer(service, "Fjordkraft Handel AS")
    [created] = events(store)
    with store.transaction() as session:
        webhooks.mark_consumed(session, created.message_id)
    webhooks.resend(store, created.id)
    webhooks.resend(store, created.id)
    [resent] = events(store)
    assert (resent.status, resent.source) == (EventStatus.RESENT, EventSource.VISMA_NET)
    assert resent.resend_count == 2 and resent.resent_at is not None
    with store.session() as session:
        assert [n.message_id for n in webhooks.pending_events(session)] == [created.message_id]
    feedback = webhooks.feedback_of(store, created.id)
    assert not feedback.received and feedback.feedback == webhooks.NO_FEEDBACK


def test_the_demo_company_has_notified_customers_with_a_history(store: Store) -> None:
    from app.ledger.demo import create_demo_company
    from app.ledger.demo.webhooks import NOTIFIED

    create_demo_company(store, customers=60, seed=5, as_at=TODAY)
    with store.session() as session:
        notified = session.scalars(
            select(Customer).where(Customer.webhook_notification.is_(True))
        ).all()
        assert len(notified) == NOTIFIED
        service = CustomerService(store)
        for customer in notified:
            rows = service.load(customer.id)[webhooks.EVENTS]
            assert rows[-1]["event"] == EventType.ENTITY_CREATED  # newest first
            assert rows[0]["status"] == EventStatus.AVAILABLE
            assert any(row["event"] == EventType.DOCUMENT_STATUS_CHANGED for row in rows)
            # True to the customer: the last change notified is its account reference now.
            latest = json.loads(
                session.scalars(
                    select(CustomerEvent.changes)
                    .where(CustomerEvent.customer_id == customer.id)
                    .order_by(CustomerEvent.at.desc())
                ).first()
                or "{}"
            )
            assert latest["changes"][0]["new"] == customer.account_ref
        statuses = {e.status for e in session.scalars(select(CustomerEvent))}
        assert statuses == {EventStatus.AVAILABLE, EventStatus.RESENT, EventStatus.CONSUMED}
        assert len(webhooks.pending_events(session)) >= NOTIFIED
    quiet = CustomerService(store).load(
        next(c for c in range(1, 61) if c not in {n.id for n in notified})
    )
    assert quiet[webhooks.EVENTS] is None


def test_the_event_goes_with_its_change_when_the_transaction_fails_later(
    service: CustomerService, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    customer_id = new_customer(service, "Fjordkraft Handel AS")
    logging = CustomerService.saved_changes

    def logged_then_failed(self: CustomerService, *args: Any, **kwargs: Any) -> None:
        logging(self, *args, **kwargs)
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(CustomerService, "saved_changes", logged_then_failed)
    with pytest.raises(RuntimeError):
        save(service, customer_id, customer_name="Fjordkraft AS")
    assert [e.event for e in events(store)] == [EventType.ENTITY_CREATED]
    assert service.load(customer_id)["customer_name"] == "Fjordkraft Handel AS"


def test_a_refused_delete_logs_nothing_and_a_void_is_logged(
    service: CustomerService, store: Store
) -> None:
    documents = DocumentService(store, today=lambda: TODAY)
    customer_id = new_customer(service, "Fjordkraft Handel AS")
    invoice = enter(documents, customer_id, DocumentType.INVOICE, "100.00")
    with pytest.raises(RecordError, match="ledger document"):
        service.delete(customer_id)
    assert [e.event for e in events(store)] == [EventType.ENTITY_CREATED]
    documents.release(invoice)
    documents.void(invoice)
    assert changed(events(store)[-1]) == {"Status": ("Open", "Voided")}


def test_a_parent_s_flags_given_to_a_notified_child_are_logged_for_the_child(
    service: CustomerService, store: Store
) -> None:
    from app.ledger.child_accounts import CHILDREN_FOLLOW

    parent = new_customer(service, "Konsern AS", notified=False)
    child = new_customer(service, "Datter AS")
    save(service, child, parent_account=parent)
    loaded = service.load(parent)
    edits = {"consolidate_balance": True, CHILDREN_FOLLOW: ["consolidate_balance"]}
    service.save(parent, loaded | edits, loaded["version"], loaded)
    followed = events(store)[-1]
    assert followed.customer_id == child
    assert changed(followed) == {"Consolidate balance": (False, True)}
    assert {e.customer_id for e in events(store)} == {child}  # the parent is not notified


def test_a_location_saved_or_made_default_is_an_update_of_its_notified_customer(
    service: CustomerService, store: Store
) -> None:
    from app.ledger.locations import LocationService

    locations = LocationService(store)
    customer_id = new_customer(service, "Fjordkraft Handel AS")
    typed = locations.new_location_values(customer_id) | {"location_id": "OSLO"}
    oslo = locations.save(None, typed | {"location_name": "Oslo depot"})
    added = events(store)[-1]
    assert added.event == EventType.ENTITY_UPDATED
    assert changed(added)["Location OSLO (added), Location name"] == (None, "Oslo depot")
    loaded = locations.load(oslo)
    locations.save(oslo, loaded | {"location_name": "Oslo"}, loaded["version"], loaded)
    assert changed(events(store)[-1]) == {"Location OSLO, Location name": ("Oslo depot", "Oslo")}
    locations.set_as_default(oslo)
    assert changed(events(store)[-1]) == {"Default location": ("MAIN", "OSLO")}
    quiet = new_customer(service, "Quiet AS", notified=False)
    typed = locations.new_location_values(quiet) | {"location_id": "BERGEN"}
    before = len(events(store))
    locations.set_as_default(locations.save(None, typed))
    assert len(events(store)) == before  # not notified: nothing logged


# -- the customer's own records on windows of their own: contacts, payment methods, locations ---


def payment_method_id(store: Store, code: str) -> int:
    with store.session() as session:
        found = session.scalar(
            select(PaymentMethod.id).where(PaymentMethod.payment_method_id == code)
        )
        assert found is not None
        return found


def resaved(service: RecordService[Any], record_id: int, **edits: Any) -> None:
    loaded = service.load(record_id)
    service.save(record_id, loaded | edits, loaded["version"], loaded)


def test_every_change_of_a_contact_person_is_an_update_of_its_notified_customer(
    service: CustomerService, store: Store
) -> None:
    contacts = ContactService(store)
    customer_id = new_customer(service, "Fjordkraft Handel AS")
    other_id = new_customer(service, "Nordlys AS")
    start = len(events(store))

    kari = contacts.save(
        None, contacts.new_values() | {"customer": customer_id, "last_name": "Nordmann"}
    )
    added = events(store)[-1]
    assert (added.customer_id, added.event) == (customer_id, EventType.ENTITY_UPDATED)
    assert changed(added)["Contact 1 (Nordmann) (added), Last name"] == (None, "Nordmann")
    assert changed(added)["Contact 1 (Nordmann) (added), Customer"] == (None, "10001")

    resaved(contacts, kari, email="kari@fjordkraft.no")
    assert changed(events(store)[-1]) == {
        "Contact 1 (Nordmann), Email": (None, "kari@fjordkraft.no")
    }

    typed = contacts.new_values() | {"customer": customer_id, "last_name": "Berg"}
    ola = contacts.save(None, typed)
    contacts.set_as_default(ola, customer_id=customer_id)
    assert changed(events(store)[-1]) == {
        "Default contact": ("Contact 1 (Nordmann)", "Contact 2 (Berg)")
    }

    contacts.deactivate(kari, contacts.load(kari)["version"])
    assert changed(events(store)[-1]) == {"Contact 1 (Nordmann), Active": (True, False)}

    # Moved to another customer: both customers' logs say so.
    resaved(contacts, kari, customer=other_id)
    lost, gained = events(store)[-2:]
    assert {lost.customer_id, gained.customer_id} == {customer_id, other_id}
    for moved in (lost, gained):
        assert changed(moved)["Contact 1 (Nordmann), Customer"] == ("10001", "10002")

    contacts.delete(kari)
    deleted = events(store)[-1]
    assert (deleted.customer_id, deleted.event) == (other_id, EventType.ENTITY_UPDATED)
    gone = changed(deleted)
    assert gone["Contact 1 (Nordmann) (deleted), Last name"] == ("Nordmann", None)
    assert gone["Contact 1 (Nordmann) (deleted), Email"] == ("kari@fjordkraft.no", None)
    # One event per change (two added, changed, default, deactivated, deleted), two for the move.
    assert len(events(store)) == start + 8


def test_a_contact_of_a_customer_without_the_box_or_of_no_customer_logs_nothing(
    service: CustomerService, store: Store
) -> None:
    contacts = ContactService(store)
    quiet = new_customer(service, "Quiet AS", notified=False)
    before = len(events(store))
    contact = contacts.save(
        None, contacts.new_values() | {"customer": quiet, "last_name": "Stille"}
    )
    resaved(contacts, contact, email="stille@quiet.no")
    contacts.delete(contact)
    alone = contacts.save(None, contacts.new_values() | {"customer": None, "last_name": "Alene"})
    contacts.delete(alone)
    assert len(events(store)) == before


def test_every_change_of_a_customer_payment_method_is_an_update_of_its_customer(
    service: CustomerService, store: Store
) -> None:
    methods = CustomerPaymentMethodService(store)
    values = service.new_values() | {"customer_name": "Fjordkraft Handel AS"}
    no_method = {"webhook_notification": True, "default_payment_method": None, "cash_account": None}
    customer_id = service.save(None, values | no_method)
    bank_method = {"payment_method": payment_method_id(store, "BANK")}
    bank = methods.save(None, methods.new_method_values(customer_id) | bank_method)
    added = events(store)[-1]
    assert added.event == EventType.ENTITY_UPDATED
    assert changed(added)["Payment method BANK (added), Payment method"] == (None, "BANK")

    details = methods.method_changed(payment_method_id(store, "DIRDEBIT"), [])["details"]
    debit = methods.save(
        None,
        methods.new_method_values(customer_id)
        | {
            "payment_method": payment_method_id(store, "DIRDEBIT"),
            "details": [details[0] | {"value": "MND-1"}, details[1] | {"value": IBAN}],
        },
    )
    methods.set_as_default(debit)
    assert changed(events(store)[-1]) == {"Default payment method": ("BANK", "DIRDEBIT")}

    methods.deactivate(bank, methods.load(bank)["version"])
    assert changed(events(store)[-1]) == {"Payment method BANK, Active": (True, False)}
    methods.delete(bank)
    gone = events(store)[-1]
    assert gone.customer_id == customer_id
    assert changed(gone)["Payment method BANK (deleted), Payment method"] == ("BANK", None)


def test_a_location_deactivated_or_deleted_is_an_update_and_a_refused_delete_logs_nothing(
    service: CustomerService, store: Store
) -> None:
    locations = LocationService(store)
    customer_id = new_customer(service, "Fjordkraft Handel AS")
    typed = locations.new_location_values(customer_id) | {"location_id": "OSLO"}
    oslo = locations.save(None, typed | {"location_name": "Oslo depot"})
    main = locations.default_location_id(customer_id)
    assert main is not None
    before = len(events(store))
    with pytest.raises(RecordError, match="default location"):
        locations.delete(main)
    assert len(events(store)) == before  # refused: nothing logged

    locations.deactivate(oslo, locations.load(oslo)["version"])
    assert changed(events(store)[-1]) == {"Location OSLO, Active": (True, False)}
    locations.delete(oslo)
    deleted = events(store)[-1]
    assert (deleted.customer_id, deleted.event) == (customer_id, EventType.ENTITY_UPDATED)
    gone = changed(deleted)
    assert gone["Location OSLO (deleted), Location ID"] == ("OSLO", None)
    assert gone["Location OSLO (deleted), Location name"] == ("Oslo depot", None)
    # What an integration reads: the customer and what went.
    (notification,) = [
        n
        for n in _pending(store)
        if n.changes["changes"][0]["label"].startswith("Location OSLO (deleted)")
    ]
    assert notification.customer_no == "10001" and notification.event == "Entity updated"


def _pending(store: Store) -> list[webhooks.Notification]:
    with store.session() as session:
        return webhooks.pending_events(session)


def test_the_supplier_side_changes_the_customers_account_type_and_shared_address(
    service: CustomerService, store: Store
) -> None:
    suppliers = SupplierService(store)
    customer_id = new_customer(service, "Fjordkraft Handel AS")
    read = suppliers.extension_values(customer_id)
    supplier_id = suppliers.save(None, read | {EXTENDS_CUSTOMER: customer_id}, None, read)
    extended = events(store)[-1]
    assert (extended.customer_id, extended.event) == (customer_id, EventType.ENTITY_UPDATED)
    assert changed(extended) == {"Account type": ("Customer", "Customer and supplier")}

    # The main address is one row of the account: changed on the supplier, the customer's too.
    resaved(suppliers, supplier_id, main_address_city="Bergen", iban="NO93 8601 1117 947")
    assert changed(events(store)[-1]) == {"Main address, City": (None, "Bergen")}
    before = len(events(store))
    resaved(suppliers, supplier_id, iban=None)  # the supplier's own: not logged
    assert len(events(store)) == before

    suppliers.delete(supplier_id)
    assert changed(events(store)[-1]) == {"Account type": ("Customer and supplier", "Customer")}


def test_a_class_change_reaching_a_notified_customer_is_logged_for_it(
    service: CustomerService, store: Store
) -> None:
    notified = new_customer(service, "Fjordkraft Handel AS")
    new_customer(service, "Quiet AS", notified=False)
    classes = CustomerClassService(store)
    with store.session() as session:
        class_id = session.scalar(
            select(CustomerClass.id).where(CustomerClass.class_id == "DEFAULT")
        )
        group = RestrictionGroup(group_id="NORTH", description="North")
        session.add(group)
        session.commit()
        group_id = group.id
    assert class_id is not None
    before = len(events(store))

    # The class's mailings reach its customers' mailings that are not Overridden.
    loaded = classes.load(class_id)
    rows = [
        row | {"active": False} if row["mailing_id"] == "INVOICE" else row
        for row in loaded["mailings"]
    ]
    classes.save(class_id, loaded | {"mailings": rows}, loaded["version"], loaded)
    (mailings,) = events(store)[before:]
    assert mailings.customer_id == notified and mailings.event == EventType.ENTITY_UPDATED
    ((label, (old, new)),) = changed(mailings).items()
    assert label == "Mailings"  # as the customer's own save names the grid
    assert [row["Active"] for row in old if row["Mailing ID"] == "INVOICE"] == [True]
    assert [row["Active"] for row in new if row["Mailing ID"] == "INVOICE"] == [False]

    # Apply restriction settings moves the class's customers to its group.
    loaded = classes.load(class_id)
    classes.save(
        class_id, loaded | {"default_restriction_group": group_id}, loaded["version"], loaded
    )
    apply_restriction_settings(store, class_id)
    moved = events(store)[-1]
    assert moved.customer_id == notified
    assert changed(moved) == {"Restriction group": (None, "NORTH")}
    assert {e.customer_id for e in events(store)} == {notified}  # the quiet one: nothing
