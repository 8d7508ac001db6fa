"""The workstation's log: one rotating file in the user's log folder.

Office staff have no IT department; when something goes wrong the log is what they can send.
Unhandled errors (also those raised inside Qt slots, which Qt would only print) are logged.
The log is readable by the user alone, and holds no customer data (names, addresses,
e-mails): messages name records by id and fields by key, never by what was typed.
"""

from __future__ import annotations

import io
import logging
import os
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from app.paths import PRIVATE_FILE_MODE, log_dir, private_file_descriptor

LOG_FILE_NAME = "customer-ledger.log"
log = logging.getLogger("app")


def log_file() -> Path:
    """The log file, as a message to the user names it."""
    return log_dir() / LOG_FILE_NAME


class PrivateRotatingFileHandler(RotatingFileHandler):
    """A rotating log whose files are made 0600 whatever the umask (rotation renames them,
    keeping the mode; each new file is opened here)."""

    def _open(self) -> io.TextIOWrapper:
        # Always appending: a RotatingFileHandler with a maxBytes opens in "a" mode anyway.
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND
        fd = os.open(self.baseFilename, flags, PRIVATE_FILE_MODE)
        try:
            private_file_descriptor(fd)  # also an older log left readable by others
        except BaseException:
            os.close(fd)
            raise
        return open(fd, "a", encoding=self.encoding, errors=self.errors)


def setup_logging() -> None:
    handler = PrivateRotatingFileHandler(
        log_file(), maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
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
