"""A period unit for the 민원 types and categories (issue 18): a period may be set in weeks,
months or years, counted by the calendar (민원 처리에 관한 법률 제19조③). Every row there is
gets 'days', so a period set before keeps its meaning; period_days stays the number.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-10 10:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

TABLES = ("complaint_types", "complaint_categories")
UNITS = "period_unit IN ('days', 'weeks', 'months', 'years')"


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(sa.Column('period_unit', sa.String(length=6),
                                          server_default='days', nullable=False))
            batch_op.create_check_constraint(op.f(f'ck_{table}_period_unit'), UNITS)


def downgrade() -> None:
    # a period set in weeks, months or years has no meaning in days: no period of its own
    for table in TABLES:
        op.execute(f"UPDATE {table} SET period_days = NULL WHERE period_unit != 'days'")
    for table in TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_constraint(op.f(f'ck_{table}_period_unit'), type_='check')
            batch_op.drop_column('period_unit')
