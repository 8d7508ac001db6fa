"""The models load on first use, not with the package: every name of app.models still resolves,
and configuring the mappers imports every model, whichever one was imported first."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import app.models

ROOT = Path(__file__).resolve().parent.parent.parent


def fresh(code: str) -> dict[str, object]:
    """What ``code`` prints as JSON, run in a new interpreter (this one has every model)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    result: dict[str, object] = json.loads(proc.stdout.splitlines()[-1])
    return result


def test_every_name_of_the_package_resolves() -> None:
    for name in app.models.__all__:
        assert getattr(app.models, name) is not None, name
    with pytest.raises(AttributeError):
        _ = app.models.NoSuchModel  # type: ignore[attr-defined]


def test_the_package_and_the_store_load_no_model() -> None:
    report = fresh(
        "import json, sys\n"
        "import app.models.startup\n"
        "from app.models import MODEL_MODULES\n"
        "print(json.dumps({'orm': 'sqlalchemy.orm' in sys.modules,"
        " 'models': [m for m in MODEL_MODULES if 'app.models.' + m in sys.modules]}))\n"
    )
    assert report == {"orm": False, "models": []}


def test_mappers_configure_whichever_model_was_imported_alone() -> None:
    report = fresh(
        "import json, sys\n"
        "from sqlalchemy.orm import configure_mappers\n"
        "from app.models.reference.vat import VatZone\n"
        "from app.models import MODEL_MODULES\n"
        "before = [m for m in MODEL_MODULES if 'app.models.' + m in sys.modules]\n"
        "configure_mappers()\n"
        "after = [m for m in MODEL_MODULES if 'app.models.' + m in sys.modules]\n"
        "print(json.dumps({'before': before, 'after': len(after)}))\n"
    )
    assert report == {"before": ["reference.vat"], "after": len(app.models.MODEL_MODULES)}
