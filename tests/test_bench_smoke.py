"""The benchmarks still run: each on a tiny data set (figures are not looked at here; the
benchmarks print them, DESIGN.md §8). A renamed API otherwise breaks them unnoticed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "command",
    [
        ["bench/customer_record.py", "200", "--runs", "1"],
        ["bench/list_window.py", "200"],
        ["bench/demo.py", "20"],
        ["bench/statements.py", "--customers", "20", "--documents", "400"],
        ["bench/documents.py", "50", "--documents", "4", "--runs", "1"],
    ],
    ids=lambda command: command[0],
)
def test_the_benchmark_runs(command: list[str], tmp_path: Path) -> None:
    environment = os.environ | {"QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, *command],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip(), "a benchmark prints its figures"
