"""The start page: the empty workspace shows what to do first on a new company, the screens
this workstation opens most and the records opened last — each a click away."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QGroupBox, QPushButton
from pytestqt.qtbot import QtBot

from app.models import Customer
from app.models.database import Store
from app.windows.framework.dialogs import Unsaved
from app.windows.framework.record_screen import RecordScreen
from app.windows.main_window import MainWindow
from app.windows.start_page import StartPage
from tests.screens.conftest import Answers
from tests.screens.customer_record import set_up


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def make_window(qtbot: QtBot, store: Store, settings: QSettings) -> MainWindow:
    main = MainWindow(store, settings=settings)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    return main


@pytest.fixture
def company(store: Store, answers: Answers) -> Iterator[Store]:
    answers.unsaved = Unsaved.DISCARD
    set_up(store)
    yield store


def links(page: StartPage, box: str) -> list[str]:
    group = page.findChild(QGroupBox, box)
    return [] if group is None else [b.text() for b in group.findChildren(QPushButton)]


def test_a_new_company_starts_with_what_to_do_first(
    qtbot: QtBot, company: Store, settings: QSettings
) -> None:
    window = make_window(qtbot, company, settings)
    assert window.workspace.currentWidget() is window.start_page
    steps = links(window.start_page, "start_first_steps")
    assert steps[-1] == "3. Add your first customer (AR303000)"
    button = window.start_page.findChild(QPushButton, "start_step_ar303000")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.current_screen_id() == "AR303000"
    assert window.workspace.currentWidget() is window.screen_tabs


def test_most_used_screens_and_last_records_come_back_after_a_restart(
    qtbot: QtBot, company: Store, settings: QSettings
) -> None:
    with company.transaction() as session:
        from sqlalchemy import select

        from app.models import CustomerClass

        default = session.scalars(select(CustomerClass)).first()
        assert default is not None
        session.add(
            Customer(customer_no="10001", name="Nordic Trading AS", customer_class_id=default.id)
        )
    window = make_window(qtbot, company, settings)
    assert links(window.start_page, "start_first_steps") == []  # no longer a new company
    for _ in range(2):
        window.open_screen("AR201000")
        window.close_screen("AR201000")
    customers = window.open_screen("AR303000")
    assert isinstance(customers, RecordScreen)
    customers.go_first()
    window.close_screen("AR303000")
    assert window.workspace.currentWidget() is window.start_page
    window.close()

    again = make_window(qtbot, company, settings)
    page = again.start_page
    assert links(page, "start_most_used")[:2] == [
        "Customer classes (AR201000)",
        "Customers (AR303000)",
    ]
    assert links(page, "start_recent") == ["Customer 10001 — Customers"]
    recent = page.findChild(QPushButton, "start_recent_0")
    assert recent is not None
    qtbot.mouseClick(recent, Qt.MouseButton.LeftButton)
    screen = again.screen("AR303000")
    assert isinstance(screen, RecordScreen)
    assert screen.record.value("customer_name") == "Nordic Trading AS"
