"""Every configuration screen in the navigation has its flows tested."""

from __future__ import annotations

import importlib
import pkgutil

import tests.screens.configuration as package
from app.windows.screens import CONFIGURATION, SCREENS


def test_every_configuration_screen_has_a_case() -> None:
    covered: set[str] = set()
    for module in pkgutil.iter_modules(package.__path__):
        if module.name.startswith("test_") and module.name != "test_coverage":
            cases = importlib.import_module(f"{package.__name__}.{module.name}").CASES
            covered.update(case.screen_id for case in cases)
    wanted = {info.id for info in SCREENS if info.group == CONFIGURATION}
    assert sorted(wanted - covered) == []
