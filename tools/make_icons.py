"""Write the toolbar icon set (light and dark) and the application icon's PNG sizes.

    python tools/make_icons.py

The icons are drawn here once, as SVG paths on a 24×24 grid with one stroke width, so the set
stays consistent; the light set is dark strokes (for a light window), the dark set light ones.
The application icon's PNGs are rendered from resources/app/customer-ledger.svg with Qt's
QSvgRenderer. The written files are committed; run this again after changing a drawing.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent / "resources"
APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
# Stroke colours: readable on the light and the dark palette (both above 7:1).
STROKES = {"light": "#2b3440", "dark": "#e3e8ef"}
ACCENT = {"light": "#1d4f91", "dark": "#8cb8f0"}

# name -> SVG elements (stroked with the theme colour; "accent" elements in the accent colour).
ICONS: dict[str, tuple[str, ...]] = {
    "save": (
        '<path d="M5 3h11l3 3v13a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z"/>',
        '<path d="M7 3v5h8V3"/>',
        '<path d="M7 21v-7h10v7"/>',
    ),
    "cancel": ('<path d="M9 14L4 9l5-5"/>', '<path d="M4 9h11a5 5 0 0 1 0 10h-4"/>'),
    "add": ('<path class="accent" d="M12 5v14M5 12h14"/>',),
    "delete": (
        '<path d="M4 7h16"/>',
        '<path d="M6 7l1 13h10l1-13"/>',
        '<path d="M9 7V4h6v3"/>',
        '<path d="M10 11v6M14 11v6"/>',
    ),
    "copy": (
        '<rect x="9" y="9" width="11" height="11" rx="2"/>',
        '<path d="M5 15H4a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v1"/>',
    ),
    "paste": (
        '<path d="M9 4H6a1 1 0 0 0-1 1v15a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V5a1 1 0 0 0-1-1h-3"/>',
        '<rect x="9" y="2" width="6" height="4" rx="1"/>',
    ),
    "first": ('<path d="M6 5v14"/>', '<path d="M18 6l-7 6 7 6"/>'),
    "previous": ('<path d="M15 6l-6 6 6 6"/>',),
    "next": ('<path d="M9 6l6 6-6 6"/>',),
    "last": ('<path d="M18 5v14"/>', '<path d="M6 6l7 6-7 6"/>'),
    "list": (
        '<path d="M9 6h11M9 12h11M9 18h11"/>',
        '<path d="M4 6h.01M4 12h.01M4 18h.01"/>',
    ),
    "search": ('<circle cx="11" cy="11" r="7"/>', '<path d="M21 21l-5-5"/>'),
    "print": (
        '<path d="M6 9V3h12v6"/>',
        '<path d="M6 18H4a1 1 0 0 1-1-1v-6a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2v6a1 1 0 0 1-1 1h-2"/>',
        '<rect x="6" y="14" width="12" height="7"/>',
    ),
    "settings": (
        '<circle cx="12" cy="12" r="3"/>',
        '<path d="M12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9L7 7M17 17l2.1 2.1'
        'M4.9 19.1L7 17M17 7l2.1-2.1"/>',
    ),
    "actions": ('<path d="M5 12h.01M12 12h.01M19 12h.01"/>',),
    "help": (
        '<circle cx="12" cy="12" r="9"/>',
        '<path d="M9.5 9a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6V14"/>',
        '<path d="M12 17h.01"/>',
    ),
    "calendar": (
        '<rect x="3" y="5" width="18" height="16" rx="2"/>',
        '<path d="M3 10h18M8 3v4M16 3v4"/>',
    ),
    "lookup": ('<circle cx="11" cy="11" r="6"/>', '<path d="M20 20l-4.5-4.5"/>'),
    "problem": (
        '<path class="accent" d="M12 3l10 18H2z"/>',
        '<path class="accent" d="M12 10v5M12 18h.01"/>',
    ),
}


def icon_svg(elements: tuple[str, ...], stroke: str, accent: str) -> str:
    body = "\n  ".join(
        element.replace('class="accent" ', f'stroke="{accent}" ') for element in elements
    )
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24" viewBox="0 0 24 24" '
        f'fill="none" stroke="{stroke}" stroke-width="2" stroke-linecap="round" '
        f'stroke-linejoin="round">\n  {body}\n</svg>\n'
    )


def write_icons() -> None:
    for theme, stroke in STROKES.items():
        folder = ROOT / "icons" / theme
        folder.mkdir(parents=True, exist_ok=True)
        for name, elements in ICONS.items():
            (folder / f"{name}.svg").write_text(
                icon_svg(elements, stroke, ACCENT[theme]), encoding="utf-8"
            )


def render_app_icon() -> None:
    source = ROOT / "app" / "customer-ledger.svg"
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"{source} is not a valid SVG")
    for size in APP_ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        image.save(str(ROOT / "app" / f"customer-ledger-{size}.png"))


def main() -> int:
    app = QGuiApplication(sys.argv)
    write_icons()
    render_app_icon()
    del app
    print(f"icons written under {ROOT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
