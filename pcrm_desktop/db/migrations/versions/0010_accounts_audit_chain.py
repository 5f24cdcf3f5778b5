"""Accounts and a tamper-evident access log: password hash, failed logins and lock on staff;
whose data, reason, detail digest and chain hash on every audit entry (the existing entries are
chained here, in id order); where the chain starts; triggers that keep the log append-only; the
destruction ledger (파기 대장).

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-27 17:10:00
"""
import sqlalchemy as sa
from alembic import op

from pcrm_desktop.domain.audit import GENESIS, chain_hash, detail_digest, subject_of

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

# Refuse any change but the redaction of a detail (emptied, its digest kept), and any deletion
# of an entry the chain still starts from. A tool that bypasses these is caught by verification.
TRIGGERS = (
    """CREATE TRIGGER audit_log_append_only BEFORE UPDATE ON audit_log
    WHEN NOT (NEW.id = OLD.id AND NEW.at IS OLD.at AND NEW.staff_id IS OLD.staff_id
              AND NEW.actor IS OLD.actor AND NEW.workstation IS OLD.workstation
              AND NEW.action IS OLD.action AND NEW.target IS OLD.target
              AND NEW.subject_id IS OLD.subject_id AND NEW.reason IS OLD.reason
              AND NEW.hash IS OLD.hash AND NEW.detail = '' AND OLD.detail_digest IS NULL
              AND NEW.detail_digest IS NOT NULL)
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END""",
    """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
    WHEN OLD.id >= (SELECT first_id FROM audit_chain_base WHERE id = 1)
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END""",
    # The chain's start only moves forward (a retention run) and is never removed.
    """CREATE TRIGGER audit_chain_base_forward BEFORE UPDATE ON audit_chain_base
    WHEN NEW.id != OLD.id OR NEW.first_id < OLD.first_id
    BEGIN SELECT RAISE(ABORT, 'audit_chain_base only moves forward'); END""",
    """CREATE TRIGGER audit_chain_base_kept BEFORE DELETE ON audit_chain_base
    BEGIN SELECT RAISE(ABORT, 'audit_chain_base only moves forward'); END""",
    """CREATE TRIGGER destruction_ledger_append_only BEFORE UPDATE ON destruction_ledger
    BEGIN SELECT RAISE(ABORT, 'destruction_ledger is append-only'); END""",
    """CREATE TRIGGER destruction_ledger_no_delete BEFORE DELETE ON destruction_ledger
    BEGIN SELECT RAISE(ABORT, 'destruction_ledger is append-only'); END""",
)


