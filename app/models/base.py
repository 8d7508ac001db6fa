"""The declarative base, column templates and the exact decimal type every model uses."""

from __future__ import annotations

import enum
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from sqlalchemy import BigInteger, DateTime, Dialect, Index, MetaData, Numeric, String, event, func
from sqlalchemy import Enum as SqlEnum
from sqlalchemy.orm import (
    DeclarativeBase,
    InstrumentedAttribute,
    Mapped,
    declared_attr,
    mapped_column,
)
from sqlalchemy.types import TypeDecorator, TypeEngine

from app.money import ROUNDING, STORE_PLACES, as_decimal, quantum

# Stable constraint names, so Alembic's batch mode can rebuild SQLite tables reliably.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class ExactDecimal(TypeDecorator[Decimal]):
    """A decimal that is exact on every dialect.

    PostgreSQL has exact NUMERIC. SQLite would store NUMERIC as a float, so there the value is
    an integer count of 1/10**scale; ``SUM()`` over integers stays exact, and because SQL
    functions keep their argument's type, the sum comes back as a Decimal too.
    """

    impl = BigInteger
    cache_ok = True

    def __init__(self, scale: int = STORE_PLACES) -> None:
        super().__init__()
        self.scale = scale
        self.quantum = quantum(scale)  # made once: every amount read or written uses it
        # What fits both NUMERIC(19, scale) and SQLite's 64-bit integer of 1/10**scale.
        self.limit = min(Decimal(2**63 - 1).scaleb(-scale), Decimal(10) ** (19 - scale))

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        if dialect.name == "postgresql":
            return dialect.type_descriptor(Numeric(19, self.scale, asdecimal=True))
        return dialect.type_descriptor(BigInteger())

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        amount = as_decimal(value)
        try:
            exact = amount.quantize(self.quantum, rounding=ROUNDING)
        except InvalidOperation:  # more digits than a decimal holds: far beyond the limit too
            exact = amount
        if abs(exact) > self.limit:
            # SQLite integers are 64-bit: refuse clearly rather than overflow in the driver.
            raise ValueError(
                f"{exact:f} is beyond the largest amount the ledger stores ({self.limit})."
            )
        if dialect.name == "postgresql":
            return exact
        return int(exact.scaleb(self.scale))

    def process_result_value(self, value: Any, dialect: Dialect) -> Decimal | None:
        if value is None:
            return None
        if dialect.name == "postgresql":
            return Decimal(value).quantize(self.quantum)
        return Decimal(int(value)).scaleb(-self.scale).quantize(self.quantum)


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class OptionEnum(enum.Enum):
    """An option list: the member name is stored, the value is the label the seed spells."""

    @property
    def label(self) -> str:
        return str(self.value)

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        return [(member.name, member.label) for member in cls]


# Column templates: one declaration of each recurring kind of column.
money = Annotated[Decimal, mapped_column(ExactDecimal(STORE_PLACES))]
percent = Annotated[Decimal, mapped_column(ExactDecimal(STORE_PLACES))]
code10 = Annotated[str, mapped_column(String(10))]
code30 = Annotated[str, mapped_column(String(30))]
text50 = Annotated[str, mapped_column(String(50))]
text255 = Annotated[str, mapped_column(String(255))]


def unique_regardless_of_case(
    code: InstrumentedAttribute[str], *within: InstrumentedAttribute[Any]
) -> Index:
    """Declare that no two records hold ``code`` in letters differing only in case (``abc1``
    and ``ABC1``), within the same ``within`` values if given (a location ID per customer):
    a unique index on ``lower(code)`` (DESIGN §3).

    ``lower()`` rather than the store's ``casefold()``: the index must work in any SQLite tool
    and on PostgreSQL, without the app's own SQL functions. It folds ASCII only on SQLite, which
    is every letter a code may hold (the code rules, app/ledger/reference.py). SQLite cannot
    reflect such an index, so Alembic's autogenerate does not see it: a revision creates it by
    hand, and ``model_changes`` compares it (app/models/migrations).
    """
    table = code.class_.__tablename__
    return Index(
        f"uq_{table}_lower_{code.key}",
        *within,
        func.lower(code),
        unique=True,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy reads it as declared here
        # Option lists are stored by member name in a plain string column: portable, and a new
        # option needs no ALTER TYPE on PostgreSQL.
        enum.Enum: SqlEnum(enum.Enum, native_enum=False, length=40, validate_strings=True),
        datetime: DateTime(),
    }


@event.listens_for(Base, "before_configured")
def _import_every_model(_registry: Any) -> None:
    """Mappers are configured with every model imported, so a relationship named by a string
    resolves even where only one model module was imported (app.models imports them lazily)."""
    from app.models import load_all

    load_all()


class MasterRecord:
    """Surrogate key, created/modified timestamps and a version for optimistic concurrency.

    A stale save (someone saved the record since it was read) raises StaleDataError instead of
    silently overwriting.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    modified_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]
