"""Survey modes: office-wide settings (the kiosk's survey and staff PIN, the phone survey),
the number written on a paper form, the callback a manager owes after a low score, and the
daily sums the month's summary reads (kept by triggers, so every writer keeps them right).

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
    sa.ForeignKeyConstraint(['complaint_id'], ['complaints.id'],
                            name=op.f('fk_survey_callbacks_complaint_id_complaints')),
    sa.ForeignKeyConstraint(['response_id'], ['survey_responses.id'],
                            name=op.f('fk_survey_callbacks_response_id_survey_responses'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_callbacks')),
    sa.UniqueConstraint('response_id', name=op.f('uq_survey_callbacks_response_id'))
    )
    with op.batch_alter_table('survey_callbacks', schema=None) as batch_op:
        batch_op.create_index('ix_survey_callbacks_open', ['done_at', 'created_at'], unique=False)


    op.create_table('survey_item_days',
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.String(length=10), nullable=False),
    sa.Column('item', sa.String(length=40), nullable=False),
    sa.Column('n', sa.Integer(), nullable=False),
    sa.Column('total', sa.Float(), nullable=False),
    sa.Column('total_sq', sa.Float(), nullable=False),
    sa.Column('na', sa.Integer(), nullable=False),
    sa.Column('top5', sa.Integer(), nullable=False),
    sa.Column('top7', sa.Integer(), nullable=False),
    sa.Column('promoters', sa.Integer(), nullable=False),
    sa.Column('detractors', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('version_id', 'day', 'item', name=op.f('pk_survey_item_days')),
    sqlite_with_rowid=False
    )
    op.create_table('survey_response_days',
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.String(length=10), nullable=False),
    sa.Column('mode', sa.String(length=10), nullable=False),
    sa.Column('flags', sa.String(length=50), nullable=False),
    sa.Column('n', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('version_id', 'day', 'mode', 'flags', name=op.f('pk_survey_response_days')),
    sqlite_with_rowid=False
    )
    # the monthly report reads its month from two indexes alone: cases finished (with due time,
    # receipt, category, department; the old done_at index is its prefix) and cases received
    # (with channel, type, category, department)
    with op.batch_alter_table('complaints', schema=None) as batch_op:
        batch_op.drop_index('ix_complaints_done_at')
        batch_op.create_index('ix_complaints_done_report',
                              ['done_at', 'due_at', 'received_at', 'category_id', 'department_id',
                               'citizen_id'], unique=False)
        batch_op.create_index('ix_complaints_received_report',
                              ['received_at', 'channel', 'type_code', 'category_id', 'department_id',
                               'citizen_id'], unique=False)
        # a repeated 민원 (same applicant, same category, within 30 days) is found on the index
        batch_op.drop_index('ix_complaints_citizen_received')
        batch_op.create_index('ix_complaints_citizen_received_category',
                              ['citizen_id', 'received_at', 'category_id'], unique=False)
    if op.get_bind().dialect.name == "postgresql":
        # a server database is made at this version or later: nothing to backfill
        for statement in PG_DAILY_SUMS:
            op.execute(statement)
        return
    for statement in DAILY_SUMS:
        op.execute(statement)
    op.execute(BACKFILL_ITEMS)
    op.execute(BACKFILL_RESPONSES)


# One answer's share of its day's sums; +1 when it is written, -1 when it is deleted.
def _answer_sums(row: str, sign: str) -> str:
    return (f"{sign}({row}.value_num IS NOT NULL), {sign}coalesce({row}.value_num, 0),"
            f" {sign}coalesce({row}.value_num * {row}.value_num, 0), {sign}{row}.na,"
            f" {sign}coalesce({row}.value_num >= 4, 0), {sign}coalesce({row}.value_num >= 6, 0),"
            f" {sign}coalesce({row}.value_num >= 9, 0), {sign}coalesce({row}.value_num <= 6, 0)")


_ITEM_UPSERT = (
    "INSERT INTO survey_item_days (version_id, day, item, n, total, total_sq, na, top5, top7,"
    " promoters, detractors) SELECT r.version_id, substr(r.submitted_at, 1, 10), {row}.item, {sums}"
    " FROM survey_responses r WHERE r.id = {row}.response_id"
    " ON CONFLICT (version_id, day, item) DO UPDATE SET n = n + excluded.n,"
    " total = total + excluded.total, total_sq = total_sq + excluded.total_sq, na = na + excluded.na,"
    " top5 = top5 + excluded.top5, top7 = top7 + excluded.top7,"
    " promoters = promoters + excluded.promoters, detractors = detractors + excluded.detractors;")
_RESPONSE_UPSERT = (
    "INSERT INTO survey_response_days (version_id, day, mode, flags, n)"
    " VALUES ({row}.version_id, substr({row}.submitted_at, 1, 10), {row}.mode, {row}.flags, {sign}1)"
    " ON CONFLICT (version_id, day, mode, flags) DO UPDATE SET n = n + excluded.n;")
DAILY_SUMS = (
    "CREATE TRIGGER survey_answers_sum AFTER INSERT ON survey_answers BEGIN "
    + _ITEM_UPSERT.format(row="NEW", sums=_answer_sums("NEW", "")) + " END",
    # an answer deleted alone; one deleted with its response (the cascade runs after the
    # response row is gone, so this finds nothing) is taken out by survey_responses_unsum_answers
    "CREATE TRIGGER survey_answers_unsum AFTER DELETE ON survey_answers BEGIN "
    + _ITEM_UPSERT.format(row="OLD", sums=_answer_sums("OLD", "-")) + " END",
    "CREATE TRIGGER survey_responses_unsum_answers BEFORE DELETE ON survey_responses BEGIN "
    + _ITEM_UPSERT.format(row="a", sums=_answer_sums("a", "-"))
    .replace("SELECT r.version_id, substr(r.submitted_at, 1, 10),",
             "SELECT OLD.version_id, substr(OLD.submitted_at, 1, 10),")
    .replace("FROM survey_responses r WHERE r.id = a.response_id",
             "FROM survey_answers a WHERE a.response_id = OLD.id") + " END",
    "CREATE TRIGGER survey_responses_sum AFTER INSERT ON survey_responses BEGIN "
    + _RESPONSE_UPSERT.format(row="NEW", sign="") + " END",
    "CREATE TRIGGER survey_responses_unsum AFTER DELETE ON survey_responses BEGIN "
    + _RESPONSE_UPSERT.format(row="OLD", sign="-") + " END",
    # answers and responses are never edited; should one ever be, refuse rather than drift
    "CREATE TRIGGER survey_answers_fixed BEFORE UPDATE ON survey_answers BEGIN"
    " SELECT RAISE(ABORT, 'survey answers are not edited'); END",
    "CREATE TRIGGER survey_responses_fixed BEFORE UPDATE OF version_id, submitted_at, mode, flags"
    " ON survey_responses BEGIN SELECT RAISE(ABORT, 'survey responses are not edited'); END",
)
BACKFILL_ITEMS = (
    "INSERT INTO survey_item_days SELECT r.version_id, substr(r.submitted_at, 1, 10), a.item,"
    " count(a.value_num), coalesce(sum(a.value_num), 0), coalesce(sum(a.value_num * a.value_num), 0),"
    " sum(a.na), coalesce(sum(a.value_num >= 4), 0), coalesce(sum(a.value_num >= 6), 0),"
    " coalesce(sum(a.value_num >= 9), 0), coalesce(sum(a.value_num <= 6), 0)"
    " FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id"
    " GROUP BY r.version_id, substr(r.submitted_at, 1, 10), a.item")
BACKFILL_RESPONSES = (
    "INSERT INTO survey_response_days SELECT version_id, substr(submitted_at, 1, 10), mode, flags,"
    " count(*) FROM survey_responses GROUP BY version_id, substr(submitted_at, 1, 10), mode, flags")


# The same sums on a PostgreSQL server, in PL/pgSQL: booleans are counted as integers, the day
# is the timestamp's date as text (the column SQLite fills from the text's first 10 characters).
_PG_ITEM_ADD = """
CREATE FUNCTION pcrm_survey_item_add(v integer, d text, i text, s integer, x double precision,
                                     na boolean) RETURNS void LANGUAGE sql AS $$
  INSERT INTO survey_item_days AS t (version_id, day, item, n, total, total_sq, na, top5, top7,
                                     promoters, detractors)
  VALUES (v, d, i, s * (x IS NOT NULL)::int, s * coalesce(x, 0), s * coalesce(x * x, 0),
          s * na::int, s * coalesce((x >= 4)::int, 0), s * coalesce((x >= 6)::int, 0),
          s * coalesce((x >= 9)::int, 0), s * coalesce((x <= 6)::int, 0))
  ON CONFLICT (version_id, day, item) DO UPDATE SET n = t.n + excluded.n,
    total = t.total + excluded.total, total_sq = t.total_sq + excluded.total_sq,
    na = t.na + excluded.na, top5 = t.top5 + excluded.top5, top7 = t.top7 + excluded.top7,
    promoters = t.promoters + excluded.promoters, detractors = t.detractors + excluded.detractors
