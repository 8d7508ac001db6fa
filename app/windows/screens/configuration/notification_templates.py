"""Notification templates (SM204003): the subject and body of the e-mail a mailing sends."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.models import NotificationTemplate
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Field, Kind, ListColumn, Screen, Section, Tab
from app.windows.screens.configuration.reference_screen import list_query_of, reference_screen

LIST_COLUMNS = (
    ListColumn("template_id", "Template ID", width=140),
    ListColumn("description", "Description", width=220),
    ListColumn("subject", "Subject", width=280),
)

SCREEN = Screen(
    id="SM204003",
    title="Notification templates",
    model=NotificationTemplate,
    help="The wording of the e-mails mailings send with their reports.",
    top=(
        Field(
            "template_id",
            "Template ID",
            Kind.TEXT,
            required=True,
            help="The unique ID of the template, selected in mailing settings.",
        ),
        Field(
            "description",
            "Description",
            Kind.TEXT,
            required=True,
            help="The name of the template, shown where it is selected.",
        ),
    ),
    tabs=(
        Tab(
            "Message",
            sections=(
                Section(
                    "Message",
                    (
                        Field(
                            "subject",
                            "Subject",
                            Kind.TEXT,
                            help="The subject line of the e-mail.",
                        ),
                        # Long text, edited on one line until the engine has a multi-line kind.
                        Field(
                            "body",
                            "Body",
                            Kind.MEMO,
                            help="The text of the e-mail.",
                        ),
                    ),
                ),
            ),
        ),
    ),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(NotificationTemplate, LIST_COLUMNS),
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(
        store, parent, SCREEN, code_key="template_id", noun="notification template"
    )
