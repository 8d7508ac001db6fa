"""currency rates (CM301000) and the rate a document is entered at (issue 13)

``currency_rate``: one unit of a currency in another by a rate type from an effective date.
``ar_document.currency_rate`` / ``rate_type_id``: the rate a document in another currency than
the base one was entered at (empty for the base currency). Existing documents get none: no rate
was kept when they were entered, so they keep counting as they did (their amounts as they are)
until they are closed — a rate is not guessed after the fact; ``ar_application.realised_gain_loss``: what applying two such documents entered at
different rates gained or lost in the base currency (zero for existing applications).

Revision ID: 0016
Revises: 0015
Create Date: 2026-11-30 08:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.models.base import ExactDecimal

# revision identifiers, used by Alembic.
revision: str = "0016"
down_revision: str | Sequence[str] | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "currency_rate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("currency_id", sa.Integer(), nullable=False),
        sa.Column("rate_type_id", sa.Integer(), nullable=False),
        sa.Column("to_currency_id", sa.Integer(), nullable=False),
        sa.Column("effective_date", sa.Date(), nullable=False),
        sa.Column("rate", ExactDecimal(8), nullable=False),
        sa.ForeignKeyConstraint(
            ["currency_id"],
            ["currency.id"],
            name=op.f("fk_currency_rate_currency_id_currency"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["rate_type_id"], ["rate_type.id"], name=op.f("fk_currency_rate_rate_type_id_rate_type")
        ),
        sa.ForeignKeyConstraint(
            ["to_currency_id"],
            ["currency.id"],
            name=op.f("fk_currency_rate_to_currency_id_currency"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_currency_rate")),
        sa.UniqueConstraint(
            "currency_id",
            "rate_type_id",
            "to_currency_id",
            "effective_date",
            name=op.f("uq_currency_rate_currency_id"),
        ),
    )
    with op.batch_alter_table("ar_document", schema=None) as batch_op:
        batch_op.add_column(sa.Column("currency_rate", ExactDecimal(8), nullable=True))
        batch_op.add_column(sa.Column("rate_type_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_ar_document_rate_type_id_rate_type"), "rate_type", ["rate_type_id"], ["id"]
        )
    with op.batch_alter_table("ar_application", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("realised_gain_loss", ExactDecimal(4), server_default="0", nullable=False)
        )


def downgrade() -> None:
    with op.batch_alter_table("ar_application", schema=None) as batch_op:
        batch_op.drop_column("realised_gain_loss")
    with op.batch_alter_table("ar_document", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_ar_document_rate_type_id_rate_type"), type_="foreignkey"
        )
        batch_op.drop_column("rate_type_id")
        batch_op.drop_column("currency_rate")
    op.drop_table("currency_rate")
