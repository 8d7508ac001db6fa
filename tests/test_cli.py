"""The command line and the ordered start-up, in this process and as a real ``python -m app``."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from app import APP_ID, __version__
from app.ledger.setup import set_up_company
from app.logs import LOG_FILE_NAME
from app.main import (
    DATABASE_ENV,
    EXIT_DATABASE_REFUSED,
    EXIT_TERMINATED,
    FIRST_RUN_ENV,
    QUIT_WHEN_READY_ENV,
    READY_PREFIX,
    _first_run,
    database_url,
    first_run_mode,
    main,
)
from app.models import Customer
from app.models.startup import open_store
from app.windows import errors, first_run
from app.windows.first_run import CompanyChoice

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("PySide6.QtCore", "PySide6.QtWidgets", "sqlalchemy", "alembic", "reportlab")


@pytest.fixture
def user_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """An environment whose settings, data and backups live in tmp_path, not the user's home."""
    env = dict(os.environ)
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        path = tmp_path / name.lower()
        path.mkdir()
        env[name] = str(path)
        monkeypatch.setenv(name, str(path))
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.pop(DATABASE_ENV, None)
    monkeypatch.delenv(DATABASE_ENV, raising=False)
    env.pop(QUIT_WHEN_READY_ENV, None)
    monkeypatch.delenv(QUIT_WHEN_READY_ENV, raising=False)
    env.pop(FIRST_RUN_ENV, None)
    monkeypatch.delenv(FIRST_RUN_ENV, raising=False)
    return env


