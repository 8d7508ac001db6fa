"""Where the product's resources folder (the top-level ``resources/``) is, without Qt: the PDF
reports (app/reports) find their fonts here, in worker processes that load no Qt.

In a checkout (and a PyInstaller bundle, which keeps the checkout's layout) the folder sits
beside the ``app`` package; a wheel installs it as ``app/_resources`` (setup.py maps it there),
so both places are looked in. app/resources.py adds what Qt makes of them (icons, style).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_PLACES = (_PACKAGE.parent / "resources", _PACKAGE / "_resources")


@cache
def root() -> Path:
    """The resources folder; an installation without one is broken, and says so."""
    for place in _PLACES:
        if (place / "style" / "style.qss").is_file():
            return place
    raise FileNotFoundError(f"no resources folder in {', '.join(map(str, _PLACES))}")


def path(*parts: str) -> Path:
    """A resource's file, ``path("fonts", "DejaVuSans.ttf")``; it must exist."""
    found = root().joinpath(*parts)
    if not found.exists():
        raise FileNotFoundError(found)
    return found
