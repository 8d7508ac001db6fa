"""Customers (AR303000): the customer account.

The Delivery settings and the sales accounts a user sees on the customer belong to its default
location (app/models/location.py); the customer reaches them through ``default_location``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, Index, String, case, func, inspect, text
from sqlalchemy.orm import Mapped, column_property, mapped_column, relationship

from app.models.address import Address, Contact
from app.models.base import (
    Base,
    MasterRecord,
    OptionEnum,
    code30,
    money,
    text255,
    unique_regardless_of_case,
)
from app.models.customer_class import CustomerClass
from app.models.options import (
    AutoLoadDocuments,
    CreditVerification,
    ModeOfTransportation,
)
from app.models.reference.payments import PaymentMethod, PaymentMethodDetail
from app.models.settings import AutoInvoiceRoute, PrintAndEmailSettings

if TYPE_CHECKING:
    from app.models.activity import Activity
    from app.models.location import Location
    from app.models.mailing import CustomerMailing
    from app.models.people import ContactPerson, CustomerAttribute, CustomerSalesperson
    from app.models.webhook import CustomerEvent


class CustomerStatus(OptionEnum):
    ACTIVE = "Active"
    ON_HOLD = "On hold"
    CREDIT_HOLD = "Credit hold"
    INACTIVE = "Inactive"
    ONE_TIME = "One time"


def _ref(table: str) -> Mapped[int | None]:
    return mapped_column(ForeignKey(f"{table}.id"))


class CustomerPaymentMethodDetail(Base):
    """A customer's value for one detail its payment method asks for (a bank account …)."""

    __tablename__ = "customer_payment_method_detail"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_payment_method_id: Mapped[int] = mapped_column(
        ForeignKey("customer_payment_method.id", ondelete="CASCADE")
    )
    payment_method_detail_id: Mapped[int] = mapped_column(
        ForeignKey("payment_method_detail.id", ondelete="CASCADE")
    )
    value: Mapped[str | None] = mapped_column(String(255))

    payment_method_detail: Mapped[PaymentMethodDetail] = relationship()

    @property
    def description(self) -> str:
        """The detail's name as the payment method defines it (IBAN, card number …)."""
        return self.payment_method_detail.description


