"""Command line and ordered start-up: arguments → QApplication → store → main window.

Only the standard library and ``app`` itself are imported at module level, so ``--help``
and ``--version`` answer at once; Qt, SQLAlchemy and Alembic load inside :func:`main`.
"""

from __future__ import annotations

import argparse
import gc
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from app import APP_ID, APP_NAME, __version__

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from app.models.database import Store

DATABASE_ENV = "CUSTOMER_LEDGER_DATABASE"
# First-run setup of a new database: "ask" (the dialog, the default), "defaults" (the system
# locale's choices without asking) or "skip" (leave it unconfigured). Runs with QUIT_WHEN_READY
# are unattended: they skip unless this says otherwise.
FIRST_RUN_ENV = "CUSTOMER_LEDGER_FIRST_RUN"
FIRST_RUN_MODES = ("ask", "defaults", "skip")
# Benchmark hook (bench/startup.py): print the time to a shown, idle window, then quit.
QUIT_WHEN_READY_ENV = "CUSTOMER_LEDGER_QUIT_WHEN_READY"
READY_PREFIX = "ready_ms"
EXIT_DATABASE_REFUSED = 2
EXIT_TERMINATED = 128 + 15  # the shell's code for SIGTERM: ended on request, not by the user
# How often Python gets a turn while Qt's loop runs, so a signal handler is not left waiting.
SIGNAL_POLL_MS = 200
DEMO_CUSTOMERS = 500  # app.ledger.demo.DEFAULT_CUSTOMERS, kept here so --help loads nothing

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
        epilog=(
            "environment:\n"
            f"  {DATABASE_ENV}  database URL used when --database is not given\n"
            f"  {FIRST_RUN_ENV}  first-run setup of a new database: ask (default), "
            "defaults or skip"
        ),
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
    parser.add_argument(
        "--demo",
        action="store_true",
        help=(
            "create a demo company and open it: in demo.sqlite in the user data folder, or in "
            "the --database given (only an empty database or an earlier demo is written to; "
            "an earlier demo is replaced)"
        ),
    )
    parser.add_argument(
        "--customers",
        metavar="N",
        type=int,
        help=f"number of customers of the demo company (with --demo; default {DEMO_CUSTOMERS})",
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


def demo_database_url(value: str | None) -> str:
    """Where --demo makes the demo company: the --database given, else demo.sqlite in the
    user data folder (never the environment's database, which is the user's own ledger)."""
    if value is None:
        from app.ledger.demo import demo_database_path

        return f"sqlite:///{demo_database_path()}"
    return database_url(value)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help, --version and usage errors end here
        return stop.code if isinstance(stop.code, int) else 1
    if args.customers is not None and not args.demo:
        parser.print_usage(sys.stderr)
        print(f"{APP_ID}: error: --customers is an option of --demo", file=sys.stderr)
        return 2
    if args.customers is not None and args.customers < 0:
        parser.print_usage(sys.stderr)
        print(f"{APP_ID}: error: --customers: give 0 or more", file=sys.stderr)
        return 2
    demo = (args.customers if args.customers is not None else DEMO_CUSTOMERS) if args.demo else None
    url = demo_database_url(args.database) if args.demo else database_url(args.database)
    # Start-up creates a few hundred thousand long-lived objects (modules, classes, mappers,
    # Qt wrappers); collecting while they pile up is wasted work. After the window is shown
    # they are frozen, so later collections and the exit never walk them again.
    gc.disable()
    try:
        return _start(parser, url, demo)
    finally:
        gc.enable()


def _start(parser: argparse.ArgumentParser, url: str, demo: int | None = None) -> int:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        make_url(url)
    except ArgumentError as error:
        parser.print_usage(sys.stderr)
        print(f"{APP_ID}: error: --database: {error}", file=sys.stderr)
        return 2

    from app.logs import log, setup_logging
    from app.paths import make_user_folders_private

    # Before the log is written: what an earlier version left readable by others is put
    # right (the data folder, its ledger, demo and backup files, the log). POSIX only.
    make_user_folders_private()
    setup_logging()
    log.info("%s %s starting on %s", APP_ID, __version__, make_url(url).render_as_string())

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    # QSettings reads these names; set them before any QSettings is made.
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_ID)
    QCoreApplication.setApplicationVersion(__version__)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    # Lets Wayland/desktops match the window to packaging/customer-ledger.desktop (its icon).
    # No applicationDisplayName: X11 would append it to every window title.
    app.setDesktopFileName(APP_ID)

    from app.windows.style import apply_look

    apply_look(app)  # before any window: a style sheet set later restyles every widget

    from app import resources

    resources.install_translator(app)  # the user's language, when a translation is shipped

    from app.windows import errors

    # From here on an error escaping a slot (a dialog's, a screen's) is logged and shown,
    # never only printed to a terminal no one reads.
    unattended = bool(os.environ.get(QUIT_WHEN_READY_ENV)) or errors.is_unattended(app)
    with errors.reporting(unattended=unattended):
        return _run(app, url, demo, unattended=unattended)


