"""Help → About: what is running, on which database."""

from __future__ import annotations

import html
import platform

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget
from sqlalchemy.engine import make_url

from app import APP_NAME, __version__


def masked_url(url: str) -> str:
    """The URL with any password replaced by ``***``, safe to show and to copy into a report."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # not a URL we can parse: show nothing that could be a secret
        return "(unreadable database URL)"


class AboutDialog(QDialog):
    def __init__(self, database_url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(f"About {APP_NAME}")

        title = QLabel(f"<h2>{html.escape(APP_NAME)}</h2>", self)
        title.setObjectName("about_title")
        version = QLabel(f"Version {__version__}", self)
        version.setObjectName("about_version")
        # Plain text: the URL comes from the user and must never be read as markup.
        database = QLabel(f"Database: {masked_url(database_url)}", self)
        database.setObjectName("about_database")
        database.setTextFormat(Qt.TextFormat.PlainText)
        database.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        database.setWordWrap(True)
        runtime = QLabel(
            f"Python {platform.python_version()} · Qt {qVersion()} · PySide6 {pyside_version}",
            self,
        )
        runtime.setObjectName("about_runtime")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        for widget in (title, version, database, runtime, buttons):
            layout.addWidget(widget)
