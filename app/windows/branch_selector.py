"""The workstation's branch, chosen in the main window's status bar and kept in the
workstation's settings (app/ledger/workstation.py says what follows it)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QWidget
from sqlalchemy import text

from app.ledger import workstation
from app.models.database import Store

# Plain SQL: the window is shown before the ORM and the models load (app/windows/warm_up.py).
BRANCHES = text("SELECT branch_id, name FROM branch ORDER BY branch_id")

KEY_BRANCH = "workstation/branch"


class BranchSelector(QComboBox):
    """The branches by code and name; the list is read again each time it is opened, so a
    branch added on the Branches screen is there without a restart."""

    def __init__(self, store: Store, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workstation_branch")
        self.setToolTip(
            "The branch this workstation works in: a new customer's first location takes its "
            "ID where the customer class says Default location ID from branch."
        )
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._store = store
        self._settings = settings
        workstation.choose_branch(str(settings.value(KEY_BRANCH, "") or "") or None)
        self.reload()
        self.currentIndexChanged.connect(self._chosen)

    def reload(self) -> None:
        """The branches as stored now, the workstation's current one selected."""
        with self._store.engine.connect() as connection:
            branches = [(str(code), str(name)) for code, name in connection.execute(BRANCHES)]
        current = workstation.pick([code for code, _name in branches])
        self.blockSignals(True)
        try:
            self.clear()
            for code, name in branches:
                self.addItem(f"Branch: {code} — {name}", code)
            self.setCurrentIndex(max(self.findData(current), 0))
        finally:
            self.blockSignals(False)
        self.setVisible(bool(branches))

    def showPopup(self) -> None:
        self.reload()
        super().showPopup()

    def _chosen(self, index: int) -> None:
        code = self.itemData(index)
        if isinstance(code, str):
            workstation.choose_branch(code)
            self._settings.setValue(KEY_BRANCH, code)
