"""Drafts: unsaved input of a record screen, kept every few seconds outside the ledger's tables,
so a crash, a power cut or a killed app loses at most the last few seconds of typing.

A draft is one small JSON file per screen in the drafts folder (beside the ledger's data,
readable by the user alone): the screen, the record (its id and the version it was read at)
and the values the user changed — only those, so restoring it onto the record as saved now
changes what the user typed and nothing another save wrote since. Nothing is saved to the
ledger without the user's Save. A draft is deleted once its screen has nothing unsaved
(saved, discarded, closed), so a draft found at start-up is input a crash interrupted. The
small editors a screen opened (an activity's Task window) are drafted inside their screen's
draft: they belong to the record the screen shows, and come back with it.

Values are written with their types (Decimal, date, option, input that could not be read) and
read back to the same; a file that cannot be read is set aside, never in the way of a start.
"""

from __future__ import annotations

import importlib
import json
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from app.paths import make_private, private_file_descriptor

log = logging.getLogger(__name__)

INTERVAL_MS = 3000  # how often open screens' unsaved input is written


@dataclass(frozen=True)
class Draft:
    screen_id: str
    record_id: int | None  # None: a new record
    version: int | None  # the version the changes were made on
    # A digest of the record as read (every value, its parts' stamps): what tells whether it
    # was saved elsewhere since.
    basis: str
    changes: dict[str, Any]  # key → value as typed
    saved_at: datetime
    title: str  # what the user knows the record by ("Customer 10200")
    # The screen's small editors with unsaved input (RecordDialog), each its own draft.
    editors: tuple[Draft, ...] = ()

    @property
    def titles(self) -> str:
        """What the drafted input is about: ``Customer 10200, The new task``."""
        return ", ".join([self.title, *(editor.title for editor in self.editors)])


class DraftError(ValueError):
    """A draft file that cannot be read back."""


# -- values with their types ---------------------------------------------------------------


def encode(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, Decimal):
        return {"$decimal": str(value)}
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, Enum):
        kind = type(value)
        return {"$enum": f"{kind.__module__}:{kind.__qualname__}", "name": value.name}
    if isinstance(value, list | tuple):
        return [encode(item) for item in value]
    if isinstance(value, dict):
        return {"$dict": [[str(key), encode(item)] for key, item in value.items()]}
    if type(value).__name__ == "InvalidInput":  # app.ledger.records: typed, not readable
        return {"$invalid": value.text, "reason": value.reason}
    raise DraftError(f"a value of type {type(value).__name__} cannot be kept in a draft")


def decode(value: Any) -> Any:
    if isinstance(value, list):
        return [decode(item) for item in value]
    if not isinstance(value, dict):
        return value
    if "$decimal" in value:
        return Decimal(value["$decimal"])
    if "$datetime" in value:
        return datetime.fromisoformat(value["$datetime"])
    if "$date" in value:
        return date.fromisoformat(value["$date"])
    if "$enum" in value:
        return _option(str(value["$enum"]), str(value["name"]))
    if "$dict" in value:
        return {str(key): decode(item) for key, item in value["$dict"]}
    if "$invalid" in value:
        from app.ledger.records import InvalidInput

        return InvalidInput(str(value["$invalid"]), str(value.get("reason", "")))
    raise DraftError(f"unknown value {sorted(value)}")


def _option(where: str, name: str) -> Enum:
    module_name, _, class_name = where.partition(":")
    if not module_name.startswith("app."):  # only the app's own option lists are read back
        raise DraftError(f"option list {where} is not the app's")
    kind = getattr(importlib.import_module(module_name), class_name, None)
    if not (isinstance(kind, type) and issubclass(kind, Enum)) or name not in kind.__members__:
        raise DraftError(f"option {where}.{name} no longer exists")
    return kind[name]


# -- the folder ------------------------------------------------------------------------------


class Drafts:
    """The drafts of one ledger: ``folder`` is the ledger's own (drafts of another ledger are
    never offered here)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, screen_id: str) -> Path:
        return self.folder / f"{screen_id}.json"

    def keep(self, draft: Draft) -> None:
        """Write the draft atomically (a crash while writing leaves the previous one)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        make_private(self.folder)
        data = _data_of(draft)
        target = self.path(draft.screen_id)
        partial = target.with_name(target.name + ".partial")
        fd = os.open(partial, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, 0o600)
        try:
            private_file_descriptor(fd)
            os.write(fd, json.dumps(data, ensure_ascii=False).encode())
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(partial, target)

    def forget(self, screen_id: str) -> None:
        self.path(screen_id).unlink(missing_ok=True)

    def pending(self) -> list[Draft]:
        """The drafts left by a run that did not end cleanly, oldest first; unreadable files
        are renamed ``.unreadable`` and logged."""
        if not self.folder.is_dir():
            return []
        found: list[Draft] = []
        for path in sorted(self.folder.glob("*.json")):
            try:
                found.append(self.read(path))
            except (OSError, ValueError, KeyError, TypeError) as error:
                log.warning("draft %s could not be read (%s); set aside", path.name, error)
                os.replace(path, path.with_suffix(".unreadable"))
        return sorted(found, key=lambda draft: draft.saved_at)

    @staticmethod
    def read(path: Path) -> Draft:
        return _draft_of(json.loads(path.read_text(encoding="utf-8")))


def _data_of(draft: Draft) -> dict[str, Any]:
    return {
        "screen": draft.screen_id,
        "record_id": draft.record_id,
        "version": draft.version,
        "basis": draft.basis,
        "title": draft.title,
        "saved_at": draft.saved_at.isoformat(timespec="seconds"),
        "changes": {key: encode(value) for key, value in draft.changes.items()},
        "editors": [_data_of(editor) for editor in draft.editors],
    }


def _draft_of(data: Any) -> Draft:
    if not isinstance(data, Mapping):
        raise DraftError("not a draft")
    changes = data["changes"]
    if not isinstance(changes, Mapping):
        raise DraftError("no changes")
    editors = data.get("editors") or []  # a draft written before editors were drafted has none
    if not isinstance(editors, list):
        raise DraftError("editors are not a list")
    return Draft(
        screen_id=str(data["screen"]),
        record_id=data["record_id"] if isinstance(data["record_id"], int) else None,
        version=data["version"] if isinstance(data["version"], int) else None,
        basis=str(data.get("basis", "")),
        changes={str(key): decode(value) for key, value in changes.items()},
        saved_at=datetime.fromisoformat(str(data["saved_at"])),
        title=str(data.get("title") or data["screen"]),
        editors=tuple(_draft_of(editor) for editor in editors),
    )


def basis_of(loaded: Mapping[str, Any]) -> str:
    """A digest of what a record was read as (RecordModel.loaded_values)."""
    import hashlib

    text = json.dumps(
        sorted((str(key), encode(value)) for key, value in loaded.items()), sort_keys=True
    )
    return hashlib.sha256(text.encode()).hexdigest()


def drafts_folder(database: Path | None, url_text: str) -> Path:
    """The drafts folder of a ledger: per ledger file (by its name and a short hash of its
    path), or of the server URL (without its password)."""
    import hashlib

    from app.paths import drafts_dir

    key = str(database.resolve()) if database is not None else url_text
    digest = hashlib.sha256(key.encode()).hexdigest()[:12]
    name = database.stem if database is not None else "server"
    return drafts_dir() / f"{name}-{digest}"
