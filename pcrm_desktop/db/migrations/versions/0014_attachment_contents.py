"""The attachments' bytes in the database, for an office server (issue 20): the PCs of one
office share the server, not a folder, so a 민원's scanned letter must live where every PC reads
it. One row per distinct file (by its SHA-256, like the files beside a SQLite database, which
stay where they are: on a file this table is empty).

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


def downgrade() -> None:
    op.drop_table('attachment_contents')
