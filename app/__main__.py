"""``python -m app`` starts the workstation."""

import multiprocessing

from app.main import main

# Guarded: a worker process printing statements (app/ledger/statements/printing.py) imports
# this module again under another name, and must not start a second workstation.
if __name__ == "__main__":
    # In the packaged app (PyInstaller) a worker starts as this executable: this hands it over
    # to the worker's code instead of starting the workstation (a no-op otherwise).
    multiprocessing.freeze_support()
    raise SystemExit(main())
