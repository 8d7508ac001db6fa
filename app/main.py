"""Command line and ordered start-up: arguments → QApplication → store → main window.

Only the standard library and ``app`` itself are imported at module level, so ``--help``
and ``--version`` answer at once; Qt, SQLAlchemy and Alembic load inside :func:`main`.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from pathlib import Path

from app import APP_ID, APP_NAME, __version__

DATABASE_ENV = "CUSTOMER_LEDGER_DATABASE"
# Benchmark hook (bench/startup.py): print the time to a shown, idle window, then quit.
QUIT_WHEN_READY_ENV = "CUSTOMER_LEDGER_QUIT_WHEN_READY"
READY_PREFIX = "ready_ms"
EXIT_DATABASE_REFUSED = 2

_IMPORTED_AT = time.perf_counter()


def process_elapsed_ms() -> float:
    """Milliseconds since this process started (Linux: from /proc), else since app.main loaded."""
    try:
        stat = Path("/proc/self/stat").read_text()
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        # Field 22 (starttime, clock ticks since boot); the command name may contain spaces.
        start_ticks = int(stat.rsplit(")", 1)[1].split()[19])
        return (uptime - start_ticks / os.sysconf("SC_CLK_TCK")) * 1000.0
    except (OSError, ValueError, IndexError, AttributeError):
        return (time.perf_counter() - _IMPORTED_AT) * 1000.0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=APP_ID,
        description=f"{APP_NAME}: an offline customer ledger workstation.",
        epilog=(f"environment:\n  {DATABASE_ENV}  database URL used when --database is not given"),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--database",
        metavar="URL",
        help=(
            "SQLAlchemy database URL (e.g. sqlite:////path/ledger.sqlite or "
            "postgresql://user@host/ledger) or a path to a SQLite file; "
            f"default: ${DATABASE_ENV}, else ledger.sqlite in the user data folder"
        ),
    )
    parser.add_argument("--version", action="version", version=f"{APP_ID} {__version__}")
    return parser


def database_url(value: str | None) -> str:
    """The URL to open: the option, else the environment, else the user's own ledger file."""
    value = value or os.environ.get(DATABASE_ENV) or None
    if value is None:
        from app.models.database import default_database_url

        return default_database_url()
    if "://" not in value:
        # A bare path is friendlier on the command line than a four-slash URL.
        return f"sqlite:///{Path(value).expanduser().resolve()}"
    return value


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version and usage errors end here
        return stop.code if isinstance(stop.code, int) else 1
    url = database_url(args.database)
    # Start-up creates a few hundred thousand long-lived objects (modules, classes, mappers,
    # Qt wrappers); collecting while they pile up is wasted work. After the window is shown
    # they are frozen, so later collections and the exit never walk them again.
    gc.disable()
    try:
        return _start(parser, url)
    finally:
        gc.enable()


def _start(parser: argparse.ArgumentParser, url: str) -> int:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, SQLAlchemyError

    try:
        make_url(url)
    except ArgumentError as error:
        parser.print_usage(sys.stderr)
        print(f"{APP_ID}: error: --database: {error}", file=sys.stderr)
        return 2

    from app.logs import log, setup_logging

    setup_logging()
    log.info("%s %s starting on %s", APP_ID, __version__, make_url(url).render_as_string())

    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from app.models.startup import DatabaseRefusedError, open_store

    # QSettings reads these names; set them before any QSettings is made.
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_ID)
    QCoreApplication.setApplicationVersion(__version__)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    # Lets Wayland/desktops match the window to packaging/customer-ledger.desktop (its icon).
    # No applicationDisplayName: X11 would append it to every window title.
    app.setDesktopFileName(APP_ID)

    try:
        store = open_store(url)
    except (DatabaseRefusedError, SQLAlchemyError) as error:
        # A refusal explains itself; a driver error (e.g. no driver for the URL's dialect)
        # still deserves a message box rather than a traceback.
        message = str(error)
        if not isinstance(error, DatabaseRefusedError):
            shown = make_url(url).render_as_string(hide_password=True)
            message = f"{APP_NAME} could not open the database {shown}\n\n{error}"
        print(f"{APP_ID}: {message}", file=sys.stderr)
        QMessageBox.critical(None, f"{APP_NAME} — database not opened", message)
        return EXIT_DATABASE_REFUSED

    from app.windows.main_window import MainWindow

    try:
        window = MainWindow(store)
        window.show()
        gc.freeze()
        gc.enable()
        if os.environ.get(QUIT_WHEN_READY_ENV):

            def report_and_quit() -> None:
                print(f"{READY_PREFIX} {process_elapsed_ms():.1f}", flush=True)
                window.close()
                app.quit()

            QTimer.singleShot(0, report_and_quit)
        return app.exec()
    finally:
        store.close()  # also releases the database's instance lock
