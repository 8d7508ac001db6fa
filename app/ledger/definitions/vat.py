"""VAT: the rates sales are taxed at (TX205500) and the zones customers are taxed in
(TX206000)."""

from __future__ import annotations

from app.ledger.fields import Definition, Field, Kind
from app.ledger.sources import VAT_CATEGORIES
from app.models import VatCategory, VatZone

VAT_CATEGORY = Definition(
    "VAT category",
    VatCategory,
    (
        Field(
            "vat_category_id",
            "VAT category ID",
            Kind.TEXT,
            required=True,
            help="The unique ID of the VAT category.",
        ),
        Field(
            "description",
            "Description",
            Kind.TEXT,
            required=True,
            help="The name of the VAT category, shown where it is selected.",
        ),
        Field(
            "vat_rate",
            "VAT rate",
            Kind.PERCENT,
            required=True,
            minimum=0,
            maximum=100,  # a share of the amount: no VAT rate is more than the amount itself
            help="The percentage of VAT charged on amounts in this category (0–100 %).",
        ),
        Field(
            "active",
            "Active",
            Kind.CHECKBOX,
            help="Active categories can be selected for VAT zones, customers and documents.",
        ),
    ),
)

VAT_ZONE = Definition(
    "VAT zone",
    VatZone,
    (
        Field(
            "vat_zone_id",
            "VAT zone ID",
            Kind.TEXT,
            required=True,
            help="The unique ID of the VAT zone.",
        ),
        Field(
            "description",
            "Description",
            Kind.TEXT,
            required=True,
            help="The name of the VAT zone, shown where it is selected.",
        ),
        Field(
            "default_vat_category",
            "Default VAT category",
            Kind.LOOKUP,
            attr="default_vat_category_id",
            lookup=VAT_CATEGORIES,
            help="The VAT category sales to customers in this zone get unless another applies.",
        ),
    ),
)
