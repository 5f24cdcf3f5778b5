"""What the access log's protection looks like in a sound database: the tables and the triggers
the migrations made (0010, 0011). `pcrm check` and `pcrm audit verify` call a database unhealthy
when any of them is missing or its definition differs (a guard dropped to edit the log, then put
back changed).

A SQLite file is read through sqlite_master and PRAGMA table_info (a sqlite3 connection); a
PostgreSQL server through its catalogue (an SQLAlchemy connection): pg_trigger (each trigger
enabled, its definition as pg_get_triggerdef prints it), the PL/pgSQL functions they call
(pg_proc) and the tables' columns (pg_attribute). On a server a grant is part of the protection
too: any role but the tables' owner holding UPDATE, DELETE, TRUNCATE or TRIGGER on a protected
table is a problem (db/server_roles: the app's role may only read and append).

Tests compare these with a freshly migrated file and server database, so a migration that
changes a guard must change these lists too. Read-only.
"""
from __future__ import annotations

import sqlite3
from typing import Any

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


def guard_problems(conn: sqlite3.Connection | Any) -> list[str]:
    """Each protected table or trigger that is missing or not as the migrations made it, as
    "name: missing" or "name: altered" (on a server also "name: disabled" and "table: PRIVILEGE
    granted to role"). Empty for a sound database; what a schema before a migration did not
    have yet is not asked for. `conn`: a sqlite3 connection to a file, or an SQLAlchemy one."""
    if not isinstance(conn, sqlite3.Connection):
        if conn.dialect.name == "postgresql":
            return server_guard_problems(conn)
        conn = conn.connection.driver_connection   # SQLAlchemy over a SQLite file
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


# --- a PostgreSQL server ------------------------------------------------------------------------

_REFUSE = "EXECUTE FUNCTION pcrm_refuse('{}')"
_LOG = "audit_log is append-only"
_BASE = "audit_chain_base only moves forward"
_KEYS = "audit_chain_keys is append-only"
_LEDGER = "destruction_ledger is append-only"
_ROW, _STATEMENT = "FOR EACH ROW", "FOR EACH STATEMENT"


def _pg(name: str, when: str, table: str, rest: str) -> str:
    return f"CREATE TRIGGER {name} BEFORE {when} ON public.{table} {rest}"


# name -> its definition as pg_get_triggerdef prints it (migrations 0010 and 0011, PG_TRIGGERS)
SERVER_TRIGGERS: dict[str, str] = {
    'audit_log_append_only': _pg(
        'audit_log_append_only', 'UPDATE', 'audit_log',
        "FOR EACH ROW WHEN ((NOT ((new.id = old.id) AND (NOT (new.at IS DISTINCT FROM old.at)) "
        "AND (NOT (new.staff_id IS DISTINCT FROM old.staff_id)) "
        "AND (NOT ((new.actor)::text IS DISTINCT FROM (old.actor)::text)) "
        "AND (NOT ((new.workstation)::text IS DISTINCT FROM (old.workstation)::text)) "
        "AND (NOT ((new.action)::text IS DISTINCT FROM (old.action)::text)) "
        "AND (NOT ((new.target)::text IS DISTINCT FROM (old.target)::text)) "
        "AND (NOT (new.subject_id IS DISTINCT FROM old.subject_id)) "
        "AND (NOT (new.reason IS DISTINCT FROM old.reason)) "
        "AND (NOT (new.hash IS DISTINCT FROM old.hash)) AND (new.detail = ''::text) "
        "AND (old.detail_digest IS NULL) AND (new.detail_digest IS NOT NULL)))) "
        + _REFUSE.format(_LOG)),
    'audit_log_no_delete': _pg('audit_log_no_delete', 'DELETE', 'audit_log',
                               f"{_ROW} EXECUTE FUNCTION pcrm_audit_log_no_delete()"),
    'audit_log_no_truncate': _pg('audit_log_no_truncate', 'TRUNCATE', 'audit_log',
                                 f"{_STATEMENT} {_REFUSE.format(_LOG)}"),
    'audit_chain_base_forward': _pg(
        'audit_chain_base_forward', 'UPDATE', 'audit_chain_base',
        "FOR EACH ROW WHEN (((new.id <> old.id) OR (new.first_id < old.first_id))) "
        + _REFUSE.format(_BASE)),
    'audit_chain_base_kept': _pg('audit_chain_base_kept', 'DELETE', 'audit_chain_base',
                                 f"{_ROW} {_REFUSE.format(_BASE)}"),
    'destruction_ledger_append_only': _pg('destruction_ledger_append_only', 'DELETE OR UPDATE',
                                          'destruction_ledger', f"{_ROW} {_REFUSE.format(_LEDGER)}"),
    'destruction_ledger_no_truncate': _pg('destruction_ledger_no_truncate', 'TRUNCATE',
                                          'destruction_ledger',
                                          f"{_STATEMENT} {_REFUSE.format(_LEDGER)}"),
    'database_identity_fixed': _pg('database_identity_fixed', 'DELETE OR UPDATE',
                                   'database_identity',
                                   f"{_ROW} {_REFUSE.format('database_identity is fixed')}"),
    'audit_chain_keys_append_only': _pg('audit_chain_keys_append_only', 'DELETE OR UPDATE',
                                        'audit_chain_keys', f"{_ROW} {_REFUSE.format(_KEYS)}"),
    'audit_chain_keys_forward': _pg('audit_chain_keys_forward', 'INSERT', 'audit_chain_keys',
                                    f"{_ROW} EXECUTE FUNCTION pcrm_audit_chain_keys_forward()"),
    'audit_chain_keys_no_truncate': _pg('audit_chain_keys_no_truncate', 'TRUNCATE',
                                        'audit_chain_keys', f"{_STATEMENT} {_REFUSE.format(_KEYS)}"),
}