$$"""
_PG_RESPONSE_ADD = """
CREATE FUNCTION pcrm_survey_response_add(v integer, d text, m text, f text, s integer)
    RETURNS void LANGUAGE sql AS $$
  INSERT INTO survey_response_days AS t (version_id, day, mode, flags, n) VALUES (v, d, m, f, s)
  ON CONFLICT (version_id, day, mode, flags) DO UPDATE SET n = t.n + excluded.n
$$"""
_PG_TRIGGERS = """
CREATE FUNCTION pcrm_survey_answers_sums() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r survey_responses%ROWTYPE;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT * INTO r FROM survey_responses WHERE id = NEW.response_id;
    PERFORM pcrm_survey_item_add(r.version_id, to_char(r.submitted_at, 'YYYY-MM-DD'), NEW.item,
                                 1, NEW.value_num, NEW.na);
  ELSIF TG_OP = 'DELETE' THEN
    -- deleted with its response, the response is gone already: survey_responses_unsum did it
    SELECT * INTO r FROM survey_responses WHERE id = OLD.response_id;
    IF FOUND THEN
      PERFORM pcrm_survey_item_add(r.version_id, to_char(r.submitted_at, 'YYYY-MM-DD'),
                                   OLD.item, -1, OLD.value_num, OLD.na);
    END IF;
  ELSE
    RAISE EXCEPTION 'survey answers are not edited';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER survey_answers_sum AFTER INSERT OR DELETE ON survey_answers
  FOR EACH ROW EXECUTE FUNCTION pcrm_survey_answers_sums();
