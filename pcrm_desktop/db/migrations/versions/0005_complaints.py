"""민원: cases, their events (history), links between repeats, 접수번호 counters per year and the
category tree, seeded with common district categories (editable).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-27
"""
import sqlalchemy as sa
from alembic import op

# (top level, [children]); a category's own period (days) may be set later
SEED_CATEGORIES = [
    ("도로·교통", ["도로 파손", "신호등·표지판", "보도·횡단보도", "대중교통"]),
    ("주차", ["불법주정차", "주차장", "거주자우선주차"]),
    ("환경·청소", ["쓰레기 무단투기", "생활폐기물 수거", "소음", "악취", "대기오염"]),
    ("건축·주택", ["불법건축물", "공동주택", "빈집", "공사장"]),
    ("복지", ["기초생활보장", "노인", "장애인", "아동·보육", "긴급지원"]),
    ("세무", ["지방세", "자동차세", "세외수입"]),
    ("제증명", ["주민등록", "인감", "가족관계", "민원서류 발급"]),
    ("민방위", ["민방위 교육", "비상대피시설"]),
    ("공원·녹지", ["공원 시설", "가로수", "놀이터"]),
    ("상하수도", ["누수", "하수구 막힘", "수도 요금"]),
    ("안전·재난", ["위험 시설", "제설", "침수"]),
    ("기타", []),
]


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('complaint_categories',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('name', sa.String(length=50), nullable=False),
    sa.Column('period_days', sa.Integer(), nullable=True),
    sa.Column('position', sa.Integer(), server_default='0', nullable=False),
    sa.Column('active', sa.Boolean(), server_default='1', nullable=False),
    sa.ForeignKeyConstraint(['parent_id'], ['complaint_categories.id'],
                            name=op.f('fk_complaint_categories_parent_id_complaint_categories')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint_categories')),
    sa.UniqueConstraint('parent_id', 'name', name=op.f('uq_complaint_categories_parent_id'))
    )
    op.create_table('receipt_counters',
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('last', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('year', name=op.f('pk_receipt_counters'))
    )
    op.create_table('complaints',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('receipt_no', sa.String(length=20), nullable=False),
    sa.Column('received_at', sa.DateTime(), nullable=False),
    sa.Column('channel', sa.String(length=10), nullable=False),
    sa.Column('epeople_no', sa.String(length=30), server_default='', nullable=False),
    sa.Column('source_no', sa.String(length=40), server_default='', nullable=False),
    sa.Column('citizen_id', sa.Integer(), nullable=True),
    sa.Column('type_code', sa.String(length=20), nullable=False),
    sa.Column('category_id', sa.Integer(), nullable=True),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('content', sa.Text(), server_default='', nullable=False),
    sa.Column('road', sa.String(length=200), server_default='', nullable=False),
    sa.Column('dong_name', sa.String(length=30), server_default='', nullable=False),
    sa.Column('department_id', sa.Integer(), nullable=True),
    sa.Column('assignee_id', sa.Integer(), nullable=True),
    sa.Column('priority', sa.String(length=10), server_default='normal', nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('open', sa.Boolean(), nullable=False),
    sa.Column('period_unit', sa.String(length=5), nullable=False),
    sa.Column('period_amount', sa.Integer(), nullable=False),
    sa.Column('due_at', sa.DateTime(), nullable=False),
    sa.Column('extended', sa.Boolean(), server_default='0', nullable=False),
    sa.Column('transferred_to', sa.String(length=100), server_default='', nullable=False),
    sa.Column('done_at', sa.DateTime(), nullable=True),
    sa.Column('result', sa.String(length=12), nullable=True),
    sa.Column('answer', sa.Text(), server_default='', nullable=False),
    sa.Column('flags', sa.String(length=100), server_default='', nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("status IN ('received', 'assigned', 'in_progress', 'on_hold', 'transferred', 'done', 'closed')",
                       name=op.f('ck_complaints_status')),
    sa.ForeignKeyConstraint(['assignee_id'], ['staff.id'], name=op.f('fk_complaints_assignee_id_staff')),
    sa.ForeignKeyConstraint(['category_id'], ['complaint_categories.id'],
                            name=op.f('fk_complaints_category_id_complaint_categories')),
    sa.ForeignKeyConstraint(['citizen_id'], ['citizens.id'], name=op.f('fk_complaints_citizen_id_citizens')),
    sa.ForeignKeyConstraint(['department_id'], ['departments.id'],
                            name=op.f('fk_complaints_department_id_departments')),
    sa.ForeignKeyConstraint(['type_code'], ['complaint_types.code'],
                            name=op.f('fk_complaints_type_code_complaint_types')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaints')),
    sa.UniqueConstraint('receipt_no', name=op.f('uq_complaints_receipt_no'))
    )
    with op.batch_alter_table('complaints', schema=None) as batch_op:
        batch_op.create_index('ix_complaints_assignee_open_due', ['assignee_id', 'open', 'due_at', 'id'], unique=False)
        batch_op.create_index('ix_complaints_category_received', ['category_id', 'received_at'], unique=False)
        batch_op.create_index('ix_complaints_citizen_received', ['citizen_id', 'received_at'], unique=False)
        batch_op.create_index('ix_complaints_department_open_due',
                              ['department_id', 'open', 'due_at', 'id'], unique=False)
        batch_op.create_index('ix_complaints_open_due', ['open', 'due_at', 'id'], unique=False)
        batch_op.create_index('ix_complaints_received_at_id', ['received_at', 'id'], unique=False)
        batch_op.create_index('ix_complaints_due_at_id', ['due_at', 'id'], unique=False)
        batch_op.create_index('ix_complaints_road_category', ['road', 'category_id'], unique=False)

    op.create_table('complaint_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('complaint_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('actor', sa.String(length=50), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('from_status', sa.String(length=12), nullable=True),
    sa.Column('to_status', sa.String(length=12), nullable=True),
    sa.Column('note', sa.Text(), server_default='', nullable=False),
    sa.ForeignKeyConstraint(['complaint_id'], ['complaints.id'],
                            name=op.f('fk_complaint_events_complaint_id_complaints'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_complaint_events_staff_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_complaint_events'))
    )
    with op.batch_alter_table('complaint_events', schema=None) as batch_op:
        batch_op.create_index('ix_complaint_events_complaint_at', ['complaint_id', 'at'], unique=False)

    op.create_table('complaint_links',
    sa.Column('first_id', sa.Integer(), nullable=False),
    sa.Column('second_id', sa.Integer(), nullable=False),
    sa.Column('linked_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('first_id < second_id', name=op.f('ck_complaint_links_order')),
    sa.ForeignKeyConstraint(['first_id'], ['complaints.id'],
                            name=op.f('fk_complaint_links_first_id_complaints'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['second_id'], ['complaints.id'],
                            name=op.f('fk_complaint_links_second_id_complaints'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('first_id', 'second_id', name=op.f('pk_complaint_links'))
    )
    # Title words of three or more characters (FTS5 trigram), kept by triggers, so every path
    # that writes a case (intake, demo, import) indexes it in the same transaction.
    # On a PostgreSQL server the title itself carries a pg_trgm GIN index: no copy to keep.
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE INDEX ix_complaints_title_trgm ON complaints"
                   " USING gin (title gin_trgm_ops)")
    else:
        _sqlite_title_index()
    categories = sa.table("complaint_categories", sa.column("id"), sa.column("parent_id"),
                          sa.column("name"), sa.column("position"))
    rows, next_id = [], 1
    for position, (name, children) in enumerate(SEED_CATEGORIES):
        parent = next_id
        rows.append(dict(id=parent, parent_id=None, name=name, position=position))
        next_id += 1
        for child_position, child in enumerate(children):
            rows.append(dict(id=next_id, parent_id=parent, name=child, position=child_position))
            next_id += 1
    op.bulk_insert(categories, rows)
    if op.get_bind().dialect.name == "postgresql":  # explicit ids: the sequence moves past them
        op.execute("SELECT setval(pg_get_serial_sequence('complaint_categories', 'id'),"
                   " (SELECT max(id) FROM complaint_categories))")


def _sqlite_title_index() -> None:
    op.execute("CREATE VIRTUAL TABLE complaint_fts USING fts5(title, content='complaints',"
               " content_rowid='id', tokenize='trigram')")
    op.execute("CREATE TRIGGER complaints_fts_insert AFTER INSERT ON complaints BEGIN"
               " INSERT INTO complaint_fts(rowid, title) VALUES (new.id, new.title); END")
    op.execute("CREATE TRIGGER complaints_fts_delete AFTER DELETE ON complaints BEGIN"
               " INSERT INTO complaint_fts(complaint_fts, rowid, title)"
               " VALUES ('delete', old.id, old.title); END")
    op.execute("CREATE TRIGGER complaints_fts_update AFTER UPDATE OF title ON complaints BEGIN"
               " INSERT INTO complaint_fts(complaint_fts, rowid, title)"
               " VALUES ('delete', old.id, old.title);"
               " INSERT INTO complaint_fts(rowid, title) VALUES (new.id, new.title); END")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX ix_complaints_title_trgm")
    else:
        for trigger in ("complaints_fts_insert", "complaints_fts_delete", "complaints_fts_update"):
            op.execute(f"DROP TRIGGER {trigger}")
        op.execute("DROP TABLE complaint_fts")
    op.drop_table('complaint_links')
    with op.batch_alter_table('complaint_events', schema=None) as batch_op:
        batch_op.drop_index('ix_complaint_events_complaint_at')
    op.drop_table('complaint_events')
    with op.batch_alter_table('complaints', schema=None) as batch_op:
        for name in ('ix_complaints_received_at_id', 'ix_complaints_open_due',
                     'ix_complaints_due_at_id', 'ix_complaints_road_category',
                     'ix_complaints_department_open_due', 'ix_complaints_citizen_received',
                     'ix_complaints_category_received', 'ix_complaints_assignee_open_due'):
            batch_op.drop_index(name)
    op.drop_table('complaints')
    op.drop_table('receipt_counters')
    op.drop_table('complaint_categories')
