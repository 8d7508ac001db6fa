"""A CID configuration (AR101000's CID configuration tab): what its settings and elements mean.

The tab edits the configuration picked in Select configuration (a preferences field, see
app/ledger/definitions/preferences.py), so its fields are enabled only once one is picked; the
configuration is saved with the preferences (app/ledger/cid_configurations.py).
"""

from __future__ import annotations

from app.ledger.cid_configurations import CID_ELEMENTS, CID_ELEMENTS_LABEL, SELECT_CONFIGURATION
from app.ledger.definitions.preferences import field, lost_column
from app.ledger.fields import Definition, Field, Grid, Kind, Values
from app.ledger.records import column_length
from app.ledger.sources import BRANCHES, PAYMENT_METHODS
from app.models import CidConfiguration
from app.models.cid import CidElementKind, CidStatus, Padding


def configuration_picked(values: Values) -> bool:
    return values.get(SELECT_CONFIGURATION) is not None


def format_editable(values: Values) -> bool:
    """The format of an active configuration is locked (seed: "The Editing status allows you to
    edit the predefined format of the CID"); set its status to Editing to change it."""
    return configuration_picked(values) and values.get("status") != CidStatus.ACTIVE


def cid_text(label: str, attr: str, *, is_format: bool = True) -> Field:
    # Length limits of the configuration's columns, not of the preferences the screen shows.
    return field(
        label,
        Kind.TEXT,
        attr,
        max_length=column_length(CidConfiguration, attr),
        enabled_when=format_editable if is_format else configuration_picked,
    )


FIELDS: tuple[Field, ...] = (
    field(
        "Status",
        Kind.OPTION,
        options=CidStatus,
        required=True,
        enabled_when=configuration_picked,
    ),
    field("Branch", Kind.LOOKUP, "branch_id", lookup=BRANCHES, enabled_when=configuration_picked),
    field(
        "Payment method",
        Kind.LOOKUP,
        "payment_method_id",
        lookup=PAYMENT_METHODS,
        enabled_when=configuration_picked,
    ),
    field(
        "Digit counter",
        Kind.NUMBER,
        required=True,
        minimum=0,
        enabled_when=format_editable,
    ),
    cid_text("Description", "description", is_format=False),
    cid_text("Display mask", "display_mask"),
    cid_text("Reference modulus", "reference_modulus"),
    cid_text("Reference weight", "reference_weight"),
    cid_text("Amount check digit", "amount_check_digit"),
    cid_text("Amount weight", "amount_weight"),
)

GRIDS = (
    Grid(
        CID_ELEMENTS_LABEL,
        CID_ELEMENTS,
        (
            lost_column(CID_ELEMENTS_LABEL, "Element", CidElementKind, required=True),
            Field("fixed_value", "Fixed value", Kind.TEXT),
            Field(
                "number_of_positions",
                "Number of positions",
                Kind.NUMBER,
                required=True,
                minimum=0,
            ),
            lost_column(
                CID_ELEMENTS_LABEL,
                "Leading/trailing zeros",
                Padding,
                attr="leading_trailing_zeros",
                required=True,
            ),
        ),
        order_by="sort_order",
        # Shown on the preferences screen, but the picked configuration's rows.
        owner=CidConfiguration,
        enabled_when=format_editable,
    ),
)

CID_CONFIGURATION = Definition("CID configuration", CidConfiguration, FIELDS, GRIDS)
