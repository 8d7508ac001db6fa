"""First-run setup and the demo company write only records the screens would accept: each is
loaded and validated by the service of the screen that edits it, built from that screen's own
declaration (required fields, lengths, codes, the screen's own rules)."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.ledger.demo import create_demo_company
from app.ledger.records import FieldError
from app.ledger.setup import set_up_company
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from app.windows.screens import SCREENS, ScreenInfo

# The offscreen platform cannot size native windows and says so.
pytestmark = pytest.mark.qt_log_ignore(r"^This plugin does not support ")


def built_screens(qtbot: QtBot, store: Store) -> list[RecordScreen]:
    """Every registered screen that exists yet (configuration screens arrive one by one)."""
    screens = []
    for info in SCREENS:
        factory = _factory(info)
        if factory is None:
            continue
        widget = factory(store, None)
        qtbot.addWidget(widget)
        assert isinstance(widget, RecordScreen), info.id
        screens.append(widget)
    return screens


def _factory(info: ScreenInfo) -> Any:
    try:
        return info.factory()
    except ModuleNotFoundError as missing:
        if missing.name == f"app.windows.screens.{info.module}":
            return None
        raise


def problems(screens: list[RecordScreen], store: Store) -> tuple[list[str], set[str]]:
    """Every validation error of every record, named by screen and record; and the screens
    that had records to validate."""
    errors: list[str] = []
    validated: set[str] = set()
    for screen in screens:
        service = screen.service
        model: Any = service.model
        with store.session() as session:
            for record_id in session.scalars(select(model.id).order_by(model.id)).all():
                validated.add(screen.spec.id)
                values = service.load(record_id)
                record = session.get(model, record_id)
                failed: list[FieldError] = service.validate(session, record_id, values)
                errors.extend(f"{screen.spec.id} {service.describe(record)}: {e}" for e in failed)
    return errors, validated


def test_first_run_setup_passes_every_screen(qtbot: QtBot, store: Store) -> None:
    set_up_company(store, base_currency="NOK", country="NO", language="nb-NO")
    errors, validated = problems(built_screens(qtbot, store), store)
    assert errors == []
    assert {"AR201000", "AR101000", "AP201000"} <= validated


def test_the_demo_company_passes_every_screen(qtbot: QtBot, store: Store) -> None:
    create_demo_company(store, customers=300, seed=11)
    errors, validated = problems(built_screens(qtbot, store), store)
    assert errors == []
    assert {
        "AR303000",
        "CR303010",
        "AR303010",
        "CR302000",
        "AR201000",
        "AR101000",
        "AR205000",
        "AP303000",
        "AP201000",
    } <= validated
