"""The product's resources (the top-level ``resources/`` folder): style sheet, toolbar icons
(a light and a dark set), the application icon and translations — found through this module
only, in a source checkout and in an installed wheel alike.

In a checkout (and a PyInstaller bundle, which keeps the checkout's layout) the folder sits
beside the ``app`` package; a wheel installs it as ``app/_resources`` (pyproject.toml maps it
there), so both places are looked in.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtCore import QLocale, QRect, QSize, Qt, QTranslator
from PySide6.QtGui import QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap

# Found without Qt (the PDF reports' fonts, in worker processes), shown here for Qt's users.
from app.resource_paths import path as path
from app.resource_paths import root as root

APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def style_sheet(*, dark: bool = False) -> str:
    """The application style sheet; with the dark scheme's colours added after it."""
    sheet = path("style", "style.qss").read_text(encoding="utf-8")
    if dark:
        sheet += "\n" + path("style", "dark.qss").read_text(encoding="utf-8")
    return sheet


def is_dark(palette: QPalette | None = None) -> bool:
    """A dark scheme: window text lighter than the window."""
    if palette is None:
        palette = QGuiApplication.palette()
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return text.lightness() > window.lightness()


def icon_names() -> list[str]:
    return sorted(file.stem for file in path("icons", "light").glob("*.svg"))


def icon(name: str, *, dark: bool | None = None) -> QIcon:
    """A toolbar icon of the set matching the palette (light strokes on a dark scheme).

    Without ``dark`` the icon follows the palette when it is drawn, so a change of the system's
    scheme while the app runs redraws every toolbar and button in the other set."""
    if dark is not None:
        return QIcon(str(icon_path(name, dark=dark)))
    return QIcon(_SchemeIcon(name))


class _SchemeIcon(QIconEngine):
    """Draws the light or the dark set's SVG, whichever the palette needs at that moment."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self._name = name

    def _current(self) -> QIcon:
        return _svg_icon(str(icon_path(self._name)))

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        self._current().paint(painter, rect, Qt.AlignmentFlag.AlignCenter, mode, state)

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self._current().pixmap(size, mode, state)

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        return self._current().actualSize(size, mode, state)

    def clone(self) -> QIconEngine:
        return _SchemeIcon(self._name)

    def key(self) -> str:
        return "customer-ledger-scheme-icon"


@cache
def _svg_icon(file: str) -> QIcon:
    """One QIcon per SVG file, so its rendered sizes are cached across redraws."""
    return QIcon(file)


def icon_path(name: str, *, dark: bool | None = None) -> Path:
    """The icon's SVG in the set for the palette (or the scheme asked for)."""
    theme = "dark" if (is_dark() if dark is None else dark) else "light"
    return path("icons", theme, f"{name}.svg")


def app_icon() -> QIcon:
    """The application icon: its PNG sizes, rendered from the SVG (tools/make_icons.py)."""
    result = QIcon()
    for size in APP_ICON_SIZES:
        result.addFile(str(path("app", f"customer-ledger-{size}.png")), QSize(size, size))
    return result


def translations() -> Path:
    return path("translations")


def install_translator(app: QGuiApplication, locale: QLocale | None = None) -> QTranslator | None:
    """The translation for the user's locale, when one is shipped (none are yet)."""
    translator = QTranslator(app)
    if translator.load(locale or QLocale(), "customer-ledger", "_", str(translations())):
        app.installTranslator(translator)
        return translator
    return None
