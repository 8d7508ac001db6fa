"""Customer classes (AR201000): create, save, reopen, change, delete — through the widgets."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot
from sqlalchemy import select

from app.models import Customer, CustomerClass
from app.models.database import Store
from app.windows.framework.record_screen import RecordScreen
from tests.screens.conftest import Answers
from tests.screens.helpers import shown, trigger, type_into

Opener = Callable[[str], RecordScreen]


def create_class(qtbot: QtBot, screen: RecordScreen, class_id: str, description: str) -> None:
    trigger(screen, "add_new")
    type_into(qtbot, screen, "class_id", class_id)
    type_into(qtbot, screen, "description", description)
    trigger(screen, "save")


def test_create_save_and_reopen_a_class(qtbot: QtBot, open_screen: Opener, store: Store) -> None:
    screen = open_screen("AR201000")
    create_class(qtbot, screen, "DOMESTIC", "Domestic customers")

    assert screen.message.text() == "Saved."
    with store.session() as session:
        saved = session.scalars(select(CustomerClass)).one()
    assert (saved.class_id, saved.description) == ("DOMESTIC", "Domestic customers")

    reopened = open_screen("AR201000")
    type_into(qtbot, reopened, "class_id", "DOMESTIC")  # typing an existing ID opens it
    assert shown(reopened, "description") == "Domestic customers"
    assert not reopened.record.is_new


def test_change_and_save_keeps_one_record(qtbot: QtBot, open_screen: Opener, store: Store) -> None:
    screen = open_screen("AR201000")
    create_class(qtbot, screen, "EXPORT", "Export")
    type_into(qtbot, screen, "description", "Export outside the EU")
    assert screen.is_dirty
    trigger(screen, "save")

    with store.session() as session:
        classes = session.scalars(select(CustomerClass)).all()
    assert [(c.class_id, c.description, c.version) for c in classes] == [
        ("EXPORT", "Export outside the EU", 2)
    ]
    assert not screen.is_dirty


def test_required_fields_and_bad_codes_are_refused_by_name(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = open_screen("AR201000")
    trigger(screen, "save")
    assert "Class ID: a value is required." in screen.message.text()
    assert "Description: a value is required." in screen.message.text()

    type_into(qtbot, screen, "class_id", "EU-B2B")
    type_into(qtbot, screen, "description", "EU business")
    trigger(screen, "save")
    assert "Class ID: use letters and digits only" in screen.message.text()
    with store.session() as session:
        assert session.scalars(select(CustomerClass)).all() == []
    # Nothing typed is lost by a refused save.
    assert shown(screen, "class_id") == "EU-B2B"


def test_class_id_longer_than_ten_characters_cannot_be_typed(
    qtbot: QtBot, open_screen: Opener
) -> None:
    screen = open_screen("AR201000")
    type_into(qtbot, screen, "class_id", "ABCDEFGHIJKLMN")
    assert shown(screen, "class_id") == "ABCDEFGHIJ"


def test_delete_asks_and_refuses_a_class_in_use(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers
) -> None:
    screen = open_screen("AR201000")
    create_class(qtbot, screen, "RETAIL", "Retail")
    with store.transaction() as session:
        retail = session.scalars(select(CustomerClass)).one()
        session.add(Customer(customer_no="C1", name="Used", customer_class_id=retail.id))

    trigger(screen, "delete")
    assert answers.asked[-1] == "Delete: Delete Customer class RETAIL?"
    assert (
        screen.message.text()
        == "Customer class RETAIL cannot be deleted: it is used by 1 customer."
    )

    with store.transaction() as session:
        session.query(Customer).delete()
    answers.confirm = False
    trigger(screen, "delete")
    with store.session() as session:
        assert session.scalars(select(CustomerClass.class_id)).all() == ["RETAIL"]

    answers.confirm = True
    trigger(screen, "delete")
    with store.session() as session:
        assert session.scalars(select(CustomerClass)).all() == []
    assert screen.record.is_new
