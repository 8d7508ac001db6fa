"""the main location marked in the store

``location.is_main`` marks the location a customer's first save made, so it is protected by the
mark rather than by its ID (which may be a branch's). Existing customers get it on their
location with ID MAIN (regardless of case), else on their default location, else on their
first location.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# One location per customer: MAIN first, then the default one, then the oldest.
BACKFILL = """
UPDATE location SET is_main = :true WHERE id IN (
    SELECT (
        SELECT l.id FROM location AS l
        WHERE l.customer_id = c.customer_id
        ORDER BY CASE WHEN lower(l.location_id) = 'main' THEN 0 ELSE 1 END,
                 CASE WHEN l.is_default = :true THEN 0 ELSE 1 END,
                 l.id
        LIMIT 1
    )
    FROM (SELECT DISTINCT customer_id FROM location) AS c
)
"""


# 0003's index on lower(location_id): a batch rebuild of the table (SQLite) loses it, as
# app/models/migrations says, so the revision creates it again.
LOWER_LOCATION_ID = "uq_location_lower_location_id"


def _lower_location_id_again() -> None:
    with op.batch_alter_table("location", schema=None) as batch_op:
        batch_op.drop_index(LOWER_LOCATION_ID, if_exists=True)
        batch_op.create_index(
            LOWER_LOCATION_ID, ["customer_id", sa.text("lower(location_id)")], unique=True
        )


def upgrade() -> None:
    with op.batch_alter_table("location", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("is_main", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    _lower_location_id_again()
    op.get_bind().execute(sa.text(BACKFILL), {"true": True})


def downgrade() -> None:
    with op.batch_alter_table("location", schema=None) as batch_op:
        batch_op.drop_column("is_main")
    _lower_location_id_again()
