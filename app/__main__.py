"""``python -m app`` starts the workstation."""

from app.main import main

raise SystemExit(main())
