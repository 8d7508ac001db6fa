"""Privacy on Windows (issue 18 item 6): each folder of ours gets an ACL of the user and SYSTEM
alone, inherited by the files made in it (icacls; app/paths.py). The calls are checked here on
any system with icacls replaced; on Windows the real ACL is read back."""

from __future__ import annotations

import logging
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from app import APP_ID, paths


class Icacls:
    """Stands in for subprocess.run: records the icacls calls and answers ``returncode``."""

    def __init__(self, returncode: int = 0) -> None:
        self.calls: list[list[str]] = []
        self.returncode = returncode

    def __call__(self, command: list[str], **_kwargs: Any) -> subprocess.CompletedProcess[str]:
        self.calls.append(command)
        return subprocess.CompletedProcess(command, self.returncode, "", "Access is denied.")


@pytest.fixture
def windows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Icacls:
    for name in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        (tmp_path / name.lower()).mkdir()
        monkeypatch.setenv(name, str(tmp_path / name.lower()))
    monkeypatch.setenv("USERNAME", "kari")
    monkeypatch.setenv("USERDOMAIN", "OFFICE")
    monkeypatch.setattr(paths, "PRIVATE_ACL", True)
    monkeypatch.setattr(paths, "PRIVATE_CHMOD", False)
    monkeypatch.setattr(paths, "_acl_set", set())
    icacls = Icacls()
    monkeypatch.setattr(paths.subprocess, "run", icacls)
    return icacls


def test_each_folder_of_ours_gets_the_user_s_and_system_s_acl_once(
    windows: Icacls, tmp_path: Path
) -> None:
    statements = paths.statements_dir()
    paths.statements_dir()  # asked again: already done this run
    paths.backups_dir()
    folders = [Path(call[1]) for call in windows.calls]
    assert statements in folders and paths.backups_dir() in folders
    assert len(folders) == len(set(folders))  # once per folder
    assert all(APP_ID in folder.parts for folder in folders)  # never the user's own folders
    assert tmp_path / "xdg_data_home" not in folders
    assert windows.calls[0][2:] == [
        "/inheritance:r",
        "/grant:r",
        "OFFICE\\kari:(OI)(CI)F",
        "*S-1-5-18:(OI)(CI)F",
        "/Q",
    ]


def test_start_up_gives_every_folder_of_ours_its_acl(windows: Icacls) -> None:
    old = paths.data_dir() / "statements" / "2026" / "10001"
    old.mkdir(parents=True)  # left by an earlier version
    (old / "statement.pdf").write_bytes(b"%PDF-")
    windows.calls.clear()
    paths._acl_set.clear()
    paths.make_user_folders_private()
    folders = {Path(call[1]) for call in windows.calls}
    assert {old, old.parent, old.parent.parent, paths.log_dir()} <= folders
    assert old / "statement.pdf" not in folders  # files inherit the folder's ACL


def test_a_failed_icacls_is_logged_and_tried_again_never_fatal(
    windows: Icacls, caplog: pytest.LogCaptureFixture
) -> None:
    windows.returncode = 5
    with caplog.at_level(logging.WARNING, logger="app.paths"):
        folder = paths.statements_dir()
    assert folder.is_dir()
    assert "icacls" in caplog.text and "Access is denied." in caplog.text
    calls = len(windows.calls)
    paths.statements_dir()
    assert len(windows.calls) > calls  # not remembered as done


@pytest.mark.skipif(os.name != "nt", reason="reads a real Windows ACL")
def test_on_windows_the_statements_folder_is_the_user_s_alone() -> None:
    folder = paths.statements_dir()
    shown = subprocess.run(
        ["icacls", str(folder)], capture_output=True, text=True, check=True
    ).stdout
    assert os.environ["USERNAME"].casefold() in shown.casefold()
    assert "Users:" not in shown and "Everyone:" not in shown
