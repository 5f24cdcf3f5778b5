"""Drop the (name_key, birth_year) index of citizens: duplicate checks find people through
(name_key, id) and filter the few rows of one name by birth year, and every import paid for
the extra index (about 0.3 s per 100,000 rows, bench/citizens.py).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("citizens", schema=None) as batch_op:
        batch_op.drop_index("ix_citizens_name_key_birth_year")


def downgrade() -> None:
    with op.batch_alter_table("citizens", schema=None) as batch_op:
        batch_op.create_index("ix_citizens_name_key_birth_year", ["name_key", "birth_year"],
                              unique=False)
