"""The attachments' bytes in the database, for an office server (issue 20): the PCs of one
office share the server, not a folder, so a 민원's scanned letter must live where every PC reads
it. One row per distinct file (by its SHA-256, like the files beside a SQLite database, which
stay where they are: on a file this table is empty).

And a 민원's period unit takes "months" (6 characters) on a server: 0005 made the column 5
long, which SQLite never enforced (so a file is left as it is: rebuilding the 민원 table for
a length SQLite ignores would cost minutes on a large file) and PostgreSQL does.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-08 05:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('attachment_contents',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.PrimaryKeyConstraint('sha256', name=op.f('pk_attachment_contents'))
    )
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column('complaints', 'period_unit', type_=sa.String(length=6),
                        existing_type=sa.String(length=5), existing_nullable=False)


def downgrade() -> None:
    op.drop_table('attachment_contents')
