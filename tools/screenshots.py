"""Screenshots of the main window with each screen and each of its tabs open, at 1280×800,
1600×1000 and 1920×1080, for looking at the product as a user.

    python tools/screenshots.py OUTPUT_DIR [SCREEN_ID ...]

Runs on a throw-away demo company; works offscreen (widgets are rendered by ``QWidget.grab``)
or under Xvfb. Prints the labels cut off without an ellipsis, if any (exit status 1 then).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from app.models import Customer, CustomerClass
from app.models.startup import open_store
from app.windows.main_window import MainWindow
from app.windows.screenshots import SIZES, WIDE, clipped_labels, scrolled_sideways, walk
from app.windows.style import apply_look


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "shots")
    wanted = sys.argv[2:] or None
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    apply_look(app)
    clipped: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        store = open_store(f"sqlite:///{scratch}/ledger.sqlite", backup_dir=Path(scratch))
        with store.transaction() as session:
            domestic = CustomerClass(class_id="DOMESTIC", description="Domestic customers")
            session.add(domestic)
            session.flush()
            session.add_all(
                Customer(customer_no=f"1000{n}", name=name, customer_class_id=domestic.id)
                for n, name in enumerate(["Nordic Trading AS", "Bergen Fisk AS"], start=1)
            )
        settings = QSettings(f"{scratch}/settings.ini", QSettings.Format.IniFormat)
        window = MainWindow(store, settings=settings)
        window.show()
        for shot in walk(window, sizes=(*SIZES, WIDE), screen_ids=wanted):
            window.grab().save(str(out / f"{shot.name}.png"))
            clipped += [f"{shot.name}: {label}" for label in clipped_labels(window)]
            clipped += [f"{shot.name}: {page}" for page in scrolled_sideways(window)]
        window.close()
        store.dispose()
    print(f"screenshots in {out}")
    for line in clipped:
        print(f"clipped: {line}")
    return 1 if clipped else 0


if __name__ == "__main__":
    raise SystemExit(main())
