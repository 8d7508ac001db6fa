"""Where the workstation keeps its files (platformdirs: the user's own data folder).

Privacy (DESIGN §7): every folder and file here holds customer data or says something about
it, so on POSIX the folders are 0700 and the files 0600, set explicitly (not left to the umask)
when they are made and put right at start-up when an earlier version left them wider.

On Windows (where chmod only toggles read-only) each folder of ours gets an ACL of its own, set
with the system's icacls: inheritance from the profile cut, full control for the user and for
SYSTEM (backup and antivirus software run as SYSTEM), inherited by every file made in it, so a
statement or backup written there is the user's alone without a call per file.
"""

from __future__ import annotations

import logging
import os
import stat
import subprocess
from contextlib import suppress
from pathlib import Path

from platformdirs import PlatformDirs

from app import APP_ID

_dirs = PlatformDirs(APP_ID, appauthor=False)

PRIVATE_FOLDER_MODE = 0o700
PRIVATE_FILE_MODE = 0o600
PRIVATE_CHMOD = os.name == "posix"
PRIVATE_ACL = os.name == "nt"  # chmod only toggles read-only there: an ACL instead
SYSTEM_SID = "*S-1-5-18"  # LocalSystem, named by SID so a localised Windows finds it
_acl_set: set[Path] = set()
log = logging.getLogger(__name__)


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
    Files of another user (which we may not change) and links are left alone. On Windows a
    folder gets the user's own ACL (its files inherit it)."""
    if PRIVATE_ACL:
        if path.is_dir():
            restrict_acl(path)
        return
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


def acl_command(path: Path) -> list[str]:
    """The icacls call giving ``path`` (a folder) to the user and SYSTEM alone, inherited by
    what is made in it: (OI)(CI) objects and containers inherit, F full control."""
    domain = os.environ.get("USERDOMAIN", "")
    user = os.environ.get("USERNAME", "")
    account = f"{domain}\\{user}" if domain else user
    return [
        "icacls",
        str(path),
        "/inheritance:r",
        "/grant:r",
        f"{account}:(OI)(CI)F",
        f"{SYSTEM_SID}:(OI)(CI)F",
        "/Q",
    ]


def restrict_acl(path: Path) -> None:
    """Set the folder's private ACL once per run; a failure is logged, never fatal (the
    profile's own ACL still keeps other users out on a standard Windows)."""
    if path in _acl_set:
        return
    if not os.environ.get("USERNAME"):
        log.warning("No USERNAME in the environment: %s keeps the profile's ACL", path)
        return
    try:
        done = subprocess.run(
            acl_command(path),
            capture_output=True,
            text=True,
            check=False,
            creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),
        )
    except OSError as error:
        log.warning("Could not run icacls on %s: %s", path, error)
        return
    if done.returncode != 0:
        log.warning("icacls on %s failed (%s): %s", path, done.returncode, done.stderr.strip())
        return
    _acl_set.add(path)


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
    if PRIVATE_ACL:  # the folders' ACLs; their files inherit them
        for top in (data_dir(), log_dir()):
            for root, _folders, _files in os.walk(top):
                restrict_acl(Path(root))
        return
    if not PRIVATE_CHMOD:
        return
    for top in (data_dir(), log_dir()):
        for root, folders, files in os.walk(top):
            for name in folders:
                make_private(Path(root, name))
            for name in files:
                make_private(Path(root, name))
