"""Screenshots of the main window with each screen open, for looking at the product as a user.

    python tools/screenshots.py OUTPUT_DIR

Runs on a throw-away database with a few records; works offscreen (widgets are rendered by
``QWidget.grab``) or under Xvfb.
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
from app.windows.screens import SCREENS
from app.windows.style import apply_look


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "shots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    apply_look(app)
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
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        for info in SCREENS:
            screen = window.open_screen(info.id)
            go_first = getattr(screen, "go_first", None)
            if go_first is not None:
                go_first()
            app.processEvents()
            window.grab().save(str(out / f"{info.id}.png"))
        customers = window.open_screen("AR303000")
        show_list = getattr(customers, "show_list", None)
        if show_list is not None:
            show_list()
            app.processEvents()
            window.grab().save(str(out / "AR303000-list.png"))
        window.close()
        store.dispose()
    print(f"screenshots in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