def tell_failure(title: str, message: str, *, unattended: bool) -> None:
    """A failure that stops start-up: on stderr and in the log always, in a message box only
    when someone is there to close it (an unattended or offscreen run would wait forever)."""
    from app.logs import log

    print(f"{APP_ID}: {message}", file=sys.stderr, flush=True)
    log.error("%s: %s", title, message)
    if unattended:
        return
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(None, f"{APP_NAME} — {title}", message)


def _run(app: QApplication, url: str, demo: int | None, *, unattended: bool = False) -> int:
    """Run the app; start again on the restored ledger when the user restored a backup."""
    note: str | None = None
    while True:
        outcome = _run_once(app, url, demo, unattended=unattended, note=note)
        if not isinstance(outcome, Restart):
            return outcome
        demo, note = None, outcome.note  # the demo is made once; the restored ledger is kept


@dataclass(frozen=True)
class Restart:
    """The window closed for a backup to be restored; it was, and the app starts again."""

    note: str  # what the status bar of the next window says


def _restore(url: str, backup: Path) -> str:
    """Put ``backup`` in place of the (closed) ledger of ``url``; the note for the next start."""
    from app.logs import log
    from app.models.backup_folder import restore
    from app.models.database import sqlite_path

    database = sqlite_path(url)
    assert database is not None  # only a ledger file offers restoring
    aside = restore(backup, database)
    log.info("restored %s in place of %s (kept aside as %s)", backup.name, database, aside)
    kept = f" The ledger it replaced is kept as {aside.name}." if aside else ""
    return f"Restored the backup {backup.name}.{kept}"


