"""The workstation's current branch (File › Current branch, a preference of the workstation, MAIN
until chosen): a customer's first location takes its ID where the class has Default location ID
from branch (issue 12 item 5); kept for the next start."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.ledger import workstation
from app.models import Branch, CustomerClass, Location
from app.models.database import Store
from app.windows.framework import dialogs
from app.windows.framework.record_screen import RecordScreen
from app.windows.main_window import KEY_BRANCH, MainWindow
from tests.screens.conftest import Answers
from tests.screens.customer_record import create_customer, customer_named, set_up

pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support ")


@pytest.fixture(autouse=True)
def company(store: Store, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(workstation, "branch", workstation.MAIN_BRANCH)  # put back afterwards
    set_up(store)
    with store.transaction() as session:
        session.add_all(
            [
                Branch(branch_id="BERGEN", name="Bergen office"),
                Branch(branch_id="OLD", name="Closed office", active=False),
                Branch(branch_id="NORD-1", name="North"),
            ]
        )
        session.scalars(select(CustomerClass)).one().default_location_id_from_branch = True
    yield


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def window_of(qtbot: QtBot, store: Store, settings: QSettings) -> MainWindow:
    window = MainWindow(store, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def first_location(store: Store, number: str) -> str:
    with store.session() as session:
        customer = customer_named(session, number)
        [location] = session.scalars(select(Location).where(Location.customer_id == customer.id))
        assert location.is_main and location.is_default
        return location.location_id


def test_the_current_branch_names_a_new_customers_first_location(
    qtbot: QtBot, store: Store, settings: QSettings, answers: Answers
) -> None:
    window = window_of(qtbot, store, settings)
    customers = window.open_screen("AR303000")
    assert isinstance(customers, RecordScreen)
    assert first_location(store, create_customer(qtbot, customers, "Før Valg AS")) == "MAIN"

    answers.text = "bergen"  # typed in another case: the branch as stored
    window.action_current_branch.trigger()
    assert workstation.branch == "BERGEN"
    assert settings.value(KEY_BRANCH) == "BERGEN"
    assert "Current branch: BERGEN" in window.statusBar().currentMessage()

    number = create_customer(qtbot, customers, "Etter Valg AS")
    assert first_location(store, number) == "BERGEN"

    # The next start uses it too.
    workstation.use_branch(workstation.MAIN_BRANCH)
    window_of(qtbot, store, settings)
    assert workstation.branch == "BERGEN"


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("OSLO", "there is no branch 'OSLO'"),
        ("OLD", "branch OLD is inactive"),
        ("NORD-1", "cannot name a customer's first location"),
    ],
)
def test_a_branch_that_cannot_be_the_current_one_is_refused_saying_why(
    qtbot: QtBot,
    store: Store,
    settings: QSettings,
    answers: Answers,
    monkeypatch: pytest.MonkeyPatch,
    typed: str,
    said: str,
) -> None:
    told: list[str] = []
    monkeypatch.setattr(dialogs, "inform", lambda _parent, _title, text: told.append(text))
    window = window_of(qtbot, store, settings)
    answers.text = typed
    window.action_current_branch.trigger()
    assert len(told) == 1 and said in told[0]
    assert workstation.branch == "MAIN"
    assert settings.value(KEY_BRANCH) is None
