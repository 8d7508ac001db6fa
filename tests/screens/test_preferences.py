"""Customer ledger preferences (AR101000): the one preferences record of the company."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.models import CustomerClass, Preferences
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from tests.screens.helpers import click_check, shown, trigger, type_into

Opener = Callable[[str], RecordScreen]


def test_preferences_are_one_record_saved_and_reopened(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    with store.transaction() as session:
        session.add(CustomerClass(class_id="DEFAULT", description="Default class"))
    screen = open_screen("AR101000")
    assert "add_new" not in screen.actions_by_name  # a single record: no Add new, no browsing
    assert shown(screen, "automatically_post_on_release") is True  # the product's default
    type_into(qtbot, screen, "default_customer_class_id", "DEFAULT")
    click_check(qtbot, screen, "activate_migration_mode")
    trigger(screen, "save")
    trigger(screen, "save")  # saving again updates the same record

    with store.session() as session:
        saved = session.scalars(select(Preferences)).one()
        assert saved.default_customer_class is not None
        assert saved.default_customer_class.class_id == "DEFAULT"
        assert saved.activate_migration_mode is True

    reopened = open_screen("AR101000")
    assert shown(reopened, "default_customer_class_id") == "DEFAULT"
    assert shown(reopened, "activate_migration_mode") is True
