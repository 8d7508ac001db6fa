"""Nothing fails unseen: an error escaping a slot is logged and shown (app/windows/errors.py),
and the test suite itself fails on one (pytest-qt's exception capture)."""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass, field
from types import TracebackType

import pytest
from PySide6.QtCore import QObject, QTimer, Signal
from pytestqt.qtbot import QtBot
from sqlalchemy.exc import StatementError

from app.logs import log_file
from app.windows import errors


class SlotError(Exception):
    """What the slots below raise: no code of the app raises it."""


class Emitter(QObject):
    fired = Signal()


def raise_in_slot() -> None:
    raise SlotError("the slot broke")


@dataclass
class Dialogs:
    """The unexpected-error dialogs shown, answered at once instead of blocking the test."""

    shown: list[tuple[str, str, str]] = field(default_factory=list)


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    given = Dialogs()

    def show_error(_parent: object, title: str, text: str, details: str) -> None:
        given.shown.append((title, text, details))

    monkeypatch.setattr(errors, "show_error", show_error)
    return given


def test_an_error_in_a_slot_shows_the_dialog_and_is_logged(
    qtbot: QtBot, dialogs: Dialogs, caplog: pytest.LogCaptureFixture
) -> None:
    before = sys.excepthook
    emitter = Emitter()
    emitter.fired.connect(raise_in_slot)
    with caplog.at_level(logging.ERROR, logger="app"), errors.reporting(unattended=False):
        emitter.fired.emit()
        QTimer.singleShot(0, raise_in_slot)  # from the event loop too, as a click would
        qtbot.waitUntil(lambda: len(dialogs.shown) == 2)
    assert sys.excepthook is before  # the hook before (pytest-qt's) is back

    title, text, details = dialogs.shown[0]
    assert "unexpected error" in title
    assert "SlotError: the slot broke" in text  # what failed
    assert "Nothing was saved" in text
    assert str(log_file()) in text  # where the log is
    assert "raise_in_slot" in details  # the traceback, under Show details
    logged = [record for record in caplog.records if record.exc_info]
    assert len(logged) == 2
    assert logged[0].exc_info is not None and logged[0].exc_info[0] is SlotError


def test_an_error_while_the_dialog_is_open_is_logged_without_a_second_dialog(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    behind = Emitter()  # a timer's slot running in the dialog's own event loop

    def raise_behind_the_dialog() -> None:
        raise SlotError("behind the dialog")

    behind.fired.connect(raise_behind_the_dialog)
    shown: list[str] = []

    def show_error(_parent: object, _title: str, text: str, _details: str) -> None:
        shown.append(text)
        behind.fired.emit()

    monkeypatch.setattr(errors, "show_error", show_error)
    emitter = Emitter()
    emitter.fired.connect(raise_in_slot)
    with caplog.at_level(logging.ERROR, logger="app"), errors.reporting(unattended=False):
        emitter.fired.emit()
    assert len(shown) == 1 and "the slot broke" in shown[0]
    logged = [str(record.exc_info[1]) for record in caplog.records if record.exc_info]
    assert logged == ["the slot broke", "behind the dialog"]


def test_a_failing_dialog_is_logged_and_never_raises_into_the_event_loop(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def show_error(*_args: object) -> None:
        raise RuntimeError("no dialog today")

    monkeypatch.setattr(errors, "show_error", show_error)
    reporter = errors.ErrorReporter(sys.excepthook, unattended=False)
    with caplog.at_level(logging.ERROR, logger="app"):
        reporter(SlotError, SlotError("the slot broke"), None)
    assert "the unexpected-error dialog failed" in caplog.text


def test_unattended_runs_hand_the_error_to_the_hook_before_without_a_dialog(
    dialogs: Dialogs, monkeypatch: pytest.MonkeyPatch
) -> None:
    handed: list[BaseException] = []

    def previous(
        _kind: type[BaseException], error: BaseException, _trace: TracebackType | None
    ) -> None:
        handed.append(error)

    monkeypatch.setattr(sys, "excepthook", previous)
    with errors.reporting(unattended=True):
        emitter = Emitter()
        emitter.fired.connect(raise_in_slot)
        emitter.fired.emit()
    assert [str(error) for error in handed] == ["the slot broke"]
    assert dialogs.shown == []


def test_ctrl_c_goes_to_the_hook_before(dialogs: Dialogs) -> None:
    handed: list[type[BaseException]] = []
    reporter = errors.ErrorReporter(lambda kind, *_: handed.append(kind), unattended=False)
    reporter(KeyboardInterrupt, KeyboardInterrupt(), None)
    assert handed == [KeyboardInterrupt]
    assert dialogs.shown == []


def test_what_failed_names_a_database_errors_cause_not_its_sql() -> None:
    cause = ValueError("1E+30 is beyond the largest amount the ledger stores.")
    wrapped = StatementError("(builtins.ValueError) …", "INSERT INTO …", {}, cause)
    assert errors.what_failed(wrapped) == f"ValueError: {cause}"
    assert errors.what_failed(KeyError()) == "KeyError"
    assert errors.what_failed(OSError("disk full")) == "OSError: disk full"


# -- the test suite fails on an error in a slot -------------------------------------------------


def test_an_exception_in_a_slot_is_captured_to_fail_the_test(
    request: pytest.FixtureRequest, qtbot: QtBot
) -> None:
    """pytest-qt puts a hook on sys.excepthook around every test and fails the test with what it
    caught. Switched off (qt_no_exception_capture), this test fails: there is no capture."""
    manager = getattr(request.node, "qt_exception_capture_manager", None)
    assert manager is not None, "pytest-qt's exception capture is off"
    emitter = Emitter()
    emitter.fired.connect(raise_in_slot)
    emitter.fired.emit()
    QTimer.singleShot(0, raise_in_slot)
    qtbot.waitUntil(lambda: len(manager.exceptions) == 2)
    assert [type(error) for _kind, error, _tb in manager.exceptions] == [SlotError, SlotError]
    manager.exceptions.clear()  # raised on purpose: this test itself passes


SLOT_TEST = """
from PySide6.QtCore import QObject, Signal


class Emitter(QObject):
    fired = Signal()


def raise_in_slot():
    raise ValueError("the slot broke")


def test_emits(qtbot):
    emitter = Emitter()
    emitter.fired.connect(raise_in_slot)
    emitter.fired.emit()
"""


def test_the_suite_fails_a_test_whose_slot_raises_and_refuses_switching_that_off(
    pytester: pytest.Pytester,
) -> None:
    # The suite's own guard (tests/conftest.py) and pytest-qt's setting, in a suite of one test.
    pytester.makeconftest(
        "from tests.conftest import pytest_collection_modifyitems, pytest_configure  # noqa"
    )
    pytester.makeini("[pytest]\nqt_api = pyside6\n")
    pytester.makepyfile(test_slot=SLOT_TEST)
    result = pytester.runpytest_inprocess()
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*Exceptions caught in Qt event loop*", "*the slot broke*"])

    marked = SLOT_TEST.replace(
        "def test_emits", "@pytest.mark.qt_no_exception_capture\ndef test_emits"
    )
    pytester.makepyfile(test_slot="import pytest\n" + marked)
    result = pytester.runpytest_inprocess()
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*qt_no_exception_capture*"])

    pytester.makeini("[pytest]\nqt_api = pyside6\nqt_no_exception_capture = 1\n")
    result = pytester.runpytest_inprocess()
    assert result.ret == pytest.ExitCode.USAGE_ERROR
