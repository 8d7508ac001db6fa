"""The Qt binding keeps Python's reference counts right: PySide6 6.12.0 dropped a reference to
True (and to None) with every signal it delivered to a Python slot, and Python 3.11 aborts the
program when those run out, after a few thousand edits. pyproject.toml keeps that release out;
this test catches a release with the same fault before users do."""

from __future__ import annotations

import subprocess
import sys

SIGNALS = """
import gc
import sys
from PySide6.QtCore import QCoreApplication, QObject, Signal

class Emitter(QObject):
    value = Signal(object)
    flag = Signal(bool)

app = QCoreApplication([])
emitter = Emitter()
emitter.value.connect(lambda value: None)
emitter.flag.connect(lambda flag: None)
# First deliveries fill the binding's caches, and a collection may free an object holding None
# meanwhile (one reference, not one per signal): both kept out of the count.
for _ in range(10):
    emitter.flag.emit(True)
    emitter.value.emit(None)
gc.collect()
gc.disable()
true_before, none_before = sys.getrefcount(True), sys.getrefcount(None)
for _ in range(500):
    emitter.flag.emit(True)
    emitter.value.emit(None)
print(sys.getrefcount(True) - true_before, sys.getrefcount(None) - none_before)
"""


def test_signals_keep_the_references_of_true_and_none() -> None:
    # In a child process: with the fault, the interpreter may abort outright.
    done = subprocess.run(
        [sys.executable, "-c", SIGNALS], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    lost_true, lost_none = (int(n) for n in done.stdout.split())
    assert (lost_true, lost_none) == (0, 0), "signals change the reference counts of True/None"
