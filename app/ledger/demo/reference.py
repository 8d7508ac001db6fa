"""The demo company's configuration beyond first-run setup: customer classes (domestic, key
accounts, EU, export, US dollar) and the delivery records its locations refer to (carriers,
shipping terms, shipping zones, FOB points, warehouses)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from app.ledger.setup import BRANCH, BaseConfiguration, class_defaults
from app.models import (
    Carrier,
    ClassMailing,
    ClassRecipient,
    CustomerClass,
    FobPoint,
    ShippingTerms,
    ShippingZone,
    Warehouse,
)
from app.models.options import CreditVerification, ExportType, StatementType

CARRIERS = (
    ("POSTEN", "Posten Norge"),
    ("BRING", "Bring Cargo"),
    ("DHL", "DHL Express"),
    ("DSV", "DSV Road"),
)
SHIPPING_TERMS = (
    ("FREE", "Free delivery"),
    ("DAP", "Delivered at place (Incoterms 2020)"),
    ("EXW", "Ex works (Incoterms 2020)"),
)
# Norway by the first digit of the postcode, the other countries as one zone each.
SHIPPING_ZONES = (
    ("EAST", "Eastern Norway (postcodes 0–3)"),
    ("SOUTH", "Southern Norway (postcodes 4)"),
    ("WEST", "Western Norway (postcodes 5–6)"),
    ("MID", "Central Norway (postcodes 7)"),
    ("NORTH", "Northern Norway (postcodes 8–9)"),
    ("NORDIC", "Sweden, Denmark and Finland"),
    ("BENELUX", "Benelux"),
)
NORWEGIAN_ZONES = {
    "0": "EAST",
    "1": "EAST",
    "2": "EAST",
    "3": "EAST",
    "4": "SOUTH",
    "5": "WEST",
    "6": "WEST",
    "7": "MID",
    "8": "NORTH",
    "9": "NORTH",
}
FOB_POINTS = (
    ("ORIGIN", "Our warehouse (the buyer carries the risk from there)"),
    ("DEST", "The customer's premises (we carry the risk until delivered)"),
)
WAREHOUSES = (("OSLO", "Central warehouse, Oslo"), ("BERGEN", "Western warehouse, Bergen"))


@dataclass(frozen=True)
class Delivery:
    """Ids of the delivery records by code."""

    carriers: dict[str, int]
    shipping_terms: dict[str, int]
    shipping_zones: dict[str, int]
    fob_points: dict[str, int]
    warehouses: dict[str, int]

    def zone_of(self, country: str, postcode: str) -> int:
        if country == "NO":
            return self.shipping_zones[NORWEGIAN_ZONES.get(postcode[:1], "EAST")]
        return self.shipping_zones["BENELUX" if country == "NL" else "NORDIC"]

    def warehouse_of(self, zone_id: int) -> int:
        west = zone_id in (self.shipping_zones["WEST"], self.shipping_zones["MID"])
        return self.warehouses["BERGEN" if west else "OSLO"]


def delivery_records(session: Session, config: BaseConfiguration) -> Delivery:
    branch = config.id_of("branch", BRANCH)

    def add(model: type[Any], code_attr: str, rows: tuple[tuple[str, str], ...]) -> dict[str, int]:
        records = {code: model(**{code_attr: code, "description": text}) for code, text in rows}
        if model is Warehouse:
            for record in records.values():
                record.branch_id = branch
        session.add_all(records.values())
        session.flush()
        return {code: record.id for code, record in records.items()}

    return Delivery(
        carriers=add(Carrier, "carrier_id", CARRIERS),
        shipping_terms=add(ShippingTerms, "shipping_terms_id", SHIPPING_TERMS),
        shipping_zones=add(ShippingZone, "shipping_zone_id", SHIPPING_ZONES),
        fob_points=add(FobPoint, "fob_point_id", FOB_POINTS),
        warehouses=add(Warehouse, "warehouse_id", WAREHOUSES),
    )


def customer_classes(
    session: Session, config: BaseConfiguration, delivery: Delivery
) -> dict[str, int]:
    """The demo's customer classes, each starting from the default class's values."""
    base = class_defaults(session, config.default_class_id)
    default = session.get(CustomerClass, config.default_class_id)
    assert default is not None
    zone = config.ids["vat_zone"]
    currency = config.ids["currency"]
    terms = config.ids["payment_terms"]
    carrier, shipping_terms = delivery.carriers, delivery.shipping_terms
    domestic = {"ship_via_id": carrier["POSTEN"], "shipping_terms_id": shipping_terms["DAP"]}
    foreign = {
        "country_id": None,
        "enable_currency_override": True,
        "ship_via_id": carrier["DSV"],
        "shipping_terms_id": shipping_terms["DAP"],
    }
    specs: list[tuple[str, str, dict[str, Any]]] = [
        ("DOMESTIC", "Domestic customers", domestic),
        (
            "KEYACCT",
            "Key accounts with a credit limit",
            domestic
            | {
                "terms_id": terms["30D2"],
                "credit_verification": CreditVerification.LIMIT_AND_DAYS_PAST_DUE,
                "credit_limit": 500_000,
                "credit_days_past_due": 30,
                "statement_type": StatementType.BALANCE_BROUGHT_FORWARD,
                "print_statements": True,
                "shipping_terms_id": shipping_terms["FREE"],
            },
        ),
        (
            "EU",
            "Customers in other EU countries",
            foreign
            | {
                "vat_zone_id": zone["EU"],
                "export_type": ExportType.EU,
                "currency_id": currency["EUR"],
                "warning_when_missing_vat_registration_id": True,
                "terms_id": terms["30D"],
            },
        ),
        (
            "EXPORT",
            "Customers outside the EU",
            foreign
            | {
                "vat_zone_id": zone["EXPORT"],
                "export_type": ExportType.EXPORT,
                "terms_id": terms["30D"],
            },
        ),
        (
            "USD",
            "Customers invoiced in US dollars",
            foreign
            | {
                "vat_zone_id": zone["EXPORT"],
                "export_type": ExportType.EXPORT,
                "currency_id": currency["USD"],
                "terms_id": terms["30D"],
                "ship_via_id": carrier["DHL"],
                "shipping_terms_id": shipping_terms["EXW"],
            },
        ),
    ]
    ids: dict[str, int] = {}
    for code, description, changes in specs:
        record = CustomerClass(
            class_id=code,
            description=description,
            mailings=[_copy_mailing(mailing) for mailing in default.mailings],
            **(base | changes),
        )
        session.add(record)
        session.flush()
        ids[code] = record.id
    return ids


def _copy_mailing(mailing: ClassMailing) -> ClassMailing:
    columns = ("mailing_id", "email_account_id", "report_id", "notification_template_id")
    copy = ClassMailing(
        **{column: getattr(mailing, column) for column in columns},
        branch_id=mailing.branch_id,
        format=mailing.format,
        active=mailing.active,
    )
    copy.recipients = [
        ClassRecipient(
            contact_type=recipient.contact_type,
            employee_id=recipient.employee_id,
            format=recipient.format,
            active=recipient.active,
            bcc=recipient.bcc,
        )
        for recipient in mailing.recipients
    ]
    return copy
