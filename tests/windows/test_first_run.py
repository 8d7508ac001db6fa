"""The first-run dialog (choices preset from the locale) and File › New demo company…."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QMessageBox,
    QProgressDialog,
    QPushButton,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from app.ledger.setup import COMMON_CURRENCIES, set_up_company
from app.models import Customer
from app.models.database import Store
from app.models.startup import open_store
from app.windows import first_run
from app.windows.first_run import CompanyChoice, FirstRunDialog, default_choice
from app.windows.main_window import MainWindow

# The offscreen platform lacks window-manager features and says so.
pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support ")


@pytest.mark.parametrize(
    ("locale", "expected"),
    [
        ("nb_NO", CompanyChoice("NOK", "NO", "nb-NO")),
        ("sv_SE", CompanyChoice("SEK", "SE", "sv-SE")),
        ("nl_NL", CompanyChoice("EUR", "NL", "nl-NL")),
        ("fi_FI", CompanyChoice("EUR", "FI", "fi-FI")),
        ("de_CH", CompanyChoice("CHF", "CH", "de-CH")),
        ("en_US", CompanyChoice("USD", "US", "en-US")),
        # No country in the locale: the fallbacks.
        ("C", CompanyChoice("NOK", "NO", "en-GB")),
        ("en_001", CompanyChoice("NOK", "NO", "en")),
    ],
)
def test_defaults_come_from_the_locale(locale: str, expected: CompanyChoice) -> None:
    assert default_choice(QLocale(locale)) == expected


def combo(dialog: FirstRunDialog, name: str) -> QComboBox:
    found = dialog.findChild(QComboBox, name)
    assert found is not None, name
    return found


def button(dialog: FirstRunDialog, name: str) -> QPushButton:
    found = dialog.findChild(QPushButton, name)
    assert found is not None, name
    return found


def test_the_dialog_shows_the_locale_choices_and_takes_the_users(qtbot: QtBot) -> None:
    dialog = FirstRunDialog(locale=QLocale("sv_SE"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.objectName() == "first_run_dialog"
    assert combo(dialog, "base_currency").currentData() == "SEK"
    assert combo(dialog, "country").currentData() == "SE"
    assert combo(dialog, "document_language").currentData() == "sv-SE"
    currencies = combo(dialog, "base_currency")
    first = {currencies.itemData(index) for index in range(len(COMMON_CURRENCIES))}
    assert first == set(COMMON_CURRENCIES)  # the common currencies first
    assert combo(dialog, "country").currentText() == "Sweden (SE)"

    country = combo(dialog, "country")
    country.setCurrentIndex(country.findData("DK"))
    currency = combo(dialog, "base_currency")
    currency.setCurrentIndex(currency.findData("DKK"))
    language = combo(dialog, "document_language")
    language.setCurrentIndex(language.findData("da-DK"))
    qtbot.mouseClick(button(dialog, "action_set_up"), Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.choice() == CompanyChoice("DKK", "DK", "da-DK")


def test_a_locale_language_not_listed_is_offered_first(qtbot: QtBot) -> None:
    dialog = FirstRunDialog(locale=QLocale("pt_BR"))
    qtbot.addWidget(dialog)
    assert combo(dialog, "document_language").itemData(0) == "pt-BR"
    assert dialog.choice() == CompanyChoice("BRL", "BR", "pt-BR")


def test_cancel_gives_no_choice(qtbot: QtBot) -> None:
    def answer() -> None:
        for widget in QApplication.topLevelWidgets():
            if widget.objectName() == "first_run_dialog" and widget.isVisible():
                cancel = widget.findChild(QPushButton, "action_cancel")
                assert cancel is not None
                cancel.click()

    QTimer.singleShot(0, answer)
    assert first_run.ask_first_run() is None


def test_accepting_gives_the_choice(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("da_DK")))

    def answer() -> None:
        for widget in QApplication.topLevelWidgets():
            if widget.objectName() == "first_run_dialog" and widget.isVisible():
                assert isinstance(widget, QDialog)
                widget.accept()

    QTimer.singleShot(0, answer)
    assert first_run.ask_first_run() == CompanyChoice("DKK", "DK", "da-DK")


# -- File › New demo company… -----------------------------------------------------------------


@pytest.fixture
def demo_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "data" / "demo.sqlite"
    path.parent.mkdir()
    monkeypatch.setattr(first_run, "demo_database_path", lambda: path)
    monkeypatch.setattr(first_run, "ask_demo_customers", lambda _parent: 40)
    return path


@pytest.fixture
def window(qtbot: QtBot, store: Store, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    main = MainWindow(store, settings=settings)
    qtbot.addWidget(main)
    main.show()
    return main


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def tell(_parent: object, _title: str, text: str, *_: Any) -> QMessageBox.StandardButton:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", tell)
    monkeypatch.setattr(QMessageBox, "information", tell)
    return shown


def customers_in(path: Path, tmp_path: Path) -> int:
    store = open_store(f"sqlite:///{path}", backup_dir=tmp_path / "backups")
    try:
        with store.session() as session:
            return int(session.scalar(select(func.count()).select_from(Customer)) or 0)
    finally:
        store.close()


def test_new_demo_company_opens_in_a_window_of_its_own(
    qtbot: QtBot,
    window: MainWindow,
    demo_path: Path,
    tmp_path: Path,
    messages: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    progress: list[int] = []
    original = QProgressDialog.setValue
    monkeypatch.setattr(
        QProgressDialog, "setValue", lambda self, v: (progress.append(v), original(self, v))
    )
    window.findChild(type(window.action_quit), "action_new_demo_company").trigger()
    demo = first_run._demo_windows[-1]
    assert demo is not window and demo.isVisible()
    assert demo.windowTitle().endswith("demo.sqlite")
    assert progress[0] == 0 and progress[-1] == 40
    assert messages == []
    lock = demo_path.with_name("demo.sqlite.lock")
    assert lock.exists()

    demo.close()
    qtbot.waitUntil(lambda: not lock.exists())  # the demo's store is closed with its window
    assert first_run._demo_windows == []
    assert customers_in(demo_path, tmp_path) == 40

    # Again: the earlier demo is replaced.
    monkeypatch.setattr(first_run, "ask_demo_customers", lambda _parent: 15)
    again = window.new_demo_company()
    assert again is not None
    again.close()
    qtbot.waitUntil(lambda: not lock.exists())
    assert customers_in(demo_path, tmp_path) == 15


def test_cancelled_progress_writes_nothing(
    window: MainWindow, demo_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QProgressDialog, "wasCanceled", lambda _self: True)
    assert window.new_demo_company() is None
    assert first_run._demo_windows == []
    assert customers_in(demo_path, tmp_path) == 0
    assert not demo_path.with_name("demo.sqlite.lock").exists()


def test_asking_cancelled_does_nothing(
    window: MainWindow, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(first_run, "ask_demo_customers", lambda _parent: None)
    assert window.new_demo_company() is None
    assert not demo_path.exists()


def test_a_ledger_at_the_demo_path_is_refused_untouched(
    window: MainWindow, demo_path: Path, tmp_path: Path, messages: list[str]
) -> None:
    ledger = open_store(f"sqlite:///{demo_path}", backup_dir=tmp_path / "backups")
    set_up_company(ledger, base_currency="NOK", country="NO", language="nb-NO")
    ledger.close()
    before = demo_path.read_bytes()
    assert window.new_demo_company() is None
    assert len(messages) == 1 and "not an empty database or a demo company" in messages[0]
    assert demo_path.read_bytes() == before
    assert not demo_path.with_name("demo.sqlite.lock").exists()


def test_the_open_demo_is_not_remade_under_its_own_window(
    qtbot: QtBot, demo_path: Path, tmp_path: Path, messages: list[str]
) -> None:
    store = open_store(f"sqlite:///{demo_path}", backup_dir=tmp_path / "backups")
    try:
        main = MainWindow(
            store, settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
        )
        qtbot.addWidget(main)
        assert main.new_demo_company() is None
        assert len(messages) == 1 and "has the demo company open" in messages[0]
    finally:
        store.close()
