"""The contact person record (Contacts, CR302000): what each of its fields means.

AR303000's and AP303000's Contacts tabs list a business account's contacts; they are added and
edited here.
"""

from __future__ import annotations

from app.ledger.contacts import CONTACT_ID, CUSTOMER, SUPPLIER
from app.ledger.fields import Definition, Field, Kind
from app.ledger.sources import CONTACT_PERSONS, COUNTRIES, CUSTOMERS, SUPPLIERS
from app.ledger.validation import email_problem
from app.models import ContactPerson

FIELDS: tuple[Field, ...] = (
    # Not required: left empty, saving takes the next free number.
    Field(
        CONTACT_ID,
        "Contact ID",
        Kind.LOOKUP,
        lookup=CONTACT_PERSONS,
        help="The number the contact is selected by: type or select an existing contact to show "
        "it; left empty, a new contact takes the next free number when first saved.",
    ),
    Field(
        CUSTOMER,
        "Customer",
        Kind.LOOKUP,
        attr="customer_id",
        lookup=CUSTOMERS,
        help="The customer the contact person works for.",
    ),
    Field(
        SUPPLIER,
        "Supplier",
        Kind.LOOKUP,
        attr="supplier_id",
        lookup=SUPPLIERS,
        read_only=True,
        help="The supplier of the business account the contact person works for: its contacts "
        "are one set, listed on the customer's and the supplier's Contacts tabs.",
    ),
    Field("first_name", "First name", Kind.TEXT),
    Field("last_name", "Last name", Kind.TEXT, required=True),
    Field("job_title", "Job title", Kind.TEXT, help="The contact person's position."),
    Field(
        "active",
        "Active",
        Kind.CHECKBOX,
        help="Active contacts receive mailings and can be the customer's default contact.",
    ),
    Field(
        "is_default",
        "Is default",
        Kind.CHECKBOX,
        read_only=True,
        help="The customer's default contact (one per customer), moved by Set as default.",
    ),
    Field(
        "email",
        "Email",
        Kind.TEXT,
        validators=(email_problem,),
        help="The contact person's email address: where mailings naming the contact go.",
    ),
    Field("phone_1", "Phone 1", Kind.TEXT),
    Field("phone_2", "Phone 2", Kind.TEXT),
    Field("fax", "Fax", Kind.TEXT),
    Field("address_1", "Address 1", Kind.TEXT),
    Field("postcode", "Postcode", Kind.TEXT),
    Field("city", "City", Kind.TEXT),
    Field("country", "Country", Kind.LOOKUP, attr="country_id", lookup=COUNTRIES),
)

CONTACT = Definition("contact", ContactPerson, FIELDS)
