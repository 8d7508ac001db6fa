"""Where the workstation keeps its files (platformdirs: the user's own data folder).

Privacy (DESIGN §7): every folder and file here holds customer data or says something about
it, so on POSIX the folders are 0700 and the files 0600, set explicitly (not left to the umask)
when they are made and put right at start-up when an earlier version left them wider. On
Windows the user's profile folders already belong to the user alone; setting ACLs of our own
is not done yet (POSIX-only for now).
"""

from __future__ import annotations

import os
import stat
from contextlib import suppress
from pathlib import Path

from platformdirs import PlatformDirs

from app import APP_ID

_dirs = PlatformDirs(APP_ID, appauthor=False)

PRIVATE_FOLDER_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
PRIVATE_CHMOD = os.name == "posix"  # Windows: chmod only toggles read-only; ACLs not done yet


def data_dir() -> Path:
    return _private_folder(Path(_dirs.user_data_dir))


def default_database_path() -> Path:
    return data_dir() / "ledger.sqlite"


def backups_dir() -> Path:
    return _private_folder(data_dir() / "backups")


def statements_dir() -> Path:
    return _private_folder(data_dir() / "statements")


def drafts_dir() -> Path:
    return _private_folder(data_dir() / "drafts")


def documents_dir() -> Path:
    """Printed invoices and notes (their PDFs) and their previews."""
    return _private_folder(data_dir() / "documents")


def log_dir() -> Path:
    return _private_folder(Path(_dirs.user_log_dir))


def _private_folder(path: Path) -> Path:
    """``path``, created if missing; the folders of ours on the way (``APP_ID`` and below,
    never the user's ``~/.local/share`` and the like) readable by the user alone."""
    path.mkdir(parents=True, exist_ok=True)
    for folder in _own_folders(path):
        make_private(folder)
    return path


def _own_folders(path: Path) -> list[Path]:
    """``path`` and its parents up to the one named ``APP_ID`` (the app's own folders)."""
    chain = [path, *path.parents]
    for index, folder in enumerate(chain):
        if folder.name == APP_ID:
            return chain[: index + 1]
    return [path]


def make_private(path: Path) -> None:
    """Take group and other permissions off a folder or file of ours (POSIX).

    Only bits are taken off, never added: a ledger file marked read-only stays read-only.
    Files of another user (which we may not change) and links are left alone."""
    if not PRIVATE_CHMOD:
        return
    try:
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode) or info.st_uid != os.getuid():
            return
        if info.st_mode & 0o077:
            path.chmod(stat.S_IMODE(info.st_mode) & ~0o077)
    except OSError:
        pass  # gone meanwhile, or a file system without modes: nothing to protect here


def private_file_descriptor(fd: int) -> None:
    """Set a file opened by ``os.open`` to 0600 whatever the umask (POSIX)."""
    if PRIVATE_CHMOD:
        # Another user's file is not ours to change (ours, just created, never fails).
        with suppress(PermissionError):
            os.fchmod(fd, PRIVATE_FILE_MODE)


def create_private_file(path: Path) -> bool:
    """Create ``path`` empty, readable by the user alone; False when it already exists."""
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE_MODE)
    except FileExistsError:
        return False
    try:
        private_file_descriptor(fd)
    finally:
        os.close(fd)
    return True


def make_user_folders_private() -> None:
    """At start-up: the data and log folders, and everything in them, readable by the user
    alone, also what an earlier version (or a wider umask) left readable by others."""
    if not PRIVATE_CHMOD:
        return
    for top in (data_dir(), log_dir()):
        for root, folders, files in os.walk(top):
            for name in folders:
                make_private(Path(root, name))
            for name in files:
                make_private(Path(root, name))
