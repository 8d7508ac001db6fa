"""The tree is clean (ruff, ruff format, mypy) and the front door tells the truth.

The linters run as subprocesses of the interpreter running the tests, so they are the versions
installed by ``pip install '.[test]'``; a failure shows their full output.
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
CI_RUN = ROOT / ".ci" / "run"
DEBIAN_PACKAGES = ROOT / "packaging" / "debian-packages.txt"
DESKTOP_ENTRY = ROOT / "packaging" / "customer-ledger.desktop"
TOOL_TIMEOUT_S = 900


def _run_module(*args: str) -> None:
    """Run ``python -m <args>`` in the repository root; fail with its output if it fails."""
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.run(
        [sys.executable, "-m", *args],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=TOOL_TIMEOUT_S,
        check=False,
    )
    if proc.returncode != 0:
        pytest.fail(
            f"`{' '.join(args)}` exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}",
            pytrace=False,
        )


def test_ruff_check() -> None:
    _run_module("ruff", "check", "--no-fix", "--output-format=concise", ".")


def test_ruff_format() -> None:
    _run_module("ruff", "format", "--check", ".")


def test_mypy() -> None:
    # Packages, strictness and overrides come from [tool.mypy] in pyproject.toml.
    _run_module("mypy")


def _section(markdown: str, title: str) -> str:
    """The text of the level-2 section ``## <title>``, up to the next level-2 heading."""
    match = re.search(rf"^## {re.escape(title)}[ \t]*\n(.*?)(?=^## |\Z)", markdown, re.M | re.S)
    assert match, f"README.md has no '## {title}' section"
    return match.group(1)


def quick_start_lines() -> list[str]:
    """The command lines of the README's Quick start: its one fenced block, blank lines aside."""
    section = _section(README.read_text(encoding="utf-8"), "Quick start")
    blocks = re.findall(r"^```[^\n]*\n(.*?)^```", section, re.M | re.S)
    assert len(blocks) == 1, f"Quick start should hold one code block, found {len(blocks)}"
    return [line.strip() for line in blocks[0].splitlines() if line.strip()]


def test_readme_quick_start_is_two_command_lines() -> None:
    lines = quick_start_lines()
    assert len(lines) == 2, f"Quick start should be exactly two command lines: {lines}"
    assert not any(line.startswith(("#", "$")) for line in lines), lines
    assert not any(line.endswith("\\") for line in lines), "no continuation lines"
    install_and_start, install_and_test = lines
    assert "pip install ." in install_and_start
    assert install_and_start.endswith("customer-ledger")
    assert "pip install '.[test]'" in install_and_test
    assert install_and_test.endswith("-m pytest")


def test_ci_runs_the_readme_test_line() -> None:
    script = CI_RUN.read_text(encoding="utf-8")
    commands = [line.strip() for line in script.splitlines()]
    assert quick_start_lines()[1] in commands, (
        ".ci/run must run the README's second Quick start line verbatim, on a line of its own"
    )
    assert "set -euo pipefail" in commands
    assert "export QT_QPA_PLATFORM=offscreen" in commands
    assert "packaging/debian-packages.txt" in script
    assert CI_RUN.stat().st_mode & stat.S_IXUSR, ".ci/run should be executable"


def test_debian_package_list_is_plain_names() -> None:
    """`apt-get install $(cat packaging/debian-packages.txt)` must work: names only."""
    names = DEBIAN_PACKAGES.read_text(encoding="utf-8").split()
    assert names
    bad = [name for name in names if not re.fullmatch(r"[a-z0-9][a-z0-9+.-]+", name)]
    assert not bad, f"not Debian package names: {bad}"
    assert len(names) == len(set(names)), "duplicate package names"
    readme = README.read_text(encoding="utf-8")
    assert "apt-get install $(cat packaging/debian-packages.txt)" in readme


def test_desktop_entry_starts_the_installed_script() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    scripts = pyproject["project"]["scripts"]
    entry = dict(
        line.split("=", 1)
        for line in DESKTOP_ENTRY.read_text(encoding="utf-8").splitlines()
        if "=" in line and not line.startswith("#")
    )
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] in scripts
