"""The application's look: the style sheet (resources/style/style.qss, read through
app/resources.py), the application icon and the palette — the system's light or dark scheme,
with disabled text readable on either — applied to the QApplication at start and again when
the system's scheme changes while the app runs (icons follow the palette by themselves)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from app import resources

# Greyed-out text (values under a ticked Same as main, a disabled option list) must stay
# readable: WCAG AA asks 4.5:1; the platform's #bebebe on #efefef gave 1.6:1.
MIN_CONTRAST = 4.5
DISABLED_TEXT = QColor("#5f5f5f")
DISABLED_TEXT_ON_DARK = QColor("#a6a6a6")
READABLE_HIGHLIGHT = QColor("#1f5f99")  # white on it: 6.6:1
DISABLED_ROLES = (
    QPalette.ColorRole.Text,
    QPalette.ColorRole.WindowText,
    QPalette.ColorRole.ButtonText,
    QPalette.ColorRole.PlaceholderText,
)


def style_sheet() -> str:
    return resources.style_sheet()


def readable_palette(palette: QPalette) -> QPalette:
    """The palette with disabled text readable on the disabled backgrounds: dark grey on a
    light scheme, light grey on a dark one."""
    changed = QPalette(palette)
    dark = resources.is_dark(palette)
    for role in DISABLED_ROLES:
        changed.setColor(
            QPalette.ColorGroup.Disabled, role, DISABLED_TEXT_ON_DARK if dark else DISABLED_TEXT
        )
    # A selected row's text on its highlight: Fusion's #308cc6 under white is 3.7:1.
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        text = changed.color(group, QPalette.ColorRole.HighlightedText)
        if contrast(text, changed.color(group, QPalette.ColorRole.Highlight)) < MIN_CONTRAST:
            changed.setColor(group, QPalette.ColorRole.Highlight, READABLE_HIGHLIGHT)
    return changed


# The dark scheme's colours, by role (all groups; the disabled text set by readable_palette).
DARK_COLORS: dict[QPalette.ColorRole, str] = {
    QPalette.ColorRole.Window: "#2b2d30",
    QPalette.ColorRole.WindowText: "#e6e6e6",
    QPalette.ColorRole.Base: "#1e1f22",
    QPalette.ColorRole.AlternateBase: "#26282b",
    QPalette.ColorRole.Text: "#e6e6e6",
    QPalette.ColorRole.Button: "#393b40",
    QPalette.ColorRole.ButtonText: "#e6e6e6",
    QPalette.ColorRole.Highlight: "#2f65ca",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.ToolTipBase: "#393b40",
    QPalette.ColorRole.ToolTipText: "#e6e6e6",
    QPalette.ColorRole.PlaceholderText: "#a6a6a6",
    QPalette.ColorRole.Link: "#8cb8f0",
    QPalette.ColorRole.BrightText: "#ffffff",
    QPalette.ColorRole.Light: "#4a4d52",
    QPalette.ColorRole.Midlight: "#404348",
    QPalette.ColorRole.Mid: "#303236",
    QPalette.ColorRole.Dark: "#1a1b1d",
    QPalette.ColorRole.Shadow: "#0e0e0f",
}
# Disabled backgrounds on the dark scheme: the window's, so the disabled grey keeps 4.5:1.
DARK_DISABLED: dict[QPalette.ColorRole, str] = {
    QPalette.ColorRole.Base: "#2b2d30",
    QPalette.ColorRole.Window: "#2b2d30",
    QPalette.ColorRole.Button: "#33353a",
}


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, color in DARK_COLORS.items():
        palette.setColor(role, QColor(color))
    for role, color in DARK_DISABLED.items():
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(color))
    return readable_palette(palette)


def system_is_dark(app: QGuiApplication) -> bool:
    """The system's colour scheme is dark (Qt 6.5+ reads it from the platform)."""
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def palette_for(app: QGuiApplication, *, dark: bool | None = None) -> QPalette:
    """The application palette for the system's scheme (or the one asked for)."""
    if dark if dark is not None else system_is_dark(app):
        return dark_palette()
    return readable_palette(app.palette())


# The platform's own (light) palette, kept before ours replaces it: the base to go back to
# when the system turns light again.
_platform_palette: QPalette | None = None


def apply_look(app: QApplication) -> None:
    """Palette and style sheet, once (a style sheet set again restyles every widget), and a
    restyle whenever the system's light or dark scheme changes."""
    global _platform_palette
    if app.property("look_applied"):
        return
    _platform_palette = QPalette(app.palette())
    restyle(app, dark=system_is_dark(app))
    app.setWindowIcon(resources.app_icon())  # every window's icon, the main window's included
    app.styleHints().colorSchemeChanged.connect(
        lambda scheme: restyle(app, dark=scheme == Qt.ColorScheme.Dark)
    )
    app.setProperty("look_applied", True)


def restyle(app: QApplication, *, dark: bool) -> None:
    """The palette and style sheet of the scheme; every open window repaints in it."""
    if dark:
        palette = dark_palette()
    else:
        base = _platform_palette if _platform_palette is not None else app.palette()
        if resources.is_dark(base):  # started dark: the style's standard light palette
            base = app.style().standardPalette()
        palette = readable_palette(base)
    app.setPalette(palette)
    app.setStyleSheet(resources.style_sheet(dark=dark))


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
