"""Configuration screens of geography, currency, accounting and VAT: countries with counties
and postcode rule, currencies, rate types, languages, branches, VAT zones and categories, the
chart of accounts, subaccounts, the subaccount's segmented key and cash accounts."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import (
    AccountType,
    Branch,
    CashAccount,
    Country,
    County,
    Currency,
    GlAccount,
    KeySegment,
    Language,
    PaymentMethod,
    RateType,
    SegmentedKey,
    Subaccount,
    VatCategory,
    VatZone,
    Warehouse,
)
from app.models.database import Store
from app.windows.framework.grid import GridEditor
from app.windows.framework.listwindow import ListWindow
from app.windows.framework.record_screen import RecordScreen
from tests.screens.configuration.harness import (
    Case,
    Opener,
    class_using,
    new_record,
    out_of_range_is_refused,
    saved_or_refused,
)
from tests.screens.helpers import choose_option, click_check, edit_cell, shown, trigger, type_into

# -- what the cases need --------------------------------------------------------------------------


def norway_and_krone(session: Session) -> None:
    session.add(Country(country_id="NO", name="Norway"))
    session.add(Currency(currency_id="NOK", description="Norwegian krone"))


def a_high_rate(session: Session) -> None:
    session.add(VatCategory(vat_category_id="HIGH", description="High rate", vat_rate=25))


def bank_account_and_krone(session: Session) -> None:
    session.add(GlAccount(account="1920", description="Bank", account_type=AccountType.ASSET))
    session.add(Currency(currency_id="NOK", description="Norwegian krone"))


def warehouse_of_branch(session: Session, record_id: int) -> None:
    session.add(Warehouse(warehouse_id="USES", description="Uses it", branch_id=record_id))


def zone_defaulting_to(session: Session, record_id: int) -> None:
    session.add(
        VatZone(vat_zone_id="USES", description="Uses it", default_vat_category_id=record_id)
    )


def two_segments_of_three(session: Session) -> None:
    """The SUBACCOUNT key with two segments of three (000-000)."""
    key = session.scalars(select(SegmentedKey).where(SegmentedKey.key_id == "SUBACCOUNT")).one()
    key.segments = [
        KeySegment(segment_number=1, description="Department", length=3),
        KeySegment(segment_number=2, description="Project", length=3),
    ]


def without_the_subaccount_key(session: Session) -> None:
    """A database whose SUBACCOUNT key was deleted (it is made again on the screen)."""
    for key in session.scalars(select(SegmentedKey)):
        session.delete(key)


def a_subaccount(session: Session, _record_id: int) -> None:
    session.add(Subaccount(subaccount_id="000", description="Uses it"))


def method_depositing_to(session: Session, record_id: int) -> None:
    session.add(
        PaymentMethod(payment_method_id="USES", description="Uses it", cash_account_id=record_id)
    )


CASES = [
    Case(
        "CS20400S",
        Country,
        {
            "country_id": "NO",
            "country_name": "Norway",
            "postcode_validation_rule": "[0-9]{4}",
            "postcode_example": "0150",
        },
        ("country_name", "Kingdom of Norway"),
        class_using("country_id"),
        "1 customer class",
    ),
    Case(
        "CM202000",
        Currency,
        {"currency_id": "NOK", "description": "Norwegian krone", "symbol": "kr"},
        ("decimal_places", "0"),
        class_using("currency_id"),
        "1 customer class",
    ),
    Case(
        "CM301000",
        Currency,
        {"currency_id": "EUR", "description": "Euro"},
        ("description", "Euro (EMU)"),
        class_using("currency_id"),
        "1 customer class",
    ),
    Case(
        "CM201000",
        RateType,
        {"rate_type_id": "SPOT", "description": "Spot rate"},
        ("description", "Daily spot rate"),
        class_using("currency_rate_type_id"),
        "1 customer class",
    ),
    Case(
        "SM200550",
        Language,
        {"locale_id": "nb-NO", "description": "Norwegian Bokmal"},
        ("description", "Norwegian"),
        class_using("document_language_id"),
        "1 customer class",
    ),
    Case(
        "CS102000",
        Branch,
        {"branch_id": "HQ", "branch_name": "Head office", "country": "no", "currency": "NOK"},
        ("branch_name", "Main office"),
        warehouse_of_branch,
        "1 warehouse",
        prepare=norway_and_krone,
    ),
    Case(
        "TX206000",
        VatZone,
        {"vat_zone_id": "DOMESTIC", "description": "Domestic", "default_vat_category": "HIGH"},
        ("description", "Norway"),
        class_using("vat_zone_id"),
        "1 customer class",
        prepare=a_high_rate,
    ),
    Case(
        "TX205500",
        VatCategory,
        {"vat_category_id": "HIGH", "description": "High rate", "vat_rate": "25"},
        ("vat_rate", "15"),
        zone_defaulting_to,
        "1 vat zone",
    ),
    Case(
        "GL202500",
        GlAccount,
        {"account": "3000", "description": "Sales, high rate"},
        ("description", "Sales of goods"),
        class_using("sales_account_id"),
        "1 customer class",
    ),
    Case(
        "GL203000",
        Subaccount,
        {"subaccount_id": "000-000", "description": "Default"},
        ("description", "No department"),
        class_using("sales_sub_id"),
        "1 customer class",
        prepare=two_segments_of_three,
    ),
    Case(
        "CS202000",
        SegmentedKey,
        {"segmented_key_id": "SUBACCOUNT", "description": "Subaccount"},
        ("description", "Department and project"),
        a_subaccount,
        "1 subaccount",
        prepare=without_the_subaccount_key,
    ),
    Case(
        "CA202000",
        CashAccount,
        {
            "cash_account_id": "BANK",
            "description": "Main bank account",
            "account": "1920",
            "currency": "NOK",
            "bank_account": "NO93 8601 1117 947",
        },
        ("description", "Operating account"),
        method_depositing_to,
        "1 payment method",
        prepare=bank_account_and_krone,
    ),
]


def test_every_field_has_help_and_is_named_after_its_label(open_screen: Opener) -> None:
    from app.windows.framework.spec import snake

    for case in CASES:
        screen = open_screen(case.screen_id)
        for spec in [*screen.spec.fields(), *(c for g in screen.spec.grids() for c in g.columns)]:
            assert spec.help, f"{case.screen_id} {spec.key} has no help"
            assert spec.key == snake(spec.label), f"{case.screen_id} {spec.key}"
        screen.close()


# -- helpers ------------------------------------------------------------------------------------


def add_row(qtbot: QtBot, screen: RecordScreen, grid_key: str) -> GridEditor:
    grid = screen.editor(grid_key)
    assert isinstance(grid, GridEditor)
    screen._reveal(grid)
    qtbot.mouseClick(grid.add_button, Qt.MouseButton.LeftButton)
    return grid


def nothing_saved(store: Store, model: type[object]) -> bool:
    with store.session() as session:
        return session.scalars(select(model)).first() is None


# -- countries, counties and postcodes ------------------------------------------------------------


def test_a_postcode_rule_must_be_a_regular_expression(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = open_screen("CS20400S")
    new_record(qtbot, screen, {"country_id": "NO", "country_name": "Norway"})
    type_into(qtbot, screen, "postcode_validation_rule", "[0-9{4}")
    message = saved_or_refused(screen)
    assert (
        "• Postcode validation rule: '[0-9{4}' is not a valid regular expression: "
        "unterminated character set at character 1." in message
    ), message
    assert nothing_saved(store, Country)

    type_into(qtbot, screen, "postcode_validation_rule", "[0-9]{4}")
    assert saved_or_refused(screen) == "Saved."
    with store.session() as session:
        assert session.scalars(select(Country)).one().postcode_rule == "[0-9]{4}"


def test_the_postcode_example_must_match_the_rule(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = open_screen("CS20400S")
    new_record(
        qtbot,
        screen,
        {
            "country_id": "NO",
            "country_name": "Norway",
            "postcode_validation_rule": "[0-9]{4}",
            "postcode_example": "01500",  # the whole postcode must match, not a part of it
        },
    )
    assert (
        "• Postcode example: '01500' does not match the postcode validation rule ([0-9]{4})."
        in saved_or_refused(screen)
    )
    assert nothing_saved(store, Country)

    type_into(qtbot, screen, "postcode_example", "0150")
    assert saved_or_refused(screen) == "Saved."
    # An example without a rule, and a rule without an example, are both fine.
    type_into(qtbot, screen, "postcode_validation_rule", "")
    type_into(qtbot, screen, "postcode_example", "anything")
    assert saved_or_refused(screen) == "Saved."
    type_into(qtbot, screen, "postcode_validation_rule", "[0-9]{4}")
    type_into(qtbot, screen, "postcode_example", "")
    assert saved_or_refused(screen) == "Saved."


def test_a_country_id_is_two_capital_letters_typed_in_full(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = open_screen("CS20400S")
    new_record(qtbot, screen, {"country_id": "NOR", "country_name": "Norway"})
    assert shown(screen, "country_id") == "NOR"  # not silently cut to NO
    assert "• Country ID: use the two capital letters of ISO 3166." in saved_or_refused(screen)
    type_into(qtbot, screen, "country_id", "no")
    assert "• Country ID: use the two capital letters of ISO 3166." in saved_or_refused(screen)
    assert nothing_saved(store, Country)


def test_counties_are_saved_with_their_country(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = open_screen("CS20400S")
    new_record(qtbot, screen, {"country_id": "NO", "country_name": "Norway"})
    grid = screen.editor("counties")
    assert isinstance(grid, GridEditor)
    assert grid.objectName() == "grid_counties"
    for row, (code, name) in enumerate([("03", "Oslo"), ("46", "Vestland"), ("03", "Viken")]):
        add_row(qtbot, screen, "counties")
        edit_cell(qtbot, screen, "counties", row, "county_id", code)
        edit_cell(qtbot, screen, "counties", row, "county_name", name)
    assert "• Counties, row 3, County ID: '03' is already used in row 1." in (
        saved_or_refused(screen)
    )
    assert nothing_saved(store, Country)

    edit_cell(qtbot, screen, "counties", 2, "county_id", "30 A")
    assert "• Counties, row 3, County ID: use letters, digits, - and _ only" in (
        saved_or_refused(screen)
    )
    edit_cell(qtbot, screen, "counties", 2, "county_id", "30")
    assert saved_or_refused(screen) == "Saved."
    with store.session() as session:
        country = session.scalars(select(Country)).one()
        assert [(c.county_id, c.name) for c in country.counties] == [
            ("03", "Oslo"),
            ("30", "Viken"),
            ("46", "Vestland"),
        ]
    # Shown in County ID order once saved.
    assert [row["county_id"] for row in grid.value()] == ["03", "30", "46"]

    # A county removed and the country changed: one save.
    grid.view.setCurrentIndex(grid.model.index(1, 0))
    qtbot.mouseClick(grid.delete_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, screen, "country_name", "Kingdom of Norway")
    assert saved_or_refused(screen) == "Saved."
    with store.session() as session:
        assert [
            c.county_id for c in session.scalars(select(County).order_by(County.county_id))
        ] == [
            "03",
            "46",
        ]
        assert session.scalars(select(Country)).one().name == "Kingdom of Norway"

    # The counties go with their country: they do not keep it from being deleted.
    trigger(screen, "delete")
    assert screen.message.text() == "Deleted."
    with store.session() as session:
        assert session.scalars(select(County)).all() == []


# -- currencies and VAT ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("screen_id", "typed", "wrong", "message"),
    [
        pytest.param(
            "CM202000",
            {"currency_id": "NOK", "description": "Norwegian krone"},
            ("decimal_places", "5"),
            "Decimal places: must be from 0 to 4 (this is 5).",
            id="decimal_places-above",
        ),
        pytest.param(
            "CM202000",
            {"currency_id": "NOK", "description": "Norwegian krone"},
            ("decimal_places", "-1"),
            "Decimal places: must be from 0 to 4 (this is -1).",
            id="decimal_places-below",
        ),
        pytest.param(
            "CM202000",
            {"currency_id": "NOK", "description": "Norwegian krone"},
            ("decimal_places", ""),
            "Decimal places: a value is required.",
            id="decimal_places-blank",
        ),
        pytest.param(
            "TX205500",
            {"vat_category_id": "HIGH", "description": "High rate"},
            ("vat_rate", "100.5"),
            "VAT rate: at most 100.",
            id="vat_rate-above",
        ),
        pytest.param(
            "TX205500",
            {"vat_category_id": "HIGH", "description": "High rate"},
            ("vat_rate", "-25"),
            "VAT rate: cannot be negative.",
            id="vat_rate-below",
        ),
        pytest.param(
            "TX205500",
            {"vat_category_id": "HIGH", "description": "High rate"},
            ("vat_rate", ""),
            "VAT rate: a value is required.",
            id="vat_rate-blank",
        ),
    ],
)
def test_numbers_out_of_range_are_refused_with_the_field_named(
    qtbot: QtBot,
    open_screen: Opener,
    store: Store,
    screen_id: str,
    typed: dict[str, str],
    wrong: tuple[str, str],
    message: str,
) -> None:
    out_of_range_is_refused(qtbot, open_screen, store, screen_id, typed, wrong, message)


def test_numbers_at_their_limits_are_saved(qtbot: QtBot, open_screen: Opener, store: Store) -> None:
    currencies = open_screen("CM202000")
    assert shown(currencies, "decimal_places") == "2"  # the usual number for a new currency
    new_record(qtbot, currencies, {"currency_id": "JPY", "description": "Yen"})
    type_into(qtbot, currencies, "decimal_places", "0")
    assert saved_or_refused(currencies) == "Saved."
    trigger(currencies, "add_new")
    new_record(qtbot, currencies, {"currency_id": "BHD", "description": "Bahraini dinar"})
    type_into(qtbot, currencies, "decimal_places", "4")
    assert saved_or_refused(currencies) == "Saved."

    categories = open_screen("TX205500")
    new_record(qtbot, categories, {"vat_category_id": "EXEMPT", "description": "Exempt"})
    type_into(qtbot, categories, "vat_rate", "0")
    assert saved_or_refused(categories) == "Saved."
    trigger(categories, "add_new")
    new_record(qtbot, categories, {"vat_category_id": "ALL", "description": "All of it"})
    type_into(qtbot, categories, "vat_rate", "100")
    assert saved_or_refused(categories) == "Saved."
    with store.session() as session:
        places = dict(session.execute(select(Currency.currency_id, Currency.decimal_places)).all())
        rates = dict(
            session.execute(select(VatCategory.vat_category_id, VatCategory.vat_rate)).all()
        )
    assert places == {"JPY": 0, "BHD": 4}
    assert rates == {"EXEMPT": Decimal(0), "ALL": Decimal(100)}


def test_a_vat_zone_defaults_to_an_active_vat_category(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    with store.transaction() as session:
        session.add(VatCategory(vat_category_id="HIGH", description="High", vat_rate=25))
        session.add(
            VatCategory(vat_category_id="OLD", description="Old", vat_rate=24, active=False)
        )
    screen = open_screen("TX206000")
    new_record(
        qtbot,
        screen,
        {"vat_zone_id": "DOMESTIC", "description": "Domestic", "default_vat_category": "OLD"},
    )
    assert "• Default VAT category: 'OLD' is not in the list of VAT categories." in (
        saved_or_refused(screen)
    )
    type_into(qtbot, screen, "default_vat_category", "high")
    assert saved_or_refused(screen) == "Saved."
    assert shown(screen, "default_vat_category") == "HIGH"
    with store.session() as session:
        zone = session.scalars(select(VatZone)).one()
        category = session.scalars(select(VatCategory).where(VatCategory.active)).one()
        assert zone.default_vat_category_id == category.id


def test_a_vat_category_in_use_is_named_as_written(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = open_screen("TX205500")
    new_record(qtbot, screen, {"vat_category_id": "HIGH", "description": "High", "vat_rate": "25"})
    assert saved_or_refused(screen) == "Saved."
    assert screen.record.record_id is not None
    with store.transaction() as session:
        zone_defaulting_to(session, screen.record.record_id)
    trigger(screen, "delete")
    assert screen.message.text().startswith("VAT category HIGH cannot be deleted")


# -- branches, accounts and cash accounts -------------------------------------------------------


def test_a_branch_selects_its_country_and_an_active_currency(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    with store.transaction() as session:
        norway_and_krone(session)
        session.add(Currency(currency_id="DEM", description="Mark", active=False))
    screen = open_screen("CS102000")
    new_record(
        qtbot,
        screen,
        {"branch_id": "HQ", "branch_name": "Head office", "country": "NO", "currency": "DEM"},
    )
    assert "• Currency: 'DEM' is not in the list of currencies." in saved_or_refused(screen)
    type_into(qtbot, screen, "currency", "nok")
    assert saved_or_refused(screen) == "Saved."
    assert (shown(screen, "country"), shown(screen, "currency")) == ("NO", "NOK")
    with store.session() as session:
        branch = session.scalars(select(Branch)).one()
        country = session.scalars(select(Country)).one()
        krone = session.scalars(select(Currency).where(Currency.currency_id == "NOK")).one()
        assert (branch.country_id, branch.currency_id) == (country.id, krone.id)


def test_a_gl_account_is_saved_with_its_type(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    screen = open_screen("GL202500")
    assert shown(screen, "account_type") == "Asset"
    new_record(qtbot, screen, {"account": "3000", "description": "Sales"})
    choose_option(qtbot, screen, "account_type", "Income")
    click_check(qtbot, screen, "active")
    assert saved_or_refused(screen) == "Saved."
    with store.session() as session:
        account = session.scalars(select(GlAccount)).one()
        assert (account.account_type, account.active) == (AccountType.INCOME, False)


def test_a_cash_account_needs_its_account_and_currency(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    with store.transaction() as session:
        bank_account_and_krone(session)
        session.add(GlAccount(account="1900", description="Cash", account_type=AccountType.ASSET))
        session.add(Subaccount(subaccount_id="000", description="Default"))
        session.add(Branch(branch_id="HQ", name="Head office"))
        session.add(
            GlAccount(
                account="1999", description="Old", account_type=AccountType.ASSET, active=False
            )
        )
    screen = open_screen("CA202000")
    new_record(qtbot, screen, {"cash_account_id": "BANK", "description": "Bank"})
    message = saved_or_refused(screen)
    assert "• Account: a value is required." in message
    assert "• Currency: a value is required." in message
    new_record(qtbot, screen, {"account": "1999", "currency": "NOK"})
    assert "• Account: '1999' is not in the list of GL accounts." in saved_or_refused(screen)
    new_record(qtbot, screen, {"account": "1920", "subaccount": "000", "branch": "HQ"})
    assert saved_or_refused(screen) == "Saved."
    with store.session() as session:
        cash = session.scalars(select(CashAccount)).one()
        account = session.scalars(select(GlAccount).where(GlAccount.account == "1920")).one()
        assert cash.gl_account_id == account.id
        assert cash.subaccount_id is not None and cash.branch_id is not None
    trigger(screen, "list_window")
    window = screen.list_window
    assert isinstance(window, ListWindow)
    row = {
        key: window.model.index(0, window.model.column_of(key)).data()
        for key in ("cash_account_id", "branch", "account", "subaccount", "currency")
    }
    assert row == {
        "cash_account_id": "BANK",
        "branch": "HQ",
        "account": "1920",
        "subaccount": "000",
        "currency": "NOK",
    }


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        pytest.param(
            "NO93 8601 1117 948",
            "'NO93 8601 1117 948' is not a valid IBAN: the check digits do not match the "
            "account number (is a digit mistyped?).",
            id="check-digits",
        ),
        pytest.param(
            "NO93 8601 1117",
            "'NO93 8601 1117' is not a valid IBAN: an IBAN of Norway has 15 characters "
            "(this has 12).",
            id="length",
        ),
        pytest.param(
            "QQ93 8601 1117 947",
            "'QQ93 8601 1117 947' is not a valid IBAN: QQ is not a country code of the IBAN "
            "registry.",
            id="country",
        ),
        pytest.param(
            "NO93 8601/1117 947",
            "'NO93 8601/1117 947' is not a valid IBAN: use letters and digits only",
            id="characters",
        ),
    ],
)
def test_a_bank_account_that_looks_like_an_iban_must_be_one(
    qtbot: QtBot, open_screen: Opener, store: Store, typed: str, message: str
) -> None:
    with store.transaction() as session:
        bank_account_and_krone(session)
    screen = open_screen("CA202000")
    new_record(
        qtbot,
        screen,
        {"cash_account_id": "BANK", "description": "Bank", "account": "1920", "currency": "NOK"},
    )
    type_into(qtbot, screen, "bank_account", typed)
    assert f"• Bank account: {message}" in saved_or_refused(screen)
    assert nothing_saved(store, CashAccount)


def test_a_valid_iban_is_stored_in_groups_of_four_and_others_as_typed(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    with store.transaction() as session:
        bank_account_and_krone(session)
    screen = open_screen("CA202000")
    new_record(
        qtbot,
        screen,
        {
            "cash_account_id": "BANK",
            "description": "Bank",
            "account": "1920",
            "currency": "NOK",
            "bank_account": "no9386011117947",
        },
    )
    assert saved_or_refused(screen) == "Saved."
    assert shown(screen, "bank_account") == "NO93 8601 1117 947"
    # A domestic account number is no IBAN: kept as typed.
    type_into(qtbot, screen, "bank_account", "8601.11.17947")
    assert saved_or_refused(screen) == "Saved."
    with store.session() as session:
        assert session.scalars(select(CashAccount)).one().bank_account == "8601.11.17947"


def test_a_branch_keeps_company_details_checked_by_its_country(
    qtbot: QtBot, open_screen: Opener, store: Store
) -> None:
    with store.transaction() as session:
        norway_and_krone(session)
    screen = open_screen("CS102000")
    new_record(
        qtbot,
        screen,
        {
            "branch_id": "HQ",
            "branch_name": "Head office",
            "country": "NO",
            "currency": "NOK",
            "company_name": "Nordlys Handel AS",
            "organisation_no": "974 760 674",
            "vat_registration_id": "NO 974 760 674 MVA",
            "iban": "NO93 8601 1117 948",
            "bic": "DNBANOKK1",
            "email": "post@nordlys",
        },
    )
    message = saved_or_refused(screen)
    assert "• IBAN: 'NO93 8601 1117 948' is not a valid IBAN" in message
    assert "• BIC: 'DNBANOKK1' is not a valid BIC" in message
    assert "• Email: 'post@nordlys' is not an e-mail address" in message
    assert nothing_saved(store, Branch)
    typed = {"iban": "no9386011117947", "bic": "dnbanokkxxx", "email": "a@nordlys.no"}
    for key, text in typed.items():
        type_into(qtbot, screen, key, text)
    # The numbers by the rule of the branch's country (Norway).
    message = saved_or_refused(screen)
    assert "• Organisation no.: 974 760 674 is not a valid corporate ID of NO" in message
    assert "• VAT registration ID: NO 974 760 674 MVA is not a valid VAT registration ID" in message
    assert nothing_saved(store, Branch)
    type_into(qtbot, screen, "organisation_no", "974 760 673")
    type_into(qtbot, screen, "vat_registration_id", "NO 974 760 673 MVA")
    assert saved_or_refused(screen) == "Saved."
    with store.session() as session:
        branch = session.scalars(select(Branch)).one()
        assert (branch.company_name, branch.iban, branch.bic) == (
            "Nordlys Handel AS",
            "NO93 8601 1117 947",
            "DNBANOKKXXX",
        )


# -- the SUBACCOUNT segmented key (CS202000) and the subaccounts' form (issue 17) -------------


def test_a_subaccount_id_takes_the_form_of_the_segments_set_on_cs202000(
    qtbot: QtBot, open_screen: Opener, store: Store, qtmodeltester: ModelTester
) -> None:
    subaccounts = open_screen("GL203000")
    new_record(qtbot, subaccounts, {"subaccount_id": "10-200", "description": "Sales, Oslo"})
    assert (
        "• Subaccount ID: the SUBACCOUNT key (Segmented keys, CS202000) gives it one segment "
        "of 3 characters (letters and digits), like 000."
    ) in saved_or_refused(subaccounts)
    assert nothing_saved(store, Subaccount)

    keys = open_screen("CS202000")
    type_into(qtbot, keys, "segmented_key_id", "SUBACCOUNT")  # opens the key every company has
    assert keys.record.record_id is not None
    grid = keys.editor("segments")
    assert isinstance(grid, GridEditor)
    assert grid.objectName() == "grid_segments"
    assert [(row["segment_id"], row["length"]) for row in grid.value()] == [(1, 3)]
    edit_cell(qtbot, keys, "segments", 0, "length", "2")
    add_row(qtbot, keys, "segments")
    assert grid.value()[1]["segment_id"] == 2  # numbered after the others
    edit_cell(qtbot, keys, "segments", 1, "description", "Project")
    edit_cell(qtbot, keys, "segments", 1, "length", "3")
    assert saved_or_refused(keys) == "Saved."
    qtmodeltester.check(grid.model, force_py=True)

    assert saved_or_refused(subaccounts) == "Saved."  # 10-200 has the form now
    trigger(subaccounts, "add_new")
    new_record(qtbot, subaccounts, {"subaccount_id": "10200", "description": "No dash"})
    assert (
        "• Subaccount ID: the SUBACCOUNT key (Segmented keys, CS202000) gives it 2 segments of "
        '2 and 3 characters (letters and digits) separated by "-", like 00-000.'
    ) in saved_or_refused(subaccounts)

    # Back to one segment: 10-200 would lose its form, so the change is refused, naming it.
    grid.view.setCurrentIndex(grid.model.index(1, 0))
    keys._reveal(grid)
    qtbot.mouseClick(grid.delete_button, Qt.MouseButton.LeftButton)
    edit_cell(qtbot, keys, "segments", 0, "length", "3")
    message = saved_or_refused(keys)
    assert message.startswith("The record was not saved:"), message
    assert "• Segments: subaccount 10-200 would not have the form of one segment of 3" in message
    with store.session() as session:
        key = session.scalars(select(SegmentedKey)).one()
        assert [(s.segment_number, s.length) for s in key.segments] == [(1, 2), (2, 3)]
