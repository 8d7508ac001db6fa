"""Meta-tests holding the layers together (DESIGN.md §2): a screen only arranges its record's
definition. For every registered screen, every field and grid it places is the definition's own
object (not a copy declaring the field again), and every required attribute is on the screen or
has a default; a configuration screen arranges one reference record's definition, whole."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

from app.ledger.definitions.cid_configuration import CID_CONFIGURATION
from app.ledger.definitions.contact import CONTACT
from app.ledger.definitions.customer import CUSTOMER
from app.ledger.definitions.customer_class import CUSTOMER_CLASS
from app.ledger.definitions.customer_details import CUSTOMER_DETAILS
from app.ledger.definitions.customer_payment_method import CUSTOMER_PAYMENT_METHOD
from app.ledger.definitions.document import DOCUMENT
from app.ledger.definitions.location import LOCATION
from app.ledger.definitions.preferences import PREFERENCES
from app.ledger.definitions.supplier import SUPPLIER
from app.ledger.fields import Definition
from app.ledger.records import column_of
from app.windows.framework.spec import Screen
from app.windows.screens import CONFIGURATION, SCREENS, find_screen

# The record screens' definitions (AR101000's CID configuration tab shows the picked CID
# configuration's own fields); a configuration screen arranges the one its ``definition`` names.
RECORD_SCREENS: dict[str, tuple[Definition, ...]] = {
    "AR303000": (CUSTOMER,),
    "AR201000": (CUSTOMER_CLASS,),
    "AR101000": (PREFERENCES, CID_CONFIGURATION),
    "CR303010": (LOCATION,),
    "AR303010": (CUSTOMER_PAYMENT_METHOD,),
    "AP303000": (SUPPLIER,),
    "CR302000": (CONTACT,),
    "AR301000": (DOCUMENT,),
    "AR402000": (CUSTOMER_DETAILS,),
}
SCREEN_IDS = [info.id for info in SCREENS]
CONFIGURATION_IDS = [info.id for info in SCREENS if info.group == CONFIGURATION]


def screen_of(screen_id: str) -> tuple[Screen, tuple[Definition, ...]]:
    info = find_screen(screen_id)
    assert info is not None and info.id == screen_id
    screen = importlib.import_module(f"app.windows.screens.{info.module}").SCREEN
    assert isinstance(screen, Screen) and screen.id == screen_id
    if screen_id in RECORD_SCREENS:
        return screen, RECORD_SCREENS[screen_id]
    assert screen.definition is not None, f"{screen_id} arranges no definition"
    return screen, (screen.definition,)


def test_every_registered_screen_is_a_record_or_a_configuration_screen() -> None:
    assert set(SCREEN_IDS) == set(RECORD_SCREENS) | set(CONFIGURATION_IDS)


@pytest.mark.parametrize("screen_id", SCREEN_IDS)
def test_a_screens_own_definition_is_one_it_arranges(screen_id: str) -> None:
    """The definition whose on-change rules the screen runs is the record it shows."""
    screen, definitions = screen_of(screen_id)
    if screen.definition is not None:
        assert any(screen.definition is definition for definition in definitions), screen_id
        assert screen.definition.model is screen.model, screen_id


@pytest.mark.parametrize("screen_id", CONFIGURATION_IDS)
def test_a_configuration_screen_arranges_its_whole_definition(screen_id: str) -> None:
    """A reference record's definition holds only what its screen shows: nothing is defined
    that no screen lets a user set."""
    screen, (definition,) = screen_of(screen_id)
    assert {spec.key for spec in screen.fields()} == {spec.key for spec in definition.fields}
    assert {grid.key for grid in screen.grids()} == {grid.key for grid in definition.grids}


@pytest.mark.parametrize("screen_id", SCREEN_IDS)
def test_every_field_a_screen_arranges_is_its_definitions_own(screen_id: str) -> None:
    screen, definitions = screen_of(screen_id)
    for spec in screen.fields():
        owners = [definition for definition in definitions if spec.key in definition]
        assert [owner.name for owner in owners], f"{screen_id}: {spec.key} is in no definition"
        assert len(owners) == 1, f"{screen_id}: {spec.key} is in {[o.name for o in owners]}"
        assert owners[0].field(spec.key) is spec, f"{screen_id}: {spec.key} is declared again"


@pytest.mark.parametrize("screen_id", SCREEN_IDS)
def test_every_grid_a_screen_arranges_is_its_definitions_own(screen_id: str) -> None:
    screen, definitions = screen_of(screen_id)
    for grid in screen.grids():
        owned = [d.name for d in definitions if any(own is grid for own in d.grids)]
        assert owned, f"{screen_id}: grid {grid.key} is declared again, not its definition's"


@pytest.mark.parametrize("screen_id", SCREEN_IDS)
def test_every_required_attribute_is_on_the_screen_or_has_a_default(screen_id: str) -> None:
    screen, definitions = screen_of(screen_id)
    arranged = {spec.key for spec in screen.fields()}
    for definition in definitions:
        for spec in definition.fields:
            if not (spec.required and spec.stored) or spec.key in arranged:
                continue
            column = column_of(definition.model, spec.attribute)
            assert column is not None and column.default is not None, (
                f"{screen_id}: required {definition.name} field {spec.key} is neither on the "
                "screen nor has a default"
            )


def test_rules_read_only_what_their_record_holds() -> None:
    """Every on-change rule follows and reads fields of its own record (or rows of its own
    grid): what it depends on is declared, Tryton's ``@fields.depends``."""
    definitions = {
        id(definition): definition
        for screen_id in SCREEN_IDS
        for definition in screen_of(screen_id)[1]
    }
    for definition in definitions.values():
        grid_keys = {grid.key for grid in definition.grids}
        for rule in definition.on_change:
            for key in (rule.field, *rule.depends):
                assert key in definition or key in grid_keys, (definition.name, key)
        for grid in definition.grids:
            columns = {column.key for column in grid.columns}
            details = {detail.key for detail in definition.grids if detail.master == grid.key}
            for rule in grid.on_change:
                for key in (rule.field, *rule.depends):
                    assert key in columns | details, (definition.name, grid.key, key)


def test_definitions_and_their_services_load_without_qt() -> None:
    """A service validates against its definition with no screen, and no Qt, loaded."""
    code = (
        "import sys\n"
        "import app.ledger.definitions.customer, app.ledger.definitions.customer_class\n"
        "import app.ledger.definitions.preferences, app.ledger.definitions.cid_configuration\n"
        "import app.ledger.definitions.location, app.ledger.definitions.document\n"
        "import app.ledger.definitions.supplier, app.ledger.definitions.supplier_class\n"
        "import app.ledger.suppliers, app.ledger.supplier_classes\n"
        "import app.ledger.definitions.accounting, app.ledger.definitions.credit\n"
        "import app.ledger.definitions.currency, app.ledger.definitions.geography\n"
        "import app.ledger.definitions.payments, app.ledger.definitions.sales\n"
        "import app.ledger.definitions.system, app.ledger.definitions.vat\n"
        "import app.ledger.customers, app.ledger.customer_classes, app.ledger.preferences\n"
        "import app.ledger.definitions.location, app.ledger.locations\n"
        "import app.ledger.definitions.contact, app.ledger.contacts\n"
        "import app.ledger.customer_salespersons\n"
        "import app.ledger.reference, app.ledger.statement_cycles\n"
        "import app.ledger.number_series, app.ledger.payment_terms, app.ledger.vat\n"
        "loaded = [m for m in sys.modules if m.startswith(('PySide6', 'app.windows'))]\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
