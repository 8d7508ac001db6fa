"""A required grid column is marked as a required form field is: its header ends with an
asterisk drawn in the required mark's red; other columns have none."""

from __future__ import annotations

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.windows.framework.builder import REQUIRED_MARK
from app.windows.framework.grid import GridEditor
from app.windows.framework.header import REQUIRED_COLOUR, RequiredMarkHeader
from app.windows.framework.spec import Field, Grid, Kind

LINES = Grid(
    "Lines",
    "lines",
    (
        Field("description", "Description", Kind.TEXT),
        Field("amount", "Amount", Kind.MONEY, required=True),
    ),
)


def red_pixels(image: QImage, left: int, right: int) -> int:
    """Pixels where red clearly dominates (anti-aliased edges of the red mark count too)."""
    count = 0
    for x in range(max(left, 0), min(right, image.width())):
        for y in range(image.height()):
            pixel = image.pixelColor(x, y)
            count += pixel.red() > pixel.green() + 50 and pixel.red() > pixel.blue() + 50
    return count


def test_a_required_column_has_the_form_s_red_asterisk(qtbot: QtBot) -> None:
    def no_lookup(_spec: Field, parent: QWidget | None) -> QWidget:
        return QWidget(parent)

    grid = GridEditor(LINES, no_lookup, lambda *_args: None, lambda _rows: {})
    qtbot.addWidget(grid)
    grid.resize(500, 200)
    grid.show()
    qtbot.waitExposed(grid)
    header = grid.view.horizontalHeader()
    assert isinstance(header, RequiredMarkHeader)
    assert REQUIRED_COLOUR in REQUIRED_MARK  # one colour for forms and grids
    assert not header.is_required(0) and header.is_required(1)
    image = header.grab().toImage()
    description = (header.sectionViewportPosition(0), header.sectionViewportPosition(1))
    amount = (description[1], description[1] + header.sectionSize(1))
    assert red_pixels(image, *description) == 0
    assert red_pixels(image, *amount) > 3
