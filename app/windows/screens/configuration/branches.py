"""Branches (CS102000): the company's branches, with their country and base currency, arranged
from the branch's definition (app/ledger/definitions/accounting.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from app.ledger.accounting import BranchService
from app.ledger.definitions.accounting import BRANCH
from app.models import Branch, Country, Currency
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Kind, ListColumn, RowSelect, Screen, Section, Tab
from app.windows.screens.configuration.reference_screen import reference_screen

LIST_COLUMNS = (
    ListColumn("branch_id", "Branch ID", width=110),
    ListColumn("name", "Branch name", width=240),
    ListColumn("country", "Country", width=80),
    ListColumn("currency", "Currency", width=80),
    ListColumn("active", "Active", Kind.CHECKBOX, width=70),
)


def list_query() -> RowSelect:
    return (
        select(
            Branch.id.label("id"),
            Branch.branch_id.label("branch_id"),
            Branch.name.label("name"),
            Country.country_id.label("country"),
            Currency.currency_id.label("currency"),
            Branch.active.label("active"),
        )
        .outerjoin(Country, Branch.country_id == Country.id)
        .outerjoin(Currency, Branch.currency_id == Currency.id)
    )


SCREEN = Screen(
    id="CS102000",
    title="Branches",
    model=Branch,
    help="The company's branches: documents, statements and cash accounts belong to one.",
    top=BRANCH.pick("branch_id", "branch_name", "country", "currency", "active"),
    # The sender printed on the branch's statements.
    tabs=(
        Tab(
            "Company details",
            sections=(
                Section(
                    "Company",
                    BRANCH.pick(
                        "company_name",
                        "address_line_1",
                        "address_line_2",
                        "postcode",
                        "city",
                        "organisation_no",
                        "vat_registration_id",
                    ),
                ),
                Section(
                    "Payment and contact",
                    BRANCH.pick("iban", "bic", "contact", "phone", "email", "logo"),
                    column=1,
                ),
            ),
        ),
    ),
    list_columns=LIST_COLUMNS,
    list_query=list_query,
    definition=BRANCH,
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(
        store, parent, SCREEN, code_key="branch_id", service_class=BranchService
    )
