"""Each database gets an id of its own (backups name it; restoring another database's backup is
said so), and the access log's chain becomes keyed: `audit_chain_keys` records from which entry
on which installation secret (by its public id) signs the entries (HMAC-SHA256; entries before
the first row stay plain SHA-256). Both tables refuse every change but appending.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 16:40:00
"""
import uuid

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

TRIGGERS = (
    """CREATE TRIGGER database_identity_fixed BEFORE UPDATE ON database_identity
    BEGIN SELECT RAISE(ABORT, 'database_identity is fixed'); END""",
    """CREATE TRIGGER database_identity_kept BEFORE DELETE ON database_identity
    BEGIN SELECT RAISE(ABORT, 'database_identity is fixed'); END""",
    """CREATE TRIGGER audit_chain_keys_append_only BEFORE UPDATE ON audit_chain_keys
    BEGIN SELECT RAISE(ABORT, 'audit_chain_keys is append-only'); END""",
    """CREATE TRIGGER audit_chain_keys_no_delete BEFORE DELETE ON audit_chain_keys
    BEGIN SELECT RAISE(ABORT, 'audit_chain_keys is append-only'); END""",
    """CREATE TRIGGER audit_chain_keys_forward BEFORE INSERT ON audit_chain_keys
    WHEN NEW.from_id <= (SELECT coalesce(max(from_id), 0) FROM audit_chain_keys)
    BEGIN SELECT RAISE(ABORT, 'audit_chain_keys is append-only'); END""",
)


def upgrade() -> None:
    op.create_table('database_identity',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('database_id', sa.String(length=32), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_database_identity'))
    )
    op.create_table('audit_chain_keys',
    sa.Column('from_id', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('key_id', sa.String(length=16), nullable=False),
    sa.Column('started_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('from_id', name=op.f('pk_audit_chain_keys'))
    )
    from datetime import datetime

    from alembic import context
    # the id is the file's own (backups, drafts and the log's witnesses are kept by it); the
    # time is the caller's clock when it gave one (db.migrate.upgrade's `now`)
    created = context.config.attributes.get("now") or datetime.now()
    bind = op.get_bind()
    identity = sa.table("database_identity", sa.column("id", sa.Integer),
                        sa.column("database_id", sa.String), sa.column("created_at", sa.DateTime))
    bind.execute(identity.insert().values(id=1, database_id=uuid.uuid4().hex, created_at=created))
    for statement in PG_TRIGGERS if bind.dialect.name == "postgresql" else TRIGGERS:
        op.execute(statement)


# The same on a PostgreSQL server (pcrm_refuse is migration 0010's).
PG_TRIGGERS = (
    """CREATE TRIGGER database_identity_fixed BEFORE UPDATE OR DELETE ON database_identity
    FOR EACH ROW EXECUTE FUNCTION pcrm_refuse('database_identity is fixed')""",
    """CREATE TRIGGER audit_chain_keys_append_only BEFORE UPDATE OR DELETE ON audit_chain_keys
    FOR EACH ROW EXECUTE FUNCTION pcrm_refuse('audit_chain_keys is append-only')""",
    """CREATE FUNCTION pcrm_audit_chain_keys_forward() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.from_id <= (SELECT coalesce(max(from_id), 0) FROM audit_chain_keys) THEN
        RAISE EXCEPTION 'audit_chain_keys is append-only';
      END IF;
      RETURN NEW;
    END $$""",
    """CREATE TRIGGER audit_chain_keys_forward BEFORE INSERT ON audit_chain_keys
    FOR EACH ROW EXECUTE FUNCTION pcrm_audit_chain_keys_forward()""",
    """CREATE TRIGGER audit_chain_keys_no_truncate BEFORE TRUNCATE ON audit_chain_keys
    FOR EACH STATEMENT EXECUTE FUNCTION pcrm_refuse('audit_chain_keys is append-only')""",
)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS pcrm_audit_chain_keys_forward CASCADE")
        op.execute("DROP TRIGGER IF EXISTS database_identity_fixed ON database_identity")
        op.execute("DROP TRIGGER IF EXISTS audit_chain_keys_append_only ON audit_chain_keys")
        op.execute("DROP TRIGGER IF EXISTS audit_chain_keys_no_truncate ON audit_chain_keys")
        op.drop_table('audit_chain_keys')
        op.drop_table('database_identity')
        return
    for name in ('database_identity_fixed', 'database_identity_kept',
                 'audit_chain_keys_append_only', 'audit_chain_keys_no_delete',
                 'audit_chain_keys_forward'):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table('audit_chain_keys')
    op.drop_table('database_identity')
