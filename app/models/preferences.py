"""Customer ledger preferences (AR101000): one record for the company."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, MasterRecord, OptionEnum, money, text255
from app.models.customer_class import CustomerClass
from app.models.mailing import MailingColumns, RecipientColumns

PREFERENCES_ID = 1


def _ref(table: str) -> Mapped[int | None]:
    return mapped_column(ForeignKey(f"{table}.id"))


# Option lists the seed lost, completed as the product family has them (tooltips say so).
class RoundingRule(OptionEnum):
    USE_CURRENCY_PRECISION = "Use currency precision"
    NEAREST = "Nearest"
    UP = "Up"
    DOWN = "Down"


class RoundingPrecision(OptionEnum):
    P0_05 = "0.05"
    P0_10 = "0.10"
    P0_50 = "0.50"
    P1_00 = "1.00"
    P10_00 = "10.00"
    P100_00 = "100.00"


class CommissionBy(OptionEnum):
    INVOICE = "Invoice"
    PAYMENT = "Payment"


class CommissionPeriodType(OptionEnum):
    MONTHLY = "Monthly"
    QUARTERLY = "Quarterly"
    YEARLY = "Yearly"
    BY_FINANCIAL_PERIOD = "By financial period"


class RetentionType(OptionEnum):
    LAST_PRICE = "Last price"
    FIXED_NUMBER_OF_MONTHS = "Fixed number of months"


class LineDiscountBasis(OptionEnum):
    ITEM_PRICE = "Item price"
    EXTENDED_ITEM_PRICE = "Extended item price"


class QuantityDiscountTarget(OptionEnum):
    """The unit of measure a quantity discount's break points are counted in (the product
    family's list; the seed lost it)."""

    DOCUMENT_LINE_UOM = "Document line UOM"
    BASE_UOM = "Base UOM"


class DunningProcess(OptionEnum):
    BY_CUSTOMER = "By customer"
    BY_DOCUMENT = "By document"


class DunningLevel(Base):
    """One level of the dunning letter sequence (Dunning settings tab)."""

    __tablename__ = "dunning_level"

    id: Mapped[int] = mapped_column(primary_key=True)
    preferences_id: Mapped[int] = mapped_column(
        ForeignKey("preferences.id", ondelete="CASCADE"), index=True
    )
    dunning_letter_level: Mapped[int]
    days_past_due: Mapped[int] = mapped_column(default=0)
    days_to_settle: Mapped[int] = mapped_column(default=0)
    description: Mapped[text255 | None]
    dunning_fee: Mapped[money] = mapped_column(default=Decimal(0))
    days_to_due: Mapped[int] = mapped_column(default=0)
    report_text_id: Mapped[int | None] = _ref("report_text")


class DefaultRecipient(RecipientColumns, Base):
    __tablename__ = "default_recipient"

    id: Mapped[int] = mapped_column(primary_key=True)
    default_source_id: Mapped[int] = mapped_column(
        ForeignKey("default_source.id", ondelete="CASCADE")
    )


