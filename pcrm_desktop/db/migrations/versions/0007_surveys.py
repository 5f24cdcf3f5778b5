"""만족도 조사: surveys, their frozen questionnaire versions, responses with one row per
answered item, and links to 민원 or residents kept apart from the answers.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-27 13:48:11.750571
"""
import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('surveys',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=30), nullable=False),
    sa.Column('title', sa.String(length=100), nullable=False),
    sa.Column('linked', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('active', sa.Boolean(), server_default='1', nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_surveys')),
    sa.UniqueConstraint('code', name=op.f('uq_surveys_code'))
    )
    op.create_table('survey_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('survey_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('definition', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('frozen_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['survey_id'], ['surveys.id'], name=op.f('fk_survey_versions_survey_id_surveys')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_versions')),
    sa.UniqueConstraint('survey_id', 'version', name=op.f('uq_survey_versions_survey_id'))
    )
    op.create_table('survey_responses',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('mode', sa.String(length=10), nullable=False),
    sa.Column('submitted_at', sa.DateTime(), nullable=False),
    sa.Column('seconds', sa.Integer(), nullable=True),
    sa.Column('flags', sa.String(length=50), server_default='', nullable=False),
    sa.CheckConstraint("mode IN ('kiosk', 'phone', 'paper', 'import')", name=op.f('ck_survey_responses_mode')),
    sa.ForeignKeyConstraint(['version_id'], ['survey_versions.id'],
                            name=op.f('fk_survey_responses_version_id_survey_versions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_responses'))
    )
    with op.batch_alter_table('survey_responses', schema=None) as batch_op:
        batch_op.create_index('ix_survey_responses_version_submitted', ['version_id', 'submitted_at'], unique=False)

    op.create_table('survey_answers',
    sa.Column('response_id', sa.Integer(), nullable=False),
    sa.Column('item', sa.String(length=40), nullable=False),
    sa.Column('value_num', sa.Float(), nullable=True),
    sa.Column('value_text', sa.Text(), nullable=True),
    sa.Column('na', sa.Boolean(), server_default='0', nullable=False),
    sa.ForeignKeyConstraint(['response_id'], ['survey_responses.id'],
                            name=op.f('fk_survey_answers_response_id_survey_responses'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('response_id', 'item', name=op.f('pk_survey_answers')),
    sqlite_with_rowid=False
    )
    op.create_table('survey_links',
    sa.Column('response_id', sa.Integer(), nullable=False),
    sa.Column('complaint_id', sa.Integer(), nullable=True),
    sa.Column('citizen_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'], name=op.f('fk_survey_links_citizen_id_citizens')),
    sa.ForeignKeyConstraint(['complaint_id'], ['complaints.id'], name=op.f('fk_survey_links_complaint_id_complaints')),
    sa.ForeignKeyConstraint(['response_id'], ['survey_responses.id'],
                            name=op.f('fk_survey_links_response_id_survey_responses'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('response_id', name=op.f('pk_survey_links'))
    )
    with op.batch_alter_table('survey_links', schema=None) as batch_op:
        batch_op.create_index('ix_survey_links_citizen', ['citizen_id'], unique=False)
        batch_op.create_index('ix_survey_links_complaint', ['complaint_id'], unique=False)



def downgrade() -> None:
    for table in ("survey_links", "survey_answers", "survey_responses", "survey_versions",
                  "surveys"):
        if table == "survey_links":
            with op.batch_alter_table(table, schema=None) as batch_op:
                batch_op.drop_index("ix_survey_links_citizen")
                batch_op.drop_index("ix_survey_links_complaint")
        if table == "survey_responses":
            with op.batch_alter_table(table, schema=None) as batch_op:
                batch_op.drop_index("ix_survey_responses_version_submitted")
        op.drop_table(table)