CREATE FUNCTION pcrm_survey_answers_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'survey answers are not edited'; END $$;
CREATE TRIGGER survey_answers_fixed BEFORE UPDATE ON survey_answers
  FOR EACH ROW EXECUTE FUNCTION pcrm_survey_answers_fixed();
CREATE FUNCTION pcrm_survey_responses_sums() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM pcrm_survey_response_add(NEW.version_id, to_char(NEW.submitted_at, 'YYYY-MM-DD'),
                                     NEW.mode, NEW.flags, 1);
    RETURN NULL;
  ELSIF TG_OP = 'DELETE' THEN  -- before the row goes: its answers' share leaves with it
    PERFORM pcrm_survey_item_add(OLD.version_id, to_char(OLD.submitted_at, 'YYYY-MM-DD'),
                                 a.item, -1, a.value_num, a.na)
      FROM survey_answers a WHERE a.response_id = OLD.id;
    PERFORM pcrm_survey_response_add(OLD.version_id, to_char(OLD.submitted_at, 'YYYY-MM-DD'),
                                     OLD.mode, OLD.flags, -1);
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'survey responses are not edited';
END $$;
CREATE TRIGGER survey_responses_sum AFTER INSERT ON survey_responses
  FOR EACH ROW EXECUTE FUNCTION pcrm_survey_responses_sums();
CREATE TRIGGER survey_responses_unsum BEFORE DELETE ON survey_responses
  FOR EACH ROW EXECUTE FUNCTION pcrm_survey_responses_sums();
CREATE TRIGGER survey_responses_fixed BEFORE UPDATE OF version_id, submitted_at, mode, flags
  ON survey_responses FOR EACH ROW EXECUTE FUNCTION pcrm_survey_responses_sums();
"""
PG_DAILY_SUMS = (_PG_ITEM_ADD, _PG_RESPONSE_ADD, _PG_TRIGGERS)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for function in ("pcrm_survey_answers_sums", "pcrm_survey_answers_fixed",
                         "pcrm_survey_responses_sums", "pcrm_survey_item_add",
                         "pcrm_survey_response_add"):
            op.execute(f"DROP FUNCTION IF EXISTS {function} CASCADE")  # with their triggers
    else:
        for trigger in ("survey_answers_sum", "survey_answers_unsum",
                        "survey_responses_unsum_answers", "survey_responses_sum",
                        "survey_responses_unsum", "survey_answers_fixed", "survey_responses_fixed"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.drop_table('survey_response_days')
    op.drop_table('survey_item_days')
    with op.batch_alter_table('complaints', schema=None) as batch_op:
        batch_op.drop_index('ix_complaints_received_report')
        batch_op.drop_index('ix_complaints_done_report')
        batch_op.drop_index('ix_complaints_citizen_received_category')
        batch_op.create_index('ix_complaints_citizen_received', ['citizen_id', 'received_at'],
                              unique=False)
        batch_op.create_index('ix_complaints_done_at', ['done_at'], unique=False)
    with op.batch_alter_table('survey_callbacks', schema=None) as batch_op:
        batch_op.drop_index('ix_survey_callbacks_open')
    op.drop_table('survey_callbacks')
    with op.batch_alter_table('survey_responses', schema=None) as batch_op:
        batch_op.drop_column('form_no')
    op.drop_table('office_settings')
