"""How a screen asks the shell to open another screen on a record (AR303000's Add location and
its Locations rows open CR303010). Qt-free and light: the main window imports it at start-up.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Target:
    """A screen and what it should show: a saved record (``record_id``), or a new record
    starting with ``values`` (a new location of the customer: ``{"customer": 7}``)."""

    screen_id: str
    record_id: int | None = None
    values: Mapping[str, Any] = field(default_factory=dict)


# What the shell gives a screen: open the target screen (created or brought to front) and show
# the target there; the screen shown, or None when it could not be opened.
Navigate = Callable[[Target], object]