def _open(url: str, *, unattended: bool) -> Store | None:
    """The store of ``url``; a damaged ledger file may be replaced by its latest good backup
    when the user agrees (never unattended). None when it was not opened (the user was told)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import SQLAlchemyError

    from app.models.startup import DatabaseRefusedError, RefusalReason, open_store

    try:
        return open_store(url)
    except DatabaseRefusedError as error:
        if error.reason is RefusalReason.DAMAGED and not unattended:
            restored = _offer_latest_good(url, error)
            if restored is not None:
                return _open(url, unattended=unattended)
        tell_failure("database not opened", str(error), unattended=unattended)
    except SQLAlchemyError as error:
        # A driver error (e.g. no driver for the URL's dialect) still deserves a message box
        # rather than a traceback.
        shown = make_url(url).render_as_string(hide_password=True)
        message = f"{APP_NAME} could not open the database {shown}\n\n{error}"
        tell_failure("database not opened", message, unattended=unattended)
    return None


def _offer_latest_good(url: str, error: Exception) -> Path | None:
    """Ask whether to restore the newest backup that passes its check in place of the
    damaged ledger; the backup restored, or None."""
    from PySide6.QtWidgets import QMessageBox

    from app.logs import log
    from app.models.backup import BackupError
    from app.models.backup_folder import latest_good
    from app.models.database import sqlite_path
    from app.paths import backups_dir

    database = sqlite_path(url)
    good = latest_good(database, backups_dir()) if database is not None else None
    if good is None:
        return None
    answer = QMessageBox.question(
        None,
        f"{APP_NAME} — the ledger is damaged",
        f"{error}\n\nRestore the latest good backup, taken {good.taken:%Y-%m-%d %H:%M}? "
        "The damaged ledger is kept beside it, not deleted.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    try:
        _restore(url, good.path)
    except (BackupError, OSError) as failure:
        log.error("restoring %s failed: %s", good.path, failure)
        tell_failure(
            "backup not restored", f"The backup was not restored: {failure}", unattended=False
        )
        return None
    return good.path


def _run_once(
    app: QApplication, url: str, demo: int | None, *, unattended: bool, note: str | None
) -> int | Restart:
    """Open the store, set it up when new, show the main window and run the event loop."""
    from PySide6.QtCore import QTimer

    from app.logs import log
    from app.models.backup import BackupError

    store = _open(url, unattended=unattended)
    if store is None:
        return EXIT_DATABASE_REFUSED

    try:
        if demo is not None:
            if not _make_demo(store, demo, unattended=unattended):
                store.close()
                return EXIT_DATABASE_REFUSED
        elif not _first_run(store, unattended=unattended):
            store.close()
            log.info("first-run setup cancelled; nothing was set up")
            return 0
    except BaseException:
        store.close()
        raise

    from app.windows.main_window import MainWindow

    try:
        window = MainWindow(store)
        window.show()
        if note:
            window.statusBar().showMessage(note)
        gc.freeze()
        gc.enable()
        if os.environ.get(QUIT_WHEN_READY_ENV):

            def report_and_quit() -> None:
                print(f"{READY_PREFIX} {process_elapsed_ms():.1f}", flush=True)
                window.close()
                app.quit()

            QTimer.singleShot(0, report_and_quit)
        else:
            from app.windows import warm_up

            # What the first screen needs loads while the user looks at the window. It lives
            # as long as the app, like start-up's objects: frozen too once loaded. Then the
            # day's backup, if the ledger has none from today.
            loading = warm_up.start(window)
            loading.finished.connect(gc.freeze)
            loading.finished.connect(window.take_daily_backup)
        with quitting_when_terminated(app, window.quit_without_prompts):
            code = app.exec()
        backup = window.restore_requested
    finally:
        store.close()  # also releases the database's instance lock
    if backup is None:
        return code
    try:
        return Restart(_restore(url, backup))
    except (OSError, BackupError) as failure:
        log.error("restoring %s failed: %s", backup, failure)
        tell_failure(
            "backup not restored",
            f"The backup {backup.name} was not restored: {failure}\n\nThe ledger is as it was.",
            unattended=unattended,
        )
        return Restart(f"The backup {backup.name} was not restored: {failure}")


@contextmanager
def quitting_when_terminated(app: QApplication, quit_now: Callable[[], None]) -> Iterator[None]:
    """While the block runs Qt's event loop, SIGTERM (a logout, a shutdown, ``kill``) quits
    the app as closing it does, without prompts no one could answer; unsaved input is not
    saved. The caller's ``finally`` then disposes of the store and removes the lock.

    Python runs a signal handler only between its own bytecodes, never inside Qt's C++ loop:
    a timer gives it a turn every SIGNAL_POLL_MS. The handler only posts the quit, so it never
    cuts into the middle of a slot."""
    from PySide6.QtCore import QTimer

    from app.logs import log

    def terminated() -> None:
        log.info("terminated (SIGTERM): quitting without prompts; unsaved input is not saved")
        quit_now()
        app.exit(EXIT_TERMINATED)  # exit, not quit: Qt 6's quit() would ask the windows

    def handle(_signal: int, _frame: FrameType | None) -> None:
        QTimer.singleShot(0, terminated)

    poll = QTimer()
    poll.timeout.connect(lambda: None)  # only to let Python run pending signal handlers
    previous = signal.signal(signal.SIGTERM, handle)
    poll.start(SIGNAL_POLL_MS)
    try:
        yield
    finally:
        poll.stop()
        if previous is not None:  # None: a handler not set from Python, left as it was
            signal.signal(signal.SIGTERM, previous)


def _make_demo(store: Store, customers: int, *, unattended: bool = False) -> bool:
    """Fill the demo database, with progress on stderr; False when refused (told)."""
    from app.ledger.demo import DemoError, create_demo_company

    started = time.perf_counter()

    def progress(done: int, total: int) -> None:
        print(f"{APP_ID}: demo company: {done}/{total} customers", file=sys.stderr, flush=True)

    try:
        summary = create_demo_company(store, customers=customers, progress=progress, replace=True)
    except DemoError as error:
        tell_failure("demo company not made", str(error), unattended=unattended)
        return False
    print(
        f"{APP_ID}: demo company ready: {summary.customers} customers, {summary.locations} "
        f"locations in {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
        flush=True,
    )
    return True


def first_run_mode() -> str:
    """How a new database is set up (FIRST_RUN_ENV); unattended runs skip by default."""
    mode = os.environ.get(FIRST_RUN_ENV, "").strip().lower()
    if mode in FIRST_RUN_MODES:
        return mode
    return "skip" if os.environ.get(QUIT_WHEN_READY_ENV) else "ask"


def _first_run(store: Store, *, unattended: bool = False) -> bool:
    """Set a new database up (asking first); False when the user cancels."""
    from app.ledger.first_run import first_run_needed

    if not first_run_needed(store):
        return True
    mode = first_run_mode()
    if mode == "skip":
        return True
    from app.ledger.setup import SetupError, set_up_company
    from app.windows import first_run

    choice = first_run.default_choice() if mode == "defaults" else first_run.ask_first_run()
    if choice is None:
        return False
    try:
        set_up_company(store, **choice.as_arguments())
    except SetupError as error:
        # Nothing was written; the ledger still opens, and the next start asks again.
        tell_failure("setup", str(error), unattended=unattended)
    return True
