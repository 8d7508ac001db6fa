"""Notification templates (SM204003): the subject and body of the e-mail a mailing sends,
arranged from the template's definition (app/ledger/definitions/system.py)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ledger.definitions.system import NOTIFICATION_TEMPLATE
from app.models import NotificationTemplate
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import ListColumn, Screen, Section, Tab
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
    top=NOTIFICATION_TEMPLATE.pick("template_id", "description"),
    tabs=(
        Tab(
            "Message",
            sections=(Section("Message", NOTIFICATION_TEMPLATE.pick("subject", "body")),),
        ),
    ),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(NotificationTemplate, LIST_COLUMNS),
    definition=NOTIFICATION_TEMPLATE,
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(store, parent, SCREEN, code_key="template_id")
