"""Backups a user controls (File menu): Back up now, the Backups dialog listing the ledger's
backups with Restore… and how many to keep, and the day's backup taken after start-up.

Only a SQLite ledger file is backed up here; an office's PostgreSQL server is backed up on the
server (README). A restore needs the ledger closed: the dialog asks the main window to close
(every screen asks about unsaved input as on quitting), and the start-up code (app/main.py)
restores and starts again on the restored ledger.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.logs import log
from app.models.backup import BackupError, backup_sqlite
from app.models.backup_folder import DEFAULT_KEEP, Backup, backups_of, daily_backup, keep_newest
from app.models.database import Store, sqlite_path
from app.models.migrations import head_revision
from app.windows.framework import dialogs

KEY_KEEP = "backups/keep"
NOT_A_FILE = (
    "Backups here are of a ledger file on this workstation. An office database on a server "
    "is backed up on the server (see the README)."
)


def kept_backups(settings: QSettings) -> int:
    """How many backups of the ledger are kept (a workstation setting, at least one)."""
    try:
        return max(int(str(settings.value(KEY_KEEP, DEFAULT_KEEP))), 1)
    except ValueError:
        return DEFAULT_KEEP


@dataclass
class Backups:
    """The ledger file and its backups folder, as the main window's File menu uses them."""

    store: Store
    backup_dir: Path
    settings: QSettings

    @property
    def database(self) -> Path | None:
        """The ledger file, or None when there is nothing to back up here (a server, a
        ledger opened read-only)."""
        if self.store.read_only:
            return None
        return sqlite_path(self.store.engine.url.render_as_string(hide_password=False))

    def back_up_now(self) -> Path:
        database = self.database
        if database is None:
            raise BackupError(NOT_A_FILE)
        taken = backup_sqlite(database, self.backup_dir, revision=head_revision())
        keep_newest(database, self.backup_dir, kept_backups(self.settings))
        log.info("backup taken: %s", taken.name)
        return taken

    def daily(self) -> Path | None:
        """The day's backup, if the ledger has none from today yet."""
        database = self.database
        if database is None:
            return None
        taken = daily_backup(
            database,
            self.backup_dir,
            revision=head_revision(),
            keep=kept_backups(self.settings),
        )
        if taken is not None:
            log.info("daily backup taken: %s", taken.name)
        return taken

    def listed(self) -> list[Backup]:
        database = self.database
        return backups_of(database, self.backup_dir) if database is not None else []


class BackupsDialog(QDialog):
    """The ledger's backups, newest first, with Back up now, Restore… and how many to keep.
    ``chosen`` is the backup the user confirmed restoring (None otherwise)."""

    def __init__(self, backups: Backups, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("backups_dialog")
        self.setWindowTitle("Backups")
        self.backups = backups
        self.chosen: Path | None = None

        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("backups_table")
        self.table.setHorizontalHeaderLabels(["Taken", "Schema revision", "Size"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.keep = QSpinBox(self)
        self.keep.setObjectName("backups_keep")
        self.keep.setRange(1, 365)
        self.keep.setValue(kept_backups(backups.settings))
        self.keep.setToolTip(
            "The newest backups kept; older ones are deleted when a new one is taken."
        )
        self.keep.valueChanged.connect(self._keep_changed)
        keep_row = QHBoxLayout()
        keep_label = QLabel("&Keep the last", self)
        keep_label.setBuddy(self.keep)
        keep_row.addWidget(keep_label)
        keep_row.addWidget(self.keep)
        keep_row.addWidget(QLabel("backups", self))
        keep_row.addStretch(1)

        self.back_up_button = QPushButton("&Back up now", self)
        self.back_up_button.setObjectName("backups_back_up_now")
        self.back_up_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton("&Restore…", self)
        self.restore_button.setObjectName("backups_restore")
        self.restore_button.clicked.connect(self.restore_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.back_up_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        self.note = QLabel(self)
        self.note.setObjectName("backups_note")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)

        layout = QVBoxLayout(self)
        folder = QLabel(f"Backups folder: {backups.backup_dir}", self)
        folder.setTextFormat(Qt.TextFormat.PlainText)
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(folder)
        layout.addWidget(self.table, 1)
        layout.addLayout(keep_row)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.resize(560, 360)
        if backups.database is None:
            self.note.setText(NOT_A_FILE)
            for widget in (self.back_up_button, self.keep):
                widget.setEnabled(False)
        self.reload()

    def reload(self) -> None:
        locale = QLocale()
        listed = self.backups.listed()
        self.table.setRowCount(len(listed))
        for row, backup in enumerate(listed):
            taken = QTableWidgetItem(backup.taken.strftime("%Y-%m-%d %H:%M:%S"))
            taken.setData(Qt.ItemDataRole.UserRole, str(backup.path))
            taken.setToolTip(str(backup.path))
            self.table.setItem(row, 0, taken)
            self.table.setItem(row, 1, QTableWidgetItem(backup.revision))
            self.table.setItem(row, 2, QTableWidgetItem(locale.formattedDataSize(backup.size)))
        if listed:
            self.table.selectRow(0)
        self._selection_changed()

    def selected(self) -> Path | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        return Path(str(item.data(Qt.ItemDataRole.UserRole))) if item is not None else None

    def _selection_changed(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def _keep_changed(self, value: int) -> None:
        self.backups.settings.setValue(KEY_KEEP, value)

    def back_up_now(self) -> None:
        try:
            taken = self.backups.back_up_now()
        except (BackupError, OSError) as error:
            log.warning("backup failed: %s", error)
            self.note.setText(f"The backup failed: {error}")
            return
        self.note.setText(f"Backed up to {taken.name}.")
        self.reload()

    def restore_selected(self) -> None:
        backup = self.selected()
        if backup is None:
            return
        if not dialogs.confirm(
            self,
            "Restore backup",
            f"Replace the ledger with the backup {backup.name}?\n\n"
            "Everything saved after it is taken out of the ledger. The ledger as it is now is "
            "kept beside it, named …-before-restore-…, so nothing is deleted. The screens "
            "close (each asks about unsaved input) and the ledger starts again.",
        ):
            return
        self.chosen = backup
        self.accept()