def upgrade() -> None:
    with op.batch_alter_table('staff', schema=None) as batch_op:
        batch_op.add_column(sa.Column('password_hash', sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column('must_change_password', sa.Boolean(), server_default='1',
                                      nullable=False))
        batch_op.add_column(sa.Column('failed_logins', sa.Integer(), server_default='0',
                                      nullable=False))
        batch_op.add_column(sa.Column('locked_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('password_changed_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('last_login_at', sa.DateTime(), nullable=True))

    op.create_table('audit_chain_base',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('first_id', sa.Integer(), nullable=False),
    sa.Column('prev_hash', sa.LargeBinary(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_chain_base'))
    )
    op.create_table('destruction_ledger',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=True),
    sa.Column('actor', sa.String(length=32), nullable=False),
    sa.Column('workstation', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('months', sa.Integer(), nullable=False),
    sa.Column('cutoff', sa.Date(), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('method', sa.String(length=200), nullable=False),
    sa.Column('detail', sa.Text(), server_default='', nullable=False),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'],
                            name=op.f('fk_destruction_ledger_staff_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_destruction_ledger'))
    )
    with op.batch_alter_table('destruction_ledger', schema=None) as batch_op:
        batch_op.create_index('ix_destruction_ledger_at', ['at'], unique=False)

    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.add_column(sa.Column('subject_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('reason', sa.Text(), server_default='', nullable=False))
        batch_op.add_column(sa.Column('detail_digest', sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column('hash', sa.LargeBinary(), nullable=True))

    # Chain the entries written before this version, in id order; a reveal's reason was kept in
    # its detail ("phone: 사유"), so it moves to the reason column as it is hashed.
    bind = op.get_bind()
    prev, first = GENESIS, None
    rows = bind.exec_driver_sql(
        "SELECT id, at, staff_id, actor, workstation, action, target, detail FROM audit_log "
        "ORDER BY id").fetchall()
    updates = []
    for entry_id, at, staff_id, actor, workstation, action, target, detail in rows:
        first = entry_id if first is None else first
        subject = subject_of(target)
        reason = ""
        if action == "citizen.reveal" and ": " in detail:
            detail, reason = detail.split(": ", 1)
        elif action == "citizen.export" and "; 사유: " in detail:
            detail, given = detail.split("; 사유: ", 1)
            reason = "" if given == "-" else given
        prev = chain_hash(prev, entry_id, at, staff_id, actor, workstation, action, target,
                          subject, reason, detail_digest(detail))
        updates.append((subject, reason, detail, prev, entry_id))
    if updates:
        bind.execute(sa.text("UPDATE audit_log SET subject_id = :s, reason = :r, detail = :d, "
                             "hash = :h WHERE id = :i"),
                     [dict(s=s, r=r, d=d, h=h, i=i) for s, r, d, h, i in updates])
    bind.execute(sa.text("INSERT INTO audit_chain_base (id, first_id, prev_hash) "
                         "VALUES (1, :first, :prev)"), dict(first=first or 1, prev=GENESIS))

    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.alter_column('hash', existing_type=sa.LargeBinary(), nullable=False)
        batch_op.create_index('ix_audit_log_subject', ['subject_id', 'id'], unique=False)
        batch_op.create_index('ix_audit_log_actor_at', ['actor', 'at'], unique=False)
        batch_op.create_index('ix_audit_log_action_at', ['action', 'at'], unique=False)

    # Everyone signs in from now on: existing accounts get a password from an admin (or, for the
    # first admin, on the first start) and must change it.
    for statement in PG_TRIGGERS if bind.dialect.name == "postgresql" else TRIGGERS:
        op.execute(statement)


# The same guards on a PostgreSQL server (PL/pgSQL; a trigger's WHEN takes no subquery, so the
# chain's start is looked up in the function). TRUNCATE is refused too. On a server the app's
# role has no UPDATE, DELETE or TRUNCATE on these tables at all (`pcrm server setup`): these
# triggers also hold the owner to the rule.
PG_TRIGGERS = (
    """CREATE FUNCTION pcrm_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'raise_exception'; END $$""",
    """CREATE FUNCTION pcrm_audit_log_no_delete() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF OLD.id >= (SELECT first_id FROM audit_chain_base WHERE id = 1) THEN
        RAISE EXCEPTION 'audit_log is append-only';
      END IF;
      RETURN OLD;
    END $$""",
    """CREATE TRIGGER audit_log_append_only BEFORE UPDATE ON audit_log FOR EACH ROW
    WHEN (NOT (NEW.id = OLD.id AND NEW.at IS NOT DISTINCT FROM OLD.at
               AND NEW.staff_id IS NOT DISTINCT FROM OLD.staff_id
               AND NEW.actor IS NOT DISTINCT FROM OLD.actor
               AND NEW.workstation IS NOT DISTINCT FROM OLD.workstation
               AND NEW.action IS NOT DISTINCT FROM OLD.action
               AND NEW.target IS NOT DISTINCT FROM OLD.target
               AND NEW.subject_id IS NOT DISTINCT FROM OLD.subject_id
               AND NEW.reason IS NOT DISTINCT FROM OLD.reason
               AND NEW.hash IS NOT DISTINCT FROM OLD.hash AND NEW.detail = ''
               AND OLD.detail_digest IS NULL AND NEW.detail_digest IS NOT NULL))
    EXECUTE FUNCTION pcrm_refuse('audit_log is append-only')""",
    """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW
    EXECUTE FUNCTION pcrm_audit_log_no_delete()""",
    """CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION pcrm_refuse('audit_log is append-only')""",
    """CREATE TRIGGER audit_chain_base_forward BEFORE UPDATE ON audit_chain_base FOR EACH ROW
    WHEN (NEW.id != OLD.id OR NEW.first_id < OLD.first_id)
    EXECUTE FUNCTION pcrm_refuse('audit_chain_base only moves forward')""",
    """CREATE TRIGGER audit_chain_base_kept BEFORE DELETE ON audit_chain_base FOR EACH ROW
    EXECUTE FUNCTION pcrm_refuse('audit_chain_base only moves forward')""",
    """CREATE TRIGGER destruction_ledger_append_only BEFORE UPDATE OR DELETE ON destruction_ledger
    FOR EACH ROW EXECUTE FUNCTION pcrm_refuse('destruction_ledger is append-only')""",
    """CREATE TRIGGER destruction_ledger_no_truncate BEFORE TRUNCATE ON destruction_ledger
    FOR EACH STATEMENT EXECUTE FUNCTION pcrm_refuse('destruction_ledger is append-only')""",
)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS pcrm_audit_log_no_delete CASCADE")
        op.execute("DROP FUNCTION IF EXISTS pcrm_refuse CASCADE")
        return _downgrade_tables()
    for name in ('audit_log_append_only', 'audit_log_no_delete', 'audit_chain_base_forward',
                 'audit_chain_base_kept',
                 'destruction_ledger_append_only', 'destruction_ledger_no_delete'):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    _downgrade_tables()


def _downgrade_tables() -> None:
    with op.batch_alter_table('audit_log', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_log_action_at')
        batch_op.drop_index('ix_audit_log_actor_at')
        batch_op.drop_index('ix_audit_log_subject')
        batch_op.drop_column('hash')
        batch_op.drop_column('detail_digest')
        batch_op.drop_column('reason')
        batch_op.drop_column('subject_id')
    with op.batch_alter_table('destruction_ledger', schema=None) as batch_op:
        batch_op.drop_index('ix_destruction_ledger_at')
    op.drop_table('destruction_ledger')
    op.drop_table('audit_chain_base')
    with op.batch_alter_table('staff', schema=None) as batch_op:
        batch_op.drop_column('last_login_at')
        batch_op.drop_column('password_changed_at')
        batch_op.drop_column('locked_at')
        batch_op.drop_column('failed_logins')
        batch_op.drop_column('must_change_password')
        batch_op.drop_column('password_hash')
