"""First-run setup: a working base configuration in one transaction, refused when set up."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, inspect, select

from app.ledger import first_run, setup
from app.ledger.customers import CustomerService
from app.ledger.setup import CLASS_ACCOUNTS, SetupError, first_run_needed, set_up_company
from app.models import (
    PREFERENCES_ID,
    Base,
    Country,
    County,
    Currency,
    Customer,
    CustomerClass,
    Language,
    NumberSeries,
    PaymentTerms,
    Preferences,
    VatCategory,
    VatZone,
)
from app.models.database import Store
from app.models.reference.system import ReasonCodeUsage


def counts(store: Store) -> dict[str, int]:
    with store.session() as session:
        return {
            table.name: int(session.scalar(select(func.count()).select_from(table)) or 0)
            for table in Base.metadata.sorted_tables
        }


def norway(store: Store) -> None:
    set_up_company(store, base_currency="NOK", country="NO", language="nb-NO")


def test_first_run_is_needed_until_the_company_is_set_up(store: Store) -> None:
    assert first_run_needed(store)
    norway(store)
    assert not first_run_needed(store)


def test_the_first_run_check_reads_the_preferences_record() -> None:
    # It reads the table without the ORM (start-up asks before the models are loaded).
    assert Preferences.__tablename__ == first_run.PREFERENCES_TABLE
    assert first_run.PREFERENCES_ID == PREFERENCES_ID


def test_countries_currencies_and_languages(store: Store) -> None:
    set_up_company(store, base_currency="isk", country="is", language="is-IS")
    with store.session() as session:
        countries = {c.country_id: c for c in session.scalars(select(Country))}
        assert len(countries) == 249
        assert countries["KR"].name == "South Korea"  # the common name where there is one
        assert countries["NL"].postcode_rule == r"^\d{4} ?[A-Z]{2}$"
        # The base country's subdivisions at every level (Iceland: regions, municipalities).
        assert {"1", "AKU"} <= {county.county_id for county in countries["IS"].counties}
        assert len(countries["GB"].counties) == 4  # others: their top level (GB-ENG …)
        currencies = {c.currency_id: c for c in session.scalars(select(Currency))}
        assert {"ISK", "EUR", "USD", "GBP", "SEK", "NOK", "DKK"} <= set(currencies)
        assert (currencies["ISK"].decimal_places, currencies["EUR"].decimal_places) == (0, 2)
        assert (currencies["EUR"].description, currencies["EUR"].symbol) == ("Euro", "€")
        languages = dict(session.execute(select(Language.locale_id, Language.description)).all())
        assert languages == {"is-IS": "Icelandic (Iceland)", "en-GB": "English (United Kingdom)"}


def test_vat_categories_and_zones_suit_the_country(store: Store) -> None:
    norway(store)
    with store.session() as session:
        rates = dict(
            session.execute(select(VatCategory.vat_category_id, VatCategory.vat_rate)).all()
        )
        assert rates == {
            "STANDARD": Decimal(25),
            "REDUCED": Decimal(15),
            "REDUCED2": Decimal(12),
            "EXEMPT": Decimal(0),
        }
        zones = session.execute(
            select(VatZone.vat_zone_id, VatCategory.vat_category_id).join(VatCategory)
        ).all()
        assert sorted(tuple(zone) for zone in zones) == [
            ("DOMESTIC", "STANDARD"),
            ("EU", "EXEMPT"),
            ("EXPORT", "EXEMPT"),
        ]


def test_a_country_without_known_rates_gets_a_standard_rate_to_fill_in(store: Store) -> None:
    set_up_company(store, base_currency="USD", country="US", language="en-US")
    with store.session() as session:
        standard = session.scalars(
            select(VatCategory).where(VatCategory.vat_category_id == "STANDARD")
        ).one()
        assert standard.vat_rate == 0 and "enter your country's rate" in standard.description
        assert session.scalars(select(Language.locale_id)).all() == ["en-US"]  # English already


def test_the_default_class_and_preferences_hold_the_defaults(store: Store) -> None:
    norway(store)
    with store.session() as session:
        preferences = session.get(Preferences, PREFERENCES_ID)
        assert preferences is not None
        default = preferences.default_customer_class
        assert default is not None and default.class_id == "DEFAULT"
        for column, _role, sub_column in CLASS_ACCOUNTS:
            assert getattr(default, column) is not None, column
            if sub_column:
                assert getattr(default, sub_column) is not None, sub_column
        for column in (
            "country_id",
            "vat_zone_id",
            "document_language_id",
            "currency_id",
            "currency_rate_type_id",
            "terms_id",
            "statement_cycle_id",
            "payment_method_id",
        ):
            assert getattr(default, column) is not None, column
        terms = session.get(PaymentTerms, default.terms_id)
        assert terms is not None and terms.terms_id == "14D"
        assert [m.mailing_id for m in default.mailings] == [
            "INVOICE",
            "STATEMENT",
            "DUNNINGLETTER",
            "CREDITCARDEXPIRED",
        ]
        assert all(len(m.recipients) == 1 for m in default.mailings)

        # Every number series column of AR101000 points at a series of its own.
        series_columns = [c for c in Preferences.__table__.columns if "number_series" in c.key]
        series_ids = [getattr(preferences, column.key) for column in series_columns]
        assert len(series_ids) == 9 and None not in series_ids and len(set(series_ids)) == 9
        starts = dict(
            session.execute(select(NumberSeries.series_id, NumberSeries.start_number)).all()
        )
        assert starts["CUSTOMER"] == "10001" and starts["ARINVOICE"] == "INV000001"
        for column in (
            "manual_payment_method_id",
            "automatic_payment_method_id",
            "reason_code_balance_write_off_id",
            "reason_code_credit_write_off_id",
            "default_rate_type_id",
        ):
            assert getattr(preferences, column) is not None, column
        assert [s.mailing_id for s in preferences.default_sources] == [
            m.mailing_id for m in default.mailings
        ]
        report_of = {s.mailing_id: s.report_id for s in preferences.default_sources}
        assert None not in (report_of["INVOICE"], report_of["STATEMENT"])
        usages = {
            preferences.reason_code_balance_write_off_id: ReasonCodeUsage.BALANCE_WRITE_OFF,
            preferences.reason_code_credit_write_off_id: ReasonCodeUsage.CREDIT_WRITE_OFF,
        }
        from app.models import ReasonCode

        for reason_id, usage in usages.items():
            reason = session.get(ReasonCode, reason_id)
            assert reason is not None and reason.usage is usage


def test_a_customer_can_be_created_with_only_a_name(store: Store) -> None:
    norway(store)
    service = CustomerService(store)  # the customer's definition: every field
    saved = service.save(None, service.new_values() | {"customer_name": "Nordlys Handel AS"})
    with store.session() as session:
        customer = session.get(Customer, saved)
        assert customer is not None and customer.customer_class is not None
        assert (customer.customer_no, customer.customer_class.class_id) == ("10001", "DEFAULT")


def test_a_set_up_database_is_refused_untouched(store: Store) -> None:
    norway(store)
    before = counts(store)
    with pytest.raises(SetupError, match="set up already"):
        set_up_company(store, base_currency="SEK", country="SE", language="sv-SE")
    assert counts(store) == before


def test_wrong_input_is_named_and_nothing_is_written(store: Store) -> None:
    before = counts(store)
    with pytest.raises(SetupError) as refused:
        set_up_company(store, base_currency="KRONER", country="Norway", language="norsk")
    assert str(refused.value).splitlines() == [
        "Base currency: 'KRONER' is not an ISO 4217 currency code.",
        "Country: 'Norway' is not an ISO 3166 two-letter country code.",
        "Document language: 'norsk' is not a language code like nb-NO, sv-SE or nl.",
    ]
    assert counts(store) == before


def test_one_transaction_a_failure_writes_nothing(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(_ids: Any) -> Any:
        raise RuntimeError("disk full")

    monkeypatch.setattr(setup, "_mailing_values", broken)
    before = counts(store)
    # An empty database holds only the SUBACCOUNT key migration 0015 gives every database.
    assert {table for table, count in before.items() if count} == {"segmented_key", "key_segment"}
    with pytest.raises(RuntimeError):
        norway(store)
    assert counts(store) == before


def test_records_already_there_are_kept_and_used(store: Store) -> None:
    with store.transaction() as session:
        session.add(Country(country_id="NO", name="Noreg"))
        session.add(Currency(currency_id="NOK", description="Krone", decimal_places=2))
        session.add(CustomerClass(class_id="DEFAULT", description="Our own default"))
    norway(store)
    with store.session() as session:
        country = session.scalars(select(Country).where(Country.country_id == "NO")).one()
        assert country.name == "Noreg" and country.counties == []
        preferences = session.get(Preferences, PREFERENCES_ID)
        assert preferences is not None and preferences.default_customer_class is not None
        assert preferences.default_customer_class.description == "Our own default"
        assert session.scalar(select(func.count()).select_from(County)) > 0  # others' counties


def test_every_model_column_of_the_setup_fits_its_column() -> None:
    """Codes declared in setup fit the model's column lengths (caught here, not at save)."""
    limits = {
        (NumberSeries, "series_id"): [code for code, *_ in setup.NUMBER_SERIES],
        (NumberSeries, "start_number"): [start for _c, _d, start, _p in setup.NUMBER_SERIES],
        (PaymentTerms, "terms_id"): [code for code, *_ in setup.PAYMENT_TERMS],
    }
    for (model, attr), values in limits.items():
        length = inspect(model).local_table.columns[attr].type.length
        assert all(len(value) <= length for value in values), (model, attr)
