"""Activities: the tasks, events, e-mails and other activities logged against a customer
(AR303000's Activities tab)

A new table; nothing existing changes. Activities go with their customer (ON DELETE CASCADE);
an employee who owns activities is in use.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30 04:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ACTIVITY_TYPES = ("TASK", "EVENT", "EMAIL", "NOTE", "PHONE_CALL", "MEETING", "CHAT", "WORK_ITEM")
ACTIVITY_STATUSES = ("OPEN", "IN_PROCESS", "COMPLETED", "CANCELLED")


def upgrade() -> None:
    op.create_table(
        "activity",
        sa.Column("customer_id", sa.Integer(), nullable=False),
        sa.Column(
            "activity_type",
            sa.Enum(*ACTIVITY_TYPES, name="activitytype", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column("summary", sa.String(length=255), nullable=False),
        sa.Column(
            "status",
            sa.Enum(*ACTIVITY_STATUSES, name="activitystatus", native_enum=False, length=40),
            nullable=False,
        ),
        sa.Column("start_at", sa.DateTime(), nullable=False),
        sa.Column("end_at", sa.DateTime(), nullable=True),
        sa.Column("time_spent", sa.Integer(), nullable=False),
        sa.Column("work_group", sa.String(length=50), nullable=True),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("released", sa.Boolean(), nullable=False),
        sa.Column("body", sa.Text(), nullable=True),
        sa.Column("email_to", sa.String(length=255), nullable=True),
        sa.Column("email_subject", sa.String(length=255), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("modified_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["customer_id"],
            ["customer.id"],
            name=op.f("fk_activity_customer_id_customer"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["employee.id"], name=op.f("fk_activity_owner_id_employee")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_activity")),
    )
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.create_index(
            "ix_activity_customer_start", ["customer_id", "start_at"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_activity_owner_id"), ["owner_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activity_owner_id"))
        batch_op.drop_index("ix_activity_customer_start")
    op.drop_table("activity")
