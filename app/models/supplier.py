"""Suppliers (AP303000) and supplier classes: the supplier side of a business account.

Customers and suppliers share one space of account numbers (the product family's BIZACCT key):
a business that is both is one customer row and one supplier row linked 1:1
(``supplier.customer_id``, unique), holding the same number and name, and pointing at the
same main address and contact rows, so an edit on either screen is one row both show. A
supplier without a customer (or a customer without a supplier) stands alone; its number is
still not another account's (app/ledger/business_accounts.py checks both tables).

The account's contact persons are one set (``contact_person``: its customer's, or on an account
without a customer its supplier's); its attribute values are each side's own
(``supplier_attribute``, copied from the customer on Extend to supplier).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.address import Address, Contact
from app.models.base import (
    Base,
    MasterRecord,
    OptionEnum,
    code10,
    code30,
    text255,
    unique_regardless_of_case,
)
from app.models.customer import Customer

if TYPE_CHECKING:
    from app.models.reference.system import Attribute


class SupplierStatus(OptionEnum):
    ACTIVE = "Active"
    ON_HOLD = "On hold"
    HOLD_PAYMENTS = "Hold payments"
    INACTIVE = "Inactive"
    ONE_TIME = "One time"


class BusinessAccountType(OptionEnum):
    """What a business account is, shown on both screens and both list windows."""

    CUSTOMER = "Customer"
    SUPPLIER = "Supplier"
    CUSTOMER_AND_SUPPLIER = "Customer and supplier"


def _ref(table: str) -> Mapped[int | None]:
    return mapped_column(ForeignKey(f"{table}.id"))


class SupplierClass(MasterRecord, Base):
    """The defaults a new supplier (or a customer extended to one) takes: currency and payment
    settings and the supplier's accounts. One class is the default (``is_default``)."""

    __tablename__ = "supplier_class"

    class_id: Mapped[code10] = mapped_column(unique=True)
    description: Mapped[text255 | None]
    is_default: Mapped[bool] = mapped_column(default=False)
    currency_id: Mapped[int | None] = _ref("currency")
    currency_rate_type_id: Mapped[int | None] = _ref("rate_type")
    terms_id: Mapped[int | None] = _ref("payment_terms")
    payment_method_id: Mapped[int | None] = _ref("payment_method")
    cash_account_id: Mapped[int | None] = _ref("cash_account")
    supplier_ledger_account_id: Mapped[int | None] = _ref("gl_account")
    supplier_ledger_sub_id: Mapped[int | None] = _ref("subaccount")
    expense_account_id: Mapped[int | None] = _ref("gl_account")
    expense_sub_id: Mapped[int | None] = _ref("subaccount")

    def __repr__(self) -> str:
        return f"SupplierClass({self.class_id!r})"


class Supplier(MasterRecord, Base):
    __tablename__ = "supplier"

    supplier_no: Mapped[code30] = mapped_column(unique=True)
    name: Mapped[text255 | None] = mapped_column(index=True)
    status: Mapped[SupplierStatus] = mapped_column(default=SupplierStatus.ACTIVE)
    supplier_class_id: Mapped[int | None] = _ref("supplier_class")
    # The customer of the same business account; deleting it leaves the supplier standing.
    customer_id: Mapped[int | None] = mapped_column(
        ForeignKey("customer.id", ondelete="SET NULL"), unique=True
    )

    # Main address and contact: the customer's own rows while the account is both.
    main_address_id: Mapped[int | None] = _ref("address")
    main_contact_id: Mapped[int | None] = _ref("contact")

    # Financial settings
    terms_id: Mapped[int | None] = _ref("payment_terms")
    currency_id: Mapped[int | None] = _ref("currency")
    currency_rate_type_id: Mapped[int | None] = _ref("rate_type")
    vat_zone_id: Mapped[int | None] = _ref("vat_zone")
    document_language_id: Mapped[int | None] = _ref("language")

    # Payment settings: how the business is paid, and its bank account.
    payment_method_id: Mapped[int | None] = _ref("payment_method")
    cash_account_id: Mapped[int | None] = _ref("cash_account")
    iban: Mapped[str | None] = mapped_column(String(50))  # as typed, in groups of four
    bic: Mapped[str | None] = mapped_column(String(11))

    # General ledger accounts
    supplier_ledger_account_id: Mapped[int | None] = _ref("gl_account")
    supplier_ledger_sub_id: Mapped[int | None] = _ref("subaccount")
    expense_account_id: Mapped[int | None] = _ref("gl_account")
    expense_sub_id: Mapped[int | None] = _ref("subaccount")

    supplier_class: Mapped[SupplierClass | None] = relationship()
    customer: Mapped[Customer | None] = relationship()
    main_address: Mapped[Address | None] = relationship(foreign_keys=[main_address_id])
    main_contact: Mapped[Contact | None] = relationship(foreign_keys=[main_contact_id])
    # Attributes tab: the values taken from the customer on Extend to supplier, edited here.
    attributes: Mapped[list[SupplierAttribute]] = relationship(
        back_populates="supplier", cascade="all, delete-orphan", order_by="SupplierAttribute.id"
    )

    def __repr__(self) -> str:
        return f"Supplier({self.supplier_no!r})"


class SupplierAttribute(Base):
    """The supplier's value of one attribute (CS205000). Supplier classes ask for none: a
    supplier has the attributes its customer had when it was extended to a supplier."""

    __tablename__ = "supplier_attribute"
    __table_args__ = (UniqueConstraint("supplier_id", "attribute_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    supplier_id: Mapped[int] = mapped_column(ForeignKey("supplier.id", ondelete="CASCADE"))
    attribute_id: Mapped[int] = mapped_column(ForeignKey("attribute.id"), index=True)
    value: Mapped[str | None] = mapped_column(String(255))

    attribute: Mapped[Attribute] = relationship(lazy="joined")
    supplier: Mapped[Supplier] = relationship(back_populates="attributes")

    # Shown read-only beside the value: the attribute's, and whether it is required.
    @property
    def description(self) -> str:
        return self.attribute.description

    @property
    def required(self) -> bool:
        """Required as the customer's: when the class of the account's customer requires it."""
        customer = self.supplier.customer if self.supplier is not None else None
        customer_class = customer.customer_class if customer is not None else None
        return customer_class is not None and any(
            own.attribute_id == self.attribute_id and own.required
            for own in customer_class.attributes
        )


unique_regardless_of_case(Supplier.supplier_no)
unique_regardless_of_case(SupplierClass.class_id)
