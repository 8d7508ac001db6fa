"""``python -m app`` starts the workstation."""

from app.main import main

# Guarded: a worker process printing statements (app/ledger/statements/printing.py) imports
# this module again under another name, and must not start a second workstation.
if __name__ == "__main__":
    raise SystemExit(main())
