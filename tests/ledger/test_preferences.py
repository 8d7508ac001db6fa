"""Preferences rules without a screen: number series that documents use are locked; days,
fees, months and counts are never negative; the on-change rules of the definition."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from app.ledger.definitions.preferences import PREFERENCES
from app.ledger.fields import OnChange
from app.ledger.locked_series import locked_series_errors
from app.ledger.preferences import (
    CID_ELEMENTS,
    DUNNING_LEVELS,
    RECIPIENTS,
    SELECT_CONFIGURATION,
    PreferencesService,
)
from app.ledger.recipients import CONTACT_ID, CONTACT_TYPE
from app.ledger.records import InvalidInput, ValidationError
from app.ledger.setup import set_up_company
from app.models import (
    PREFERENCES_ID,
    ArDocument,
    CidConfiguration,
    Customer,
    NumberSeries,
    Preferences,
)
from app.models.cid import CidElementKind
from app.models.database import Store
from app.models.document import DocumentType
from app.models.options import ContactType
from app.models.preferences import RetentionType


def test_only_a_series_a_document_was_numbered_from_is_locked(store: Store) -> None:
    with store.transaction() as session:
        used, unused, other = (
            NumberSeries(series_id=code, description=code, start_number="1")
            for code in ("USED", "UNUSED", "OTHER")
        )
        customer = Customer(customer_no="10001", name="Bergen Fisk AS")
        session.add_all([used, unused, other, customer])
        session.flush()
        session.add(
            Preferences(
                id=1,
                credit_note_number_series_id=used.id,
                write_off_number_series_id=unused.id,
            )
        )
        session.add(
            ArDocument(
                doc_type=DocumentType.CREDIT_NOTE,
                ref_nbr="CN000007",
                number_series_id=used.id,
                customer_id=customer.id,
                doc_date=date(2026, 3, 1),
            )
        )
        session.flush()
        ids = used.id, unused.id, other.id

    used_id, _unused_id, other_id = ids
    with store.session() as session:
        changed = {"credit_note_number_series": other_id, "write_off_number_series": other_id}
        errors = locked_series_errors(session, 1, changed)
        assert [str(error) for error in errors] == [
            "Credit note number series: cannot be changed once documents use it (credit note "
            "CN000007 was numbered from USED)."
        ]
        assert errors[0].key == "credit_note_number_series"
        kept = {"credit_note_number_series": used_id, "invoice_number_series": other_id}
        assert locked_series_errors(session, 1, kept) == []  # unchanged, or set the first time
        assert locked_series_errors(session, None, changed) == []  # no preferences saved yet


def _series_ids(store: Store) -> dict[str, int]:
    with store.session() as session:
        rows = session.execute(select(NumberSeries.series_id, NumberSeries.id)).all()
        return {series_id: row_id for series_id, row_id in rows}


def _document(store: Store, doc_type: DocumentType, ref_nbr: str, series_id: int) -> None:
    with store.transaction() as session:
        customer = session.scalars(select(Customer)).first()
        if customer is None:
            customer = Customer(customer_no="10001", name="Bergen Fisk AS")
            session.add(customer)
            session.flush()
        session.add(
            ArDocument(
                doc_type=doc_type,
                ref_nbr=ref_nbr,
                number_series_id=series_id,
                customer_id=customer.id,
                doc_date=date(2026, 3, 1),
            )
        )


def test_a_shared_series_is_locked_only_by_documents_of_the_settings_own_type(
    store: Store,
) -> None:
    # Issue 17: the debit note series pointed at ARINVOICE could never move back: the invoices
    # numbered from ARINVOICE locked it.
    set_up_company(store, base_currency="NOK", country="NO", language="nb-NO")
    series = _series_ids(store)
    _document(store, DocumentType.INVOICE, "INV000001", series["ARINVOICE"])
    service = preferences_service(store)

    def save(changes: dict[str, Any]) -> None:
        loaded = service.load(PREFERENCES_ID)
        service.save(PREFERENCES_ID, loaded | changes, loaded["version"], loaded)

    def refused(changes: dict[str, Any]) -> list[str]:
        with pytest.raises(ValidationError) as refusal:
            save(changes)
        return [str(error) for error in refusal.value.errors]

    def debit_series() -> int | None:
        with store.session() as session:
            return session.get_one(Preferences, PREFERENCES_ID).debit_note_number_series_id

    save({"debit_note_number_series": series["ARINVOICE"]})  # no debit notes: allowed
    assert debit_series() == series["ARINVOICE"]
    save({"debit_note_number_series": series["ARDEBIT"]})  # the invoice does not lock it
    assert debit_series() == series["ARDEBIT"]
    # The invoice series itself stays locked by its invoice.
    assert refused({"invoice_number_series": series["ARDEBIT"]}) == [
        "Invoice number series: cannot be changed once documents use it (invoice INV000001 was "
        "numbered from ARINVOICE)."
    ]

    # A debit note numbered from the shared series locks the debit note setting there.
    save({"debit_note_number_series": series["ARINVOICE"]})
    _document(store, DocumentType.DEBIT_NOTE, "INV000002", series["ARINVOICE"])
    assert refused({"debit_note_number_series": series["ARDEBIT"]}) == [
        "Debit note number series: cannot be changed once documents use it (debit note "
        "INV000002 was numbered from ARINVOICE)."
    ]
    assert debit_series() == series["ARINVOICE"]


@pytest.mark.parametrize(
    ("key", "doc_types"),
    [
        ("invoice_number_series", {DocumentType.INVOICE}),
        (
            "payment_number_series",
            {DocumentType.PAYMENT, DocumentType.PREPAYMENT, DocumentType.REFUND},
        ),
        ("debit_note_number_series", {DocumentType.DEBIT_NOTE}),
        ("credit_note_number_series", {DocumentType.CREDIT_NOTE}),
        (
            "write_off_number_series",
            {DocumentType.BALANCE_WRITE_OFF, DocumentType.CREDIT_WRITE_OFF},
        ),
        ("overdue_charge_number_series", {DocumentType.OVERDUE_CHARGE}),
        ("dunning_fee_number_series", set()),  # no dunning fee documents exist yet
    ],
)
def test_each_series_setting_is_locked_by_its_own_document_types_only(
    store: Store, key: str, doc_types: set[DocumentType]
) -> None:
    with store.transaction() as session:
        shared, other = (
            NumberSeries(series_id=code, description=code, start_number="1")
            for code in ("SHARED", "OTHER")
        )
        session.add_all([shared, other])
        session.flush()
        session.add(Preferences(id=PREFERENCES_ID, **{f"{key}_id": shared.id}))
        ids = shared.id, other.id
    shared_id, other_id = ids
    for number, doc_type in enumerate(DocumentType, start=1):
        _document(store, doc_type, f"D{number:05d}", shared_id)
        with store.session() as session:
            errors = locked_series_errors(session, PREFERENCES_ID, {key: other_id})
        locked = bool(doc_types & set(list(DocumentType)[:number]))
        assert [error.key for error in errors] == ([key] if locked else []), doc_type


# -- bounds: days, fees, months and counts (the definitions, no screen) ------------------------


def preferences_service(store: Store) -> PreferencesService:
    return PreferencesService(store)  # the preferences' and CID configuration's definitions


def refusals(service: PreferencesService, values: dict[str, Any]) -> list[str]:
    with pytest.raises(ValidationError) as refused:
        service.save(None, values)
    return [str(error) for error in refused.value.errors]


def test_new_preferences_with_the_defaults_are_saved(store: Store) -> None:
    service = preferences_service(store)
    assert service.save(None, service.new_values()) == PREFERENCES_ID


@pytest.mark.parametrize(
    ("column", "value", "refusal"),
    [
        ("days_past_due", -1, "Dunning levels, row 1, Days past due: cannot be negative."),
        ("days_to_settle", -1, "Dunning levels, row 1, Days to settle: cannot be negative."),
        ("dunning_fee", Decimal(-1), "Dunning levels, row 1, Dunning fee: cannot be negative."),
        ("days_to_due", -3, "Dunning levels, row 1, Days to due: cannot be negative."),
    ],
)
def test_negative_dunning_days_and_fees_are_refused_by_name(
    store: Store, column: str, value: Any, refusal: str
) -> None:
    service = preferences_service(store)
    level = service.new_row(DUNNING_LEVELS, []) | {column: value}
    assert refusals(service, service.new_values() | {DUNNING_LEVELS: [level]}) == [refusal]
    with store.session() as session:
        assert session.scalars(select(Preferences)).all() == []


def test_a_negative_number_of_months_is_refused_only_where_it_is_used(store: Store) -> None:
    service = preferences_service(store)
    fixed = service.new_values() | {"retention_type": RetentionType.FIXED_NUMBER_OF_MONTHS}
    assert refusals(service, fixed | {"number_of_months": -3}) == [
        "Number of months: cannot be negative."
    ]
    # Last price does not use it (greyed out on the screen): stored as 0, not refused.
    last_price = fixed | {"retention_type": RetentionType.LAST_PRICE, "number_of_months": -3}
    service.save(None, last_price)
    with store.session() as session:
        assert session.get(Preferences, PREFERENCES_ID).number_of_months == 0  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("values", "element", "refusal"),
    [
        ({"digit_counter": -1}, {}, "Digit counter: cannot be negative."),
        (
            {},
            {"number_of_positions": -2},
            "Configuration elements, row 1, Number of positions: cannot be negative.",
        ),
    ],
)
def test_negative_cid_counts_are_refused_by_name(
    store: Store, values: dict[str, Any], element: dict[str, Any], refusal: str
) -> None:
    service = preferences_service(store)
    row = service.new_row(CID_ELEMENTS, []) | {"element": CidElementKind.CUSTOMER_NO}
    # A new configuration (an ID not in the list), saved with the preferences.
    new_configuration = service.new_values() | {
        SELECT_CONFIGURATION: InvalidInput("KID9", "not in the list"),
        CID_ELEMENTS: [row],
    }
    wrong = new_configuration | values | {CID_ELEMENTS: [row | element]}
    assert refusals(service, wrong) == [refusal]
    with store.session() as session:
        assert session.scalars(select(CidConfiguration)).all() == []
    service.save(None, new_configuration)  # within its bounds: saved
    with store.session() as session:
        assert session.scalars(select(CidConfiguration.configuration_id)).all() == ["KID9"]


# -- on-change rules from the preferences' definition (no screen) ------------------------------


def run_rules(rules: list[OnChange], values: dict[str, Any], service: object) -> dict[str, Any]:
    updates: dict[str, Any] = {}
    for rule in rules:
        updates |= dict(rule.run(values | updates, service) or {})
    return updates


def test_picking_a_configuration_shows_its_settings_and_elements(store: Store) -> None:
    with store.transaction() as session:
        configuration = CidConfiguration(
            configuration_id="KID7", digit_counter=7, description="Invoice KID"
        )
        session.add(configuration)
        session.flush()
        picked = configuration.id
    service = preferences_service(store)
    rules = PREFERENCES.rules_for(SELECT_CONFIGURATION)
    shown = run_rules(rules, {SELECT_CONFIGURATION: picked}, service)
    assert (shown["digit_counter"], shown["description"], shown[CID_ELEMENTS]) == (
        7,
        "Invoice KID",
        [],
    )
    # None picked (or a new ID typed): the tab starts from a new configuration's defaults.
    blank = run_rules(rules, {SELECT_CONFIGURATION: None}, service)
    assert (blank["digit_counter"], blank["description"]) == (0, None)


def test_a_default_recipients_contact_id_goes_with_the_employee_contact_type(
    store: Store,
) -> None:
    rules = PREFERENCES.grid(RECIPIENTS).rules_for(CONTACT_TYPE)
    employee = {CONTACT_TYPE: ContactType.EMPLOYEE, CONTACT_ID: 7}
    service = preferences_service(store)
    assert run_rules(rules, employee, service) == {}
    invoicing = employee | {CONTACT_TYPE: ContactType.INVOICING}
    assert run_rules(rules, invoicing, service) == {CONTACT_ID: None}