class CustomerPaymentMethod(MasterRecord, Base):
    """A payment method the customer pays by; exactly one of a customer's is the default.

    A record of its own (Customer payment methods, AR303010), versioned so that AR303000 and
    AR303010 open on the same method never undo each other's saves.
    """

    __tablename__ = "customer_payment_method"
    __table_args__ = (
        # One default per customer, in the database too.
        Index(
            "uq_customer_payment_method_one_default",
            "customer_id",
            unique=True,
            sqlite_where=text("is_default"),
            postgresql_where=text("is_default"),
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    payment_method_id: Mapped[int | None] = _ref("payment_method")
    cash_account_id: Mapped[int | None] = _ref("cash_account")
    description: Mapped[text255 | None]
    account_used_for_payment: Mapped[str | None] = mapped_column(String(50))
    active: Mapped[bool] = mapped_column(default=True)
    is_default: Mapped[bool] = mapped_column(default=False)
    override: Mapped[bool] = mapped_column(default=False)

    details: Mapped[list[CustomerPaymentMethodDetail]] = relationship(
        cascade="all, delete-orphan", order_by=CustomerPaymentMethodDetail.id
    )
    customer: Mapped[Customer] = relationship(back_populates="payment_methods")
    payment_method: Mapped[PaymentMethod | None] = relationship()


class DirectDebitMandate(Base):
    """A direct debit mandate the customer signed (Direct debit tab; the Netherlands): the
    bank account it may be collected from, and at most one the default for sales invoices."""

    __tablename__ = "direct_debit_mandate"

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_id: Mapped[int] = mapped_column(
        ForeignKey("customer.id", ondelete="CASCADE"), index=True
    )
    # A SEPA mandate reference has at most 35 characters.
    mandate_id: Mapped[str] = mapped_column(String(35))
    description: Mapped[text255 | None]
    date_of_signature: Mapped[date | None]
    is_default: Mapped[bool] = mapped_column(default=False)
    one_time: Mapped[bool] = mapped_column(default=False)
    bic: Mapped[str | None] = mapped_column(String(11))
    iban: Mapped[str | None] = mapped_column(String(50))  # as typed, in groups of four
    last_collection_date: Mapped[date | None]
    max_amount: Mapped[money | None]
    expiration_date: Mapped[date | None]
    branch_id: Mapped[int | None] = mapped_column(ForeignKey("branch.id"))


class Customer(MasterRecord, PrintAndEmailSettings, AutoInvoiceRoute, Base):
    __tablename__ = "customer"

    customer_no: Mapped[code30] = mapped_column(unique=True)
    name: Mapped[text255 | None] = mapped_column(index=True)
    status: Mapped[CustomerStatus] = mapped_column(default=CustomerStatus.ACTIVE)
    customer_class_id: Mapped[int | None] = mapped_column(ForeignKey("customer_class.id"))
    restriction_group_id: Mapped[int | None] = _ref("restriction_group")

    # Main address and contact; invoicing shares them while "Same as main" is ticked.
    main_address_id: Mapped[int | None] = _ref("address")
    main_contact_id: Mapped[int | None] = _ref("contact")
    account_ref: Mapped[str | None] = mapped_column(String(50))
    invoice_address_id: Mapped[int | None] = _ref("address")
    invoice_contact_id: Mapped[int | None] = _ref("contact")
    invoice_address_same_as_main: Mapped[bool] = mapped_column(default=True)
    invoice_contact_same_as_main: Mapped[bool] = mapped_column(default=True)

    # Financial settings
    terms_id: Mapped[int | None] = _ref("payment_terms")
    statement_cycle_id: Mapped[int | None] = _ref("statement_cycle")
    document_language_id: Mapped[int | None] = _ref("language")
    apply_payments_automatically: Mapped[bool] = mapped_column(default=True)
    apply_overdue_charges: Mapped[bool] = mapped_column(default=False)
    enable_write_offs: Mapped[bool] = mapped_column(default=False)
    exclude_ec_sales_list: Mapped[bool] = mapped_column(default=False)
    write_off_limit: Mapped[money] = mapped_column(default=Decimal(0))
    currency_id: Mapped[int | None] = _ref("currency")
    enable_currency_override: Mapped[bool] = mapped_column(default=False)
    currency_rate_type_id: Mapped[int | None] = _ref("rate_type")
    enable_rate_override: Mapped[bool] = mapped_column(default=False)
    auto_load_documents: Mapped[AutoLoadDocuments] = mapped_column(
        default=AutoLoadDocuments.USE_CASH_MANAGEMENT_SETTINGS
    )
    exclude_debt_collection: Mapped[bool] = mapped_column(default=False)

    # Customer properties
    webhook_notification: Mapped[bool] = mapped_column(default=False)

    # Credit verification rules
    credit_verification: Mapped[CreditVerification] = mapped_column(
        default=CreditVerification.DISABLED
    )
    credit_limit: Mapped[money] = mapped_column(default=Decimal(0))
    credit_days_past_due: Mapped[int] = mapped_column(default=0)

    # Parent info
    parent_account_id: Mapped[int | None] = mapped_column(ForeignKey("customer.id"), index=True)
    consolidate_balance: Mapped[bool] = mapped_column(default=False)
    consolidate_statements: Mapped[bool] = mapped_column(default=False)
    shared_credit_policy: Mapped[bool] = mapped_column(default=False)

    # Other invoice settings (Finvoice, Finland): the Finvoice message's 35-character IDs.
    finvoice_contract_id: Mapped[str | None] = mapped_column(String(35))
    finvoice_intermediator_id: Mapped[str | None] = mapped_column(String(35))

    # Intrastat
    mode_of_transportation: Mapped[ModeOfTransportation | None]

    # General ledger accounts kept on the customer (sales, discount and freight accounts are
    # the default location's)
    customer_ledger_account_id: Mapped[int | None] = _ref("gl_account")
    customer_ledger_sub_id: Mapped[int | None] = _ref("subaccount")
    cash_discount_account_id: Mapped[int | None] = _ref("gl_account")
    cash_discount_sub_id: Mapped[int | None] = _ref("subaccount")
    prepayment_account_id: Mapped[int | None] = _ref("gl_account")
    prepayment_sub_id: Mapped[int | None] = _ref("subaccount")

    customer_class: Mapped[CustomerClass | None] = relationship()
    main_address: Mapped[Address | None] = relationship(foreign_keys=[main_address_id])
    main_contact: Mapped[Contact | None] = relationship(foreign_keys=[main_contact_id])
    invoice_address: Mapped[Address | None] = relationship(foreign_keys=[invoice_address_id])
    invoice_contact: Mapped[Contact | None] = relationship(foreign_keys=[invoice_contact_id])
    parent_account: Mapped[Customer | None] = relationship(remote_side="Customer.id")
    # The customers naming this one as their parent (the Child accounts tab), for reading.
    child_accounts: Mapped[list[Customer]] = relationship(
        primaryjoin="Customer.id == foreign(Customer.parent_account_id)",
        viewonly=True,
        order_by="Customer.customer_no",
    )
    locations: Mapped[list[Location]] = relationship(
        back_populates="customer", cascade="all, delete-orphan", order_by="Location.location_id"
    )
    payment_methods: Mapped[list[CustomerPaymentMethod]] = relationship(
        back_populates="customer", cascade="all, delete-orphan", order_by=CustomerPaymentMethod.id
    )
    mandates: Mapped[list[DirectDebitMandate]] = relationship(
        cascade="all, delete-orphan", order_by=DirectDebitMandate.id
    )
    # Salespersons tab: edited with the customer (one of them the default).
    salespersons: Mapped[list[CustomerSalesperson]] = relationship(
        cascade="all, delete-orphan", order_by="CustomerSalesperson.id"
    )
    # Attributes tab: the values of the attributes the customer's class asks for.
    attributes: Mapped[list[CustomerAttribute]] = relationship(
        back_populates="customer", cascade="all, delete-orphan", order_by="CustomerAttribute.id"
    )
    # Mailing settings tab: the customer's copies of its class's mailings, and its own.
    mailings: Mapped[list[CustomerMailing]] = relationship(
        back_populates="customer", cascade="all, delete-orphan", order_by="CustomerMailing.id"
    )
    # Contact persons (CR302000): records of their own, listed on the Contacts tab.
    contacts: Mapped[list[ContactPerson]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="ContactPerson.last_name"
    )
    # Activities (tasks, events, e-mails …): records of their own, listed on the Activities tab.
    activities: Mapped[list[Activity]] = relationship(
        back_populates="customer", cascade="all, delete-orphan", passive_deletes=True
    )
    # The change log of Webhook notifications (app/models/webhook.py), for reading: its rows
    # outlive the customer (the database clears their link), so the ORM never writes them here.
    webhook_notifications: Mapped[list[CustomerEvent]] = relationship(
        viewonly=True, order_by="CustomerEvent.id.desc()"
    )

    # The location and payment method marked default, for reading; the ledger sets the marks
    # (app/ledger/customers.py) on ``locations`` and ``payment_methods``.
    default_location: Mapped[Location | None] = relationship(
        primaryjoin="and_(Customer.id == foreign(Location.customer_id), Location.is_default)",
        viewonly=True,
        uselist=False,
    )
    default_payment_method: Mapped[CustomerPaymentMethod | None] = relationship(
        primaryjoin="and_(Customer.id == foreign(CustomerPaymentMethod.customer_id), "
        "CustomerPaymentMethod.is_default)",
        viewonly=True,
        uselist=False,
    )

    def __repr__(self) -> str:
        return f"Customer({self.customer_no!r})"


# The name as lookups show it: a customer on Credit hold is marked wherever it is selected.
inspect(Customer).add_property(
    "selection_name",
    column_property(
        case(
            (
                Customer.status == CustomerStatus.CREDIT_HOLD,
                func.coalesce(Customer.name, "") + " (Credit hold)",
            ),
            else_=Customer.name,
        )
    ),
)


unique_regardless_of_case(Customer.customer_no)
