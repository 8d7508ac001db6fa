"""The idle-time warm-up after the window shows: its steps run one per turn of the event loop,
in order, and a failing one stops it without an error reaching the event loop."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.windows import warm_up

ROOT = Path(__file__).resolve().parent.parent.parent


def test_the_steps_run_in_order_once_the_event_loop_turns(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    ran: list[int] = []
    started = warm_up.start(window, [lambda n=n: ran.append(n) for n in range(5)])
    assert ran == []  # nothing before the window's event loop runs
    with qtbot.waitSignal(started.finished, timeout=5000):
        pass
    assert ran == [0, 1, 2, 3, 4]
    assert started.done and not started.failed
    assert started.longest_step_ms <= started.total_ms


def test_a_failing_step_is_logged_and_ends_the_warm_up(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    ran: list[str] = []

    def broken() -> None:
        raise ImportError("no such module")

    started = warm_up.start(window, [lambda: ran.append("first"), broken, lambda: ran.append("x")])
    with qtbot.waitSignal(started.finished, timeout=5000):
        pass
    assert ran == ["first"]
    assert started.done and started.failed
    assert "warm-up stopped at step 2" in caplog.text


def test_nothing_runs_once_the_window_is_gone(qtbot: QtBot) -> None:
    window = QWidget()
    ran: list[int] = []
    warm_up.start(window, [lambda: ran.append(1)])
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # gone before the loop turns
    qtbot.wait(50)
    assert ran == []


def test_from_what_start_up_loads_it_loads_the_models_and_the_screens() -> None:
    # A fresh interpreter: the test process has imported everything already.
    code = (
        "import json, sys\n"
        "from PySide6.QtWidgets import QApplication, QWidget\n"
        "from app.windows import warm_up\n"
        "app = QApplication([])\n"
        "before = 'sqlalchemy.orm' in sys.modules\n"
        "window = QWidget()\n"
        "started = warm_up.start(window)\n"
        "started.finished.connect(app.quit)\n"
        "app.exec()\n"
        "from app.models.base import Base\n"
        "print(json.dumps({'before': before, 'failed': started.failed,\n"
        "    'configured': not Base.registry._new_mappers,\n"
        "    'customers': 'app.windows.screens.customers' in sys.modules}))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    report = json.loads(proc.stdout.splitlines()[-1])
    assert report == {"before": False, "failed": False, "configured": True, "customers": True}
