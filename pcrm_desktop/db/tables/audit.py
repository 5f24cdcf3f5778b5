"""The access log (접속기록) with its hash chain, the chain's start and keys, and the
database's own id."""
from __future__ import annotations

from sqlalchemy import (
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
)

from pcrm_desktop.db.tables.base import metadata

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime, nullable=False),
    Column("staff_id", Integer, ForeignKey("staff.id"), nullable=True),
    Column("actor", String(32), nullable=False),
    Column("workstation", String(64), nullable=False),
    Column("action", String(40), nullable=False),
    Column("target", String(80), nullable=False, server_default=""),
    Column("detail", Text, nullable=False, server_default=""),
    # Whose data (a citizen's id; no foreign key: the entry outlives a destroyed record), and the
    # reason given for an export or a reveal (migration 0010).
    Column("subject_id", Integer, nullable=True),
    Column("reason", Text, nullable=False, server_default=""),
    # Hash chain (domain/audit.chain_hash): each entry's hash covers the one before it. A detail
    # destroyed with its record leaves its digest here, so the chain still verifies.
    Column("detail_digest", LargeBinary, nullable=True),
    Column("hash", LargeBinary, nullable=False),
    Index("ix_audit_log_at", "at"),
    Index("ix_audit_log_subject", "subject_id", "id"),
    Index("ix_audit_log_actor_at", "actor", "at"),
    Index("ix_audit_log_action_at", "action", "at"),  # the review's filter by kind
)


# Where the chain starts: entries before first_id were removed by a retention run, and prev_hash
# is the hash of the last one removed. One row (id 1). Triggers refuse deleting entries from
# first_id on, and any change to an entry but the redaction of its detail (migration 0010).
audit_chain_base = Table(
    "audit_chain_base",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("first_id", Integer, nullable=False),
    Column("prev_hash", LargeBinary, nullable=False),
    Column("updated_at", DateTime, nullable=True),
)


# Which installation secret signs the chain from which entry on (HMAC-SHA256; entries before the
# first row are plain SHA-256). Append-only (migration 0011): a new row when a PC without the
# previous key writes. The key itself never enters the database (db/audit_keys.py).
audit_chain_keys = Table(
    "audit_chain_keys",
    metadata,
    Column("from_id", Integer, primary_key=True, autoincrement=False),
    Column("key_id", String(16), nullable=False),
    Column("started_at", DateTime, nullable=False),
)


# The database's own id, made once (migration 0011) and fixed by triggers: backups carry it, so
# a backup of another database is recognised before it replaces this one.
database_identity = Table(
    "database_identity",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("database_id", String(32), nullable=False),
    Column("created_at", DateTime, nullable=False),
)
