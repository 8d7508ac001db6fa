"""Selling and delivering: salespersons (AR205000), customer price classes (AR208000), and
the delivery tables — carriers (CS207500), shipping terms (CS208000), shipping zones (CS207000),
FOB points (CS208500) and warehouses (IN204000)."""

from __future__ import annotations

from app.ledger.definitions.reference import active, code, description
from app.ledger.fields import Definition, Field, Kind
from app.ledger.sources import BRANCHES
from app.models import (
    Carrier,
    FobPoint,
    PriceClass,
    Salesperson,
    ShippingTerms,
    ShippingZone,
    Warehouse,
)

SALESPERSON = Definition(
    "salesperson",
    Salesperson,
    (
        code("salesperson_id", "Salesperson ID", "The unique ID of the salesperson."),
        Field("name", "Name", Kind.TEXT, required=True, help="The salesperson's name."),
        Field(
            "commission_percent",
            "Commission (%)",
            Kind.PERCENT,
            minimum=0,
            maximum=100,  # a share of the sale: never more than all of it
            help="The salesperson's commission on sales (0–100 %).",
        ),
        active("Active salespersons can be selected for customers and classes."),
    ),
)

PRICE_CLASS = Definition(
    "customer price class",
    PriceClass,
    (
        code("price_class_id", "Price class ID", "The unique ID of the customer price class."),
        description("The name of the price class, shown where it is selected."),
    ),
)

CARRIER = Definition(
    "carrier",
    Carrier,
    (
        Field(
            "ship_via",
            "Ship via",
            Kind.TEXT,
            attr="carrier_id",
            required=True,
            help="The unique code of the carrier, selected as Ship via.",
        ),
        description("The name of the carrier or its service."),
        active("Active carriers can be selected for customers and classes."),
    ),
)

SHIPPING_TERMS = Definition(
    "shipping terms",
    ShippingTerms,
    (
        code("shipping_terms_id", "Shipping terms ID", "The unique ID of the shipping terms."),
        description("The name of the shipping terms, shown where they are selected."),
    ),
)

SHIPPING_ZONE = Definition(
    "shipping zone",
    ShippingZone,
    (
        code("shipping_zone_id", "Shipping zone ID", "The unique ID of the shipping zone."),
        description("The name of the shipping zone, shown where it is selected."),
    ),
)

FOB_POINT = Definition(
    "FOB point",
    FobPoint,
    (
        code("fob_point_id", "FOB point ID", "The unique ID of the FOB point."),
        description("The name of the FOB point, shown where it is selected."),
    ),
)

WAREHOUSE = Definition(
    "warehouse",
    Warehouse,
    (
        code("warehouse_id", "Warehouse ID", "The unique ID of the warehouse."),
        description("The name of the warehouse, shown where it is selected."),
        Field(
            "branch",
            "Branch",
            Kind.LOOKUP,
            attr="branch_id",
            lookup=BRANCHES,
            help="The branch the warehouse belongs to.",
        ),
        active("Active warehouses can be selected for customers and locations."),
    ),
)
