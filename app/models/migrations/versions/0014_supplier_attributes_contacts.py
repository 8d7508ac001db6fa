"""supplier attributes and contact persons (issue 15)

``supplier_attribute``: the supplier's values of attributes (its Attributes tab), taken from
the customer on Extend to supplier. A new table: existing suppliers start with none.

``contact_person.supplier_id``: the contact persons of a business account without a customer
are its supplier's (a customer-and-supplier account's stay its customer's). Existing contacts
are customers' (NULL). contact_person has no lower(code) index for the batch rebuild to lose.

Revision ID: 0014
Revises: 0013
Create Date: 2026-11-30 04:45:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0014"
down_revision: str | Sequence[str] | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "supplier_attribute",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("supplier_id", sa.Integer(), nullable=False),
        sa.Column("attribute_id", sa.Integer(), nullable=False),
        sa.Column("value", sa.String(length=255), nullable=True),
        sa.ForeignKeyConstraint(
            ["attribute_id"],
            ["attribute.id"],
            name=op.f("fk_supplier_attribute_attribute_id_attribute"),
        ),
        sa.ForeignKeyConstraint(
            ["supplier_id"],
            ["supplier.id"],
            name=op.f("fk_supplier_attribute_supplier_id_supplier"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supplier_attribute")),
        sa.UniqueConstraint(
            "supplier_id", "attribute_id", name=op.f("uq_supplier_attribute_supplier_id")
        ),
    )
    with op.batch_alter_table("supplier_attribute", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_supplier_attribute_attribute_id"), ["attribute_id"], unique=False
        )
    with op.batch_alter_table("contact_person", schema=None) as batch_op:
        batch_op.add_column(sa.Column("supplier_id", sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_contact_person_supplier_id"), ["supplier_id"], unique=False
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_contact_person_supplier_id_supplier"),
            "supplier",
            ["supplier_id"],
            ["id"],
            ondelete="CASCADE",
        )


def downgrade() -> None:
    with op.batch_alter_table("contact_person", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_contact_person_supplier_id_supplier"), type_="foreignkey"
        )
        batch_op.drop_index(batch_op.f("ix_contact_person_supplier_id"))
        batch_op.drop_column("supplier_id")
    with op.batch_alter_table("supplier_attribute", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_supplier_attribute_attribute_id"))
    op.drop_table("supplier_attribute")
