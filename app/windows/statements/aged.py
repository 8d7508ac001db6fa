"""Aged receivables (seed 003): what every customer owes as at a date, by the buckets of a
statement cycle, per customer and in total; on screen and as PDF."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import select

from app.ledger.statements.aged_receivables import AgedReceivables, aged_receivables
from app.models import StatementCycle
from app.models.database import Store
from app.reports.formats import DEFAULT


class AgedReceivablesWindow(QDialog):
    def __init__(
        self,
        store: Store,
        parent: QWidget | None = None,
        *,
        show_pdf: Callable[[bytes, str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("aged_receivables")
        self.setWindowTitle("Aged receivables")
        self.store = store
        self.show_pdf = show_pdf or self._preview
        self.report: AgedReceivables | None = None
        self.cycle = QComboBox()
        self.cycle.setObjectName("statement_cycle")
        with store.session() as session:
            cycles = session.scalars(
                select(StatementCycle).order_by(StatementCycle.statement_cycle_id)
            )
            for cycle in cycles:
                self.cycle.addItem(f"{cycle.statement_cycle_id} — {cycle.description}", cycle.id)
        self.as_at = QDateEdit(QDate.currentDate())
        self.as_at.setObjectName("as_at")
        self.as_at.setCalendarPopup(True)
        self.as_at.setDisplayFormat("yyyy-MM-dd")
        form = QFormLayout()
        form.addRow("Ageing of statement cycle", self.cycle)
        form.addRow("As at", self.as_at)
        self.table = QTableWidget(0, 0)
        self.table.setObjectName("grid_aged_receivables")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.message = QLabel()
        self.message.setObjectName("message")
        show = QPushButton("Show")
        show.setObjectName("action_show")
        show.clicked.connect(self.refresh)
        self.pdf_button = QPushButton("PDF…")
        self.pdf_button.setObjectName("action_pdf")
        self.pdf_button.clicked.connect(self.pdf)
        self.pdf_button.setEnabled(False)
        close = QPushButton("Close")
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(show)
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(1000, 560)

    def refresh(self) -> None:
        cycle_id = self.cycle.currentData()
        if cycle_id is None:
            self.message.setText("Ageing of statement cycle: select a cycle whose buckets to use.")
            return
        picked = self.as_at.date()
        with self.store.session() as session:
            report = aged_receivables(
                session, cycle_id, date(picked.year(), picked.month(), picked.day())
            )
        self.report = report
        headers = ["Customer no.", "Customer name", *report.labels, "Total"]
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(report.rows) + 1)
        rows = [
            (r.customer_no, r.customer_name, *(DEFAULT.amount(v) for v in (*r.buckets, r.total)))
            for r in report.rows
        ]
        totals = (*report.totals, sum(report.totals, Decimal(0)))
        rows.append(("", "Total", *(DEFAULT.amount(v) for v in totals)))
        for number, row in enumerate(rows):
            for column, text in enumerate(row):
                item = QTableWidgetItem(text)
                if column >= 2:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.table.setItem(number, column, item)
        self.table.resizeColumnsToContents()
        text = f"{len(report.rows)} customer(s) with open documents"
        # Documents in other currencies are in it at the rates they were entered at.
        self.message.setText(
            f"{text}; amounts in {report.currency}." if report.currency else f"{text}."
        )
        self.pdf_button.setEnabled(True)

    def pdf(self) -> None:
        if self.report is None:
            return
        from app.reports.tables_pdf import aged_receivables_pdf

        self.show_pdf(aged_receivables_pdf(self.report), "Aged receivables")

    def _preview(self, data: bytes, title: str) -> None:
        from app.windows.statements.preview import StatementPreview

        StatementPreview(data, title, self).exec()
