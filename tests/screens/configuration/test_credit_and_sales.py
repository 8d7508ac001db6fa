"""Configuration screens of credit policy and sales: payment terms, statement cycles, overdue
charges, payment methods, salespersons, price classes, carriers, shipping, warehouses …"""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from app.models import PaymentTerms
from app.models.database import Store
from tests.screens.configuration.harness import (
    Case,
    Opener,
    class_using,
    create_edit_and_delete,
    duplicate_or_malformed_code_is_refused,
    record_in_use_cannot_be_deleted,
)
from tests.screens.conftest import Answers

CASES = [
    Case(
        "CS206500",
        PaymentTerms,
        {"terms_id": "30D", "description": "30 days net", "due_days": "30"},
        ("cash_discount_percent", "2.5"),
        class_using("terms_id"),
        "1 customer class",
    ),
]
IDS = [case.screen_id for case in CASES]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_create_edit_and_delete(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers, case: Case
) -> None:
    create_edit_and_delete(qtbot, open_screen, store, answers, case)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_a_record_in_use_cannot_be_deleted(
    qtbot: QtBot, open_screen: Opener, store: Store, case: Case
) -> None:
    record_in_use_cannot_be_deleted(qtbot, open_screen, store, case)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_a_duplicate_or_malformed_code_is_refused(
    qtbot: QtBot, open_screen: Opener, store: Store, answers: Answers, case: Case
) -> None:
    duplicate_or_malformed_code_is_refused(qtbot, open_screen, store, answers, case)
