"""Calculate overdue charges (issue 13; the process the product family runs as AR507000): for
every customer with Apply overdue charges, the overdue charge document it would get today —
customer, charge, lines and amount — shown first; Create makes exactly those, released, in one
transaction (app/ledger/documents/overdue.py), or nothing when the ledger changed meanwhile."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.ledger.documents.overdue import OverdueRun, create_overdue_charges, overdue_run
from app.ledger.records import RecordError
from app.models.database import Store
from app.money import format_decimal

COLUMNS = ("Customer", "Customer name", "Overdue charge", "Lines", "Amount", "Currency")


class OverdueChargesWindow(QDialog):
    """What Calculate overdue charges would create, and the button that creates it."""

    def __init__(
        self,
        store: Store,
        today: date,
        parent: QWidget | None = None,
        *,
        created: Callable[[list[str]], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("calculate_overdue_charges")
        self.setWindowTitle("Calculate overdue charges")
        self.store = store
        self.today = today
        self.created = created  # told the numbers of the documents made
        with store.session() as session:
            self.run: OverdueRun = overdue_run(session, today=today)

        proposals = self.run.proposals
        self.summary = QLabel(self._summary())
        self.summary.setObjectName("overdue_summary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(len(proposals), len(COLUMNS))
        self.table.setObjectName("overdue_charges_table")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row, proposal in enumerate(proposals):
            cells = (
                proposal.customer_no,
                proposal.customer_name,
                proposal.charge_id,
                str(len(proposal.lines)),
                format_decimal(proposal.total),
                proposal.currency,
            )
            lines = "\n".join(
                f"{text}: {format_decimal(amount)}" for text, amount in proposal.lines
            )
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(lines)  # what each line charges
                if column in (3, 4):
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.refused = QLabel(
            "Not charged:\n" + "\n".join(self.run.refused) if self.run.refused else ""
        )
        self.refused.setObjectName("overdue_refused")
        self.refused.setWordWrap(True)
        self.refused.setVisible(bool(self.run.refused))
        self.message = QLabel()
        self.message.setObjectName("overdue_message")
        self.message.setWordWrap(True)

        self.create_button = QPushButton("Create overdue charges")
        self.create_button.setObjectName("create_overdue_charges")
        self.create_button.setEnabled(bool(proposals))
        self.create_button.clicked.connect(self.create_charges)
        close = QPushButton("Cancel")
        close.setObjectName("overdue_cancel")
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.refused)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(760, 420)

    def _summary(self) -> str:
        count = len(self.run.proposals)
        if not count:
            return f"As at {self.today.isoformat()} no customer has overdue documents to charge."
        return (
            f"As at {self.today.isoformat()}: {count} overdue charge document"
            f"{'s' if count != 1 else ''}, {format_decimal(self.run.total)} in all. Create makes "
            "them, released, in one go."
        )

    def create_charges(self) -> None:
        """Create what is shown, all or nothing."""
        try:
            with self.store.transaction() as session:
                made = create_overdue_charges(session, self.run, today=self.today)
                numbers = [document.ref_nbr for document in made]
        except RecordError as error:
            self.message.setText(f"Nothing was created: {error}")
            self.create_button.setEnabled(False)  # calculate again: open the window anew
            return
        if self.created is not None:
            self.created(numbers)
        self.accept()
