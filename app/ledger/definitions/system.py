"""System tables the ledger draws on: number series (CS201010), attributes (CS205000), reason
codes (CS211000), system email accounts (SM204002), reports (SM206000), notification templates
(SM204003), report texts (CS209000), restriction groups (SM201030), employees (EP203000) and
non-stock items (IN202000)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.ledger.attributes import VALUES, takes_entry_mask
from app.ledger.definitions.reference import active, code, description
from app.ledger.fields import Definition, Field, Grid, Kind, OnChange, Values
from app.ledger.number_series import NEXT_NUMBER, next_number_of
from app.ledger.statements.placeholders import HELP
from app.models import (
    Attribute,
    EmailAccount,
    Employee,
    NonStockItem,
    NotificationTemplate,
    NumberSeries,
    ReasonCode,
    Report,
    ReportText,
    RestrictionGroup,
)
from app.models.reference.system import ControlType, ReasonCodeUsage

# -- number series -----------------------------------------------------------------------------

# What the next number is computed from: changing any of them shows the new next number.
NEXT_NUMBER_INPUTS = (
    "manual_numbering",
    "start_number",
    "end_number",
    "last_number",
    "numbering_step",
)


def _next_number_shown(values: Values, _service: object) -> Mapping[str, Any]:
    return {NEXT_NUMBER: next_number_of(values)}


NUMBER_SERIES = Definition(
    "number series",
    NumberSeries,
    (
        Field(
            "number_series_id",
            "Number series ID",
            Kind.TEXT,
            attr="series_id",
            required=True,
            help="The unique ID of the series; CUSTOMER numbers new customers.",
        ),
        description("What the series numbers, shown where it is selected."),
        Field(
            "manual_numbering",
            "Manual numbering",
            Kind.CHECKBOX,
            help="Users type every number themselves; the series gives none.",
        ),
        Field(
            "start_number",
            "Start number",
            Kind.TEXT,
            required=True,
            help="The first number; it ends in the digits that count up, after any prefix "
            "(INV000001).",
        ),
        Field(
            "end_number",
            "End number",
            Kind.TEXT,
            help="The last number the series may give (same prefix and digits as the start "
            "number); blank for no end.",
        ),
        Field(
            "last_number",
            "Last number",
            Kind.TEXT,
            help="The number given last, from the start to the end number; blank when none is "
            "given yet.",
        ),
        Field(
            "numbering_step",
            "Numbering step",
            Kind.NUMBER,
            required=True,
            minimum=1,  # a step of 0 would give the same number again
            help="How much each number counts up from the last (1 or more).",
        ),
        Field(
            NEXT_NUMBER,
            "Next number",
            Kind.TEXT,
            read_only=True,
            help="The number the series gives next: the last number plus the step, or the "
            "start number when none is given yet.",
        ),
    ),
    on_change=tuple(
        OnChange(
            key,
            tuple(other for other in NEXT_NUMBER_INPUTS if other != key),
            _next_number_shown,
        )
        for key in NEXT_NUMBER_INPUTS
    ),
)

# -- attributes --------------------------------------------------------------------------------

ATTRIBUTE = Definition(
    "attribute",
    Attribute,
    (
        code("attribute_id", "Attribute ID", "The unique ID of the attribute."),
        description(
            "The name of the attribute, shown where it is answered (at most 50 characters)."
        ),
        Field(
            "control_type",
            "Control type",
            Kind.OPTION,
            options=ControlType,
            required=True,
            help="How the attribute is answered; Combo and Multi select combo pick from the "
            "values below, which they need.",
        ),
        Field(
            "entry_mask",
            "Entry mask",
            Kind.TEXT,
            enabled_when=lambda values: takes_entry_mask(values.get("control_type")),
            help="The form typed text must have (Text attributes only).",
        ),
        Field(
            "internal",
            "Internal",
            Kind.CHECKBOX,
            help="Only for internal use: not printed or shown to customers.",
        ),
    ),
    (
        Grid(
            "Values",
            VALUES,
            (
                Field(
                    "value_id",
                    "Value ID",
                    Kind.TEXT,
                    required=True,
                    help="The unique ID of the value within the attribute.",
                ),
                Field(
                    "description",
                    "Description",
                    Kind.TEXT,
                    required=True,
                    help="The value as users see it when they pick it.",
                ),
                Field(
                    "sort_order",
                    "Sort order",
                    Kind.NUMBER,
                    help="Where the value is offered among the others (lowest first).",
                ),
                Field(
                    "disabled",
                    "Disabled",
                    Kind.CHECKBOX,
                    help="No longer offered; answers already given keep it.",
                ),
            ),
            order_by="sort_order",
            help="The values a Combo or Multi select combo attribute is answered from.",
        ),
    ),
)

# -- codes, mail and texts ---------------------------------------------------------------------

REASON_CODE = Definition(
    "reason code",
    ReasonCode,
    (
        code("reason_code_id", "Reason code ID", "The unique ID of the reason code."),
        description("What the reason is, shown where the code is selected."),
        Field(
            "usage",
            "Usage",
            Kind.OPTION,
            options=ReasonCodeUsage,
            required=True,
            help="The operations the code is offered for, e.g. Balance write-off.",
        ),
    ),
)

EMAIL_ACCOUNT = Definition(
    "email account",
    EmailAccount,
    (
        code(
            "email_account_id",
            "Email account ID",
            "The unique ID of the account, selected in mailing settings.",
        ),
        description("The name of the account, shown where it is selected."),
        Field(
            "email_address",
            "Email address",
            Kind.TEXT,
            required=True,
            help="The address mail is sent from, like invoices@example.com.",
        ),
        Field(
            "reply_to_address",
            "Reply-to address",
            Kind.TEXT,
            attr="reply_to",
            help="Where replies go, when not to the sending address; blank for that address.",
        ),
    ),
)

REPORT = Definition(
    "report",
    Report,
    (
        code("report_id", "Report ID", "The unique ID of the report, like AR641500."),
        Field(
            "name",
            "Name",
            Kind.TEXT,
            required=True,
            help="The name of the report, shown where it is selected.",
        ),
    ),
)

NOTIFICATION_TEMPLATE = Definition(
    "notification template",
    NotificationTemplate,
    (
        code(
            "template_id",
            "Template ID",
            "The unique ID of the template, selected in mailing settings.",
        ),
        description("The name of the template, shown where it is selected."),
        Field("subject", "Subject", Kind.TEXT, help=f"The subject line of the e-mail. {HELP}"),
        Field("body", "Body", Kind.MEMO, help=f"The text of the e-mail. {HELP}"),
    ),
)

REPORT_TEXT = Definition(
    "report text",
    ReportText,
    (
        code(
            "report_text_id",
            "Report text ID",
            "The unique ID of the text, selected where it is printed.",
        ),
        description("The name of the text, shown where it is selected."),
        Field("text", "Text", Kind.MEMO, help="The wording printed on the document."),
    ),
)

# -- people and access -------------------------------------------------------------------------

RESTRICTION_GROUP = Definition(
    "restriction group",
    RestrictionGroup,
    (
        code(
            "group_id",
            "Group ID",
            "The unique ID of the group, selected as a class's default restriction group.",
        ),
        description("The name of the group, shown where it is selected."),
        active("The group restricts access; an inactive group restricts nothing."),
    ),
)

EMPLOYEE = Definition(
    "employee",
    Employee,
    (
        code("employee_id", "Employee ID", "The unique ID of the employee."),
        Field("name", "Name", Kind.TEXT, required=True, help="The employee's full name."),
        Field(
            "email",
            "Email",
            Kind.TEXT,
            help="The address mailings to the employee are sent to, like kari@example.com.",
        ),
        active("The employee can be chosen as a recipient."),
    ),
)

NON_STOCK_ITEM = Definition(
    "non-stock item",
    NonStockItem,
    (
        code("item_id", "Item ID", "The unique ID of the item."),
        description("The name of the item, printed on documents."),
        active("Active items can be selected, for example as the dunning fee item."),
    ),
)
