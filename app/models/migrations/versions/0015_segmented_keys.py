"""the SUBACCOUNT segmented key (CS202000, issue 17)

``segmented_key`` and its ``key_segment`` rows: the segments (number, description, length) of
the subaccount's ID, which give a subaccount ID its form and Combine sales sub. from (AR101000)
its number of source letters. An existing database gets the key with ONE segment as long as its
longest subaccount ID (3, the "000" of a new company, when it has none), so the IDs it holds keep
fitting; its lower(key_id) index is created by hand, as in 0003.

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-30 05:50:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0015"
down_revision: str | Sequence[str] | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

DEFAULT_LENGTH = 3  # the "000" subaccount of a new company


def upgrade() -> None:
    op.create_table(
        "segmented_key",
        sa.Column("key_id", sa.String(length=10), nullable=False),
        sa.Column("description", sa.String(length=255), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("modified_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_segmented_key")),
        sa.UniqueConstraint("key_id", name=op.f("uq_segmented_key_key_id")),
    )
    with op.batch_alter_table("segmented_key", schema=None) as batch_op:
        batch_op.create_index(
            "uq_segmented_key_lower_key_id", [sa.text("lower(key_id)")], unique=True
        )
    op.create_table(
        "key_segment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("segmented_key_id", sa.Integer(), nullable=False),
        sa.Column("segment_number", sa.Integer(), nullable=False),
        sa.Column("description", sa.String(length=50), nullable=True),
        sa.Column("length", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["segmented_key_id"],
            ["segmented_key.id"],
            name=op.f("fk_key_segment_segmented_key_id_segmented_key"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_key_segment")),
    )
    _insert_the_subaccount_key()


def _insert_the_subaccount_key() -> None:
    # Plain SQL, so the revision also renders offline (--sql) for PostgreSQL.
    op.execute(
        "INSERT INTO segmented_key (key_id, description, created_at, modified_at, version) "
        "VALUES ('SUBACCOUNT', 'Subaccount', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 1)"
    )
    op.execute(
        "INSERT INTO key_segment (segmented_key_id, segment_number, description, length) "
        "SELECT id, 1, 'Subaccount', "
        f"COALESCE((SELECT max(length(subaccount_id)) FROM subaccount), {DEFAULT_LENGTH}) "
        "FROM segmented_key WHERE key_id = 'SUBACCOUNT'"
    )


def downgrade() -> None:
    op.drop_table("key_segment")
    with op.batch_alter_table("segmented_key", schema=None) as batch_op:
        batch_op.drop_index("uq_segmented_key_lower_key_id")
    op.drop_table("segmented_key")