@pytest.fixture
def critical_messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Texts of QMessageBox.critical calls, answered at once instead of blocking the test.

    The run counts as attended, as on a desktop: offscreen, start-up shows no message box."""
    shown: list[str] = []
    monkeypatch.setattr(errors, "is_unattended", lambda _app: False)

    def critical(_parent: object, _title: str, text: str, *_: Any) -> QMessageBox.StandardButton:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", critical)
    return shown


def run(
    args: list[str], env: dict[str, str], *, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"customer-ledger {__version__}\n"


def test_help_documents_the_options_and_the_environment(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: customer-ledger")
    for text in (
        "--database URL",
        "--version",
        DATABASE_ENV,
        "user data folder",
        "--demo",
        "--customers N",
        FIRST_RUN_ENV,
    ):
        assert text in out


def test_help_and_version_load_neither_qt_nor_the_database(user_dirs: dict[str, str]) -> None:
    code = (
        "import sys; from app.main import main\n"
        "assert main(['--help']) == 0 and main(['--version']) == 0\n"
        f"print([name for name in {HEAVY!r} if name in sys.modules])"
    )
    proc = run(["-c", code], user_dirs)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[-1] == "[]"


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--no-such-option"]) == 2
    assert main(["--database", "not a url://x"]) == 2
    assert "--database" in capsys.readouterr().err
    assert main(["--customers", "5"]) == 2
    assert "--customers is an option of --demo" in capsys.readouterr().err
    assert main(["--demo", "--customers", "-1"]) == 2
    assert "--customers: give 0 or more" in capsys.readouterr().err


def test_database_comes_from_option_then_environment_then_user_folder(
    user_dirs: dict[str, str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    default = database_url(None)
    assert default.startswith("sqlite:///")
    assert default.endswith("ledger.sqlite")
    assert default.startswith(f"sqlite:///{user_dirs['XDG_DATA_HOME']}")

    monkeypatch.setenv(DATABASE_ENV, "postgresql://clerk@server/ledger")
    assert database_url(None) == "postgresql://clerk@server/ledger"
    assert database_url("sqlite:///other.sqlite") == "sqlite:///other.sqlite"

    monkeypatch.chdir(tmp_path)
    assert database_url("books.sqlite") == f"sqlite:///{tmp_path / 'books.sqlite'}"


def test_refused_database_exits_2_and_leaves_the_file_alone(
    qapp: QApplication,
    user_dirs: dict[str, str],
    tmp_path: Path,
    critical_messages: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    shown = critical_messages
    folder = tmp_path / "ledgers"
    folder.mkdir()
    text_file = folder / "notes.sqlite"
    content = b"This is a shopping list, not a ledger.\n" * 10
    text_file.write_bytes(content)
    before = text_file.stat()

    assert main(["--database", str(text_file)]) == EXIT_DATABASE_REFUSED
    assert len(shown) == 1 and shown[0]
    assert shown[0] in capsys.readouterr().err
    assert text_file.read_bytes() == content
    assert text_file.stat().st_mtime_ns == before.st_mtime_ns
    assert sorted(path.name for path in folder.iterdir()) == ["notes.sqlite"]


def test_an_unattended_run_meeting_a_refused_database_exits_without_a_dialog(
    user_dirs: dict[str, str], tmp_path: Path
) -> None:
    text_file = tmp_path / "notes.sqlite"
    text_file.write_bytes(b"This is a shopping list, not a ledger.\n" * 10)
    env = {**user_dirs, QUIT_WHEN_READY_ENV: "1"}
    # A message box here would wait for a click no one gives: the run would time out.
    proc = run(["-m", "app", "--database", str(text_file)], env, timeout=60)
    assert proc.returncode == EXIT_DATABASE_REFUSED
    assert "did not open the database" in proc.stderr
    assert "not a SQLite database" in proc.stderr
    assert not any(line.startswith(READY_PREFIX) for line in proc.stdout.splitlines())


@pytest.mark.parametrize("quit_when_ready", ["1", ""])
def test_a_refused_database_shows_no_dialog_when_unattended_or_offscreen(
    qapp: QApplication,
    user_dirs: dict[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    quit_when_ready: str,
) -> None:
    def no_dialog(*_: object) -> QMessageBox.StandardButton:
        raise AssertionError("an unattended start must not wait on a message box")

    monkeypatch.setattr(QMessageBox, "critical", no_dialog)
    monkeypatch.setenv(QUIT_WHEN_READY_ENV, quit_when_ready)  # "": offscreen alone says it
    text_file = tmp_path / "notes.sqlite"
    text_file.write_bytes(b"not a ledger\n" * 20)
    assert main(["--database", str(text_file)]) == EXIT_DATABASE_REFUSED
    assert "not a SQLite database" in capsys.readouterr().err


def test_a_url_without_a_driver_is_reported_not_a_traceback(
    qapp: QApplication,
    user_dirs: dict[str, str],
    critical_messages: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    shown = critical_messages
    url = "nosuchdialect://clerk:s3cret@server/ledger"
    assert main(["--database", url]) == EXIT_DATABASE_REFUSED
    assert len(shown) == 1
    assert "nosuchdialect://clerk:***@server/ledger" in shown[0]
    assert "s3cret" not in shown[0] + capsys.readouterr().err


def test_environment_database_opens_without_reportlab_or_screens(
    user_dirs: dict[str, str], tmp_path: Path
) -> None:
    database = tmp_path / "from-env.sqlite"
    env = {**user_dirs, DATABASE_ENV: f"sqlite:///{database}", QUIT_WHEN_READY_ENV: "1"}
    code = (
        "import json, sys; from app.main import main\n"
        "code = main([])\n"
        "print(json.dumps({'code': code, 'reportlab': 'reportlab' in sys.modules,"
        " 'screens': [m for m in sys.modules if m.startswith('app.windows.screens.')]}))"
    )
    proc = run(["-c", code], env)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert any(line.startswith(f"{READY_PREFIX} ") for line in lines), proc.stdout
    report = json.loads(lines[-1])
    assert report == {"code": 0, "reportlab": False, "screens": []}
    assert database.is_file()  # the environment's database, created on first start


def test_a_current_database_opens_without_the_orm_models_or_migrations(
    user_dirs: dict[str, str], tmp_path: Path
) -> None:
    # Start-up shows the window before any screen needs the models; the first start makes the
    # database (with Alembic), the second finds it current.
    database = tmp_path / "ledger.sqlite"
    env = {**user_dirs, DATABASE_ENV: f"sqlite:///{database}", QUIT_WHEN_READY_ENV: "1"}
    code = (
        "import json, sys; from app.main import main\n"
        "code = main([])\n"
        "loaded = [m for m in ('sqlalchemy.orm', 'alembic', 'app.models.base', "
        "'app.models.customer', 'app.ledger.definitions') if m in sys.modules]\n"
        "print(json.dumps({'code': code, 'loaded': loaded}))"
    )
    assert run(["-c", code], env).returncode == 0
    proc = run(["-c", code], env)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.splitlines()[-1]) == {"code": 0, "loaded": []}


def test_python_m_app_starts_and_saves_its_settings(
    user_dirs: dict[str, str], tmp_path: Path
) -> None:
    database = tmp_path / "ledger.sqlite"
    env = {**user_dirs, QUIT_WHEN_READY_ENV: "1"}
    proc = run(["-m", "app", "--database", str(database)], env)
    assert proc.returncode == 0, proc.stderr
    ready = [line for line in proc.stdout.splitlines() if line.startswith(READY_PREFIX)]
    assert len(ready) == 1 and float(ready[0].split()[1]) > 0
    assert database.is_file()
    assert not database.with_name("ledger.sqlite.lock").exists()  # released on exit
    # QSettings(organization "Customer Ledger", application "customer-ledger").
    config = Path(user_dirs["XDG_CONFIG_HOME"]) / "Customer Ledger" / "customer-ledger.conf"
    assert "main_window" in config.read_text()


# -- first run and the demo company ------------------------------------------------------------


def query(database: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        return connection.execute(sql).fetchall()


def test_first_run_mode_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(FIRST_RUN_ENV, raising=False)
    monkeypatch.delenv(QUIT_WHEN_READY_ENV, raising=False)
    assert first_run_mode() == "ask"
    monkeypatch.setenv(QUIT_WHEN_READY_ENV, "1")
    assert first_run_mode() == "skip"  # an unattended run never waits for a dialog
    monkeypatch.setenv(FIRST_RUN_ENV, " Defaults ")
    assert first_run_mode() == "defaults"
    monkeypatch.setenv(FIRST_RUN_ENV, "nonsense")
    assert first_run_mode() == "skip"


def test_cancelled_first_run_quits_and_sets_nothing_up(
    qapp: QApplication,
    user_dirs: dict[str, str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    asked: list[bool] = []

    def cancel(_parent: object = None) -> None:
        asked.append(True)

    monkeypatch.setattr(first_run, "ask_first_run", cancel)
    database = tmp_path / "new.sqlite"
    assert main(["--database", str(database)]) == 0
    assert asked == [True]
    assert query(database, "SELECT count(*) FROM preferences") == [(0,)]
    assert query(database, "SELECT count(*) FROM country") == [(0,)]
    assert not database.with_name("new.sqlite.lock").exists()


def test_the_first_run_choice_sets_the_company_up(
    qapp: QApplication, user_dirs: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        first_run, "ask_first_run", lambda _parent=None: CompanyChoice("SEK", "SE", "sv-SE")
    )
    store = open_store(f"sqlite:///{tmp_path / 'new.sqlite'}", backup_dir=tmp_path)
    try:
        assert _first_run(store)
        assert _first_run(store)  # set up: not asked again
    finally:
        store.close()
    rows = query(
        tmp_path / "new.sqlite",
        "SELECT c.currency_id, k.country_id FROM branch b JOIN currency c ON b.currency_id = c.id"
        " JOIN country k ON b.country_id = k.id",
    )
    assert rows == [("SEK", "SE")]


def test_unattended_first_run_with_the_locale_defaults(
    user_dirs: dict[str, str], tmp_path: Path
) -> None:
    database = tmp_path / "ledger.sqlite"
    env = {**user_dirs, QUIT_WHEN_READY_ENV: "1", FIRST_RUN_ENV: "defaults", "LANG": "da_DK.UTF-8"}
    env.pop("LC_ALL", None)
    env.pop("LC_MESSAGES", None)
    proc = run(["-m", "app", "--database", str(database)], env)
    assert proc.returncode == 0, proc.stderr
    rows = query(
        database,
        "SELECT c.currency_id, k.country_id FROM branch b JOIN currency c ON b.currency_id = c.id"
        " JOIN country k ON b.country_id = k.id",
    )
    assert rows == [("DKK", "DK")]
    assert query(database, "SELECT count(*) FROM preferences") == [(1,)]


def test_an_unattended_run_skips_the_first_run(user_dirs: dict[str, str], tmp_path: Path) -> None:
    database = tmp_path / "ledger.sqlite"
    proc = run(["-m", "app", "--database", str(database)], {**user_dirs, QUIT_WHEN_READY_ENV: "1"})
    assert proc.returncode == 0, proc.stderr
    assert query(database, "SELECT count(*) FROM preferences") == [(0,)]


def test_demo_makes_and_opens_the_demo_company(user_dirs: dict[str, str]) -> None:
    env = {**user_dirs, QUIT_WHEN_READY_ENV: "1"}
    proc = run(["-m", "app", "--demo", "--customers", "25"], env)
    assert proc.returncode == 0, proc.stderr
    assert "customer-ledger: demo company: 0/25 customers" in proc.stderr
    assert "customer-ledger: demo company: 25/25 customers" in proc.stderr
    assert "demo company ready: 25 customers" in proc.stderr
    assert any(line.startswith(READY_PREFIX) for line in proc.stdout.splitlines())  # opened
    data = Path(user_dirs["XDG_DATA_HOME"]) / "customer-ledger"
    demo = data / "demo.sqlite"
    assert query(demo, "SELECT count(*) FROM customer") == [(25,)]
    assert not (data / "ledger.sqlite").exists()  # the user's own ledger is not touched

    # Again: the earlier demo is replaced.
    proc = run(["-m", "app", "--demo", "--customers", "10"], env)
    assert proc.returncode == 0, proc.stderr
    assert query(demo, "SELECT count(*) FROM customer") == [(10,)]


def test_demo_into_a_given_database_but_never_over_a_ledger(
    qapp: QApplication,
    user_dirs: dict[str, str],
    tmp_path: Path,
    critical_messages: list[str],
    capsys: pytest.CaptureFixture[str],
) -> None:
    ledger = tmp_path / "books.sqlite"
    store = open_store(f"sqlite:///{ledger}", backup_dir=tmp_path)
    set_up_company(store, base_currency="NOK", country="NO", language="nb-NO")
    with store.transaction() as session:
        session.add(Customer(customer_no="1", name="A real customer"))
    store.close()
    before = query(ledger, "SELECT * FROM customer")

    assert main(["--demo", "--database", str(ledger)]) == EXIT_DATABASE_REFUSED
    assert len(critical_messages) == 1
    assert "not an empty database or a demo company" in critical_messages[0]
    assert "not an empty database or a demo company" in capsys.readouterr().err
    assert query(ledger, "SELECT * FROM customer") == before
    assert not ledger.with_name("books.sqlite.lock").exists()


# A slot that fails once the main window is up, with the error dialog printing what it shows.
FAILING_SLOT = """
import sys
import time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from app import main
from app.windows import errors, main_window

