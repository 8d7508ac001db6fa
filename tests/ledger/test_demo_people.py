"""The demo company's people, attributes and mailings: salespersons (each class's Salesperson
ID), the customers' salespersons, contact persons, attribute values and mailings, as the rules
of AR303000, CR303010 and CR302000 want them (tests/screens/test_generated_data.py validates
every record through the screens' services)."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import select

from app.ledger.customer_mailings import class_rows, identity, same_as, stored_row
from app.ledger.demo import create_demo_company
from app.ledger.validation import email_problem
from app.models import ContactPerson, Customer, CustomerSalesperson, Location
from app.models.database import Store
from app.models.options import ContactType


def test_each_customer_has_its_classs_salesperson_as_its_one_default(store: Store) -> None:
    create_demo_company(store, customers=300, seed=5)
    with store.session() as session:
        customers = session.scalars(select(Customer)).all()
        rows = session.scalars(select(CustomerSalesperson)).all()
        location_of = dict(session.execute(select(Location.id, Location.customer_id)).all())
        defaults = Counter(row.customer_id for row in rows if row.is_default)
        assert all(defaults[customer.id] == 1 for customer in customers)
        by_customer = {customer.id: customer for customer in customers}
        for row in rows:
            customer = by_customer[row.customer_id]
            assert location_of[row.location_id] == customer.id  # a location of its own
            assert 0 <= row.commission_percent <= 100
            if row.is_default:
                assert customer.customer_class is not None
                assert row.salesperson_id == customer.customer_class.salesperson_id
        assert len(rows) > len(customers)  # some customers have a second salesperson


def test_customers_have_contact_persons_with_one_active_default(store: Store) -> None:
    create_demo_company(store, customers=300, seed=5)
    with store.session() as session:
        contacts = session.scalars(select(ContactPerson)).all()
        assert len(contacts) > 300
        assert len({c.contact_id for c in contacts}) == len(contacts)
        defaults = Counter(c.customer_id for c in contacts if c.is_default)
        with_contacts = {c.customer_id for c in contacts}
        assert all(defaults[customer_id] == 1 for customer_id in with_contacts)
        assert all(c.active for c in contacts if c.is_default)
        assert any(not c.active for c in contacts)
        assert all(c.last_name and email_problem(c.email) is None for c in contacts)
        assert sum(1 for c in contacts if c.email) > 0.8 * len(contacts)


def test_customers_answer_their_classs_attributes(store: Store) -> None:
    create_demo_company(store, customers=300, seed=5)
    with store.session() as session:
        customers = session.scalars(select(Customer)).all()
        for customer in customers:
            assert customer.customer_class is not None
            answered = {row.attribute_id: row.value for row in customer.attributes}
            for own in customer.customer_class.attributes:
                if own.required:
                    assert answered.get(own.attribute_id), customer.customer_no
            segment = [
                row for row in customer.attributes if row.attribute.attribute_id == "SEGMENT"
            ]
            offered = {v.value_id for s in segment for v in s.attribute.values}
            assert all(row.value in offered for row in segment)
        assert sum(len(c.attributes) for c in customers) > len(customers) / 2


def test_customers_have_their_classs_mailings_some_with_a_contact_of_their_own(
    store: Store,
) -> None:
    create_demo_company(store, customers=300, seed=5)
    with store.session() as session:
        customers = session.scalars(select(Customer)).all()
        own_contacts = {c.id: c.customer_id for c in session.scalars(select(ContactPerson)).all()}
        named, overridden = 0, 0
        for customer in customers:
            by_class = {
                identity(row): row for row in class_rows(session, customer.customer_class_id)
            }
            mine = {
                identity({"mailing_id": m.mailing_id, "branch": m.branch_id}): m
                for m in customer.mailings
            }
            assert set(mine) == set(by_class), customer.customer_no  # every class mailing
            for key, mailing in mine.items():
                # Overridden exactly when it differs from the class's (as a save marks it).
                assert mailing.overridden == (not same_as(stored_row(mailing), by_class[key]))
                overridden += mailing.overridden
                for recipient in mailing.recipients:
                    assert not (recipient.to and recipient.bcc)
                    if recipient.contact_type == ContactType.CONTACT:
                        assert own_contacts[recipient.contact_person_id] == customer.id
                        named += 1
        assert named > 10 and overridden > named
