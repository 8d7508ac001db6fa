"""F1: help for the screen in front — its fields, section by section, each with the seed's
description (the same words as the fields' tooltips, app/ledger/catalogue.py)."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from app.ledger import catalogue
from app.windows.framework.spec import Field, Screen

Entry = tuple[str, str]  # a field's label and its description


def field_help(screen: Screen, spec: Field, section: str | None = None) -> str:
    return spec.help or catalogue.help_text(screen.id, spec.label, section)


def sections(screen: Screen) -> list[tuple[str, list[Entry]]]:
    """The screen's parts in reading order: the top part, then each tab's sections and grids."""
    parts: list[tuple[str, list[Entry]]] = []
    if screen.top:
        parts.append(("", [(spec.label, field_help(screen, spec)) for spec in screen.top]))
    for tab in screen.tabs:
        for section in tab.sections:
            entries = [
                (spec.label, field_help(screen, spec, section.title)) for spec in section.fields
            ]
            title = f"{tab.title} › {section.title}" if section.title else tab.title
            parts.append((title, entries))
        for grid in tab.grids:
            entries = [
                (
                    column.label,
                    column.help or catalogue.column_help(screen.id, grid.title, column.label),
                )
                for column in grid.columns
            ]
            parts.append((f"{tab.title} › {grid.title}", entries))
    return parts


def help_html(screen: Screen) -> str:
    """The help page; every text escaped (seed text and labels are shown, never run as markup)."""
    lines = [f"<h2>{escape(screen.title)} ({escape(screen.id)})</h2>"]
    if screen.help:
        lines.append(f"<p>{escape(screen.help)}</p>")
    for title, entries in sections(screen):
        if title:
            lines.append(f"<h3>{escape(title)}</h3>")
        lines.append("<dl>")
        for label, text in entries:
            described = escape(text).replace("\n", "<br>") if text else "<i>No description.</i>"
            lines.append(f"<dt><b>{escape(label)}</b></dt><dd>{described}</dd>")
        lines.append("</dl>")
    return "\n".join(lines)


class ScreenHelpDialog(QDialog):
    def __init__(self, screen: Screen, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen_help_dialog")
        self.setWindowTitle(f"Help — {screen.title} ({screen.id})")
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("screen_help")
        self.browser.setHtml(help_html(screen))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(720, 620)
