"""Unexpected errors: nothing fails unseen (DESIGN §7).

An exception that escapes a slot reaches ``sys.excepthook``, where Qt would only print it to a
terminal office staff never see. While the app runs, :func:`reporting` puts a hook there that
logs the error with its traceback and shows a dialog: what failed, that nothing was saved, and
where the log file is. Unattended runs (benchmarks, offscreen) only log it, as before: a dialog
there would wait for a click no one gives.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app import APP_NAME
from app.logs import log, log_file

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]

# Platforms without a user in front of them: a modal dialog there never closes.
HEADLESS_PLATFORMS = frozenset({"offscreen", "minimal"})
DIALOG_NAME = "unexpected_error"


def what_failed(error: BaseException) -> str:
    """The error in one line, for a user: a database error's own cause rather than its SQL."""
    cause = getattr(error, "orig", None)  # SQLAlchemy wraps what the driver or a type raised
    shown = cause if isinstance(cause, BaseException) else error
    text = str(shown).strip()
    return f"{type(shown).__name__}: {text}" if text else type(shown).__name__


def where_logged() -> str:
    """Where the details are, as a sentence."""
    return f"The details are in the log file {log_file()}."


def show_error(parent: QWidget | None, title: str, text: str, details: str) -> None:
    """The unexpected-error dialog; tests replace it (it is modal)."""
    box = QMessageBox(parent)
    box.setObjectName(DIALOG_NAME)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(title)
    box.setText(text)
    box.setDetailedText(details)
    box.exec()


class ErrorReporter:
    """The excepthook: log with the traceback, then tell the user (one dialog at a time)."""

    def __init__(self, previous: ExceptHook, *, unattended: bool) -> None:
        self.previous = previous
        self.unattended = unattended
        self._showing = False

    def __call__(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        # Ctrl+C in a terminal and SystemExit go on as before; so does everything in an
        # unattended run, where the hook before this one logs (app.logs) or, in the test
        # suite, fails the test (pytest-qt).
        if self.unattended or not issubclass(kind, Exception):
            self.previous(kind, error, trace)
            return
        log.error("unexpected error", exc_info=(kind, error, trace))
        details = "".join(traceback.format_exception(kind, error, trace))
        sys.stderr.write(details)  # a terminal still sees what Qt would have printed
        # A second error while the dialog is open (a timer firing behind it) is only logged:
        # dialogs piling up would bury the first, which says what to do.
        if self._showing or QApplication.instance() is None:
            return
        self._showing = True
        try:
            show_error(
                QApplication.activeWindow(),
                f"{APP_NAME} — unexpected error",
                f"Something failed unexpectedly: {what_failed(error)}\n\n"
                "Nothing was saved by the step that failed; what you typed is still on the "
                f"screen. {where_logged()}",
                details,
            )
        except Exception:  # the report must never raise into the event loop itself
            log.exception("the unexpected-error dialog failed")
        finally:
            self._showing = False


def is_unattended(app: QApplication) -> bool:
    return app.platformName() in HEADLESS_PLATFORMS


@contextmanager
def reporting(*, unattended: bool) -> Iterator[ErrorReporter]:
    """Report unexpected errors while the block runs (the app's event loop); the hook that was
    there before comes back afterwards."""
    previous = sys.excepthook
    reporter = ErrorReporter(previous, unattended=unattended)
    sys.excepthook = reporter
    try:
        yield reporter
    finally:
        sys.excepthook = previous
