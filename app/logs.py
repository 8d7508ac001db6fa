"""The workstation's log: one rotating file in the user's log folder.

Office staff have no IT department; when something goes wrong the log is what they can send.
Unhandled errors (also those raised inside Qt slots, which Qt would only print) are logged.
"""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from app.paths import log_dir

LOG_FILE_NAME = "customer-ledger.log"
log = logging.getLogger("app")


def log_file() -> Path:
    """The log file, as a message to the user names it."""
    return log_dir() / LOG_FILE_NAME


def setup_logging() -> None:
    handler = RotatingFileHandler(log_file(), maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    previous = sys.excepthook

    def log_unhandled(
        kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        log.error("unhandled error", exc_info=(kind, error, trace))
        previous(kind, error, trace)

    sys.excepthook = log_unhandled
