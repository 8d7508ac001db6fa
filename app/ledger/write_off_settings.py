"""The write-off settings a customer and its class share: Enable write-offs needs a limit.

A zero limit would enable write-offs that can never be made (seed 001: "the maximum balance
that can be written off"), so the customer class refuses it as the customer does — else every
new customer of the class would be refused on its first save.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

WRITE_OFF_LIMIT = "write_off_limit"


def write_off_limit_problem(values: Mapping[str, Any]) -> str | None:
    """The rule broken when write-offs are enabled without a limit above zero, else None."""
    if values.get("enable_write_offs") and not values.get(WRITE_OFF_LIMIT):
        return (
            "enter a limit when Enable write-offs is selected: without one, write-offs "
            "cannot be performed."
        )
    return None
