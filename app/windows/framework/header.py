"""Grid column headers that mark a required column as a form marks a required field: the
label, then a red asterisk (builder.REQUIRED_MARK), so a user learns one sign for "must be
filled" on forms and grids alike.

The model's header text keeps the plain " *" (for width, tooltips and screen readers); only
the asterisk is painted in the mark's colour."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QHeaderView, QStyle, QStyleOptionHeader, QWidget

REQUIRED_COLOUR = "#c0392b"
REQUIRED_SUFFIX = " *"


class RequiredMarkHeader(QHeaderView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)
        self.setHighlightSections(True)

    def is_required(self, section: int) -> bool:
        model = self.model()
        if model is None:
            return False
        text = model.headerData(section, self.orientation(), Qt.ItemDataRole.DisplayRole)
        return isinstance(text, str) and text.endswith(REQUIRED_SUFFIX)

    def paintSection(self, painter: QPainter, rect: QRect, section: int) -> None:
        if not rect.isValid() or not self.is_required(section):
            super().paintSection(painter, rect, section)
            return
        option = QStyleOptionHeader()
        self.initStyleOptionForIndex(option, section)
        option.rect = rect
        label = option.text[: -len(REQUIRED_SUFFIX)]
        option.text = label
        painter.save()
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        text_rect = self.style().subElementRect(QStyle.SubElement.SE_HeaderLabel, option, self)
        metrics = option.fontMetrics
        label_width = metrics.horizontalAdvance(label)
        if option.textAlignment & Qt.AlignmentFlag.AlignRight:
            left = text_rect.right() - label_width
        elif option.textAlignment & Qt.AlignmentFlag.AlignHCenter:
            left = text_rect.center().x() - label_width // 2
        else:
            left = text_rect.left()
        mark_left = min(left + label_width, text_rect.right() - metrics.horizontalAdvance(" *"))
        painter.setPen(QColor(REQUIRED_COLOUR))
        painter.drawText(
            QRect(mark_left, text_rect.top(), text_rect.right() - mark_left, text_rect.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            REQUIRED_SUFFIX,
        )
        painter.restore()
