"""The people of a customer account: the salespersons who sell to it (AR303000 Salespersons tab,
CR303010 Salespersons tab) and its contact persons (Contacts, CR302000); and the values of the
attributes its class asks of it (Attributes tab).

One salesperson row and one contact per customer is the default (DESIGN.md §4); the ledger keeps
the mark on exactly one (app/ledger/customer_salespersons.py, app/ledger/contacts.py).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, UniqueConstraint, cast, func, inspect
from sqlalchemy.orm import Mapped, column_property, mapped_column, relationship

from app.models.base import Base, MasterRecord, percent
from app.models.reference.sales import Salesperson

if TYPE_CHECKING:
    from app.models.customer import Customer
    from app.models.location import Location
    from app.models.reference.system import Attribute


class CustomerSalesperson(Base):
    """A salesperson assigned to a customer at one of its locations, with the commission the
    salesperson earns on its sales there."""

    __tablename__ = "customer_salesperson"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), index=True
    )
    salesperson_id: Mapped[int] = mapped_column(ForeignKey("salesperson.id"), index=True)
    # A location of the same customer (checked by the ledger); its rows go with the location.
    location_id: Mapped[int] = mapped_column(
        ForeignKey("location.id", ondelete="CASCADE"), index=True
    )
    commission_percent: Mapped[percent] = mapped_column(default=Decimal(0))
    is_default: Mapped[bool] = mapped_column(default=False)

    salesperson: Mapped[Salesperson] = relationship(lazy="joined")
    location: Mapped[Location] = relationship(lazy="joined", back_populates="salespersons")

    # Shown read-only beside the codes: they belong to the salesperson and the location.
    @property
    def name(self) -> str | None:
        return self.salesperson.name if self.salesperson is not None else None

    @property
    def location_name(self) -> str | None:
        return self.location.location_name if self.location is not None else None


class CustomerAttribute(Base):
    """The customer's value of one attribute (CS205000) its class asks for."""

    __tablename__ = "customer_attribute"
    __table_args__ = (UniqueConstraint("customer_id", "attribute_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    attribute_id: Mapped[int] = mapped_column(ForeignKey("attribute.id"), index=True)
    value: Mapped[str | None] = mapped_column(String(255))

    attribute: Mapped[Attribute] = relationship(lazy="joined")
    customer: Mapped[Customer] = relationship(back_populates="attributes")

    # Shown read-only beside the value: the attribute's, and its class's requirement.
    @property
    def description(self) -> str:
        return self.attribute.description

    @property
    def required(self) -> bool:
        """Whether the customer's class requires a value of the attribute."""
        customer_class = self.customer.customer_class if self.customer is not None else None
        return customer_class is not None and any(
            own.attribute_id == self.attribute_id and own.required
            for own in customer_class.attributes
        )


class ContactPerson(MasterRecord, Base):
    """A person at the business (Contacts, CR302000): a recipient a mailing can name."""

    __tablename__ = "contact_person"

    # The number a user selects the contact by; the next free one when a contact is first saved.
    contact_id: Mapped[int] = mapped_column(unique=True)
    customer_id: Mapped[int | None] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), index=True
    )
    # The contact persons are the business account's: its customer's (``customer_id``), and
    # only on an account without a customer its supplier's (app/ledger/contacts.py).
    supplier_id: Mapped[int | None] = mapped_column(
        ForeignKey("supplier.id", ondelete="CASCADE"), index=True
    )
    active: Mapped[bool] = mapped_column(default=True)
    is_default: Mapped[bool] = mapped_column(default=False)
    first_name: Mapped[str | None] = mapped_column(String(50))
    last_name: Mapped[str] = mapped_column(String(100), index=True)
    job_title: Mapped[str | None] = mapped_column(String(100))
    email: Mapped[str | None] = mapped_column(String(255))
    phone_1: Mapped[str | None] = mapped_column(String(50))
    phone_2: Mapped[str | None] = mapped_column(String(50))
    fax: Mapped[str | None] = mapped_column(String(50))
    address_1: Mapped[str | None] = mapped_column(String(50))
    postcode: Mapped[str | None] = mapped_column(String(20))
    city: Mapped[str | None] = mapped_column(String(50))
    country_id: Mapped[int | None] = mapped_column(ForeignKey("country.id"))

    def __repr__(self) -> str:
        return f"ContactPerson({self.contact_id!r}, {self.last_name!r})"


# Read with the contact, in SQL so lookups and lists search and sort by them: the name as the
# Contacts grid shows it (``Kari Nordmann``), and the contact ID as the text a lookup matches.
inspect(ContactPerson).add_property(
    "display_name",
    column_property(
        func.trim(func.coalesce(ContactPerson.first_name, "") + " " + ContactPerson.last_name)
    ),
)
inspect(ContactPerson).add_property(
    "code", column_property(cast(ContactPerson.contact_id, String(20)))
)
