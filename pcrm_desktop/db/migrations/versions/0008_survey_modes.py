"""Survey modes: office-wide settings (the kiosk's survey and staff PIN, the phone survey),
the number written on a paper form, and the callback a manager owes after a low score.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-27 14:40:00
"""
import sqlalchemy as sa
from alembic import op


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('office_settings',
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_office_settings'))
    )
    with op.batch_alter_table('survey_responses', schema=None) as batch_op:
        batch_op.add_column(sa.Column('form_no', sa.String(length=20), nullable=True))
    op.create_table('survey_callbacks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('response_id', sa.Integer(), nullable=False),
    sa.Column('complaint_id', sa.Integer(), nullable=True),
    sa.Column('reason', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('done_at', sa.DateTime(), nullable=True),
    sa.Column('done_by', sa.String(length=50), nullable=True),
    sa.Column('note', sa.Text(), server_default='', nullable=False),
    sa.ForeignKeyConstraint(['complaint_id'], ['complaints.id'], name=op.f('fk_survey_callbacks_complaint_id_complaints')),
    sa.ForeignKeyConstraint(['response_id'], ['survey_responses.id'], name=op.f('fk_survey_callbacks_response_id_survey_responses'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_callbacks')),
    sa.UniqueConstraint('response_id', name=op.f('uq_survey_callbacks_response_id'))
    )
    with op.batch_alter_table('survey_callbacks', schema=None) as batch_op:
        batch_op.create_index('ix_survey_callbacks_open', ['done_at', 'created_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('survey_callbacks', schema=None) as batch_op:
        batch_op.drop_index('ix_survey_callbacks_open')
    op.drop_table('survey_callbacks')
    with op.batch_alter_table('survey_responses', schema=None) as batch_op:
        batch_op.drop_column('form_no')
    op.drop_table('office_settings')
