"""Backups a user controls: File › Back up now, the Backups dialog (keep N, Restore…), the day's
backup after start-up, restoring and starting again, and a damaged ledger's latest good backup
offered at start-up."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

import app.main
from app.ledger.setup import set_up_company
from app.models import Customer
from app.models.backup_folder import backups_of
from app.models.database import Store, sqlite_path
from app.models.startup import open_store
from app.windows.backups import KEY_KEEP, BackupsDialog
from app.windows.framework import dialogs
from app.windows.main_window import MainWindow
from tests.models.conftest import checkpoint


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(
    qtbot: QtBot, store: Store, settings: QSettings, tmp_path: Path
) -> Iterator[Callable[[], MainWindow]]:
    def make() -> MainWindow:
        window = MainWindow(store, settings=settings, backup_dir=tmp_path / "backups")
        qtbot.addWidget(window)
        window.show()
        return window

    yield make


def ledger_file(store: Store) -> Path:
    path = sqlite_path(store.engine.url.render_as_string(hide_password=False))
    assert path is not None
    return path


def add_customer(store: Store, number: str, name: str) -> None:
    with store.transaction() as session:
        session.add(Customer(customer_no=number, name=name))


def test_back_up_now_and_the_day_s_backup(
    store: Store, make_window: Callable[[], MainWindow], tmp_path: Path
) -> None:
    window = make_window()
    database = ledger_file(store)
    window.action_back_up_now.trigger()
    (taken,) = backups_of(database, tmp_path / "backups")
    assert str(taken.path) in window.statusBar().currentMessage()
    # Today has a backup now: the day's backup after start-up takes none.
    assert window.take_daily_backup() is None
    taken.path.unlink()
    daily = window.take_daily_backup()
    assert daily is not None and daily.exists()
    assert "Today's backup" in window.statusBar().currentMessage()


def test_the_dialog_lists_the_backups_and_keeps_the_number_asked_for(
    qtbot: QtBot, store: Store, make_window: Callable[[], MainWindow], settings: QSettings
) -> None:
    window = make_window()
    dialog = window.show_backups()
    assert isinstance(dialog, BackupsDialog)
    assert dialog.table.rowCount() == 0 and not dialog.restore_button.isEnabled()
    dialog.keep.setValue(2)
    assert int(str(settings.value(KEY_KEEP))) == 2
    for _ in range(3):
        qtbot.mouseClick(dialog.back_up_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 2  # the oldest of three deleted
    assert "Backed up to" in dialog.note.text()
    first = dialog.table.item(0, 0)
    assert first is not None and dialog.selected() is not None
    assert dialog.restore_button.isEnabled()
    dialog.close()


def test_restore_closes_the_window_and_start_up_restores_and_starts_again(
    qtbot: QtBot,
    store: Store,
    make_window: Callable[[], MainWindow],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add_customer(store, "10001", "Fjord Fisk AS")
    window = make_window()
    backup = window.back_up_now()
    assert backup is not None
    add_customer(store, "10002", "Saved after the backup AS")

    dialog = window.show_backups()
    monkeypatch.setattr(dialogs, "confirm", lambda *_a: False)
    dialog.restore_selected()
    assert dialog.chosen is None and window.isVisible()  # No: nothing happens

    monkeypatch.setattr(dialogs, "confirm", lambda *_a: True)
    dialog.restore_selected()
    assert window.restore_requested == backup
    assert not window.isVisible()

    # What app.main does once the window has closed and the store with it.
    url = store.engine.url.render_as_string(hide_password=False)
    database = ledger_file(store)
    store.close()
    checkpoint(database)
    note = app.main._restore(url, backup)
    assert note.startswith(f"Restored the backup {backup.name}.")
    assert "-before-restore-" in note
    with open_store(url, backup_dir=backup.parent) as again, again.session() as session:
        assert session.scalars(select(Customer.name)).all() == ["Fjord Fisk AS"]
    aside = next(database.parent.glob(f"{database.stem}-before-restore-*.sqlite"))
    with (
        open_store(f"sqlite:///{aside}", backup_dir=backup.parent) as kept,
        kept.session() as session,
    ):
        assert sorted(session.scalars(select(Customer.name))) == [
            "Fjord Fisk AS",
            "Saved after the backup AS",
        ]


def test_run_starts_again_after_a_restore(monkeypatch: pytest.MonkeyPatch) -> None:
    runs: list[tuple[int | None, str | None]] = []

    def run_once(
        _app: object, _url: str, demo: int | None, *, unattended: bool, note: str | None
    ) -> int | app.main.Restart:
        runs.append((demo, note))
        return app.main.Restart("Restored the backup X.") if len(runs) == 1 else 0

    monkeypatch.setattr(app.main, "_run_once", run_once)
    assert app.main._run(None, "sqlite:///x.sqlite", 5) == 0  # type: ignore[arg-type]
    # The demo is made once; the second start shows the note.
    assert runs == [(5, None), (None, "Restored the backup X.")]


def test_a_damaged_ledger_offers_its_latest_good_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    backups = tmp_path / "backups"
    monkeypatch.setattr("app.paths.backups_dir", lambda: backups)
    database = tmp_path / "ledger.sqlite"
    url = f"sqlite:///{database}"
    with open_store(url, backup_dir=backups) as store:
        set_up_company(store, base_currency="NOK", country="NO", language="nb-NO")
        add_customer(store, "10001", "Fjord Fisk AS")
        window = MainWindow(
            store,
            settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
            backup_dir=backups,
        )
        qtbot.addWidget(window)
        assert window.back_up_now() is not None
        window.close()
    checkpoint(database)
    data = bytearray(database.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    for page in range(1, len(data) // page_size):
        data[page * page_size : page * page_size + 64] = b"\xa5" * 64
    database.write_bytes(bytes(data))
    damaged = bytes(data)

    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QMessageBox, "critical", lambda *_a: QMessageBox.StandardButton.Ok)
    assert app.main._open(url, unattended=False) is None  # declined: refused, untouched
    assert "Restore the latest good backup" in asked[0]
    assert database.read_bytes() == damaged
    # Unattended, nothing is asked.
    assert app.main._open(url, unattended=True) is None and len(asked) == 1

    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    store = app.main._open(url, unattended=False)
    assert store is not None
    with store, store.session() as session:
        assert session.scalars(select(Customer.name)).all() == ["Fjord Fisk AS"]
    (aside,) = tmp_path.glob("ledger-before-restore-*.sqlite")
    assert aside.read_bytes() == damaged  # the damaged ledger is kept, not deleted
