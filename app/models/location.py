"""Customer locations (CR303010): the places a customer is invoiced and delivered at.

The customer's Delivery settings are its default location's; the first save of a customer
creates the MAIN location from them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.address import Address, Contact
from app.models.base import Base, MasterRecord, code10, text255, unique_regardless_of_case
from app.models.options import ExportType, ShippingRule

if TYPE_CHECKING:
    from app.models.customer import Customer
    from app.models.people import CustomerSalesperson

MAIN_LOCATION_ID = "MAIN"


def _ref(table: str) -> Mapped[int | None]:
    return mapped_column(ForeignKey(f"{table}.id"))


class Location(MasterRecord, Base):
    __tablename__ = "location"
    __table_args__ = (UniqueConstraint("customer_id", "location_id"),)

    customer_id: Mapped[int] = mapped_column(ForeignKey("customer.id", ondelete="CASCADE"))
    location_id: Mapped[code10]
    location_name: Mapped[text255 | None]
    active: Mapped[bool] = mapped_column(default=True)
    is_default: Mapped[bool] = mapped_column(default=False)
    # The location the customer's first save made (MAIN, or the branch's ID): marked in the
    # store, not recognised by its ID, so it cannot be renamed, deleted or deactivated.
    is_main: Mapped[bool] = mapped_column(default=False)

    # Location address and contact; they share the customer's main ones while ticked.
    address_id: Mapped[int | None] = _ref("address")
    contact_id: Mapped[int | None] = _ref("contact")
    address_same_as_main: Mapped[bool] = mapped_column(default=True)
    contact_same_as_main: Mapped[bool] = mapped_column(default=True)

    # Location settings
    vat_zone_id: Mapped[int | None] = _ref("vat_zone")
    corporate_id: Mapped[str | None] = mapped_column(String(50))
    vat_registration_id: Mapped[str | None] = mapped_column(String(50))
    export_type: Mapped[ExportType] = mapped_column(default=ExportType.DOMESTIC)
    gln: Mapped[str | None] = mapped_column(String(13))
    edi_code: Mapped[str | None] = mapped_column(String(50))
    invoice_to_default_location: Mapped[bool] = mapped_column(default=False)
    shipping_branch_id: Mapped[int | None] = _ref("branch")
    price_class_id: Mapped[int | None] = _ref("price_class")

    # Shipping instructions
    warehouse_id: Mapped[int | None] = _ref("warehouse")
    ship_via_id: Mapped[int | None] = _ref("carrier")
    shipping_terms_id: Mapped[int | None] = _ref("shipping_terms")
    shipping_zone_id: Mapped[int | None] = _ref("shipping_zone")
    fob_point_id: Mapped[int | None] = _ref("fob_point")
    residential_delivery: Mapped[bool] = mapped_column(default=False)
    saturday_delivery: Mapped[bool] = mapped_column(default=False)
    insurance: Mapped[bool] = mapped_column(default=False)
    shipping_rule: Mapped[ShippingRule] = mapped_column(default=ShippingRule.BACK_ORDERS_ALLOWED)
    order_priority: Mapped[int] = mapped_column(default=0)
    lead_time_days: Mapped[int] = mapped_column(default=0)

    # General ledger accounts; a new location takes the default location's while ticked.
    same_as_default_location: Mapped[bool] = mapped_column(default=False)
    sales_account_id: Mapped[int | None] = _ref("gl_account")
    sales_sub_id: Mapped[int | None] = _ref("subaccount")
    sales_non_taxable_account_id: Mapped[int | None] = _ref("gl_account")
    sales_eu_account_id: Mapped[int | None] = _ref("gl_account")
    sales_export_account_id: Mapped[int | None] = _ref("gl_account")
    discount_account_id: Mapped[int | None] = _ref("gl_account")
    discount_sub_id: Mapped[int | None] = _ref("subaccount")
    freight_account_id: Mapped[int | None] = _ref("gl_account")
    freight_sub_id: Mapped[int | None] = _ref("subaccount")

    customer: Mapped[Customer] = relationship(back_populates="locations")
    address: Mapped[Address | None] = relationship()
    contact: Mapped[Contact | None] = relationship()
    # The customer's salespersons at this location (CR303010 Salespersons tab); the customer
    # owns them (Customer.salespersons), the database deletes them with the location.
    salespersons: Mapped[list[CustomerSalesperson]] = relationship(
        back_populates="location",
        cascade="save-update, merge",
        passive_deletes=True,
        order_by="CustomerSalesperson.id",
    )

    def __repr__(self) -> str:
        return f"Location({self.location_id!r})"


unique_regardless_of_case(Location.location_id, Location.customer_id)
