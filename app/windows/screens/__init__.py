"""The screen registry: what the navigation lists and the go-to box finds.

Screens are imported only when first opened, so start-up stays fast.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from app.models.database import Store


@dataclass(frozen=True)
class ScreenInfo:
    id: str
    title: str
    group: str
    module: str  # module under app.windows.screens defining ``create_screen(store, parent)``

    def factory(self) -> Callable[[Store, QWidget | None], QWidget]:
        module = importlib.import_module(f"app.windows.screens.{self.module}")
        factory: Callable[[Store, QWidget | None], QWidget] = module.create_screen
        return factory

    def matches(self, text: str) -> bool:
        wanted = text.strip().casefold()
        return bool(wanted) and wanted in (self.id.casefold(), self.title.casefold())


CUSTOMER_LEDGER = "Customer ledger"
PREFERENCES = "Preferences"

SCREENS: tuple[ScreenInfo, ...] = (
    ScreenInfo("AR303000", "Customers", CUSTOMER_LEDGER, "customers"),
    ScreenInfo("CR303010", "Customer locations", CUSTOMER_LEDGER, "customer_locations"),
    ScreenInfo("AR201000", "Customer classes", PREFERENCES, "customer_classes"),
    ScreenInfo("AR101000", "Customer ledger preferences", PREFERENCES, "preferences"),
)


def find_screen(text: str, screens: tuple[ScreenInfo, ...] = SCREENS) -> ScreenInfo | None:
    """The screen a go-to entry names: its ID or title, case-insensitive, else a unique prefix."""
    for info in screens:
        if info.matches(text):
            return info
    wanted = text.strip().casefold()
    if not wanted:
        return None
    candidates = [
        info
        for info in screens
        if info.id.casefold().startswith(wanted) or info.title.casefold().startswith(wanted)
    ]
    return candidates[0] if len(candidates) == 1 else None
