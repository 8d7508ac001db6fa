"""The light and the dark scheme: every text on its background readable (WCAG AA, computed from
the palette), disabled text included; the dark scheme gets the light-stroked icons and its own
message colours."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from app import resources
from app.windows.framework.record_screen import RecordScreen
from app.windows.style import (
    MIN_CONTRAST,
    apply_look,
    contrast,
    dark_palette,
    palette_for,
    readable_palette,
    restyle,
)

ROLE = QPalette.ColorRole
PAIRS = (
    (ROLE.Text, ROLE.Base),
    (ROLE.Text, ROLE.Window),
    (ROLE.WindowText, ROLE.Window),
    (ROLE.ButtonText, ROLE.Button),
    (ROLE.PlaceholderText, ROLE.Base),
)
ACTIVE_PAIRS = (
    *PAIRS,
    (ROLE.HighlightedText, ROLE.Highlight),
    (ROLE.ToolTipText, ROLE.ToolTipBase),
)


def palettes(qapp: QApplication) -> dict[str, QPalette]:
    return {"light": readable_palette(qapp.palette()), "dark": dark_palette()}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_text_is_readable_on_its_background(qapp: QApplication, scheme: str) -> None:
    palette = palettes(qapp)[scheme]
    group = QPalette.ColorGroup
    for text, background in ACTIVE_PAIRS:
        ratio = contrast(palette.color(group.Active, text), palette.color(group.Active, background))
        assert ratio >= MIN_CONTRAST, (scheme, "active", text, background, ratio)
    for text, background in PAIRS:
        ratio = contrast(
            palette.color(group.Disabled, text), palette.color(group.Disabled, background)
        )
        assert ratio >= MIN_CONTRAST, (scheme, "disabled", text, background, ratio)


def test_the_dark_scheme_is_dark_and_chosen_when_asked(qapp: QApplication) -> None:
    assert resources.is_dark(dark_palette())
    assert not resources.is_dark(readable_palette(qapp.palette()))
    assert palette_for(qapp, dark=True) == dark_palette()
    assert palette_for(qapp, dark=False) == readable_palette(qapp.palette())


def test_the_dark_scheme_gets_light_icons(qapp: QApplication) -> None:
    assert resources.icon_path("save", dark=True).parent.name == "dark"
    assert resources.icon_path("save", dark=False).parent.name == "light"
    stroke = re.search(
        r'stroke="(#[0-9a-f]{6})"', resources.icon_path("save", dark=True).read_text()
    )
    assert stroke is not None
    window = dark_palette().color(ROLE.Window)
    assert contrast(QColor(stroke.group(1)), window) >= MIN_CONTRAST


def test_the_message_colours_are_readable_in_both_schemes() -> None:
    """Each message background in the style sheets with the text colour drawn on it."""
    for dark in (False, True):
        sheet = resources.style_sheet(dark=dark)
        if dark:
            sheet = sheet[sheet.index("Added after style.qss") :]
        for kind in ("error", "info"):
            background = re.search(
                rf'QFrame#message_bar\[kind="{kind}"\], [^{{]*\{{\s*background: (#[0-9a-f]{{6}})',
                sheet,
            )
            text = re.search(
                rf'QFrame#message_bar\[kind="{kind}"\] QLabel[^{{]*\{{\s*color: (#[0-9a-f]{{6}})',
                sheet,
            )
            assert background is not None and text is not None, (dark, kind)
            ratio = contrast(QColor(text.group(1)), QColor(background.group(1)))
            assert ratio >= MIN_CONTRAST, (dark, kind, ratio)


def test_a_change_of_the_system_scheme_while_running_restyles_and_redraws_the_icons(
    qapp: QApplication, open_screen: Callable[[str], RecordScreen]
) -> None:
    apply_look(qapp)
    screen = open_screen("AR201000")
    save = screen.action("save")

    def drawn(dark: bool) -> bool:
        shown = save.icon().pixmap(24, 24).toImage()
        return shown == resources.icon("save", dark=dark).pixmap(24, 24).toImage()

    hints = qapp.styleHints()
    try:
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        assert resources.is_dark(qapp.palette())
        assert "Added after style.qss" in qapp.styleSheet()
        assert drawn(dark=True) and not drawn(dark=False)
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
        assert not resources.is_dark(qapp.palette())
        assert "Added after style.qss" not in qapp.styleSheet()
        assert drawn(dark=False) and not drawn(dark=True)
    finally:
        restyle(qapp, dark=False)


def test_the_message_bar_problem_sign_follows_a_change_of_the_scheme(
    qapp: QApplication, open_screen: Callable[[str], RecordScreen]
) -> None:
    apply_look(qapp)
    screen = open_screen("AR201000")
    screen.show_message("Something is wrong.", error=True)
    sign = screen.message_bar.icon

    def drawn(dark: bool) -> bool:
        shown = sign.pixmap().toImage()
        return shown == resources.icon("problem", dark=dark).pixmap(16, 16).toImage()

    assert drawn(dark=False) and not drawn(dark=True)
    hints = qapp.styleHints()
    try:
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        assert drawn(dark=True) and not drawn(dark=False)
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
        assert drawn(dark=False)
    finally:
        restyle(qapp, dark=False)
