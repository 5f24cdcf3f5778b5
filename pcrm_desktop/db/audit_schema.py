"""What the access log's protection looks like in a sound database: the tables and the triggers
the migrations made (0010, 0011). `pcrm check` calls a database unhealthy when any of them is
missing or its definition differs (a guard dropped to edit the log, then put back changed).

A test compares these with a freshly migrated file, so a migration that changes a guard must
change this list too. Read-only; sqlite3 only.
"""
from __future__ import annotations

import sqlite3

# name -> its CREATE statement with runs of white space made one space
TRIGGERS: dict[str, str] = {
    'audit_log_append_only': (
        'CREATE TRIGGER audit_log_append_only BEFORE UPDATE ON audit_log WHEN NOT '
        '(NEW.id = OLD.id AND NEW.at IS OLD.at AND NEW.staff_id IS OLD.staff_id AND '
        'NEW.actor IS OLD.actor AND NEW.workstation IS OLD.workstation AND NEW.action '
        'IS OLD.action AND NEW.target IS OLD.target AND NEW.subject_id IS '
        'OLD.subject_id AND NEW.reason IS OLD.reason AND NEW.hash IS OLD.hash AND '
        "NEW.detail = '' AND OLD.detail_digest IS NULL AND NEW.detail_digest IS NOT "
        "NULL) BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
    ),
    'audit_log_no_delete': (
        'CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log WHEN OLD.id >= '
        '(SELECT first_id FROM audit_chain_base WHERE id = 1) BEGIN SELECT RAISE(ABORT, '
        "'audit_log is append-only'); END"
    ),
    'audit_chain_base_forward': (
        'CREATE TRIGGER audit_chain_base_forward BEFORE UPDATE ON audit_chain_base WHEN '
        'NEW.id != OLD.id OR NEW.first_id < OLD.first_id BEGIN SELECT RAISE(ABORT, '
        "'audit_chain_base only moves forward'); END"
    ),
    'audit_chain_base_kept': (
        'CREATE TRIGGER audit_chain_base_kept BEFORE DELETE ON audit_chain_base BEGIN '
        "SELECT RAISE(ABORT, 'audit_chain_base only moves forward'); END"
    ),
    'destruction_ledger_append_only': (
        'CREATE TRIGGER destruction_ledger_append_only BEFORE UPDATE ON '
        "destruction_ledger BEGIN SELECT RAISE(ABORT, 'destruction_ledger is "
        "append-only'); END"
    ),
    'destruction_ledger_no_delete': (
        'CREATE TRIGGER destruction_ledger_no_delete BEFORE DELETE ON '
        "destruction_ledger BEGIN SELECT RAISE(ABORT, 'destruction_ledger is "
        "append-only'); END"
    ),
    'database_identity_fixed': (
        'CREATE TRIGGER database_identity_fixed BEFORE UPDATE ON database_identity '
        "BEGIN SELECT RAISE(ABORT, 'database_identity is fixed'); END"
    ),
    'database_identity_kept': (
        'CREATE TRIGGER database_identity_kept BEFORE DELETE ON database_identity BEGIN '
        "SELECT RAISE(ABORT, 'database_identity is fixed'); END"
    ),
    'audit_chain_keys_append_only': (
        'CREATE TRIGGER audit_chain_keys_append_only BEFORE UPDATE ON audit_chain_keys '
        "BEGIN SELECT RAISE(ABORT, 'audit_chain_keys is append-only'); END"
    ),
    'audit_chain_keys_no_delete': (
        'CREATE TRIGGER audit_chain_keys_no_delete BEFORE DELETE ON audit_chain_keys '
        "BEGIN SELECT RAISE(ABORT, 'audit_chain_keys is append-only'); END"
    ),
    'audit_chain_keys_forward': (
        'CREATE TRIGGER audit_chain_keys_forward BEFORE INSERT ON audit_chain_keys WHEN '
        'NEW.from_id <= (SELECT coalesce(max(from_id), 0) FROM audit_chain_keys) BEGIN '
        "SELECT RAISE(ABORT, 'audit_chain_keys is append-only'); END"
    ),
}

# the protected tables and their columns (name, declared type, not null, primary key)
TABLES: dict[str, tuple[tuple[str, str, int, int], ...]] = {
    'audit_log': (
        ('id', 'INTEGER', 1, 1),
        ('at', 'DATETIME', 1, 0),
        ('staff_id', 'INTEGER', 0, 0),
        ('actor', 'VARCHAR(32)', 1, 0),
        ('workstation', 'VARCHAR(64)', 1, 0),
        ('action', 'VARCHAR(40)', 1, 0),
        ('target', 'VARCHAR(80)', 1, 0),
        ('detail', 'TEXT', 1, 0),
        ('subject_id', 'INTEGER', 0, 0),
        ('reason', 'TEXT', 1, 0),
        ('detail_digest', 'BLOB', 0, 0),
        ('hash', 'BLOB', 1, 0),
    ),
    'audit_chain_base': (
        ('id', 'INTEGER', 1, 1),
        ('first_id', 'INTEGER', 1, 0),
        ('prev_hash', 'BLOB', 1, 0),
        ('updated_at', 'DATETIME', 0, 0),
    ),
    'audit_chain_keys': (
        ('from_id', 'INTEGER', 1, 1),
        ('key_id', 'VARCHAR(16)', 1, 0),
        ('started_at', 'DATETIME', 1, 0),
    ),
    'database_identity': (
        ('id', 'INTEGER', 1, 1),
        ('database_id', 'VARCHAR(32)', 1, 0),
        ('created_at', 'DATETIME', 1, 0),
    ),
    'destruction_ledger': (
        ('id', 'INTEGER', 1, 1),
        ('at', 'DATETIME', 1, 0),
        ('staff_id', 'INTEGER', 0, 0),
        ('actor', 'VARCHAR(32)', 1, 0),
        ('workstation', 'VARCHAR(64)', 1, 0),
        ('kind', 'VARCHAR(30)', 1, 0),
        ('months', 'INTEGER', 1, 0),
        ('cutoff', 'DATE', 1, 0),
        ('count', 'INTEGER', 1, 0),
        ('method', 'VARCHAR(200)', 1, 0),
        ('detail', 'TEXT', 1, 0),
    ),
}


def _normal(sql: str | None) -> str:
    return " ".join((sql or "").split())


def guard_problems(conn: sqlite3.Connection) -> list[str]:
    """Each protected table or trigger that is missing or not as the migrations made it, as
    "name: missing" or "name: altered". Empty for a sound database; what a schema before a
    migration did not have yet is not asked for."""
    found = {name: sql for name, sql in conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type IN ('table', 'trigger')")}
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone() \
        if "alembic_version" in found else None
    revision = row[0] if row else ""
    if revision < "0010":
        return []
    made_later = ("audit_chain_keys", "database_identity") if revision < "0011" else ()
    problems = []
    for table, columns in TABLES.items():
        if table.startswith(made_later or ("\0",)):
            continue
        if table not in found:
            problems.append(f"{table}: missing")
        elif tuple((r[1], r[2], r[3], r[5]) for r in
                   conn.execute(f"PRAGMA table_info({table})")) != columns:
            problems.append(f"{table}: altered")
    for name, sql in TRIGGERS.items():
        if name.startswith(made_later or ("\0",)):
            continue
        if name not in found:
            problems.append(f"{name}: missing")
        elif _normal(found[name]) != sql:
            problems.append(f"{name}: altered")
    return problems
