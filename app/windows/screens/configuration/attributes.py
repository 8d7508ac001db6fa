"""Attributes (CS205000): extra properties customer classes give their customers."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.ledger.attributes import VALUES, AttributeService, takes_entry_mask
from app.models import Attribute
from app.models.database import Store
from app.models.reference.system import ControlType
from app.windows.framework.record_screen import RecordScreen
from app.windows.framework.spec import Field, Grid, Kind, ListColumn, Screen, Tab
from app.windows.screens.configuration.reference_screen import list_query_of, reference_screen

LIST_COLUMNS = (
    ListColumn("attribute_id", "Attribute ID", width=110),
    ListColumn("description", "Description", width=240),
    ListColumn("control_type", "Control type", Kind.OPTION, ControlType, width=140),
    ListColumn("entry_mask", "Entry mask", width=120),
    ListColumn("internal", "Internal", Kind.CHECKBOX, width=80),
)

SCREEN = Screen(
    id="CS205000",
    title="Attributes",
    model=Attribute,
    help="Extra properties of customers, answered as text, a date, a check box or by picking "
    "from the attribute's values.",
    top=(
        Field(
            "attribute_id",
            "Attribute ID",
            Kind.TEXT,
            required=True,
            help="The unique ID of the attribute.",
        ),
        Field(
            "description",
            "Description",
            Kind.TEXT,
            required=True,
            help="The name of the attribute, shown where it is answered (at most 50 characters).",
        ),
        Field(
            "control_type",
            "Control type",
            Kind.OPTION,
            options=ControlType,
            required=True,
            help="How the attribute is answered; Combo and Multi select combo pick from the "
            "values below, which they need.",
        ),
        Field(
            "entry_mask",
            "Entry mask",
            Kind.TEXT,
            enabled_when=lambda values: takes_entry_mask(values.get("control_type")),
            help="The form typed text must have (Text attributes only).",
        ),
        Field(
            "internal",
            "Internal",
            Kind.CHECKBOX,
            help="Only for internal use: not printed or shown to customers.",
        ),
    ),
    tabs=(
        Tab(
            "Values",
            grids=(
                Grid(
                    "Values",
                    VALUES,
                    (
                        Field(
                            "value_id",
                            "Value ID",
                            Kind.TEXT,
                            required=True,
                            help="The unique ID of the value within the attribute.",
                        ),
                        Field(
                            "description",
                            "Description",
                            Kind.TEXT,
                            required=True,
                            help="The value as users see it when they pick it.",
                        ),
                        Field(
                            "sort_order",
                            "Sort order",
                            Kind.NUMBER,
                            help="Where the value is offered among the others (lowest first).",
                        ),
                        Field(
                            "disabled",
                            "Disabled",
                            Kind.CHECKBOX,
                            help="No longer offered; answers already given keep it.",
                        ),
                    ),
                    order_by="sort_order",
                    help="The values a Combo or Multi select combo attribute is answered from.",
                ),
            ),
        ),
    ),
    list_columns=LIST_COLUMNS,
    list_query=lambda: list_query_of(Attribute, LIST_COLUMNS),
)


def create_screen(store: Store, parent: QWidget | None = None) -> RecordScreen:
    return reference_screen(
        store,
        parent,
        SCREEN,
        code_key="attribute_id",
        noun="attribute",
        service_class=AttributeService,
    )