# the PL/pgSQL functions the triggers call: name -> body with runs of white space made one space
SERVER_FUNCTIONS: dict[str, str] = {
    'pcrm_refuse': "BEGIN RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'raise_exception'; END",
    'pcrm_audit_log_no_delete': (
        "BEGIN IF OLD.id >= (SELECT first_id FROM audit_chain_base WHERE id = 1) THEN RAISE "
        "EXCEPTION 'audit_log is append-only'; END IF; RETURN OLD; END"),
    'pcrm_audit_chain_keys_forward': (
        "BEGIN IF NEW.from_id <= (SELECT coalesce(max(from_id), 0) FROM audit_chain_keys) THEN "
        "RAISE EXCEPTION 'audit_chain_keys is append-only'; END IF; RETURN NEW; END"),
}

_SERVER_TYPES = {'INTEGER': 'integer', 'DATETIME': 'timestamp without time zone', 'TEXT': 'text',
                 'BLOB': 'bytea', 'DATE': 'date'}


def server_type(declared: str) -> str:
    """A column's declared SQLite type (TABLES) as the server names it (format_type)."""
    if declared.startswith('VARCHAR('):
        return 'character varying' + declared[len('VARCHAR'):]
    return _SERVER_TYPES[declared]


# privileges nobody but the tables' owner may hold on a protected table
FORBIDDEN = ("UPDATE", "DELETE", "TRUNCATE", "TRIGGER")


def server_guard_problems(conn: Any) -> list[str]:
    """guard_problems on a PostgreSQL server (an SQLAlchemy connection)."""
    from sqlalchemy import text
    tables = {r[0] for r in conn.execute(text(
        "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"))}
    revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar() \
        if "alembic_version" in tables else None
    if (revision or "") < "0011":   # a server database is made at the head: 0011 or later
        return []
    problems = []
    for table, columns in TABLES.items():
        if table not in tables:
            problems.append(f"{table}: missing")
            continue
        found = tuple(conn.execute(text(
            "SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,"
            " coalesce(a.attnum = ANY(i.indkey), false) FROM pg_attribute a"
            " LEFT JOIN pg_index i ON i.indrelid = a.attrelid AND i.indisprimary"
            " WHERE a.attrelid = to_regclass(:table) AND a.attnum > 0 AND NOT a.attisdropped"
            " ORDER BY a.attnum"), {"table": f"public.{table}"}))
        wanted = tuple((name, server_type(kind), bool(not_null), bool(key))
                       for name, kind, not_null, key in columns)
        if tuple((r[0], r[1], bool(r[2]), bool(r[3])) for r in found) != wanted:
            problems.append(f"{table}: altered")
    triggers = {r[0]: (r[1], r[2]) for r in conn.execute(text(
        "SELECT t.tgname, t.tgenabled, pg_get_triggerdef(t.oid) FROM pg_trigger t"
        " JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
        " WHERE NOT t.tgisinternal AND n.nspname = 'public'"))}
    for name, definition in SERVER_TRIGGERS.items():
        if name not in triggers:
            problems.append(f"{name}: missing")
        elif _normal(triggers[name][1]) != definition:
            problems.append(f"{name}: altered")
        elif triggers[name][0] not in ("O", "A"):   # ALTER TABLE … DISABLE TRIGGER
            problems.append(f"{name}: disabled")
    functions = {r[0]: r[1] for r in conn.execute(text(
        "SELECT p.proname, p.prosrc FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
        " WHERE n.nspname = 'public' AND p.proname LIKE 'pcrm%'"))}
    for name, body in SERVER_FUNCTIONS.items():
        if name not in functions:
            problems.append(f"{name}: missing")
        elif _normal(functions[name]) != body:
            problems.append(f"{name}: altered")
    return problems + _grant_problems(conn)


def _grant_problems(conn: Any) -> list[str]:
    """"table: PRIVILEGE granted to role" for each forbidden privilege anyone but the owner holds
    on a protected table (directly; PUBLIC included)."""
    from sqlalchemy import text
    rows = conn.execute(text(
        "SELECT c.relname, a.privilege_type, CASE WHEN a.grantee = 0 THEN 'PUBLIC'"
        " ELSE pg_get_userbyid(a.grantee) END"
        " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace,"
        " aclexplode(c.relacl) a WHERE n.nspname = 'public' AND c.relname = ANY(:tables)"
        " AND a.grantee <> c.relowner AND a.privilege_type = ANY(:forbidden)"
        " ORDER BY 1, 2, 3"), {"tables": list(TABLES), "forbidden": list(FORBIDDEN)})
    return [f"{table}: {privilege} granted to {grantee}" for table, privilege, grantee in rows]
