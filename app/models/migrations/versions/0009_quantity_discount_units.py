"""Apply quantity discounts to: the product family's units of measure

The option list the seed lost was first completed as "Document line" / "Total item quantity";
the product family's options are units of measure, "Document line UOM" and "Base UOM". The
stored member names follow: DOCUMENT_LINE → DOCUMENT_LINE_UOM, ITEM_QUANTITY → BASE_UOM.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 02:30:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

RENAMED = {"DOCUMENT_LINE": "DOCUMENT_LINE_UOM", "ITEM_QUANTITY": "BASE_UOM"}
UPDATE = "UPDATE preferences SET apply_quantity_discounts_to = :new WHERE apply_quantity_discounts_to = :old"


def upgrade() -> None:
    for old, new in RENAMED.items():
        op.get_bind().execute(sa.text(UPDATE), {"old": old, "new": new})


def downgrade() -> None:
    for old, new in RENAMED.items():
        op.get_bind().execute(sa.text(UPDATE), {"old": new, "new": old})
