"""The instance lock: one running Customer Ledger per database file, crashes never lock out."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.models.lock import (
    WRITE_GRACE_S,
    InstanceLock,
    LockHeldError,
    LockOwner,
    lock_path,
    pid_alive,
    process_start_marker,
)
from app.models.startup import DatabaseRefusedError, RefusalReason, open_store


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "ledger.sqlite"


@pytest.fixture
def live_process() -> Iterator[subprocess.Popen[bytes]]:
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    try:
        yield process
    finally:
        process.kill()
        process.wait()


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()  # reaped: the pid is free
    return process.pid


def write_lock(db: Path, **fields: object) -> Path:
    record = {"pid": 1, "host": socket.gethostname(), "started": "2026-01-01T08:00:00+00:00"}
    record.update(fields)
    path = lock_path(db)
    path.write_text(json.dumps(record))
    return path


def test_lock_records_its_owner_and_release_removes_it(db: Path) -> None:
    lock = InstanceLock.acquire(db)
    path = lock_path(db)
    assert path.name == "ledger.sqlite.lock"
    owner = LockOwner.parse(path.read_bytes())
    assert owner is not None
    assert (owner.pid, owner.host) == (os.getpid(), socket.gethostname())
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600
    lock.release()
    lock.release()  # idempotent
    assert not path.exists()


def test_second_lock_in_the_same_process_is_refused(db: Path) -> None:
    with InstanceLock.acquire(db), pytest.raises(LockHeldError):
        InstanceLock.acquire(db)


def test_lock_of_a_live_process_is_refused(
    db: Path, tmp_path: Path, live_process: subprocess.Popen[bytes]
) -> None:
    path = write_lock(
        db, pid=live_process.pid, process_start=process_start_marker(live_process.pid)
    )
    before = path.read_bytes()
    with pytest.raises(DatabaseRefusedError) as refused:
        open_store(f"sqlite:///{db}", backup_dir=tmp_path / "backups")
    assert refused.value.reason is RefusalReason.IN_USE
    message = str(refused.value)
    assert f"in use by another running Customer Ledger (pid {live_process.pid}" in message
    assert str(path) in message, "tells which lock file to delete if that process is not ours"
    assert path.read_bytes() == before, "a live lock is left alone"
    assert not db.exists(), "nothing is created behind a refused lock"


def test_stale_lock_of_a_dead_process_is_taken_over(db: Path, tmp_path: Path) -> None:
    pid = dead_pid()
    assert not pid_alive(pid)
    write_lock(db, pid=pid)
    store = open_store(f"sqlite:///{db}", backup_dir=tmp_path / "backups")
    owner = LockOwner.parse(lock_path(db).read_bytes())
    assert owner is not None and owner.pid == os.getpid()
    store.close()
    assert not lock_path(db).exists()


@pytest.mark.skipif(process_start_marker(os.getpid()) is None, reason="needs /proc")
def test_lock_whose_pid_now_belongs_to_another_process_is_stale(
    db: Path, live_process: subprocess.Popen[bytes]
) -> None:
    write_lock(db, pid=live_process.pid, process_start="another-boot:12345")
    with InstanceLock.acquire(db) as lock:
        assert lock.owner.pid == os.getpid()


@pytest.mark.skipif(not Path("/proc").is_dir() or not hasattr(os, "waitid"), reason="Linux")
def test_zombie_process_counts_as_dead() -> None:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    try:
        os.waitid(os.P_PID, process.pid, os.WEXITED | os.WNOWAIT)  # exited, not reaped: a zombie
        assert not pid_alive(process.pid)
    finally:
        process.wait()


def test_lock_from_another_computer_is_respected(db: Path) -> None:
    write_lock(db, pid=os.getpid(), host="accounting-pc-2")
    with pytest.raises(LockHeldError) as held:
        InstanceLock.acquire(db)
    assert held.value.owner is not None and held.value.owner.host == "accounting-pc-2"


def test_unreadable_old_lock_is_stale_but_a_fresh_one_is_respected(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = lock_path(db)
    path.write_bytes(b"")  # a lock being written right now
    monkeypatch.setattr("app.models.lock.ACQUIRE_TIMEOUT_S", 0.2)
    with pytest.raises(LockHeldError):
        InstanceLock.acquire(db)
    old = path.stat().st_mtime - WRITE_GRACE_S - 60
    os.utime(path, (old, old))  # a crash between creating and writing the lock
    with InstanceLock.acquire(db) as lock:
        assert lock.held


def test_release_leaves_a_lock_that_is_no_longer_ours(db: Path) -> None:
    lock = InstanceLock.acquire(db)
    path = write_lock(db, pid=12345)
    lock.release()
    assert path.exists()


def test_store_close_releases_the_lock_so_the_next_start_opens(db: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{db}"
    first = open_store(url, backup_dir=tmp_path / "backups")
    with pytest.raises(DatabaseRefusedError):
        open_store(url, backup_dir=tmp_path / "backups")
    first.dispose()  # the older name of close()
    open_store(url, backup_dir=tmp_path / "backups").close()


@pytest.mark.parametrize("spelling", ["symlink", "relative", "dotted", "file_uri"])
def test_the_same_file_however_it_is_named_meets_the_same_lock(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spelling: str
) -> None:
    backups = tmp_path / "backups"
    first = open_store(f"sqlite:///{db}", backup_dir=backups)
    try:
        if spelling == "symlink":
            other = tmp_path / "elsewhere"
            other.mkdir()
            link = other / "shortcut.sqlite"
            link.symlink_to(db)
            url = f"sqlite:///{link}"
        elif spelling == "relative":
            monkeypatch.chdir(tmp_path)
            url = f"sqlite:///{db.name}"
        elif spelling == "dotted":
            (tmp_path / "sub").mkdir()
            url = f"sqlite:///{tmp_path}/./sub/../{db.name}"
        else:
            url = f"sqlite:///file:{db}?uri=true"
        with pytest.raises(DatabaseRefusedError) as refused:
            open_store(url, backup_dir=backups)
        assert refused.value.reason is RefusalReason.IN_USE
        assert str(lock_path(db)) in str(refused.value)
    finally:
        first.close()
    assert sorted(path.name for path in tmp_path.glob("*.lock")) == []


def test_lock_path_is_beside_the_real_file(db: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.sqlite"
    link.symlink_to(db)
    assert lock_path(link) == lock_path(db) == db.resolve().with_name("ledger.sqlite.lock")


def test_taking_over_a_stale_lock_is_said_in_the_log(
    db: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    pid = dead_pid()
    write_lock(db, pid=pid)
    with caplog.at_level("WARNING", logger="app"):
        store = open_store(f"sqlite:///{db}", backup_dir=tmp_path / "backups")
    try:
        assert store.lock is not None and store.lock.took_over
        note = store.lock.takeover_note()
        assert note is not None and f"(pid {pid}) did not close normally" in note
        assert note in caplog.text and str(db) in caplog.text
    finally:
        store.close()
    caplog.clear()
    with caplog.at_level("WARNING", logger="app"):
        store = open_store(f"sqlite:///{db}", backup_dir=tmp_path / "backups")
    store.close()
    assert "did not close normally" not in caplog.text, "a clean start says nothing"


def test_a_free_lock_is_no_takeover(db: Path) -> None:
    with InstanceLock.acquire(db) as lock:
        assert not lock.took_over and lock.takeover_note() is None
