"""Money, property-based (issue 18 item 8): any amount the ledger stores, with any currency's
decimal places, survives exactly the way from the text a user types through the widget to the
store and back, in both decimal-mark conventions. Hypothesis draws the amounts (seeded from the
test's name, so a run is repeatable)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytestqt.qtbot import QtBot
from sqlalchemy import select, text

from app.ledger.fields import Field, Kind
from app.models import Customer
from app.models.base import ExactDecimal
from app.models.database import Store
from app.money import STORE_PLACES, format_decimal, parse_decimal, round_money
from app.windows.framework import widgets
from app.windows.framework.widgets import DecimalEditor

LIMIT = ExactDecimal().limit
# The places of the currencies the ledger meets (ISO 4217: JPY 0, NOK 2, KWD 3) and the
# store's own four.
PLACES = st.sampled_from([0, 2, 3, STORE_PLACES])


@st.composite
def amounts(draw: st.DrawFn) -> tuple[Decimal, int]:
    places = draw(PLACES)
    units = draw(
        st.integers(min_value=-int(LIMIT.scaleb(places)), max_value=int(LIMIT.scaleb(places)))
    )
    return Decimal(units).scaleb(-places), places


FAST = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
    derandomize=True,
)


@FAST
@given(amounts(), st.sampled_from([".", ","]))
def test_what_is_shown_reads_back_exactly_in_either_convention(
    drawn: tuple[Decimal, int], mark: str
) -> None:
    amount, places = drawn
    shown = format_decimal(amount, places)
    text = shown.replace(".", mark) if mark == "," else shown
    assert parse_decimal(text, mark) == amount


@FAST
@given(amounts(), st.sampled_from([".", ","]))
def test_the_money_editor_shows_and_reads_an_amount_exactly(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, drawn: tuple[Decimal, int], mark: str
) -> None:
    amount, places = drawn
    monkeypatch.setattr(widgets, "decimal_mark", lambda: mark)
    editor = DecimalEditor(Field("credit_limit", "Credit limit", Kind.MONEY, places=places))
    qtbot.addWidget(editor)
    editor.set_value(amount)
    assert editor.value() == amount
    editor.setText(editor.text())  # typed back as shown
    assert editor.value() == amount


@pytest.fixture
def customer(store: Store) -> Iterator[int]:
    with store.transaction() as session:
        row = Customer(customer_no="10001", name="Fjord Fisk AS")
        session.add(row)
        session.flush()
        customer_id = row.id
    yield customer_id


@FAST
@given(amounts())
def test_the_store_keeps_an_amount_exactly(
    store: Store, customer: int, drawn: tuple[Decimal, int]
) -> None:
    amount, _places = drawn
    with store.transaction() as session:
        row = session.get(Customer, customer)
        assert row is not None
        row.credit_limit = amount
    with store.session() as session:
        stored = session.scalar(select(Customer.credit_limit).where(Customer.id == customer))
    assert stored == amount


@FAST
@given(st.decimals(min_value=-(10**9), max_value=10**9, places=6), st.sampled_from([0, 2, 3]))
def test_rounding_is_half_up_and_once(value: Decimal, places: int) -> None:
    rounded = round_money(value, places)
    assert abs(rounded - value) <= Decimal(1).scaleb(-places) / 2
    assert round_money(rounded, places) == rounded  # rounding a rounded amount changes nothing
    halfway = Decimal(5).scaleb(-places - 1)
    assert round_money(halfway, places) == Decimal(1).scaleb(-places)  # half goes up
    assert round_money(-halfway, places) == -Decimal(1).scaleb(-places)  # away from zero


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
    derandomize=True,
)
@given(st.integers(min_value=1, max_value=10**11), st.sampled_from(["nb-NO", "da-DK", "en-US"]))
def test_an_amount_prints_on_the_statement_exactly(store: Store, cents: int, language: str) -> None:
    """Through a real statement PDF, read back with pypdf: the printed amount is the amount."""
    import io
    from datetime import date

    from pypdf import PdfReader

    from app.ledger.statements.cycle import prepare_cycle
    from app.ledger.statements.view import statement_views
    from app.models import DocumentType, Language, StatementCycle
    from app.reports.formats import format_for
    from app.reports.statement_pdf import render
    from tests.ledger.customer_documents import add_customer, add_document

    amount = Decimal(cents).scaleb(-2)
    with store.transaction() as session:
        for table in ("statement_stamp", "statement_line", "statement", "ar_document"):
            session.execute(text(f"DELETE FROM {table}"))
        cycle = session.scalar(select(StatementCycle)) or StatementCycle(
            statement_cycle_id="EOM", description="End of month"
        )
        locale = session.scalar(select(Language).where(Language.locale_id == language))
        if locale is None:
            locale = Language(locale_id=language, description=language)
        cycle.last_statement_date = None  # each example prepares the same date afresh
        session.add_all([cycle, locale])
        session.flush()
        owner = session.scalar(select(Customer).where(Customer.customer_no == "P1")) or (
            add_customer(session, "P1", "Prøve AS", statement_cycle_id=cycle.id)
        )
        owner.document_language_id = locale.id
        add_document(session, owner, DocumentType.INVOICE, str(amount), ref_nbr="INV1",
                     doc_date=date(2026, 3, 5), due_date=date(2026, 3, 20))  # fmt: skip
        ids = prepare_cycle(session, cycle.id, date(2026, 3, 31)).statement_ids
        pdf = render(statement_views(session, ids))
    printed = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    form = format_for(language)
    shown = form.amount(amount)
    assert shown in printed
    assert form.read(shown) == amount
