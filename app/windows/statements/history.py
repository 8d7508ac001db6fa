"""Customer statement history (AR404600): every statement of a customer, each revision, and
the exact PDF that was printed, reopened from the archive (checked against its checksum)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

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
from sqlalchemy import select

from app import paths
from app.ledger.statements.archive import ArchiveError, archived_pdf
from app.models import Branch, Currency, Customer, Statement
from app.models.database import Store
from app.reports.formats import DEFAULT

SCREEN_ID = "AR404600"
COLUMNS = (
    "Statement date",
    "Revision",
    "Current",
    "Statement type",
    "Branch",
    "Currency",
    "Opening balance",
    "Closing balance",
    "Printed",
)


@dataclass(frozen=True)
class HistoryRow:
    statement_id: int
    statement_date: date
    revision: int
    current: bool
    statement_type: str
    branch: str
    currency: str
    opening: Decimal
    closing: Decimal
    printed: str


def history_rows(store: Store, customer_id: int) -> list[HistoryRow]:
    with store.session() as session:
        rows = session.execute(
            select(Statement, Branch.branch_id, Currency.currency_id)
            .outerjoin(Branch, Statement.branch_id == Branch.id)
            .outerjoin(Currency, Statement.currency_id == Currency.id)
            .where(Statement.customer_id == customer_id)
            .order_by(Statement.statement_date.desc(), Statement.revision.desc(), Statement.id)
        ).all()
        return [
            HistoryRow(
                s.id,
                s.statement_date,
                s.revision,
                s.current,
                s.statement_type.label,
                branch or "",
                currency or "",
                s.opening_balance,
                s.closing_balance,
                s.printed_at.isoformat(sep=" ") if s.printed_at else "",
            )
            for s, branch, currency in rows
        ]


class StatementHistory(QDialog):
    """The statements of one customer, newest first; Open shows the archived PDF."""

    def __init__(
        self,
        store: Store,
        customer_id: int,
        parent: QWidget | None = None,
        *,
        show_pdf: Callable[[bytes, str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(SCREEN_ID)
        self.store = store
        self.customer_id = customer_id
        self.show_pdf = show_pdf or self._preview
        with store.session() as session:
            customer = session.get_one(Customer, customer_id)
            self.customer_label = f"{customer.customer_no} {customer.name or ''}".strip()
        self.setWindowTitle(f"Customer statement history — {self.customer_label}")
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("grid_statements")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.message = QLabel()
        self.message.setObjectName("message")
        self.message.setWordWrap(True)
        open_button = QPushButton("Open statement")
        open_button.setObjectName("action_open_statement")
        open_button.clicked.connect(self.open_selected)
        close_button = QPushButton("Close")
        close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(open_button)
        buttons.addStretch(1)
        buttons.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(900, 420)
        self.refresh()

    def refresh(self) -> None:
        self.rows = history_rows(self.store, self.customer_id)
        self.table.setRowCount(len(self.rows))
        for number, row in enumerate(self.rows):
            texts = (
                DEFAULT.day(row.statement_date),
                str(row.revision),
                "Yes" if row.current else "Superseded",
                row.statement_type,
                row.branch,
                row.currency,
                DEFAULT.amount(row.opening),
                DEFAULT.amount(row.closing),
                row.printed,
            )
            for column, text in enumerate(texts):
                self.table.setItem(number, column, QTableWidgetItem(text))
        if self.rows:
            self.table.selectRow(0)
        else:
            self.message.setText("The customer has no statements yet.")
        self.table.resizeColumnsToContents()

    def open_selected(self) -> None:
        selected = self.table.currentRow()
        if not 0 <= selected < len(self.rows):
            self.message.setText("Select a statement first.")
            return
        row = self.rows[selected]
        try:
            with self.store.transaction() as session:
                _path, data = archived_pdf(session, row.statement_id, paths.statements_dir())
        except ArchiveError as error:
            self.message.setText(str(error))
            return
        self.message.setText("")
        title = f"Statement {self.customer_label} {row.statement_date.isoformat()}"
        self.show_pdf(data, f"{title} (revision {row.revision})")
        self.refresh()
        self.table.selectRow(selected)

    def _preview(self, data: bytes, title: str) -> None:
        from app.windows.statements.preview import StatementPreview

        StatementPreview(data, title, self).exec()
