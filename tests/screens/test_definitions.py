"""Meta-tests holding the layers together (DESIGN.md §2): a screen only arranges its record's
definition. Every field and grid a screen places is the definition's own object (not a copy
declaring the field again), and every required attribute is on the screen or has a default."""

from __future__ import annotations

import importlib
import subprocess
import sys
from types import ModuleType
from typing import Any

import pytest

from app.ledger.definitions.cid_configuration import CID_CONFIGURATION
from app.ledger.definitions.customer import CUSTOMER
from app.ledger.definitions.customer_class import CUSTOMER_CLASS
from app.ledger.definitions.preferences import PREFERENCES
from app.ledger.fields import Definition
from app.ledger.records import column_of
from app.windows.framework.spec import Screen


def location_definition() -> Definition | None:
    """CR303010's definition, once the location record has one."""
    try:
        module: ModuleType = importlib.import_module("app.ledger.definitions.location")
    except ModuleNotFoundError:
        return None
    found = getattr(module, "LOCATION", None)
    return found if isinstance(found, Definition) else None


# Screen ID → the screen's module and the definitions it arranges (AR101000's CID configuration
# tab shows the picked CID configuration's own fields).
ARRANGED: dict[str, tuple[str, tuple[Definition, ...]]] = {
    "AR303000": ("customers", (CUSTOMER,)),
    "AR201000": ("customer_classes", (CUSTOMER_CLASS,)),
    "AR101000": ("preferences", (PREFERENCES, CID_CONFIGURATION)),
}
LOCATION = location_definition()
SCREEN_IDS: list[Any] = list(ARRANGED)
if LOCATION is not None:
    ARRANGED["CR303010"] = ("customer_locations", (LOCATION,))
    SCREEN_IDS.append("CR303010")
else:
    SCREEN_IDS.append(pytest.param("CR303010", marks=pytest.mark.skip(reason="no LOCATION yet")))


def screen_of(screen_id: str) -> tuple[Screen, tuple[Definition, ...]]:
    module_name, definitions = ARRANGED[screen_id]
    screen = importlib.import_module(f"app.windows.screens.{module_name}").SCREEN
    assert isinstance(screen, Screen) and screen.id == screen_id
    return screen, definitions


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


def test_definitions_and_their_services_load_without_qt() -> None:
    """A service validates against its definition with no screen, and no Qt, loaded."""
    code = (
        "import sys\n"
        "import app.ledger.definitions.customer, app.ledger.definitions.customer_class\n"
        "import app.ledger.definitions.preferences, app.ledger.definitions.cid_configuration\n"
        "import app.ledger.customers, app.ledger.customer_classes, app.ledger.preferences\n"
        "import app.ledger.definitions.location, app.ledger.locations\n"
        "loaded = [m for m in sys.modules if m.startswith(('PySide6', 'app.windows'))]\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
