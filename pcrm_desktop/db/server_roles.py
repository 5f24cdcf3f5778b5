"""The database role clerks' PCs connect with on a PostgreSQL server, and what it may do.

Two roles, never one: the owner (the role that ran the migrations and owns every table and
trigger) and the app's role (`pcrm_app` unless the office names another), which is what every
counter's `--db` / PCRM_DATABASE_URL names. The app's role

- reads and writes the office's tables (SELECT, INSERT, UPDATE, DELETE) and uses their id
  sequences (USAGE, SELECT, UPDATE: setval after rows copied with their ids);
- may only read and append to the access log and its companions: SELECT and INSERT on
  audit_log, audit_chain_keys and destruction_ledger; SELECT alone on audit_chain_base (the
  chain's start) and database_identity (both written by migrations and the owner's runs) and
  on alembic_version (migrations run as the owner);
- holds no TRUNCATE, no TRIGGER, no REFERENCES anywhere, owns nothing, and so can neither
  ALTER a table nor drop, disable or create a trigger (PostgreSQL lets only a table's owner).

The triggers of migrations 0010/0011 still refuse the owner's own UPDATE or DELETE of an entry:
a grant keeps the clerks' PCs out, the triggers keep a mistaken owner session out, and the
hash chain (with the witnesses) shows what someone who drops both did.

What needs more than appending runs as the owner: the retention run (`pcrm retention run
--db <owner's URL>`) redacts destroyed residents' details in the log (UPDATE), moves the chain's
start (UPDATE of audit_chain_base) and deletes the entries past their period (DELETE); granting
any of these to the app's role would let any counter PC do them too. So do migrations, backups
with pg_dump and restores. `setup_app_role` is idempotent: run it again after every upgrade
(a new table gets its grants; a grant removed by hand comes back; a forbidden one goes).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pcrm_desktop.domain.errors import DatabaseError

APP_ROLE = "pcrm_app"
# the access log and its companions: read and append, nothing else
APPEND_ONLY = ("audit_log", "audit_chain_keys", "destruction_ledger")
# written by migrations and the owner's runs only
READ_ONLY = ("audit_chain_base", "database_identity", "alembic_version")
OFFICE = ("SELECT", "INSERT", "UPDATE", "DELETE")
_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")


@dataclass
class RoleSetup:
    role: str
    created: bool
    tables: dict[str, tuple[str, ...]] = field(default_factory=dict)   # table -> privileges
    sequences: int = 0


def privileges_for(table: str) -> tuple[str, ...]:
    """What the app's role holds on this table."""
    if table in APPEND_ONLY:
        return ("SELECT", "INSERT")
    if table in READ_ONLY:
        return ("SELECT",)
    return OFFICE


def setup_app_role(connection: Any, role: str = APP_ROLE, password: str | None = None,
                   schema: str = "public") -> RoleSetup:
    """Create (or bring up to date) the app's login role on the migrated database `connection`
    is open on, as the tables' owner (an SQLAlchemy connection; committed by the caller).
    Every privilege the role held on the schema's tables and sequences is revoked first, then
    exactly the above granted, so a second run changes nothing and a run after an upgrade
    covers the new tables. `password`: set (or changed) when given."""
    from sqlalchemy import text
    if not _NAME.fullmatch(role):
        raise DatabaseError("server_role_name", role=role)
    raw = connection.connection.driver_connection   # psycopg: identifiers and literals quoted
    from psycopg import sql
    owner = connection.execute(text("SELECT current_user")).scalar()
    if role == owner:
        raise DatabaseError("server_role_is_owner", role=role)
    found = connection.execute(text(
        "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = :role"),
        {"role": role}).first()
    if found is not None and found[0]:
        raise DatabaseError("server_role_superuser", role=role)   # it would bypass every grant
    who = sql.Identifier(role)

    def run(statement: str, *args: sql.Composable) -> None:
        # on the driver's connection, in the caller's transaction; no parameters, so a "%" in a
        # quoted password is not taken for a placeholder
        raw.execute(sql.SQL(statement).format(*args))

    if found is None:
        run("CREATE ROLE {} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT", who)
    if password is not None:
        run("ALTER ROLE {} PASSWORD {}", who, sql.Literal(password))
    database = connection.execute(text("SELECT current_database()")).scalar()
    where = sql.Identifier(schema)
    run("GRANT CONNECT, TEMPORARY ON DATABASE {} TO {}", sql.Identifier(database), who)
    run("REVOKE CREATE ON SCHEMA {} FROM PUBLIC", where)
    run("REVOKE ALL ON SCHEMA {} FROM {}", where, who)
    run("GRANT USAGE ON SCHEMA {} TO {}", where, who)
    run("REVOKE ALL ON ALL TABLES IN SCHEMA {} FROM {}", where, who)
    run("REVOKE ALL ON ALL SEQUENCES IN SCHEMA {} FROM {}", where, who)
    tables = [r[0] for r in connection.execute(text(
        "SELECT tablename FROM pg_tables WHERE schemaname = :schema ORDER BY tablename"),
        {"schema": schema})]
    done = RoleSetup(role, found is None)
    for table in tables:
        granted = privileges_for(table)
        run("GRANT {} ON TABLE {}.{} TO {}", sql.SQL(", ").join(map(sql.SQL, granted)), where,
            sql.Identifier(table), who)
        done.tables[table] = granted
    # a protected table's sequence: nextval only; the office's: setval too
    for sequence, table in connection.execute(text(
            "SELECT s.relname, t.relname FROM pg_class s JOIN pg_namespace n"
            " ON n.oid = s.relnamespace LEFT JOIN pg_depend d ON d.objid = s.oid"
            " AND d.deptype IN ('a', 'i') LEFT JOIN pg_class t ON t.oid = d.refobjid"
            " WHERE s.relkind = 'S' AND n.nspname = :schema ORDER BY 1"), {"schema": schema}):
        kinds = "USAGE, SELECT" if privileges_for(table or "") != OFFICE else "USAGE, SELECT, UPDATE"
        run("GRANT " + kinds + " ON SEQUENCE {}.{} TO {}", where, sql.Identifier(sequence), who)
        done.sequences += 1
    return done


def app_privileges(connection: Any, role: str = APP_ROLE,
                   schema: str = "public") -> dict[str, tuple[str, ...]]:
    """The table privileges `role` holds now (has_table_privilege: directly, through PUBLIC or
    through roles it inherits), for a check and for the tests."""
    from sqlalchemy import text
    kinds = ("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER")
    held: dict[str, tuple[str, ...]] = {}
    for (table,) in connection.execute(text(
            "SELECT tablename FROM pg_tables WHERE schemaname = :schema ORDER BY tablename"),
            {"schema": schema}):
        held[table] = tuple(kind for kind in kinds if connection.execute(text(
            "SELECT has_table_privilege(:role, :table, :kind)"),
            {"role": role, "table": f"{schema}.{table}", "kind": kind}).scalar())
    return held
