"""Where the ledger posts: branches (CS102000), the chart of accounts (GL202500), subaccounts
(GL203000), the subaccount's segmented key (CS202000) and cash accounts (CA202000)."""

from __future__ import annotations

from app.ledger.accounting import bic_problem, iban_problem, logo_problem
from app.ledger.fields import Definition, Field, Grid, Kind
from app.ledger.segmented_keys import SEGMENTS
from app.ledger.sources import BRANCHES, COUNTRIES, CURRENCIES, GL_ACCOUNTS, SUBACCOUNTS
from app.ledger.validation import email_problem
from app.models import AccountType, Branch, CashAccount, GlAccount, SegmentedKey, Subaccount

BRANCH = Definition(
    "branch",
    Branch,
    (
        Field(
            "branch_id",
            "Branch ID",
            Kind.TEXT,
            required=True,
            help="The unique ID of the branch.",
        ),
        Field(
            "branch_name",
            "Branch name",
            Kind.TEXT,
            attr="name",
            required=True,
            help="The name of the branch, shown where it is selected and printed on documents.",
        ),
        Field(
            "country",
            "Country",
            Kind.LOOKUP,
            attr="country_id",
            lookup=COUNTRIES,
            help="The country the branch is in.",
        ),
        Field(
            "currency",
            "Currency",
            Kind.LOOKUP,
            attr="currency_id",
            lookup=CURRENCIES,
            help="The base currency of the branch.",
        ),
        Field(
            "active",
            "Active",
            Kind.CHECKBOX,
            help="Active branches can be selected for documents, warehouses and cash accounts.",
        ),
        # Company details: the sender printed on the branch's statements (issue 14).
        Field(
            "company_name",
            "Company name",
            Kind.TEXT,
            help="The company's legal name, printed as the sender of statements; the branch "
            "name when blank.",
        ),
        Field(
            "address_line_1",
            "Address line 1",
            Kind.TEXT,
            help="The first line of the company's address printed on statements.",
        ),
        Field(
            "address_line_2",
            "Address line 2",
            Kind.TEXT,
            help="The second line of the company's address printed on statements.",
        ),
        Field("postcode", "Postcode", Kind.TEXT, help="The postcode of the company's address."),
        Field("city", "City", Kind.TEXT, help="The town of the company's address."),
        Field(
            "organisation_no",
            "Organisation no.",
            Kind.TEXT,
            help="The company's organisation number, checked by the rule of the branch's "
            "country where one is known.",
        ),
        Field(
            "vat_registration_id",
            "VAT registration ID",
            Kind.TEXT,
            help="The company's VAT number, checked by the rule of the branch's country.",
        ),
        Field(
            "iban",
            "IBAN",
            Kind.TEXT,
            validators=(iban_problem,),
            help="The bank account customers pay to, printed on statements (groups of four).",
        ),
        Field(
            "bic",
            "BIC",
            Kind.TEXT,
            validators=(bic_problem,),
            help="The bank's BIC (SWIFT code) of the account, 8 or 11 characters.",
        ),
        Field(
            "contact",
            "Contact",
            Kind.TEXT,
            attr="contact_name",
            help="Who customers ask about statements.",
        ),
        Field("phone", "Phone", Kind.TEXT, help="The phone number printed on statements."),
        Field(
            "email",
            "Email",
            Kind.TEXT,
            validators=(email_problem,),
            help="The e-mail address printed on statements, where customers write to.",
        ),
        Field(
            "logo",
            "Logo",
            Kind.TEXT,
            attr="logo_path",
            validators=(logo_problem,),
            help="A PNG or JPEG file printed at the top left of statements (optional).",
        ),
    ),
)

