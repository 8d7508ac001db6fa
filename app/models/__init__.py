"""The store: every mapped class, imported here so the metadata is complete."""

from app.models.base import Base
from app.models.customer import Customer, CustomerStatus
from app.models.customer_class import CustomerClass
from app.models.location import MAIN_LOCATION_ID, Location
from app.models.preferences import PREFERENCES_ID, DunningLevel, Preferences

__all__ = [
    "MAIN_LOCATION_ID",
    "PREFERENCES_ID",
    "Base",
    "Customer",
    "CustomerClass",
    "CustomerStatus",
    "DunningLevel",
    "Location",
    "Preferences",
]
