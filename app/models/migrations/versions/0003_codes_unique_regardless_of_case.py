"""codes unique regardless of case

Every code a user identifies a record by gets a unique index on lower(code): customer numbers,
customer class IDs, location IDs within their customer, the CID configuration ID and the code
of every reference table. Written by hand: autogenerate cannot see indexes on an expression on
SQLite (app/models/migrations/__init__.py).

A database holding codes that differ only in case cannot take the indexes. ``refusal`` lists
them; start-up asks it before it backs up or writes anything and refuses the database untouched,
and ``upgrade`` refuses the same way when it is run otherwise.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 14:05:00.000000
"""

from collections.abc import Sequence
from dataclasses import dataclass

import sqlalchemy as sa
from alembic import context, op
from app.models.migrations import UpgradeRefusedError

# revision identifiers, used by Alembic.
revision: str = '0003'
down_revision: str | Sequence[str] | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


@dataclass(frozen=True)
class Code:
    """A code column, unique regardless of case; within an owner when ``owner`` is given:
    (this table's column referring to the owner, the owner's table, the owner's own code)."""

    table: str
    column: str
    owner: tuple[str, str, str] | None = None

    @property
    def index(self) -> str:
        return f'uq_{self.table}_lower_{self.column}'


# The codes as of this revision (the models declare them with unique_regardless_of_case).
CODES = (
    Code('attribute', 'attribute_id'),
    Code('branch', 'branch_id'),
    Code('carrier', 'carrier_id'),
    Code('cash_account', 'cash_account_id'),
    Code('cid_configuration', 'configuration_id'),
    Code('country', 'country_id'),
    Code('currency', 'currency_id'),
    Code('customer', 'customer_no'),
    Code('customer_class', 'class_id'),
    Code('email_account', 'email_account_id'),
    Code('employee', 'employee_id'),
    Code('fob_point', 'fob_point_id'),
    Code('gl_account', 'account'),
    Code('language', 'locale_id'),
    Code('location', 'location_id', ('customer_id', 'customer', 'customer_no')),
    Code('non_stock_item', 'item_id'),
    Code('notification_template', 'template_id'),
    Code('number_series', 'series_id'),
    Code('overdue_charge', 'overdue_charge_id'),
    Code('payment_method', 'payment_method_id'),
    Code('payment_terms', 'terms_id'),
    Code('price_class', 'price_class_id'),
    Code('rate_type', 'rate_type_id'),
    Code('reason_code', 'reason_code_id'),
    Code('report', 'report_id'),
    Code('report_text', 'report_text_id'),
    Code('restriction_group', 'group_id'),
    Code('salesperson', 'salesperson_id'),
    Code('shipping_terms', 'shipping_terms_id'),
    Code('shipping_zone', 'shipping_zone_id'),
    Code('statement_cycle', 'statement_cycle_id'),
    Code('subaccount', 'subaccount_id'),
    Code('vat_category', 'vat_category_id'),
    Code('vat_zone', 'vat_zone_id'),
    Code('warehouse', 'warehouse_id'),
)

# A refusal lists this many clashes and counts the rest.
SHOWN = 20


def clashes(connection: sa.Connection, code: Code) -> list[str]:
    """The codes of one column that differ only in case, one line per group of them:
    ``customer.customer_no: ABC1, abc1``, ``location.location_id of customer 10001: MAIN, main``."""
    columns = [code.column, *([code.owner[0]] if code.owner else [])]
    table = sa.table(code.table, *(sa.column(name) for name in columns))
    value = table.c[code.column]
    scope = [table.c[code.owner[0]]] if code.owner else []
    folded = sa.func.lower(value)
    twins = (
        sa.select(*scope, folded.label('folded'))
        .group_by(*scope, folded)
        .having(sa.func.count() > 1)
        .subquery()
    )
    joined = table.join(
        twins, sa.and_(folded == twins.c.folded, *(part == twins.c[part.name] for part in scope))
    )
    named: list[sa.ColumnClause[str]] = []  # the owner's code, to name it by
    if code.owner is not None:
        key, owner_table, owner_column = code.owner
        owner = sa.table(owner_table, sa.column('id'), sa.column(owner_column))
        joined = joined.join(owner, owner.c.id == table.c[key])
        named = [owner.c[owner_column]]
    rows = connection.execute(
        sa.select(*scope, *named, folded, value)
        .select_from(joined)
        .order_by(*scope, folded, value)
    ).all()
    # Rows of one group share their owner and their lower-cased code.
    groups: dict[tuple[object, ...], list[str]] = {}
    for *shared, clashing in rows:
        groups.setdefault(tuple(shared), []).append(str(clashing))
    lines = []
    for shared_by, codes in groups.items():
        of = f' of {code.owner[1]} {shared_by[-2]}' if code.owner is not None else ''
        lines.append(f'{code.table}.{code.column}{of}: {", ".join(codes)}')
    return lines


def refusal(connection: sa.Connection) -> str | None:
    """Why the database cannot take this revision: the codes that differ only in case."""
    found = [line for code in CODES for line in clashes(connection, code)]
    if not found:
        return None
    shown = '\n'.join(f'  {line}' for line in found[:SHOWN])
    more = f'\n  … and {len(found) - SHOWN} more' if len(found) > SHOWN else ''
    return (
        'This version keeps codes unique regardless of case, and the database holds codes that '
        f'differ only in case:\n{shown}{more}\n'
        'Give each of them a code that differs by more than case (Change ID gives a customer '
        'another number; a record no longer needed can be deleted).'
    )


def upgrade() -> None:
    # Writing the SQL for a server (--sql) reads no data to check.
    problem = None if context.is_offline_mode() else refusal(op.get_bind())
    if problem:
        raise UpgradeRefusedError(problem)
    for code in CODES:
        within = [code.owner[0]] if code.owner else []
        with op.batch_alter_table(code.table, schema=None) as batch_op:
            batch_op.create_index(
                code.index, [*within, sa.text(f'lower({code.column})')], unique=True
            )


def downgrade() -> None:
    for code in reversed(CODES):
        with op.batch_alter_table(code.table, schema=None) as batch_op:
            batch_op.drop_index(code.index)
