"""Start-up and screen-opening times of the app, against a bare PySide6 + SQLAlchemy window.

    python bench/startup.py [--runs N] [--database FILE]

(a) ``python bench/bare_startup.py <db>``: import PySide6 and SQLAlchemy, open the SQLite file,
    show an empty QMainWindow;
(b) ``python -m app --database sqlite:///<db>`` with CUSTOMER_LEDGER_QUIT_WHEN_READY=1.

Each is run N times, interleaved, after one warm-up run each. Wall time is measured around the
process (spawn to exit); "ready" is the process's own figure from its start to a shown window
with an idle event loop. The target is app ≤ 1.3 × bare to the idle window (ready). Each
program's CPU time is printed too: on a machine shared with other work it moves less than the
wall times, and says whether a difference is the program's own.

Then, in this process, the main window is made and shown as the app does, and its idle-time
warm-up (app/windows/warm_up.py: the ORM, the models, the screens' modules) runs to its end, as
it does while a user looks at the window; its time and longest step are printed. Each screen is
then opened and timed, first open and reopen, including its first layout and paint (target
< 150 ms). ``--no-warm-up`` times the first opens without it: a screen opened at once loads
what the warm-up would have.

Settings, data and backups go to a temporary folder, never the user's own. Qt runs offscreen
unless DISPLAY or WAYLAND_DISPLAY is set.
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import math
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 1.3  # app / bare, to an idle window
SCREEN_TARGET_MS = 150.0
READY_PREFIX = "ready_ms"


@dataclass(frozen=True)
class Run:
    wall_ms: float
    ready_ms: float
    cpu_ms: float  # the process's own CPU time (user + system), spawn to exit; nan if unknown


def children_cpu_ms() -> float:
    """CPU time of this process's waited-for children so far: less swayed by other programs
    on a shared machine than wall times (which still say what a user waits)."""
    try:
        import resource
    except ImportError:  # Windows
        return math.nan
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (usage.ru_utime + usage.ru_stime) * 1000.0


def bench_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    if not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")):
        env["QT_QPA_PLATFORM"] = "offscreen"
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        path = home / name.lower()
        path.mkdir(parents=True, exist_ok=True)
        env[name] = str(path)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env["CUSTOMER_LEDGER_QUIT_WHEN_READY"] = "1"
    env.pop("CUSTOMER_LEDGER_DATABASE", None)
    return env


def run_once(command: list[str], env: dict[str, str]) -> Run:
    cpu_before = children_cpu_ms()
    started = time.perf_counter()
    proc = subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, check=False, timeout=120
    )
    wall_ms = (time.perf_counter() - started) * 1000.0
    cpu_ms = children_cpu_ms() - cpu_before
    ready = [line for line in proc.stdout.splitlines() if line.startswith(READY_PREFIX)]
    if proc.returncode != 0 or not ready:
        raise SystemExit(
            f"{' '.join(command)} failed (exit {proc.returncode}):\n{proc.stdout}\n{proc.stderr}"
        )
    return Run(wall_ms, float(ready[-1].split()[1]), cpu_ms)


def median(values: list[float]) -> float:
    return statistics.median(values)


def measure_startup(database: Path, runs: int, env: dict[str, str]) -> None:
    bare = [sys.executable, str(ROOT / "bench" / "bare_startup.py"), str(database)]
    app = [sys.executable, "-m", "app", "--database", f"sqlite:///{database}"]
    # Warm-up: the first app run also brings the database's schema up to date.
    run_once(app, env)
    run_once(bare, env)

    results: dict[str, list[Run]] = {"bare": [], "app": []}
    print(
        f"start-up, {runs} runs each (ms)   wall = spawn → exit, ready = start → idle window, "
        "cpu = the process's CPU time"
    )
    print(
        f"{'run':>4} {'bare wall':>10} {'bare ready':>11} {'bare cpu':>9}"
        f" {'app wall':>10} {'app ready':>10} {'app cpu':>8}"
    )
    for index in range(1, runs + 1):
        results["bare"].append(run_once(bare, env))
        results["app"].append(run_once(app, env))
        b, a = results["bare"][-1], results["app"][-1]
        print(
            f"{index:>4} {b.wall_ms:>10.0f} {b.ready_ms:>11.0f} {b.cpu_ms:>9.0f}"
            f" {a.wall_ms:>10.0f} {a.ready_ms:>10.0f} {a.cpu_ms:>8.0f}"
        )

    for label, attribute in (("wall", "wall_ms"), ("ready", "ready_ms"), ("cpu", "cpu_ms")):
        bare_runs = [getattr(run, attribute) for run in results["bare"]]
        app_runs = [getattr(run, attribute) for run in results["app"]]
        bare_median, app_median = median(bare_runs), median(app_runs)
        ratio = app_median / bare_median
        # Each run's own ratio (bare and app ran back to back): the spread of the ratio.
        ratios = sorted(a / b for a, b in zip(app_runs, bare_runs, strict=True))
        # The target is the idle window's; the other two say where the time goes.
        verdict = "within" if ratio <= TARGET_RATIO else "OVER"
        target = f"; {verdict} the {TARGET_RATIO}× target" if label == "ready" else ""
        print(
            f"median {label:<5}: bare {bare_median:.0f} ms ({min(bare_runs):.0f}–"
            f"{max(bare_runs):.0f}), app {app_median:.0f} ms ({min(app_runs):.0f}–"
            f"{max(app_runs):.0f}), ratio {ratio:.2f}× (runs {ratios[0]:.2f}–{ratios[-1]:.2f}"
            f"{target})"
        )


def measure_screens(database: Path, home: Path, *, warm_up: bool = True) -> None:
    """Open every screen once in this process and time it; then reopen it (module cached).
    With ``warm_up``, after the app's idle-time warm-up has run, as it does after start-up."""
    env = bench_env(home)
    for name in ("QT_QPA_PLATFORM", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        if name in env:
            os.environ[name] = env[name]
    sys.path.insert(0, str(ROOT))

    from PySide6.QtCore import QMessageLogContext, QSettings, QtMsgType, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from app.models.startup import open_store
    from app.windows import warm_up as warming
    from app.windows.main_window import MainWindow
    from app.windows.screens import SCREENS

    def quiet_offscreen(_kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        # The offscreen platform's "does not support …" notes would drown the table.
        if not message.startswith("This plugin does not support"):
            print(message, file=sys.stderr)

    qInstallMessageHandler(quiet_offscreen)
    app = QApplication(sys.argv[:1])
    store = open_store(f"sqlite:///{database}", backup_dir=home / "backups")
    settings = QSettings(str(home / "bench-settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(store, settings=settings)
    window.show()
    app.processEvents()
    gc.freeze()  # as app.main does once the window is shown
    print(f"reportlab imported after start-up: {'reportlab' in sys.modules}")
    if warm_up:
        started = time.perf_counter()
        warming_up = warming.start(window)
        warming_up.finished.connect(gc.freeze)  # as app.main does
        while not warming_up.done:
            app.processEvents()
        failed = "; a step FAILED, see the log" if warming_up.failed else ""
        print(
            f"warm-up after ready: {(time.perf_counter() - started) * 1000:.0f} ms "
            f"({warming_up.total_ms:.0f} ms in its steps, the longest "
            f"{warming_up.longest_step_ms:.0f} ms){failed}"
        )
    else:
        print("no warm-up: first opens load what it would have")

    print(f"opening screens (ms; target < {SCREEN_TARGET_MS:.0f}; cpu = this process's CPU time)")
    print(f"{'screen':<10} {'first open':>11} {'reopen':>8} {'first cpu':>10} {'reopen cpu':>11}")
    for info in SCREENS:
        if importlib.util.find_spec(f"app.windows.screens.{info.module}") is None:
            print(f"{info.id:<10} {'(module not written yet)':>20}")
            continue
        timings, cpu = [], []
        for _ in range(2):
            started, cpu_started = time.perf_counter(), time.process_time()
            window.open_screen(info.id)
            app.processEvents()  # include the first layout and paint of the screen
            timings.append((time.perf_counter() - started) * 1000.0)
            cpu.append((time.process_time() - cpu_started) * 1000.0)
            window.close_screen(info.id)
            app.processEvents()
        flag = "" if timings[0] < SCREEN_TARGET_MS else "  OVER"
        print(
            f"{info.id:<10} {timings[0]:>11.0f} {timings[1]:>8.0f}"
            f" {cpu[0]:>10.0f} {cpu[1]:>11.0f}{flag}"
        )
    window.close()
    store.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=5, help="runs of each program (default 5)")
    parser.add_argument(
        "--database", type=Path, help="SQLite file to open (default: a new one, copied per run)"
    )
    parser.add_argument("--no-screens", action="store_true", help="skip the screen timings")
    parser.add_argument(
        "--no-warm-up",
        action="store_true",
        help="time the screens' first opens without the idle-time warm-up before them",
    )
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="ledger-bench-") as temp:
        home = Path(temp)
        database = home / "ledger.sqlite"
        if args.database is not None:
            # Work on a copy: the app may upgrade the schema and take backups.
            shutil.copyfile(args.database, database)
        env = bench_env(home)
        print(f"python {sys.version.split()[0]}, QT_QPA_PLATFORM={env.get('QT_QPA_PLATFORM', '')}")
        measure_startup(database, args.runs, env)
        if not args.no_screens:
            measure_screens(database, home, warm_up=not args.no_warm_up)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
