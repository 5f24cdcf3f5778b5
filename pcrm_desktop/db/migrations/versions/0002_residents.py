"""Residents: citizens, phones, two-character search index, full-text index, customer groups
(seeded), consents, interactions.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""
import sqlalchemy as sa
from alembic import op

# The customer groups every office starts with (DOMAIN.md §1); editable afterwards.
SEED_GROUPS = [
    ("SENIOR", "어르신(65+)", "derived", 65, None),
    ("YOUTH", "청년(19–34)", "derived", 19, 34),
    ("DISABLED", "장애인", "assigned", None, None),
    ("MULTICULTURAL", "다문화가족", "assigned", None, None),
    ("BASIC_LIVING", "기초생활수급자", "assigned", None, None),
    ("SINGLE_PARENT", "한부모가족", "assigned", None, None),
    ("FOREIGN", "외국인 주민", "assigned", None, None),
    ("SMALL_BUSINESS", "소상공인", "assigned", None, None),
]


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('citizens',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('name_key', sa.String(length=50), nullable=False),
    sa.Column('birth_year', sa.Integer(), nullable=True),
    sa.Column('birth_date', sa.Date(), nullable=True),
    sa.Column('gender', sa.String(length=1), server_default='', nullable=False),
    sa.Column('email', sa.String(length=100), server_default='', nullable=False),
    sa.Column('road', sa.String(length=200), server_default='', nullable=False),
    sa.Column('address_detail', sa.String(length=100), server_default='', nullable=False),
    sa.Column('dong_code', sa.String(length=10), server_default='', nullable=False),
    sa.Column('dong_name', sa.String(length=30), server_default='', nullable=False),
    sa.Column('preferred_channel', sa.String(length=10), nullable=True),
    sa.Column('preferred_language', sa.String(length=5), server_default='ko', nullable=False),
    sa.Column('accessibility', sa.String(length=100), server_default='', nullable=False),
    sa.Column('memo', sa.Text(), server_default='', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_citizens')),
    sqlite_autoincrement=True,
    )
    with op.batch_alter_table('citizens', schema=None) as batch_op:
        batch_op.create_index('ix_citizens_name_key_birth_year', ['name_key', 'birth_year'], unique=False)
        batch_op.create_index('ix_citizens_name_key_id', ['name_key', 'id'], unique=False)
        batch_op.create_index('ix_citizens_updated_at_id', ['updated_at', 'id'], unique=False)

    op.create_table('customer_groups',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=30), nullable=False),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('min_age', sa.Integer(), nullable=True),
    sa.Column('max_age', sa.Integer(), nullable=True),
    sa.Column('rule', sa.Text(), server_default='', nullable=False),
    sa.Column('builtin', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('active', sa.Boolean(), server_default='1', nullable=False),
    sa.CheckConstraint("kind IN ('derived', 'assigned', 'smart')", name=op.f('ck_customer_groups_kind')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_customer_groups')),
    sa.UniqueConstraint('code', name=op.f('uq_customer_groups_code'))
    )
    op.create_table('citizen_grams',
    sa.Column('gram', sa.String(length=2), nullable=False),
    sa.Column('citizen_id', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('gram', 'citizen_id', name=op.f('pk_citizen_grams')),
    sqlite_with_rowid=False
    )
    op.create_table('citizen_groups',
    sa.Column('citizen_id', sa.Integer(), nullable=False),
    sa.Column('group_id', sa.Integer(), nullable=False),
    sa.Column('since', sa.Date(), nullable=False),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'],
                            name=op.f('fk_citizen_groups_citizen_id_citizens'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['group_id'], ['customer_groups.id'],
                            name=op.f('fk_citizen_groups_group_id_customer_groups')),
    sa.PrimaryKeyConstraint('citizen_id', 'group_id', name=op.f('pk_citizen_groups'))
    )
    with op.batch_alter_table('citizen_groups', schema=None) as batch_op:
        batch_op.create_index('ix_citizen_groups_group_id', ['group_id'], unique=False)

    op.create_table('citizen_phones',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('citizen_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('digits', sa.String(length=15), nullable=False),
    sa.Column('tail4', sa.String(length=4), nullable=False),
    sa.Column('position', sa.Integer(), server_default='0', nullable=False),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'],
                            name=op.f('fk_citizen_phones_citizen_id_citizens'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_citizen_phones'))
    )
    with op.batch_alter_table('citizen_phones', schema=None) as batch_op:
        batch_op.create_index('ix_citizen_phones_citizen_id', ['citizen_id'], unique=False)
        batch_op.create_index('ix_citizen_phones_digits', ['digits'], unique=False)
        batch_op.create_index('ix_citizen_phones_tail4', ['tail4'], unique=False)

    op.create_table('consents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('citizen_id', sa.Integer(), nullable=False),
    sa.Column('purpose', sa.String(length=200), nullable=False),
    sa.Column('items', sa.String(length=200), nullable=False),
    sa.Column('given_on', sa.Date(), nullable=False),
    sa.Column('retention_until', sa.Date(), nullable=False),
    sa.Column('method', sa.String(length=20), nullable=False),
    sa.Column('withdrawn_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'],
                            name=op.f('fk_consents_citizen_id_citizens'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consents'))
    )
    with op.batch_alter_table('consents', schema=None) as batch_op:
        batch_op.create_index('ix_consents_citizen_id', ['citizen_id'], unique=False)

    op.create_table('interactions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('citizen_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('channel', sa.String(length=10), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'],
                            name=op.f('fk_interactions_citizen_id_citizens'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_interactions_staff_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interactions'))
    )
    with op.batch_alter_table('interactions', schema=None) as batch_op:
        batch_op.create_index('ix_interactions_citizen_id_at', ['citizen_id', 'at'], unique=False)

    # Address and phone-digit substrings of three or more characters (SQLite FTS5 trigram; on
    # a PostgreSQL server a plain table with pg_trgm GIN indexes, searched with LIKE).
    # rowid = citizens.id; kept current by the citizen repository.
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute("CREATE TABLE citizen_fts (rowid BIGINT PRIMARY KEY, address TEXT NOT NULL,"
                   " phones TEXT NOT NULL)")
        op.execute("CREATE INDEX ix_citizen_fts_address ON citizen_fts"
                   " USING gin (address gin_trgm_ops)")
        op.execute("CREATE INDEX ix_citizen_fts_phones ON citizen_fts"
                   " USING gin (phones gin_trgm_ops)")
    else:
        op.execute("CREATE VIRTUAL TABLE citizen_fts USING fts5(address, phones, "
                   "tokenize='trigram')")
    groups = sa.table("customer_groups", sa.column("code"), sa.column("name"), sa.column("kind"),
                      sa.column("min_age"), sa.column("max_age"), sa.column("builtin"))
    op.bulk_insert(groups, [dict(code=c, name=n, kind=k, min_age=lo, max_age=hi, builtin=True)
                            for c, n, k, lo, hi in SEED_GROUPS])


def downgrade() -> None:
    op.execute("DROP TABLE citizen_fts")  # on a server its indexes go with it
    with op.batch_alter_table('interactions', schema=None) as batch_op:
        batch_op.drop_index('ix_interactions_citizen_id_at')

    op.drop_table('interactions')
    with op.batch_alter_table('consents', schema=None) as batch_op:
        batch_op.drop_index('ix_consents_citizen_id')

    op.drop_table('consents')
    with op.batch_alter_table('citizen_phones', schema=None) as batch_op:
        batch_op.drop_index('ix_citizen_phones_tail4')
        batch_op.drop_index('ix_citizen_phones_digits')
        batch_op.drop_index('ix_citizen_phones_citizen_id')

    op.drop_table('citizen_phones')
    with op.batch_alter_table('citizen_groups', schema=None) as batch_op:
        batch_op.drop_index('ix_citizen_groups_group_id')

    op.drop_table('citizen_groups')
    op.drop_table('citizen_grams')
    op.drop_table('customer_groups')
    with op.batch_alter_table('citizens', schema=None) as batch_op:
        batch_op.drop_index('ix_citizens_updated_at_id')
        batch_op.drop_index('ix_citizens_name_key_id')
        batch_op.drop_index('ix_citizens_name_key_birth_year')

    op.drop_table('citizens')
