"""The PDF preview of statements and printed invoices: a PDF's pages rendered by pypdfium2, with
page navigation and zoom, printed page by page through the system print dialog (QPrinter) or
saved as PDF.

Pages are rendered from the very bytes that were archived, so what is previewed, printed and
saved is the statement whose checksum the history keeps. ``printed`` and ``saved`` tell the
window that opened it what was done (an invoice's Pending print is cleared by either).
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.ledger.statements.archive import write_private

ZOOMS = (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)
SCREEN_DPI = 96.0  # a PDF point is 1/72 inch


def page_image(document: pdfium.PdfDocument, index: int, scale: float) -> QImage:
    """Page ``index`` rendered at ``scale`` (1 = 72 dpi), as a QImage owning its pixels."""
    bitmap = document[index].render(scale=scale, rev_byteorder=True)
    kind = QImage.Format.Format_RGBA8888 if bitmap.n_channels == 4 else QImage.Format.Format_RGB888
    image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, kind)
    return image.copy()  # the bitmap's buffer goes with the bitmap


def print_pages(data: bytes, printer: QPrinter, first: int = 1, last: int = 0) -> int:
    """Print pages ``first``..``last`` (1-based; 0: to the end) at the printer's resolution;
    the number of pages printed."""
    document = pdfium.PdfDocument(data)
    count = len(document)
    last = count if last <= 0 else min(last, count)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    printed = 0
    try:
        scale = printer.resolution() / 72.0
        for number in range(max(first, 1), last + 1):
            if printed:
                printer.newPage()
            image = page_image(document, number - 1, scale)
            area = printer.pageLayout().paintRectPixels(printer.resolution())
            target = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(
                0, 0, image.scaled(target, mode=Qt.TransformationMode.SmoothTransformation)
            )
            printed += 1
    finally:
        painter.end()
        document.close()
    return printed


def ask_printer(parent: QWidget, pages: int) -> tuple[QPrinter, int, int] | None:
    """The system print dialog: the printer chosen and the pages (first, last; 0 for all), or
    None when cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setMinMax(1, pages)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return printer, dialog.fromPage(), dialog.toPage()


class PdfPreview(QDialog):
    """A PDF (a statement, an invoice), page by page."""

    printed = Signal(int)  # the number of pages sent to the printer
    saved = Signal(object)  # the Path it was saved to

    def __init__(
        self,
        data: bytes,
        title: str,
        parent: QWidget | None = None,
        *,
        name: str = "statement_preview",
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.data = data
        self.document = pdfium.PdfDocument(data)
        self.page = 0
        self.zoom = 1.0
        self.last_message = ""

        self.image = QLabel()
        self.image.setObjectName("preview_page_image")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        scroll = QScrollArea()
        scroll.setWidget(self.image)
        scroll.setWidgetResizable(True)

        def button(name: str, text: str, slot: object) -> QPushButton:
            found = QPushButton(text)
            found.setObjectName(name)
            found.clicked.connect(slot)
            return found

        self.previous = button(
            "preview_previous", "◀ Previous", lambda: self.show_page(self.page - 1)
        )
        self.next = button("preview_next", "Next ▶", lambda: self.show_page(self.page + 1))
        self.page_label = QLabel()
        self.page_label.setObjectName("preview_page")
        self.zoom_out = button("preview_zoom_out", "−", lambda: self.step_zoom(-1))
        self.zoom_in = button("preview_zoom_in", "+", lambda: self.step_zoom(1))
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("preview_zoom")
        print_button = button("preview_print", "Print…", self.print_dialog)
        save_button = button("preview_save", "Save as PDF…", self.save_dialog)
        close_button = button("preview_close", "Close", self.accept)

        bar = QHBoxLayout()
        for widget in (self.previous, self.page_label, self.next, self.zoom_out, self.zoom_label,
                       self.zoom_in):  # fmt: skip
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (print_button, save_button, close_button):
            bar.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)
        self.resize(900, 1000)
        self.show_page(0)

    def done(self, result: int) -> None:
        # PDFium's document is let go with the window, not at exit.
        self.document.close()
        super().done(result)

    @property
    def page_count(self) -> int:
        return len(self.document)

    def show_page(self, index: int) -> None:
        self.page = max(0, min(index, self.page_count - 1))
        image = page_image(self.document, self.page, self.zoom * SCREEN_DPI / 72.0)
        self.image.setPixmap(QPixmap.fromImage(image))
        self.page_label.setText(f"Page {self.page + 1} of {self.page_count}")
        self.previous.setEnabled(self.page > 0)
        self.next.setEnabled(self.page < self.page_count - 1)
        self.zoom_label.setText(f"{round(self.zoom * 100)} %")
        self.zoom_out.setEnabled(self.zoom > ZOOMS[0])
        self.zoom_in.setEnabled(self.zoom < ZOOMS[-1])

    def step_zoom(self, step: int) -> None:
        position = min(range(len(ZOOMS)), key=lambda i: abs(ZOOMS[i] - self.zoom))
        self.zoom = ZOOMS[max(0, min(len(ZOOMS) - 1, position + step))]
        self.show_page(self.page)

    # -- print and save ----------------------------------------------------------------------

    def print_dialog(self) -> None:
        chosen = ask_printer(self, self.page_count)
        if chosen is None:
            return
        printer, first, last = chosen
        printed = print_pages(self.data, printer, first or 1, last or 0)
        self.last_message = f"{printed} page(s) sent to {printer.printerName() or 'the printer'}."
        if printed:
            self.printed.emit(printed)

    def save_to(self, path: Path) -> None:
        """The PDF as shown (a statement as archived), to ``path`` (atomic, readable by the
        user alone)."""
        write_private(path, self.data)
        self.last_message = f"Saved {path}."
        self.saved.emit(path)

    def save_dialog(self) -> None:
        name, _filter = QFileDialog.getSaveFileName(
            self, "Save as PDF", f"{self.windowTitle()}.pdf", "PDF files (*.pdf)"
        )
        if name:
            self.save_to(Path(name))


# Statements' name for it, as their windows know it.
StatementPreview = PdfPreview
