"""Idle-time warm-up: once the main window is shown, load what opening a screen needs.

Start-up shows the window without the ORM, the models' mapping, the screen framework or the
ledger's rules (together more than the rest of start-up). Opening the first screen would pay for
all of them at once; instead, while the user looks at the window, they are loaded one step per
turn of the event loop (a module import, or configuring the mappers), so input is handled between
steps and the first open of a screen builds its widgets and reads its record only.

A screen opened before the warm-up has finished loads what is still missing itself, as without
a warm-up; the remaining steps then find it loaded. A step that fails is logged and ends the
warm-up: the screen that needs the module meets the same error where it is reported properly.
"""

from __future__ import annotations

import importlib
import logging
import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer, Signal

from app.models import MODEL_MODULES

log = logging.getLogger(__name__)

Step = Callable[[], object]

# Imported in this order: what every screen needs first, then the screens themselves (the ledger
# screens' modules bring their definitions and rules; configuration screens share one module).
SCREEN_MODULES = (
    # The framework's parts one by one, so no step keeps the window waiting long.
    "app.ledger.records",
    "app.ledger.lookups",
    "app.windows.framework.widgets",
    "app.windows.framework.lookup",
    "app.windows.framework.grid",
    "app.windows.framework.record_screen",
    "app.windows.framework.listwindow",
    "app.windows.screens.configuration.reference_screen",
    "app.windows.screens.customers",
    "app.windows.screens.customer_locations",
    "app.windows.screens.customer_classes",
    "app.windows.screens.preferences",
)


def _import(name: str) -> Step:
    return lambda: importlib.import_module(name)


def _configure_mappers() -> None:
    from sqlalchemy.orm import configure_mappers

    configure_mappers()


def default_steps() -> list[Step]:
    """The ORM, each model module, the mappers' configuration, the framework and the screens."""
    steps = [_import("sqlalchemy.orm")]
    steps += [_import(f"app.models.{name}") for name in MODEL_MODULES]
    steps.append(_configure_mappers)
    steps += [_import(name) for name in SCREEN_MODULES]
    return steps


class WarmUp(QObject):
    """Runs its steps one per turn of the event loop; ``finished`` when all have run."""

    finished = Signal()

    def __init__(self, steps: Sequence[Step], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._steps = list(steps)
        self._next = 0
        self.done = False
        self.failed = False  # a step raised (logged); the rest were left to the screens
        self.total_ms = 0.0  # time spent in the steps (the event loop ran in between)
        self.longest_step_ms = 0.0  # the longest the window waited on one step
        # A timer of this object: nothing runs after the window (its parent) is gone.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._run_step)

    def start(self) -> None:
        self._timer.start()

    def _run_step(self) -> None:
        if self._next >= len(self._steps):
            self._finish()
            return
        step = self._steps[self._next]
        self._next += 1
        started = time.perf_counter()
        try:
            step()
        except Exception:
            log.warning("warm-up stopped at step %d", self._next, exc_info=True)
            self.failed = True
            self._finish()
            return
        elapsed = (time.perf_counter() - started) * 1000.0
        self.total_ms += elapsed
        self.longest_step_ms = max(self.longest_step_ms, elapsed)
        self._timer.start()

    def _finish(self) -> None:
        self.done = True
        log.debug(
            "warm-up done: %.0f ms in steps, the longest %.0f ms",
            self.total_ms,
            self.longest_step_ms,
        )
        self.finished.emit()


def start(parent: QObject, steps: Sequence[Step] | None = None) -> WarmUp:
    """Start warming up once the event loop runs (after the window is shown)."""
    warm_up = WarmUp(default_steps() if steps is None else steps, parent)
    warm_up.start()
    return warm_up
