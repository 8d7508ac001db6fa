"""One running Customer Ledger per database file: a lock file next to the database.

``<database>.lock`` holds who took it (pid, host, start time). It is created atomically
(``O_CREAT | O_EXCL``); a lock whose process is no longer alive on this host is stale and is
taken over, so a crash never locks the user out. A lock from another host cannot be checked and
is respected; the refusal names the file to delete if that computer is not running the app.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import time
from contextlib import suppress
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from app.paths import private_file_descriptor

LOCK_SUFFIX = ".lock"
# A lock file with unreadable content younger than this is probably being written right now.
WRITE_GRACE_S = 2.0
ACQUIRE_TIMEOUT_S = 5.0


def lock_path(database: Path) -> Path:
    """The lock file of ``database``, beside the real file: a symbolic link, a relative path or
    ``..`` in the path reach the same file, so they must meet the same lock."""
    real = Path(os.path.realpath(database))
    return real.with_name(real.name + LOCK_SUFFIX)


@dataclass(frozen=True)
class LockOwner:
    """Who holds a lock. ``process_start`` tells a live holder from a reused pid (Linux)."""

    pid: int
    host: str
    started: str
    process_start: str | None = None

    @classmethod
    def current(cls) -> LockOwner:
        pid = os.getpid()
        return cls(
            pid=pid,
            host=socket.gethostname(),
            started=datetime.now(UTC).isoformat(timespec="seconds"),
            process_start=process_start_marker(pid),
        )

    def to_bytes(self) -> bytes:
        return (json.dumps(asdict(self), sort_keys=True) + "\n").encode()

    @classmethod
    def parse(cls, data: bytes) -> LockOwner | None:
        """The owner recorded in a lock file; None when the content is not a lock record."""
        try:
            raw = json.loads(data.decode())
            marker = raw.get("process_start")
            return cls(
                pid=int(raw["pid"]),
                host=str(raw["host"]),
                started=str(raw.get("started", "")),
                process_start=None if marker is None else str(marker),
            )
        except (ValueError, KeyError, TypeError, AttributeError):
            return None

    def describe(self) -> str:
        since = f", since {self.started}" if self.started else ""
        return f"pid {self.pid} on {self.host}{since}"


class LockHeldError(Exception):
    """Another running Customer Ledger holds the lock."""

    def __init__(self, path: Path, owner: LockOwner | None) -> None:
        self.path = path
        self.owner = owner
        holder = owner.describe() if owner else "a process that is still writing the lock"
        super().__init__(f"{path} is held by {holder}")


class InstanceLock:
    """A held lock; ``release()`` removes the file if it is still ours.

    ``took_over`` is set when a stale lock was in the way: the app that left it ended without
    closing (a crash, a kill), and the user is told so. ``stale_owner`` is who left it, when
    its record could be read.
    """

    def __init__(
        self,
        path: Path,
        owner: LockOwner,
        *,
        took_over: bool = False,
        stale_owner: LockOwner | None = None,
    ) -> None:
        self.path = path
        self.owner = owner
        self.took_over = took_over
        self.stale_owner = stale_owner
        self._record = owner.to_bytes()
        self._held = True

    def takeover_note(self) -> str | None:
        """A sentence for the status bar and the log after a stale lock was taken over."""
        if not self.took_over:
            return None
        who = f" (pid {self.stale_owner.pid})" if self.stale_owner else ""
        return (
            f"The previous session{who} did not close normally; its lock was taken over and "
            "the database was checked before opening."
        )

    @classmethod
    def acquire(cls, database: Path) -> InstanceLock:
        """Take the lock of ``database`` or raise LockHeldError (OSError if the folder refuses)."""
        path = lock_path(database)
        owner = LockOwner.current()
        record = owner.to_bytes()
        deadline = time.monotonic() + ACQUIRE_TIMEOUT_S
        took_over = False
        stale_owner: LockOwner | None = None
        while True:
            try:
                fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY | _O_BINARY, 0o600)
            except FileExistsError:
                existing = _read(path)
                if existing is None:  # released between our open and read: try again
                    continue
                holder = LockOwner.parse(existing)
                if holder is not None and holder_alive(holder):
                    raise LockHeldError(path, holder) from None
                if time.monotonic() > deadline:  # keeps changing under us: someone is active
                    raise LockHeldError(path, holder) from None
                if holder is None and _age_s(path) < WRITE_GRACE_S:
                    time.sleep(0.05)
                    continue
                # Stale. Re-read just before removing, so a lock another starting instance has
                # just taken over is not removed by mistake.
                if _read(path) == existing:
                    with suppress(FileNotFoundError):
                        os.unlink(path)
                        took_over, stale_owner = True, holder
                continue
            try:
                private_file_descriptor(fd)  # 0600 whatever the umask: it names this computer
                os.write(fd, record)
                os.fsync(fd)
            except BaseException:
                os.close(fd)
                with suppress(OSError):
                    os.unlink(path)
                raise
            os.close(fd)
            return cls(path, owner, took_over=took_over, stale_owner=stale_owner)

    @property
    def held(self) -> bool:
        return self._held

    def release(self) -> None:
        """Remove the lock file if it still holds our record; safe to call more than once."""
        if not self._held:
            return
        self._held = False
        if _read(self.path) == self._record:
            with suppress(FileNotFoundError):
                os.unlink(self.path)

    def __enter__(self) -> InstanceLock:
        return self

    def __exit__(
        self,
        _type: type[BaseException] | None,
        _value: BaseException | None,
        _traceback: TracebackType | None,
    ) -> None:
        self.release()


_O_BINARY: int = getattr(os, "O_BINARY", 0)


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


def _age_s(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except FileNotFoundError:
        return 0.0


def holder_alive(owner: LockOwner) -> bool:
    """Whether the process that wrote a lock may still be running (True when it can't be told)."""
    if owner.host != socket.gethostname():
        return True
    if not pid_alive(owner.pid):
        return False
    if owner.process_start is not None:
        current = process_start_marker(owner.pid)
        if current is not None and current != owner.process_start:
            return False  # the pid now belongs to another process
    return True


def pid_alive(pid: int) -> bool:
    """Whether a process with this pid runs on this computer (zombies count as dead)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_pid_alive(pid)
    try:
        os.kill(pid, 0)  # signal 0: existence check only
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    stat = _proc_stat(pid)
    return stat is None or stat[0] != "Z"


def process_start_marker(pid: int) -> str | None:
    """Boot id and start tick of a process (Linux); None elsewhere."""
    stat = _proc_stat(pid)
    if stat is None or len(stat) < 20:
        return None
    try:
        boot_id = Path("/proc/sys/kernel/random/boot_id").read_text().strip()
    except OSError:
        boot_id = ""
    return f"{boot_id}:{stat[19]}"


def _proc_stat(pid: int) -> list[str] | None:
    """Fields 3… of /proc/<pid>/stat (state first); None without procfs."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    # The command name (field 2) is in parentheses and may itself hold spaces and parentheses.
    return text[text.rfind(")") + 1 :].split()


def _windows_pid_alive(pid: int) -> bool:
    if sys.platform != "win32":
        raise NotImplementedError
    import ctypes
    from ctypes import wintypes

    process_query_limited_information = 0x1000
    still_active = 259
    error_access_denied = 5
    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    handle = kernel32.OpenProcess(process_query_limited_information, False, pid)
    if not handle:
        return ctypes.get_last_error() == error_access_denied
    try:
        code = wintypes.DWORD()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)
