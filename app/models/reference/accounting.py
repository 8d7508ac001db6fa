"""Branches, the chart of accounts (GL202500), subaccounts, the subaccount's segmented key
(CS202000) and cash accounts (CA202000)."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import (
    Base,
    MasterRecord,
    OptionEnum,
    code10,
    code30,
    text255,
    unique_regardless_of_case,
)


class AccountType(OptionEnum):
    ASSET = "Asset"
    LIABILITY = "Liability"
    INCOME = "Income"
    EXPENSE = "Expense"


class Branch(MasterRecord, Base):
    __tablename__ = "branch"

    branch_id: Mapped[code30] = mapped_column(unique=True)
    name: Mapped[text255]
    country_id: Mapped[int | None] = mapped_column(ForeignKey("country.id"))
    currency_id: Mapped[int | None] = mapped_column(ForeignKey("currency.id"))
    active: Mapped[bool] = mapped_column(default=True)

    # Company details: the sender printed on the branch's statements (and invoices).
    company_name: Mapped[str | None] = mapped_column(String(255))
    address_line_1: Mapped[str | None] = mapped_column(String(50))
    address_line_2: Mapped[str | None] = mapped_column(String(50))
    postcode: Mapped[str | None] = mapped_column(String(20))
    city: Mapped[str | None] = mapped_column(String(50))
    organisation_no: Mapped[str | None] = mapped_column(String(50))
    vat_registration_id: Mapped[str | None] = mapped_column(String(50))
    iban: Mapped[str | None] = mapped_column(String(50))
    bic: Mapped[str | None] = mapped_column(String(11))
    contact_name: Mapped[str | None] = mapped_column(String(255))
    phone: Mapped[str | None] = mapped_column(String(50))
    email: Mapped[str | None] = mapped_column(String(255))
    logo_path: Mapped[str | None] = mapped_column(String(1000))


unique_regardless_of_case(Branch.branch_id)


class GlAccount(MasterRecord, Base):
    __tablename__ = "gl_account"

    account: Mapped[code10] = mapped_column(unique=True)
    description: Mapped[text255]
    account_type: Mapped[AccountType]
    active: Mapped[bool] = mapped_column(default=True)


unique_regardless_of_case(GlAccount.account)


class Subaccount(MasterRecord, Base):
    __tablename__ = "subaccount"

    subaccount_id: Mapped[code30] = mapped_column(unique=True)
    description: Mapped[text255]
    active: Mapped[bool] = mapped_column(default=True)


unique_regardless_of_case(Subaccount.subaccount_id)


class KeySegment(Base):
    """One segment of a segmented key: its number (1, 2 …, left to right) and its length."""

    __tablename__ = "key_segment"

    id: Mapped[int] = mapped_column(primary_key=True)
    segmented_key_id: Mapped[int] = mapped_column(
        ForeignKey("segmented_key.id", ondelete="CASCADE")
    )
    segment_number: Mapped[int] = mapped_column(default=1)
    description: Mapped[str | None] = mapped_column(String(50))
    length: Mapped[int] = mapped_column(default=1)


class SegmentedKey(MasterRecord, Base):
    """The structure of an ID made of segments (CS202000). Only SUBACCOUNT is kept: it gives
    subaccount IDs their form and Combine sales sub. from (AR101000) its number of letters."""

    __tablename__ = "segmented_key"

    key_id: Mapped[code10] = mapped_column(unique=True)
    description: Mapped[text255 | None]

    segments: Mapped[list[KeySegment]] = relationship(
        cascade="all, delete-orphan", order_by=KeySegment.segment_number
    )


unique_regardless_of_case(SegmentedKey.key_id)


class CashAccount(MasterRecord, Base):
    __tablename__ = "cash_account"

    cash_account_id: Mapped[code10] = mapped_column(unique=True)
    description: Mapped[text255]
    branch_id: Mapped[int | None] = mapped_column(ForeignKey("branch.id"))
    gl_account_id: Mapped[int] = mapped_column(ForeignKey("gl_account.id"))
    subaccount_id: Mapped[int | None] = mapped_column(ForeignKey("subaccount.id"))
    currency_id: Mapped[int] = mapped_column(ForeignKey("currency.id"))
    # Bank account number shown on documents (IBAN where the bank has one).
    bank_account: Mapped[str | None] = mapped_column(String(50))
    active: Mapped[bool] = mapped_column(default=True)


unique_regardless_of_case(CashAccount.cash_account_id)
