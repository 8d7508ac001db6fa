"""Customer classes (AR201000): the defaults a new customer takes from its class, arranged from
the class's definition (app/ledger/definitions/customer_class.py), whose on-change rules the
screen runs, with the screen's own action.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from app.ledger import autoinvoice
from app.ledger.class_mailings import RECIPIENTS
from app.ledger.customer_classes import ATTRIBUTES, MAILINGS, CustomerClassService
from app.ledger.definitions.customer_class import CUSTOMER_CLASS
from app.ledger.records import RecordError
from app.ledger.restriction import apply_restriction_settings
from app.models import CustomerClass
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Action, ListColumn, RowSelect, Screen, Section, Tab

SCREEN_ID = "AR201000"
pick = CUSTOMER_CLASS.pick

GENERAL_SETTINGS = Section(
    "Default general settings",
    pick(
        "country",
        "vat_zone_id",
        "require_vat_zone",
        "default_location_id_from_branch",
        "default_restriction_group",
        "salesperson_id",
        "export_type",
        "document_language",
        "currency_id",
        "enable_currency_override",
        "currency_rate_type",
        "enable_rate_override",
        "group_document_discount_limit_percent",
        "price_class_id",
    ),
)

DELIVERY_SETTINGS = Section(
    "Default delivery settings",
    pick(
        "ship_via",
        "shipping_terms",
        "shipping_rule",
        "warning_when_missing_vat_registration_id",
        "warning_when_missing_corporate_id",
    ),
)

CREDIT_VERIFICATION_SETTINGS = Section(
    "Default credit verification settings",
    pick("credit_verification", "credit_limit", "amount_over_limit", "credit_days_past_due"),
)

FINANCIAL_SETTINGS = Section(
    "Default financial and payment settings",
    pick(
        "terms",
        "statement_cycle_id",
        "payment_method",
        "apply_payments_automatically",
        "apply_overdue_charges",
        "overdue_charge_id",
        "enable_write_offs",
        "write_off_limit",
        "exclude_debt_collection",
    ),
    column=1,
)

CUSTOMER_PROPERTIES = Section(
    "Default customer properties",
    pick("webhook_notification"),
    column=1,
)

PRINT_AND_EMAIL_SETTINGS = Section(
    "Default print and email settings",
    pick(
        "print_invoices",
        "send_invoices_by_email",
        "print_dunning_letters",
        "send_dunning_letters_by_email",
        "print_statements",
        "send_statements_by_email",
        "multi_currency_statements",
        "statement_type",
    ),
    column=1,
)

AUTOINVOICE_ROUTE = Section(
    "Send AutoInvoice Route",
    pick(
        autoinvoice.SEND,
        autoinvoice.SEND_AS_BANKING_EINVOICE,
        autoinvoice.PRINT,
        autoinvoice.EXCLUDE_INVOICE_PDF,
        autoinvoice.USE_FIRST_ATTACHMENT,
    ),
    column=1,
)

GENERAL_LEDGER_ACCOUNTS = Section(
    "",  # the seed's tab has one untitled list of accounts
    pick(
        "customer_ledger_account",
        "customer_ledger_sub",
        "cash_discount_account",
        "cash_discount_sub",
        "sales_account",
        "sales_non_taxable_account",
        "sales_eu_account",
        "sales_export_account",
        "sales_sub",
        "discount_account",
        "discount_sub",
        "prepayment_account",
        "prepayment_sub",
        "freight_account",
        "freight_sub",
        "unrealised_gain_account",
        "unrealised_gain_sub",
        "unrealised_loss_account",
        "unrealised_loss_sub",
    ),
)


def list_query() -> RowSelect:
    return select(
        CustomerClass.id.label("id"),
        CustomerClass.class_id.label("class_id"),
        CustomerClass.description.label("description"),
    )


SCREEN = Screen(
    id=SCREEN_ID,
    title="Customer classes",
    model=CustomerClass,
    top=pick("class_id", "description"),
    tabs=(
        Tab(
            "General information",
            sections=(
                GENERAL_SETTINGS,
                DELIVERY_SETTINGS,
                CREDIT_VERIFICATION_SETTINGS,
                FINANCIAL_SETTINGS,
                CUSTOMER_PROPERTIES,
                PRINT_AND_EMAIL_SETTINGS,
                AUTOINVOICE_ROUTE,
            ),
            help="Changes to a class do not change its existing customers; a customer created "
            "afterwards gets the class's current settings.",
        ),
        Tab("General ledger accounts", sections=(GENERAL_LEDGER_ACCOUNTS,)),
        Tab("Attributes", grids=(CUSTOMER_CLASS.grid(ATTRIBUTES),)),
        Tab(
            "Mailing settings",
            grids=(CUSTOMER_CLASS.grid(MAILINGS), CUSTOMER_CLASS.grid(RECIPIENTS)),
            help="A new customer of the class gets these mailings; saved changes also reach "
            "the class's customers whose mailing is not Overridden (Customers, AR303000).",
        ),
    ),
    actions=(
        Action(
            "Apply restriction settings to all customers",
            lambda screen: screen.apply_restriction_settings(),
            toolbar=True,
            help="Includes all customers of the class in its Default restriction group and "
            "excludes them from the group they were in.",
        ),
    ),
    list_columns=(
        ListColumn("class_id", "Class ID", width=110),
        ListColumn("description", "Description", width=320),
    ),
    list_query=list_query,
    definition=CUSTOMER_CLASS,
)


class CustomerClassesScreen(RecordScreen):
    """The class's screen action; its on-change rules are the definition's (AutoInvoice boxes
    follow the boxes they depend on; a chosen attribute or mailing brings its own values; a
    recipient's contact ID only for Employee)."""

    service: CustomerClassService

    def apply_restriction_settings(self) -> None:
        """Move the saved class's customers to its Default restriction group; say how many."""
        if self.record.record_id is None or self.record.is_dirty:
            self.show_message(
                "Save the class before applying its restriction settings to its customers.",
                error=True,
            )
            return
        try:
            applied = apply_restriction_settings(self.store, self.record.record_id)
        except RecordError as error:
            self.show_message(str(error), error=True)
            return
        self.show_message(str(applied))


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return CustomerClassesScreen(store, SCREEN, CustomerClassService(store), parent)
