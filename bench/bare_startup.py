"""The floor for start-up: PySide6 + SQLAlchemy, one SQLite file opened, an empty window shown.

    python bench/bare_startup.py <database file>

Prints ``ready_ms <milliseconds since process start>`` once the window is shown and the event
loop idle, then quits. bench/startup.py compares the app against this.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

_LOADED = time.perf_counter()


def process_elapsed_ms() -> float:
    """Milliseconds since this process started (the same clock as app.main uses)."""
    try:
        stat = Path("/proc/self/stat").read_text()
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        start_ticks = int(stat.rsplit(")", 1)[1].split()[19])
        return (uptime - start_ticks / os.sysconf("SC_CLK_TCK")) * 1000.0
    except (OSError, ValueError, IndexError, AttributeError):
        return (time.perf_counter() - _LOADED) * 1000.0


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow
    from sqlalchemy import create_engine, text

    app = QApplication(sys.argv[:1])
    engine = create_engine(f"sqlite:///{Path(argv[0]).resolve()}")
    with engine.connect() as connection:
        connection.execute(text("PRAGMA foreign_keys=ON"))
        connection.execute(text("SELECT count(*) FROM sqlite_master")).scalar_one()
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(1280, 800)
    window.show()

    def report_and_quit() -> None:
        print(f"ready_ms {process_elapsed_ms():.1f}", flush=True)
        app.quit()

    QTimer.singleShot(0, report_and_quit)
    code = app.exec()
    engine.dispose()
    return code


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
