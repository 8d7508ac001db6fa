"""SQLite files on network shares are refused (their locking is unreliable over NFS/SMB)."""

from __future__ import annotations

from pathlib import Path, PureWindowsPath

import pytest

from app.models.startup import (
    DatabaseRefusedError,
    RefusalReason,
    is_network_path,
    mount_fstype,
    open_store,
)

MOUNTS = """\
/dev/vda / ext4 rw,relatime 0 0
proc /proc proc rw,relatime 0 0
fileserver:/export/ledger /mnt/ledger nfs4 rw,relatime,vers=4.2 0 0
//nas/accounts /mnt/nas/accounts cifs rw,relatime 0 0
//nas/my\\040share /mnt/my\\040share cifs rw 0 0
/dev/vdb /mnt/nas/accounts/local ext4 rw 0 0
"""


@pytest.mark.parametrize(
    ("path", "fstype"),
    [
        ("/home/anna/ledger.sqlite", "ext4"),
        ("/mnt/ledger/ledger.sqlite", "nfs4"),
        ("/mnt/ledger", "nfs4"),
        ("/mnt/ledgerx/ledger.sqlite", "ext4"),  # a prefix of the text is not a parent folder
        ("/mnt/nas/accounts/2026/ledger.sqlite", "cifs"),
        ("/mnt/nas/accounts/local/ledger.sqlite", "ext4"),  # the deeper mount wins
        ("/mnt/my share/ledger.sqlite", "cifs"),  # /proc/mounts escapes the space
    ],
)
def test_mount_of_a_path(path: str, fstype: str) -> None:
    assert mount_fstype(Path(path), MOUNTS) == fstype


@pytest.mark.parametrize(
    ("path", "network"),
    [
        ("/home/anna/ledger.sqlite", False),
        ("/mnt/ledger/ledger.sqlite", True),
        ("/mnt/nas/accounts/ledger.sqlite", True),
        ("/mnt/nas/accounts/local/ledger.sqlite", False),
    ],
)
def test_network_mounts_are_recognised(path: str, network: bool) -> None:
    assert is_network_path(Path(path), mounts=MOUNTS) is network


@pytest.mark.parametrize(
    "path", ["\\\\server\\share\\ledger.sqlite", "//server/share/ledger.sqlite"]
)
def test_unc_paths_are_network_paths(path: str) -> None:
    assert is_network_path(Path(path), mounts="")


def test_windows_device_paths_are_not_unc() -> None:
    assert not is_network_path(Path(str(PureWindowsPath("\\\\?\\C:\\ledger.sqlite"))), mounts="")


@pytest.mark.parametrize(
    "url", ["sqlite:///\\\\server\\share\\ledger.sqlite", "sqlite://///server/share/ledger.sqlite"]
)
def test_open_store_refuses_a_unc_path(url: str, tmp_path: Path) -> None:
    with pytest.raises(DatabaseRefusedError) as refused:
        open_store(url, backup_dir=tmp_path / "backups")
    assert refused.value.reason is RefusalReason.NETWORK_PATH
    assert "server" in str(refused.value) and "network" in str(refused.value)


def test_open_store_refuses_a_file_on_an_nfs_mount(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    share = tmp_path / "share"
    share.mkdir()
    mounts = tmp_path / "mounts"
    mounts.write_text(f"/dev/vda / ext4 rw 0 0\nserver:/export {share.resolve()} nfs rw 0 0\n")
    monkeypatch.setattr("app.models.startup.MOUNTS_FILE", mounts)
    db = share / "ledger.sqlite"
    with pytest.raises(DatabaseRefusedError) as refused:
        open_store(f"sqlite:///{db}", backup_dir=tmp_path / "backups")
    assert refused.value.reason is RefusalReason.NETWORK_PATH
    assert not db.exists() and not (share / "ledger.sqlite.lock").exists()
