"""Branches, the chart of accounts (GL202500), subaccounts and cash accounts (CA202000)."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

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