errors.show_error = lambda _parent, _title, text, _details: print(
    "DIALOG", text.replace("\\n", " "), flush=True
)
if sys.argv[2] == "attended":
    errors.is_unattended = lambda _app: False  # as on a desktop, not offscreen
shown = main_window.MainWindow.show


def show(window):
    shown(window)
    QTimer.singleShot(0, lambda: 1 / 0)
    QTimer.singleShot(50, QApplication.quit)


main_window.MainWindow.show = show
print("EXIT", main.main(["--database", sys.argv[1]]), flush=True)
"""


@pytest.mark.parametrize("mode", ["attended", "unattended"])
def test_an_error_in_a_slot_of_the_running_app_is_logged_and_shown(
    user_dirs: dict[str, str], tmp_path: Path, mode: str
) -> None:
    database = tmp_path / "ledger.sqlite"
    # Not QUIT_WHEN_READY: the script quits; skip, as the first-run dialog would wait.
    proc = run(["-c", FAILING_SLOT, str(database), mode], {**user_dirs, FIRST_RUN_ENV: "skip"})
    assert "EXIT 0" in proc.stdout, proc.stderr
    log = Path(user_dirs["XDG_STATE_HOME"]) / APP_ID / "log" / LOG_FILE_NAME
    logged = log.read_text()
    assert "ZeroDivisionError: division by zero" in logged
    assert "Traceback (most recent call last)" in logged
    assert "ZeroDivisionError" in proc.stderr  # a terminal sees it too
    dialogs = [line for line in proc.stdout.splitlines() if line.startswith("DIALOG")]
    if mode == "attended":
        assert len(dialogs) == 1
        assert "Something failed unexpectedly: ZeroDivisionError: division by zero" in dialogs[0]
        assert "Nothing was saved" in dialogs[0]
        assert f"The details are in the log file {log}." in dialogs[0]
    else:
        assert dialogs == []  # offscreen, unattended: no one would close it


def test_a_killed_app_is_recovered_and_said_and_a_normal_quit_leaves_nothing_beside_the_file(
    user_dirs: dict[str, str], tmp_path: Path
) -> None:
    database = tmp_path / "ledger.sqlite"
    beside = [database.with_name(f"ledger.sqlite{end}") for end in (".lock", "-wal", "-shm")]
    env = {**user_dirs, FIRST_RUN_ENV: "skip"}
    running = subprocess.Popen(
        [sys.executable, "-m", "app", "--database", str(database)],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not (database.is_file() and beside[0].exists() and beside[1].exists()):
            assert time.monotonic() < deadline and running.poll() is None, "the app did not start"
            time.sleep(0.1)
        time.sleep(1)  # past start-up's writes
    finally:
        running.kill()  # as a crash or a kill -9 would
        running.wait()
    assert beside[0].exists()

    proc = run(["-m", "app", "--database", str(database)], {**env, QUIT_WHEN_READY_ENV: "1"})
    assert proc.returncode == 0, proc.stderr
    log = Path(user_dirs["XDG_STATE_HOME"]) / APP_ID / "log" / LOG_FILE_NAME
    assert f"(pid {running.pid}) did not close normally" in log.read_text()
    assert [path.name for path in beside if path.exists()] == [], "a normal quit cleans up"


def test_a_terminated_app_quits_without_prompts_and_leaves_nothing_beside_the_file(
    user_dirs: dict[str, str], tmp_path: Path
) -> None:
    """SIGTERM (a logout, a shutdown) quits as closing does, minus the prompts no one could
    answer: the store is disposed of and the lock removed, so the next start finds no crash."""
    database = tmp_path / "ledger.sqlite"
    beside = [database.with_name(f"ledger.sqlite{end}") for end in (".lock", "-wal", "-shm")]
    running = subprocess.Popen(
        [sys.executable, "-m", "app", "--database", str(database)],
        cwd=ROOT,
        env={**user_dirs, FIRST_RUN_ENV: "skip"},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        log = Path(user_dirs["XDG_STATE_HOME"]) / APP_ID / "log" / LOG_FILE_NAME
        deadline = time.monotonic() + 60
        # Waiting in its event loop: the main window has been shown (warm-up logs it is done).
        while not (beside[0].exists() and beside[1].exists()):
            assert time.monotonic() < deadline and running.poll() is None, "the app did not start"
            time.sleep(0.1)
        time.sleep(2)  # past start-up, into the event loop
        assert running.poll() is None
        running.terminate()  # SIGTERM
        _, stderr = running.communicate(timeout=30)
    finally:
        if running.poll() is None:
            running.kill()
            running.wait()
    assert running.returncode == EXIT_TERMINATED, stderr
    assert [path.name for path in beside if path.exists()] == [], "a terminated app cleans up"
    assert "terminated (SIGTERM): quitting without prompts" in log.read_text()
    assert "Traceback" not in stderr
