"""The product's resources folder: found through app/resources.py, complete in both icon themes,
shipped in the wheel, and used by the toolbar and the windows."""

from __future__ import annotations

import fnmatch
import tomllib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QToolBar, QToolButton
from pytestqt.qtbot import QtBot

from app import resources
from app.windows.framework.record_screen import STANDARD_ACTIONS, RecordScreen
from app.windows.style import apply_look

ROOT = Path(__file__).resolve().parents[2]


def test_the_resources_folder_is_the_top_level_one_in_a_checkout() -> None:
    assert resources.root() == ROOT / "resources"
    assert "QLineEdit" in resources.style_sheet()


def test_every_toolbar_icon_is_drawn_in_both_themes_as_valid_svg(qtbot: QtBot) -> None:
    light = sorted(p.name for p in resources.path("icons", "light").glob("*.svg"))
    dark = sorted(p.name for p in resources.path("icons", "dark").glob("*.svg"))
    assert light == dark
    assert {"save", "cancel", "add", "delete", "copy", "paste", "first", "previous", "next"} <= {
        name.removesuffix(".svg") for name in light
    }
    for theme in ("light", "dark"):
        for name in light:
            renderer = QSvgRenderer(str(resources.path("icons", theme, name)))
            assert renderer.isValid(), f"{theme}/{name}"
            assert renderer.defaultSize() == QSize(24, 24)
    # The two themes differ in colour only: a light stroke on the dark scheme.
    assert (
        resources.path("icons", "light", "save.svg").read_text()
        != resources.path("icons", "dark", "save.svg").read_text()
    )


def test_the_application_icon_comes_in_svg_and_png_sizes(qtbot: QtBot) -> None:
    assert QSvgRenderer(str(resources.path("app", "customer-ledger.svg"))).isValid()
    for size in resources.APP_ICON_SIZES:
        image = QImage(str(resources.path("app", f"customer-ledger-{size}.png")))
        assert (image.width(), image.height()) == (size, size)
    assert resources.app_icon().availableSizes() == [
        QSize(size, size) for size in resources.APP_ICON_SIZES
    ]


def test_the_wheel_ships_every_resource() -> None:
    """setup.py maps resources/ to the package app._resources; pyproject's package data must
    match each of its files (a file it misses would be left out of the wheel)."""
    setup = (ROOT / "setup.py").read_text()
    assert '"app._resources": "resources"' in setup
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    patterns = data["package-data"]["app._resources"]
    for file in (ROOT / "resources").rglob("*"):
        if file.is_file():
            relative = file.relative_to(ROOT / "resources").as_posix()
            assert any(fnmatch.fnmatch(relative, p.replace("**/", "*/")) for p in patterns) or any(
                fnmatch.fnmatch(relative, p.removeprefix("**/")) for p in patterns
            ), relative


def test_the_record_toolbar_shows_an_icon_on_each_standard_action(
    qtbot: QtBot, open_screen: Callable[[str], RecordScreen]
) -> None:
    screen = open_screen("AR201000")
    toolbar = screen.findChild(QToolBar, "record_toolbar")
    assert toolbar is not None
    for standard in STANDARD_ACTIONS:
        action = screen.action(standard.name)
        assert not action.icon().isNull(), standard.name
        button = toolbar.widgetForAction(action)
        assert isinstance(button, QToolButton)
        # Browsing arrows are icons alone; the others keep their words beside the icon.
        assert (button.toolButtonStyle().name == "ToolButtonIconOnly") == standard.icon_only
        assert standard.label in action.toolTip()


def test_the_application_and_its_windows_get_the_application_icon(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_look(app)
    assert not app.windowIcon().isNull()
    assert QSize(32, 32) in app.windowIcon().availableSizes()
