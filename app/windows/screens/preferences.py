"""Customer ledger preferences (AR101000)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ledger.lookups import LookupSource
from app.ledger.preferences import PreferencesService
from app.models import (
    CustomerClass,
    EmailAccount,
    Employee,
    NotificationTemplate,
    Preferences,
    Report,
    ReportText,
)
from app.models.database import Store
from app.models.options import ContactType, MailingFormat
from app.windows.framework.record_screen import RecordScreen, screen_rules
from app.windows.framework.spec import Field, Grid, Kind, Screen, Section, Tab

SCREEN_ID = "AR101000"

SCREEN = Screen(
    id=SCREEN_ID,
    title="Customer ledger preferences",
    model=Preferences,
    top=(),
    tabs=(
        Tab(
            "General settings",
            sections=(
                Section(
                    "Posting settings",
                    (
                        Field(
                            "automatically_post_on_release",
                            "Automatically post on release",
                            Kind.CHECKBOX,
                        ),
                        Field(
                            "post_summary_when_updating_the_general_ledger",
                            "Post summary when updating the general ledger",
                            Kind.CHECKBOX,
                            attr="post_summary_when_updating_gl",
                        ),
                        Field("activate_migration_mode", "Activate migration mode", Kind.CHECKBOX),
                    ),
                ),
                Section(
                    "Data entry settings",
                    (
                        Field(
                            "default_customer_class_id",
                            "Default customer class ID",
                            Kind.LOOKUP,
                            lookup=LookupSource(
                                CustomerClass, "class_id", "description", title="customer classes"
                            ),
                        ),
                    ),
                    column=1,
                ),
            ),
        ),
        Tab(
            "Dunning settings",
            grids=(
                Grid(
                    "Dunning levels",
                    "dunning_levels",
                    (
                        Field("dunning_letter_level", "Dunning letter level", Kind.NUMBER),
                        Field("days_past_due", "Days past due", Kind.NUMBER),
                        Field("days_to_settle", "Days to settle", Kind.NUMBER),
                        Field("description", "Description", Kind.TEXT),
                        Field("dunning_fee", "Dunning fee", Kind.MONEY),
                        Field("days_to_due", "Days to due", Kind.NUMBER),
                        Field(
                            "report_text_code",
                            "Report text code",
                            Kind.LOOKUP,
                            attr="report_text_id",
                            lookup=LookupSource(
                                ReportText, "report_text_id", "description", title="report texts"
                            ),
                        ),
                    ),
                    order_by="dunning_letter_level",
                ),
            ),
        ),
        Tab(
            "Reporting settings",
            grids=(
                Grid(
                    "Default sources",
                    "default_sources",
                    (
                        Field("mailing_id", "Mailing ID", Kind.TEXT, required=True),
                        Field(
                            "default_email_account",
                            "Default email account",
                            Kind.LOOKUP,
                            attr="email_account_id",
                            lookup=LookupSource(
                                EmailAccount,
                                "email_account_id",
                                "description",
                                title="system email accounts",
                            ),
                        ),
                        Field(
                            "report",
                            "Report",
                            Kind.LOOKUP,
                            attr="report_id",
                            lookup=LookupSource(Report, "report_id", "name", title="reports"),
                        ),
                        Field(
                            "notification_template",
                            "Notification template",
                            Kind.LOOKUP,
                            attr="notification_template_id",
                            lookup=LookupSource(
                                NotificationTemplate,
                                "template_id",
                                "description",
                                title="notification templates",
                            ),
                        ),
                        Field(
                            "format", "Format", Kind.OPTION, options=MailingFormat, required=True
                        ),
                        Field("active", "Active", Kind.CHECKBOX),
                    ),
                ),
                Grid(
                    "Default recipients",
                    "recipients",
                    (
                        Field(
                            "contact_type",
                            "Contact type",
                            Kind.OPTION,
                            options=ContactType,
                            required=True,
                        ),
                        Field(
                            "contact_id",
                            "Contact ID",
                            Kind.LOOKUP,
                            attr="employee_id",
                            lookup=LookupSource(Employee, "employee_id", "name", title="employees"),
                        ),
                        Field(
                            "format", "Format", Kind.OPTION, options=MailingFormat, required=True
                        ),
                        Field("active", "Active", Kind.CHECKBOX),
                        Field("bcc", "Bcc", Kind.CHECKBOX),
                    ),
                    master="default_sources",
                ),
            ),
        ),
    ),
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    service = PreferencesService(store, screen_rules(SCREEN))
    screen = RecordScreen(store, SCREEN, service, parent, single_record=True)
    current = service.current_id()
    if current is not None:
        screen.load_record(current)
    return screen