GL_ACCOUNT = Definition(
    "account",
    GlAccount,
    (
        Field(
            "account",
            "Account",
            Kind.TEXT,
            required=True,
            help="The account number, unique in the chart of accounts (e.g. 1500, 3000).",
        ),
        Field(
            "description",
            "Description",
            Kind.TEXT,
            required=True,
            help="The name of the account, shown where it is selected.",
        ),
        Field(
            "account_type",
            "Account type",
            Kind.OPTION,
            options=AccountType,
            required=True,
            help="Whether the account holds assets, liabilities, income or expenses.",
        ),
        Field(
            "active",
            "Active",
            Kind.CHECKBOX,
            help="Active accounts can be selected for customer classes, locations and cash "
            "accounts.",
        ),
    ),
)

SUBACCOUNT = Definition(
    "subaccount",
    Subaccount,
    (
        Field(
            "subaccount_id",
            "Subaccount ID",
            Kind.TEXT,
            required=True,
            help="The unique ID of the subaccount, in the form the SUBACCOUNT key gives it "
            "(Segmented keys, CS202000): its segments' lengths, separated by - when more than "
            "one (10-200).",
        ),
        Field(
            "description",
            "Description",
            Kind.TEXT,
            required=True,
            help="The name of the subaccount, shown where it is selected.",
        ),
        Field(
            "active",
            "Active",
            Kind.CHECKBOX,
            help="Active subaccounts can be selected for customer classes, locations and cash "
            "accounts.",
        ),
    ),
)

SEGMENTED_KEY = Definition(
    "segmented key",
    SegmentedKey,
    (
        Field(
            "segmented_key_id",
            "Segmented key ID",
            Kind.TEXT,
            attr="key_id",
            required=True,
            help="SUBACCOUNT: the key that gives subaccount IDs their segments (the only key "
            "this product keeps).",
        ),
        Field(
            "description",
            "Description",
            Kind.TEXT,
            help="What the key is the structure of.",
        ),
    ),
    (
        Grid(
            "Segments",
            SEGMENTS,
            (
                Field(
                    "segment_id",
                    "Segment ID",
                    Kind.NUMBER,
                    attr="segment_number",
                    required=True,
                    minimum=1,
                    help="The segment's place in the ID, 1 for the leftmost.",
                ),
                Field(
                    "description",
                    "Description",
                    Kind.TEXT,
                    help="What the segment's values stand for (department, project …).",
                ),
                Field(
                    "length",
                    "Length",
                    Kind.NUMBER,
                    required=True,
                    minimum=1,
                    help="How many characters every value of the segment has.",
                ),
            ),
            order_by="segment_number",
        ),
    ),
)

CASH_ACCOUNT = Definition(
    "cash account",
    CashAccount,
    (
        Field(
            "cash_account_id",
            "Cash account ID",
            Kind.TEXT,
            required=True,
            help="The unique ID of the cash account.",
        ),
        Field(
            "description",
            "Description",
            Kind.TEXT,
            required=True,
            help="The name of the cash account, shown where it is selected.",
        ),
        Field(
            "branch",
            "Branch",
            Kind.LOOKUP,
            attr="branch_id",
            lookup=BRANCHES,
            help="The branch the cash account belongs to.",
        ),
        Field(
            "account",
            "Account",
            Kind.LOOKUP,
            attr="gl_account_id",
            lookup=GL_ACCOUNTS,
            required=True,
            help="The GL account the cash account's transactions are posted to.",
        ),
        Field(
            "subaccount",
            "Subaccount",
            Kind.LOOKUP,
            attr="subaccount_id",
            lookup=SUBACCOUNTS,
            help="The subaccount the cash account's transactions are posted to.",
        ),
        Field(
            "currency",
            "Currency",
            Kind.LOOKUP,
            attr="currency_id",
            lookup=CURRENCIES,
            required=True,
            help="The currency the account is kept in.",
        ),
        Field(
            "bank_account",
            "Bank account",
            Kind.TEXT,
            help="The account number printed on documents for payment; an IBAN (like NO93 8601 "
            "1117 947) is checked and stored in groups of four.",
        ),
        Field(
            "active",
            "Active",
            Kind.CHECKBOX,
            help="Active cash accounts can be selected for payment methods and payments.",
        ),
    ),
)
