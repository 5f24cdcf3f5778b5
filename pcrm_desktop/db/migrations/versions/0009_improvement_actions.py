"""개선과제: improvement actions created from an analysis figure (its key, metric and value at
creation kept), with owner, due date, planned measure and status, and the same figure after.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-27 15:20:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('improvement_actions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('measure', sa.Text(), server_default='', nullable=False),
    sa.Column('figure_key', sa.String(length=100), nullable=False),
    sa.Column('metric', sa.String(length=20), nullable=False),
    sa.Column('figure_label', sa.String(length=200), nullable=False),
    sa.Column('baseline_first', sa.Date(), nullable=False),
    sa.Column('baseline_last', sa.Date(), nullable=False),
    sa.Column('baseline_value', sa.Float(), nullable=True),
    sa.Column('baseline_n', sa.Integer(), server_default='0', nullable=False),
    sa.Column('baseline_low', sa.Float(), nullable=True),
    sa.Column('baseline_high', sa.Float(), nullable=True),
    sa.Column('owner_id', sa.Integer(), nullable=True),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=12), server_default='planned', nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=50), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('after_first', sa.Date(), nullable=True),
    sa.Column('after_last', sa.Date(), nullable=True),
    sa.Column('after_value', sa.Float(), nullable=True),
    sa.Column('after_n', sa.Integer(), nullable=True),
    sa.Column('after_low', sa.Float(), nullable=True),
    sa.Column('after_high', sa.Float(), nullable=True),
    sa.Column('after_significant', sa.Boolean(), nullable=True),
    sa.Column('evaluation', sa.Text(), server_default='', nullable=False),
    sa.CheckConstraint("status IN ('planned', 'in_progress', 'done', 'evaluated', 'dropped')",
                       name=op.f('ck_improvement_actions_status')),
    sa.ForeignKeyConstraint(['owner_id'], ['staff.id'], name=op.f('fk_improvement_actions_owner_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_improvement_actions'))
    )
    with op.batch_alter_table('improvement_actions', schema=None) as batch_op:
        batch_op.create_index('ix_improvement_actions_status_due', ['status', 'due_on'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('improvement_actions', schema=None) as batch_op:
        batch_op.drop_index('ix_improvement_actions_status_due')
    op.drop_table('improvement_actions')
