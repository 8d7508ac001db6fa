"""Customer classes (AR201000): the defaults a new customer starts from."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import (
    Base,
    MasterRecord,
    code10,
    money,
    percent,
    text255,
    unique_regardless_of_case,
)
from app.models.mailing import MailingColumns, RecipientColumns
from app.models.options import CreditVerification, ExportType, ShippingRule
from app.models.settings import AutoInvoiceRoute, PrintAndEmailSettings

if TYPE_CHECKING:
    from app.models.reference.system import Attribute, ControlType


def _ref(table: str) -> Mapped[int | None]:
    return mapped_column(ForeignKey(f"{table}.id"))


class ClassAttribute(Base):
    """An attribute customers of the class carry (Attributes tab)."""

    __tablename__ = "class_attribute"
    __table_args__ = (UniqueConstraint("customer_class_id", "attribute_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_class_id: Mapped[int] = mapped_column(
        ForeignKey("customer_class.id", ondelete="CASCADE")
    )
    attribute_id: Mapped[int] = mapped_column(ForeignKey("attribute.id"))
    sort_order: Mapped[int] = mapped_column(default=0)
    required: Mapped[bool] = mapped_column(default=False)
    internal: Mapped[bool] = mapped_column(default=False)
    default_value: Mapped[str | None] = mapped_column(String(255))

    attribute: Mapped[Attribute] = relationship(lazy="joined")

    # Shown read-only in the class's Attributes grid: they belong to the attribute (CS205000).
    @property
    def description(self) -> str:
        return self.attribute.description

    @property
    def control_type(self) -> ControlType:
        return self.attribute.control_type


class ClassRecipient(RecipientColumns, Base):
    __tablename__ = "class_recipient"

    id: Mapped[int] = mapped_column(primary_key=True)
    class_mailing_id: Mapped[int] = mapped_column(
        ForeignKey("class_mailing.id", ondelete="CASCADE")
    )


class ClassMailing(MailingColumns, Base):
    __tablename__ = "class_mailing"
    __table_args__ = (UniqueConstraint("customer_class_id", "mailing_id", "branch_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    customer_class_id: Mapped[int] = mapped_column(
        ForeignKey("customer_class.id", ondelete="CASCADE")
    )
    branch_id: Mapped[int | None] = _ref("branch")

    recipients: Mapped[list[ClassRecipient]] = relationship(
        cascade="all, delete-orphan", order_by=ClassRecipient.id
    )


class CustomerClass(MasterRecord, PrintAndEmailSettings, AutoInvoiceRoute, Base):
    __tablename__ = "customer_class"

    class_id: Mapped[code10] = mapped_column(unique=True)
    description: Mapped[text255 | None]

    # Default general settings
    country_id: Mapped[int | None] = _ref("country")
    vat_zone_id: Mapped[int | None] = _ref("vat_zone")
    require_vat_zone: Mapped[bool] = mapped_column(default=False)
    default_location_id_from_branch: Mapped[bool] = mapped_column(default=False)
    default_restriction_group_id: Mapped[int | None] = _ref("restriction_group")
    salesperson_id: Mapped[int | None] = _ref("salesperson")
    export_type: Mapped[ExportType] = mapped_column(default=ExportType.DOMESTIC)
    document_language_id: Mapped[int | None] = _ref("language")
    currency_id: Mapped[int | None] = _ref("currency")
    enable_currency_override: Mapped[bool] = mapped_column(default=False)
    currency_rate_type_id: Mapped[int | None] = _ref("rate_type")
    enable_rate_override: Mapped[bool] = mapped_column(default=False)
    group_document_discount_limit: Mapped[percent] = mapped_column(default=Decimal(0))
    price_class_id: Mapped[int | None] = _ref("price_class")

    # Default delivery settings
    ship_via_id: Mapped[int | None] = _ref("carrier")
    shipping_terms_id: Mapped[int | None] = _ref("shipping_terms")
    shipping_rule: Mapped[ShippingRule] = mapped_column(default=ShippingRule.BACK_ORDERS_ALLOWED)
    warning_when_missing_vat_registration_id: Mapped[bool] = mapped_column(default=False)
    warning_when_missing_corporate_id: Mapped[bool] = mapped_column(default=False)

    # Default credit verification settings
    credit_verification: Mapped[CreditVerification] = mapped_column(
        default=CreditVerification.DISABLED
    )
    credit_limit: Mapped[money] = mapped_column(default=Decimal(0))
    amount_over_limit: Mapped[money] = mapped_column(default=Decimal(0))
    credit_days_past_due: Mapped[int] = mapped_column(default=0)

    # Default financial and payment settings
    terms_id: Mapped[int | None] = _ref("payment_terms")
    statement_cycle_id: Mapped[int | None] = _ref("statement_cycle")
    payment_method_id: Mapped[int | None] = _ref("payment_method")
    apply_payments_automatically: Mapped[bool] = mapped_column(default=True)
    apply_overdue_charges: Mapped[bool] = mapped_column(default=False)
    overdue_charge_id: Mapped[int | None] = _ref("overdue_charge")
    enable_write_offs: Mapped[bool] = mapped_column(default=False)
    write_off_limit: Mapped[money] = mapped_column(default=Decimal(0))
    exclude_debt_collection: Mapped[bool] = mapped_column(default=False)

    # Default customer properties
    webhook_notification: Mapped[bool] = mapped_column(default=False)

    # General ledger accounts
    customer_ledger_account_id: Mapped[int | None] = _ref("gl_account")
    customer_ledger_sub_id: Mapped[int | None] = _ref("subaccount")
    cash_discount_account_id: Mapped[int | None] = _ref("gl_account")
    cash_discount_sub_id: Mapped[int | None] = _ref("subaccount")
    sales_account_id: Mapped[int | None] = _ref("gl_account")
    sales_non_taxable_account_id: Mapped[int | None] = _ref("gl_account")
    sales_eu_account_id: Mapped[int | None] = _ref("gl_account")
    sales_export_account_id: Mapped[int | None] = _ref("gl_account")
    sales_sub_id: Mapped[int | None] = _ref("subaccount")
    discount_account_id: Mapped[int | None] = _ref("gl_account")
    discount_sub_id: Mapped[int | None] = _ref("subaccount")
    prepayment_account_id: Mapped[int | None] = _ref("gl_account")
    prepayment_sub_id: Mapped[int | None] = _ref("subaccount")
    freight_account_id: Mapped[int | None] = _ref("gl_account")
    freight_sub_id: Mapped[int | None] = _ref("subaccount")
    unrealised_gain_account_id: Mapped[int | None] = _ref("gl_account")
    unrealised_gain_sub_id: Mapped[int | None] = _ref("subaccount")
    unrealised_loss_account_id: Mapped[int | None] = _ref("gl_account")
    unrealised_loss_sub_id: Mapped[int | None] = _ref("subaccount")

    attributes: Mapped[list[ClassAttribute]] = relationship(
        cascade="all, delete-orphan", order_by=ClassAttribute.sort_order
    )
    mailings: Mapped[list[ClassMailing]] = relationship(
        cascade="all, delete-orphan", order_by=ClassMailing.id
    )

    def __repr__(self) -> str:
        return f"CustomerClass({self.class_id!r})"


unique_regardless_of_case(CustomerClass.class_id)
