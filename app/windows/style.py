"""The application's look: the style sheet (resources/style/style.qss, read through
app/resources.py), the application icon and the palette's disabled colours, applied once to
the QApplication."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from app import resources

# Greyed-out text (values under a ticked Same as main, a disabled option list) must stay
# readable: WCAG AA asks 4.5:1; the platform's #bebebe on #efefef gave 1.6:1.
MIN_CONTRAST = 4.5
DISABLED_TEXT = QColor("#5f5f5f")
DISABLED_ROLES = (
    QPalette.ColorRole.Text,
    QPalette.ColorRole.WindowText,
    QPalette.ColorRole.ButtonText,
    QPalette.ColorRole.PlaceholderText,
)


def style_sheet() -> str:
    return resources.style_sheet()


def readable_palette(palette: QPalette) -> QPalette:
    """The palette with disabled text dark enough on the disabled backgrounds."""
    changed = QPalette(palette)
    for role in DISABLED_ROLES:
        changed.setColor(QPalette.ColorGroup.Disabled, role, DISABLED_TEXT)
    return changed


def apply_look(app: QApplication) -> None:
    """Palette and style sheet, once: a style sheet set again restyles every widget."""
    if app.property("look_applied"):
        return
    app.setPalette(readable_palette(app.palette()))
    app.setStyleSheet(style_sheet())
    app.setWindowIcon(resources.app_icon())  # every window's icon, the main window's included
    app.setProperty("look_applied", True)


def luminance(color: QColor) -> float:
    """WCAG relative luminance."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(color.redF())
        + 0.7152 * linear(color.greenF())
        + 0.0722 * linear(color.blueF())
    )


def contrast(foreground: QColor, background: QColor) -> float:
    """WCAG contrast ratio, 1 to 21."""
    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
