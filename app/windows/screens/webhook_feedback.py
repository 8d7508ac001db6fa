"""Webhook notification feedback: the small read-only window View notification feedback opens
on AR303000's Webhook notifications tab — the event, what changed, and the message from the
third-party integrator (or why there is none)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.ledger.webhooks import Feedback

TITLE = "Webhook notification feedback"


class FeedbackWindow(QDialog):
    def __init__(self, feedback: Feedback, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("webhook_notification_feedback")
        self.setWindowTitle(TITLE)
        form = QFormLayout()
        for name, label, text in (
            ("message", "Message", feedback.message_id),
            ("event", "Event", feedback.event),
            ("status", "Status", feedback.status),
            ("date", "Date", feedback.date),
        ):
            shown = QLabel(text, self)
            shown.setObjectName(f"feedback_{name}")
            shown.setTextFormat(Qt.TextFormat.PlainText)  # user data, never markup
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(f"{label}:", shown)
        self.changes = self._text("feedback_changes", "\n".join(feedback.changes) or "—")
        form.addRow("What changed:", self.changes)
        self.feedback = self._text("feedback_text", feedback.feedback)
        form.addRow("Feedback:", self.feedback)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.resize(560, 380)

    def _text(self, name: str, text: str) -> QPlainTextEdit:
        """Read-only text a user may select and copy (a message ID, an integrator's answer)."""
        box = QPlainTextEdit(text, self)
        box.setObjectName(name)
        box.setReadOnly(True)
        return box
