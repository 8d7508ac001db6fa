"""Where the workstation keeps its files (platformdirs: the user's own data folder)."""

from __future__ import annotations

from pathlib import Path

from platformdirs import PlatformDirs

from app import APP_ID

_dirs = PlatformDirs(APP_ID, appauthor=False)


def data_dir() -> Path:
    path = Path(_dirs.user_data_dir)
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_path() -> Path:
    return data_dir() / "ledger.sqlite"


def backups_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def statements_dir() -> Path:
    path = data_dir() / "statements"
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    path = Path(_dirs.user_log_dir)
    path.mkdir(parents=True, exist_ok=True)
    return path