class DefaultSource(MailingColumns, Base):
    """A mailing of the customer ledger (INVOICE, STATEMENT …) with its defaults."""

    __tablename__ = "default_source"
    __table_args__ = (UniqueConstraint("preferences_id", "mailing_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    preferences_id: Mapped[int] = mapped_column(
        ForeignKey("preferences.id", ondelete="CASCADE"), index=True
    )

    recipients: Mapped[list[DefaultRecipient]] = relationship(
        cascade="all, delete-orphan", order_by=DefaultRecipient.id
    )


class Preferences(MasterRecord, Base):
    __tablename__ = "preferences"

    # Number series
    gl_batch_number_series_id: Mapped[int | None] = _ref("number_series")
    invoice_number_series_id: Mapped[int | None] = _ref("number_series")
    payment_number_series_id: Mapped[int | None] = _ref("number_series")
    debit_note_number_series_id: Mapped[int | None] = _ref("number_series")
    credit_note_number_series_id: Mapped[int | None] = _ref("number_series")
    write_off_number_series_id: Mapped[int | None] = _ref("number_series")
    overdue_charge_number_series_id: Mapped[int | None] = _ref("number_series")
    price_worksheet_number_series_id: Mapped[int | None] = _ref("number_series")
    dunning_fee_number_series_id: Mapped[int | None] = _ref("number_series")

    # Posting settings
    automatically_post_on_release: Mapped[bool] = mapped_column(default=True)
    post_summary_when_updating_gl: Mapped[bool] = mapped_column(default=False)
    activate_migration_mode: Mapped[bool] = mapped_column(default=False)

    # Data entry settings
    default_customer_class_id: Mapped[int | None] = _ref("customer_class")
    combine_sales_sub_from: Mapped[str | None] = mapped_column(String(30))
    rounding_rule_for_invoices: Mapped[RoundingRule] = mapped_column(
        default=RoundingRule.USE_CURRENCY_PRECISION
    )
    rounding_precision: Mapped[RoundingPrecision | None]
    hold_documents_on_entry: Mapped[bool] = mapped_column(default=True)
    validate_document_totals_on_entry: Mapped[bool] = mapped_column(default=False)
    require_payment_reference_on_entry: Mapped[bool] = mapped_column(default=True)
    hold_document_on_failed_credit_check: Mapped[bool] = mapped_column(default=True)
    require_printing_before_release: Mapped[bool] = mapped_column(default=False)
    require_emailing_before_release: Mapped[bool] = mapped_column(default=False)

    # Payment settings
    automatic_payment_method_id: Mapped[int | None] = _ref("payment_method")
    manual_payment_method_id: Mapped[int | None] = _ref("payment_method")

    # Overdue charge settings
    age_credits: Mapped[bool] = mapped_column(default=False)
    overdue_charges_by_statement_cycle: Mapped[bool] = mapped_column(default=False)
    calculate_on_overdue_charge_documents: Mapped[bool] = mapped_column(default=False)
    apply_payments_to_overdue_charges_first: Mapped[bool] = mapped_column(default=False)

    # Salesperson commission settings
    salesperson_commission_by: Mapped[CommissionBy] = mapped_column(default=CommissionBy.INVOICE)
    commission_period_type: Mapped[CommissionPeriodType] = mapped_column(
        default=CommissionPeriodType.MONTHLY
    )

    # Statement settings
    consolidate_statements_for_all_branches: Mapped[bool] = mapped_column(default=False)
    statement_from_branch_id: Mapped[int | None] = _ref("branch")
    consolidate_dunning_letters_for_all_branches: Mapped[bool] = mapped_column(default=False)
    dunning_letter_from_branch_id: Mapped[int | None] = _ref("branch")

    # Write-off settings
    reason_code_balance_write_off_id: Mapped[int | None] = _ref("reason_code")
    reason_code_credit_write_off_id: Mapped[int | None] = _ref("reason_code")

    # VAT on cash discount
    automatically_release_credit_notes: Mapped[bool] = mapped_column(default=False)
    credit_note_description: Mapped[text255 | None]

    # Payment message
    payment_message_prefix: Mapped[str | None] = mapped_column(String(30))

    # Price and discount settings
    default_rate_type_id: Mapped[int | None] = _ref("rate_type")
    always_calculate_price_from_base_currency: Mapped[bool] = mapped_column(default=False)
    load_sales_prices_by_alternative_item_id: Mapped[bool] = mapped_column(default=False)
    retention_type: Mapped[RetentionType] = mapped_column(
        default=RetentionType.FIXED_NUMBER_OF_MONTHS
    )
    number_of_months: Mapped[int] = mapped_column(default=0)
    line_discount_basis: Mapped[LineDiscountBasis] = mapped_column(
        default=LineDiscountBasis.ITEM_PRICE
    )
    apply_quantity_discounts_to: Mapped[QuantityDiscountTarget] = mapped_column(
        default=QuantityDiscountTarget.DOCUMENT_LINE_UOM
    )
    apply_line_discounts_specific_to: Mapped[bool] = mapped_column(default=False)

    # Dunning settings
    dunning_process: Mapped[DunningProcess] = mapped_column(default=DunningProcess.BY_CUSTOMER)
    automatically_release_dunning_letters: Mapped[bool] = mapped_column(default=False)
    include_other_unpaid_documents: Mapped[bool] = mapped_column(default=False)
    include_credit_note_documents: Mapped[bool] = mapped_column(default=False)
    dunning_fee_item_id: Mapped[int | None] = _ref("non_stock_item")
    automatically_release_dunning_fee_documents: Mapped[bool] = mapped_column(default=False)

    default_customer_class: Mapped[CustomerClass | None] = relationship(
        foreign_keys=[default_customer_class_id]
    )
    dunning_levels: Mapped[list[DunningLevel]] = relationship(
        cascade="all, delete-orphan", order_by=DunningLevel.dunning_letter_level
    )
    default_sources: Mapped[list[DefaultSource]] = relationship(
        cascade="all, delete-orphan", order_by=DefaultSource.id
    )
