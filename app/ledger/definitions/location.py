"""The customer location record (CR303010): what each of its fields means, and its on-change
rules.

The Location address and Location contact share the customer's main ones while Same as main is
ticked (app/ledger/same_as_main.py, rooted at the location); the GL accounts are the default
location's while Same as default location is ticked (app/ledger/locations.py ``accounts_of``).
"""

from __future__ import annotations

from collections.abc import Callable

from app.ledger.customer_salespersons import DEFAULT, SALESPERSONS
from app.ledger.definitions.parts import (
    SALESPERSON_CHOSEN,
    SALESPERSON_ID,
    SALESPERSON_NAME,
    commission_column,
    location_settings,
    section_fields,
)
from app.ledger.fields import Definition, Field, Grid, Kind, OnChange, Values
from app.ledger.locations import (
    ACCOUNT_KEYS,
    LOCATION_ID_PATTERN,
    LOCATION_SHARES,
    SAME_AS_DEFAULT,
    SUGGESTED_SALES_ACCOUNT,
    SUGGESTED_VAT_CATEGORY,
    LocationService,
)
from app.ledger.same_as_main import Share
from app.ledger.sources import (
    CUSTOMERS,
    GL_ACCOUNTS,
    SUBACCOUNTS,
    VAT_CATEGORIES,
)
from app.models import Location
from app.models.options import ExportType


def location_id_problem(value: object) -> str | None:
    """A location ID is letters and digits (LOCATION_ID_PATTERN)."""
    if isinstance(value, str) and not LOCATION_ID_PATTERN.match(value):
        return "use letters and digits only (A–Z, 0–9)."
    return None


def _not(key: str) -> Callable[[Values], bool]:
    return lambda values: not values.get(key)


def share_of(section: str) -> Share:
    return next(share for share in LOCATION_SHARES if share.section == section)


def section_keys(section: str) -> tuple[str, ...]:
    """An address or contact section's keys in the seed's order, Same as main first."""
    share = share_of(section)
    return (share.flag, *share.field_keys())


def _section_fields(share: Share) -> tuple[Field, ...]:
    # Greyed out while shared: the main address or contact is edited on AR303000.
    return section_fields(share.section, share.attr, share.parts, share)


def _account(key: str, label: str, *, required: bool = False) -> Field:
    source = SUBACCOUNTS if key.endswith("_sub") else GL_ACCOUNTS
    return Field(
        key,
        label,
        Kind.LOOKUP,
        attr=f"{key}_id",
        lookup=source,
        required=required,
        # While the location uses the default location's accounts they are shown, not edited.
        enabled_when=_not(SAME_AS_DEFAULT),
    )


def _not_the_default(values: Values) -> bool:
    # The default location's accounts are its own: it cannot share them with itself.
    return not values.get("is_default")


FIELDS: tuple[Field, ...] = (
    Field("customer", "Customer", Kind.LOOKUP, attr="customer_id", required=True, lookup=CUSTOMERS),
    Field(
        "location_id", "Location ID", Kind.TEXT, required=True, validators=(location_id_problem,)
    ),
    Field("location_name", "Location name", Kind.TEXT),
    Field("active", "Active", Kind.CHECKBOX),
    Field("is_default", "Is default", Kind.CHECKBOX, read_only=True),
    *(spec for share in LOCATION_SHARES for spec in _section_fields(share)),
    # Location settings and shipping instructions, as the customer's Delivery settings show
    # its default location's
    *(spec for spec in location_settings() if spec.key != "location_name"),
    Field("export_type", "Export type", Kind.OPTION, options=ExportType, required=True),
    # General ledger accounts
    Field(
        SAME_AS_DEFAULT,
        "Same as default location",
        Kind.CHECKBOX,
        enabled_when=_not_the_default,
    ),
    # Required as on AR303000: a location may become the default, whose accounts it needs.
    _account("sales_account", "Sales account", required=True),
    _account("sales_sub", "Sales sub.", required=True),
    _account("sales_non_taxable_account", "Sales - non-taxable account"),
    _account("sales_eu_account", "Sales - EU account"),
    _account("sales_export_account", "Sales - export account"),
    _account("discount_account", "Discount account"),
    _account("discount_sub", "Discount sub."),
    _account("freight_account", "Freight account"),
    _account("freight_sub", "Freight sub."),
    # What the export type implies on a document line (app/ledger/locations.py ``suggested``).
    Field(
        SUGGESTED_SALES_ACCOUNT,
        "Suggested sales account",
        Kind.LOOKUP,
        lookup=GL_ACCOUNTS,
        read_only=True,
        help="The sales account documents of this location get, by its export type.",
    ),
    Field(
        SUGGESTED_VAT_CATEGORY,
        "Suggested VAT category",
        Kind.LOOKUP,
        lookup=VAT_CATEGORIES,
        read_only=True,
        help="The VAT category documents of this location get, by its export type.",
    ),
)


# -- on-change rules -----------------------------------------------------------------------------


def _mirrored(share: Share) -> OnChange:
    """Ticking Same as main shows the customer's main address (or contact) again."""

    def rule(values: Values, service: LocationService) -> dict[str, object] | None:
        if not values.get(share.flag):
            return None
        return service.main_values(values.get("customer"), share)

    return OnChange(share.flag, ("customer",), rule)


def _default_accounts(values: Values, service: LocationService) -> dict[str, object] | None:
    """Ticking Same as default location shows the default location's accounts."""
    if not values.get(SAME_AS_DEFAULT):
        return None
    return service.default_accounts(values.get("customer"))


def _suggested(values: Values, service: LocationService) -> dict[str, object]:
    return service.suggested_values(values)


ON_CHANGE: tuple[OnChange, ...] = (
    *(_mirrored(share) for share in LOCATION_SHARES),
    OnChange(SAME_AS_DEFAULT, ("customer",), _default_accounts),
    *(
        OnChange(key, ("export_type", *ACCOUNT_KEYS), _suggested)
        for key in ("export_type", *ACCOUNT_KEYS)
    ),
)

# The customer's salespersons at this location: the rows of AR303000's Salespersons tab whose
# Location ID is this one, edited here too (one default per customer, whichever screen).
GRIDS = (
    Grid(
        "Salespersons",
        SALESPERSONS,
        (
            SALESPERSON_ID,
            SALESPERSON_NAME,
            commission_column(" at this location"),
            Field(
                DEFAULT,
                "Default",
                Kind.CHECKBOX,
                help="The customer's default salesperson (one per customer: ticking it here "
                "takes the mark from a salesperson at another location).",
            ),
        ),
        help="The customer's salespersons at this location (all of them are on the Salespersons "
        "tab of Customers, AR303000).",
        on_change=(SALESPERSON_CHOSEN,),
        single_mark=DEFAULT,
    ),
)

LOCATION = Definition("location", Location, FIELDS, GRIDS, on_change=ON_CHANGE)
