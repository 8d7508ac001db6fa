"""The command line and the ordered start-up, in this process and as a real ``python -m app``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from app import __version__
from app.main import (
    DATABASE_ENV,
    EXIT_DATABASE_REFUSED,
    QUIT_WHEN_READY_ENV,
    READY_PREFIX,
    database_url,
    main,
)

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
    return env


@pytest.fixture
def critical_messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Texts of QMessageBox.critical calls, answered at once instead of blocking the test."""
    shown: list[str] = []

    def critical(_parent: object, _title: str, text: str, *_: Any) -> QMessageBox.StandardButton:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", critical)
    return shown


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
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
    for text in ("--database URL", "--version", DATABASE_ENV, "user data folder"):
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
